"""Statements on inline texts about other events: speaker, kind and words, or nothing."""

from __future__ import annotations

from typing import Any

import pytest

from briefgen.extract.names import AliasIndex
from briefgen.extract.statements import find_statements
from briefgen.model import Knowledge


def statements_of(
    text: str, nlp: Any, index: AliasIndex, knowledge: Knowledge
) -> list[tuple[str, str, str]]:
    paragraphs = tuple(p for p in text.split("\n\n") if p.strip())
    docs = list(nlp.pipe(paragraphs))
    found = find_statements("a", paragraphs, docs, index, knowledge)
    return [(s.speaker_name, s.kind, s.text) for s in found]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # speaker after the quotation
        (
            "“The port will reopen on Monday,” Mayor Maria Lopez said.",
            [("Maria Lopez", "direct", "The port will reopen on Monday")],
        ),
        # inverted: said X
        (
            '"We will not be bullied," said union leader John Kamau.',
            [("John Kamau", "direct", "We will not be bullied")],
        ),
        # speaker before, colon
        (
            'Lopez said: "Nobody wants a long strike."',
            [("Maria Lopez", "direct", "Nobody wants a long strike.")],
        ),
        # indirect speech, with a pronoun resolved to the previous sentence's subject
        (
            "Transport Minister Peter Mwangi visited the port on Friday. He told reporters that "
            "the government would not negotiate under pressure.",
            [("Peter Mwangi", "indirect", "the government would not negotiate under pressure")],
        ),
        # government by alias, indirect
        (
            "The Kenyan government said the strike was illegal.",
            [("Kenya", "indirect", "the strike was illegal")],
        ),
        # institutional speaker without a personal name
        (
            "Kenyan security officials said a curfew was planned for the port district.",
            [
                (
                    "Kenyan security officials",
                    "indirect",
                    "a curfew was planned for the port district",
                )
            ],
        ),
        # according to
        (
            "According to the Kenya Red Cross, 40 people were injured in the clashes.",
            [("Kenya Red Cross", "indirect", "40 people were injured in the clashes.")],
        ),
        # an alias inside a longer organisation name is not the principal
        (
            "The Kenya Ports Authority said 12 ships were waiting.",
            [("Kenya Ports Authority", "indirect", "12 ships were waiting")],
        ),
        # negatives: no speaker we can name, passive hearsay, no speech at all
        ("Hundreds of people are said to have died.", []),
        ("The ministry said aid had arrived.", []),
        ("He said the port was closed.", []),
        ("The strike entered its third day on Friday.", []),
    ],
)
def test_find_statements_shapes(
    text: str,
    expected: list[tuple[str, str, str]],
    nlp: Any,
    index: AliasIndex,
    knowledge: Knowledge,
) -> None:
    assert statements_of(text, nlp, index, knowledge) == expected


def test_find_statements_quote_over_paragraphs(
    nlp: Any, index: AliasIndex, knowledge: Knowledge
) -> None:
    text = (
        "Kenya said it was monitoring the strike and urged calm.\n\n"
        '"The port is the heart of our economy.\n\n'
        '"We urge both sides to return to talks."'
    )
    found = statements_of(text, nlp, index, knowledge)
    assert [(s, k) for s, k, _ in found] == [
        ("Kenya", "indirect"),
        ("Kenya", "direct"),
        ("Kenya", "direct"),
    ]
    assert found[2][2] == "We urge both sides to return to talks."


def test_find_statements_unresolved_verb_never_borrows(
    nlp: Any, index: AliasIndex, knowledge: Knowledge
) -> None:
    # the first sentence's verb has a speaker we cannot name: its quotation stays unattributed
    text = (
        "Fighters said they had a “strong position” in the hills. "
        "State radio claimed 300 fighters had surrendered."
    )
    found = statements_of(text, nlp, index, knowledge)
    assert all("strong position" not in words for _, _, words in found)
