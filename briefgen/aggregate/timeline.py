"""The timeline of a briefing: its articles' dated events, one entry per event however many
articles report it, in date order, current events apart from background.

Two events are one when they have the same date, precision and background flag and their
sentences are one sentence lightly edited (or one article's sentence stands inside the
other's: a wire copy cut short).
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence

from briefgen.aggregate.similarity import comparable, is_same_sentence, is_same_statement
from briefgen.aggregate.wire import count_lineages
from briefgen.model import ArticleFacts, Event, Timeline, TimelineEntry

PRECISION_ORDER = {"day": 0, "night": 1, "week": 2, "month": 3, "year": 4}


def is_same_event(a: Event, b: Event) -> bool:
    """Return True if two events are one event as two articles (or one, twice) report it."""
    if (a.date, a.precision, a.background) != (b.date, b.precision, b.background):
        return False
    first, second = comparable(a.sentence), comparable(b.sentence)
    return is_same_sentence(first, second) or is_same_statement(first, second)


def _entry(events: Sequence[Event], lineage: Mapping[str, str]) -> TimelineEntry:
    """Return the entry of events that are one event; its text is the fullest sentence."""
    sources = tuple(sorted({e.source for e in events}))
    return TimelineEntry(
        date=events[0].date,
        precision=events[0].precision,
        words=tuple(sorted({e.words for e in events})),
        background=events[0].background,
        text=max((e.sentence for e in events), key=lambda s: (len(s), s)),
        sources=sources,
        lineages=count_lineages(sources, lineage),
    )


def _order(event: Event) -> tuple[str, int, str, int, int, str]:
    """Return an event's place: by date, the finer precision first, then in reading order."""
    source = event.source
    precision = PRECISION_ORDER[event.precision]
    return event.date, precision, source.article_id, source.paragraph, event.start, event.words


def _entry_order(entry: TimelineEntry) -> tuple[str, int, str, int]:
    first = entry.sources[0]
    return entry.date, PRECISION_ORDER[entry.precision], first.article_id, first.paragraph


def build_timeline(facts: Sequence[ArticleFacts], lineage: Mapping[str, str]) -> Timeline:
    """Return the briefing's timeline: one entry per event, each citing every source."""
    groups: list[list[Event]] = []
    for event in sorted((e for f in facts for e in f.events), key=_order):
        home = next((g for g in groups if is_same_event(g[0], event)), None)
        if home is None:
            groups.append([event])
        else:
            home.append(event)
    entries = sorted((_entry(g, lineage) for g in groups), key=_entry_order)
    return Timeline(
        current=tuple(e for e in entries if not e.background),
        background=tuple(e for e in entries if e.background),
    )
