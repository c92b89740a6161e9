"""Errors and problem records.

    BriefgenError (click.ClickException)   anything that stops a command
    ├── ConfigError                         the briefgen block of mkdocs.yml is wrong
    ├── CorpusError                         the corpus folder cannot be read at all
    └── RenderError                         a template failed or an output path is taken

A bad article is not an exception: ingest and clean return a `Problem`, the run goes on, the
CLI prints every problem and the plugin logs each one as a warning (so `--strict` fails).
Codes are stable so that messages can be grepped: BG1xx input, BG2xx extraction, BG3xx output.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Literal

import click

Severity = Literal["error", "warning"]


class BriefgenError(click.ClickException):
    """Base of every error that stops a briefgen command; click prints its message."""


class ConfigError(BriefgenError):
    """Raised by config.py when the briefgen block of mkdocs.yml is invalid."""


class CorpusError(BriefgenError):
    """Raised by ingest when the corpus folder itself is missing or unreadable."""


class RenderError(BriefgenError):
    """Raised by render when a template fails or a generated path collides."""


@dataclass(frozen=True, slots=True, kw_only=True)
class Problem:
    """One thing wrong with one corpus file; the file is skipped if severity is 'error'."""

    path: str
    code: str
    message: str
    severity: Severity = "error"

    def __str__(self) -> str:
        verdict = "skipped" if self.severity == "error" else "warning"
        return f"{self.path}: {verdict}: {self.message} [{self.code}]"
