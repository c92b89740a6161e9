"""Scoring statements against the hand labels of whole articles: who said what, per article.

Label sets (each label: speaker, kind, text, articles):
  seeds        tests/labels/seeds.yml for seeds/, principals of ./mkdocs.yml
  port-strike  tests/corpora/port-strike/expected.yml, its mkdocs.yml
  flood        tests/corpora/flood/expected.yml, its mkdocs.yml
  mixed        tests/corpora/mixed/expected.yml: labels only the principals' statements, so
               only those are scored (see `principals_only`)

The real pipeline runs up to extraction (read_corpus, clean_corpus, extract_articles, with the
settings of the set's mkdocs.yml), then statements are matched article by article:

- Text: a predicted statement matches a gold one when the gold text lies inside the predicted
  text, or inside the predicted cue and text together (gold "urged de-escalation" against cue
  "urged", text "de-escalation"), or when the predicted text lies inside the gold text and
  holds at least half of its words (a reported clause cut a little short). Texts are compared
  without case, quotation marks or apostrophes, with whitespace collapsed.
- Speaker: when the gold speaker is a configured principal, the predicted speaker id must be
  that principal's id. Otherwise the predicted speaker must not be a principal, and its
  canonical name, normalised (case, accents, hyphens, dots, leading "the", possessive s) must
  equal the gold name, or one of the names the label file's `actors` section lists for that
  actor (see `actor_aliases` for which), or be the gold person's surname alone.

Before matching, consecutive direct statements of one speaker in one paragraph are joined into
one: the labels count a quotation interrupted by its attribution ('"...," he said. "..."') as
one statement, the extractor as two.

Precision = predicted statements with a text match and the right speaker / predicted
statements. Recall = gold statements with such a predicted statement / gold statements.
Misattributions = predicted statements whose text matches gold statements but none of their
speakers: the worst error, counted apart. In `principals_only` sets a predicted statement is
scored when its speaker is a principal or its text matches a (principal's) gold statement.
Used by tests/test_statement_scores.py and bench/statements.py.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Sequence
from dataclasses import dataclass, field, replace
from functools import cache
from pathlib import Path
from typing import Any

import yaml
from mkdocs.config import load_config

from briefgen.config import to_settings
from briefgen.extract import extract_articles
from briefgen.extract.names import name_tokens
from briefgen.ingest import read_corpus
from briefgen.model import ArticleFacts, Principal, Settings, Statement
from briefgen.pipeline import clean_corpus

ROOT = Path(__file__).resolve().parent.parent
CORPORA = ROOT / "tests" / "corpora"
# At least this share of the gold text's words must be in a predicted text that lies inside it.
MIN_SHARE_INSIDE = 0.5
QUOTE_MARKS = re.compile(r"[\"'“”‘’`´]")


@dataclass(frozen=True)
class LabelSet:
    """One labelled corpus: its labels, its configuration, and what its labels cover."""

    name: str
    labels: Path
    config: Path
    principals_only: bool = False


def _corpus(name: str, principals_only: bool = False) -> LabelSet:
    """Return the label set of a test corpus: expected.yml beside its mkdocs.yml."""
    folder = CORPORA / name
    return LabelSet(name, folder / "expected.yml", folder / "mkdocs.yml", principals_only)


LABEL_SETS = {
    s.name: s
    for s in (
        LabelSet("seeds", ROOT / "tests" / "labels" / "seeds.yml", ROOT / "mkdocs.yml"),
        _corpus("port-strike"),
        _corpus("flood"),
        _corpus("mixed", principals_only=True),
        _corpus("holdout", principals_only=True),
        _corpus("election", principals_only=True),
    )
}


@dataclass(frozen=True)
class Gold:
    """One hand-labelled statement of one article."""

    speaker: str
    kind: str
    text: str


@dataclass(frozen=True)
class Error:
    """A scoring error, for the details list: what was predicted or missed, and where."""

    article: str
    what: str  # "miss", "extra" or "wrong speaker"
    speaker: str  # predicted speaker ("extra", "wrong speaker") or gold speaker ("miss")
    text: str
    gold_speakers: tuple[str, ...] = ()  # for "wrong speaker": who really said it
    principal: bool = False  # a principal is on one side of a wrong speaker

    def __str__(self) -> str:
        if self.what == "wrong speaker":
            who = " / ".join(self.gold_speakers)
            return f"{self.article}: WRONG SPEAKER {self.speaker} (gold: {who}): {self.text}"
        return f"{self.article}: {self.what} {self.speaker}: {self.text}"


@dataclass(frozen=True)
class SetScore:
    """Counts of one label set."""

    name: str
    articles: int
    predicted: int
    gold: int
    correct: int  # predicted statements with a text match and the right speaker
    found: int  # gold statements found with the right speaker
    misattributed: int  # predicted statements whose text matches gold of other speakers only
    principal_misattributed: int  # those with a principal on either side
    errors: tuple[Error, ...] = field(default=())

    @property
    def precision(self) -> float:
        return self.correct / self.predicted if self.predicted else 1.0

    @property
    def recall(self) -> float:
        return self.found / self.gold if self.gold else 1.0


def norm_text(text: str) -> str:
    """Return a text for comparison: no case, quotation marks or apostrophes, spaces collapsed."""
    text = QUOTE_MARKS.sub("", unicodedata.normalize("NFC", text)).casefold()
    return " ".join(text.split())


def text_matches(predicted: Statement, gold: Gold) -> bool:
    """Return True if a predicted statement says the gold statement's words (module doc)."""
    p, g = norm_text(predicted.text), norm_text(gold.text)
    if not g:
        return False
    if g in p or g in norm_text(f"{predicted.cue} {predicted.text}"):
        return True
    return bool(p) and p in g and len(p.split()) >= MIN_SHARE_INSIDE * len(g.split())


