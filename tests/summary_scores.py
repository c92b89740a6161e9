"""Scoring situation summaries against hand labels, beside two classic baselines.

Label files: tests/labels/summaries/<corpus>.yml (conventions in the header of seeds.yml), one
per corpus: seeds/ and every tests/corpora/<name>/ that has a label file. Each corpus is run
through briefgen's pipeline with its own mkdocs.yml and no cache (read, clean, extract,
aggregate, render), and the summaries are read back from the rendered briefing.json; a
briefing is scored against the label entry that holds the same articles.

Systems, each giving the same number of sentences as briefgen's summary of that briefing:

- briefgen: the summary of briefing.json; each sentence cites the paragraphs it lists.
- lead: the classic lead-3, extended to several articles: the first sentence of every article
  (articles in the briefing's order), then the second of every article, and so on.
- lexrank: LexRank (Erkan and Radev 2004) over all the briefing's sentences: TF-IDF vectors
  (scikit-learn, English stop words), an edge between two sentences whose cosine similarity is
  above 0.1, a random walk with jump probability 0.15 solved by power iteration; the best
  sentences, put back in the order of the articles.

Both baselines take briefgen's own sentences (`ArticleFacts.sentences`, spaCy's split of the
cleaned paragraphs), skip a sentence whose text repeats one already taken (same text after
whitespace and case folding: wire copies), and cite the paragraph they come from.

Metrics of one summary (`Scores`):

- coverage: labelled points covered / points; a point is covered when one of its regexes
  (re.search, ignoring case) matches one summary sentence.
- redundancy: sentence pairs that repeat each other / all sentence pairs; a pair repeats when
  the cosine similarity of their TF-IDF vectors (the vectorizer fitted on all the briefing's
  sentences, as LexRank's) is at least REPEAT_COSINE.
- uncited: sentences that cite no paragraph / sentences.
- unfaithful: sentences not found in every paragraph they cite (see `is_faithful`) / sentences.
- boilerplate: sentences matching a boilerplate line the corpus's intake labels list (see
  `is_boilerplate_sentence`).
- ROUGE-1 and ROUGE-2 F1 of the summary's sentences joined, against the label's reference
  (rouge-score, Porter stemming; its tokenizer keeps ASCII letters and digits only).

Totals over briefings: coverage, redundancy, uncited and unfaithful pool their counts (points,
pairs, sentences); ROUGE is the mean over briefings. Used by bench/summary/score.py and
tests/test_summary_scores.py.
"""

from __future__ import annotations

import json
import re
import unicodedata
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from functools import cache
from itertools import combinations
from pathlib import Path
from typing import Any

import numpy as np
import yaml
from mkdocs.config import load_config
from rapidfuzz import fuzz
from rouge_score import rouge_scorer
from sklearn.feature_extraction.text import TfidfVectorizer
from sklearn.metrics.pairwise import cosine_similarity

from briefgen.aggregate import build_briefings
from briefgen.config import to_settings
from briefgen.ingest import read_corpus
from briefgen.model import Sentence, Settings
from briefgen.pipeline import analyse_corpus
from briefgen.render import build_env, render_site

ROOT = Path(__file__).resolve().parent.parent
LABELS = ROOT / "tests" / "labels" / "summaries"
CORPORA = ROOT / "tests" / "corpora"
SYSTEMS = ("briefgen", "lead", "lexrank")

LEXRANK_THRESHOLD = 0.1  # cosine above which two sentences are linked
LEXRANK_JUMP = 0.15  # probability of jumping to a random sentence
LEXRANK_TOLERANCE = 1e-10
REPEAT_COSINE = 0.4  # TF-IDF cosine at which two summary sentences repeat each other
# A cited paragraph that does not hold the sentence verbatim may hold a light wire edit of it:
# partial_ratio at least this. "Syria's President" for "Syrian President", or an inserted
# "(March 14)", score 94-95; a dropped "on Saturday and" scores 87, a reworded attribution
# ("told reporters in Dhaka on Thursday:" for "said:") 85, "the allegation" for "either
# account" 87: those cite a paragraph that does not say the sentence.
WIRE_EDIT_RATIO = 90.0
# A boilerplate line of this many words or more that stands inside a sentence makes it
# boilerplate; shorter lines (a tag "Constitutional Court", "Share") only when the sentence lies
# inside them.
MIN_BOILERPLATE_WORDS = 6
MARKS = str.maketrans(
    {"‘": "'", "’": "'", "`": "'", "´": "'", "“": '"', "”": '"', "–": "-", "—": "-"}
)
# A sentence ends at . ! or ? (and a closing quote) before a space and a capital letter: the
# hand-written references avoid abbreviation dots before capitals for this.
REFERENCE_BREAK = re.compile(r"(?<=[.!?])([\"”]?)\s+(?=[\"“]?[^\W\d_])")


