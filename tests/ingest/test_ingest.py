"""Reading a corpus folder: formats, sidecars, encodings and every kind of bad file."""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path

import pytest

from briefgen.ingest import read_corpus
from briefgen.ingest.encoding import looks_binary
from briefgen.ingest.sidecar import parse_sidecar
from briefgen.model import Declared, Knowledge, Settings

STORY = (
    "Dock workers in Mombasa stayed off the job for a third day on Friday, the union said.\n\n"
    "Mayor Maria Lopez said the city would mediate between the union and the port.\n"
)


def settings_for(folder: Path, knowledge: Knowledge, max_bytes: int = 1_000_000) -> Settings:
    return Settings(
        corpus_dir=str(folder),
        output_dir="briefings",
        templates_dir="templates",
        summary_sentences=5,
        max_article_bytes=max_bytes,
        knowledge=knowledge,
    )


def codes(folder: Path, knowledge: Knowledge, **kwargs: int) -> dict[str, list[str]]:
    corpus = read_corpus(settings_for(folder, knowledge, **kwargs))
    found: dict[str, list[str]] = {a.path: ["ok"] for a in corpus.articles}
    for problem in corpus.problems:
        found.setdefault(problem.path, []).append(f"{problem.code} {problem.severity}")
    return found


def test_formats_and_sidecar(tmp_path: Path, knowledge: Knowledge) -> None:
    (tmp_path / "a.txt").write_text(STORY)
    (tmp_path / "b.md").write_text("---\ntitle: Strike\n---\n\n" + STORY)
    (tmp_path / "c.html").write_text(f"<html><body><p>{STORY}</p></body></html>")
    (tmp_path / "a.meta.yml").write_text("url: https://example.org/a\noutlet: Harbour Post\n")
    (tmp_path / "notes.pdf").write_bytes(b"%PDF-1.4")
    corpus = read_corpus(settings_for(tmp_path, knowledge))
    assert [(a.id, a.format) for a in corpus.articles] == [
        ("a", "text"),
        ("b", "markdown"),
        ("c", "html"),
    ]
    assert corpus.articles[0].sidecar == Declared(
        url="https://example.org/a", outlet="Harbour Post"
    )
    assert [(p.path, p.code, p.severity) for p in corpus.problems] == [
        (f"{tmp_path.name}/notes.pdf", "BG104", "warning")
    ]


def test_sidecar_changes_the_article_identity(tmp_path: Path, knowledge: Knowledge) -> None:
    (tmp_path / "a.txt").write_text(STORY)
    before = read_corpus(settings_for(tmp_path, knowledge)).articles[0].sha256
    (tmp_path / "a.meta.yml").write_text("title: Corrected title\n")
    after = read_corpus(settings_for(tmp_path, knowledge)).articles[0].sha256
    assert before != after  # a cache keyed on it must not serve the old metadata


def test_bad_files_reported_by_name_rest_goes_on(tmp_path: Path, knowledge: Knowledge) -> None:
    (tmp_path / "good.txt").write_text(STORY)
    (tmp_path / "empty.txt").write_text("  \n\n")
    (tmp_path / "binary.txt").write_bytes(bytes(range(256)) * 4)
    (tmp_path / "copy.txt").write_text(STORY)
    (tmp_path / "good.md").write_text("Another story entirely, about a ferry.\n")
    (tmp_path / "orphan.meta.yml").write_text("title: x\n")
    (tmp_path / "huge.txt").write_text(STORY * 400)
    outside = tmp_path.parent / f"{tmp_path.name}-outside.txt"
    outside.write_text(STORY + "secret\n")
    (tmp_path / "link.txt").symlink_to(outside)
    found = codes(tmp_path, knowledge, max_bytes=10_000)
    name = tmp_path.name
    assert found == {
        f"{name}/binary.txt": ["BG102 error"],
        f"{name}/copy.txt": ["ok"],
        f"{name}/empty.txt": ["BG101 error"],
        f"{name}/good.md": ["ok"],
        f"{name}/good.txt": ["BG107 error"],
        f"{name}/huge.txt": ["ok", "BG103 warning"],
        f"{name}/link.txt": ["BG106 error"],
        f"{name}/orphan.meta.yml": ["BG112 warning"],
    }


