"""Scoring a briefing's key figures (claims) and its timeline against the hand labels.

Label files: the `claims` and `timeline` sections of tests/labels/summaries/<corpus>.yml
(conventions in the headers of seeds.yml and conflict.yml), one per corpus: seeds/ and every
tests/corpora/<name>/ with a label file (`summary_scores.labelled_corpora`). Each corpus runs
through the real pipeline (`generate_briefings`, its own mkdocs.yml, no cache) and a briefing
is scored against the label entry whose `articles` are exactly the briefing's article ids; a
briefing no entry holds is listed apart, and an entry no briefing holds has all its claims and
dates missed.

Figures. Text is compared case-folded, with curly quotes and apostrophes straightened, commas
dropped inside numbers and whitespace collapsed. A number phrase is digits ("1,000", "2.5",
"50m") or number words ("four", "two million", "a million"), read by
`briefgen.extract.numbers.parse_number`. A gold figure's *headline* is the number phrase it
starts with, once leading bound words ("nearly", "over", "at least", "more than", "closer to",
"could exceed": numbers.BOUNDS and a few more) and currency signs are skipped, together with
the phrases of a parenthesis right after it ("50m soles (£10.4m)"); a figure that starts with
no number phrase ("hundreds", "Millions of people", "about half") is *vague*. Its *parts* are
every number phrase of the figure ("four civilians killed and 54 wounded": 4 and 54) and those
after "including" / "among them" in `what`.

- Candidates: predicted ClaimGroups of the matched briefing whose kind is not "assertion" and
  one of whose sources is an article of the gold claim.
- Same figure: both values parse and the predicted value equals a headline value (bound words
  are kept in the text but not compared: "Over 300" is "over 300" is "300"); or, when either is
  vague, one normalised figure text starts with the other on a word boundary ("Millions" and
  "Millions of people").
- Same thing (loose): a content word of the gold `what` or of the gold figure equals a word of
  the predicted `counted`, `noun`, `outcome`, unit or sentence (`text`); words are compared
  singular (a final "s" dropped) and through outcomes.tsv ("killed", "died" and "dead" are all
  "dead"). The value and the shared article do most of the matching; this only keeps a figure
  from standing for another figure of the same value in the same articles.
- Found: some candidate has the same figure and the same thing; those candidates are the
  gold claim's *matches*.
- Claimant right: gold "unattributed" (or null) needs a match with neither claimant_name nor
  claimant_text. Otherwise the gold claimant and the predicted claimant_name and
  claimant_text are cut at commas and parentheses ("Syrian Civil Defense (White Helmets)",
  "the Syrian Civil Defense, also known as the White Helmets"), each piece read as
  `name_tokens` with runs of single letters joined ("U.N." is "un"); the claimant is right
  when a gold piece and a predicted piece are equal or one ends with the other ("rebel
  commander Col. Hassan Abdulghani" ends with "Hassan Abdulghani").
- Qualifiers kept: scored for gold claims that have qualifiers and are found; each gold
  qualifier must stand (normalised, on word boundaries) in a qualifier or in the figure text
  of one of the attributed matches (the matches whose claimant is right, or all matches when
  none is), or, for predicted qualifiers of three words or more, the predicted qualifier must
  stand in the gold one ("no independent confirmation of either number" in "There was no
  independent confirmation of either number"). Matches are pooled because briefgen keeps one
  group per attribution and the labels one claim per figure.
- Status right: scored for found gold claims; one attributed match has the gold status.
- Precision: predicted figure claims (kind not "assertion") of labelled briefings that match
  some gold claim of their briefing by part and thing (a part value equal to the predicted
  value, or for vague figures the predicted figure text standing in the gold figure or
  `what`), sharing an article / all of them. The labels list "figures that matter", so an
  unlisted true figure ("65 kilometers southeast of Aleppo") counts against precision.

Timeline. A gold entry is (date, background) with an ISO date of the text's precision
("2024-11-30", "2019-03", "2016"). A predicted TimelineEntry covers the ISO strings of its
days and their truncations: a "day" entry its date ("2024-11-30", "2024-11", "2024"); a
"night" entry the date and the next day (the labels date "overnight" by the day the night ends,
briefgen by the evening it starts); a "month" or "week" entry the month and year of its date; a
"year" entry its year. So a gold "2016" matches a predicted 2016-01-01 of precision year, and a
gold day matches a predicted entry of that day (or of the night before), never a coarser one.
Per briefing, on distinct gold dates:

- current recall: gold current dates covered by a predicted current entry / gold current dates;
- background recall: the same for background dates and predicted background entries;
- current (background) precision: distinct predicted current (background) (date, precision)
  pairs whose days overlap the days of a gold date of the same kind / all of them. Here
  precision is lenient: a predicted "2019" year is right beside a gold "2019-03", a "this
  week" beside a gold day of that week; but a predicted date that is exactly (at the gold's
  precision) a gold date of the other kind only is a confusion. A predicted date no gold
  entry has is wrong;
- confusions: predicted (date, precision) pairs, counted as wrong, whose days overlap only
  gold dates of the other kind (a current event shown as background, or the other way round).

Used by tests/test_claim_scores.py and bench/claims.py.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from functools import cache
from pathlib import Path
from typing import Any

import yaml
from statement_scores import settings_for
from summary_scores import Corpus, labelled_corpora

from briefgen.extract.names import name_tokens
from briefgen.extract.numbers import BOUNDS, SCALES, UNITS, parse_number
from briefgen.model import Briefing, ClaimGroup, TimelineEntry
from briefgen.pipeline import generate_briefings
from briefgen.resources import read_rows

__all__ = ["Corpus", "labelled_corpora"]

MARKS = str.maketrans({"‘": "'", "’": "'", "`": "'", "´": "'", "“": '"', "”": '"'})
# Words a gold figure may start with before its number, besides numbers.BOUNDS.
LEADING = BOUNDS | {"close", "closer", "could", "exceed", "exceeding", "up"}
CURRENCY = "$€£¥"
_NUMBER_WORD = "|".join(sorted((*UNITS, *SCALES), key=len, reverse=True))
NUMBER_PHRASE = re.compile(
    rf"\d[\d,]*(?:\.\d+)?(?:(?:k|m|bn)\b)?(?:\s+(?:{'|'.join(SCALES)})\b)?"
    rf"|\b(?:an?\s+(?:{'|'.join(SCALES)}|dozen)\b)"
    rf"|\b(?:{'|'.join(UNITS)})\b(?:[\s-]+(?:{_NUMBER_WORD})\b)*",
    re.IGNORECASE,
)
SUBFIGURE = re.compile(r"\b(?:including|among them)\b", re.IGNORECASE)
# Words that say nothing about what a figure counts.
STOP = frozenset(
    re.findall(
        r"[a-z]+",
        "a an the of in on at by for from to and or with over since their its his her them who "
        "that which whose most past latest round including among into across under as all some "
        "this these those there was were be been being per",
    )
)
WORD = re.compile(r"[a-z]+")
_OUTCOME_ROWS = read_rows("outcomes.tsv")
OUTCOME_WORDS = {lemma: outcome for lemma, _, outcome in _OUTCOME_ROWS if " " not in lemma} | {
    shown: outcome for _, shown, outcome in _OUTCOME_ROWS if " " not in shown
}
MIN_REVERSE_QUALIFIER_WORDS = 3


# ---------------------------------------------------------------- labels


@dataclass(frozen=True)
class GoldClaim:
    figure: str
    what: str
    claimant: str | None  # None: unattributed
    qualifiers: tuple[str, ...]
    status: str
    articles: frozenset[str]

    def describe(self) -> str:
        who = self.claimant or "unattributed"
        return f"{self.figure} / {self.what} ({who})"


@dataclass(frozen=True)
class GoldDate:
    date: str
    background: bool
    text: str


@dataclass(frozen=True)
class LabelledBriefing:
    articles: frozenset[str]
    claims: tuple[GoldClaim, ...]
    timeline: tuple[GoldDate, ...]


@cache
def read_briefing_labels(path: Path) -> tuple[LabelledBriefing, ...]:
    """Return the claims and timeline labels of every briefing of a label file."""
    data = yaml.safe_load(path.read_text(encoding="utf-8"))
    out = []
    for entry in data["briefings"]:
        claims = tuple(
            GoldClaim(
                figure=str(c["figure"]),
                what=str(c["what"]),
                claimant=None
                if c.get("claimant") in (None, "unattributed")
                else str(c["claimant"]),
                qualifiers=tuple(c.get("qualifiers") or ()),
                status=str(c["status"]),
                articles=frozenset(c["articles"]),
            )
            for c in entry.get("claims") or ()
        )
        timeline = tuple(
            GoldDate(str(t["date"]), bool(t["background"]), str(t["text"]))
            for t in entry.get("timeline") or ()
        )
        out.append(LabelledBriefing(frozenset(entry["articles"]), claims, timeline))
    return tuple(out)


# ---------------------------------------------------------------- figures


def normal(text: str) -> str:
    """Return text case-folded, quotes straightened, number commas dropped, spaces collapsed."""
    text = re.sub(r"(?<=\d),(?=\d{3})", "", text.translate(MARKS).casefold())
    return " ".join(text.split())


@dataclass(frozen=True)
class Phrase:
    value: float | None
    start: int
    in_parens: bool


def number_phrases(text: str) -> list[Phrase]:
    """Return the number phrases of a text in order, with their values."""
    phrases = []
    for match in NUMBER_PHRASE.finditer(text):
        before = text[: match.start()]
        in_parens = before.count("(") > before.count(")")
        phrases.append(Phrase(parse_number(match.group()), match.start(), in_parens))
    return phrases


def _skip_leading(text: str) -> int:
    """Return where a figure's number starts once bound words and currency signs are skipped."""
    position = 0
    for match in re.finditer(r"\S+", text):
        word = match.group().lower().strip(CURRENCY)
        if word and word not in LEADING:
            return match.start() + (len(match.group()) - len(match.group().lstrip(CURRENCY)))
        position = match.end()
    return position


