"""Untrusted articles, safe site: every payload of the hostile corpus ends up as text.

The hostile corpus (payloads.py) is built with `mkdocs build --strict`, with the Markdown
extensions that would act on unescaped text switched on. Then every HTML page and the search
index are parsed: no injected element or attribute exists, and each literal payload shows as
text where its fact appears.
"""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest
import yaml

from briefgen.render.pages import make_front_matter_inert

from .conftest import HostileSite, ParsedPage, parse_html, source_sections, unsafe_elements
from .payloads import INJECTIONS, JINJA, VISIBLE

pytestmark = pytest.mark.slow

# Tags Material's search plugin keeps in the index (its results are shown with innerHTML).
SEARCH_TAGS = {"p", "code", "pre", "li", "ol", "ul", "sub", "sup"}
# The diagram the actors page draws: numbered nodes with quoted, entity-coded labels.
OWN_DIAGRAM = re.compile(r'\s*graph LR\s+n1\["')
HOSTILE_ARTICLES = {"000_fire-post", "001_fire-dispatch", "002_fire-chronicle", "003_fire-wire"}


def injected_markup(page: ParsedPage) -> list[str]:
    """Return each trace of Markdown, pymdown or HTML syntax from an article that took effect:
    a comment, an admonition, a Mermaid diagram, a heading or a table of the article."""
    found = [f"<!--{c}-->" for c in page.comments if "hidden remark" in c or "pwned" in c]
    for element in page.elements:
        classes = element.attrs.get("class", "").split()
        if "mermaid" in classes and OWN_DIAGRAM.match(element.text):
            continue  # briefgen's own relations diagram (templates/_diagram.md.j2)
        if {"admonition", "mermaid"} & set(classes) or element.tag == "details":
            found.append(f"<{element.tag} class={classes}>")
    for tag, text in page.blocks:
        if re.search(r"Injected|^\s*(?:cargo|tonnes|copper|1200)\s*$", text):
            found.append(f"<{tag}>{text.strip()}</{tag}>")
    return found


def test_hostile_site_has_no_injected_element(hostile_site: HostileSite) -> None:
    pages = hostile_site.pages()
    # The home page, 404, the list of briefings and each briefing's four pages; every article
    # of the corpus is a section of a sources page.
    assert len(pages) >= 7, pages
    briefings = [p.parent for p in (hostile_site.site / "briefings").glob("*/index.html")]
    assert briefings, pages
    for folder in briefings:
        for name in ("actors", "statements", "sources"):
            assert folder / name / "index.html" in pages, (folder, name)
    assert len(source_sections(hostile_site.site)) == len(HOSTILE_ARTICLES)
    offending = {}
    for page in pages:
        parsed = parse_html(page.read_text(encoding="utf-8"))
        if found := unsafe_elements(parsed) + injected_markup(parsed):
            offending[page.relative_to(hostile_site.site).as_posix()] = found
    assert not offending, json.dumps(offending, indent=2, ensure_ascii=False)


def test_hostile_site_keeps_page_titles_inert(hostile_site: HostileSite) -> None:
    """The theme prints page titles into <title> unescaped: none may hold a '<' (the nav and
    header copies are elements, which the test above covers)."""
    for page in hostile_site.pages():
        html = page.read_text(encoding="utf-8")
        title = re.search(r"<title>(.*?)</title>", html, re.S)
        assert title is not None, page
        assert "<" not in title[1], (page, title[1])


def test_hostile_search_index_is_inert(hostile_site: HostileSite) -> None:
    index = json.loads((hostile_site.site / "search" / "search_index.json").read_text("utf-8"))
    docs = index["docs"]
    assert any("pwned" in doc["text"] for doc in docs), "the payloads did not reach the index"
    for doc in docs:
        for key in ("title", "text"):
            parsed = parse_html(doc[key])
            tags = {e.tag for e in parsed.elements}
            assert tags <= SEARCH_TAGS, (doc["location"], key, tags - SEARCH_TAGS, doc[key][:200])
            assert not unsafe_elements(parsed), (doc["location"], key)


def shown_where(site: Path, where: str) -> dict[str, str]:
    """Return {place: visible text} where a fact of `where` appears: for 'statements' the
    statements pages, for an article id the article's section of its sources page."""
    if where == "statements":
        pages = sorted((site / "briefings").glob("*/statements/index.html"))
        return {p.as_posix(): parse_html(p.read_text(encoding="utf-8")).article_text for p in pages}
    section = source_sections(site).get(where)
    if section is None:
        return {}
    return {f"{section.page.as_posix()}#s{section.number}": parse_html(section.html).all_text}


@pytest.mark.parametrize(("where", "text"), VISIBLE, ids=[f"{w}:{t[:40]}" for w, t in VISIBLE])
def test_hostile_text_shows_as_text(hostile_site: HostileSite, where: str, text: str) -> None:
    shown = shown_where(hostile_site.site, where)
    assert shown, f"no page for {where}"
    first = next(iter(shown.values()))
    assert any(text in s for s in shown.values()), (
        f"{text!r} not shown on {list(shown)}:\n{first[:3000]}"
    )


def test_hostile_jinja_is_not_evaluated(hostile_site: HostileSite) -> None:
    texts = [parse_html(p.read_text(encoding="utf-8")).all_text for p in hostile_site.pages()]
    joined = "\n".join(texts)
    assert JINJA in joined
    for evaluated in ("came to 49 million", "reach 49 million", "the 49 missing", "said 49 "):
        assert evaluated not in joined


def test_hostile_snippet_does_not_include_files(hostile_site: HostileSite) -> None:
    passwd = Path("/etc/passwd")
    lines = [
        line for line in passwd.read_text(encoding="utf-8").splitlines() if line.count(":") >= 6
    ]
    assert lines, "no /etc/passwd line to look for"
    for path in hostile_site.site.rglob("*"):
        if path.is_file() and path.suffix in {".html", ".json", ".xml"}:
            content = path.read_text(encoding="utf-8")
            assert "root:x:0:0" not in content, path
            assert not any(line in content for line in lines[:5]), path


def test_every_injection_is_listed() -> None:
    """The table the report is made from covers every article of the corpus."""
    assert len(INJECTIONS) >= 50
    assert {i.article.split(".")[0] for i in INJECTIONS} == HOSTILE_ARTICLES


@pytest.mark.parametrize(
    "page",
    [
        '---\ntitle: "Syria sends in reinforcements after seizing Aleppo"\n---\n\n# x\n',
        "---\ntitle: Actors\n---\n\n# Actors &#60;b&#62;\n",
        "# No front matter <script>\n",
    ],
)
def test_front_matter_without_markup_is_left_alone(page: str) -> None:
    assert make_front_matter_inert(page) == page


def test_front_matter_title_is_made_inert() -> None:
    body = "\n# Warehouse fire &#60;script&#62;\n"
    page = (
        '---\ntitle: "Fire <script>alert(1)</script> & \\"smoke\\" &lt;/title&gt;"\n'
        "hide: [toc]\n---\n" + body
    )
    inert = make_front_matter_inert(page)
    assert inert.endswith("---\n" + body)
    meta = yaml.safe_load(inert.split("---\n")[1])
    assert meta == {
        "title": "Fire \uff1cscript\uff1ealert(1)\uff1c/script\uff1e &amp; &quot;smoke&quot; "
        "&amp;lt;/title&amp;gt;",
        "hide": ["toc"],
    }
