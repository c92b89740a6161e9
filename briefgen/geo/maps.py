"""A briefing's map in one call: its places located in the packaged gazetteer, and drawn."""

from __future__ import annotations

from collections.abc import Callable, Sequence

from briefgen.geo.gazetteer import Gazetteer, load_gazetteer
from briefgen.geo.locate import PlaceMap, locate_places
from briefgen.geo.svgmap import draw_map
from briefgen.model import Place

NO_PLACES = PlaceMap(located=(), unlocated=(), countries=())


def map_places(
    places: Sequence[Place], title: str, load: Callable[[], Gazetteer] = load_gazetteer
) -> tuple[PlaceMap, str]:
    """Return the places split into located and unlocated ones, and the SVG map of the
    located ones ('' if none is located). The gazetteer is loaded (by `load`) only if there
    are places."""
    if not places:
        return NO_PLACES, ""
    gazetteer = load()
    place_map = locate_places(places, gazetteer)
    return place_map, draw_map(place_map, gazetteer, title) if place_map.located else ""
