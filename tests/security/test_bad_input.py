"""Bad input, property-based: whatever lands in the corpus folder, the run goes on.

Hypothesis puts random bytes, text in legacy encodings, huge paragraphs, empty files and
malformed sidecars next to two good articles and runs the pipeline's
`generate_briefings`: it never raises, both good articles are always in a briefing, and each
bad file is either used or reported by its file name with a reason. The examples are
derandomized (the same ones on every run, so that CI is stable) and kept few and small.

Inputs that once broke the run (deep nesting, alias bombs, a cap inside a UTF-8 character) are
pinned one by one below.
"""

from __future__ import annotations

import subprocess
import sys
import tempfile
from dataclasses import dataclass, replace
from pathlib import Path
from typing import Any

import pytest
import yaml
from hypothesis import HealthCheck, event, example, given, settings
from hypothesis import strategies as st

from briefgen.errors import Problem
from briefgen.ingest import read_corpus
from briefgen.ingest.sidecar import parse_sidecar
from briefgen.model import Briefing, Knowledge, Settings
from briefgen.pipeline import clean_corpus, generate_briefings

from .conftest import ENV, ROOT

GOOD = {
    "good-a.txt": """\
Port strike enters third day in Mombasa
12 March 2025
By Amina Otieno

Dock workers in Mombasa stayed off the job for a third day on Friday, the union said, as more \
than 40 ships queued outside the harbour.

Mayor Maria Lopez said: "The city will mediate between the union and the port authority until \
the strike ends."

The port authority said perishable cargo was being sent on to Dar es Salaam while the strike \
lasted.
""",
    "good-b.md": """\
---
title: Talks open to end the Mombasa dock strike
published: 2025-03-13
author: Joseph Kamau
---

Talks between the dock workers' union and the port authority opened in Mombasa on Saturday, \
the union said.

Mayor Maria Lopez said the city had offered to host the talks and would pay for an \
independent mediator.

The Kenyan government said it would not take sides in the dispute, which has left more than \
40 ships waiting to unload.
""",
}
MAX_ARTICLE_BYTES = 20_000

# Sentences each legacy encoding can write, so that some decoded files read as articles.
SENTENCES = {
    "cp1252": [
        "The mayor said “the port will reopen” — and the union agreed.",
        "Le maire a déclaré que la grève était finie à Valparaíso.",
        "El alcalde dijo que el puerto abrirá el lunes.",
    ],
    "latin-1": [
        "Die Bürgermeisterin sagte, der Streik sei vorbei.",
        "Ça coûte 40 francs? Non: 40 ¤, dit-il.",
    ],
    "utf-16": ["The mayor said “the strike is over” — and left.", "港の労働者はストを続けた。"],
    "shift_jis": ["市長は港のストライキが終わったと述べた。", "労働組合は金曜日に声明を出した。"],
    "koi8-r": ["Мэр заявила, что забастовка в порту окончена.", "Профсоюз сделал заявление."],
}
# Characters shift_jis encodes but decodes to others (hypothesis warns about them).
NOT_ROUND_TRIP = {"shift_jis": "¥‾"}
ARTICLE_SUFFIXES = (".txt", ".md", ".html")
YAML_TOKENS = st.sampled_from([
    *"abct:- \n\t[]{}'\"#&*!|>%@,?`=~0123456789",
    "title: ", "published: ", "authors: ", "url: ", "outlet: ", "updated: ", "\n- ", "---\n",
])  # fmt: skip


@dataclass(frozen=True)
class BadFile:
    """A file hypothesis made: its kind (for the report), its name and its bytes."""

    kind: str
    name: str
    data: bytes


@st.composite
def encoded_text(draw: st.DrawFn) -> tuple[str, bytes]:
    encoding = draw(st.sampled_from(sorted(SENTENCES)))
    parts = draw(
        st.lists(
            st.one_of(
                st.sampled_from(SENTENCES[encoding]),
                st.text(
                    st.characters(
                        codec=encoding, exclude_characters=NOT_ROUND_TRIP.get(encoding, "")
                    ),
                    max_size=60,
                ),
                st.just("\n\n"),
            ),
            max_size=12,
        )
    )
    return encoding, "".join(parts).encode(encoding, errors="replace")


