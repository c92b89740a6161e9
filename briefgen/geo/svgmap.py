"""Drawing located places as a small static SVG map: no tiles, no script, no external request.

When the towns and regions cluster in a small part of a wide view (a few towns and a distant
country), the map has two panels: the cluster in detail above, the whole view below with the
detail's box outlined. Country outlines are clipped, thinned and drawn in whole pixels, so a
map weighs a few tens of kilobytes at most. Every text comes from untrusted articles: ElementTree
escapes it, and characters XML cannot hold are dropped.
"""

from __future__ import annotations

import itertools
import math
import re
import xml.etree.ElementTree as ET
from collections.abc import Sequence
from dataclasses import dataclass

from briefgen.geo.gazetteer import ATTRIBUTION, Gazetteer
from briefgen.geo.locate import LocatedPlace, PlaceKind, PlaceMap
from briefgen.geo.projection import Box, View, contains, make_view, project, project_ring

FONT_SIZE = 12.0
DOT_RADIUS = (4.0, 12.0)  # the least and the most mentioned place
GAP = 8.0  # pixels between the detail and the overview
DETAIL_FACTOR = 3  # a detail panel when the towns span a third of the whole view or less
COLOURS = {
    "sea": "#dce9f5",
    "land": "#f3f0e8",
    "named": "#e6d6b0",  # countries the articles name
    "border": "#a39c8c",
    "dot": "#b03a2e",
    "text": "#1f1f1f",
}
# Characters XML 1.0 cannot hold, even escaped.
_NOT_XML = re.compile("[^\t\n\r\x20-\ud7ff\ue000-\ufffd\U00010000-\U0010ffff]")
# Where a label may go around its dot, in order: side -> text-anchor.
_SIDES = {"right": "start", "left": "end", "above": "middle", "below": "middle"}


@dataclass(frozen=True, slots=True, kw_only=True)
class Spot:
    """One dot: the places found at one point ("US" and "United States") merged."""

    name: str  # the most mentioned place's name
    mentions: int
    kind: PlaceKind
    lat: float
    lon: float


def xml_text(text: str) -> str:
    """Return text without the characters XML cannot hold (ElementTree escapes the rest)."""
    return _NOT_XML.sub("", " ".join(text.split()))


def num(value: float) -> str:
    """Return a coordinate with one decimal at most: 12.0 -> "12", -0.04 -> "0"."""
    text = f"{value:.1f}".removesuffix(".0")
    return "0" if text == "-0" else text


def merge_spots(located: Sequence[LocatedPlace]) -> tuple[Spot, ...]:
    """Return one spot per point and kind, most mentioned first (then by name)."""
    spots: dict[tuple[float, float, str], Spot] = {}
    for p in located:
        key = (p.lat, p.lon, p.kind)
        first = spots.get(key)
        spots[key] = Spot(
            name=first.name if first else p.place.name,
            mentions=p.place.mentions + (first.mentions if first else 0),
            kind=p.kind,
            lat=p.lat,
            lon=p.lon,
        )
    return tuple(sorted(spots.values(), key=lambda s: (-s.mentions, s.name, s.lat, s.lon)))


def choose_views(spots: Sequence[Spot]) -> tuple[View | None, View]:
    """Return the detail view of the towns and regions (None if it adds nothing) and the view
    of everything."""
    overview = make_view([(s.lat, s.lon) for s in spots] or [(0.0, 0.0)])
    towns = [(s.lat, s.lon) for s in spots if s.kind != "country"]
    if towns:
        detail = make_view(towns)
        if (detail.east - detail.west) * DETAIL_FACTOR <= overview.east - overview.west:
            return detail, overview
    return None, overview


def path_data(ring: Sequence[tuple[float, float]]) -> str:
    """Return the path data of a ring in whole pixels, each point relative to the last:
    "M10,20l3,-1 2,0z" ('' for fewer than three distinct points)."""
    points = [(round(x), round(y)) for x, y in ring]
    points = [p for n, p in enumerate(points) if n == 0 or p != points[n - 1]]
    if len(points) < 3:
        return ""
    steps = " ".join(f"{x - px},{y - py}" for (px, py), (x, y) in itertools.pairwise(points))
    return f"M{points[0][0]},{points[0][1]}l{steps}z"


def draw_countries(parent: ET.Element, view: View, gazetteer: Gazetteer, named: set[str]) -> None:
    """Add one path per country that shows in the view, the named ones tinted."""
    for code, country in sorted(gazetteer.countries.items()):
        if data := "".join(path_data(project_ring(view, ring)) for ring in country.outline):
            fill = COLOURS["named"] if code in named else COLOURS["land"]
            ET.SubElement(parent, "path", {"d": data, "fill": fill})


def dot_radius(mentions: int, most: int) -> float:
    """Return a dot's radius: its area grows with the place's mentions."""
    low, high = DOT_RADIUS
    return round(low + (high - low) * math.sqrt(mentions / max(most, 1)), 1)


def _overlaps(a: Box, b: Box) -> bool:
    return a[0] < b[2] and b[0] < a[2] and a[1] < b[3] and b[1] < a[3]


def label_box(x: float, y: float, r: float, text: str, side: str) -> tuple[Box, float, float]:
    """Return the box, anchor x and baseline y of a label on one side of a dot."""
    width, height = 0.6 * FONT_SIZE * len(text) + 4, FONT_SIZE + 2
    if side == "right":
        return (x + r + 2, y - height / 2, x + r + 4 + width, y + height / 2), x + r + 3, y + 4
    if side == "left":
        return (x - r - 4 - width, y - height / 2, x - r - 2, y + height / 2), x - r - 3, y + 4
    top = y - r - 2 - height if side == "above" else y + r + 2
    return (x - width / 2, top, x + width / 2, top + height), x, top + height - 3


