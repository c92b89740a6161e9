"""Judging each line of a dump: a paragraph of the article, or page furniture.

Each rule looks at what a line is, not at single keywords alone: a heading after which only other
stories follow, a phrasing of page furniture on a short line, a photo caption and its bare copy,
a line repeated inside the article, a line that talks to the reader, a label with no sentence.
"""

from __future__ import annotations

from briefgen.clean import patterns as p
from briefgen.clean.paragraphs import word_count
from briefgen.model import Dropped, Knowledge


def _plain(line: str) -> str:
    """Return the line lower-cased with surrounding punctuation removed, for phrase tests."""
    return line.lower().strip(" .:!?-—–|'\"“”‘’")


def is_end_marker(line: str, knowledge: Knowledge) -> bool:
    """Return True for a short heading after which a dump lists other stories."""
    plain = _plain(line)
    if word_count(line) > p.END_MARKER_MAX_WORDS:
        return False
    return any(plain == m or plain.endswith(" " + m) for m in knowledge.end_markers)


def has_boilerplate_phrase(line: str, knowledge: Knowledge) -> bool:
    """Return True if a line starts with a furniture phrase, or is short and contains one."""
    plain = _plain(line)
    short = word_count(line) <= p.PHRASE_LINE_MAX_WORDS
    return any(
        plain.startswith(phrase) or (short and phrase in plain) for phrase in knowledge.boilerplate
    )


def addresses_reader(line: str) -> bool:
    """Return True if the line says 'we' or 'you' outside quotation marks: an appeal or prompt."""
    outside = p.QUOTED.sub(" ", line)
    return bool(p.READER_ADDRESS.search(outside) or p.READER_ADDRESS_LOWER.search(outside))


def promotes_outlet(line: str, outlet: str) -> bool:
    """Return True for a short unquoted line naming the outlet without reporting anything:
    'Support the Daily Monitor today.' (but not 'she told the Daily Monitor: ...')."""
    if word_count(line) > p.OUTLET_LINE_MAX_WORDS or p.QUOTED.search(line):
        return False
    lower = line.lower()
    return outlet.lower().removeprefix("the ") in lower and not p.TOLD.search(line)


def is_label(line: str) -> bool:
    """Return True for a short line that does not end like a sentence: a heading or a title."""
    return not p.SENTENCE_END.search(line) and word_count(line) <= p.LABEL_MAX_WORDS


def find_phrase_lines(lines: tuple[str, ...], knowledge: Knowledge) -> frozenset[int]:
    """Return the indexes of lines holding a furniture phrase."""
    return frozenset(i for i, line in enumerate(lines) if has_boilerplate_phrase(line, knowledge))


def find_captions(lines: tuple[str, ...]) -> frozenset[int]:
    """Return the indexes of captions: credited lines and the bare copies that precede them."""
    credited = [
        i
        for i, line in enumerate(lines)
        if p.CAPTION_CREDIT.search(line) or p.CAPTION_CREDIT_FOR.search(line)
    ]
    copies = {
        i
        for i, line in enumerate(lines)
        for j in credited
        if i != j
        and word_count(line) >= p.CAPTION_COPY_MIN_WORDS
        and lines[j].lower().startswith(line.lower().rstrip(". "))
    }
    return frozenset(credited) | frozenset(copies)


def judge_line(line: str, knowledge: Knowledge, seen: set[str]) -> str | None:
    """Return why a body line is boilerplate, or None to keep it as a paragraph."""
    if has_boilerplate_phrase(line, knowledge):
        return "page furniture"
    if line.lower() in seen:
        return "repeated line"
    if addresses_reader(line):
        return "addresses the reader"
    if is_label(line):
        return "label, not a paragraph"
    return None


def drop_boilerplate(
    lines: tuple[str, ...],
    skip: frozenset[int],
    knowledge: Knowledge,
    keep: frozenset[int] = frozenset(),
    outlet: str | None = None,
) -> tuple[tuple[str, ...], tuple[Dropped, ...]]:
    """Return the kept paragraphs and the dropped lines (with reasons) of a dump's body.

    Lines in skip were used by the header; lines in keep are body whatever they look like (the
    standfirst); outlet is the name the page calls itself, whose short mentions are furniture.
    """
    captions = find_captions(lines)
    kept: list[str] = []
    dropped: list[Dropped] = []
    seen: set[str] = set()
    for i, line in enumerate(lines):
        if i in skip:
            continue
        if is_end_marker(line, knowledge):
            tail = f"after '{line}': other stories"
            dropped.extend(Dropped(text=rest, reason=tail) for rest in lines[i:])
            break
        reason: str | None
        if i in keep:
            reason = None
        elif i in captions:
            reason = "photo caption"
        elif outlet and promotes_outlet(line, outlet):
            reason = "promotes the outlet"
        else:
            reason = judge_line(line, knowledge, seen)
        seen.add(line.lower())
        if reason is None:
            kept.append(line)
        else:
            dropped.append(Dropped(text=line, reason=reason))
    return tuple(kept), tuple(dropped)
