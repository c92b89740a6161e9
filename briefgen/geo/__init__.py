"""Geo: a briefing's places located offline in packaged data, and drawn as a static SVG map.

`locate_places(places, load_gazetteer())` splits the places into located ones (with a point,
a kind and a country) and unlocated ones (with the reason: not found, or ambiguous);
`draw_map` draws the located ones; `map_places` does both for a briefing. No tile server, no
download, no request at run time.
"""

from briefgen.geo.gazetteer import ATTRIBUTION, Gazetteer, load_gazetteer, make_gazetteer
from briefgen.geo.locate import LocatedPlace, PlaceMap, UnlocatedPlace, locate_places
from briefgen.geo.maps import map_places
from briefgen.geo.svgmap import describe, draw_map

__all__ = [
    "ATTRIBUTION",
    "Gazetteer",
    "LocatedPlace",
    "PlaceMap",
    "UnlocatedPlace",
    "describe",
    "draw_map",
    "load_gazetteer",
    "locate_places",
    "make_gazetteer",
    "map_places",
]
