"""Sidecar files: `NAME.meta.yml` beside an article sets or corrects its metadata.

A sidecar can only declare metadata (title, outlet, authors, published, updated, url): it has
no key that names a path, so it cannot make briefgen read or write anywhere. A malformed sidecar
is reported by name and ignored; the article is still read.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Mapping
from typing import Any
from urllib.parse import urlsplit

import yaml

from briefgen.errors import Problem
from briefgen.model import Declared

SIDECAR_SUFFIX = ".meta.yml"
SIDECAR_KEYS = ("title", "outlet", "authors", "published", "updated", "url")
MAX_SIDECAR_BYTES = 64 * 1024


def sidecar_stem(name: str) -> str | None:
    """Return the article stem a sidecar file name belongs to, or None if it is no sidecar."""
    if name.lower().endswith(SIDECAR_SUFFIX) and len(name) > len(SIDECAR_SUFFIX):
        return name[: -len(SIDECAR_SUFFIX)]
    return None


def normalise_date(value: Any) -> str | None:
    """Return an ISO 8601 string for a YAML date, datetime or ISO string, or None."""
    if isinstance(value, dt.datetime):
        return value.isoformat()
    if isinstance(value, dt.date):
        return value.isoformat()
    if isinstance(value, str):
        text = value.strip()
        try:
            if len(text) == 10:
                return dt.date.fromisoformat(text).isoformat()
            return dt.datetime.fromisoformat(text.replace("Z", "+00:00")).isoformat()
        except ValueError:
            return None
    return None


def is_web_url(value: str) -> bool:
    """Return True for an http(s) URL with a host: the only links the sources page shows."""
    parts = urlsplit(value)
    return parts.scheme in {"http", "https"} and bool(parts.netloc)


def declared_from_mapping(
    data: Mapping[Any, Any], shown: str, *, what: str = "sidecar"
) -> tuple[Declared, tuple[Problem, ...]]:
    """Return the metadata a mapping declares and a warning for each value it cannot use."""
    problems: list[Problem] = []

    def warn(message: str) -> None:
        problems.append(Problem(path=shown, code="BG111", message=message, severity="warning"))

    values: dict[str, Any] = {}
    for key in sorted(data, key=str):
        value = data[key]
        if key not in SIDECAR_KEYS:
            warn(f"{what}: unknown key '{key}' ignored; allowed keys: {', '.join(SIDECAR_KEYS)}")
        elif value is None:
            continue
        elif key in {"published", "updated"}:
            date = normalise_date(value)
            if date is None:
                warn(f"{what}: '{key}' is not an ISO 8601 date: {str(value)[:40]!r}; ignored")
            else:
                values[key] = date
        elif key == "authors":
            names = re.split(r";|\s+and\s+|\s*&\s*", value) if isinstance(value, str) else value
            if not isinstance(names, list) or not all(isinstance(n, str) for n in names):
                warn(f"{what}: 'authors' must be a name or a list of names; ignored")
                continue
            values[key] = tuple(n.strip() for n in names if n.strip())
        elif not isinstance(value, str | int | float):
            warn(f"{what}: '{key}' must be text; ignored")
        elif key == "url" and not is_web_url(str(value)):
            warn(f"{what}: 'url' must be an http(s) address: {str(value)[:60]!r}; ignored")
        else:
            text = " ".join(str(value).split())
            values[key] = text or None
    return Declared(**values), tuple(problems)


class SafeNoAliasLoader(yaml.SafeLoader):
    """A safe YAML loader that refuses anchors and aliases: metadata never needs them, and
    nested aliases can expand a few hundred bytes into gigabytes ("billion laughs")."""

    def compose_node(self, parent: Any, index: Any) -> Any:
        if self.check_event(yaml.AliasEvent):
            event = self.peek_event()  # type: ignore[no-untyped-call]
            raise yaml.composer.ComposerError(
                None, None, "aliases are not allowed in metadata", event.start_mark
            )
        return super().compose_node(parent, index)


def load_metadata_yaml(text: str) -> Any:
    """Return the YAML document of a sidecar or front matter; raise ValueError if it is not
    valid, too deeply nested, or uses aliases."""
    try:
        return yaml.load(text, Loader=SafeNoAliasLoader)
    except yaml.YAMLError as error:
        where = getattr(error, "problem_mark", None)
        line = f" at line {where.line + 1}" if where is not None else ""
        raise ValueError(f"not valid YAML{line}") from error
    except RecursionError as error:
        raise ValueError("nested too deeply") from error


def parse_sidecar(data: bytes, shown: str) -> tuple[Declared, tuple[Problem, ...]]:
    """Return what a sidecar file's bytes declare, with a warning for anything unusable."""

    def fail(message: str) -> tuple[Declared, tuple[Problem, ...]]:
        return Declared(), (Problem(path=shown, code="BG111", message=message, severity="warning"),)

    if len(data) > MAX_SIDECAR_BYTES:
        return fail(f"sidecar over {MAX_SIDECAR_BYTES:,} bytes; ignored")
    try:
        loaded = load_metadata_yaml(data.decode("utf-8-sig"))
    except UnicodeDecodeError:
        return fail("sidecar is not UTF-8 text; ignored")
    except ValueError as error:
        return fail(f"sidecar is {error}; ignored")
    if loaded is None:
        return Declared(), ()
    if not isinstance(loaded, dict):
        return fail("sidecar must be a mapping of metadata keys; ignored")
    return declared_from_mapping(loaded, shown)
