"""Paths: corpus files that lead elsewhere, odd file names, sidecars that name paths.

Nothing is read outside the corpus folder and nothing written outside the output folders
(docs/<output_dir>, the site folder and the cache): the whole temporary tree is compared before
and after `briefgen check`, `briefgen render` and `mkdocs build`. Odd but legal file names
give working pages: the strict build passes and every citation link reaches its paragraph.
"""

from __future__ import annotations

import os
import re
import subprocess
import threading
from pathlib import Path
from urllib.parse import unquote, urlsplit

import pytest

from briefgen.ingest import read_corpus
from briefgen.model import Settings
from briefgen.resources import load_knowledge

from .conftest import (
    BRIEFGEN,
    ENV,
    ROOT,
    build,
    changed,
    parse_html,
    render,
    snapshot,
    source_sections,
    unsafe_elements,
)

FLOOD = ROOT / "tests" / "corpora" / "flood"
SECRET = "Harbour master Quentin Lyle said the secret 4417 password was swordfish."
SECRET_TITLE = "Secret title 7731 from outside the corpus"
# Keys a sidecar might use to steer output or input; a sidecar only declares metadata.
PATH_KEYS = {
    "output_dir": "{outside}/written-by-sidecar",
    "path": "{outside}/path-from-sidecar.txt",
    "id": "../../../escape",
    "corpus_dir": "/etc",
    "templates_dir": "/",
    "docs_dir": "{outside}",
    "site_dir": "{outside}/site",
    "cache_dir": "{outside}/cache",
    "slug": "../../../slug",
}
# Legal names that must give working pages.
ODD_NAMES = (
    "with space é 東京",
    "a..b " + "L" * 180,
    "<img src=x onerror=alert(1)>",
    "-dash ünïcödé",
)
# Names that break a link target holding them unencoded (citations use source numbers).
LINK_BREAKING_NAMES = ("hash#tag 50%25 off", 'what? quote"s', "-dash it's (1) [x]")


def flood_texts() -> list[str]:
    return [p.read_text(encoding="utf-8") for p in sorted((FLOOD / "seeds").glob("*.txt"))]


def write_project(folder: Path, articles: dict[str, str]) -> Path:
    """Write a project (mkdocs.yml, docs/index.md, seeds/) holding articles; return mkdocs.yml."""
    (folder / "seeds").mkdir(parents=True)
    (folder / "docs").mkdir()
    (folder / "docs" / "index.md").write_text("# Flood\n", encoding="utf-8")
    for name, text in articles.items():
        (folder / "seeds" / name).write_text(text, encoding="utf-8")
    config = folder / "mkdocs.yml"
    yml = (FLOOD / "mkdocs.yml").read_text(encoding="utf-8")
    config.write_text(yml.replace("../../../templates", str(ROOT / "templates")), "utf-8")
    return config


def outputs(folder: Path) -> str:
    """Return the text of every file briefgen or MkDocs wrote in a project folder."""
    written = [*(folder / "docs" / "briefings").rglob("*"), *(folder / "site").rglob("*")]
    return "\n".join(
        p.read_text(encoding="utf-8", errors="replace")
        for p in written
        if p.is_file() and p.suffix in {".md", ".json", ".html", ".xml"}
    )