def settings_for(config_file: Path) -> Settings:
    """Return the Settings of a mkdocs.yml, as tests/conftest.py reads them (no cache)."""
    config = load_config(str(config_file))
    return to_settings(config.plugins["briefgen"].config)


def extract_set(label_set: LabelSet, nlp: Any) -> tuple[Settings, tuple[ArticleFacts, ...]]:
    """Return the settings and the extracted facts of a label set's corpus."""
    settings = settings_for(label_set.config)
    articles, _ = clean_corpus(read_corpus(settings), settings)
    return settings, extract_articles(articles, nlp, settings.knowledge)


@cache
def read_labels(path: Path) -> dict[str, Any]:
    """Return a label file, parsed."""
    labels: dict[str, Any] = yaml.safe_load(path.read_text(encoding="utf-8"))
    return labels


def gold_by_article(labels: dict[str, Any]) -> dict[str, list[Gold]]:
    """Return the gold statements of each article id."""
    gold: dict[str, list[Gold]] = {}
    for entry in labels.get("statements") or []:
        for article in entry["articles"]:
            gold.setdefault(article, []).append(
                Gold(speaker=entry["speaker"], kind=entry["kind"], text=entry["text"])
            )
    return gold


def actor_aliases(labels: dict[str, Any]) -> dict[tuple[str, ...], set[tuple[str, ...]]]:
    """Return, per actor name, the names its labels list for it, normalised.

    A one-word alias counts only when the labeller wrote it capitalised and the word never
    occurs in lower case among the file's aliases: "SANA", "Fetrapac" and "Tehran" name one
    actor, while "Fighters" or "Police" are common nouns at the start of a sentence.
    """
    actors = labels.get("actors") or []
    lower_words = {
        w for a in actors for alias in a.get("aliases") or [] for w in alias.split() if w.islower()
    }
    table: dict[tuple[str, ...], set[tuple[str, ...]]] = {}
    for actor in actors:
        forms = {name_tokens(actor["name"])}
        for alias in actor.get("aliases") or []:
            tokens = name_tokens(alias)
            bare = alias[4:] if alias.lower().startswith("the ") else alias
            one_word_name = (
                len(tokens) == 1 and bare[:1].isupper() and bare.lower() not in lower_words
            )
            if len(tokens) >= 2 or one_word_name:
                forms.add(tokens)
        table[name_tokens(actor["name"])] = forms
    return table


@dataclass(frozen=True)
class SpeakerJudge:
    """Decides whether a predicted speaker is a gold speaker (module doc)."""

    principals: tuple[Principal, ...]
    aliases: dict[tuple[str, ...], set[tuple[str, ...]]]

    def principal(self, gold_speaker: str) -> Principal | None:
        """Return the principal a gold speaker name is, or None."""
        tokens = name_tokens(gold_speaker)
        return next((p for p in self.principals if name_tokens(p.name) == tokens), None)

    def is_principal_id(self, speaker_id: str) -> bool:
        return any(p.id == speaker_id for p in self.principals)

    def right(self, predicted: Statement, gold_speaker: str) -> bool:
        """Return True if the predicted statement's speaker is the gold speaker."""
        principal = self.principal(gold_speaker)
        if principal is not None:
            return predicted.speaker_id == principal.id
        if self.is_principal_id(predicted.speaker_id):
            return False
        name, gold = name_tokens(predicted.speaker_name), name_tokens(gold_speaker)
        if not name:
            return False
        surname = len(name) == 1 and len(gold) > 1 and gold[-1] == name[0]
        return name == gold or surname or name in self.aliases.get(gold, set())