def headline(figure: str) -> frozenset[float]:
    """Return the values of a gold figure's headline; empty for a vague figure."""
    start = _skip_leading(figure)
    phrases = number_phrases(figure)
    first = next((p for p in phrases if p.start == start and p.value is not None), None)
    if first is None:
        return frozenset()
    values = {first.value}
    for phrase in phrases[phrases.index(first) + 1 :]:
        if not phrase.in_parens:
            break
        values.add(phrase.value)
    return frozenset(v for v in values if v is not None)


def parts(gold: GoldClaim) -> frozenset[float]:
    """Return the values of every number phrase of a gold figure and of its `what` subfigures."""
    values = {p.value for p in number_phrases(gold.figure)}
    for cut in SUBFIGURE.finditer(gold.what):
        values |= {p.value for p in number_phrases(gold.what[cut.end() :])}
    return frozenset(v for v in values if v is not None)


def _starts(longer: str, shorter: str) -> bool:
    return bool(shorter) and (longer == shorter or longer.startswith(shorter + " "))


def same_value(a: float, b: float) -> bool:
    return abs(a - b) <= 1e-9 * max(abs(a), abs(b), 1.0)


def same_figure(gold: GoldClaim, group: ClaimGroup) -> bool:
    """Return True when a predicted figure is a gold figure's headline (module doc)."""
    values = headline(gold.figure)
    if values and group.value is not None:
        return any(same_value(v, group.value) for v in values)
    g, p = normal(gold.figure), normal(group.figure)
    return _starts(g, p) or _starts(p, g)


