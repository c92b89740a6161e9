"""Clean: one raw article (text dump, Markdown or HTML) in, its body paragraphs and metadata out,
with what was dropped and why."""

from __future__ import annotations

import re
from collections.abc import Iterable

from briefgen.clean import patterns as p
from briefgen.clean.boilerplate import drop_boilerplate, find_phrase_lines
from briefgen.clean.formats import convert
from briefgen.clean.header import find_header, parse_date, split_authors
from briefgen.clean.language import looks_english
from briefgen.clean.paragraphs import split_lines
from briefgen.errors import Problem
from briefgen.model import ArticleMeta, CleanArticle, Declared, Knowledge, RawArticle

__all__ = ["clean_article"]


def strip_date_label(lines: tuple[str, ...]) -> tuple[tuple[str, ...], str | None]:
    """Return the lines without a leading ' date 2024-12-01' label, and that date."""
    if not lines or not (match := p.DATE_LABEL.match(lines[0])):
        return lines, None
    rest = lines[0][match.end() :].strip()
    return ((rest,) if rest else ()) + lines[1:], match["date"]


def strip_dateline(lead: str) -> tuple[str, str | None, str | None]:
    """Return the lead without its 'BEIRUT (AP) —' dateline, the place and the outlet."""
    match = p.DATELINE.match(lead)
    if not match or not match["place"].split(",")[0].isupper():
        return lead, None, None
    place = ", ".join(
        part.strip().title() if part.isupper() else part.strip()
        for part in match["place"].split(",")
    )
    return lead[match.end() :], place, match["outlet"]


def strip_first_dateline(
    kept: tuple[str, ...],
) -> tuple[tuple[str, ...], str | None, str | None]:
    """Return the paragraphs with the dateline removed from the first of the opening
    paragraphs that has one (a standfirst may come first), the place and the outlet."""
    for n, paragraph in enumerate(kept[: p.DATELINE_MAX_PARAGRAPH + 1]):
        lead, place, wire = strip_dateline(paragraph)
        if place is not None:
            return kept[:n] + ((lead,) if lead else ()) + kept[n + 1 :], place, wire
    return kept, None, None


def find_outlet(lines: Iterable[str]) -> tuple[str, str] | None:
    """Return the outlet a page names itself by in its furniture, and that line."""
    for line in lines:
        if match := p.OUTLET_SELF_MENTION.search(line):
            return match["outlet"] or match["signup"] or match["more"], line
    return None


def credited_authors(lines: Iterable[str]) -> tuple[str, ...]:
    """Return the reporters and writers of a wire credit line ("Reporting by A; Writing by B;
    Editing by C" -> A, B), or () if there is none."""
    for line in lines:
        if p.CREDIT_LINE.match(line):
            names = [
                p.CREDIT_PLACE.sub("", m["names"])
                for part in line.split(";")
                if (m := p.CREDIT_PART.match(part))
            ]
            return tuple(dict.fromkeys(n for group in names for n in split_authors(group)))
    return ()


def find_interview_outlet(paragraphs: Iterable[str]) -> tuple[str, str] | None:
    """Return the outlet an interview credit names ("told The Coastal Herald that") and the
    words that say so."""
    for paragraph in paragraphs:
        if match := p.TOLD_OUTLET.search(paragraph):
            return match["outlet"], match[0]
    return None


def choose_outlet(
    declared: Declared,
    wire: str | None,
    furniture: tuple[str, str] | None,
    paragraphs: tuple[str, ...],
) -> tuple[str | None, str | None]:
    """Return the outlet and where it comes from: declared, dateline, furniture, interview."""
    if declared.outlet:
        return declared.outlet, "the article's metadata (front matter, page tags or sidecar)"
    if furniture:  # the publisher, even of an agency's story
        return furniture[0], f"the page's own notice “{furniture[1]}”"
    if wire:
        return wire, f"dateline ({wire})"
    if interview := find_interview_outlet(paragraphs):
        return interview[0], f"an interview credit in the text, “{interview[1]}”"
    return None, None


def generate_title(lead: str) -> str:
    """Return a short title made from the first words of the lead sentence."""
    sentence = re.split(r"(?<=[.!?])\s", lead, maxsplit=1)[0].rstrip(".")
    words = sentence.split()
    if len(words) <= p.GENERATED_TITLE_WORDS:
        return sentence
    return " ".join(words[: p.GENERATED_TITLE_WORDS]).rstrip(",;:") + "…"


def clean_article(raw: RawArticle, knowledge: Knowledge) -> CleanArticle | Problem:
    """Return the article's body paragraphs and metadata, or a Problem if no text is left.

    Metadata comes first from the sidecar, then from what the file declares (front matter,
    HTML tags), then from the text itself; where none says, the field stays None.
    """
    converted = convert(raw)
    errors = [problem for problem in converted.problems if problem.severity == "error"]
    if errors:
        return errors[0]
    declared = raw.sidecar.over(converted.declared)
    lines, label_date = strip_date_label(split_lines(converted.text))
    known_title = converted.declared.title
    phrase_lines = find_phrase_lines(lines, knowledge)
    header = find_header(lines, phrase_lines, known_title=known_title)
    furniture = find_outlet([lines[i] for i in sorted(phrase_lines)])
    own_name = declared.outlet or (furniture[0] if furniture else None)
    standfirst = frozenset({header.standfirst} if header.standfirst is not None else ())
    kept, dropped = drop_boilerplate(lines, header.used_lines, knowledge, standfirst, own_name)
    if not kept:
        return Problem(path=raw.path, code="BG108", message="no article text left after cleaning")
    if not looks_english(" ".join(kept)):
        message = "does not read as English (too few common English words); not analysed"
        return Problem(path=raw.path, code="BG110", message=message)
    paragraphs, place, wire = strip_first_dateline(kept)
    outlet, outlet_from = choose_outlet(declared, wire, furniture, paragraphs)
    title = declared.title or header.title
    meta = ArticleMeta(
        title=title or generate_title(paragraphs[0]),
        title_generated=title is None,
        outlet=outlet,
        outlet_from=outlet_from,
        authors=declared.authors
        if declared.authors is not None
        else header.authors or credited_authors(d.text for d in dropped),
        published=declared.published
        or header.published
        or (parse_date(label_date) if label_date else None),
        updated=declared.updated or header.updated,
        dateline=place,
        url=declared.url,
    )
    return CleanArticle(
        id=raw.id,
        path=raw.path,
        meta=meta,
        paragraphs=paragraphs,
        dropped=converted.dropped + header.used + dropped,
    )