def place_label(
    x: float, y: float, r: float, text: str, taken: list[Box], view: View
) -> tuple[str, float, float] | None:
    """Return (text-anchor, x, y) of the first free spot for a label, or None if none is;
    the spot's box joins `taken`."""
    for side, anchor in _SIDES.items():
        box, lx, ly = label_box(x, y, r, text, side)
        inside = box[0] >= 0 and box[1] >= 0 and box[2] <= view.width and box[3] <= view.height
        if inside and not any(_overlaps(box, t) for t in taken):
            taken.append(box)
            return anchor, lx, ly
    return None


def draw_spots(
    parent: ET.Element, view: View, spots: Sequence[Spot], most: int, unlabelled: View | None
) -> None:
    """Add a dot per spot in the view (biggest first) and the labels that fit, except for the
    spots within `unlabelled` (labelled in the detail panel)."""
    shown = [s for s in spots if contains(view, s.lat, s.lon)]
    placed = [(s, *project(view, s.lon, s.lat), dot_radius(s.mentions, most)) for s in shown]
    taken: list[Box] = [(x - r, y - r, x + r, y + r) for _, x, y, r in placed]
    dots = ET.SubElement(parent, "g")
    labels = ET.SubElement(parent, "g", {"font-size": num(FONT_SIZE), "fill": COLOURS["text"]})
    # A white halo under each label keeps it legible across borders and dots.
    labels.attrib |= {"stroke": "#ffffff", "stroke-width": "3", "paint-order": "stroke"}
    for spot, x, y, r in placed:
        text = xml_text(f"{spot.name} ({spot.mentions})")
        dot = ET.SubElement(dots, "g")
        ET.SubElement(dot, "title").text = text
        attrs = {"cx": num(x), "cy": num(y), "r": num(r), "fill": COLOURS["dot"]}
        if spot.kind != "city":  # a country or a region: a ring, not a town
            attrs |= {"fill-opacity": "0.35", "stroke": COLOURS["dot"], "stroke-width": "2"}
        ET.SubElement(dot, "circle", attrs)
        if unlabelled is not None and contains(unlabelled, spot.lat, spot.lon):
            continue
        if where := place_label(x, y, r, text, taken, view):
            label = ET.SubElement(labels, "text", {"x": num(where[1]), "y": num(where[2])})
            label.set("text-anchor", where[0])
            label.text = text


def draw_panel(
    svg: ET.Element, view: View, top: float, gazetteer: Gazetteer, named: set[str]
) -> ET.Element:
    """Add a panel's sea, land and frame at a height; return its group for the dots."""
    panel = ET.SubElement(svg, "g", {"transform": f"translate(0 {num(top)})"})
    size = {"width": num(view.width), "height": num(view.height)}
    ET.SubElement(panel, "rect", size | {"fill": COLOURS["sea"]})
    land = ET.SubElement(panel, "g", {"stroke": COLOURS["border"], "stroke-width": "0.7"})
    draw_countries(land, view, gazetteer, named)
    ET.SubElement(panel, "rect", size | {"fill": "none", "stroke": COLOURS["border"]})
    return panel


def outline_detail(panel: ET.Element, overview: View, detail: View) -> None:
    """Add the detail panel's box to the overview, dashed."""
    x0, y0 = project(overview, detail.west, detail.north)
    x1, y1 = project(overview, detail.east, detail.south)
    box = {"x": num(x0), "y": num(y0), "width": num(x1 - x0), "height": num(y1 - y0)}
    box |= {"fill": "none", "stroke": COLOURS["text"], "stroke-dasharray": "4 3"}
    ET.SubElement(panel, "rect", box)


def describe(place_map: PlaceMap) -> str:
    """Return a one-sentence description of the map, for its <desc>."""
    names = ", ".join(f"{p.place.name} ({p.place.mentions})" for p in place_map.located)
    count = len(place_map.located)
    return f"{count} place{'s' if count != 1 else ''} the articles name, with mentions: {names}"


def draw_map(place_map: PlaceMap, gazetteer: Gazetteer, title: str) -> str:
    """Return the SVG map of a briefing's located places (an empty sea if there are none)."""
    spots = merge_spots(place_map.located)
    most = max((s.mentions for s in spots), default=1)
    detail, overview = choose_views(spots)
    top = detail.height + GAP if detail else 0.0
    width, height = num(overview.width), num(top + overview.height + 14)
    svg = ET.Element("svg", {"xmlns": "http://www.w3.org/2000/svg"})
    svg.attrib |= {"viewBox": f"0 0 {width} {height}", "width": width, "height": height}
    svg.attrib |= {"role": "img", "aria-labelledby": "map-title map-desc"}
    svg.attrib |= {"font-family": "sans-serif"}
    ET.SubElement(svg, "title", {"id": "map-title"}).text = xml_text(f"Map: {title}")
    ET.SubElement(svg, "desc", {"id": "map-desc"}).text = xml_text(describe(place_map))
    named = set(place_map.countries)
    if detail is not None:
        draw_spots(draw_panel(svg, detail, 0.0, gazetteer, named), detail, spots, most, None)
    whole = draw_panel(svg, overview, top, gazetteer, named)
    if detail is not None:
        outline_detail(whole, overview, detail)
    draw_spots(whole, overview, spots, most, detail)
    credit = {"x": width, "y": num(top + overview.height + 11), "text-anchor": "end"}
    credit |= {"font-size": "9", "fill": COLOURS["text"]}
    ET.SubElement(svg, "text", credit).text = ATTRIBUTION
    ET.indent(svg, space="")
    return ET.tostring(svg, encoding="unicode") + "\n"