def thing_words(text: str) -> frozenset[str]:
    """Return the comparable content words of a text: singular, outcomes as their outcome."""
    out = set()
    for word in WORD.findall(normal(text)):
        if word in STOP or word in LEADING or word in UNITS or word in SCALES:
            continue
        if word in OUTCOME_WORDS:
            out.add(OUTCOME_WORDS[word])
            continue
        if len(word) > 3 and word.endswith("s") and not word.endswith("ss"):
            word = word[:-1]
        out.add(OUTCOME_WORDS.get(word, word))
    return frozenset(out)


def predicted_thing(group: ClaimGroup) -> frozenset[str]:
    """Return the comparable words of what a group counts, and of its sentence."""
    fields = (group.counted, group.noun, group.outcome, group.unit, group.text)
    return thing_words(" ".join(fields))


def same_thing(gold: GoldClaim, group: ClaimGroup) -> bool:
    """Return True when a gold claim's `what` or figure shares a counted word with a group."""
    return bool(thing_words(f"{gold.what} {gold.figure}") & predicted_thing(group))


def claimant_pieces(text: str) -> frozenset[tuple[str, ...]]:
    """Return the comparable pieces of a claimant: cut at commas and parentheses (module doc)."""
    out = set()
    for piece in re.split(r"[(),]", text.translate(MARKS)):
        tokens: list[str] = []
        joining = False  # the last token is made of single letters ("u n" -> "un")
        for token in name_tokens(piece):
            single = len(token) == 1 and token.isalpha()
            if single and joining:
                tokens[-1] += token
            else:
                tokens.append(token)
            joining = single
        if tokens:
            out.add(tuple(tokens))
    return frozenset(out)


