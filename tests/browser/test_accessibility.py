"""Accessibility of every page of the built seed site: one <h1>, headings that never skip a
level, tables with header cells, images with alt text, a language on <html>."""

from __future__ import annotations

import itertools
from dataclasses import dataclass, field
from html.parser import HTMLParser
from pathlib import Path

import pytest

from .conftest import SUB_PATH


@dataclass
class Outline:
    """What a page holds that assistive technology reads first."""

    lang: str = ""
    headings: list[int] = field(default_factory=list)
    tables: list[tuple[bool, bool]] = field(default_factory=list)  # (has <thead>, has <th>)
    images_without_alt: list[str] = field(default_factory=list)


class OutlineParser(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.outline = Outline()

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        found = dict(attrs)
        if tag == "html":
            self.outline.lang = found.get("lang") or ""
        elif len(tag) == 2 and tag[0] == "h" and tag[1] in "123456":
            self.outline.headings.append(int(tag[1]))
        elif tag == "table":
            self.outline.tables.append((False, False))
        elif tag in {"thead", "th"} and self.outline.tables:
            head, cell = self.outline.tables[-1]
            self.outline.tables[-1] = (head or tag == "thead", cell or tag == "th")
        elif tag == "img" and not (found.get("alt") or "").strip():
            self.outline.images_without_alt.append(found.get("src") or "?")


def outline(page: Path) -> Outline:
    parser = OutlineParser()
    parser.feed(page.read_text(encoding="utf-8"))
    parser.close()
    return parser.outline


def skipped_levels(levels: list[int]) -> list[str]:
    """Return each heading that goes deeper than one level below the one before it."""
    return [f"h{b} after h{a}" for a, b in itertools.pairwise(levels) if b > a + 1]


def test_skipped_levels_are_found() -> None:
    assert skipped_levels([1, 2, 3, 2, 3, 4, 2]) == []
    assert skipped_levels([1, 3, 2, 4]) == ["h3 after h1", "h4 after h2"]


@pytest.fixture(scope="module")
def pages(served_root: Path) -> dict[str, Outline]:
    site = served_root / SUB_PATH
    found = {p.relative_to(site).as_posix(): outline(p) for p in sorted(site.rglob("*.html"))}
    assert any(p.endswith("print/index.html") for p in found), sorted(found)
    return found


def test_every_page_has_one_h1_and_headings_in_order(pages: dict[str, Outline]) -> None:
    problems = {
        name: (f"{o.headings.count(1)} <h1>", *skipped_levels(o.headings))
        for name, o in pages.items()
        if o.headings.count(1) != 1 or skipped_levels(o.headings) or o.headings[0] != 1
    }
    assert not problems, problems


def test_every_table_has_header_cells(pages: dict[str, Outline]) -> None:
    assert any(o.tables for o in pages.values())
    bad = {name: o.tables for name, o in pages.items() if not all(h and c for h, c in o.tables)}
    assert not bad, bad


def test_every_image_has_alt_text_and_page_a_language(pages: dict[str, Outline]) -> None:
    assert not {n: o.images_without_alt for n, o in pages.items() if o.images_without_alt}
    assert {o.lang for o in pages.values()} == {"en"}
