"""What changed: snapshots of a build, the history, and each briefing compared with the last."""

from __future__ import annotations

import json
from dataclasses import replace
from types import SimpleNamespace

import pytest

from briefgen.model import SourceRef
from briefgen.render.changes import briefing_figures, compare_briefing, snapshot_site
from briefgen.render.history import advance_history, history_json, read_history

from .strike import PARAGRAPHS, article, briefing, said

HERALD = article("000_herald", "Dockers strike in Port Avalon")
WIRE = article("001_wire", "Port Avalon dockers walk out", outlet="Coast Wire")
CARO = said(
    "Ines Caro",
    "ships would wait offshore until the strike ends",
    SourceRef(article_id="000_herald", paragraph=2),
)
BEFORE = briefing((HERALD,), (CARO,))


def test_compare_briefing_first_build() -> None:
    changes = compare_briefing(BEFORE, None)
    assert changes.status == "first"
    assert changes.count == 0


def test_compare_briefing_unchanged() -> None:
    changes = compare_briefing(BEFORE, snapshot_site([BEFORE]))
    assert changes.status == "compared"
    assert changes.count == 0


def test_compare_briefing_new_source_and_statement() -> None:
    union = said(
        "Marta Vidal",
        "the strike would go on until the port authority paid the overtime it owes",
        SourceRef(article_id="001_wire", paragraph=1),
    )
    after = briefing((HERALD, WIRE), (CARO, union))
    changes = compare_briefing(after, snapshot_site([BEFORE]))
    assert [a.id for a in changes.new_sources] == ["001_wire"]
    assert [(s.speaker_name, s.text) for s in changes.new_statements] == [
        ("Marta Vidal", union.statements[0].text)
    ]
    assert changes.new_statements[0].sources == (SourceRef(article_id="001_wire", paragraph=1),)
    assert changes.removed_sources == ()
    assert changes.removed_statements == ()
    assert changes.count == 2


def test_compare_briefing_updated_and_removed_source() -> None:
    edited = replace(HERALD, paragraphs=(*PARAGRAPHS, "Talks resume on Thursday."))
    before = briefing((HERALD, WIRE), (CARO,))
    changes = compare_briefing(briefing((edited,), (CARO,)), snapshot_site([before]))
    assert [a.id for a in changes.updated_sources] == ["000_herald"]
    assert changes.removed_sources == ("Port Avalon dockers walk out",)
    assert changes.new_sources == ()


@pytest.mark.parametrize(
    "wording",
    [
        "ships would wait offshore until the strike ends",  # the same
        "Ships would wait offshore",  # a copy quoting less
        "ships would wait offshore until the strike ends, and the port would stay shut",  # more
        "ships would wait off-shore until the strike ended",  # edited words
    ],
)
def test_compare_briefing_reworded_statement_is_not_new(wording: str) -> None:
    reworded = said("Ines Caro", wording, SourceRef(article_id="000_herald", paragraph=2))
    changes = compare_briefing(briefing((HERALD,), (reworded,)), snapshot_site([BEFORE]))
    assert changes.new_statements == ()
    assert changes.removed_statements == ()


def test_compare_briefing_statement_of_another_speaker_is_new() -> None:
    other = said(
        "Luis Pardo",
        "ships would wait offshore until the strike ends",
        SourceRef(article_id="000_herald", paragraph=2),
    )
    changes = compare_briefing(briefing((HERALD,), (other,)), snapshot_site([BEFORE]))
    assert [s.speaker_name for s in changes.new_statements] == ["Luis Pardo"]
    assert [s.speaker_name for s in changes.removed_statements] == ["Ines Caro"]


def test_compare_briefing_follows_a_new_slug_by_shared_articles() -> None:
    moved = briefing((HERALD, WIRE), (CARO,), slug="2025-03-09-port-avalon", title="Strike")
    changes = compare_briefing(moved, snapshot_site([BEFORE]))
    assert changes.status == "compared"
    assert changes.previous_title == "Dock strike in Port Avalon"
    assert [a.id for a in changes.new_sources] == ["001_wire"]


def test_compare_briefing_without_shared_article_is_new() -> None:
    flood = briefing((article("009_flood", "River bursts its banks"),), slug="2025-04-01-flood")
    assert compare_briefing(flood, snapshot_site([BEFORE])).status == "new"


def test_briefing_figures_read_claim_records() -> None:
    claims = (
        SimpleNamespace(
            figure="4,000",
            counted="members on strike",
            claimant_name="the union",
            claimant_text=None,
        ),
        SimpleNamespace(
            figure="3,200",
            counted="members on strike",
            claimant_name="the union",
            claimant_text=None,
        ),
        SimpleNamespace(figure="", counted="", claimant_name="the union", claimant_text=None),
        SimpleNamespace(
            figure="12", counted="ships waiting", claimant_name=None, claimant_text=None
        ),
    )
    figures = briefing_figures(SimpleNamespace(claims=claims))  # type: ignore[arg-type]
    assert figures == (
        ("members on strike the union", "members on strike (the union)", "3,200 / 4,000"),
        ("ships waiting", "ships waiting", "12"),
    )
    assert briefing_figures(BEFORE) == ()  # no claim records: no figures


def test_history_round_trip() -> None:
    latest, baseline = snapshot_site([BEFORE]), snapshot_site([briefing((HERALD, WIRE))])
    assert read_history(history_json(latest, baseline)) == (latest, baseline)
    assert read_history(history_json(latest, None)) == (latest, None)
    # the text json.dumps(indent=2) would write (msgspec writes it)
    text = history_json(latest, baseline)
    assert text == json.dumps(json.loads(text), sort_keys=True, ensure_ascii=False, indent=2) + "\n"
    assert '"version": 1' in text


@pytest.mark.parametrize(
    "text",
    [None, "", "{", "[]", '{"version": 99, "latest": []}', '{"version": 1, "latest": [{"x": 1}]}'],
)
def test_read_history_ignores_what_it_cannot_use(text: str | None) -> None:
    assert read_history(text) == (None, None)


def test_advance_history() -> None:
    one, two, three = (
        snapshot_site([b]) for b in (BEFORE, briefing((HERALD, WIRE)), briefing((WIRE,)))
    )
    assert advance_history(None, None, one) is None  # the first build
    assert advance_history(one, None, two) == one  # the corpus changed: compare with the last
    assert advance_history(two, one, two) == one  # rebuilt unchanged: the same comparison
    assert advance_history(two, one, three) == two
