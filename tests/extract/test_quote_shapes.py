"""Quote shapes from quote_shapes.yml: each case's statements, by speaker, kind and words.

A case passes when the predicted (speaker, kind) pairs equal the expected ones as a multiset,
every expected text lies inside the predicted statement it is paired with, and no predicted
statement holds the expected words of another speaker (two speakers are never merged). Speakers are
compared without case or a leading "the"; texts without case, punctuation or quotation marks,
so the comma a quotation loses to its attribution ("The port," she said, "will ...") does not
count. A case the extractor gets wrong carries `xfail: reason` in the YAML and runs as a strict
xfail: once fixed it XPASSes, fails, and its marker must be removed.
"""

from __future__ import annotations

import re
import unicodedata
from collections import Counter
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
import yaml

from briefgen.extract.names import AliasIndex
from briefgen.extract.statements import find_statements
from briefgen.model import Knowledge, Statement

CASES_FILE = Path(__file__).with_name("quote_shapes.yml")
KINDS = frozenset({"direct", "indirect"})


def load_cases() -> list[dict[str, Any]]:
    """Return the cases of quote_shapes.yml, checked for shape."""
    cases: list[dict[str, Any]] = yaml.safe_load(CASES_FILE.read_text(encoding="utf-8"))
    ids = [c["id"] for c in cases]
    assert len(ids) == len(set(ids)), "duplicate case ids"
    for case in cases:
        assert {"id", "shape", "text", "expected"} <= case.keys(), case.get("id")
        for statement in case["expected"]:
            assert statement.keys() == {"speaker", "kind", "text"}, case["id"]
            assert statement["kind"] in KINDS, case["id"]
    return cases


def paragraphs_of(text: str) -> tuple[str, ...]:
    """Return a case's paragraphs: blocks separated by a blank line."""
    return tuple(p.strip() for p in text.split("\n\n") if p.strip())


def norm_speaker(name: str) -> str:
    """Return a speaker name for comparison: no case, curly apostrophes or leading 'the'."""
    name = " ".join(unicodedata.normalize("NFC", name).replace("’", "'").split()).casefold()
    return name[4:] if name.startswith("the ") else name


def norm_words(text: str) -> str:
    """Return a text's words only: no case, punctuation or quotation marks."""
    return " ".join(re.findall(r"\w+", unicodedata.normalize("NFC", text).casefold()))


def _contains(outer: str, inner: str) -> bool:
    """Return True if inner's words appear, in order and contiguous, in outer's."""
    return f" {norm_words(inner)} " in f" {norm_words(outer)} "


def _pairs(expected: list[dict[str, str]], predicted: list[Statement]) -> dict[int, int] | None:
    """Return expected index -> predicted index, pairing same speaker, kind and words, or None."""
    fits = [
        [
            j
            for j, p in enumerate(predicted)
            if norm_speaker(p.speaker_name) == norm_speaker(e["speaker"])
            and p.kind == e["kind"]
            and _contains(p.text, e["text"])
        ]
        for e in expected
    ]
    owner: dict[int, int] = {}  # predicted -> expected

    def assign(i: int, seen: set[int]) -> bool:
        for j in fits[i]:
            if j not in seen:
                seen.add(j)
                if j not in owner or assign(owner[j], seen):
                    owner[j] = i
                    return True
        return False

    if not all(assign(i, set()) for i in range(len(expected))):
        return None
    return {i: j for j, i in owner.items()}


def predict(text: str, nlp: Any, index: AliasIndex, knowledge: Knowledge) -> list[Statement]:
    """Return briefgen's statements for a case text."""
    paragraphs = paragraphs_of(text)
    docs = list(nlp.pipe(paragraphs))
    return list(find_statements("a", paragraphs, docs, index, knowledge))


def _params() -> Iterator[Any]:
    for case in load_cases():
        marks = (
            [pytest.mark.xfail(strict=True, reason=str(case["xfail"]))] if "xfail" in case else []
        )
        yield pytest.param(case, id=case["id"], marks=marks)


@pytest.mark.parametrize("case", list(_params()))
def test_quote_shape(
    case: dict[str, Any], nlp: Any, index: AliasIndex, knowledge: Knowledge
) -> None:
    predicted = predict(case["text"], nlp, index, knowledge)
    expected: list[dict[str, str]] = case["expected"]
    shown = [(s.speaker_name, s.kind, s.text) for s in predicted]
    got = Counter((norm_speaker(s.speaker_name), s.kind) for s in predicted)
    want = Counter((norm_speaker(e["speaker"]), e["kind"]) for e in expected)
    assert got == want, f"speakers and kinds: got {shown}"
    assert _pairs(expected, predicted) is not None, f"words: got {shown}"
    for statement in predicted:  # never merged: no statement holds another speaker's words
        speaker = norm_speaker(statement.speaker_name)
        others = [e["text"] for e in expected if norm_speaker(e["speaker"]) != speaker]
        assert not any(_contains(statement.text, t) for t in others), f"merged: got {shown}"


def test_quote_shapes_cover_the_brief() -> None:
    cases = load_cases()
    principals = {"maria lopez", "kenya"}
    with_principal = [
        c for c in cases if any(norm_speaker(e["speaker"]) in principals for e in c["expected"])
    ]
    assert len(cases) >= 45
    assert len(with_principal) >= 5
    assert len({c["shape"] for c in cases}) >= 15
