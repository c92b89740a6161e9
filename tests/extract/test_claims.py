"""Claims on inline texts about other events: the figure, what it counts, who claims it and
the hedges that qualify it, or nothing."""

from __future__ import annotations

from typing import Any

import pytest

from briefgen.extract.claims import find_claims
from briefgen.extract.names import AliasIndex
from briefgen.extract.numbers import parse_number
from briefgen.extract.statements import find_statements
from briefgen.model import Knowledge

Row = tuple[str, float | None, str, str | None, tuple[str, ...], str]


def claims_of(text: str, nlp: Any, index: AliasIndex, knowledge: Knowledge) -> list[Row]:
    paragraphs = tuple(p for p in text.split("\n\n") if p.strip())
    docs = list(nlp.pipe(paragraphs))
    statements = find_statements("a", paragraphs, docs, index, knowledge)
    return [
        (c.figure, c.value, c.counted, c.claimant_text, c.qualifiers, c.status)
        for c in find_claims("a", docs, statements, knowledge)
    ]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # no claimant: the article states it
        (
            "At least 14 people were killed when the bridge collapsed.",
            [("At least 14", 14.0, "people killed", None, (), "stated")],
        ),
        # a speaker find_statements cannot name still claims the figure, by its words
        (
            "Police said 12 people died in the floods.",
            [("12", 12.0, "people died", "Police", (), "stated")],
        ),
        # a hedge in the next sentence of the paragraph
        (
            "The union said 3,000 workers joined the strike on Monday. The figure could not be "
            "independently verified.",
            [
                (
                    "3,000",
                    3000.0,
                    "workers",
                    "The union",
                    ("could not be independently verified",),
                    "unconfirmed",
                )
            ],
        ),
        # two claimants in one paragraph stay two claims
        (
            "Mayor Maria Lopez said 40 people were injured in the clashes, while union leader "
            "John Kamau said 75 were hurt.",
            [
                ("40", 40.0, "people injured", "Mayor Maria Lopez", (), "stated"),
                ("75", 75.0, "hurt", "union leader John Kamau", (), "stated"),
            ],
        ),
        # according to X, and a hedge in the same sentence, verbatim to the end of its clause
        (
            "Gunmen killed five guards, according to the Kenya Red Cross, which gave no evidence.",
            [
                (
                    "five",
                    5.0,
                    "guards killed",
                    "the Kenya Red Cross",
                    ("gave no evidence",),
                    "unconfirmed",
                )
            ],
        ),
        # hearsay in the passive: no claimant, a vague figure without value
        (
            "Hundreds of families are said to have fled.",
            [("Hundreds", None, "of families fled", None, ("are said to",), "unconfirmed")],
        ),
        # a hedge inside a direct quotation is the speaker's word, not the text's doubt
        (
            "“We may have lost 30 homes,” Lopez said.",
            [("30", 30.0, "homes", "Lopez", (), "stated")],
        ),
        # a hedge that is a paragraph of its own qualifies the paragraph before
        (
            "Rebels said they captured 20 soldiers near the dam.\n\n"
            "There was no independent confirmation.",
            [
                (
                    "20",
                    20.0,
                    "soldiers captured",
                    "Rebels",
                    ("no independent confirmation",),
                    "unconfirmed",
                )
            ],
        ),
        # agents of the verb are not its victims
        ("Thirty gunmen attacked the port.", []),
        # distance with a conversion in brackets: one figure, the metric value
        (
            "The flood reached a village 30 miles (48km) north of the city.",
            [("30 miles (48km)", 48.0, "north of the city", None, (), "stated")],
        ),
        # a sum written the short way
        (
            "The strike cost the port $40m, the Kenya Ports Authority said.",
            [("$40m", 40_000_000.0, "", "the Kenya Ports Authority", (), "stated")],
        ),
        # a hedged sentence without figures is an assertion
        (
            "The mayor may have known about the leak, local radio reported.",
            [("", None, "", "local radio", ("may have",), "unconfirmed")],
        ),
        (
            "There were conflicting reports over whether the dam had burst.",
            [
                (
                    "",
                    None,
                    "",
                    None,
                    ("conflicting reports over whether the dam had burst",),
                    "disputed",
                )
            ],
        ),
        # ages, ordinals, percentages, counts of nothing that matters, resolution numbers
        (
            "The 38-year-old driver was arrested. The strike entered its third day. Turnout was "
            "45 percent. The two-pronged plan failed. The council passed Resolution 2254.",
            [],
        ),
    ],
)
def test_find_claims(
    text: str, expected: list[Row], nlp: Any, index: AliasIndex, knowledge: Knowledge
) -> None:
    assert claims_of(text, nlp, index, knowledge) == expected


def test_find_claims_offsets_point_at_the_figure(
    nlp: Any, index: AliasIndex, knowledge: Knowledge
) -> None:
    text = "Water rose overnight.\n\nOfficials said 2,500 residents were evacuated."
    paragraphs = tuple(text.split("\n\n"))
    docs = list(nlp.pipe(paragraphs))
    statements = find_statements("flood", paragraphs, docs, index, knowledge)
    (claim,) = find_claims("flood", docs, statements, knowledge)
    assert (claim.source.article_id, claim.source.paragraph) == ("flood", 1)
    assert paragraphs[1][claim.start : claim.end] == "2,500"
    assert (claim.kind, claim.noun, claim.outcome) == ("count", "residents", "evacuated")
    assert claim.sentence == paragraphs[1]


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("nearly 1,000", 1000.0),
        ("four", 4.0),
        ("more than 1,200", 1200.0),
        ("2.5 million", 2_500_000.0),
        ("twenty-one", 21.0),
        ("three hundred and forty two", 342.0),
        ("a dozen", 12.0),
        ("3m", 3_000_000.0),
        ("hundreds", None),
        ("hundreds of thousands", None),
        ("dozens", None),
    ],
)
def test_parse_number(text: str, value: float | None) -> None:
    assert parse_number(text) == value


def test_a_hedge_of_the_next_claim_stays_with_it(
    nlp: Any, index: AliasIndex, knowledge: Knowledge
) -> None:
    text = (
        "Police said 23 people were detained after clashes at the gate. The union claimed that "
        "officers had fired rubber pellets at protesters, without providing evidence."
    )
    rows = claims_of(text, nlp, index, knowledge)
    detained = next(r for r in rows if r[0] == "23")
    assert detained[4:] == ((), "stated")  # the union's "without providing evidence" is not
    assert any("without providing evidence" in q for r in rows if r[0] == "" for q in r[4])
