"""The command line: `briefgen check` lists every problem by file name without building."""

from __future__ import annotations

import gc
import shutil
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest
from click.testing import CliRunner
from conftest import CORPORA

import briefgen.render.write
from briefgen.cli import exit_status, main


def test_check_lists_every_bad_file_and_exits_1(tmp_path: Path) -> None:
    shutil.copytree(CORPORA / "flood", tmp_path / "flood")
    config = tmp_path / "flood" / "mkdocs.yml"
    templates = CORPORA.parent.parent / "templates"
    config.write_text(
        config.read_text().replace("../../../templates", str(templates)), encoding="utf-8"
    )
    seeds = tmp_path / "flood" / "seeds"
    (seeds / "empty.txt").write_text("")
    (seeds / "binary.txt").write_bytes(bytes(range(256)) * 8)
    (seeds / "spanish.txt").write_text(
        "El transbordador volcó frente a la costa el viernes por la mañana y doce personas "
        "siguen desaparecidas, según informó la autoridad portuaria. Los buzos buscaron entre "
        "los restos hasta el anochecer, dijo la policía, y más barcos se unieron a la búsqueda.\n"
    )
    (seeds / "notes.docx").write_bytes(b"PK\x03\x04")
    (seeds / "lonely.meta.yml").write_text("title: x\n")
    result = CliRunner().invoke(main, ["check", "-f", str(tmp_path / "flood" / "mkdocs.yml")])
    assert result.exit_code == 1
    lines = result.output.splitlines()
    assert lines == [
        "seeds/binary.txt: skipped: binary data, not text [BG102]",
        "seeds/empty.txt: skipped: empty file [BG101]",
        "seeds/lonely.meta.yml: warning: sidecar without an article: no lonely.txt, .md or "
        ".html beside it [BG112]",
        "seeds/notes.docx: warning: unsupported file type '.docx'; use .txt, .md or .html [BG104]",
        "seeds/spanish.txt: skipped: does not read as English (too few common English words); "
        "not analysed [BG110]",
        "5 problem(s), 3 article(s) skipped",
    ]


def test_check_clean_corpus_exits_0() -> None:
    result = CliRunner().invoke(main, ["check", "-f", str(CORPORA / "flood" / "mkdocs.yml")])
    assert result.exit_code == 0, result.output
    assert result.output.strip() == "0 problem(s), 0 article(s) skipped"


def test_render_says_what_changed_since_the_last_render(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """`briefgen render` keeps the same history as the plugin: the second render after an
    article is added lists it as a new source; the first says it is the first build."""
    monkeypatch.delenv("BRIEFGEN_NO_CACHE", raising=False)
    monkeypatch.setenv("BRIEFGEN_CACHE_DIR", str(tmp_path / "cache"))
    shutil.copytree(CORPORA / "port-strike", tmp_path / "c", ignore=shutil.ignore_patterns("*.yml"))
    config = tmp_path / "c" / "mkdocs.yml"
    templates = CORPORA.parent.parent / "templates"
    config.write_text(
        (CORPORA / "port-strike" / "mkdocs.yml")
        .read_text(encoding="utf-8")
        .replace("../../../templates", str(templates)),
        encoding="utf-8",
    )
    late = tmp_path / "c" / "seeds" / "003_strike-talks.txt"
    kept = late.read_text(encoding="utf-8")
    late.unlink()
    frozen_when_written = []
    write_site = briefgen.render.write.write_site

    def watched(*args: Any) -> Path:
        frozen_when_written.append(gc.get_freeze_count())
        return write_site(*args)

    monkeypatch.setattr(briefgen.render.write, "write_site", watched)
    first = CliRunner().invoke(main, ["render", "-f", str(config)])
    assert first.exit_code == 0, first.output
    # the build's objects stay out of the collector's walks until its files are written
    assert frozen_when_written[0] > 0
    assert gc.get_freeze_count() == 0
    (changes,) = (tmp_path / "c" / "docs" / "briefings").glob("*/changes.md")
    assert "First build" in changes.read_text(encoding="utf-8")
    late.write_text(kept, encoding="utf-8")
    second = CliRunner().invoke(main, ["render", "-f", str(config)])
    assert second.exit_code == 0, second.output
    (changes,) = (tmp_path / "c" / "docs" / "briefings").glob("*/changes.md")
    page = changes.read_text(encoding="utf-8")
    assert "First build" not in page
    assert "## New sources" in page
    assert "Talks" in page or "talks" in page


def test_the_command_flushes_its_output_and_keeps_its_exit_status(tmp_path: Path) -> None:
    """`briefgen` (run) ends the process without freeing the corpus: what it printed, and
    its exit status, must come through all the same."""
    command = [sys.executable, "-m", "briefgen", "check", "-f"]
    clean = subprocess.run(
        [*command, str(CORPORA / "flood" / "mkdocs.yml")], capture_output=True, text=True
    )
    assert clean.returncode == 0, clean.stderr
    assert clean.stdout.strip() == "0 problem(s), 0 article(s) skipped"
    missing = subprocess.run([*command, str(tmp_path / "none.yml")], capture_output=True, text=True)
    assert missing.returncode == 2  # click's usage error
    assert "does not exist" in missing.stderr


@pytest.mark.parametrize(("code", "status"), [(None, 0), (0, 0), (3, 3), ("failed", 1)])
def test_exit_status_is_that_of_python(code: object, status: int) -> None:
    assert exit_status(code) == status
