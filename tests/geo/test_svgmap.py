"""The SVG map: well-formed, inert whatever the names, small, labelled and deterministic."""

from __future__ import annotations

import xml.etree.ElementTree as ET

import pytest

from briefgen.geo import LocatedPlace, PlaceMap, draw_map, load_gazetteer, locate_places
from briefgen.geo.svgmap import merge_spots, num
from briefgen.model import Place, SourceRef

SVG = "{http://www.w3.org/2000/svg}"
HOSTILE = (
    "<script>window.__pwned=1</script>",
    '"onload="window.__pwned=2',
    "]]><svg onload=alert(3)>",
    "Port &amp; Harbour\x00\x1b\ufffe",
)


def place(name: str, mentions: int) -> Place:
    return Place(
        name=name, label="GPE", mentions=mentions, sources=(SourceRef(article_id="a", paragraph=0),)
    )


def kenya_story() -> PlaceMap:
    names = [("Mombasa", 5), ("Nairobi", 4), ("Kenya", 3), ("Port Avalon", 2), ("Kisumu", 1)]
    return locate_places([place(n, m) for n, m in names], load_gazetteer())


def parse(svg: str) -> ET.Element:
    root = ET.fromstring(svg)
    assert root.tag == f"{SVG}svg"
    return root


def texts(root: ET.Element) -> list[str]:
    return [t.text or "" for t in root.iter(f"{SVG}text")]


def test_draw_map_is_well_formed_labelled_and_accessible() -> None:
    svg = draw_map(kenya_story(), load_gazetteer(), "Dock strike in Mombasa")
    root = parse(svg)
    assert root.get("role") == "img"
    assert root.get("aria-labelledby") == "map-title map-desc"
    assert root.find(f"{SVG}title").text == "Map: Dock strike in Mombasa"  # type: ignore[union-attr]
    desc = root.find(f"{SVG}desc").text  # type: ignore[union-attr]
    assert desc == (
        "4 places the articles name, with mentions: Mombasa (5), Nairobi (4), Kenya (3), Kisumu (1)"
    )
    assert {"Mombasa (5)", "Nairobi (4)", "Kenya (3)", "Kisumu (1)"} <= set(texts(root))
    assert "Port Avalon (2)" not in svg  # unlocated: listed on the page, never on the map
    assert len(list(root.iter(f"{SVG}circle"))) == 4
    assert any(p.get("fill") == "#e6d6b0" for p in root.iter(f"{SVG}path"))  # Kenya tinted
    assert "GeoNames" in texts(root)[-1]


def test_draw_map_keeps_hostile_names_inert() -> None:
    located = kenya_story().located[0]
    hostile = PlaceMap(
        located=tuple(
            LocatedPlace(
                place=place(name, 2),
                kind=located.kind,
                lat=located.lat + n,
                lon=located.lon + n,
                country_code="KE",
                country="Kenya",
                matched="Mombasa",
            )
            for n, name in enumerate(HOSTILE)
        ),
        unlocated=(),
        countries=(),
    )
    root = parse(draw_map(hostile, load_gazetteer(), HOSTILE[0]))
    tags = {element.tag.removeprefix(SVG) for element in root.iter()}
    assert tags <= {"svg", "title", "desc", "rect", "g", "path", "circle", "text"}, tags
    attributes = {name for element in root.iter() for name in element.attrib}
    assert not [a for a in attributes if a.lower().startswith("on")], attributes
    shown = texts(root) + [t.text or "" for t in root.iter(f"{SVG}title")]
    assert "<script>window.__pwned=1</script> (2)" in shown
    assert '"onload="window.__pwned=2 (2)' in shown
    assert "Port &amp; Harbour (2)" in shown  # control characters dropped, the rest as written


def test_draw_map_is_deterministic_and_small() -> None:
    names = [("Nairobi", 9), ("United States", 3), ("Britain", 2), ("Russia", 2), ("Mombasa", 1)]
    gazetteer = load_gazetteer()
    located = locate_places([place(n, m) for n, m in names], gazetteer)
    first, second = (draw_map(located, gazetteer, "World") for _ in range(2))
    assert first == second
    # A world view of 110m outlines, thinned and in whole pixels.
    assert len(first.encode()) < 60_000, len(first.encode())
    root = parse(first)
    # Towns cluster in East Africa, countries lie far away: a detail panel above the world.
    panels = [g for g in root.findall(f"{SVG}g") if g.get("transform", "").startswith("translate")]
    assert len(panels) == 2
    dashed = [r for r in root.iter(f"{SVG}rect") if r.get("stroke-dasharray")]
    assert len(dashed) == 1


def test_draw_map_one_panel_for_one_region() -> None:
    root = parse(draw_map(kenya_story(), load_gazetteer(), "Kenya"))
    assert len([g for g in root.findall(f"{SVG}g") if g.get("transform")]) == 1


def test_merge_spots_joins_names_of_one_point() -> None:
    result = locate_places([place("United States", 2), place("U.S.", 1)], load_gazetteer())
    spots = merge_spots(result.located)
    assert [(s.name, s.mentions, s.kind) for s in spots] == [("United States", 3, "country")]


@pytest.mark.parametrize(
    ("value", "expected"), [(12.0, "12"), (-0.04, "0"), (3.14159, "3.1"), (-2.25, "-2.2")]
)
def test_num(value: float, expected: str) -> None:
    assert num(value) == expected
