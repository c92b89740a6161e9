"""The history of builds: the snapshot of the last build and of the one it was compared with.

The plugin keeps it as JSON in the cache folder (`history.json`). It is read as untrusted: a
document of another version or of the wrong shape counts as no history (a first build).
"""

from __future__ import annotations

import json
from typing import Any

import msgspec

from briefgen.render.changes import BriefingSnapshot, Snapshot

HISTORY_VERSION = 1


def snapshot_record(snapshot: Snapshot) -> list[dict[str, Any]]:
    """Return a snapshot as JSON-ready records."""
    return [
        {
            "slug": b.slug,
            "title": b.title,
            "articles": [list(a) for a in b.articles],
            "statements": [list(s) for s in b.statements],
            "figures": [list(f) for f in b.figures],
        }
        for b in snapshot.briefings
    ]


def _triples(value: Any) -> tuple[tuple[str, str, str], ...]:
    """Return a list of three-string lists as sorted tuples; raise ValueError otherwise."""
    if not isinstance(value, list):
        raise ValueError("not a list")
    triples = []
    for item in value:
        if not (
            isinstance(item, list) and len(item) == 3 and all(isinstance(x, str) for x in item)
        ):
            raise ValueError(f"not three strings: {item!r}")
        triples.append((item[0], item[1], item[2]))
    return tuple(sorted(triples))


def snapshot_from_record(records: Any) -> Snapshot:
    """Return the snapshot stored as records; raise ValueError if they are malformed."""
    if not isinstance(records, list):
        raise ValueError("briefings: not a list")
    briefings = []
    for r in records:
        if not isinstance(r, dict) or not isinstance(r.get("slug"), str):
            raise ValueError(f"not a briefing record: {r!r}")
        briefings.append(
            BriefingSnapshot(
                slug=r["slug"],
                title=str(r.get("title", "")),
                articles=_triples(r.get("articles")),
                statements=_triples(r.get("statements")),
                figures=_triples(r.get("figures")),
            )
        )
    return Snapshot(briefings=tuple(sorted(briefings, key=_slug)))


def history_json(latest: Snapshot, baseline: Snapshot | None) -> str:
    """Return the history document: this build's snapshot and the one it is compared with."""
    document = {
        "version": HISTORY_VERSION,
        "latest": snapshot_record(latest),
        "baseline": snapshot_record(baseline) if baseline is not None else None,
    }
    # the text of json.dumps(sort_keys=True, ensure_ascii=False, indent=2), written by
    # msgspec: json's indenting encoder is pure Python (1.6 s at 10,000 articles)
    compact = msgspec.json.encode(document, order="sorted")
    return msgspec.json.format(compact, indent=2).decode("utf-8") + "\n"


def read_history(text: str | None) -> tuple[Snapshot | None, Snapshot | None]:
    """Return (latest, baseline) from a history document; (None, None) if absent or unusable."""
    if not text:
        return None, None
    try:
        document = json.loads(text)
        if not isinstance(document, dict) or document.get("version") != HISTORY_VERSION:
            return None, None
        latest = snapshot_from_record(document["latest"])
        baseline = document.get("baseline")
        return latest, snapshot_from_record(baseline) if baseline is not None else None
    except (ValueError, KeyError):
        return None, None


def advance_history(
    latest: Snapshot | None, baseline: Snapshot | None, current: Snapshot
) -> Snapshot | None:
    """Return the snapshot this build is compared with (None: the first build).

    The history holds the last build (`latest`) and the build before the corpus last changed
    (`baseline`). Rebuilding an unchanged corpus keeps comparing with the same baseline, so
    `mkdocs serve` rebuilds and repeated builds keep showing what the last update changed.
    """
    if latest is None:
        return None
    return baseline if latest == current else latest


def _slug(snapshot: BriefingSnapshot) -> str:
    return snapshot.slug
