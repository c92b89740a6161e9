"""Fixtures for the security tests: building a corpus folder, parsing its pages, snapshots.

A corpus folder holds `mkdocs.yml` (templates_dir an absolute path to the repository's
templates/), `docs/index.md` and `seeds/`; it is built with `mkdocs build --strict` in a
subprocess, as tests/test_site.py builds the other corpora.
"""

from __future__ import annotations

import hashlib
import json
import os
import re
import subprocess
import sys
from dataclasses import dataclass, field
from html.parser import HTMLParser
from pathlib import Path

import pytest
from sites import mkdocs_build

from .payloads import write_hostile_corpus

ROOT = Path(__file__).resolve().parents[2]
BRIEFGEN = Path(sys.executable).with_name("briefgen")  # the console script of this venv
ENV = dict(os.environ, NO_MKDOCS_2_WARNING="1")


def build(
    config_file: Path, site_dir: Path, *, strict: bool = True
) -> subprocess.CompletedProcess[str]:
    """Run `mkdocs build` on a corpus folder; return the finished process."""
    return mkdocs_build(config_file, site_dir, strict=strict)


def render(config_file: Path) -> subprocess.CompletedProcess[str]:
    """Run `briefgen render -f config_file`; return the finished process."""
    return subprocess.run(
        [str(BRIEFGEN), "render", "-f", str(config_file)],
        capture_output=True,
        text=True,
        env=ENV,
        cwd=config_file.parent,
        check=False,
    )


@dataclass
class HostileSite:
    """The hostile corpus folder and the site built from it."""

    config: Path
    site: Path

    def pages(self) -> list[Path]:
        return sorted(self.site.rglob("*.html"))


@pytest.fixture(scope="session")
def hostile_site(tmp_path_factory: pytest.TempPathFactory) -> HostileSite:
    """The hostile corpus (tests/security/payloads.py) built with `mkdocs build --strict`."""
    folder = tmp_path_factory.mktemp("hostile")
    config = write_hostile_corpus(folder / "corpus")
    site = folder / "site"
    result = build(config, site)
    assert result.returncode == 0, f"mkdocs build --strict failed:\n{result.stderr}"
    return HostileSite(config=config, site=site)


# ---------------------------------------------------------------- parsing built pages

_RAW_TEXT = {"script", "style"}
_BLOCKS = {"h1", "h2", "h3", "h4", "h5", "h6", "td", "th"}
_VOID = {
    "area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "source",
    "track", "wbr",
}  # fmt: skip


@dataclass
class Element:
    """One start tag of a page: its name, attributes and, for a script, its code."""

    tag: str
    attrs: dict[str, str]
    text: str = ""


@dataclass
class ParsedPage:
    """What a page holds: every element and comment, the text of each heading and table cell,
    and the visible text of its <article> and of the whole page."""

    elements: list[Element] = field(default_factory=list)
    comments: list[str] = field(default_factory=list)
    blocks: list[tuple[str, str]] = field(default_factory=list)  # (h1-h6/td/th, text)
    article_text: str = ""
    all_text: str = ""


