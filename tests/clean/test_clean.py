"""Cleaning: boilerplate out, every real paragraph in, metadata as the text gives it."""

from __future__ import annotations

import hashlib
from pathlib import Path

import pytest

from briefgen.clean import clean_article
from briefgen.clean.boilerplate import judge_line
from briefgen.model import CleanArticle, Knowledge, RawArticle

SEEDS = Path(__file__).resolve().parents[2] / "seeds"


def raw(text: str, article_id: str = "a") -> RawArticle:
    return RawArticle(
        id=article_id,
        path=f"seeds/{article_id}.txt",
        format="text",
        text=text,
        sha256=hashlib.sha256(text.encode()).hexdigest(),
    )


def cleaned(text: str, knowledge: Knowledge) -> CleanArticle:
    result = clean_article(raw(text), knowledge)
    assert isinstance(result, CleanArticle), result
    return result


@pytest.mark.parametrize(
    ("line", "expected"),
    [
        ("Listen to this article", "page furniture"),
        ("Read more: Floods close schools across the region", "page furniture"),
        ("Your support helps us to tell the story", "page furniture"),
        ("We believe quality journalism should be available to everyone.", "addresses the reader"),
        ("Port strike enters its third day", "label, not a paragraph"),
        ("The union said 9,000 members had walked out.", None),
        ("There was no independent confirmation.", None),
        ('"We will not go back," the union leader said.', None),
        ('"You cannot run a port like this," she said.', None),
    ],
)
def test_judge_line(line: str, expected: str | None, knowledge: Knowledge) -> None:
    assert judge_line(line, knowledge, set()) == expected


def test_clean_article_other_world(knowledge: Knowledge) -> None:
    text = (
        "Stay up to date with notifications from The Harbour Post\n\n"
        "Mombasa dock strike enters third day as talks stall\n\n"
        "By Jane Otieno\n\n14 March 2025, 09:30 | Updated: 14 March 2025, 11:05\n\n"
        "Listen to this article\n\n"
        "Dock workers in Mombasa stayed off the job on Friday.\n\n"
        "Strikers gather at the gate.\nStrikers gather at the gate. Picture: Alamy\n\n"
        "Mayor Maria Lopez said the city would mediate.\n\n"
        "More Latest News\n\nCelebrity chef opens new restaurant\n"
    )
    article = cleaned(text, knowledge)
    assert article.paragraphs == (
        "Dock workers in Mombasa stayed off the job on Friday.",
        "Mayor Maria Lopez said the city would mediate.",
    )
    assert article.meta.title == "Mombasa dock strike enters third day as talks stall"
    assert article.meta.authors == ("Jane Otieno",)
    assert article.meta.published == "2025-03-14T09:30:00"
    assert article.meta.updated == "2025-03-14T11:05:00"
    assert article.meta.outlet == "The Harbour Post"
    assert "Celebrity chef opens new restaurant" in {d.text for d in article.dropped}


@pytest.mark.parametrize(
    ("line", "published", "updated"),
    [
        ("Published 9 April 2025, 10:15", "2025-04-09T10:15:00", None),
        ("9 April 2025 | Updated 2 hours ago", "2025-04-09", None),
        ("Published: yesterday", None, None),
        ("1744191300", None, None),
    ],
)
def test_dates_are_read_only_as_written_never_against_the_build_clock(
    line: str, published: str | None, updated: str | None
) -> None:
    from briefgen.clean.header import parse_date_line

    assert parse_date_line(line) == (published, updated)


def test_clean_article_wire_dateline_without_headline(knowledge: Knowledge) -> None:
    text = " date 2025-03-14 NAIROBI, Kenya (AP) — Talks to end the strike resumed on Friday.\n"
    article = cleaned(text, knowledge)
    assert article.meta.outlet == "AP"
    assert article.meta.dateline == "Nairobi, Kenya"
    assert article.meta.published == "2025-03-14"
    assert article.meta.title_generated
    assert article.paragraphs == ("Talks to end the strike resumed on Friday.",)


@pytest.mark.parametrize(
    ("seed", "kept", "dropped"),
    [
        (
            "000_36eac35f712b03ed",
            "He added that 65 Syrian troops were taken prisoner",
            "Loading audio...",
        ),
        (
            "001_fc500a8bbe85a549",
            "There was no independent confirmation of their claim.",
            "The Independent is trusted by Americans",
        ),
        (
            "002_c4c0a6a114c8052c",
            "Abdulghani said 65 Syrian troops were taken prisoner",
            "Syrian troops fortify northern Hama as jets pound Idlib",
        ),
        (
            "003_2491f251732851fd",
            '"At the same time, the United States has nothing to do',
            "Hot cross bun shortage looms",
        ),
        (
            "003_2491f251732851fd",
            "Colonel Philip Ingram, a former British Army intelligence",
            "Read more: RAF drone killed",
        ),
        (
            "004_854557fa132e1351",
            "There was no independent confirmation of their claim.",
            "(Omar Albam/AP)",
        ),
    ],
)
def test_clean_article_seeds(seed: str, kept: str, dropped: str, knowledge: Knowledge) -> None:
    article = cleaned((SEEDS / f"{seed}.txt").read_text(encoding="utf-8"), knowledge)
    body = "\n".join(article.paragraphs)
    assert kept in body
    assert dropped not in body
    assert any(dropped in d.text for d in article.dropped)


@pytest.mark.parametrize(
    ("line", "place"),
    [
        ("KISUMU, Nov 10 (Reuters) - Dockers walked out.", "Kisumu"),  # the date is no country
        ("KISUMU, Kenya, Nov. 10 (Reuters) - Dockers walked out.", "Kisumu, Kenya"),
        ("KISUMU, Kenya (AP) — Dockers walked out.", "Kisumu, Kenya"),
    ],
)
def test_wire_datelines_give_the_place_only(line: str, place: str) -> None:
    from briefgen.clean.patterns import DATELINE

    found = DATELINE.match(line)
    assert found is not None
    assert found["place"].strip().title() == place


@pytest.mark.parametrize(
    ("line", "iso"),
    [
        ("10th November 2025, 4:45 pm", "2025-11-10T16:45:00"),
        ("November 10th, 2025", "2025-11-10"),
        ("1st of December 2024", "2024-12-01"),
    ],
)
def test_date_lines_with_ordinals(line: str, iso: str) -> None:
    from briefgen.clean.header import is_date_line, parse_date_line

    assert is_date_line(line)
    assert parse_date_line(line)[0] == iso


def test_a_role_after_a_byline_name_is_no_author() -> None:
    from briefgen.clean.header import split_authors

    assert split_authors("Amina Otieno, East Africa Correspondent") == ("Amina Otieno",)
    assert split_authors("Amina Otieno and Joe Kim") == ("Amina Otieno", "Joe Kim")
