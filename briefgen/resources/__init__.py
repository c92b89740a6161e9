"""General language knowledge as sorted data files, and the loader that builds `Knowledge`."""

from __future__ import annotations

from importlib import resources

from briefgen.model import Knowledge, Principal


def read_lines(name: str) -> tuple[str, ...]:
    """Return the non-comment, non-empty lines of a packaged resource file."""
    text = resources.files(__package__).joinpath(name).read_text(encoding="utf-8")
    return tuple(
        line.rstrip("\n") for line in text.splitlines() if line.strip() and not line.startswith("#")
    )


def read_rows(name: str) -> tuple[tuple[str, ...], ...]:
    """Return the rows of a tab-separated resource."""
    return tuple(tuple(line.split("\t")) for line in read_lines(name))


def load_knowledge(principals: tuple[Principal, ...]) -> Knowledge:
    """Return Knowledge: the configured principals plus the packaged language data."""
    return Knowledge(
        principals=principals,
        speech_verbs=frozenset(read_lines("speech_verbs.txt")),
        titles=tuple(sorted((row[0], row[1]) for row in read_rows("titles.tsv"))),
        ranks=frozenset(row[0].lower() for row in read_rows("titles.tsv") if row[2] == "rank"),
        boilerplate=read_lines("boilerplate.txt"),
        end_markers=read_lines("end_markers.txt"),
        speaker_nouns=frozenset(read_lines("speaker_nouns.txt")),
        dependent_openers=frozenset(read_lines("dependent_openers.txt")),
        official_words=frozenset(read_lines("official_words.txt"))
        | frozenset(row[1].lower() for row in read_rows("titles.tsv") if row[2] == "office"),
        not_official_words=frozenset(read_lines("not_official_words.txt")),
    )