@pytest.mark.slow
def test_nothing_is_read_or_written_outside(tmp_path: Path) -> None:
    outside = tmp_path / "outside"
    outside.mkdir()
    (outside / "secret.txt").write_text(f"{SECRET}\n\n{SECRET} Again.\n", encoding="utf-8")
    (outside / "secret.meta.yml").write_text(f"title: {SECRET_TITLE}\n", encoding="utf-8")
    post, wire, ledger = flood_texts()
    project = tmp_path / "project"
    config = write_project(project, {"000_post.txt": post, "001_wire.txt": wire})
    seeds = project / "seeds"
    (seeds / "leak.txt").symlink_to(outside / "secret.txt")
    (seeds / "relative-leak.md").symlink_to(Path("..", "..", "outside", "secret.txt"))
    (seeds / "passwd.txt").symlink_to("/etc/passwd")
    (seeds / "000_post.meta.yml").symlink_to(outside / "secret.meta.yml")
    (seeds / "folder-link").symlink_to(outside, target_is_directory=True)
    keys = "".join(f"{k}: {v.format(outside=outside)}\n" for k, v in PATH_KEYS.items())
    (seeds / "001_wire.meta.yml").write_text(keys, encoding="utf-8")
    (seeds / "002_ledger.txt").write_text(ledger, encoding="utf-8")
    before = snapshot(tmp_path)

    check = briefgen_check(config)
    rendered = render(config)
    assert rendered.returncode == 0, rendered.stderr
    built = build(config, project / "site", strict=False)
    assert built.returncode == 0, built.stderr

    after = snapshot(tmp_path)
    allowed = ("project/docs/briefings", "project/site", "project/.cache")
    assert {p for p in changed(before, after) if not p.startswith(allowed)} == set()
    written = outputs(project)
    assert "swordfish" not in written
    assert SECRET_TITLE not in written
    assert "root:x:0:0" not in written
    assert "swordfish" not in rendered.stderr + built.stderr + check
    name = seeds.name
    for line in (
        f"{name}/leak.txt: skipped: links outside the corpus folder [BG106]",
        f"{name}/relative-leak.md: skipped: links outside the corpus folder [BG106]",
        f"{name}/passwd.txt: skipped: links outside the corpus folder [BG106]",
        f"{name}/000_post.meta.yml: warning: sidecar links outside the corpus folder; "
        "ignored [BG106]",
    ):
        assert line in check, check
    for key in PATH_KEYS:
        assert f"{name}/001_wire.meta.yml: warning: sidecar: unknown key '{key}' ignored" in check
    # The articles beside them are used all the same: each has its section on a sources page.
    assert {"000_post", "001_wire", "002_ledger"} <= source_sections(project / "site").keys()


def briefgen_check(config: Path) -> str:
    """Return what `briefgen check` prints (it exits 1: some articles are skipped)."""
    result = subprocess.run(
        [str(BRIEFGEN), "check", "-f", str(config)],
        capture_output=True,
        text=True,
        env=ENV,
        cwd=config.parent,
        check=False,
    )
    assert result.returncode == 1, result.stdout + result.stderr
    return result.stdout + result.stderr


def citation_targets(site: Path) -> list[tuple[Path, Path, str]]:
    """Return (page, target page, anchor) for every link into a sources page of the site:
    the citations of the other pages and the title links of the sources table."""
    found = []
    for page in (site / "briefings").rglob("index.html"):
        html = page.read_text(encoding="utf-8")
        for href in re.findall(r'href="([^"]*sources/#[^"]*|#s\d+(?:-p\d+)?)"', html):
            parts = urlsplit(href.replace("&amp;", "&"))
            target = (page.parent / unquote(parts.path) / "index.html").resolve()
            if not parts.path:  # a link within the sources page
                target = page.resolve()
            found.append((page, target, parts.fragment))
    return found


def assert_citations_resolve(site: Path, names: tuple[str, ...]) -> None:
    links = citation_targets(site)
    sections = source_sections(site)
    for name in names:
        section = sections[name]
        cited = [a for _, t, a in links if t == section.page.resolve()]
        assert f"s{section.number}" in cited, f"no link to the section of {name!r}"
        paragraphs = [a for a in cited if a.startswith(f"s{section.number}-p")]
        assert paragraphs, f"no citation of a paragraph of {name!r}"
        for anchor in paragraphs:  # each lands in the article's own section
            assert f'id="{anchor}"' in section.html, (name, anchor)
    for page, target, anchor in links:
        assert target.is_file(), f"{page}: link to missing {target}"
        assert anchor, f"{page}: link to {target} without an anchor"
        html = target.read_text(encoding="utf-8")
        assert html.count(f'id="{anchor}"') == 1, (page, target, anchor)


