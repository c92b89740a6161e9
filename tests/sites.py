"""Building a corpus folder's site with MkDocs in a subprocess, as a user would."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path


def mkdocs_build(
    config_file: Path, site_dir: Path, *, strict: bool = True, cache_dir: Path | None = None
) -> subprocess.CompletedProcess[str]:
    """Run `mkdocs build [--strict] -f config_file -d site_dir`; return the finished process.

    With `cache_dir` the build uses that cache folder (and its build history), whatever
    BRIEFGEN_NO_CACHE the tests set."""
    args = [sys.executable, "-m", "mkdocs", "build", "-f", str(config_file), "-d", str(site_dir)]
    env = dict(os.environ, NO_MKDOCS_2_WARNING="1")
    if cache_dir is not None:
        env.pop("BRIEFGEN_NO_CACHE", None)
        env["BRIEFGEN_CACHE_DIR"] = str(cache_dir)
    return subprocess.run(
        [*args, "--strict"] if strict else args,
        capture_output=True,
        text=True,
        env=env,
        cwd=config_file.parent,
        check=False,
    )
