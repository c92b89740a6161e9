"""HTML pages and Markdown with front matter: main text kept, metadata declared is read."""

from __future__ import annotations

import hashlib

from briefgen.clean import clean_article
from briefgen.errors import Problem
from briefgen.model import ArticleFormat, CleanArticle, Declared, Knowledge, RawArticle

PAGE = """<!doctype html>
<html lang="en"><head><meta charset="utf-8">
<title>Quake kills 40 in hill towns | Daily Star</title>
<meta property="og:title" content="Quake kills 40 in hill towns">
<meta property="og:site_name" content="Daily Star">
<meta name="author" content="Jane Roe">
<meta property="article:published_time" content="2025-03-14T09:30:00+01:00">
<meta property="article:modified_time" content="2025-03-14T11:05:00+01:00">
<link rel="canonical" href="https://example.org/quake">
<script>window.tracker = 1;</script>
</head><body>
<nav><a href="/">Home</a> <a href="/world">World</a> <a href="/sport">Sport</a></nav>
<div class="cookie-banner">We use cookies to improve your experience. Accept all</div>
<article>
<h1>Quake kills 40 in hill towns</h1>
<p class="byline">By Jane Roe</p>
<time datetime="2025-03-14T09:30:00+01:00">14 March 2025</time>
<p>A magnitude 6.4 earthquake struck the hill towns of the north on Friday, killing at least
40 people, the civil protection agency said.</p>
<p>&ldquo;We are still digging people out,&rdquo; said rescue chief Omar Haddad.</p>
<figure><img src="x.jpg" alt=""><figcaption>Rescuers search rubble in Tarsa. Photo: Reuters
</figcaption></figure>
<p>The government pledged $5m in aid &amp; sent troops to the worst-hit valley.</p>
<aside class="related"><h3>Most read</h3><ul>
<li><a href="/a">Football club sacks manager after cup defeat</a></li>
<li><a href="/b">Bakery prices rise for third month</a></li></ul></aside>
<p>Aftershocks continued through the night.</p>
</article>
<footer><p>Sign up to our newsletter for the day's top stories.</p>
<p>Copyright 2025 Daily Star</p></footer>
</body></html>
"""

MARKDOWN = """---
title: "Ferry capsizes off Zanzibar: 12 missing"
published: 2025-05-02T07:15:00Z
url: https://example.org/ferry
author: [Amina Said, Tom Berg]
outlet: Coast Weekly
---

# Ferry capsizes off Zanzibar: 12 missing

A passenger ferry capsized off Zanzibar on Friday morning, and 12 people are missing, the
port authority said.

## Rescue

Divers searched the wreck until nightfall, *police* said, and [more boats](https://x.org)
joined them.

<script>alert("x")</script>

Short.
"""


def raw(text: str, article_format: ArticleFormat, sidecar: Declared | None = None) -> RawArticle:
    return RawArticle(
        id="a",
        path=f"seeds/a.{article_format}",
        format=article_format,
        text=text,
        sha256=hashlib.sha256(text.encode()).hexdigest(),
        sidecar=sidecar or Declared(),
    )


def cleaned(article: RawArticle, knowledge: Knowledge) -> CleanArticle:
    result = clean_article(article, knowledge)
    assert isinstance(result, CleanArticle), result
    return result


def test_html_main_text_and_declared_metadata(knowledge: Knowledge) -> None:
    article = cleaned(raw(PAGE, "html"), knowledge)
    assert article.paragraphs == (
        "A magnitude 6.4 earthquake struck the hill towns of the north on Friday, killing at "
        "least 40 people, the civil protection agency said.",
        "“We are still digging people out,” said rescue chief Omar Haddad.",
        "The government pledged $5m in aid & sent troops to the worst-hit valley.",
        "Aftershocks continued through the night.",
    )
    meta = article.meta
    assert meta.title == "Quake kills 40 in hill towns"
    assert not meta.title_generated
    assert meta.outlet == "Daily Star"
    assert meta.authors == ("Jane Roe",)
    assert meta.published == "2025-03-14T09:30:00+01:00"
    assert meta.updated == "2025-03-14T11:05:00+01:00"
    assert meta.url == "https://example.org/quake"


