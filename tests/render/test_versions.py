"""Wire copies side by side: each version's paragraphs against the group's first version."""

from __future__ import annotations

import pytest

from briefgen.model import WireGroup
from briefgen.render.versions import compare_paragraphs, version_groups

from .strike import PARAGRAPHS, article, briefing

EDITED = "The union said about 4,000 of its members had joined the strike on Monday."


@pytest.mark.parametrize(
    ("other", "expected"),
    [
        (PARAGRAPHS, (3, 0, 0, 0)),
        (PARAGRAPHS[:2], (2, 0, 0, 1)),  # the last paragraph cut
        ((PARAGRAPHS[0], EDITED, PARAGRAPHS[2]), (2, 1, 0, 0)),
        ((*PARAGRAPHS, "Talks resume on Thursday at the labour ministry."), (3, 0, 1, 0)),
        (("Talks resume on Thursday at the labour ministry.",), (0, 0, 1, 3)),
        ((PARAGRAPHS[2], PARAGRAPHS[0]), (2, 0, 0, 1)),  # reordered
    ],
)
def test_compare_paragraphs(other: tuple[str, ...], expected: tuple[int, int, int, int]) -> None:
    assert compare_paragraphs(PARAGRAPHS, other) == expected


def test_version_groups_in_source_order() -> None:
    first = article("001_wire", "Dockers walk out", wire_group="wire-1")
    copy = article(
        "003_copy", "Dockers walk out", wire_group="wire-1", paragraphs=(PARAGRAPHS[0], EDITED)
    )
    alone = article("002_herald", "Dockers strike")
    group = WireGroup(id="wire-1", article_ids=("003_copy", "001_wire"))
    strike = briefing((first, alone, copy), wire_groups=(group,))
    numbers = {"001_wire": 1, "002_herald": 2, "003_copy": 3}
    (found,) = version_groups(strike, numbers)
    assert found.id == "wire-1"
    assert [(v.number, v.same, v.edited, v.added, v.missing) for v in found.versions] == [
        (1, 3, 0, 0, 0),
        (3, 1, 1, 0, 1),
    ]