def odd_project(folder: Path, names: tuple[str, ...]) -> Path:
    texts = flood_texts()
    # Each copy differs, so that none is dropped as a duplicate.
    articles = {
        f"{name}.txt": f"{texts[n % len(texts)]}\nOfficials said {n} more boats were sent.\n"
        for n, name in enumerate(names)
    }
    return write_project(folder, articles)


@pytest.mark.slow
def test_odd_file_names_give_working_pages(tmp_path: Path) -> None:
    config = odd_project(tmp_path / "project", ODD_NAMES)
    site = tmp_path / "project" / "site"
    result = build(config, site)
    assert result.returncode == 0, result.stderr
    assert set(ODD_NAMES) <= source_sections(site).keys()
    assert_citations_resolve(site, ODD_NAMES)
    # A file named like a tag is no tag anywhere (nav, title, table of sources).
    for page in site.rglob("*.html"):
        assert not unsafe_elements(parse_html(page.read_text(encoding="utf-8"))), page


@pytest.mark.slow
def test_file_names_with_url_syntax_give_working_pages(tmp_path: Path) -> None:
    config = odd_project(tmp_path / "project", LINK_BREAKING_NAMES)
    site = tmp_path / "project" / "site"
    result = build(config, site)
    assert result.returncode == 0, result.stderr
    assert_citations_resolve(site, LINK_BREAKING_NAMES)


# ---------------------------------------------------------------- files that cannot be read

STORY = (
    "Dock workers in Mombasa stayed off the job for a third day on Friday, the union said.\n\n"
    "Mayor Maria Lopez said the city would mediate between the union and the port.\n"
)


def ingest_settings(folder: Path) -> Settings:
    return Settings(
        corpus_dir=str(folder),
        output_dir="briefings",
        templates_dir=str(ROOT / "templates"),
        summary_sentences=5,
        max_article_bytes=100_000,
        knowledge=load_knowledge(()),
    )


def assert_reported(folder: Path, name: str) -> None:
    corpus = read_corpus(ingest_settings(folder))
    assert [a.id for a in corpus.articles] == ["good"]
    assert [p.path for p in corpus.problems] == [f"{folder.name}/{name}"]


def test_dangling_symlink_is_reported(tmp_path: Path) -> None:
    (tmp_path / "good.txt").write_text(STORY, encoding="utf-8")
    (tmp_path / "gone.txt").symlink_to(tmp_path / "deleted.txt")
    assert_reported(tmp_path, "gone.txt")


def test_symlink_loop_is_reported(tmp_path: Path) -> None:
    (tmp_path / "good.txt").write_text(STORY, encoding="utf-8")
    (tmp_path / "loop.txt").symlink_to(tmp_path / "loop2.txt")
    (tmp_path / "loop2.txt").symlink_to(tmp_path / "loop.txt")
    corpus = read_corpus(ingest_settings(tmp_path))
    assert [a.id for a in corpus.articles] == ["good"]
    assert {p.path for p in corpus.problems} == {
        f"{tmp_path.name}/loop.txt",
        f"{tmp_path.name}/loop2.txt",
    }


def test_named_pipe_does_not_hang_the_run(tmp_path: Path) -> None:
    (tmp_path / "good.txt").write_text(STORY, encoding="utf-8")
    fifo = tmp_path / "pipe.txt"
    os.mkfifo(fifo)
    found: list[object] = []
    reader = threading.Thread(target=lambda: found.append(read_corpus(ingest_settings(tmp_path))))
    reader.start()
    reader.join(timeout=2)  # reading two tiny files takes milliseconds
    hung = reader.is_alive()
    if hung:  # release the blocked open(): a writer that closes at once gives it end of file
        os.close(os.open(fifo, os.O_WRONLY))
        reader.join()
    assert not hung, "read_corpus blocked on a named pipe"
    assert_reported(tmp_path, "pipe.txt")
