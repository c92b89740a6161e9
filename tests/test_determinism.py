"""The same corpus and config give byte-identical pages and export, whatever the hash seed."""

from __future__ import annotations

import hashlib
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent


def render(workdir: Path, hash_seed: str) -> dict[str, str]:
    """Run `briefgen render` on a copy of the repository's corpus; return {file: sha256}."""
    for name in ("seeds", "templates", "docs"):
        shutil.copytree(ROOT / name, workdir / name, ignore=shutil.ignore_patterns("briefings"))
    shutil.copy(ROOT / "mkdocs.yml", workdir / "mkdocs.yml")
    env = dict(os.environ, PYTHONHASHSEED=hash_seed, NO_MKDOCS_2_WARNING="1")
    briefgen = Path(sys.executable).with_name("briefgen")
    result = subprocess.run(
        [str(briefgen), "render", "-f", str(workdir / "mkdocs.yml")],
        capture_output=True,
        text=True,
        env=env,
        check=False,
    )
    assert result.returncode == 0, result.stderr
    out = workdir / "docs" / "briefings"
    return {
        str(p.relative_to(out)): hashlib.sha256(p.read_bytes()).hexdigest()
        for p in sorted(out.rglob("*"))
        if p.is_file()
    }


@pytest.mark.slow
def test_render_is_byte_identical_across_hash_seeds(tmp_path: Path) -> None:
    first = render(tmp_path / "one", "1")
    second = render(tmp_path / "two", "4242")
    assert "briefing.json" in first
    assert len(first) > 5
    assert first == second
