"""Scoring intake against hand labels: boilerplate removal per line, and article metadata.

Label files: tests/labels/seeds.yml (for seeds/) and tests/corpora/*/expected.yml (for the
corpus beside each). Every line of a text dump is one of metadata, boilerplate or body; the
cleaner should drop metadata and boilerplate lines and keep every body line. HTML articles are
labelled with `must_keep` and `must_drop` paragraphs instead. Used by tests/test_intake_scores.py
and by bench/intake.py, which prints the table for the closing notes.
"""

from __future__ import annotations

import time
from collections import Counter
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import yaml

from briefgen.clean import clean_article
from briefgen.clean.paragraphs import normalize_text, split_lines
from briefgen.ingest.text import read_article
from briefgen.model import CleanArticle, Knowledge

ROOT = Path(__file__).resolve().parent.parent
LABEL_SETS = {
    "seeds": (ROOT / "tests" / "labels" / "seeds.yml", ROOT / "seeds"),
    **{
        p.parent.name: (p, p.parent / "seeds")
        for p in sorted((ROOT / "tests" / "corpora").glob("*/expected.yml"))
    },
}


@dataclass(frozen=True)
class Counts:
    """Line decisions of one or more articles against their labels."""

    dropped_right: int = 0  # boilerplate or metadata, dropped
    dropped_wrong: int = 0  # body, dropped
    kept_wrong: int = 0  # boilerplate or metadata, kept
    kept_right: int = 0  # body, kept

    def __add__(self, other: Counts) -> Counts:
        return Counts(
            self.dropped_right + other.dropped_right,
            self.dropped_wrong + other.dropped_wrong,
            self.kept_wrong + other.kept_wrong,
            self.kept_right + other.kept_right,
        )

    @property
    def precision(self) -> float:
        dropped = self.dropped_right + self.dropped_wrong
        return self.dropped_right / dropped if dropped else 1.0

    @property
    def recall(self) -> float:
        gold = self.dropped_right + self.kept_wrong
        return self.dropped_right / gold if gold else 1.0

    @property
    def body_kept(self) -> float:
        body = self.kept_right + self.dropped_wrong
        return self.kept_right / body if body else 1.0


@dataclass(frozen=True)
class Scored:
    """One labelled article: its line counts, its errors, metadata mismatches and time."""

    name: str
    counts: Counts
    errors: tuple[str, ...]
    meta_errors: tuple[str, ...]
    seconds: float


def norm(line: str) -> str:
    return normalize_text(line).strip()


def dropped_lines(article: CleanArticle) -> Counter[str]:
    return Counter(norm(d.text) for d in article.dropped)


def score_text(lines: tuple[str, ...], labels: dict[str, Any], article: CleanArticle) -> Counts:
    """Return the line decisions of a cleaned text dump against its labels (errors aside)."""
    return score_lines(lines, labels, article)[0]


def score_lines(
    lines: tuple[str, ...], labels: dict[str, Any], article: CleanArticle
) -> tuple[Counts, tuple[str, ...]]:
    gold_drop = Counter(norm(x) for x in labels.get("boilerplate", []))
    gold_drop += Counter(norm(x) for x in labels.get("metadata_lines", []))
    dropped = dropped_lines(article)
    counts = Counts()
    errors: list[str] = []
    for line in lines:
        is_gold_drop = gold_drop[line] > 0
        was_dropped = dropped[line] > 0
        if is_gold_drop:
            gold_drop[line] -= 1
        if was_dropped:
            dropped[line] -= 1
        if is_gold_drop and was_dropped:
            counts += Counts(dropped_right=1)
        elif is_gold_drop:
            counts += Counts(kept_wrong=1)
            errors.append(f"kept boilerplate: {line[:90]}")
        elif was_dropped:
            counts += Counts(dropped_wrong=1)
            errors.append(f"dropped body: {line[:90]}")
        else:
            counts += Counts(kept_right=1)
    return counts, tuple(errors)


def score_html(labels: dict[str, Any], article: CleanArticle) -> tuple[Counts, tuple[str, ...]]:
    """Score whole paragraphs: a must_keep paragraph is kept (its dateline may be cut off), a
    must_drop one is not a paragraph of the article (its words may still occur in one)."""
    paragraphs = [norm(p) for p in article.paragraphs]

    def kept(line: str) -> bool:
        return any(p == line or (line.endswith(p) and len(p) > 0.7 * len(line)) for p in paragraphs)

    counts = Counts()
    errors: list[str] = []
    for line in map(norm, labels.get("must_keep", [])):
        if kept(line):
            counts += Counts(kept_right=1)
        else:
            counts += Counts(dropped_wrong=1)
            errors.append(f"lost body: {line[:90]}")
    for line in map(norm, labels.get("must_drop", [])):
        if kept(line):
            counts += Counts(kept_wrong=1)
            errors.append(f"kept boilerplate: {line[:90]}")
        else:
            counts += Counts(dropped_right=1)
    return counts, tuple(errors)


META_FIELDS = ("title", "authors", "published", "outlet", "url", "dateline")


def meta_mismatches(labels: dict[str, Any], article: CleanArticle) -> tuple[str, ...]:
    meta = article.meta
    found = {
        "title": None if meta.title_generated else meta.title,
        "authors": list(meta.authors),
        "published": meta.published,
        "outlet": meta.outlet,
        "url": meta.url,
        "dateline": meta.dateline,
    }
    wrong = []
    for field in META_FIELDS:
        if field not in labels:
            continue
        want = labels[field]
        if field == "authors":
            want = list(want or [])
        if want != found[field]:
            wrong.append(f"{field}: want {want!r}, got {found[field]!r}")
    return tuple(wrong)


def score_set(name: str, knowledge: Knowledge) -> list[Scored]:
    """Return the score of every labelled article of one label set."""
    label_file, corpus_dir = LABEL_SETS[name]
    labels = yaml.safe_load(label_file.read_text(encoding="utf-8"))["articles"]
    files = {p.stem: p for p in corpus_dir.iterdir() if not p.name.endswith(".meta.yml")}
    scored = []
    for article_id, article_labels in sorted(labels.items()):
        path = files[article_id]
        sidecar = path.with_name(path.stem + ".meta.yml")
        start = time.perf_counter()
        raw, _ = read_article(path, corpus_dir, 10_000_000, sidecar if sidecar.exists() else None)
        assert raw is not None, path
        article = clean_article(raw, knowledge)
        seconds = time.perf_counter() - start
        assert isinstance(article, CleanArticle), article
        if raw.format == "text":
            counts, errors = score_lines(split_lines(raw.text), article_labels, article)
        else:
            counts, errors = score_html(article_labels, article)
        scored.append(
            Scored(
                name=f"{name}/{article_id}",
                counts=counts,
                errors=errors,
                meta_errors=meta_mismatches(article_labels, article),
                seconds=seconds,
            )
        )
    return scored