def _ends(longer: tuple[str, ...], shorter: tuple[str, ...]) -> bool:
    return len(shorter) <= len(longer) and longer[len(longer) - len(shorter) :] == shorter


def claimant_right(gold: GoldClaim, group: ClaimGroup) -> bool:
    """Return True when a group's claimant is the gold claimant (module doc)."""
    if gold.claimant is None:
        return group.claimant_name is None and group.claimant_text is None
    gold_pieces = claimant_pieces(gold.claimant)
    predicted = frozenset().union(
        *(claimant_pieces(t) for t in (group.claimant_name, group.claimant_text) if t)
    )
    return any(_ends(g, p) or _ends(p, g) for g in gold_pieces for p in predicted)


def _within(haystack: str, needle: str) -> bool:
    return f" {needle} " in f" {haystack} "


def qualifier_kept(qualifier: str, groups: Iterable[ClaimGroup]) -> bool:
    """Return True when a gold qualifier stands in the qualifiers or figures of some groups."""
    gold = " ".join(WORD.findall(normal(qualifier)))
    for group in groups:
        for text in (*group.qualifiers, group.figure):
            predicted = " ".join(WORD.findall(normal(text)))
            if _within(predicted, gold):
                return True
            if (
                text != group.figure
                and len(predicted.split()) >= MIN_REVERSE_QUALIFIER_WORDS
                and _within(gold, predicted)
            ):
                return True
    return False


def shares_article(gold: GoldClaim, group: ClaimGroup) -> bool:
    return any(s.article_id in gold.articles for s in group.sources)


def describe(group: ClaimGroup) -> str:
    who = group.claimant_text or group.claimant_name or "unattributed"
    qualifiers = f" [{'; '.join(group.qualifiers)}]" if group.qualifiers else ""
    articles = ",".join(sorted({s.article_id.split("_")[0] for s in group.sources}))
    return f"{group.figure} {group.counted} ({who}){qualifiers} {group.status} @{articles}"


@dataclass(frozen=True)
class ClaimResult:
    gold: GoldClaim
    matches: tuple[ClaimGroup, ...]
    claimant_right: bool
    qualifiers_kept: bool | None  # None: the gold claim has no qualifier, or is not found
    status_right: bool | None  # None: not found
    missing_qualifiers: tuple[str, ...] = ()  # the gold qualifiers not kept

    @property
    def found(self) -> bool:
        return bool(self.matches)

    def problems(self) -> list[str]:
        """Return what is wrong with this claim's output, as short phrases."""
        if not self.found:
            return ["not found"]
        out = []
        if not self.claimant_right:
            out.append("claimant " + " | ".join(describe(g) for g in self.matches))
        if self.qualifiers_kept is False:
            out.append(f"qualifiers {list(self.missing_qualifiers)} not kept")
        if self.status_right is False:
            statuses = sorted({g.status for g in self.matches})
            out.append(f"status {'/'.join(statuses)} for {self.gold.status}")
        return out


def score_claim(gold: GoldClaim, groups: Sequence[ClaimGroup]) -> ClaimResult:
    """Return how the predicted groups of a briefing render one gold claim."""
    matches = tuple(
        g
        for g in groups
        if g.kind != "assertion"
        and shares_article(gold, g)
        and same_figure(gold, g)
        and same_thing(gold, g)
    )
    if not matches:
        return ClaimResult(gold, (), False, None, None)
    attributed = tuple(g for g in matches if claimant_right(gold, g))
    pool = attributed or matches
    missing = tuple(q for q in gold.qualifiers if not qualifier_kept(q, pool))
    return ClaimResult(
        gold,
        matches,
        bool(attributed),
        not missing if gold.qualifiers else None,
        any(g.status == gold.status for g in pool),
        missing,
    )


def is_labelled(group: ClaimGroup, golds: Sequence[GoldClaim]) -> bool:
    """Return True when a predicted figure matches some gold claim by part and thing."""
    for gold in golds:
        if not (shares_article(gold, group) and same_thing(gold, group)):
            continue
        if group.value is not None and any(same_value(v, group.value) for v in parts(gold)):
            return True
        if group.value is None and _within(
            normal(f"{gold.figure} {gold.what}"), normal(group.figure)
        ):
            return True
        if same_figure(gold, group):
            return True
    return False


# ---------------------------------------------------------------- timeline


