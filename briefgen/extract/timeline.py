"""Events: the dated sentences of one article, relative dates resolved against its date.

Date words come from the parser's DATE and TIME entities (adjacent ones joined: "Saturday" +
"evening") and from the relative phrases of date_words.tsv ("overnight"). They resolve, in
order:
  1. a relative phrase of date_words.tsv: "overnight" is the night before the article's date,
     "last week" the week before its week, "earlier this month" its month;
  2. a weekday: the article's own day or the latest one before it ("on Wednesday" in a Sunday
     article is four days earlier), the next one after it for "next" or "will";
  3. an explicit date or year, read by dateparser ("30 November", "Nov. 30, 2024", "2016").
Durations ("the past three days", "recent weeks"), decades and numbers that only look like
years ("Resolution 1701") resolve to nothing. Without an article date only explicit dates with
a year resolve. A date whose period ends more than BACKGROUND_DAYS before the article's date is
background ("the 2016 battle").
"""

from __future__ import annotations

import datetime as dt
import logging
import re
from functools import lru_cache
from typing import Any

from dateparser.date import DateDataParser

from briefgen.model import DatePrecision, Event, Knowledge, SourceRef

log = logging.getLogger(__name__)

Span = Any  # spaCy Span
Doc = Any

DATE_LABELS = frozenset({"DATE", "TIME"})
BACKGROUND_DAYS = 30
WEEKDAYS = ("monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday")
# Words around a date that do not change the day it names.
FILLER = frozenset({"on", "in", "since", "by", "at", "during", "until", "from", "the", "'s"})
FILLER |= frozenset({"earlier", "later", "early", "late", "of", "last", "this", "next"})
TIMES_OF_DAY = frozenset({"morning", "afternoon", "evening", "night", "midday", "noon"})
# Words just before an entity that belong to its date: "on Wednesday", "last week".
LEAD_WORDS = frozenset({"on", "in", "since", "last", "this", "next", "earlier", "later"})
_MONTH = re.compile(
    r"\b(jan|feb|mar|apr|may|jun|jul|aug|sep|sept|oct|nov|dec)[a-z]*\.?(?!\w)", re.IGNORECASE
)
_YEAR = re.compile(r"(?<![\w.])(1[89]\d\d|2\d\d\d)(?![\w'])")
_DECADE = re.compile(r"\d0s\b|\d0's\b")


def article_date(published: str | None) -> dt.date | None:
    """Return the day an article was published ('2024-12-01T05:19:00-05:00'), or None."""
    if published is None or len(published) < len("2024-12-01"):
        return None
    try:
        return dt.date.fromisoformat(published[:10])
    except ValueError:
        return None


