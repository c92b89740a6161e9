"""Names: normalising surface forms and matching them against the configured aliases.

Aliases map surface forms to a canonical id, like spaCy's EntityRuler patterns with an `id`.
The configuration lists forms; this module normalises case, accents, hyphens and the article
"the", so "Abu Al-Hassan" and "Abu al Hassan" match one alias. An alias written in capitals
("US") is an acronym and matches case-sensitively, so the pronoun "us" never does.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Mapping
from dataclasses import dataclass, field

from briefgen.model import Knowledge, Principal

_PUNCT = re.compile(r"[\-‐‑–—'’`.,]+")
# A word of a name as written, with its possessive: "Varnesia's", "al", "Demarin".
_WORD = re.compile(r"[A-Za-z0-9]+(?:'[sS]\b)?")
# Words after which an alias is not the head of the phrase but the object of a preposition or
# a second conjunct: "the Law Society of Kenya", "Friends of the Earth", "Kenya and Uganda".
_NOT_HEAD_BEFORE = frozenset(
    {"of", "for", "in", "at", "on", "to", "from", "with", "by", "and", "or", "against", "between"}
)


def name_tokens(text: str) -> tuple[str, ...]:
    """Return a name as comparable tokens: no accents, case, hyphens, dots or leading 'the'."""
    ascii_text = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode()
    tokens = _PUNCT.sub(" ", ascii_text.lower()).split()
    # "Kenya's" -> "kenya s": drop the possessive s left by the apostrophe
    tokens = [t for i, t in enumerate(tokens) if not (t == "s" and i > 0)]
    return tuple(tokens[1:] if tokens[:1] == ["the"] else tokens)


@dataclass(frozen=True, slots=True, kw_only=True)
class Alias:
    """One alias form of one principal."""

    tokens: tuple[str, ...]
    exact: str | None  # the surface form, for acronyms matched case-sensitively
    principal: Principal


@dataclass(frozen=True, slots=True, kw_only=True)
class AliasIndex:
    """All aliases of all principals, longest first: build once per run."""

    aliases: tuple[Alias, ...]
    # each principal's own name words (its name and aliases), by id
    own_words: Mapping[str, frozenset[str]] = field(default_factory=dict)
    # words of titles and ranks, which may stand before a surname ("Interior Minister")
    title_words: frozenset[str] = frozenset()


def build_alias_index(knowledge: Knowledge) -> AliasIndex:
    """Return the alias index of the configured principals, longest alias first."""
    own_words = {
        p.id: frozenset(t for form in (p.name, *p.aliases) for t in name_tokens(form))
        for p in knowledge.principals
    }
    titles = (*(surface for surface, _ in knowledge.titles), *knowledge.ranks)
    title_words = frozenset(t for form in titles for t in name_tokens(form))
    aliases = [
        Alias(
            tokens=name_tokens(form),
            exact=form if form.isupper() and len(form.replace(".", "")) <= 6 else None,
            principal=principal,
        )
        for principal in knowledge.principals
        for form in principal.aliases
        if name_tokens(form)
    ]
    aliases.sort(key=lambda a: (-len(a.tokens), a.principal.id, a.tokens))
    return AliasIndex(aliases=tuple(aliases), own_words=own_words, title_words=title_words)


def _ends_with(haystack: tuple[str, ...], needle: tuple[str, ...]) -> bool:
    """Return True if the phrase is headed by the alias: the head of an English noun phrase is last.

    "Kenyan President Grace Wanjiru" ends with "Grace Wanjiru"; "Bangladesh Water Development
    Board" does not end with "Bangladesh", and is not the government of Bangladesh; nor is "the
    Law Society of Kenya", where the alias is the object of "of".
    """
    at = len(haystack) - len(needle)
    if at < 0 or haystack[at:] != needle:
        return False
    return at == 0 or haystack[at - 1] not in _NOT_HEAD_BEFORE


def _another_name_before(phrase: str, alias: Alias, index: AliasIndex) -> bool:
    """Return True if a capitalised word that is neither the principal's own name word nor a
    title stands right before the alias: "Costin Demarin" is not President Aurel Demarin, nor
    "South Sudan" Sudan. A possessive ("Varnesia's Demarin"), an initial or a lower-case word
    ("rebel commander Demarin") does not make another name."""
    ascii_text = unicodedata.normalize("NFKD", phrase.replace("’", "'")).encode("ascii", "ignore")
    words = _WORD.findall(ascii_text.decode())
    words = words[1:] if words[:1] in (["the"], ["The"], ["THE"]) else words  # as name_tokens
    if len(words) <= len(alias.tokens):
        return False
    before = words[-len(alias.tokens) - 1]
    word = before.lower()
    return (
        before[:1].isupper()
        and not before.endswith(("'s", "'S"))
        and len(word) > 1
        and word not in index.own_words.get(alias.principal.id, frozenset())
        and word not in index.title_words
        and word not in _NOT_HEAD_BEFORE
    )


def match_principal(phrase: str, index: AliasIndex) -> Principal | None:
    """Return the principal whose longest alias heads the phrase, or None. An alias shorter
    than the phrase does not match if another name stands before it (_another_name_before):
    the president's brother, "Interior Minister Costin Demarin", is not the president."""
    tokens = name_tokens(phrase)
    for alias in index.aliases:
        if alias.exact is not None:
            exact = re.escape(alias.exact)
            found = re.search(rf"(?<![\w.]){exact}\W*$", phrase)
            before = name_tokens(phrase[: found.start()]) if found else ()
            if found and not (before and before[-1] in _NOT_HEAD_BEFORE):
                return alias.principal
        elif _ends_with(tokens, alias.tokens) and not _another_name_before(phrase, alias, index):
            return alias.principal
    return None


def strip_titles(name: str, knowledge: Knowledge) -> tuple[str, str]:
    """Return (name without leading titles, the canonical titles removed)."""
    removed: list[str] = []
    changed = True
    while changed:
        changed = False
        for surface, canonical in sorted(knowledge.titles, key=lambda t: -len(t[0])):
            if name.lower().startswith(surface.lower() + " "):
                name, changed = name[len(surface) + 1 :].lstrip(), True
                removed.append(canonical)
                break
    return name, " ".join(removed)
