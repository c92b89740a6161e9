"""A hostile corpus: four articles about a warehouse fire whose every field carries an attack.

Each payload that could run code sets `window.__pwned` to its own number (or calls `alert`), so
a browser test that finds `window.__pwned` set can say which one ran. The articles are dated
and well formed, so that `mkdocs build --strict` passes: any problem briefgen reported would
fail it. The people, outlets and numbers are invented.

`INJECTIONS` lists every payload with the place it was put, for the report; `VISIBLE` lists the
literal strings that must show as text on the page where their fact appears.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]

SCRIPT = "<script>window.__pwned=1</script>"
IMG = "<img src=x onerror=window.__pwned=2>"
MD_LINK = "[click](javascript:window.__pwned=3)"
A_HREF = '<a href="javascript:window.__pwned=4">here</a>'
HTML_BLOCK = '<div onmouseover="window.__pwned=5"><iframe src="javascript:alert(5)"></iframe></div>'
COMMENT = "<!-- hidden remark -->"
MD_IMAGE = "![pixel](x.png)"
HEADING = "# Injected heading"
TABLE = "| cargo | tonnes |\n| --- | --- |\n| copper | 1200 |"
SNIPPET = '--8<-- "/etc/passwd"'
ADMONITION = '!!! note "Injected admonition"'
ATTR_LIST = '{: onclick="window.__pwned=6" }'
JINJA = "{{ 7*7 }}"
JINJA_RAW = "{% raw %}"
JINJA_COMMENT = "{#"
MERMAID = "```mermaid\ngraph TD; A-->B\n```"
TITLE_SCRIPT = "<script>document.title='pwned';window.__pwned=7</script>"
CLOSE_TITLE = "</title><script>window.__pwned=8</script>"
ALERT_IMG = "<img src=x onerror=alert(9)>"
SVG = "<svg onload=window.__pwned=10>"
CLOSE_TITLE_ENTITIES = "&lt;/title&gt;&lt;script&gt;window.__pwned=11&lt;/script&gt;"
PRINCIPAL_QUOTE = f"We will rebuild the dock {SCRIPT} within a month"

HEADLINE = f"Warehouse fire {TITLE_SCRIPT} closes Valparaíso port {CLOSE_TITLE_ENTITIES}"
TEXT_DUMP = f"""\
{HEADLINE}
12 March 2025, 09:15
By Lena Ortiz {IMG}

A fire at a warehouse in the port of Valparaíso forced the evacuation of 300 workers on \
Wednesday, the harbour authority said {SCRIPT} in a statement.

Mayor Ana Torres said: "{PRINCIPAL_QUOTE}, and no family will pay for it."

Firefighters from Viña del Mar joined the crews {IMG} at noon, and the flames were under \
control by the evening, the fire service said.

The union asked workers to read its notice {MD_LINK} before returning, and posted a second \
copy {A_HREF} on its website.

{HTML_BLOCK}

The harbour authority said the cause {COMMENT} was not yet known, and that inspectors would \
visit the site on Thursday {ALERT_IMG} morning.

{HEADING} in the body of the fire report

The port's operator said the losses {MD_IMAGE} were covered by insurance, and that ships would \
be sent to San Antonio {SVG} in the meantime.

{TABLE}

The operator's statement ended with the line {SNIPPET} and nothing else.

{SNIPPET}

{ADMONITION}

Torres said the city would pay for temporary housing {ATTR_LIST} for the families of the \
workers who lost their homes.

The fire service said the damage came to {JINJA} million pesos {JINJA_RAW} and that the \
warehouse {JINJA_COMMENT} had no sprinklers.

{MERMAID}
"""

MD_TITLE = f"Dockers return {IMG} as Valparaíso counts the cost {JINJA}"
MD_CODE = "<script>window.__pwned=12</script>"
MARKDOWN = f"""\
---
title: "{MD_TITLE}"
published: 2025-03-13T08:00:00Z
author: "Marta Quispe {SCRIPT}"
outlet: "The Harbour Dispatch {MD_LINK}"
---

VALPARAÍSO — Dock workers returned to the port of Valparaíso on Thursday, a day after a \
warehouse fire forced the evacuation of 300 of them, the harbour authority said.