def _start_of(day: dt.date, precision: DatePrecision, steps: int) -> dt.date:
    """Return the first day of the period `steps` periods away from the one holding day."""
    if precision == "week":
        return day - dt.timedelta(days=day.weekday()) + dt.timedelta(weeks=steps)
    if precision == "month":
        months = day.year * 12 + day.month - 1 + steps
        return dt.date(months // 12, months % 12 + 1, 1)
    if precision == "year":
        return dt.date(day.year + steps, 1, 1)
    return day + dt.timedelta(days=steps)


def _end_of(start: dt.date, precision: DatePrecision) -> dt.date:
    """Return the last day of a period (the morning after, for a night)."""
    if precision == "week":
        return start + dt.timedelta(days=6)
    if precision == "month":
        return _start_of(start, "month", 1) - dt.timedelta(days=1)
    if precision == "year":
        return dt.date(start.year, 12, 31)
    return start + dt.timedelta(days=1 if precision == "night" else 0)


def _words_of(text: str) -> list[str]:
    """Return the lower-case words of a date phrase, without its filler words."""
    words = re.findall(r"[a-z]+|'s|\d+", text.lower())
    return [w for w in words if w not in FILLER]


def _relative(
    text: str, base: dt.date, knowledge: Knowledge
) -> tuple[dt.date, DatePrecision] | None:
    """Return the period a relative phrase of date_words.tsv names: 'overnight', 'last week'."""
    phrase = " ".join(re.findall(r"[a-z]+", text.lower()))
    for words, precision, steps in sorted(knowledge.date_words, key=lambda r: -len(r[0])):
        if re.search(rf"(?<!\w){re.escape(words)}(?!\w)", phrase):
            kind: DatePrecision = precision  # type: ignore[assignment]
            return _start_of(base, kind, steps), kind
    return None


def _weekday(text: str, base: dt.date, future: bool) -> tuple[dt.date, DatePrecision] | None:
    """Return the day a weekday names: the article's own or the latest before it; the next
    one after it when the sentence speaks of the future. 'Saturday night' is a night."""
    words = _words_of(text)
    days = [WEEKDAYS.index(w) for w in words if w in WEEKDAYS]
    if len(days) != 1 or _MONTH.search(text) or any(w.isdigit() for w in words):
        return None
    back = (base.weekday() - days[0]) % 7
    day = base + dt.timedelta(days=7 - back) if future and back else base - dt.timedelta(days=back)
    return day, "night" if "night" in words else "day"


@lru_cache(maxsize=64)
def _date_parser(base: dt.date | None) -> DateDataParser:
    """Return dateparser's parser reading dates relative to an article's date. Making one
    costs about a millisecond, so one is made per article date, not per phrase."""
    settings: dict[str, Any] = {"PREFER_DATES_FROM": "past", "RETURN_AS_TIMEZONE_AWARE": False}
    if base is not None:
        settings["RELATIVE_BASE"] = dt.datetime(base.year, base.month, base.day, tzinfo=dt.UTC)
    return DateDataParser(languages=["en"], settings=settings)


def _explicit(text: str, base: dt.date | None) -> tuple[dt.date, DatePrecision] | None:
    """Return the date an explicit phrase names ('30 November', '2016'), read by dateparser;
    None for decades, durations and years outside history."""
    if _DECADE.search(text) or not (_MONTH.search(text) or _YEAR.search(text)):
        return None
    years = [int(y) for y in _YEAR.findall(text)]
    if any(y > (base.year if base else dt.date.max.year) + 1 for y in years):
        return None
    if base is None and not years:
        return None
    words = " ".join(w for w in re.findall(r"[\w.,]+", text) if w.lower() not in FILLER)
    data = _date_parser(base).get_date_data(words)
    if data.date_obj is None:
        return None
    precision: DatePrecision = "day"
    if data.period in {"month", "year"}:
        precision = "month" if data.period == "month" else "year"
    return _start_of(data.date_obj.date(), precision, 0), precision


def resolve_date(
    text: str, published: dt.date | None, future: bool, knowledge: Knowledge
) -> tuple[dt.date, DatePrecision] | None:
    """Return the period a date phrase names, resolved against the article's date, or None."""
    if published is not None:
        found = _relative(text, published, knowledge) or _weekday(text, published, future)
        if found is not None:
            return found
    return _explicit(text, published)


def _date_spans(sent: Span, knowledge: Knowledge) -> list[tuple[int, int]]:
    """Return the token ranges of a sentence's date phrases: entities, adjacent ones joined
    ('Saturday' 'evening'), with their lead word ('on Wednesday'), and relative words the
    parser left out ('overnight')."""
    single = {row[0] for row in knowledge.date_words if " " not in row[0]}
    spans = [(e.start, e.end) for e in sent.ents if e.label_ in DATE_LABELS]
    taken = {i for start, end in spans for i in range(start, end)}
    spans += [(t.i, t.i + 1) for t in sent if t.lower_ in single and t.i not in taken]
    joined: list[tuple[int, int]] = []
    for start, end in sorted(spans):
        if joined and joined[-1][1] == start:
            joined[-1] = (joined[-1][0], end)
        else:
            joined.append((start, end))
    doc = sent.doc
    return [
        (start - 1 if start > sent.start and doc[start - 1].lower_ in LEAD_WORDS else start, end)
        for start, end in joined
    ]


# Auxiliaries and governing words that put an event after the article's date.
FUTURE_AUX = frozenset({"will", "shall", "'ll", "would", "'d"})
FUTURE_HEADS = frozenset({"due", "expect", "schedule", "plan", "intend", "set", "prepare"})


def _is_future(span: Span) -> bool:
    """Return True if a date phrase speaks of the future: 'next Monday', 'will reopen on Monday'."""
    if any(t.lower_ == "next" for t in span):
        return True
    verb = span.root.head
    while verb.pos_ not in {"VERB", "AUX"} and verb.head.i != verb.i:
        verb = verb.head
    for _ in range(3):  # "is due to brief ... on Monday", "said it would begin on Saturday"
        if verb.lemma_ in FUTURE_HEADS or any(
            c.lower_ in FUTURE_AUX or (c.dep_ == "acomp" and c.lower_ == "due")
            for c in verb.children
        ):
            return True
        if verb.dep_ not in {"xcomp", "ccomp"} or verb.head.i == verb.i:
            return False
        verb = verb.head
    return False


def _is_number_name(span: Span) -> bool:
    """Return True for a year-like number naming something: 'Resolution 1701', 'UNSCR 1325'."""
    if len(span) != 1 or not span[0].is_digit:
        return False
    before = span.doc[span.start - 1] if span.start > 0 else None
    return before is not None and before.pos_ == "PROPN" and before.ent_type_ not in DATE_LABELS


def find_events(
    article_id: str, docs: list[Doc], published: str | None, knowledge: Knowledge
) -> tuple[Event, ...]:
    """Return the dated sentences of an article's paragraphs (parsed docs), in reading order."""
    base = article_date(published)
    events = []
    for n, doc in enumerate(docs):
        for sent in doc.sents:
            for start, end in _date_spans(sent, knowledge):
                span = doc[start:end]
                if _is_number_name(span):
                    continue
                found = resolve_date(span.text, base, _is_future(span), knowledge)
                if found is None:
                    log.debug("%s: no date for %r", article_id, span.text)
                    continue
                day, precision = found
                background = base is not None and (
                    _end_of(day, precision) < base - dt.timedelta(days=BACKGROUND_DAYS)
                )
                events.append(
                    Event(
                        date=day.isoformat(),
                        precision=precision,
                        words=span.text,
                        background=background,
                        sentence=str(sent.text).strip(),
                        source=SourceRef(article_id=article_id, paragraph=n),
                        start=int(span.start_char),
                        end=int(span.end_char),
                    )
                )
    return tuple(events)
