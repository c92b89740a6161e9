"""Untrusted article text is inert in Markdown, HTML, pymdown syntax and Jinja."""

from __future__ import annotations

import html
import re

import markdown
import pytest
from hypothesis import given
from hypothesis import strategies as st

from briefgen.render.env import md_block, md_inline, safe_url

HOSTILE = [
    "<script>alert(1)</script>",
    '<img src=x onerror="alert(1)">',
    "[click](javascript:alert(1))",
    "![x](http://evil.example/x.png)",
    "# Heading",
    "| a | b |",
    "<!-- comment -->",
    "--8<-- /etc/passwd",
    "!!! warning",
    "text {: onclick=alert(1) }",
    "{{ config }} {% include 'x' %}",
    "1. listed",
    "- listed",
    "**bold** _em_ `code`",
]


@pytest.mark.parametrize("text", HOSTILE)
def test_md_inline_renders_as_plain_text(text: str) -> None:
    html = markdown.markdown(md_inline(text), extensions=["attr_list", "tables"])
    for tag in (
        "<script",
        "<img",
        "<a ",
        "<h1",
        "<table",
        "<!--",
        "<strong",
        "<em",
        "<code",
        "<ol",
        "<ul",
        "onclick=",
    ):
        assert tag not in html
    assert "{{" not in md_inline(text)
    assert "{%" not in md_inline(text)


def test_md_inline_keeps_the_text_readable() -> None:
    html = markdown.markdown(md_inline('Al-Assad said: "no" & <left>'))
    assert html == '<p>Al-Assad said&#58; "no" &#38; &#60;left&#62;</p>'


SYNTAX = "\\`*_{}[]()#+!|<>&~^=:$%@"


@given(st.text(alphabet=st.sampled_from([*SYNTAX, "-", ".", "1", " ", "a", "\n", "\u00e9"])))
def test_md_inline_leaves_no_syntax_character_bare(text: str) -> None:
    """Whatever the text, a reader sees it as it was (spaces folded), and no character of
    Markdown, HTML or Jinja syntax stands outside a character reference."""
    escaped = md_inline(text)
    assert html.unescape(escaped) == " ".join(text.split())
    assert not set(re.sub(r"&#\d+;", "", escaped)) & set(SYNTAX)
    assert "--" not in escaped


def test_md_block_keeps_paragraphs() -> None:
    assert md_block("one\n\ntwo *x*").split("\n\n") == ["one", "two &#42;x&#42;"]


@pytest.mark.parametrize(
    ("url", "expected"),
    [
        ("https://example.org/a?b=1&c=2", "https://example.org/a?b=1&amp;c=2"),
        ("javascript:alert(1)", ""),
        ("http://x/a b", ""),
        ("", ""),
    ],
)
def test_safe_url(url: str, expected: str) -> None:
    assert safe_url(url) == expected