@st.composite
def bad_article(draw: st.DrawFn, n: int) -> BadFile:
    suffix = draw(st.sampled_from(ARTICLE_SUFFIXES))
    kind = draw(st.sampled_from(["bytes", "encoded", "huge", "empty"]))
    if kind == "bytes":
        data = draw(st.binary(max_size=3000))
    elif kind == "encoded":
        encoding, data = draw(encoded_text())
        kind = f"text in {encoding}"
    elif kind == "huge":
        # One paragraph, no line break, up to twice the size cap; sometimes multi-byte.
        word = draw(st.sampled_from(["strike ", "grève ", "Streik ", "забастовка ", "ストライキ "]))
        size = draw(st.integers(min_value=1000, max_value=2 * MAX_ARTICLE_BYTES))
        data = (word * (size // len(word.encode()) + 1)).encode()[:size]
    else:
        data = draw(st.sampled_from([b"", b" ", b"\n\n\n", b"\t \r\n", b"\xef\xbb\xbf"]))
    return BadFile(kind=kind, name=f"bad-{n}{suffix}", data=data)


@st.composite
def bad_sidecar(draw: st.DrawFn, n: int) -> BadFile:
    owner = draw(st.sampled_from(["good-a", "good-b", f"bad-{n}"]))
    yamlish = st.lists(YAML_TOKENS, max_size=40).map("".join)
    text = draw(st.one_of(yamlish, st.text(max_size=200)))
    data = draw(st.one_of(st.just(text.encode()), st.binary(max_size=300)))
    return BadFile(kind="malformed sidecar", name=f"{owner}.meta.yml", data=data)


@st.composite
def bad_files(draw: st.DrawFn) -> list[BadFile]:
    count = draw(st.integers(min_value=1, max_value=4))
    files = [draw(st.one_of(bad_article(n), bad_sidecar(n))) for n in range(count)]
    return list({f.name: f for f in files}.values())  # one file per name


def settings_for(folder: Path, knowledge: Knowledge) -> Settings:
    return Settings(
        corpus_dir=str(folder),
        output_dir="briefings",
        templates_dir=str(ROOT / "templates"),
        summary_sentences=5,
        max_article_bytes=MAX_ARTICLE_BYTES,
        knowledge=knowledge,
    )


def run_pipeline(
    files: list[BadFile], knowledge: Knowledge, nlp: Any
) -> tuple[str, tuple[Briefing, ...], list[Problem]]:
    """Write the good articles and files into a fresh corpus folder and run the pipeline."""
    with tempfile.TemporaryDirectory(prefix="bad-input-") as tmp:
        folder = Path(tmp) / "corpus"
        folder.mkdir()
        for name, text in GOOD.items():
            (folder / name).write_text(text, encoding="utf-8")
        for file in files:
            (folder / file.name).write_bytes(file.data)
        briefings, problems = generate_briefings(settings_for(folder, knowledge), nlp)
        return folder.name, briefings, problems


def encoded(encoding: str, n: int = 0) -> BadFile:
    """A bad-n.txt of every sentence in SENTENCES[encoding], in that encoding."""
    text = "\n\n".join(SENTENCES[encoding])
    return BadFile(kind=f"text in {encoding}", name=f"bad-{n}.txt", data=text.encode(encoding))


# Always tried, besides the random examples: one of each kind.
PINNED = [[encoded(encoding)] for encoding in sorted(SENTENCES)] + [
    [BadFile(kind="huge", name="bad-0.md", data=("grève " * 8000).encode())],
    [BadFile(kind="empty", name="bad-0.html", data=b"")],
    [BadFile(kind="malformed sidecar", name="good-a.meta.yml", data=b"title: [x\n: :")],
    [BadFile(kind="bytes", name="bad-0.txt", data=bytes(range(256)))],
]


def with_pinned_examples(test: Any) -> Any:
    for files in PINNED:
        test = example(files=files)(test)
    return test


@with_pinned_examples
@settings(
    max_examples=40,
    deadline=None,
    derandomize=True,
    database=None,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large],
)
@given(files=bad_files())
def test_bad_files_are_used_or_reported(
    files: list[BadFile], knowledge: Knowledge, nlp: Any
) -> None:
    for file in files:
        event(file.kind)
    corpus, briefings, problems = run_pipeline(files, knowledge, nlp)
    articles = {a.id: a for b in briefings for a in b.articles}
    assert {"good-a", "good-b"} <= set(articles), sorted(articles)
    for file in files:
        shown = f"{corpus}/{file.name}"
        reported = [p for p in problems if p.path == shown and p.message.strip()]
        if file.kind == "malformed sidecar":
            owner = articles.get(file.name.removesuffix(".meta.yml"))
            declared, found = parse_sidecar(file.data, shown)
            # Used: its article is in a briefing with the title it declares; or else reported.
            used = owner is not None and not found and declared.title in {None, owner.meta.title}
            assert used or reported, (file.name, file.data[:80], problems)
        else:
            stem = file.name.rsplit(".", 1)[0]
            skipped = [p for p in reported if p.severity == "error"]
            # Used: in a briefing; or else skipped, with the reason, by name.
            assert stem in articles or skipped, (file.kind, file.name, file.data[:80], problems)


# ---------------------------------------------------------------- pinned inputs


def test_known_bad_files_are_reported(knowledge: Knowledge, nlp: Any) -> None:
    """One of each kind, with the exact code each gets."""
    files = [
        BadFile(kind="empty", name="bad-0.txt", data=b""),
        BadFile(kind="bytes", name="bad-1.html", data=bytes(range(256)) * 8),
        BadFile(kind="not UTF-8", name="bad-2.txt", data=b"\xff\xfe\xfd" * 3 + b"\x81\x8d\x8f"),
        BadFile(kind="orphan", name="bad-3.meta.yml", data=b"title: x\n"),
        BadFile(kind="sidecar", name="good-a.meta.yml", data=b"title: [unclosed\n"),
        BadFile(kind="sidecar", name="good-b.meta.yml", data=b"- a list\n- not a mapping\n"),
    ]
    corpus, briefings, problems = run_pipeline(files, knowledge, nlp)
    found = {(p.path.removeprefix(f"{corpus}/"), p.code) for p in problems}
    assert {
        ("bad-0.txt", "BG101"),
        ("bad-1.html", "BG102"),
        ("bad-3.meta.yml", "BG112"),
        ("good-a.meta.yml", "BG111"),
        ("good-b.meta.yml", "BG111"),
    } <= found, found
    assert any(path == "bad-2.txt" for path, _ in found), found
    assert {"good-a", "good-b"} <= {a.id for b in briefings for a in b.articles}


@pytest.mark.parametrize(
    ("name", "data"),
    [("good-a.meta.yml", b"title: " + b"[" * 3000), ("bad.md", b"---\ntitle: " + b"[" * 3000)],
)
def test_deeply_nested_yaml_is_reported(
    tmp_path: Path, knowledge: Knowledge, name: str, data: bytes
) -> None:
    for good, text in GOOD.items():
        (tmp_path / good).write_text(text, encoding="utf-8")
    (tmp_path / name).write_bytes(data + b"\n---\n\nThe union said the strike was over.\n")
    corpus = read_corpus(settings_for(tmp_path, knowledge))
    _, problems = clean_corpus(corpus, settings_for(tmp_path, knowledge))
    assert any(p.path.endswith(name) for p in problems)


ALIAS_BOMB = "\n".join(
    [f"l0: &l0 [{', '.join(['lol'] * 9)}]"]
    + [f"l{n}: &l{n} [{', '.join([f'*l{n - 1}'] * 9)}]" for n in range(1, 10)]
    + ["published: *l9", ""]
)


def test_yaml_alias_bomb_is_reported_cheaply() -> None:
    # In a child process held to 256 MiB of address space (loading the bomb needs far less):
    # a bounded resource, not a timing.
    code = (
        "import resource, sys\n"
        "resource.setrlimit(resource.RLIMIT_AS, (256 << 20, 256 << 20))\n"
        "from briefgen.ingest.sidecar import parse_sidecar\n"
        "declared, problems = parse_sidecar(sys.stdin.buffer.read(), 'bomb.meta.yml')\n"
        "print(declared.published, [p.code for p in problems])\n"
    )
    assert len(ALIAS_BOMB) < 600
    result = subprocess.run(
        [sys.executable, "-c", code],
        input=ALIAS_BOMB.encode(),
        capture_output=True,
        env=ENV,
        cwd=ROOT,
        check=False,
    )
    assert result.returncode == 0, result.stderr.decode()[-300:]
    assert b"None" in result.stdout
    assert b"BG111" in result.stdout


def test_capped_utf8_paragraph_stays_utf8(tmp_path: Path, knowledge: Knowledge) -> None:
    paragraph = "Le maire a déclaré que la grève était finie à Valparaíso. " * 2000
    (tmp_path / "huge.txt").write_text(paragraph, encoding="utf-8")
    for cap in range(10_000, 10_004):  # one of four cuts falls inside a two-byte character
        corpus = read_corpus(replace(settings_for(tmp_path, knowledge), max_article_bytes=cap))
        (article,) = corpus.articles
        assert paragraph.startswith(article.text), cap
        assert [p.code for p in corpus.problems] == ["BG103"], (cap, corpus.problems)


def test_alias_bomb_is_valid_yaml() -> None:
    """The pinned bomb is what it claims: valid YAML of shared lists nine deep."""
    loaded = yaml.safe_load(ALIAS_BOMB)
    assert loaded["published"][0][0] is loaded["l8"][0]
