"""End to end: mkdocs build --strict of the seeds and of every test corpus, then the output."""

from __future__ import annotations

import json
import re
from pathlib import Path
from typing import Any

import markdown
import pytest
import yaml
from sites import mkdocs_build

from briefgen.model import Site

ROOT = Path(__file__).resolve().parent.parent
CORPORA = sorted(p for p in (ROOT / "tests" / "corpora").iterdir() if p.is_dir())


def build(config_file: Path, site_dir: Path) -> None:
    result = mkdocs_build(config_file, site_dir)
    assert result.returncode == 0, result.stderr


@pytest.fixture(scope="module")
def seed_build(tmp_path_factory: pytest.TempPathFactory) -> Path:
    site = tmp_path_factory.mktemp("site")
    build(ROOT / "mkdocs.yml", site)
    return site


def statements(site: Path) -> list[dict[str, Any]]:
    export = json.loads((site / "briefings" / "briefing.json").read_text(encoding="utf-8"))
    return [s for b in export["briefings"] for s in b["statements"]]


def text_of(html: str) -> str:
    """Return the visible text of an HTML page, entities decoded, tags removed."""
    import html as html_lib

    return html_lib.unescape(re.sub(r"<[^>]+>", " ", html))


def test_seed_site_built(seed_build: Path) -> None:
    assert (seed_build / "index.html").is_file()
    export = json.loads((seed_build / "briefings" / "briefing.json").read_text(encoding="utf-8"))
    assert export["schema_version"] == 1
    (briefing,) = export["briefings"]
    assert len(briefing["articles"]) == 5
    assert briefing["wire_groups"] == {
        "wire-1": ["001_fc500a8bbe85a549", "002_c4c0a6a114c8052c", "004_854557fa132e1351"]
    }


@pytest.mark.parametrize(
    ("speaker", "words", "sources"),
    [
        (
            "Bashar al-Assad",
            "stability and territorial integrity",
            {
                "000_36eac35f712b03ed",
                "001_fc500a8bbe85a549",
                "002_c4c0a6a114c8052c",
                "003_2491f251732851fd",
                "004_854557fa132e1351",
            },
        ),
        (
            "Geir Pedersen",
            "I have repeatedly warned of the risks of escalation",
            {"002_c4c0a6a114c8052c"},
        ),
        ("United States", "nothing to do with this offensive", {"003_2491f251732851fd"}),
    ],
)
def test_seed_principal_statements(
    seed_build: Path, speaker: str, words: str, sources: set[str]
) -> None:
    found = [s for s in statements(seed_build) if words in s["text"]]
    assert found, words
    assert {s["speaker"] for s in found} == {speaker}
    assert all(s["principal"] for s in found)
    assert set().union(*(set(s["sources"]) for s in found)) == sources
    page = seed_build / "briefings" / "2024-12-01-syria" / "statements" / "index.html"
    assert words in text_of(page.read_text(encoding="utf-8"))


@pytest.mark.parametrize(
    "boilerplate",
    [
        "Listen to this article",
        "Loading audio",
        "Your donation",
        "More Latest News",
        "Hot cross bun",
        "Nintendo Switch",
        "Picture: Alamy",
        "Notifications can be managed",
    ],
)
def test_seed_site_has_no_boilerplate(seed_build: Path, boilerplate: str) -> None:
    for page in (seed_build / "briefings").rglob("*.html"):
        assert boilerplate not in text_of(page.read_text(encoding="utf-8")), page


def test_seed_site_is_intranet_ready(seed_build: Path) -> None:
    for page in seed_build.rglob("*.html"):
        html = page.read_text(encoding="utf-8")
        assert "fonts.googleapis" not in html, page
        assert "fonts.gstatic" not in html, page
        for src in re.findall(r'<(?:script|link)[^>]+(?:src|href)="([^"]+)"', html):
            assert not src.startswith(("http://", "https://", "//")), (page, src)


def test_seed_citations_point_at_paragraphs(seed_build: Path) -> None:
    page = seed_build / "briefings" / "2024-12-01-syria" / "statements" / "index.html"
    anchors = re.findall(r'href="\.\./sources/#(s\d+-p\d+)"', page.read_text(encoding="utf-8"))
    assert anchors
    target = seed_build / "briefings" / "2024-12-01-syria" / "sources" / "index.html"
    html = target.read_text(encoding="utf-8")
    for anchor in anchors:
        assert html.count(f'id="{anchor}"') == 1, anchor
        # the paragraph sits in its article's section: after heading sN, before s(N+1)
        n = int(anchor[1:].partition("-")[0])
        start, end = html.find(f'id="s{n}"'), html.find(f'id="s{n + 1}"')
        assert -1 < start < html.find(f'id="{anchor}"') < (end if end > -1 else len(html))


