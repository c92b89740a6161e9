"""Mentions: what the text says of a name where it stands (role, place use, defined aliases)."""

from __future__ import annotations

from typing import Any

from briefgen.extract.entities import find_mentions
from briefgen.extract.names import AliasIndex
from briefgen.model import Knowledge, Mention


def mentions(text: str, nlp: Any, index: AliasIndex, knowledge: Knowledge) -> dict[str, Mention]:
    return {m.text: m for m in find_mentions("a1", [nlp(text)], index, knowledge)}


def test_role_before_the_name(nlp: Any, index: AliasIndex, knowledge: Knowledge) -> None:
    found = mentions(
        "Rebel commander Col. Amos Kiprono and Ugandan Foreign Minister Ruth Nankabirwa met.",
        nlp,
        index,
        knowledge,
    )
    assert found["Amos Kiprono"].role == "Rebel commander"  # the rank between is skipped
    assert found["Ruth Nankabirwa"].role == "Ugandan Foreign Minister"


def test_role_before_a_name_with_the(nlp: Any, index: AliasIndex, knowledge: Knowledge) -> None:
    text = "Kenya-based war monitor the Observatory for Coastal Rights said so."
    found = mentions(text, nlp, index, knowledge)
    assert found["Observatory for Coastal Rights"].role == "Kenya-based war monitor"


def test_appositive_role(nlp: Any, index: AliasIndex, knowledge: Knowledge) -> None:
    text = "Uganda, a main backer of the Kenyan government, sent troops."
    assert mentions(text, nlp, index, knowledge)["Uganda"].role == (
        "a main backer of the Kenyan government"
    )


def test_no_role_from_an_adjective_alone(nlp: Any, index: AliasIndex, knowledge: Knowledge) -> None:
    found = mentions("The decision angered Kenyan President Grace Wanjiru.", nlp, index, knowledge)
    assert found["Grace Wanjiru"].role == "Kenyan President"
    assert mentions("Grace Wanjiru spoke.", nlp, index, knowledge)["Grace Wanjiru"].role == ""


def test_names_used_as_places(nlp: Any, index: AliasIndex, knowledge: Knowledge) -> None:
    found = mentions(
        "Fighters seized Lamu and entered the city of Malindi, near Garissa, while the "
        "Red Cross said Kilifi province was calm.",
        nlp,
        index,
        knowledge,
    )
    places = {t for t, m in found.items() if m.place_cue}
    assert {"Lamu", "Garissa", "Kilifi"} <= places  # the model misses Malindi altogether
    assert "Red Cross" not in places


def test_acronym_defined_in_brackets(nlp: Any, index: AliasIndex, knowledge: Knowledge) -> None:
    text = "The Northern Liberation Front (NLF) said the NLF would fight on."
    found = find_mentions("a1", [nlp(text)], index, knowledge)
    defined = [m for m in found if m.alias_of]
    assert [(m.text, m.alias_of) for m in defined] == [("NLF", "northern-liberation-front")]


def test_brackets_that_are_no_acronym(nlp: Any, index: AliasIndex, knowledge: Knowledge) -> None:
    text = "The Northern Liberation Front (UN) and the Port Authority (KPA) met."
    found = find_mentions("a1", [nlp(text)], index, knowledge)
    assert [m.text for m in found if m.alias_of] == []  # initials do not match: no alias


def test_titles_alone_are_no_names(nlp: Any, index: AliasIndex, knowledge: Knowledge) -> None:
    found = mentions("Col. said nothing, Gen. agreed.", nlp, index, knowledge)
    assert "Col" not in found
    assert "Gen" not in found
