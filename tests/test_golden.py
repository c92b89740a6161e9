"""Golden pages: the rendered seed site, file by file; `pytest --update-golden` rewrites them."""

from __future__ import annotations

import difflib
from pathlib import Path

import pytest

from briefgen.model import Site

GOLDEN = Path(__file__).resolve().parent / "golden" / "seeds"


def test_golden_seed_pages(seed_site: Site, request: pytest.FixtureRequest) -> None:
    if request.config.getoption("--update-golden"):
        for old in GOLDEN.rglob("*"):
            if old.is_file():
                old.unlink()
        for uri, content in seed_site.files.items():
            path = GOLDEN / uri
            path.parent.mkdir(parents=True, exist_ok=True)
            path.write_bytes(content if isinstance(content, bytes) else content.encode("utf-8"))
    expected = {
        p.relative_to(GOLDEN).as_posix(): p.read_text(encoding="utf-8")
        for p in GOLDEN.rglob("*")
        if p.is_file()
    }
    assert sorted(seed_site.files) == sorted(expected)
    for uri, written in seed_site.files.items():
        content = written.decode("utf-8") if isinstance(written, bytes) else written
        diff = "".join(
            difflib.unified_diff(expected[uri].splitlines(True), content.splitlines(True), uri, uri)
        )
        assert not diff, f"{uri} differs from tests/golden (run pytest --update-golden):\n{diff}"
