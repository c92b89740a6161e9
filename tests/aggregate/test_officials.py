"""Officials recognised from the text: office holders and state bodies, not former or rebel."""

from __future__ import annotations

import pytest

from briefgen.aggregate.statements import is_official
from briefgen.model import Knowledge


@pytest.mark.parametrize(
    ("name", "role", "expected"),
    [
        ("Peter Mwangi", "Transport Minister", True),
        ("Brazil's foreign ministry", "", True),
        ("Kenyan security officials", "", True),
        ("Ana Ruiz", "spokeswoman for the interior ministry", True),
        ("Tom Berg", "the company's chief executive", False),
        ("John Kamau", "union leader", False),
        ("Jane Otieno", "Britain's former ambassador to Kenya", False),
        ("Omar Haddad", "rebel commander", False),
        ("Lucia Pena", "opposition spokesperson", False),
        ("Kenya Red Cross", "", False),
        ("Mayor Maria Lopez", "", True),
    ],
)
def test_is_official(name: str, role: str, expected: bool, knowledge: Knowledge) -> None:
    assert is_official(name, role, knowledge) is expected