# ---------------------------------------------------------------- corpora and labels


@dataclass(frozen=True)
class Corpus:
    """A labelled corpus: its configuration, its summary labels and its intake labels."""

    name: str
    config: Path
    labels: Path
    intake: Path  # expected.yml or tests/labels/seeds.yml: the boilerplate lines


def labelled_corpora() -> dict[str, Corpus]:
    """Return every corpus with a summary label file, seeds first, then by name."""
    found = {
        "seeds": Corpus(
            "seeds", ROOT / "mkdocs.yml", LABELS / "seeds.yml", ROOT / "tests/labels/seeds.yml"
        )
    }
    for labels in sorted(LABELS.glob("*.yml")):
        folder = CORPORA / labels.stem
        if labels.stem != "seeds" and (folder / "mkdocs.yml").is_file():
            found[labels.stem] = Corpus(
                labels.stem, folder / "mkdocs.yml", labels, folder / "expected.yml"
            )
    return found


@dataclass(frozen=True)
class Point:
    """A main point a fair summary covers, and the patterns that recognise it."""

    id: str
    patterns: tuple[re.Pattern[str], ...]

    def is_covered_by(self, sentence: str) -> bool:
        return any(p.search(sentence) for p in self.patterns)


@dataclass(frozen=True)
class Label:
    """The labels of one briefing: its articles, reference summary and main points."""

    articles: frozenset[str]
    reference: str
    points: tuple[Point, ...]


@cache
def read_yaml(path: Path) -> Any:
    """Return a YAML file, parsed."""
    return yaml.safe_load(path.read_text(encoding="utf-8"))


def read_labels(corpus: Corpus) -> tuple[Label, ...]:
    """Return the labelled briefings of a corpus."""
    return tuple(
        Label(
            articles=frozenset(entry["articles"]),
            reference=" ".join(entry["reference"].split()),
            points=tuple(
                Point(p["id"], tuple(re.compile(r, re.IGNORECASE) for r in p["any"]))
                for p in entry["points"]
            ),
        )
        for entry in read_yaml(corpus.labels)["briefings"]
    )


def boilerplate_lines(corpus: Corpus) -> tuple[str, ...]:
    """Return the corpus's labelled boilerplate lines (text dumps) and must_drop texts (HTML);
    none if the corpus has no intake labels yet."""
    if not corpus.intake.is_file():
        return ()
    articles = read_yaml(corpus.intake)["articles"]
    return tuple(
        line
        for labels in articles.values()
        for key in ("boilerplate", "must_drop")
        for line in labels.get(key) or ()
    )


def split_reference(text: str) -> list[str]:
    """Return the sentences of a hand-written reference summary."""
    parts = REFERENCE_BREAK.split(text)
    # re.split keeps the captured closing quote: glue it back to its sentence
    return [s + q for s, q in zip(parts[::2], [*parts[1::2], ""], strict=True)]


# ---------------------------------------------------------------- rendering


@dataclass(frozen=True)
class Line:
    """One summary sentence and the paragraphs it cites, as (article id, paragraph index)."""

    text: str
    sources: tuple[tuple[str, int], ...]


@dataclass(frozen=True)
class Rendered:
    """A corpus run through briefgen: the export, and every article's paragraphs and sentences."""

    export: dict[str, Any]
    paragraphs: Mapping[str, tuple[str, ...]]
    sentences: Mapping[str, tuple[Sentence, ...]]


def settings_for(config_file: Path) -> Settings:
    """Return the Settings of a mkdocs.yml without a cache (no base_dir given)."""
    config = load_config(str(config_file))
    return to_settings(config.plugins["briefgen"].config)


def render_corpus(corpus: Corpus, nlp: Any) -> Rendered:
    """Return a corpus rendered as briefgen.pipeline.generate_site does, keeping the facts."""
    settings = settings_for(corpus.config)
    facts, _ = analyse_corpus(read_corpus(settings), settings, nlp)
    briefings = build_briefings(facts, settings)
    site = render_site(briefings, build_env(settings.templates_dir), settings.output_dir)
    return Rendered(
        export=json.loads(site.files[f"{settings.output_dir}/briefing.json"]),
        paragraphs={f.article.id: f.article.paragraphs for f in facts},
        sentences={f.article.id: f.sentences for f in facts},
    )


def summary_lines(briefing: Mapping[str, Any]) -> tuple[Line, ...]:
    """Return a briefing's summary as read from briefing.json."""
    return tuple(
        Line(
            text=s["text"],
            sources=tuple((p["article"], p["paragraph"]) for p in s["paragraphs"]),
        )
        for s in briefing["summary"]
    )