class _PageParser(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.page = ParsedPage()
        self._open: list[str] = []
        self._article: list[str] = []
        self._all: list[str] = []
        self._raw: Element | None = None
        self._blocks: list[int] = []  # indexes into page.blocks of the open headings and cells

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        element = Element(tag=tag, attrs={k.lower(): v or "" for k, v in attrs})
        self.page.elements.append(element)
        if tag in _RAW_TEXT:
            self._raw = element
        if tag in _BLOCKS:
            self._blocks.append(len(self.page.blocks))
            self.page.blocks.append((tag, ""))
        if tag not in _VOID:
            self._open.append(tag)

    def handle_startendtag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.page.elements.append(Element(tag=tag, attrs={k.lower(): v or "" for k, v in attrs}))

    def handle_endtag(self, tag: str) -> None:
        if tag in _RAW_TEXT:
            self._raw = None
        if tag in _BLOCKS and self._blocks:
            self._blocks.pop()
        if tag in self._open:
            while self._open and self._open.pop() != tag:
                pass

    def handle_data(self, data: str) -> None:
        if self._raw is not None:
            self._raw.text += data
            return
        self._all.append(data)
        if "article" in self._open:
            self._article.append(data)
        for n in self._blocks:
            tag, text = self.page.blocks[n]
            self.page.blocks[n] = (tag, text + data)

    def handle_comment(self, data: str) -> None:
        self.page.comments.append(data)

    def close(self) -> None:
        super().close()
        self.page.article_text = " ".join("".join(self._article).split())
        self.page.all_text = " ".join("".join(self._all).split())


def parse_html(html: str) -> ParsedPage:
    """Return the elements, comments and visible text of an HTML page or fragment."""
    parser = _PageParser()
    parser.feed(html)
    parser.close()
    return parser.page


# Material's own scripts: its bundle by src, its JSON config, and three inline scripts known by
# how they start.
BRIEFGEN_MERMAID = re.compile(r"^(\.\./)*assets/briefgen/mermaid\.min\.js$")
MATERIAL_BUNDLE = re.compile(r"^(/|(\.\./)*)assets/javascripts/bundle\.[0-9a-f]+\.min\.js$")
MATERIAL_INLINE = (
    "__md_scope=new URL(",
    "var palette=__md_get(",
    "var target=document.getElementById(location.hash.slice(1))",
)
SCHEMES = ("javascript:", "vbscript:", "data:text/html")


def unsafe_elements(page: ParsedPage) -> list[str]:
    """Return a description of each element or attribute that could run injected code."""
    found = []
    for element in page.elements:
        attrs = element.attrs
        if element.tag == "script" and not is_material_script(attrs, element.text):
            found.append(f"<script {attrs}>{element.text[:80]}")
        if element.tag in {"iframe", "object", "embed", "base", "frame"}:
            found.append(f"<{element.tag} {attrs}>")
        if element.tag == "img" and attrs.get("src") in {"x", "x.png"}:
            found.append(f"<img {attrs}>")
        for name, value in attrs.items():
            plain = re.sub(r"[\x00-\x20]", "", value).lower()
            if name.startswith("on") or name == "srcdoc" or plain.startswith(SCHEMES):
                found.append(f"<{element.tag} {name}={value!r}>")
    return found


def is_material_script(attrs: dict[str, str], code: str) -> bool:
    """Return True for the scripts Material puts in every page."""
    if "src" in attrs:  # Material's bundle, or briefgen's own Mermaid (briefgen/assets)
        return bool(MATERIAL_BUNDLE.match(attrs["src"]) or BRIEFGEN_MERMAID.match(attrs["src"]))
    if attrs.get("type") == "application/json" and attrs.get("id") == "__config":
        return "pwned" not in code and "alert" not in code
    return code.strip().startswith(MATERIAL_INLINE) and "pwned" not in code


# ---------------------------------------------------------------- articles on the sources pages


@dataclass
class SourceSection:
    """One article's section of its briefing's sources page: its number N (anchors #sN and
    #sN-pM), the page, and the HTML from its heading to the next article's."""

    number: int
    page: Path
    html: str


def source_sections(site: Path, output_dir: str = "briefings") -> dict[str, SourceSection]:
    """Return the section of every article of a built site, by article id.

    An article's number is its place in its briefing's list of articles (the export lists them
    in the sources table's order); its section must exist and show the article's file.
    """
    export = json.loads((site / output_dir / "briefing.json").read_text(encoding="utf-8"))
    found = {}
    for briefing in export["briefings"]:
        page = site / output_dir / briefing["slug"] / "sources" / "index.html"
        html = page.read_text(encoding="utf-8")
        ends = [m.start() for m in re.finditer(r'<h2 id="s\d+"', html)]
        assert len(ends) == len(briefing["articles"]), page
        ends.append(html.index("</article>", ends[-1]) if ends else len(html))
        for n, article in enumerate(briefing["articles"], start=1):
            section = html[ends[n - 1] : ends[n]]
            assert section.startswith(f'<h2 id="s{n}"'), (page, n)
            shown = parse_html(section).all_text
            assert " ".join(article["path"].split()) in shown, (page, n, article["path"])
            found[article["id"]] = SourceSection(number=n, page=page, html=section)
    return found


# ---------------------------------------------------------------- folder snapshots


def snapshot(folder: Path) -> dict[str, str]:
    """Return {relative path: sha256 of the bytes, 'dir' or 'link -> target'} under folder."""
    found: dict[str, str] = {}
    for path in sorted(folder.rglob("*")):
        key = path.relative_to(folder).as_posix()
        if path.is_symlink():
            found[key] = f"link -> {path.readlink()}"
        elif path.is_dir():
            found[key] = "dir"
        elif path.is_file():
            found[key] = hashlib.sha256(path.read_bytes()).hexdigest()
    return found


def changed(before: dict[str, str], after: dict[str, str]) -> set[str]:
    """Return the paths added, removed or changed between two snapshots."""
    return {k for k in before.keys() | after.keys() if before.get(k) != after.get(k)}
