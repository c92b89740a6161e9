"""A faster drop-in for the model's attribute ruler (POS, morphology and lemma exceptions).

The small English model's `attribute_ruler` maps fine-grained tags to POS and morphology
through about 180 token patterns run by spaCy's Matcher. On news paragraphs that costs a fifth
of the whole pipeline's time (bench/scale/README.md, "Where the time goes"). Every pattern is
one or two tokens tested on TAG, LOWER, DEP or IS_SPACE, so the same rules can be applied by
looking each token up in a table keyed by its tag, then testing the few candidate patterns.

The rules, their order and the values set are the model's own: `compile_rules` reads them from
the loaded `attribute_ruler`, and the annotations are set with spaCy's own `set_token_attrs`,
later rules overriding earlier ones as in spaCy. tests/extract/test_tagrules.py checks that
the tokens come out identical. A model whose patterns use anything else keeps its own ruler.
"""

from __future__ import annotations

import re
from collections import defaultdict
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass
from typing import Any

from spacy.language import Language
from spacy.tokens import Doc
from spacy.tokens._retokenize import set_token_attrs

FACTORY = "briefgen_tag_rules"
# What the patterns may test, in the order of a token's features (see `features`).
ATTRS = ("LOWER", "TAG", "DEP", "IS_SPACE")
Features = tuple[str, str, str, bool]
FeatureTest = Callable[[Features], bool]


class UnsupportedPattern(ValueError):
    """The model's attribute ruler uses a pattern this module cannot apply exactly."""


@dataclass(frozen=True, slots=True)
class Rule:
    """One pattern of the ruler: its position in the ruler (its precedence), the token tests,
    which token of the match gets the attributes, and the attributes (spaCy ids)."""

    order: int
    tests: tuple[FeatureTest, ...]
    index: int
    attrs: dict[int, Any]


def features(doc: Doc) -> list[Features]:
    """Return what the patterns may test of each token, read once."""
    return [(t.lower_, t.tag_, t.dep_, t.is_space) for t in doc]


def _value_test(at: int, value: Any) -> FeatureTest:
    if not isinstance(value, dict):
        return lambda f: f[at] == value
    if set(value) == {"IN"}:
        allowed = frozenset(value["IN"])
        return lambda f: f[at] in allowed
    if set(value) == {"NOT_IN"}:
        banned = frozenset(value["NOT_IN"])
        return lambda f: f[at] not in banned
    if set(value) == {"REGEX"}:
        regex = re.compile(value["REGEX"])
        return lambda f: regex.search(str(f[at])) is not None
    raise UnsupportedPattern(f"{ATTRS[at]}: {value!r}")


def _token_test(spec: Mapping[str, Any]) -> FeatureTest:
    if not spec or not set(spec) <= set(ATTRS):
        raise UnsupportedPattern(repr(spec))
    tests = [_value_test(ATTRS.index(attr), value) for attr, value in spec.items()]
    if len(tests) == 1:
        return tests[0]
    return lambda f: all(test(f) for test in tests)


Key = tuple[int, Any]  # (position in Features, exact value); ANY: no exact value
ANY: Key = (-1, None)


@dataclass(frozen=True, slots=True)
class CompiledRules:
    """The rules, indexed by an exact value their first token needs (ANY: none)."""

    index: Mapping[Key, tuple[Rule, ...]]

    def candidates(self, f: Features) -> list[Rule]:
        index = self.index
        return [
            *index.get((0, f[0]), ()),
            *index.get((1, f[1]), ()),
            *index.get((2, f[2]), ()),
            *index.get((3, f[3]), ()),
            *index.get(ANY, ()),
        ]


def _index_keys(spec: Mapping[str, Any]) -> list[Key]:
    """Return the keys a pattern's first token is found under: one exact value of its most
    selective attribute, or each value it may take ("IN"); ANY when it has neither."""
    for at, attr in enumerate(ATTRS):
        value = spec.get(attr)
        if isinstance(value, str | bool):
            return [(at, value)]
        if isinstance(value, dict) and set(value) == {"IN"}:
            return [(at, v) for v in value["IN"]]
    return [ANY]


def compile_rules(ruler: Any) -> CompiledRules:
    """Return the rules of a loaded spaCy AttributeRuler; raise UnsupportedPattern if any
    pattern tests more than this module knows."""
    index: dict[Key, list[Rule]] = defaultdict(list)
    for order, (entry, attrs, at) in enumerate(
        zip(ruler.patterns, ruler.attrs, ruler.indices, strict=True)
    ):
        for pattern in entry["patterns"]:
            if not pattern:
                raise UnsupportedPattern("empty pattern")
            tests = tuple(_token_test(spec) for spec in pattern)
            rule = Rule(order=order, tests=tests, index=at, attrs=attrs)
            for key in _index_keys(pattern[0]):
                index[key].append(rule)
    return CompiledRules(index={key: tuple(rules) for key, rules in index.items()})


def matches(doc: Doc, rules: CompiledRules) -> list[tuple[int, int, int, Rule]]:
    """Return (order, start, end, rule) of every match, in the order spaCy applies them."""
    feats = features(doc)
    size = len(feats)
    found = []
    for start, f in enumerate(feats):
        for rule in rules.candidates(f):
            tests = rule.tests
            if len(tests) == 1:
                if tests[0](f):
                    found.append((rule.order, start, start + 1, rule))
            elif start + len(tests) <= size and all(
                test(feats[start + k]) for k, test in enumerate(tests)
            ):
                found.append((rule.order, start, start + len(tests), rule))
    found.sort(key=lambda m: m[:3])
    return found


class TagRules:
    """The pipeline component: applies the compiled rules to each Doc."""

    def __init__(self, rules: CompiledRules) -> None:
        self.rules = rules

    def __call__(self, doc: Doc) -> Doc:
        for _, start, end, rule in matches(doc, self.rules):
            set_token_attrs(
                doc[start + rule.index if rule.index >= 0 else end + rule.index], rule.attrs
            )
        return doc


@Language.factory(FACTORY)
def make_tag_rules(nlp: Language, name: str) -> TagRules:
    """Built by `use_tag_rules`, which fills in the rules of the ruler it replaces."""
    return TagRules(CompiledRules(index={}))


def use_tag_rules(nlp: Language, names: Sequence[str] = ("attribute_ruler",)) -> Language:
    """Replace the attribute ruler of a loaded pipeline by TagRules with the same rules, in
    place; leave the pipeline as it is if its rules use patterns TagRules cannot apply."""
    for name in names:
        if name not in nlp.pipe_names:
            continue
        try:
            rules = compile_rules(nlp.get_pipe(name))
        except UnsupportedPattern:
            continue
        component = nlp.replace_pipe(name, FACTORY)
        assert isinstance(component, TagRules)
        component.rules = rules
    return nlp
