"""Statements on inline texts about other events: speaker, kind and words, or nothing."""

from __future__ import annotations

from typing import Any

import pytest

from briefgen.extract.names import AliasIndex
from briefgen.extract.statements import find_statements
from briefgen.model import Knowledge


def statements_of(
    text: str, nlp: Any, index: AliasIndex, knowledge: Knowledge
) -> list[tuple[str, str, str]]:
    paragraphs = tuple(p for p in text.split("\n\n") if p.strip())
    docs = list(nlp.pipe(paragraphs))
    found = find_statements("a", paragraphs, docs, index, knowledge)
    return [(s.speaker_name, s.kind, s.text) for s in found]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # speaker after the quotation
        (
            "“The port will reopen on Monday,” Mayor Maria Lopez said.",
            [("Maria Lopez", "direct", "The port will reopen on Monday")],
        ),
        # inverted: said X
        (
            '"We will not be bullied," said union leader John Kamau.',
            [("John Kamau", "direct", "We will not be bullied")],
        ),
        # speaker before, colon
        (
            'Lopez said: "Nobody wants a long strike."',
            [("Maria Lopez", "direct", "Nobody wants a long strike.")],
        ),
        # indirect speech, with a pronoun resolved to the previous sentence's subject
        (
            "Transport Minister Peter Mwangi visited the port on Friday. He told reporters that "
            "the government would not negotiate under pressure.",
            [("Peter Mwangi", "indirect", "the government would not negotiate under pressure")],
        ),
        # government by alias, indirect
        (
            "The Kenyan government said the strike was illegal.",
            [("Kenya", "indirect", "the strike was illegal")],
        ),
        # institutional speaker without a personal name
        (
            "Kenyan security officials said a curfew was planned for the port district.",
            [
                (
                    "Kenyan security officials",
                    "indirect",
                    "a curfew was planned for the port district",
                )
            ],
        ),
        # according to
        (
            "According to the Kenya Red Cross, 40 people were injured in the clashes.",
            [("Kenya Red Cross", "indirect", "40 people were injured in the clashes.")],
        ),
        # an alias inside a longer organisation name is not the principal
        (
            "The Kenya Ports Authority said 12 ships were waiting.",
            [("Kenya Ports Authority", "indirect", "12 ships were waiting")],
        ),
        # negatives: no speaker we can name, passive hearsay, no speech at all
        ("Hundreds of people are said to have died.", []),
        ("The ministry said aid had arrived.", []),
        ("He said the port was closed.", []),
        ("The strike entered its third day on Friday.", []),
        # the reported clause before its attribution
        (
            "Three bridges collapsed overnight, the regional transport authority said.",
            [("Regional transport authority", "indirect", "Three bridges collapsed overnight")],
        ),
        # a that-clause hung on "in a statement"
        (
            "The Norwegian embassy in Lima said in a statement that it would send two rescue "
            "teams.",
            [("Norwegian embassy in Lima", "indirect", "it would send two rescue teams")],
        ),
        # a role subject with the institution's name in apposition, after "the"
        (
            "The country's weather service, the Met Office, said rain would continue.",
            [("Met Office", "indirect", "rain would continue")],
        ),
        # two verbs of one speaker, each with its own clause
        (
            "Finance Minister Henrik Dahl said the deficit would narrow, adding that taxes "
            "would not rise.",
            [
                ("Henrik Dahl", "indirect", "the deficit would narrow"),
                ("Henrik Dahl", "indirect", "taxes would not rise"),
            ],
        ),
        (
            "Finance Minister Henrik Dahl said the deficit would narrow but warned that growth "
            "would slow.",
            [
                ("Henrik Dahl", "indirect", "the deficit would narrow"),
                ("Henrik Dahl", "indirect", "growth would slow"),
            ],
        ),
        # a joint source: each named voice, never the unnamed one
        (
            "Forty people were injured, according to the Red Cross and local officials.",
            [("Red Cross", "indirect", "Forty people were injured")],
        ),
        # an indirect clause, then a quotation of the same speaker in the next sentence
        (
            "Finance Minister Henrik Dahl said the deficit would narrow. “Revenue is up sharply "
            "this year.”",
            [
                ("Henrik Dahl", "indirect", "the deficit would narrow"),
                ("Henrik Dahl", "direct", "Revenue is up sharply this year."),
            ],
        ),
        # apostrophes inside British single quotes
        (
            "‘I’m not worried about the workers’ pay,’ said union leader John Kamau.",
            [("John Kamau", "direct", "I’m not worried about the workers’ pay")],
        ),
        # quotations around an attribution that start a new sentence stay two statements
        (
            "“The port will reopen,” Lopez said. “Nobody knows when the ships will come.”",
            [
                ("Maria Lopez", "direct", "The port will reopen"),
                ("Maria Lopez", "direct", "Nobody knows when the ships will come."),
            ],
        ),
        # unnamed voices: indefinite, local, owned by a pronoun, an office without a name
        ("A war monitor said 30 fighters had been killed.", []),
        ("Local media reported that the port had closed.", []),
        ("“We had nothing to do with the fire,” its spokesman said.", []),
        ("Prime Minister said the budget was balanced.", []),
        ("Lopez never said the port would close.", []),
    ],
)
def test_find_statements_shapes(
    text: str,
    expected: list[tuple[str, str, str]],
    nlp: Any,
    index: AliasIndex,
    knowledge: Knowledge,
) -> None:
    assert statements_of(text, nlp, index, knowledge) == expected


