"""Mentions of named actors: the NER model's entities, canonicalised through the aliases.

Each mention also keeps what the text says of it right there, read off the parse:
  role       the words before the name ("jihadi group X", "state news agency X") or an
             appositive after it ("X, a main backer of the rebels")
  place_cue  whether it is used as a place ("in X", "seized X", "X province", "the city of X")
  alias_of   the actor it is defined to be ("the Northern Liberation Front (NLF)" makes "NLF"
             an alias; so does "the Civil Defence, also known as the Green Vests")
"""

from __future__ import annotations

import re
from dataclasses import replace
from typing import Any

from briefgen.config import slugify
from briefgen.extract.names import AliasIndex, match_principal, strip_titles
from briefgen.model import Knowledge, Mention, SourceRef

Span = Any
Token = Any
ACTOR_LABELS = frozenset({"PERSON", "ORG", "GPE", "NORP", "LOC", "FAC"})
NAMED = frozenset({"PERSON", "ORG", "GPE", "LOC", "FAC"})
# Words after a name, or before "of" + name, that make it a place.
PLACE_NOUNS = frozenset(
    {"province", "city", "town", "village", "region", "district", "countryside", "governorate"}
    | {"county", "suburb", "neighbourhood", "neighborhood", "outskirts", "airport", "port"}
)
# Prepositions whose object is a place ("in X", "near X"); "from" and "with" name actors too.
PLACE_PREPOSITIONS = frozenset(
    {"in", "near", "into", "toward", "towards", "outside", "around", "across", "inside"}
)
# Verbs whose object is ground taken or struck: "seized X", "took control of X".
CONTROL_LEMMAS = frozenset(
    {"seize", "capture", "enter", "overrun", "retake", "recapture", "storm", "encircle"}
    | {"besiege", "shell", "reach", "surround", "evacuate"}
)
CONTROL_NOUNS = frozenset({"control", "outskirts", "centre", "center", "part", "parts"})
ALSO_KNOWN = re.compile(r"^\s*,?\s*\(?\s*(?:also\s+)?(?:known|referred\s+to)\s+as\s+(?:the\s+)?$")
ACRONYM = re.compile(r"^[A-Z][A-Z.\-]{1,9}$")
MAX_ROLE_WORDS = 12


def canonical_form(text: str, label: str, knowledge: Knowledge) -> str:
    """Return a mention's canonical surface: no leading 'the', possessive or titles."""
    text = text.strip()
    if text.lower().startswith("the "):
        text = text[4:]
    for suffix in ("'s", "’s"):
        text = text.removesuffix(suffix)
    if label == "PERSON":
        text = strip_titles(text, knowledge)[0]
    return text.strip(" -–—,.")


def is_name(text: str, knowledge: Knowledge) -> bool:
    """Return True if a surface form looks like a proper name: capitalised, not just digits,
    and not a title alone ("Col", "Gen.")."""
    bare = text.strip(" .")
    if len(bare) <= 1 or not bare[:1].isupper() or bare.replace(" ", "").isdigit():
        return False
    return not any(bare.lower() == s.lower().rstrip(".") for s, _ in knowledge.titles)


def mention_id(text: str, label: str, index: AliasIndex, knowledge: Knowledge) -> str | None:
    """Return the actor id a mention resolves to, or None if it is not a usable name."""
    if principal := match_principal(text, index):
        return principal.id
    form = canonical_form(text, label, knowledge)
    return slugify(form) if is_name(form, knowledge) else None


ROLE_TAGS = frozenset({"NN", "NNS", "NNP", "NNPS", "JJ", "VBN", "HYPH", "NFP"})


def left_role(ent: Span, ranks: frozenset[str] = frozenset()) -> str:
    """Return the descriptive words right before a name, or "".

    "Salafi jihadi group X" -> "Salafi jihadi group"; "state news agency X" -> "state news
    agency"; "Foreign Minister X" -> "Foreign Minister"; "Nordland-based monitor the X" ->
    "Nordland-based monitor". Read off the tags, not the parse, which often breaks on such
    stacks. A lone adjective or a name is no role; another person or organisation ends it.
    Ranks between role and name are skipped ("rebel commander Col. X" -> "rebel commander").
    """
    doc = ent.doc
    i = ent.start - 1
    if i >= ent.sent.start and doc[i].lower_ == "the":
        i -= 1
    words: list[Token] = []
    while i >= ent.sent.start:
        t = doc[i]
        if not words and (t.text == "." or t.lower_.rstrip(".") in ranks):
            i -= 1
            continue
        tagged = t.tag_ in ROLE_TAGS or (
            t.tag_ in {"VB", "VBP"} and t.is_lower and i > 0 and doc[i - 1].tag_ == "NN"
        )  # "war monitor" tagged as a verb
        if not tagged:
            break
        if t.ent_type_ in {"PERSON", "ORG", "FAC"} and not (
            words and doc[i + 1].ent_type_ == "" and (t.ent_iob_ == "B" and doc[i + 1].is_title)
        ):
            break  # another name ends the role, unless the model took a lone word for one:
            # "Ugandan" tagged a person in "Ugandan Foreign Minister X"
        words.insert(0, t)
        i -= 1
    while words and (words[0].tag_ in {"HYPH", "NFP"} or words[0].is_punct):
        words.pop(0)
    has_noun = any(
        t.tag_ in {"NN", "NNS"} or (t.tag_ in {"NNP", "NNPS"} and not t.ent_type_) for t in words
    )
    if not words or not has_noun or len(words) > MAX_ROLE_WORDS:
        return ""
    return str(doc[words[0].i : words[-1].i + 1].text)