def article_ids(briefing: Mapping[str, Any]) -> tuple[str, ...]:
    """Return a briefing's article ids in its own order."""
    return tuple(a["id"] for a in briefing["articles"])


# ---------------------------------------------------------------- baselines


def comparable(text: str) -> str:
    """Return text for comparison: NFC, case-folded, one form of quotes, apostrophes and
    dashes, whitespace collapsed."""
    text = unicodedata.normalize("NFC", text).translate(MARKS).casefold()
    return " ".join(text.split())


def as_line(sentence: Sentence) -> Line:
    return Line(sentence.text, ((sentence.source.article_id, sentence.source.paragraph),))


def first_distinct(sentences: Iterable[Sentence], count: int) -> list[Sentence]:
    """Return the first `count` sentences whose texts differ (comparable)."""
    taken: list[Sentence] = []
    seen: set[str] = set()
    for sentence in sentences:
        if len(taken) == count:
            break
        if (key := comparable(sentence.text)) not in seen:
            seen.add(key)
            taken.append(sentence)
    return taken


def lead_baseline(by_article: Sequence[Sequence[Sentence]], count: int) -> tuple[Line, ...]:
    """Return the first sentence of every article, then the second of every article, ...:
    `count` distinct sentences in that order."""
    depth = max((len(s) for s in by_article), default=0)
    rounds = (s[i] for i in range(depth) for s in by_article if i < len(s))
    return tuple(as_line(s) for s in first_distinct(rounds, count))


def fit_tfidf(texts: Sequence[str]) -> Any:
    """Return the TF-IDF vectors of texts (rows l2-normalised), one vectorizer for all."""
    return TfidfVectorizer(stop_words="english").fit_transform(texts)


def lexrank_scores(
    texts: Sequence[str],
    threshold: float = LEXRANK_THRESHOLD,
    jump: float = LEXRANK_JUMP,
    tolerance: float = LEXRANK_TOLERANCE,
) -> list[float]:
    """Return each text's LexRank centrality: the stationary distribution of a random walk on
    the graph linking texts whose TF-IDF cosine is above threshold, found by power iteration."""
    n = len(texts)
    if n == 0:
        return []
    links = (cosine_similarity(fit_tfidf(texts)) > threshold).astype(float)
    np.fill_diagonal(links, 1.0)  # a sentence without stop-word-free words still has a row
    walk = jump / n + (1 - jump) * links / links.sum(axis=1, keepdims=True)
    rank = np.full(n, 1.0 / n)
    for _ in range(10_000):
        following = walk.T @ rank
        if np.abs(following - rank).sum() < tolerance:
            break
        rank = following
    return [float(x) for x in following]


def lexrank_baseline(by_article: Sequence[Sequence[Sentence]], count: int) -> tuple[Line, ...]:
    """Return the `count` most central distinct sentences, in the articles' order."""
    sentences = [s for article in by_article for s in article]
    scores = lexrank_scores([s.text for s in sentences])
    order = sorted(range(len(sentences)), key=lambda i: (-round(scores[i], 12), i))
    best = first_distinct((sentences[i] for i in order), count)
    place = {id(s): i for i, s in enumerate(sentences)}
    return tuple(as_line(s) for s in sorted(best, key=lambda s: place[id(s)]))


# ---------------------------------------------------------------- metrics


def is_faithful(line: Line, paragraphs: Mapping[str, Sequence[str]]) -> bool:
    """Return True if the sentence stands in every paragraph it cites: verbatim (compared as
    `comparable` texts), or as a light wire edit (partial_ratio >= WIRE_EDIT_RATIO)."""
    text = comparable(line.text)
    for article, index in line.sources:
        found = paragraphs.get(article, ())
        if index >= len(found):
            return False
        paragraph = comparable(found[index])
        if text not in paragraph and fuzz.partial_ratio(text, paragraph) < WIRE_EDIT_RATIO:
            return False
    return True


def is_boilerplate_sentence(text: str, lines: Sequence[str]) -> bool:
    """Return True if a sentence is a labelled boilerplate line, lies inside one (when it has
    three words or more), or holds one of MIN_BOILERPLATE_WORDS words or more (compared as
    `comparable` texts)."""
    sentence = comparable(text)
    words = len(sentence.split())
    for line in map(comparable, lines):
        if sentence == line or (words >= 3 and sentence in line):
            return True
        if len(line.split()) >= MIN_BOILERPLATE_WORDS and line in sentence:
            return True
    return False