def covered(entry: TimelineEntry) -> frozenset[str]:
    """Return the ISO strings a predicted entry covers, for recall (module doc)."""
    if entry.precision == "year":
        return frozenset({entry.date[:4]})
    if entry.precision in {"month", "week"}:
        return frozenset({entry.date[:4], entry.date[:7]})
    day = dt.date.fromisoformat(entry.date)
    days = [day, day + dt.timedelta(days=1)] if entry.precision == "night" else [day]
    return frozenset(s for d in days for s in (d.isoformat(), d.isoformat()[:7], d.isoformat()[:4]))


Span = tuple[dt.date, dt.date]  # first and last day


def gold_span(date: str) -> Span:
    """Return the days of a gold ISO date of any precision ("2016", "2019-03", "2024-11-30")."""
    if len(date) == 4:
        return dt.date(int(date), 1, 1), dt.date(int(date), 12, 31)
    if len(date) == 7:
        first = dt.date.fromisoformat(f"{date}-01")
        following = (first + dt.timedelta(days=31)).replace(day=1)
        return first, following - dt.timedelta(days=1)
    day = dt.date.fromisoformat(date)
    return day, day


def entry_span(entry: TimelineEntry) -> Span:
    """Return the days of a predicted entry: a night runs into the next day, a week 7 days."""
    if entry.precision == "year":
        return gold_span(entry.date[:4])
    if entry.precision == "month":
        return gold_span(entry.date[:7])
    day = dt.date.fromisoformat(entry.date)
    extra = {"night": 1, "week": 6}.get(entry.precision, 0)
    return day, day + dt.timedelta(days=extra)


def overlaps(a: Span, b: Span) -> bool:
    return a[0] <= b[1] and b[0] <= a[1]


@dataclass(frozen=True)
class TimelineResult:
    gold_current: frozenset[str]
    gold_background: frozenset[str]
    found_current: frozenset[str]
    found_background: frozenset[str]
    predicted_current: tuple[str, ...]  # "date precision", distinct
    predicted_background: tuple[str, ...]
    right_current: int  # distinct predicted current dates overlapping a gold current date
    right_background: int
    wrong_current: tuple[str, ...]  # predicted current dates no gold entry has
    wrong_background: tuple[str, ...]
    confusions: tuple[str, ...]  # predicted dates overlapping only gold dates of the other kind


def _key(entry: TimelineEntry) -> str:
    return f"{entry.date} {entry.precision}"


def score_timeline(gold: Sequence[GoldDate], entries: Sequence[TimelineEntry]) -> TimelineResult:
    """Return how a briefing's timeline covers its gold dates (module doc)."""
    gold_current = frozenset(g.date for g in gold if not g.background)
    gold_background = frozenset(g.date for g in gold if g.background)
    current = [e for e in entries if not e.background]
    background = [e for e in entries if e.background]
    cover_current = frozenset().union(*(covered(e) for e in current))
    cover_background = frozenset().union(*(covered(e) for e in background))
    spans = {kind: [gold_span(g.date) for g in gold if g.background == kind] for kind in (0, 1)}
    right = {False: 0, True: 0}
    wrong: dict[bool, list[str]] = {False: [], True: []}
    confusions: list[str] = []
    seen: set[tuple[str, bool]] = set()
    for entry in entries:
        if (_key(entry), entry.background) in seen:
            continue
        seen.add((_key(entry), entry.background))
        same, other = (
            (gold_background, gold_current) if entry.background else (gold_current, gold_background)
        )
        span = entry_span(entry)
        exact_other = bool(covered(entry) & other) and not covered(entry) & same
        if not exact_other and any(overlaps(span, g) for g in spans[entry.background]):
            right[entry.background] += 1
            continue
        if exact_other or any(overlaps(span, g) for g in spans[not entry.background]):
            kind = "current shown as background" if entry.background else "background as current"
            confusions.append(f"{_key(entry)} {entry.words[0]!r}: {kind}: {entry.text}")
        else:
            wrong[entry.background].append(f"{_key(entry)} {entry.words[0]!r}: {entry.text}")
    return TimelineResult(
        gold_current=gold_current,
        gold_background=gold_background,
        found_current=gold_current & cover_current,
        found_background=gold_background & cover_background,
        predicted_current=tuple(sorted({_key(e) for e in current})),
        predicted_background=tuple(sorted({_key(e) for e in background})),
        right_current=right[False],
        right_background=right[True],
        wrong_current=tuple(wrong[False]),
        wrong_background=tuple(wrong[True]),
        confusions=tuple(confusions),
    )


