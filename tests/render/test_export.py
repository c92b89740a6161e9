"""The export, briefing.json: the same bytes as the whole document formatted at once."""

from __future__ import annotations

import json

import msgspec

from briefgen.model import Briefing, SourceRef, WireGroup
from briefgen.render.export import SCHEMA_VERSION, briefing_record, export_json

from .strike import article, briefing, said


def whole_document(briefings: list[Briefing]) -> bytes:
    """The export as it was written before it was encoded briefing by briefing."""
    document = {
        "schema_version": SCHEMA_VERSION,
        "briefings": [briefing_record(b) for b in briefings],
    }
    compact = msgspec.json.encode(document, order="sorted")
    return msgspec.json.format(compact, indent=2) + b"\n"


def strikes() -> list[Briefing]:
    herald = article("000_herald", "Dockers strike in Port Avalon")
    # a title with a quote, a line break written by an outlet and a character beyond Latin-1
    post = article(
        "001_post",
        'Union: "We stay out"\nuntil pay rises ✊',
        outlet=None,
        published=None,
        wire_group="w1",
    )
    caro = said(
        "Ines Caro", "ships would wait offshore", SourceRef(article_id="000_herald", paragraph=2)
    )
    ids = ("001_post",)
    return [
        briefing((herald, post), (caro,), wire_groups=(WireGroup(id="w1", article_ids=ids),)),
        briefing((herald,), slug="2025-03-11-port-avalon", title="Day two"),
        briefing((post,), slug="2025-03-12-empty"),
    ]


def test_export_is_the_whole_document_formatted_at_once() -> None:
    briefings = strikes()
    written = export_json(briefings)
    assert isinstance(written, bytes)
    assert written == whole_document(briefings)
    parsed = json.loads(written)
    assert [b["slug"] for b in parsed["briefings"]] == [b.slug for b in briefings]
    title = parsed["briefings"][0]["articles"][1]["title"]
    assert title == 'Union: "We stay out"\nuntil pay rises ✊'
    assert "✊".encode() in written  # UTF-8, not escaped


def test_export_of_one_briefing_and_of_none() -> None:
    (one, *_) = strikes()
    assert export_json([one]) == whole_document([one])
    assert export_json([]) == whole_document([])
    assert json.loads(export_json([])) == {"briefings": [], "schema_version": SCHEMA_VERSION}
