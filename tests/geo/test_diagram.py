"""templates/_diagram.md.j2: a Mermaid graph of relations that untrusted names cannot break."""

from __future__ import annotations

import re
from pathlib import Path

import markdown

from briefgen.render.env import build_env

TEMPLATES = Path(__file__).resolve().parents[2] / "templates"
CALL = '{% import "_diagram.md.j2" as d %}\nBefore.\n\n{{ d.relations(edges) }}\n\nAfter.\n'
EDGES = [
    ("Port Workers' Union", "solidarity", "Harbour Pilots"),
    ("Ministry of Labour", "denial", "Port Workers' Union"),
    ("<script>window.__pwned=1</script>", "backing", '"onload=x'),
    ('a"] --> B["x', "allied", "`md` **bold** #quot; {{ x }} --8<-- a|b [link](javascript:1)"),
]
NODE = re.compile(r'^  n(\d+)\["([^"<>&`\[\]|]*)"\]$')
EDGE = re.compile(r'^  n(\d+) (-->|-\.->)\|"(backing|allied|solidarity|denial)"\| n(\d+)$')


def render(edges: list[tuple[str, str, str]]) -> str:
    return build_env(str(TEMPLATES)).from_string(CALL).render(edges=edges)


def mermaid_source(text: str) -> list[str]:
    block = re.search(r'<pre class="mermaid"><code>(.*?)</code></pre>', text, re.S)
    assert block is not None, text
    return block[1].splitlines()


def decode(label: str) -> str:
    """Undo Mermaid's entity codes, as Mermaid does before it draws a label."""
    return re.sub(r"#(\d+);", lambda m: chr(int(m[1])), label)


def test_relations_renders_one_line_per_node_and_edge() -> None:
    lines = mermaid_source(render(EDGES))
    assert lines[0] == "graph LR"
    nodes = [NODE.match(line) for line in lines[1:] if line.startswith("  n") and "[" in line]
    assert all(nodes), lines
    names = {int(m[1]): decode(m[2]) for m in nodes if m}
    expected = sorted({n for s, _, t in EDGES for n in (s, t)})
    assert [names[n] for n in sorted(names)] == expected
    edges = [EDGE.match(line) for line in lines[1 + len(names) :]]
    assert all(edges), lines
    drawn = {(names[int(m[1])], m[3], names[int(m[4])], m[2]) for m in edges if m}
    assert drawn == {(s, k, t, "-.->" if k == "denial" else "-->") for s, k, t in EDGES}


def test_relations_survive_markdown() -> None:
    html = markdown.markdown(render(EDGES), extensions=["attr_list", "tables", "md_in_html"])
    assert html.count('<pre class="mermaid">') == 1
    block = "\n".join(mermaid_source(html))
    assert not {"<", "&"} & set(block)
    assert "javascript:" in decode(block)  # shown as text, never a link
    assert not [tag for tag in ("<em>", "<strong>", "<a ") if tag in html]
    assert html.startswith("<p>Before.</p>")
    assert html.endswith("<p>After.</p>")


def test_relations_without_edges_renders_nothing() -> None:
    assert render([]) == "Before.\n\n\n\nAfter.\n"