def repeating_pairs(texts: Sequence[str], pool: Sequence[str]) -> tuple[int, int]:
    """Return (pairs that repeat each other, all pairs) among texts, with TF-IDF fitted on pool."""
    if len(texts) < 2:
        return 0, 0
    vectorizer = TfidfVectorizer(stop_words="english").fit([*pool, *texts])
    similar = cosine_similarity(vectorizer.transform(texts))
    pairs = list(combinations(range(len(texts)), 2))
    return sum(similar[i, j] >= REPEAT_COSINE for i, j in pairs), len(pairs)


@cache
def rouge() -> rouge_scorer.RougeScorer:
    return rouge_scorer.RougeScorer(["rouge1", "rouge2"], use_stemmer=True)


@dataclass(frozen=True)
class Scores:
    """The scores of one summary (or, summed, of several)."""

    briefings: int = 0
    sentences: int = 0
    words: int = 0
    points: int = 0
    covered: int = 0
    pairs: int = 0
    repeats: int = 0
    uncited: int = 0
    unfaithful: int = 0
    boilerplate: int = 0
    rouge1: float = 0.0  # summed over briefings; the properties divide
    rouge2: float = 0.0
    missed: tuple[str, ...] = field(default=())

    def __add__(self, other: Scores) -> Scores:
        return Scores(*(getattr(self, f) + getattr(other, f) for f in Scores.__dataclass_fields__))

    @property
    def coverage(self) -> float:
        return self.covered / self.points if self.points else 1.0

    @property
    def redundancy(self) -> float:
        return self.repeats / self.pairs if self.pairs else 0.0

    @property
    def uncited_share(self) -> float:
        return self.uncited / self.sentences if self.sentences else 0.0

    @property
    def unfaithful_share(self) -> float:
        return self.unfaithful / self.sentences if self.sentences else 0.0

    @property
    def rouge1_f(self) -> float:
        return self.rouge1 / self.briefings if self.briefings else 0.0

    @property
    def rouge2_f(self) -> float:
        return self.rouge2 / self.briefings if self.briefings else 0.0


def score_summary(
    lines: Sequence[Line],
    label: Label,
    pool: Sequence[str],
    paragraphs: Mapping[str, Sequence[str]],
    boilerplate: Sequence[str],
) -> Scores:
    """Return the scores of one summary; pool is every sentence of the briefing's articles."""
    texts = [line.text for line in lines]
    missed = tuple(p.id for p in label.points if not any(map(p.is_covered_by, texts)))
    repeats, pairs = repeating_pairs(texts, pool)
    rouged = rouge().score(label.reference, " ".join(texts))
    return Scores(
        briefings=1,
        sentences=len(lines),
        words=sum(len(t.split()) for t in texts),
        points=len(label.points),
        covered=len(label.points) - len(missed),
        pairs=pairs,
        repeats=repeats,
        uncited=sum(not line.sources for line in lines),
        unfaithful=sum(not is_faithful(line, paragraphs) for line in lines),
        boilerplate=sum(is_boilerplate_sentence(t, boilerplate) for t in texts),
        rouge1=rouged["rouge1"].fmeasure,
        rouge2=rouged["rouge2"].fmeasure,
        missed=missed,
    )


@dataclass(frozen=True)
class BriefingResult:
    """One labelled briefing: each system's summary and scores."""

    corpus: str
    slug: str
    summaries: Mapping[str, tuple[Line, ...]]
    scores: Mapping[str, Scores]


def score_corpus(corpus: Corpus, rendered: Rendered) -> list[BriefingResult]:
    """Return the results of every briefing of a rendered corpus that has labels.

    Raises AssertionError if a labelled story has no briefing with exactly its articles.
    """
    labels = {label.articles: label for label in read_labels(corpus)}
    briefings = {frozenset(article_ids(b)): b for b in rendered.export["briefings"]}
    missing = [sorted(ids) for ids in labels if ids not in briefings]
    assert not missing, f"{corpus.name}: no briefing holds exactly {missing}"
    boilerplate = boilerplate_lines(corpus)
    results = []
    for ids, label in labels.items():
        briefing = briefings[ids]
        by_article = [rendered.sentences[a] for a in article_ids(briefing)]
        own = summary_lines(briefing)
        summaries = {
            "briefgen": own,
            "lead": lead_baseline(by_article, len(own)),
            "lexrank": lexrank_baseline(by_article, len(own)),
        }
        pool = [s.text for article in by_article for s in article]
        scores = {
            name: score_summary(lines, label, pool, rendered.paragraphs, boilerplate)
            for name, lines in summaries.items()
        }
        results.append(BriefingResult(corpus.name, briefing["slug"], summaries, scores))
    return sorted(results, key=lambda r: r.slug)
