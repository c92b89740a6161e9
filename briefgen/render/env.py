"""The one Jinja2 environment, and the filters that make untrusted article text inert.

Article text is untrusted: every value taken from an article goes through `md_inline` or
`md_block`, which turn each character that Markdown, HTML, pymdown extensions, attribute lists or
Jinja could read as syntax into a numeric character reference. The browser shows the character;
no parser acts on it. Article text never reaches `Environment.from_string`.
"""

from __future__ import annotations

import re
from typing import Any

from jinja2 import Environment, FileSystemLoader, StrictUndefined

from briefgen.render.versions import version_groups

# Characters with a meaning in Markdown, HTML, pymdown extensions, attr_list or Jinja.
_SPECIAL = frozenset("\\`*_{}[]()#+!|<>&~^=:$%@")
# str.translate's table: each special character to its numeric character reference.
_REFERENCES = {ord(c): f"&#{ord(c)};" for c in _SPECIAL}
# '-' and '.' only matter at the start of a line ("- item", "1. item") or in runs ("--8<--").
_LINE_START = re.compile(r"^(\d+)([.)])|^([-+])")
_DASH_RUN = re.compile(r"-{2,}")


def _reference(ch: str) -> str:
    """Return the numeric character reference of a character."""
    return f"&#{ord(ch)};"


def md_inline(value: Any) -> str:
    """Return a value as inert inline Markdown: one line, every syntax character escaped."""
    text = " ".join(str(value).split())
    text = text.translate(_REFERENCES)
    text = _DASH_RUN.sub(lambda m: _reference("-") * len(m.group()), text)
    return _LINE_START.sub(
        lambda m: f"{m[1]}{_reference(m[2])}" if m[1] else _reference(m[3]), text
    )


def md_block(value: Any) -> str:
    """Return multi-paragraph text as inert Markdown paragraphs separated by blank lines."""
    paragraphs = re.split(r"\n\s*\n", str(value))
    return "\n\n".join(md_inline(p) for p in paragraphs if p.strip())


def safe_url(value: Any) -> str:
    """Return an http(s) URL escaped for a Markdown link target, or '' for anything else."""
    url = str(value or "").strip()
    if not re.match(r"^https?://[^\s<>\"'()]+$", url):
        return ""
    return url.replace("&", "&amp;")


def build_env(templates_dir: str) -> Environment:
    """Return the Jinja2 environment for Markdown templates in a folder."""
    env = Environment(
        loader=FileSystemLoader(templates_dir),
        undefined=StrictUndefined,
        keep_trailing_newline=True,
        trim_blocks=True,
        lstrip_blocks=True,
        autoescape=False,  # Markdown out: escaping is md_inline's job, per value
    )
    env.filters["md_inline"] = md_inline
    env.filters["md_block"] = md_block
    env.filters["safe_url"] = safe_url
    env.filters["version_groups"] = version_groups
    return env
