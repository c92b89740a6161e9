"""What changed, end to end: `mkdocs build` of a corpus, then again after adding an article.

The plugin keeps the snapshots in the cache folder: the first build says so, the build after
the update lists the new source and its new statements on the changes page and the home page,
and rebuilding the same corpus keeps showing that comparison.
"""

from __future__ import annotations

import html
import re
import shutil
from pathlib import Path

import pytest
from sites import mkdocs_build

pytestmark = pytest.mark.slow

ROOT = Path(__file__).resolve().parents[2]
CORPUS = ROOT / "tests" / "corpora" / "port-strike"
LATE = "003_strike-talks.txt"  # the article the update adds


def build(folder: Path, site: Path) -> None:
    """Run mkdocs build --strict on the corpus folder with its own cache folder."""
    result = mkdocs_build(folder / "mkdocs.yml", site, cache_dir=folder / "cache")
    assert result.returncode == 0, result.stderr


def text(page: Path) -> str:
    """Return the visible text of a built page's article."""
    body = page.read_text(encoding="utf-8")
    body = body[body.index("<article") : body.index("</article>")]
    return " ".join(html.unescape(re.sub(r"<[^>]+>", " ", body)).split())


def changes_page(site: Path) -> Path:
    (page,) = sorted((site / "briefings").glob("*/changes/index.html"))
    return page


def test_changes_after_a_corpus_update(tmp_path: Path) -> None:
    folder = tmp_path / "corpus"
    shutil.copytree(CORPUS, folder, ignore=shutil.ignore_patterns("expected.yml"))
    config = folder / "mkdocs.yml"
    config.write_text(
        config.read_text(encoding="utf-8").replace(
            "templates_dir: ../../../templates", f"templates_dir: {ROOT / 'templates'}"
        ),
        encoding="utf-8",
    )
    late = (folder / "seeds" / LATE).read_text(encoding="utf-8")
    (folder / "seeds" / LATE).unlink()

    build(folder, tmp_path / "one")
    first = text(changes_page(tmp_path / "one"))
    assert "First build" in first
    assert (folder / "cache" / "history.json").is_file()

    (folder / "seeds" / LATE).write_text(late, encoding="utf-8")
    build(folder, tmp_path / "two")
    second = text(changes_page(tmp_path / "two"))
    assert "First build" not in second
    assert "New sources" in second
    headline = late.strip().splitlines()[0].strip()
    assert headline[:40] in second, second[:2000]
    assert "Removed sources" not in second
    home = text(tmp_path / "two" / "briefings" / "index.html")
    assert re.search(r"\d+ changes? since the previous build", home), home

    build(folder, tmp_path / "three")  # the same corpus again: the same comparison
    assert text(changes_page(tmp_path / "three")) == second