def test_html_without_metadata_says_so(knowledge: Knowledge) -> None:
    page = (
        "<html><body><article><p>Divers searched the wreck of the ferry until nightfall on "
        "Friday, police said.</p><p>Twelve people are still missing.</p></article></body></html>"
    )
    meta = cleaned(raw(page, "html"), knowledge).meta
    assert meta.title_generated
    assert (meta.outlet, meta.authors, meta.published, meta.url) == (None, (), None, None)


def test_markdown_front_matter_and_blocks(knowledge: Knowledge) -> None:
    article = cleaned(raw(MARKDOWN, "markdown"), knowledge)
    assert article.paragraphs == (
        "A passenger ferry capsized off Zanzibar on Friday morning, and 12 people are missing, "
        "the port authority said.",
        "Divers searched the wreck until nightfall, police said, and more boats joined them.",
        "Short.",
    )
    meta = article.meta
    assert meta.title == "Ferry capsizes off Zanzibar: 12 missing"
    assert meta.authors == ("Amina Said", "Tom Berg")
    assert meta.published == "2025-05-02T07:15:00+00:00"
    assert (meta.outlet, meta.url) == ("Coast Weekly", "https://example.org/ferry")
    assert ("Rescue", "subheading") in {(d.text, d.reason) for d in article.dropped}


def test_markdown_headline_without_front_matter(knowledge: Knowledge) -> None:
    text = "# Ferry capsizes off Zanzibar\n\nA passenger ferry capsized on Friday, police said.\n"
    meta = cleaned(raw(text, "markdown"), knowledge).meta
    assert (meta.title, meta.title_generated) == ("Ferry capsizes off Zanzibar", False)


def test_sidecar_beats_page_and_text(knowledge: Knowledge) -> None:
    sidecar = Declared(outlet="Daily Star Online", published="2025-03-15", authors=("A. Roe",))
    meta = cleaned(raw(PAGE, "html", sidecar), knowledge).meta
    assert (meta.outlet, meta.published, meta.authors) == (
        "Daily Star Online",
        "2025-03-15",
        ("A. Roe",),
    )
    assert meta.title == "Quake kills 40 in hill towns"  # not in the sidecar: the page's
    text_meta = cleaned(
        raw(
            "Strike ends at the port\n\nBy Jane Otieno\n\nDockers went back to work on Monday.\n",
            "text",
            sidecar,
        ),
        knowledge,
    ).meta
    assert text_meta.authors == ("A. Roe",)
    assert text_meta.title == "Strike ends at the port"


def test_declared_title_keeps_a_short_first_paragraph(knowledge: Knowledge) -> None:
    text = (
        "---\ntitle: Ferry capsizes\n---\n\n"
        "Breaking news\n\nA ferry capsized on Friday, police said.\n"
    )
    article = cleaned(raw(text, "markdown"), knowledge)
    assert article.meta.title == "Ferry capsizes"
    assert "Breaking news" not in article.paragraphs  # a label, but not taken as the headline
    assert ("Breaking news", "headline") not in {(d.text, d.reason) for d in article.dropped}


def test_bad_front_matter_is_a_warning_not_a_loss(knowledge: Knowledge) -> None:
    text = "---\ntitle: [unclosed\n---\n\nA ferry capsized off the coast on Friday, police said.\n"
    article = cleaned(raw(text, "markdown"), knowledge)
    assert article.paragraphs == ("A ferry capsized off the coast on Friday, police said.",)


def test_non_english_is_reported(knowledge: Knowledge) -> None:
    text = (
        "Un transbordador de pasajeros volcó frente a la costa el viernes por la mañana y doce "
        "personas siguen desaparecidas, según informó la autoridad portuaria. Los buzos "
        "buscaron entre los restos hasta el anochecer, dijo la policía, y más barcos se unieron "
        "a la búsqueda durante la noche."
    )
    result = clean_article(raw(text, "text"), knowledge)
    assert isinstance(result, Problem)
    assert (result.code, result.path) == ("BG110", "seeds/a.text")
