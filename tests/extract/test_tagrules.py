"""TagRules must set exactly what the model's own attribute ruler sets, token for token."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
import spacy

from briefgen.extract import NLP_MODEL
from briefgen.extract.tagrules import UnsupportedPattern, compile_rules, use_tag_rules

ROOT = Path(__file__).resolve().parents[2]

# Texts that exercise the ruler's exceptions: contractions, "gonna", "y'all", expletive
# "there", pronouns, whitespace tokens, "but" as an adverb, and ordinary news prose.
TEXTS = [
    "Y'all ain't gonna believe it, she said. Let's go! C'mon, we gotta leave now.",
    "There is no evidence, and there were no arrests. It's nothin' but talk.",
    "He gets it; she got it. I told you we'd win, but they won't listen.",
    "The minister  said   on Tuesday\nthat 1,200 workers had walked out.",
    "Ms Okafor, the port authority's chief, told reporters the strike would end soon.",
    "All but two of the ferries were cancelled, officials said.",
]


def annotations(doc: Any) -> list[tuple[str, ...]]:
    return [(t.text, t.tag_, t.pos_, str(t.morph), t.lemma_, t.dep_) for t in doc]


@pytest.fixture(scope="module")
def both() -> tuple[Any, Any]:
    return spacy.load(NLP_MODEL), use_tag_rules(spacy.load(NLP_MODEL))


def corpus_paragraphs() -> list[str]:
    files = sorted((ROOT / "tests" / "corpora").glob("*/seeds/*.txt"))[:6]
    return [p for f in files for p in f.read_text(encoding="utf-8").split("\n") if p.strip()]


def test_the_ruler_is_replaced_under_its_own_name(both: tuple[Any, Any]) -> None:
    spacy_nlp, ours = both
    assert ours.pipe_names == spacy_nlp.pipe_names
    assert type(ours.get_pipe("attribute_ruler")).__name__ == "TagRules"


def test_annotations_are_identical_to_the_models_ruler(both: tuple[Any, Any]) -> None:
    spacy_nlp, ours = both
    texts = TEXTS + corpus_paragraphs()
    for expected, got in zip(spacy_nlp.pipe(texts), ours.pipe(texts), strict=True):
        assert annotations(got) == annotations(expected)


def test_an_unknown_pattern_keeps_the_models_ruler() -> None:
    nlp = spacy.blank("en")
    ruler = nlp.add_pipe("attribute_ruler")
    ruler.add([[{"LENGTH": 3}]], {"POS": "NOUN"})
    with pytest.raises(UnsupportedPattern):
        compile_rules(ruler)
    assert type(use_tag_rules(nlp).get_pipe("attribute_ruler")).__name__ == "AttributeRuler"


def test_later_rules_override_earlier_ones() -> None:
    def tag(nlp: Any) -> Any:
        nlp.add_pipe("attribute_ruler").add_patterns(
            [
                {"patterns": [[{"LOWER": "strike"}]], "attrs": {"POS": "NOUN"}},
                {"patterns": [[{"LOWER": {"IN": ["strike", "walk"]}}]], "attrs": {"POS": "VERB"}},
                {
                    "patterns": [[{"LOWER": "a"}, {"LOWER": "strike"}]],
                    "attrs": {"POS": "X"},
                    "index": -1,
                },
            ]
        )
        return nlp

    expected = tag(spacy.blank("en"))
    ours = use_tag_rules(tag(spacy.blank("en")))
    text = "a strike and a walk strike"
    assert [t.pos_ for t in ours(text)] == [t.pos_ for t in expected(text)]
    assert [t.pos_ for t in ours(text)] == ["", "X", "", "", "VERB", "VERB"]
