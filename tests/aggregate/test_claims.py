"""Merging claims across articles: one group per claim, wire copies counted once, different
figures for the same thing marked disputed, two claimants never merged."""

from __future__ import annotations

from briefgen.aggregate.claims import merge_claims
from briefgen.model import ArticleFacts, Claim, ClaimKind, SourceRef

from .builders import article_facts


def claim(
    article: str,
    paragraph: int,
    figure: str,
    value: float | None,
    noun: str,
    outcome: str,
    claimant: str | None,
    *,
    qualifiers: tuple[str, ...] = (),
    kind: ClaimKind = "count",
    sentence: str = "",
) -> Claim:
    words = {"dead": "killed", "wounded": "injured"}.get(outcome, "")
    return Claim(
        kind=kind,
        figure=figure,
        value=value,
        unit="",
        counted=" ".join(w for w in (noun, words) if w),
        noun=noun,
        outcome=outcome,
        claimant_id=claimant.lower().replace(" ", "-") if claimant else None,
        claimant_name=claimant,
        claimant_text=claimant,
        qualifiers=qualifiers,
        status="unconfirmed" if qualifiers else "stated",
        sentence=sentence or f"{claimant} said {figure} {noun} were {words}.",
        source=SourceRef(article_id=article, paragraph=paragraph),
        start=0,
        end=len(figure),
    )


def facts(article_id: str, *claims: Claim) -> ArticleFacts:
    return article_facts(article_id, published="2023-03-02", claims=claims)


def test_merge_claims_groups_one_claim_and_counts_a_wire_group_once() -> None:
    corpus = [
        facts("w1", claim("w1", 2, "40", 40.0, "people", "wounded", "Red Cross")),
        facts("w2", claim("w2", 3, "40", 40.0, "people", "wounded", "Red Cross")),
        facts("x1", claim("x1", 0, "40", 40.0, "people", "wounded", "Red Cross")),
    ]
    (group,) = merge_claims(corpus, {"w1": "wire-1", "w2": "wire-1"})
    assert (group.figure, group.counted, group.claimant_name) == (
        "40",
        "people injured",
        "Red Cross",
    )
    assert [(s.article_id, s.paragraph) for s in group.sources] == [("w1", 2), ("w2", 3), ("x1", 0)]
    assert (group.lineages, group.status, group.conflicts) == (2, "stated", ())


def test_merge_claims_keeps_two_claimants_apart_and_marks_their_figures_disputed() -> None:
    corpus = [
        facts("a", claim("a", 1, "12", 12.0, "workers", "wounded", "Police")),
        facts("b", claim("b", 4, "about 30", 30.0, "strikers", "wounded", "Union")),
        facts("c", claim("c", 0, "12", 12.0, "workers", "wounded", "Union")),
    ]
    police, union_30, union_12 = merge_claims(corpus, {})
    assert [(g.figure, g.claimant_name, g.status) for g in (police, union_30, union_12)] == [
        ("12", "Police", "stated"),
        ("about 30", "Union", "stated"),
        ("12", "Union", "stated"),
    ]
    # the same outcome for the same people, other values, other articles
    disputed = [
        facts("a", claim("a", 1, "12", 12.0, "workers", "wounded", "Police")),
        facts("b", claim("b", 4, "about 30", 30.0, "workers", "wounded", "Union")),
    ]
    first, second = merge_claims(disputed, {})
    assert (first.status, first.conflicts) == ("disputed", (second.id,))
    assert (second.status, second.conflicts) == ("disputed", (first.id,))


def test_merge_claims_one_article_does_not_dispute_itself() -> None:
    corpus = [
        facts(
            "a",
            claim("a", 1, "over 300", 300.0, "people", "dead", "Monitor"),
            claim("a", 5, "four", 4.0, "people", "dead", "Monitor"),
        )
    ]
    groups = merge_claims(corpus, {})
    assert [(g.figure, g.status, g.conflicts) for g in groups] == [
        ("over 300", "stated", ()),
        ("four", "stated", ()),
    ]


def test_merge_claims_keeps_every_hedge_and_puts_assertions_last() -> None:
    corpus = [
        facts(
            "a",
            claim(
                "a",
                0,
                "",
                None,
                "",
                "",
                None,
                kind="assertion",
                qualifiers=("no independent confirmation of their claim",),
                sentence="Rebels said they had taken the dam.",
            ),
            claim("a", 2, "20", 20.0, "soldiers", "dead", "Rebels", qualifiers=("reportedly",)),
        ),
        facts(
            "b",
            claim("b", 3, "20", 20.0, "soldiers", "dead", "Rebels", qualifiers=("unverified",)),
        ),
    ]
    count, assertion = merge_claims(corpus, {})
    assert (count.qualifiers, count.status, count.lineages) == (
        ("reportedly", "unverified"),
        "unconfirmed",
        2,
    )
    assert (assertion.kind, assertion.text, assertion.claimant_text) == (
        "assertion",
        "Rebels said they had taken the dam.",
        None,
    )