<script>window.__pwned=13</script>

<div onclick="window.__pwned=14" markdown="1">Raw HTML block with **Markdown** inside.</div>

The union said the notice was at [the union's page](javascript:window.__pwned=15) and at \
<a href="javascript:window.__pwned=16">this link</a>, and that the code `{MD_CODE}` had \
been sent to members by mistake.

Mayor Ana Torres said the city would open two shelters {IMG} for the families of the \
workers.

The fire service said the entity text &lt;script&gt;window.__pwned=17&lt;/script&gt; was \
found on a placard {COMMENT} near the gate.

{MD_IMAGE}

## Injected subheading

{TABLE}

{SNIPPET}

{ADMONITION}
    Indented admonition body.

A paragraph with an attribute list on Thursday.
{ATTR_LIST}

Insurers said the claim would reach {JINJA} million pesos {JINJA_RAW} by the end of the \
month {JINJA_COMMENT} at the latest.

{MERMAID}
"""

HTML_HEADLINE = "Port reopens &lt;script&gt;window.__pwned=18&lt;/script&gt; after fire"
HTML_PAGE = f"""\
<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="utf-8">
<title>{CLOSE_TITLE_ENTITIES} Port reopens after fire</title>
<meta property="og:site_name"
 content="The Coast Chronicle &lt;img src=x onerror=window.__pwned=19&gt;">
<meta name="author" content="Rosa Díaz &lt;script&gt;window.__pwned=20&lt;/script&gt;">
<meta property="article:published_time" content="2025-03-13T10:00:00-03:00">
<script>window.__pwned=21</script>
</head>
<body onload="window.__pwned=22">
<article>
<h1>{HTML_HEADLINE}</h1>
<p>The port of Valparaíso reopened on Thursday &lt;img src=x onerror=window.__pwned=23&gt; \
after a warehouse fire closed it for a day, the harbour authority said.</p>
<p onclick="window.__pwned=24">Mayor Ana Torres said: "The port is open again \
&lt;script&gt;window.__pwned=25&lt;/script&gt; and the workers are safe."</p>
<script>window.__pwned=26</script>
<p>Workers were told to read a notice at <a href="javascript:window.__pwned=27">this link</a> \
before their shift, and the union said {JINJA} members had signed it.</p>
<iframe src="javascript:window.__pwned=28"></iframe>
<!-- <script>window.__pwned=29</script> -->
<p>The operator's statement quoted the line {SNIPPET} and said {JINJA_RAW} inspectors would \
return {JINJA_COMMENT} next week.</p>
<p>Ships that had been sent to San Antonio began to return to Valparaíso on Thursday \
afternoon, the port's operator said.</p>
</article>
</body>
</html>
"""

SIDECAR_TITLE = f"Fire inquiry {CLOSE_TITLE} opens in Valparaíso"
SIDECAR_URL = "https://example.org/fire?q=<script>window.__pwned=30</script>"
SIDECAR = f"""\
title: "{SIDECAR_TITLE}"
outlet: "Andes Wire {IMG}"
authors: ["Tomás Reyes {SCRIPT}", "{MD_LINK}"]
published: 2025-03-14T07:00:00Z
url: "{SIDECAR_URL}"
"""
WIRE_TEXT = f"""\
VALPARAÍSO (Andes Wire) — Prosecutors in Valparaíso opened an inquiry on Friday into the \
warehouse fire that closed the city's port on Wednesday, the prosecutor's office said.

Mayor Ana Torres said: "Whoever is responsible {ALERT_IMG} will answer for it."

The prosecutor's office said the inquiry would look at the {JINJA} missing sprinklers and the \
fire doors {SVG} of the warehouse.

The harbour authority said the port's operator had {CLOSE_TITLE_ENTITIES} handed over its \
records on Thursday.
"""

ARTICLES = {
    "000_fire-post.txt": TEXT_DUMP,
    "001_fire-dispatch.md": MARKDOWN,
    "002_fire-chronicle.html": HTML_PAGE,
    "003_fire-wire.txt": WIRE_TEXT,
    "003_fire-wire.meta.yml": SIDECAR,
}

MKDOCS_YML = """\
site_name: Hostile corpus
docs_dir: docs
validation:
  anchors: warn
  omitted_files: warn
  absolute_links: warn
  unrecognized_links: warn
theme:
  name: material
  font: false
# The extensions a site owner may well switch on: each would act on article text that
# reached the page unescaped (snippets reads files, attr_list sets attributes).
markdown_extensions:
  - admonition
  - attr_list
  - md_in_html
  - tables
  - pymdownx.details
  - pymdownx.snippets:
      base_path: ["/"]
      check_paths: false
  - pymdownx.superfences:
      custom_fences:
        - name: mermaid
          class: mermaid
          format: !!python/name:pymdownx.superfences.fence_code_format
plugins:
  - search
  - briefgen:
      corpus_dir: seeds
      templates_dir: {templates}
      principals:
        - name: Ana Torres
          role: Mayor of Valparaíso
          aliases: [Torres, Mayor Ana Torres]
"""


def write_hostile_corpus(folder: Path) -> Path:
    """Write the hostile corpus and its mkdocs.yml into folder; return the mkdocs.yml."""
    (folder / "seeds").mkdir(parents=True)
    (folder / "docs").mkdir()
    (folder / "docs" / "index.md").write_text("# Hand-written home\n", encoding="utf-8")
    for name, text in ARTICLES.items():
        (folder / "seeds" / name).write_text(text, encoding="utf-8")
    config = folder / "mkdocs.yml"
    config.write_text(MKDOCS_YML.format(templates=ROOT / "templates"), encoding="utf-8")
    return config


@dataclass(frozen=True)
class Injection:
    """One payload, the field or block it was put in, and the article."""

    payload: str
    where: str
    article: str


def _injections() -> tuple[Injection, ...]:
    text, md, page, wire = (
        "000_fire-post.txt",
        "001_fire-dispatch.md",
        "002_fire-chronicle.html",
        "003_fire-wire",
    )
    rows = [
        (TITLE_SCRIPT, "headline", text),
        (CLOSE_TITLE_ENTITIES, "headline", text),
        (IMG, "byline", text),
        (SCRIPT, "body paragraph", text),
        (SCRIPT, "direct statement of the principal", text),
        (IMG, "body paragraph", text),
        (MD_LINK, "body paragraph", text),
        (A_HREF, "body paragraph", text),
        (HTML_BLOCK, "raw HTML block (own paragraph)", text),
        (COMMENT, "body paragraph", text),
        (ALERT_IMG, "body paragraph", text),
        (HEADING, "heading line", text),
        (MD_IMAGE, "body paragraph", text),
        (SVG, "body paragraph", text),
        (TABLE, "Markdown table (own paragraph)", text),
        (SNIPPET, "body paragraph", text),
        (SNIPPET, "snippet line (own paragraph)", text),
        (ADMONITION, "admonition line (own paragraph)", text),
        (ATTR_LIST, "indirect statement of the principal", text),
        (JINJA, "body paragraph", text),
        (JINJA_RAW, "body paragraph", text),
        (JINJA_COMMENT, "body paragraph", text),
        (MERMAID, "Mermaid fence", text),
        (IMG + " " + JINJA, "front matter title", md),
        (SCRIPT, "front matter author", md),
        (MD_LINK, "front matter outlet", md),
        ("<script>window.__pwned=13</script>", "raw HTML block", md),
        ('<div onclick=... markdown="1">', "md_in_html block", md),
        ("[the union's page](javascript:...)", "Markdown link", md),
        ('<a href="javascript:...">', "inline HTML link", md),
        (f"`{MD_CODE}`", "code span", md),
        (IMG, "indirect statement of the principal", md),
        ("&lt;script&gt;...&lt;/script&gt;", "entity-escaped text", md),
        (COMMENT, "HTML comment", md),
        (MD_IMAGE, "Markdown image", md),
        ("## Injected subheading", "heading", md),
        (TABLE, "Markdown table", md),
        (SNIPPET, "snippet line", md),
        (ADMONITION, "admonition", md),
        (ATTR_LIST, "attribute list", md),
        (JINJA + " " + JINJA_RAW + " " + JINJA_COMMENT, "body paragraph", md),
        (MERMAID, "Mermaid fence", md),
        (CLOSE_TITLE_ENTITIES, "<title>", page),
        ("&lt;img src=x onerror=...&gt;", "og:site_name (outlet)", page),
        ("&lt;script&gt;...&lt;/script&gt;", "meta author", page),
        ("<script>", "<head> and <body> script elements", page),
        ('onload="..." / onclick="..."', "event attributes", page),
        ("&lt;script&gt;...&lt;/script&gt;", "<h1> headline (as text)", page),
        ("&lt;img src=x onerror=...&gt;", "paragraph (as text)", page),
        ("&lt;script&gt;...&lt;/script&gt;", "direct statement of the principal", page),
        ('<a href="javascript:...">', "link", page),
        ('<iframe src="javascript:...">', "iframe", page),
        ("<!-- <script>...</script> -->", "HTML comment", page),
        (SNIPPET + " " + JINJA_RAW + " " + JINJA_COMMENT, "paragraph", page),
        (CLOSE_TITLE, "sidecar title", wire + ".meta.yml"),
        (IMG, "sidecar outlet", wire + ".meta.yml"),
        (SCRIPT + ", " + MD_LINK, "sidecar authors", wire + ".meta.yml"),
        (SIDECAR_URL, "sidecar url", wire + ".meta.yml"),
        (ALERT_IMG, "direct statement of the principal", wire + ".txt"),
        (JINJA + ", " + SVG, "body paragraph", wire + ".txt"),
        (CLOSE_TITLE_ENTITIES, "body paragraph", wire + ".txt"),
    ]
    return tuple(Injection(payload=p, where=w, article=a) for p, w, a in rows)


INJECTIONS = _injections()

# (article id or "statements", literal text that must be visible there)
VISIBLE: tuple[tuple[str, str], ...] = (
    ("000_fire-post", HEADLINE),
    ("000_fire-post", f"the harbour authority said {SCRIPT} in a statement"),
    ("000_fire-post", f"joined the crews {IMG} at noon"),
    ("000_fire-post", f"read its notice {MD_LINK} before returning"),
    ("000_fire-post", f"a second copy {A_HREF} on its website"),
    ("000_fire-post", f"the cause {COMMENT} was not yet known"),
    ("000_fire-post", f"the losses {MD_IMAGE} were covered"),
    ("000_fire-post", f"the line {SNIPPET} and nothing else"),
    ("000_fire-post", f"temporary housing {ATTR_LIST} for the families"),
    ("000_fire-post", f"the damage came to {JINJA} million pesos {JINJA_RAW} and that the"),
    ("000_fire-post", f"warehouse {JINJA_COMMENT} had no sprinklers"),
    ("statements", PRINCIPAL_QUOTE),
    ("statements", f"temporary housing {ATTR_LIST} for the families"),
    ("001_fire-dispatch", MD_TITLE),
    ("001_fire-dispatch", f"the code {MD_CODE} had been sent"),
    ("001_fire-dispatch", "the entity text <script>window.__pwned=17</script> was found"),
    ("001_fire-dispatch", f"would reach {JINJA} million pesos {JINJA_RAW}"),
    ("002_fire-chronicle", "Port reopens <script>window.__pwned=18</script> after fire"),
    ("002_fire-chronicle", "reopened on Thursday <img src=x onerror=window.__pwned=23> after"),
    ("002_fire-chronicle", "The port is open again <script>window.__pwned=25</script> and"),
    ("002_fire-chronicle", f"the line {SNIPPET} and said {JINJA_RAW} inspectors would return"),
    ("003_fire-wire", SIDECAR_TITLE),
    ("003_fire-wire", f"Andes Wire {IMG}"),
    ("003_fire-wire", f"Tomás Reyes {SCRIPT}, {MD_LINK}"),
    ("003_fire-wire", SIDECAR_URL),
    ("003_fire-wire", f"Whoever is responsible {ALERT_IMG} will answer for it"),
    ("003_fire-wire", f"the {JINJA} missing sprinklers and the fire doors {SVG} of"),
)