def join_interrupted(statements: Sequence[Statement]) -> list[Statement]:
    """Return statements with consecutive direct ones of one speaker in one paragraph joined.

    The labels count '"...," he told reporters. "..."' as one statement (a quotation
    interrupted by its attribution), which the extractor gives as two.
    """
    joined: list[Statement] = []
    for s in statements:
        last = joined[-1] if joined else None
        if (
            last is not None
            and last.kind == s.kind == "direct"
            and last.source == s.source
            and last.speaker_id == s.speaker_id
        ):
            joined[-1] = replace(last, text=f"{last.text} {s.text}", end=s.end)
        else:
            joined.append(s)
    return joined


def score_article(
    article: str,
    predicted: Sequence[Statement],
    gold: Sequence[Gold],
    judge: SpeakerJudge,
    principals_only: bool,
) -> SetScore:
    """Return the counts and errors of one article."""
    predicted = join_interrupted(predicted)
    if principals_only:
        gold = [g for g in gold if judge.principal(g.speaker) is not None]
        predicted = [
            p
            for p in predicted
            if judge.is_principal_id(p.speaker_id) or any(text_matches(p, g) for g in gold)
        ]
    errors: list[Error] = []
    correct = misattributed = principal_wrong = 0
    for p in predicted:
        same_words = [g for g in gold if text_matches(p, g)]
        if any(judge.right(p, g.speaker) for g in same_words):
            correct += 1
        elif same_words:
            misattributed += 1
            on_principal = judge.is_principal_id(p.speaker_id) or any(
                judge.principal(g.speaker) for g in same_words
            )
            principal_wrong += on_principal
            errors.append(
                Error(
                    article,
                    "wrong speaker",
                    p.speaker_name,
                    p.text,
                    tuple(dict.fromkeys(g.speaker for g in same_words)),
                    on_principal,
                )
            )
        else:
            errors.append(Error(article, "extra", p.speaker_name, p.text))
    found = 0
    for g in gold:
        if any(text_matches(p, g) and judge.right(p, g.speaker) for p in predicted):
            found += 1
        else:
            errors.append(Error(article, "miss", g.speaker, g.text))
    return SetScore(
        name=article,
        articles=1,
        predicted=len(predicted),
        gold=len(gold),
        correct=correct,
        found=found,
        misattributed=misattributed,
        principal_misattributed=principal_wrong,
        errors=tuple(errors),
    )


def score_facts(label_set: LabelSet, settings: Settings, facts: Sequence[ArticleFacts]) -> SetScore:
    """Return the scores of a label set from its extracted facts."""
    labels = read_labels(label_set.labels)
    gold = gold_by_article(labels)
    judge = SpeakerJudge(settings.knowledge.principals, actor_aliases(labels))
    scores = [
        score_article(
            f.article.id,
            f.statements,
            gold.get(f.article.id, []),
            judge,
            label_set.principals_only,
        )
        for f in facts
    ]
    # gold of articles the pipeline did not keep (unreadable, or dropped) is missed
    kept = {f.article.id for f in facts}
    lost = [
        Error(article, "miss", g.speaker, g.text)
        for article, statements in gold.items()
        if article not in kept
        for g in statements
        if not label_set.principals_only or judge.principal(g.speaker) is not None
    ]
    return SetScore(
        name=label_set.name,
        articles=len(facts),
        predicted=sum(s.predicted for s in scores),
        gold=sum(s.gold for s in scores) + len(lost),
        correct=sum(s.correct for s in scores),
        found=sum(s.found for s in scores),
        misattributed=sum(s.misattributed for s in scores),
        principal_misattributed=sum(s.principal_misattributed for s in scores),
        errors=tuple(e for s in scores for e in s.errors) + tuple(lost),
    )


def score_set(name: str, nlp: Any) -> SetScore:
    """Return the statement scores of one label set, running the pipeline on its corpus."""
    label_set = LABEL_SETS[name]
    settings, facts = extract_set(label_set, nlp)
    return score_facts(label_set, settings, facts)
