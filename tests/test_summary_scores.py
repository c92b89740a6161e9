"""The situation summary against hand labels (see summary_scores.py and bench/summary/).

Fast tests check the scoring pieces on toy texts about other events and the label files
themselves. Slow tests run briefgen on every labelled corpus and check what the issue asks of
a summary: each sentence is a sentence of its sources (verbatim in a paragraph it cites, and in
every cited paragraph verbatim or as a light wire edit), no sentence is boilerplate, and the
labelled main points stay covered: floors sit one point below the first measurement
(bench/summary/RESULTS.md), so losing a point fails; floors only go up, deliberately.
"""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any

import pytest
from summary_scores import (
    BriefingResult,
    Corpus,
    Line,
    Rendered,
    boilerplate_lines,
    comparable,
    is_boilerplate_sentence,
    is_faithful,
    labelled_corpora,
    lead_baseline,
    lexrank_baseline,
    lexrank_scores,
    read_labels,
    read_yaml,
    render_corpus,
    repeating_pairs,
    score_corpus,
    split_reference,
)

from briefgen.model import Sentence, SourceRef
from briefgen.sketch import sentence_sketch

CORPORA = labelled_corpora()
# Coverage floors: the measurement minus 0.05 (one point of 10 to 20 costs 0.05 to 0.1).
# First measured at 479d384: seeds 5/10, conflict 9/15, flood 6/9, holdout 11/18, mixed 21/27,
# port-strike 6/10; after the summary units of session 12: seeds 7/10, holdout 12/18,
# port-strike 8/10, the others unchanged.
COVERAGE_FLOORS = {
    "seeds": 0.65,
    "conflict": 0.55,
    "flood": 0.62,
    "holdout": 0.62,
    "mixed": 0.73,
    "port-strike": 0.75,
}
# Known failures, kept as strict xfails so that fixing them fails the test until the mark goes.
# (Citations of paraphrases, seeds and flood, were fixed in session 12: a variant is cited
# only when its wording is the shown one lightly edited.)
UNFAITHFUL: dict[str, str] = {}
BOILERPLATE = {
    "conflict": "the ferry summary ends with a funding appeal of 005_ferry-fjord",
    "holdout": "a photo caption of 004_election-capital leads the election summary",
}


def corpus_params(known: dict[str, str]) -> list[Any]:
    """Return one parameter per labelled corpus, marked strict xfail where known to fail."""
    return [
        pytest.param(name, marks=pytest.mark.xfail(strict=True, reason=known[name]))
        if name in known
        else name
        for name in CORPORA
    ]


def sentence(article: str, paragraph: int, text: str) -> Sentence:
    return Sentence(
        text=text,
        source=SourceRef(article_id=article, paragraph=paragraph),
        start=0,
        end=0,
        sketch=sentence_sketch(text),
    )


# ---------------------------------------------------------------- the scoring pieces


def test_lexrank_scores_star() -> None:
    texts = [
        "Flood rescue boats.",  # the centre: linked to each of the next three
        "Flood warnings issued.",
        "Rescue teams arrived.",
        "Boats sank.",
        "Stock market prices fell.",  # linked to nothing
    ]
    scores = lexrank_scores(texts)
    assert sum(scores) == pytest.approx(1.0)
    # the random jumps give each connected part a share of its size: 4/5 and 1/5
    assert scores[4] == pytest.approx(1 / 5)
    assert sum(scores[:4]) == pytest.approx(4 / 5)
    assert scores[0] > scores[1] == pytest.approx(scores[2]) == pytest.approx(scores[3])
    assert lexrank_scores([]) == []