def test_huge_file_is_capped_at_a_line_break(tmp_path: Path, knowledge: Knowledge) -> None:
    (tmp_path / "huge.txt").write_text(STORY * 400)
    article = read_corpus(settings_for(tmp_path, knowledge, max_bytes=10_000)).articles[0]
    assert len(article.text.encode()) <= 10_000
    assert article.text.endswith(("\n", "port."))


@pytest.mark.parametrize(
    ("text", "encoding"),
    [
        ("Le maire a déclaré: « la grève est finie », à Valparaíso.\n", "cp1252"),
        ("The mayor said “the strike is over” — and left.\n", "cp1252"),
        ("The mayor said “the strike is over” — and left.\n", "utf-16"),
    ],
)
def test_legacy_encodings_are_detected_and_reported(
    tmp_path: Path, knowledge: Knowledge, text: str, encoding: str
) -> None:
    (tmp_path / "a.txt").write_bytes(text.encode(encoding))
    corpus = read_corpus(settings_for(tmp_path, knowledge))
    assert [a.text for a in corpus.articles] == [text]
    if encoding != "utf-16":
        assert [(p.code, p.severity) for p in corpus.problems] == [("BG113", "warning")]
        assert "cp1252" in corpus.problems[0].message


def test_html_declared_charset_is_used(tmp_path: Path, knowledge: Knowledge) -> None:
    page = '<html><head><meta charset="iso-8859-1"></head><body><p>Café crème</p></body></html>'
    (tmp_path / "a.html").write_bytes(page.encode("latin-1"))
    article = read_corpus(settings_for(tmp_path, knowledge)).articles[0]
    assert "Café crème" in article.text


@pytest.mark.parametrize(
    ("sidecar", "declared", "messages"),
    [
        (
            "title: Fixed\nauthors: Jane Otieno\npublished: 2025-03-14T09:30:00+03:00\n",
            Declared(
                title="Fixed", authors=("Jane Otieno",), published="2025-03-14T09:30:00+03:00"
            ),
            [],
        ),
        ("published: 2025-03-14\n", Declared(published="2025-03-14"), []),
        (
            "output_dir: /etc\nurl: javascript:alert(1)\npublished: last Friday\n",
            Declared(),
            ["unknown key 'output_dir'", "'published' is not an ISO 8601", "'url' must be"],
        ),
        ("title: [unclosed\n", Declared(), ["not valid YAML at line"]),
        ("- a list\n", Declared(), ["must be a mapping"]),
        ("authors: {a: 1}\n", Declared(), ["'authors' must be"]),
        ("", Declared(), []),
    ],
)
def test_parse_sidecar(sidecar: str, declared: Declared, messages: list[str]) -> None:
    found, problems = parse_sidecar(sidecar.encode(), "seeds/a.meta.yml")
    assert found == declared
    assert len(problems) == len(messages)
    for problem, message in zip(problems, messages, strict=True):
        assert message in problem.message
        assert problem.severity == "warning"
        assert problem.path == "seeds/a.meta.yml"


def test_declared_over() -> None:
    sidecar = Declared(title="Sidecar", url="https://example.org/x")
    page = Declared(title="Page", outlet="Harbour Post")
    assert sidecar.over(page) == replace(page, title="Sidecar", url="https://example.org/x")


def test_looks_binary_counts_control_bytes_but_not_line_breaks_or_tabs() -> None:
    text = "Dockers voted to extend the strike.\r\n\tPage 2\f" * 20
    assert not looks_binary(text.encode())
    assert not looks_binary("Grève à Marseille\n".encode("latin-1") * 50)
    noisy = bytes([7, 27] * 6) + b"x" * 200  # 12 control bytes in 212: above 5%
    assert looks_binary(noisy)
    assert not looks_binary(bytes([7, 27] * 2) + b"x" * 200)  # 4 in 204: below
    assert looks_binary(b"text\x00more")
    assert not looks_binary(b"")