def test_find_statements_quote_over_paragraphs(
    nlp: Any, index: AliasIndex, knowledge: Knowledge
) -> None:
    text = (
        "Kenya said it was monitoring the strike and urged calm.\n\n"
        '"The port is the heart of our economy.\n\n'
        '"We urge both sides to return to talks."'
    )
    found = statements_of(text, nlp, index, knowledge)
    assert [(s, k) for s, k, _ in found] == [
        ("Kenya", "indirect"),
        ("Kenya", "direct"),
        ("Kenya", "direct"),
    ]
    assert found[2][2] == "We urge both sides to return to talks."


def test_find_statements_unresolved_verb_never_borrows(
    nlp: Any, index: AliasIndex, knowledge: Knowledge
) -> None:
    # the first sentence's verb has a speaker we cannot name: its quotation stays unattributed
    text = (
        "Fighters said they had a “strong position” in the hills. "
        "State radio claimed 300 fighters had surrendered."
    )
    found = statements_of(text, nlp, index, knowledge)
    assert all("strong position" not in words for _, _, words in found)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # "the ministry" after one ministry has spoken is that ministry
        (
            "The Peruvian health ministry said 12 clinics were closed.\n\n"
            "Aid arrived on Monday.\n\nThe ministry said vaccines had arrived.",
            [
                ("Peruvian health ministry", "indirect", "12 clinics were closed"),
                ("Peruvian health ministry", "indirect", "vaccines had arrived"),
            ],
        ),
        # ... but not after two
        (
            "The Peruvian health ministry said 12 clinics were closed. The Chilean foreign "
            "ministry said flights had resumed.\n\nThe ministry said vaccines had arrived.",
            [
                ("Peruvian health ministry", "indirect", "12 clinics were closed"),
                ("Chilean foreign ministry", "indirect", "flights had resumed"),
            ],
        ),
        # "the minister" is the antecedent when the antecedent is a minister
        (
            "Finance Minister Henrik Dahl said the deficit would narrow. The minister said "
            "taxes would not rise.",
            [
                ("Henrik Dahl", "indirect", "the deficit would narrow"),
                ("Henrik Dahl", "indirect", "taxes would not rise"),
            ],
        ),
        # ... and nobody when the antecedent holds another office
        (
            "Coach Diego Alvarez left the stadium early. The minister said the stand was unsafe.",
            [],
        ),
    ],
)
def test_find_statements_short_references(
    text: str,
    expected: list[tuple[str, str, str]],
    nlp: Any,
    index: AliasIndex,
    knowledge: Knowledge,
) -> None:
    assert statements_of(text, nlp, index, knowledge) == expected


def test_find_statements_two_people_no_antecedent(
    nlp: Any, index: AliasIndex, knowledge: Knowledge
) -> None:
    # two people as one subject: neither is "he" afterwards, and neither speaks alone
    text = (
        "Union leader Peter Njoroge and factory owner David Kimani met on Friday. "
        "He said the strike would continue."
    )
    assert statements_of(text, nlp, index, knowledge) == []


