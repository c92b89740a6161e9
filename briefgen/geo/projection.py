"""The view of a map: which part of the world it shows, projected to pixels and clipped.

An equirectangular projection whose longitudes are scaled by the cosine of the middle
latitude: good enough for a region, honest about a world view, and a few lines of code.
"""

from __future__ import annotations

import math
from collections.abc import Sequence
from dataclasses import dataclass

from briefgen.geo.gazetteer import Ring

WIDTH = 800.0
PADDING = 0.2  # of the places' span, on each side
MIN_PADDING = 1.5  # degrees
MIN_SPAN = 6.0  # degrees: one city alone is shown with its surroundings
RATIO = (0.5, 0.8)  # height / width, at least and at most
MAX_LAT = 80.0
MIN_STEP = 1.5  # pixels: an outline keeps no two points closer than this
Box = tuple[float, float, float, float]  # x0, y0, x1, y1


@dataclass(frozen=True, slots=True, kw_only=True)
class View:
    """The part of the world the map shows, and its size in pixels."""

    west: float
    east: float
    south: float
    north: float
    kx: float  # cos(middle latitude): how much a degree of longitude shrinks
    scale: float  # pixels per degree of latitude
    width: float
    height: float


def _padded(low: float, high: float) -> tuple[float, float]:
    """Return a span padded on both sides and widened to MIN_SPAN."""
    pad = max((high - low) * PADDING, MIN_PADDING)
    low, high = low - pad, high + pad
    grow = max(0.0, MIN_SPAN - (high - low)) / 2
    return low - grow, high + grow


def make_view(points: Sequence[tuple[float, float]], width: float = WIDTH) -> View:
    """Return the view of (lat, lon) points: padded, with a height/width within RATIO."""
    south, north = _padded(min(p[0] for p in points), max(p[0] for p in points))
    west, east = _padded(min(p[1] for p in points), max(p[1] for p in points))
    south, north = max(south, -MAX_LAT), min(north, MAX_LAT)
    kx = math.cos(math.radians((south + north) / 2))
    wide, high = (east - west) * kx, north - south
    if high / wide > RATIO[1]:  # too tall: show more longitude
        extra = (high / RATIO[1] - wide) / kx / 2
        west, east = west - extra, east + extra
    elif high / wide < RATIO[0]:  # too flat: show more latitude
        extra = (wide * RATIO[0] - high) / 2
        south, north = max(south - extra, -MAX_LAT), min(north + extra, MAX_LAT)
    scale = width / ((east - west) * kx)
    return View(
        west=west,
        east=east,
        south=south,
        north=north,
        kx=kx,
        scale=scale,
        width=width,
        height=round((north - south) * scale, 1),
    )


def project(view: View, lon: float, lat: float) -> tuple[float, float]:
    """Return the pixel position of a point."""
    return (lon - view.west) * view.kx * view.scale, (view.north - lat) * view.scale


def _clip_edge(
    points: list[tuple[float, float]], axis: int, limit: float, keep_below: bool
) -> list[tuple[float, float]]:
    """Return a ring clipped against one edge of a box (one Sutherland-Hodgman step)."""

    def inside(p: tuple[float, float]) -> bool:
        return p[axis] <= limit if keep_below else p[axis] >= limit

    out: list[tuple[float, float]] = []
    for n, current in enumerate(points):
        previous = points[n - 1]
        if inside(current) != inside(previous):  # the edge crosses the line: add the crossing
            t = (limit - previous[axis]) / (current[axis] - previous[axis])
            x = previous[0] + t * (current[0] - previous[0])
            y = previous[1] + t * (current[1] - previous[1])
            out.append((x, y))
        if inside(current):
            out.append(current)
    return out


def clip_ring(points: list[tuple[float, float]], box: Box) -> list[tuple[float, float]]:
    """Return a ring of pixel points clipped to a box (empty if it lies outside)."""
    for axis, limit, keep_below in ((0, box[0], False), (0, box[2], True)):
        points = _clip_edge(points, axis, limit, keep_below) if points else points
    for axis, limit, keep_below in ((1, box[1], False), (1, box[3], True)):
        points = _clip_edge(points, axis, limit, keep_below) if points else points
    return points


def thin_ring(points: list[tuple[float, float]]) -> list[tuple[float, float]]:
    """Return a ring without the points closer than MIN_STEP to the last one kept."""
    kept: list[tuple[float, float]] = []
    for x, y in points:
        if not kept or abs(x - kept[-1][0]) + abs(y - kept[-1][1]) >= MIN_STEP:
            kept.append((x, y))
    return kept


def touches(view: View, ring: Ring) -> bool:
    """Return True if a ring's box of (lon, lat) overlaps the view's."""
    lons, lats = [p[0] for p in ring], [p[1] for p in ring]
    return (
        min(lons) <= view.east
        and max(lons) >= view.west
        and min(lats) <= view.north
        and max(lats) >= view.south
    )


def project_ring(view: View, ring: Ring) -> list[tuple[float, float]]:
    """Return an outline ring in pixels, clipped to the view and thinned (empty if unseen)."""
    if not ring or not touches(view, ring):
        return []
    box = (0.0, 0.0, view.width, view.height)
    return thin_ring(clip_ring([project(view, lon, lat) for lon, lat in ring], box))


def contains(view: View, lat: float, lon: float) -> bool:
    """Return True if a point lies within the view."""
    return view.south <= lat <= view.north and view.west <= lon <= view.east