def test_seed_print_page_spliced_from_its_parts(seed_build: Path, seed_site: Site) -> None:
    """The print page's summary, actors and statements come from their own pages' HTML: it
    shows exactly the text that converting its whole Markdown shows, with one <h1>, no id
    twice, and every link within the page landing on an anchor of the page."""
    (uri,) = [u for u in seed_site.files if u.endswith("/print.md")]
    built = (seed_build / uri.removesuffix(".md") / "index.html").read_text(encoding="utf-8")
    article = built[built.index("<article") : built.index("</article>")]
    assert "briefgen:insert" not in article
    assert article.count("<h1") == 1
    ids = re.findall(r'<\w+ id="([^"]+)"', article)
    assert len(ids) == len(set(ids))
    assert any(i.startswith("statements-") for i in ids)  # spliced: ids prefixed by part
    in_page = set(re.findall(r'<a href="#([^"]+)"', article))
    assert {"part-actors", "part-statements"} <= in_page
    assert in_page <= set(ids), in_page - set(ids)
    page = seed_site.files[uri]
    assert isinstance(page, str)
    body = page.split("---\n", 2)[2]
    whole = markdown.markdown(body, extensions=["attr_list", "tables", "toc"])
    # The theme adds a permalink to each heading; the whole Markdown, converted here, has none.
    shown = re.sub(r'<a class="headerlink"[^>]*>[^<]*</a>', "", article)
    assert text_of(shown).split() == text_of(whole).split()


def label_groups(articles: dict[str, Any], key: str) -> set[frozenset[str]]:
    """Return the groups of article ids that share a label value (null labels excluded)."""
    groups: dict[str, set[str]] = {}
    for article_id, labels in articles.items():
        if labels.get(key) is not None:
            groups.setdefault(str(labels[key]), set()).add(article_id)
    return {frozenset(g) for g in groups.values()}


@pytest.mark.parametrize("corpus", CORPORA, ids=[c.name for c in CORPORA])
def test_other_event_corpus(corpus: Path, tmp_path: Path) -> None:
    build(corpus / "mkdocs.yml", tmp_path)
    export = json.loads((tmp_path / "briefings" / "briefing.json").read_text(encoding="utf-8"))
    labels = yaml.safe_load((corpus / "expected.yml").read_text(encoding="utf-8"))
    # one briefing per story, each holding the right articles
    assert len(export["briefings"]) == labels.get("briefings", 1)
    stories = {frozenset(a["id"] for a in b["articles"]) for b in export["briefings"]}
    if "stories" in labels:
        assert stories == {frozenset(ids) for ids in labels["stories"].values()}
    # wire copies found, and nothing else grouped as one
    wire = {frozenset(ids) for b in export["briefings"] for ids in b["wire_groups"].values()}
    assert wire == label_groups(labels["articles"], "wire_group")
    found = statements(tmp_path)
    principals = {s["speaker"] for s in found if s["principal"]}
    assert principals, "no statement of a configured principal"
    officials = {s["speaker"] for s in found if s["official"]}
    assert officials, "no official recognised from the text"
    assert not officials & principals
    # nothing from the seeds' world leaks into another event's briefing
    dumped = json.dumps(export)
    for word in ("Assad", "Aleppo", "Pedersen", "Syria"):
        assert word not in dumped


def test_navigation_holds_one_link_per_other_briefing(tmp_path: Path) -> None:
    """Material's navigation.prune (switched on by the plugin): a page's navigation lists its
    own briefing's pages and only the first page of every other briefing, so that building
    N briefings does not render N x N navigation entries."""
    build(ROOT / "tests" / "corpora" / "conflict" / "mkdocs.yml", tmp_path)
    folders = sorted(p for p in (tmp_path / "briefings").iterdir() if (p / "actors").is_dir())
    assert len(folders) >= 2, folders
    own, other = folders[0], folders[1]
    html = (own / "statements" / "index.html").read_text(encoding="utf-8")
    nav = html[html.index("md-nav--primary") : html.index("md-sidebar--secondary")]
    assert f"{other.name}/actors/" not in nav  # the other briefing's pages are pruned
    assert f"{other.name}/" in nav  # but its first page is linked
    assert "md-nav__item--pruned" in nav
    assert "../actors/" in nav or f"{own.name}/actors/" in nav  # its own pages are all there


def test_navigation_lists_only_the_newest_briefings(tmp_path: Path) -> None:
    """nav_briefings: 1 keeps the newest briefing in the navigation; the other one's pages
    are built all the same and linked from the list of briefings."""
    corpus = ROOT / "tests" / "corpora" / "conflict"
    config = yaml.safe_load((corpus / "mkdocs.yml").read_text(encoding="utf-8"))
    for plugin in config["plugins"]:
        if isinstance(plugin, dict) and "briefgen" in plugin:
            plugin["briefgen"]["nav_briefings"] = 1
            plugin["briefgen"]["corpus_dir"] = str(corpus / "seeds")
            plugin["briefgen"]["templates_dir"] = str(ROOT / "templates")
    config["docs_dir"] = str(corpus / config.get("docs_dir", "docs"))
    config_file = tmp_path / "mkdocs.yml"
    config_file.write_text(yaml.safe_dump(config), encoding="utf-8")
    site = tmp_path / "site"
    build(config_file, site)
    listed = (site / "briefings" / "index.html").read_text(encoding="utf-8")
    folders = sorted(p.name for p in (site / "briefings").iterdir() if (p / "actors").is_dir())
    assert len(folders) == 2
    newest, older = sorted(folders, key=listed.index)  # the list shows the newest first
    page = (site / "briefings" / newest / "actors" / "index.html").read_text(encoding="utf-8")
    nav = page[page.index("md-nav--primary") : page.index("md-sidebar--secondary")]
    assert f"{newest}/" in nav or "../" in nav
    assert older not in nav
    assert (site / "briefings" / older / "actors" / "index.html").is_file()
    assert f"{older}/" in listed