@pytest.mark.parametrize(
    ("phrase", "expected"),
    [
        ("Lopez", "Maria Lopez"),
        ("Mayor Lopez", "Maria Lopez"),  # a title
        ("Mr Lopez", "Maria Lopez"),  # a rank
        ("Premier Lopez", "Maria Lopez"),
        ("Speaker Lopez", "Maria Lopez"),
        ("Santa Clara's Lopez", "Maria Lopez"),  # a possessive
        ("port police chief Lopez", "Maria Lopez"),  # lower-case words
        ("Maria J. Lopez", "Maria Lopez"),  # her own name and an initial
        ("Carlos Lopez", None),  # another person of that surname
        ("Harbour Master Carlos Lopez", None),
        ("the Kenyan government", "Kenya"),
        ("the Law Society of Kenya", None),
    ],
)
def test_a_surname_alias_is_not_another_persons_name(
    phrase: str, expected: str | None, index: AliasIndex
) -> None:
    from briefgen.extract.names import match_principal

    found = match_principal(phrase, index)
    assert (found.name if found else None) == expected


def test_a_namesake_of_a_principal_keeps_his_own_words(
    nlp: Any, index: AliasIndex, knowledge: Knowledge
) -> None:
    """The mayor's brother shares her surname: his words, named in full, by a pronoun or by
    the bare surname after his full name, are never hers; hers stay hers."""
    text = (
        "Mayor Maria Lopez said the port would reopen on Monday.\n\n"
        "Lopez added that the city would pay the dockers' overtime.\n\n"
        "Harbour Master Carlos Lopez, the mayor's brother, said the cranes had been damaged. "
        "He added that repairs would take a week.\n\n"
        "Lopez, who also runs the pilots' service, said two ships had been turned away."
    )
    found = statements_of(text, nlp, index, knowledge)
    hers = [t for speaker, _, t in found if speaker == "Maria Lopez"]
    assert hers == [
        "the port would reopen on Monday",
        "the city would pay the dockers' overtime",
    ]
    his = {t for speaker, _, t in found if speaker == "Carlos Lopez"}
    assert "the cranes had been damaged" in his
    assert "repairs would take a week" in his


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "Lopez, who has run the city since 2011, claimed victory in a televised address on "
            'Sunday, telling the city that voters had chosen "calm over chaos".',
            'voters had chosen "calm over chaos"',
        ),
        (
            "Harbour chief Ann Ode said 48 people had been held. She added that police would "
            'clear any road blocked by protesters "within the hour".',
            'police would clear any road blocked by protesters "within the hour"',
        ),
    ],
)
def test_a_quoted_ending_keeps_its_closing_mark(
    text: str, expected: str, nlp: Any, index: AliasIndex, knowledge: Knowledge
) -> None:
    """The parser hangs the closing mark before the full stop on the main verb, outside the
    reported clause: the statement must not show an unclosed quotation."""
    assert expected in [t for _, _, t in statements_of(text, nlp, index, knowledge)]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Turnout was 61.3%, the Port Authority said.", "Turnout was 61.3%"),
        (
            "Harbour chief Ann Ode said her own count put turnout at 57.8%.",
            "her own count put turnout at 57.8%",
        ),
    ],
)
def test_a_percentage_keeps_its_sign(
    text: str, expected: str, nlp: Any, index: AliasIndex, knowledge: Knowledge
) -> None:
    """spaCy counts '%' as punctuation: trimming a statement's punctuation must not turn
    61.3% into 61.3."""
    assert expected in [t for _, _, t in statements_of(text, nlp, index, knowledge)]


def test_a_quotation_in_another_verbs_reported_clause_is_not_taken(
    nlp: Any, index: AliasIndex, knowledge: Knowledge
) -> None:
    """The quoted words are the observers' (no speaker briefgen can name), never those of the
    authority that 'declared' a winner earlier in the sentence."""
    text = (
        "Dockers rallied on Monday after the Port Authority declared Mayor Maria Lopez the "
        'winner of the vote, as observers said the count had been marred by "serious '
        'irregularities" in the tally.'
    )
    assert statements_of(text, nlp, index, knowledge) == []
