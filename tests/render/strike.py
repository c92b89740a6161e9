"""Small briefings of another world (a dock strike in an invented port), built by hand."""

from __future__ import annotations

from briefgen.model import (
    ArticleMeta,
    Briefing,
    Cited,
    MergedStatement,
    SourceArticle,
    SourceRef,
    SpeakerStatements,
    WireGroup,
)

PARAGRAPHS = (
    "Dock workers in Port Avalon walked out on Monday over pay.",
    "The union said 4,000 members had joined the strike.",
    "Harbour master Ines Caro said ships would wait offshore.",
)


def article(
    id_: str,
    title: str,
    *,
    paragraphs: tuple[str, ...] = PARAGRAPHS,
    published: str | None = "2025-03-10",
    updated: str | None = None,
    outlet: str | None = "Avalon Post",
    wire_group: str | None = None,
) -> SourceArticle:
    """Return an article of the strike."""
    return SourceArticle(
        id=id_,
        path=f"seeds/{id_}.txt",
        meta=ArticleMeta(
            title=title,
            title_generated=False,
            outlet=outlet,
            authors=(),
            published=published,
            updated=updated,
            dateline=None,
        ),
        wire_group=wire_group,
        paragraphs=paragraphs,
    )


def said(speaker: str, text: str, *sources: SourceRef) -> SpeakerStatements:
    """Return one speaker's one statement."""
    return SpeakerStatements(
        speaker_id=speaker.lower().replace(" ", "-"),
        speaker_name=speaker,
        role="",
        principal=False,
        statements=(
            MergedStatement(
                kind="indirect",
                cue="said",
                text=text,
                speaker_text=speaker,
                sources=sources,
                lineages=1,
            ),
        ),
    )


def briefing(
    articles: tuple[SourceArticle, ...],
    statements: tuple[SpeakerStatements, ...] = (),
    *,
    slug: str = "2025-03-10-port-avalon",
    title: str = "Dock strike in Port Avalon",
    wire_groups: tuple[WireGroup, ...] = (),
) -> Briefing:
    """Return a briefing of the strike."""
    return Briefing(
        slug=slug,
        title=title,
        period=("2025-03-10", "2025-03-11"),
        lead="Dock workers in Port Avalon walked out on Monday over pay.",
        summary=(
            Cited(text=PARAGRAPHS[0], sources=(SourceRef(article_id=articles[0].id, paragraph=0),)),
        ),
        actors=(),
        statements=statements,
        articles=articles,
        wire_groups=wire_groups,
    )