def appositive_role(ent: Span) -> str:
    """Return an appositive description after a name: "X, a main backer of the rebels," ->
    "a main backer of the rebels"; "" if none."""
    for child in ent.root.children:
        if child.dep_ != "appos" or child.i < ent.end or child.ent_type_ in NAMED:
            continue
        if child.pos_ not in {"NOUN"}:
            continue
        skip = {
            t.i
            for c in child.children
            if c.dep_ in {"relcl", "acl", "conj", "cc", "appos"}
            for t in c.subtree
        }
        words = [t for t in child.subtree if t.i not in skip and t.text not in {",", ";"}]
        if words and len(words) <= MAX_ROLE_WORDS:
            text = str(ent.doc[words[0].i : words[-1].i + 1].text)
            return text if "," not in text else ""
    return ""


def has_place_cue(ent: Span) -> bool:
    """Return True if the sentence uses the name as a place (see PLACE_* and CONTROL_*)."""
    doc, root = ent.doc, ent.root
    last = ent.text.split()[-1].lower() if ent.text.split() else ""
    after = doc[ent.end].lower_ if ent.end < len(doc) else ""
    if last in PLACE_NOUNS or after in PLACE_NOUNS:
        return True
    head = root.head
    if root.dep_ == "pobj" and head.lower_ in PLACE_PREPOSITIONS:
        return True
    if root.dep_ == "pobj" and head.lower_ == "of":
        owner = head.head
        if owner.lower_ in PLACE_NOUNS or owner.lower_ in CONTROL_NOUNS:
            return True
    return root.dep_ in {"dobj", "conj"} and _controlled(root)


def _controlled(token: Token) -> bool:
    """Return True if a noun (or a conjunct of one) is the object of a control verb."""
    while token.dep_ == "conj":
        token = token.head
    return token.dep_ == "dobj" and token.head.lemma_.lower() in CONTROL_LEMMAS


def acronym_after(ent: Span) -> Token | None:
    """Return the acronym token defined right after a name: "Northern Liberation Front (NLF)"."""
    doc = ent.doc
    if ent.end + 2 >= len(doc) or doc[ent.end].text != "(" or doc[ent.end + 2].text != ")":
        return None
    token = doc[ent.end + 1]
    letters = token.text.replace(".", "").replace("-", "")
    if not ACRONYM.match(token.text) or not letters.isupper():
        return None
    words = ent.text.replace("-", " ").split()
    if words[:1] in (["The"], ["the"]):
        words = words[1:]
    initials = "".join(w[0] for w in words if w[:1].isupper())
    at = 0
    for letter in letters:  # the letters are the capitals' initials, in order, none skipped out
        at = initials.find(letter, at) + 1
        if at == 0:
            return None
    return token if initials[:1] == letters[:1] else None


def find_mentions(
    article_id: str, docs: list[Any], index: AliasIndex, knowledge: Knowledge
) -> tuple[Mention, ...]:
    """Return the article's mentions of named actors, in reading order."""
    mentions: list[Mention] = []
    ranks = frozenset(r.rstrip(".") for r in knowledge.ranks)
    for n, doc in enumerate(docs):
        source = SourceRef(article_id=article_id, paragraph=n)
        found: list[tuple[Span, Mention]] = []
        for ent in doc.ents:
            if ent.label_ not in ACTOR_LABELS:
                continue
            actor_id = mention_id(str(ent.text), str(ent.label_), index, knowledge)
            if actor_id is None:
                continue
            found.append(
                (
                    ent,
                    Mention(
                        text=canonical_form(str(ent.text), str(ent.label_), knowledge),
                        label=str(ent.label_),
                        actor_id=actor_id,
                        source=source,
                        start=int(ent.start_char),
                        end=int(ent.end_char),
                        role=left_role(ent, ranks) or appositive_role(ent),
                        place_cue=has_place_cue(ent),
                    ),
                )
            )
        mentions += define_aliases(found, source)
    return tuple(mentions)


def define_aliases(found: list[tuple[Span, Mention]], source: SourceRef) -> list[Mention]:
    """Return a paragraph's mentions with the aliases it defines: an acronym in brackets after
    a name becomes a mention of that name's actor; "X, also known as Y" makes Y an alias of X."""
    out = [m for _, m in found]
    by_start = {m.start: k for k, m in enumerate(out)}
    for k, (ent, mention) in enumerate(found):
        acronym = acronym_after(ent)
        if acronym is not None:
            at = int(acronym.idx)
            defined = replace(
                mention,
                text=str(acronym.text),
                actor_id=slugify(str(acronym.text)),
                start=at,
                end=at + len(acronym.text),
                role="",
                alias_of=mention.actor_id,
            )
            if at in by_start:
                out[by_start[at]] = replace(out[by_start[at]], alias_of=mention.actor_id)
            else:
                out.append(defined)
        if k + 1 < len(found):
            nxt_ent, nxt = found[k + 1]
            between = str(ent.doc.text[ent.end_char : nxt_ent.start_char])
            if ALSO_KNOWN.match(between) and nxt.label in {"ORG", "FAC", "GPE", "LOC"}:
                out[by_start[nxt.start]] = replace(
                    out[by_start[nxt.start]], alias_of=mention.actor_id
                )
    del source
    return sorted(out, key=lambda m: (m.start, m.end))