def test_lead_baseline_takes_articles_in_turn_and_skips_copies() -> None:
    one = [sentence("a", 0, "Dockers walked out."), sentence("a", 1, "Ships wait.")]
    two = [sentence("b", 0, "Dockers  walked out."), sentence("b", 0, "Talks are due.")]
    three = [sentence("c", 2, "Police detained 23.")]
    lines = lead_baseline([one, two, three], 4)
    assert [line.text for line in lines] == [
        "Dockers walked out.",
        "Police detained 23.",
        "Ships wait.",
        "Talks are due.",
    ]
    assert lines[1].sources == (("c", 2),)


def test_lexrank_baseline_keeps_the_articles_order() -> None:
    one = [sentence("a", 0, "Flood warnings issued."), sentence("a", 1, "Rescue teams arrived.")]
    two = [sentence("b", 0, "Flood rescue boats."), sentence("b", 1, "Boats sank.")]
    assert [line.text for line in lexrank_baseline([one, two], 1)] == ["Flood rescue boats."]
    lines = lexrank_baseline([two, one], 4)
    assert [line.sources for line in lines] == [(("b", 0),), (("b", 1),), (("a", 0),), (("a", 1),)]


PARAGRAPHS = {
    "wire": (
        "Dock workers at the country’s two busiest ports extended their strike Friday, leaving "
        "ships at anchor. The union said 9,000 members walked out.",
    ),
    "copy": (
        "Dock workers at the country's two busiest ports extended their strike on Friday, "
        "leaving ships at anchor.",
    ),
    "other": ("The union claimed officers fired rubber pellets, without providing evidence.",),
}
STRIKE = "Dock workers at the country's two busiest ports extended their strike Friday, leaving ships at anchor."  # noqa: E501


@pytest.mark.parametrize(
    ("sources", "faithful"),
    [
        ((("wire", 0),), True),  # verbatim, but for the apostrophe
        ((("wire", 0), ("copy", 0)), True),  # "on Friday" in the copy: a light edit
        ((("wire", 0), ("other", 0)), False),  # cites a paragraph that says something else
        ((("wire", 3),), False),  # no such paragraph
        ((), True),  # nothing cited, nothing to misquote (counted as uncited instead)
    ],
)
def test_is_faithful(sources: tuple[tuple[str, int], ...], faithful: bool) -> None:
    assert is_faithful(Line(STRIKE, sources), PARAGRAPHS) is faithful


CAPTIONS = [
    "Rescue workers stand at the flooded school in Chhatak. Photo: Reuters",
    "Constitutional Court",
    "Sign up for our morning newsletter and get the five stories you need",
]


@pytest.mark.parametrize(
    ("text", "boilerplate"),
    [
        ("Rescue workers stand at the flooded school in Chhatak.", True),  # a caption's part
        ("The Constitutional Court struck down the law on Friday.", False),  # a tag inside
        ("Sign up for our morning newsletter and get the five stories you need.", True),
        ("Rescue workers reached the school.", False),
    ],
)
def test_is_boilerplate_sentence(text: str, boilerplate: bool) -> None:
    assert is_boilerplate_sentence(text, CAPTIONS) is boilerplate


def test_repeating_pairs_counts_near_copies_only() -> None:
    texts = [
        "The water board said the river was 61 centimetres above the danger mark.",
        "The river was still 61 centimetres above the danger mark, the water board said.",
        "Japan pledged $2.5 million in emergency aid.",
    ]
    assert repeating_pairs(texts, texts) == (1, 3)
    assert repeating_pairs(texts[:1], texts) == (0, 0)


def test_split_reference() -> None:
    text = 'He said "we will stay out." The minister disagreed! Talks resume on Monday.'
    assert split_reference(text) == [
        'He said "we will stay out."',
        "The minister disagreed!",
        "Talks resume on Monday.",
    ]
    assert comparable("The Union’s  “Offer” – now") == 'the union\'s "offer" - now'


# ---------------------------------------------------------------- the label files


def corpus_dir(corpus: Corpus) -> Path:
    return corpus.config.parent / "seeds"