# ---------------------------------------------------------------- briefings and corpora


@dataclass(frozen=True)
class BriefingScore:
    articles: frozenset[str]
    claims: tuple[ClaimResult, ...]
    predicted: int  # predicted figure claims
    labelled: int  # of them, matching a gold claim
    unlabelled: tuple[str, ...]  # the others, described
    timeline: TimelineResult


def score_briefing(label: LabelledBriefing, briefing: Briefing | None) -> BriefingScore:
    """Return the claim and timeline scores of one labelled briefing (None: not generated)."""
    groups = briefing.claims if briefing else ()
    figures = [g for g in groups if g.kind != "assertion"]
    unlabelled = tuple(describe(g) for g in figures if not is_labelled(g, label.claims))
    entries = (*briefing.timeline.current, *briefing.timeline.background) if briefing else ()
    return BriefingScore(
        articles=label.articles,
        claims=tuple(score_claim(c, groups) for c in label.claims),
        predicted=len(figures),
        labelled=len(figures) - len(unlabelled),
        unlabelled=unlabelled,
        timeline=score_timeline(label.timeline, entries),
    )


@dataclass(frozen=True)
class Score:
    """Claim and timeline counts, of one corpus or pooled over several."""

    name: str
    briefings: tuple[BriefingScore, ...]
    unmatched_briefings: tuple[str, ...] = field(default=())  # generated, no label entry

    @property
    def claims(self) -> tuple[ClaimResult, ...]:
        return tuple(c for b in self.briefings for c in b.claims)

    def count(self, what: str) -> tuple[int, int]:
        """Return (numerator, denominator) of a metric: see bench/claims.py for the names."""
        claims = self.claims
        found = [c for c in claims if c.found]
        t = [b.timeline for b in self.briefings]
        counts = {
            "found": (len(found), len(claims)),
            "attributed": (sum(c.found and c.claimant_right for c in claims), len(claims)),
            "qualifiers": (
                sum(c.qualifiers_kept is True for c in found),
                sum(c.qualifiers_kept is not None for c in found),
            ),
            "status": (sum(c.status_right is True for c in found), len(found)),
            "precision": (
                sum(b.labelled for b in self.briefings),
                sum(b.predicted for b in self.briefings),
            ),
            "current recall": (
                sum(len(x.found_current) for x in t),
                sum(len(x.gold_current) for x in t),
            ),
            "background recall": (
                sum(len(x.found_background) for x in t),
                sum(len(x.gold_background) for x in t),
            ),
            "current precision": (
                sum(x.right_current for x in t),
                sum(len(x.predicted_current) for x in t),
            ),
            "background precision": (
                sum(x.right_background for x in t),
                sum(len(x.predicted_background) for x in t),
            ),
            "confusions": (sum(len(x.confusions) for x in t), 0),
        }
        return counts[what]

    def rate(self, what: str) -> float:
        numerator, denominator = self.count(what)
        return numerator / denominator if denominator else 1.0


def score_briefings(
    name: str, labels: Sequence[LabelledBriefing], briefings: Sequence[Briefing]
) -> Score:
    """Return the scores of a corpus's briefings against its labels."""
    by_articles = {frozenset(a.id for a in b.articles): b for b in briefings}
    scores = tuple(score_briefing(label, by_articles.get(label.articles)) for label in labels)
    labelled = {label.articles for label in labels}
    unmatched = tuple(", ".join(sorted(ids)) for ids in by_articles if ids not in labelled)
    return Score(name, scores, unmatched)


def run_corpus(corpus: Corpus, nlp: Any) -> tuple[Briefing, ...]:
    """Return a corpus's briefings, generated without a cache."""
    settings = dataclasses.replace(settings_for(corpus.config), cache_dir=None)
    briefings, _ = generate_briefings(settings, nlp)
    return tuple(briefings)


def score_corpus(corpus: Corpus, nlp: Any) -> Score:
    """Return the claim and timeline scores of one labelled corpus."""
    return score_briefings(
        corpus.name, read_briefing_labels(corpus.labels), run_corpus(corpus, nlp)
    )


def pooled(scores: Sequence[Score], name: str = "all") -> Score:
    """Return the scores of several corpora pooled."""
    return Score(
        name,
        tuple(b for s in scores for b in s.briefings),
        tuple(u for s in scores for u in s.unmatched_briefings),
    )
