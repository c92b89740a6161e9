"""The pluggable executor of the per-article stage (issue 8: beyond one machine)."""

from __future__ import annotations

from pathlib import Path

import pytest
from mkdocs.config import load_config
from mkdocs.config.base import ValidationError
from test_config import write_config

from briefgen.config import to_settings
from briefgen.parallel import executor_factory, process_pool


def test_default_executor_is_the_process_pool() -> None:
    assert executor_factory("process") is process_pool


@pytest.mark.parametrize(
    ("spec", "reason"),
    [
        ("dask", "expected 'process' or 'module:callable'"),
        ("no_such_module_xyz:make", "cannot import it"),
        ("executors:nothing_here", "cannot import it"),
        ("executors:made", "not callable"),
    ],
)
def test_unusable_executor_is_a_config_error(tmp_path: Path, spec: str, reason: str) -> None:
    config = load_config(str(write_config(tmp_path, f"      executor: '{spec}'\n")))
    with pytest.raises(ValidationError, match=reason):
        to_settings(config.plugins["briefgen"].config)