@pytest.mark.parametrize("name", list(CORPORA))
def test_summary_labels_are_well_formed(name: str) -> None:
    corpus = CORPORA[name]
    ids = {p.stem for p in corpus_dir(corpus).iterdir() if not p.name.endswith(".meta.yml")}
    for entry in read_yaml(corpus.labels)["briefings"]:
        assert set(entry["articles"]) <= ids
        assert 5 <= len(entry["points"]) <= 10, entry["articles"]
        for claim in entry["claims"]:
            assert set(claim["articles"]) <= set(entry["articles"]), claim
            assert claim["status"] in {"unconfirmed", "disputed", "stated"}, claim
            assert isinstance(claim["qualifiers"], list), claim
        for event in entry["timeline"]:
            assert set(event["articles"]) <= set(entry["articles"]), event
            assert re.fullmatch(r"\d{4}(-\d\d){0,2}", event["date"]), event
            assert isinstance(event["background"], bool), event
    for label in read_labels(corpus):
        reference = split_reference(label.reference)
        assert 5 <= len(reference) <= 8, reference
        # the reference is a fair summary: it covers every main point
        for point in label.points:
            assert any(map(point.is_covered_by, reference)), point.id


def test_every_labelled_corpus_has_a_floor() -> None:
    assert COVERAGE_FLOORS.keys() == CORPORA.keys()


# ---------------------------------------------------------------- briefgen's summaries


@pytest.fixture(scope="module")
def rendered(nlp: Any) -> dict[str, Rendered]:
    """Every labelled corpus run through briefgen (once for all slow tests)."""
    return {name: render_corpus(c, nlp) for name, c in CORPORA.items()}


@pytest.fixture(scope="module")
def results(rendered: dict[str, Rendered]) -> dict[str, list[BriefingResult]]:
    return {name: score_corpus(c, rendered[name]) for name, c in CORPORA.items()}


@pytest.mark.slow
@pytest.mark.parametrize("name", list(CORPORA))
def test_summary_points_cover_floor(name: str, results: dict[str, list[BriefingResult]]) -> None:
    scores = [r.scores["briefgen"] for r in results[name]]
    covered, points = sum(s.covered for s in scores), sum(s.points for s in scores)
    missed = {r.slug: r.scores["briefgen"].missed for r in results[name]}
    assert points > 0
    assert covered / points >= COVERAGE_FLOORS[name], missed


@pytest.mark.slow
@pytest.mark.parametrize("name", list(CORPORA))
def test_summary_sentence_stands_in_a_cited_paragraph(
    name: str, rendered: dict[str, Rendered]
) -> None:
    export, paragraphs = rendered[name].export, rendered[name].paragraphs
    for briefing in export["briefings"]:
        assert briefing["summary"], briefing["slug"]
        for item in briefing["summary"]:
            cited = [paragraphs[p["article"]][p["paragraph"]] for p in item["paragraphs"]]
            assert cited, item["text"]
            assert any(comparable(item["text"]) in comparable(p) for p in cited), item["text"]


@pytest.mark.slow
@pytest.mark.parametrize("name", corpus_params(UNFAITHFUL))
def test_summary_sentence_stands_in_every_cited_paragraph(
    name: str, results: dict[str, list[BriefingResult]], rendered: dict[str, Rendered]
) -> None:
    paragraphs = rendered[name].paragraphs
    wrong = [
        (line.text, line.sources)
        for r in results[name]
        for line in r.summaries["briefgen"]
        if not is_faithful(line, paragraphs)
    ]
    assert not wrong


@pytest.mark.slow
@pytest.mark.parametrize("name", corpus_params(BOILERPLATE))
def test_summary_has_no_boilerplate(name: str, results: dict[str, list[BriefingResult]]) -> None:
    lines = boilerplate_lines(CORPORA[name])
    found = [
        line.text
        for r in results[name]
        for line in r.summaries["briefgen"]
        if is_boilerplate_sentence(line.text, lines)
    ]
    assert not found
