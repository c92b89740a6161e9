"""The configured principals of the inline test texts: a strike in a port city, not the seeds'
world. Shared by tests/conftest.py and bench/quotes/score.py so both score the same setup."""

from __future__ import annotations

from briefgen.model import Principal

PORT_CITY_PRINCIPALS = (
    Principal(
        id="maria-lopez",
        name="Maria Lopez",
        type="person",
        role="Mayor",
        aliases=("Maria Lopez", "Lopez", "Mayor Maria Lopez"),
    ),
    Principal(
        id="kenya",
        name="Kenya",
        type="government",
        role="",
        aliases=("Kenya", "Nairobi", "the Kenyan government"),
    ),
)
