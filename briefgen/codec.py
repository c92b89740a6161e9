"""JSON encoding of briefgen's frozen records, and decoding them back by their type hints.

Used by the cache: records round-trip exactly (`decode(T, encode(x)) == x`), sets are written
sorted so that equal records give equal JSON whatever the hash seed.
"""

from __future__ import annotations

import dataclasses
import types
import typing
from collections.abc import Mapping
from functools import cache
from typing import Any, Literal, TypeVar, Union, get_args, get_origin, get_type_hints

T = TypeVar("T")

JSON = Any


def encode(value: Any) -> JSON:
    """Return a JSON-ready form of a record, tuple, set, mapping or scalar."""
    if dataclasses.is_dataclass(value) and not isinstance(value, type):
        return {f.name: encode(getattr(value, f.name)) for f in dataclasses.fields(value)}
    if isinstance(value, tuple | list):
        return [encode(v) for v in value]
    if isinstance(value, frozenset | set):
        return sorted(encode(v) for v in value)
    if isinstance(value, Mapping):
        return {str(k): encode(v) for k, v in sorted(value.items())}
    if value is None or isinstance(value, str | int | float | bool):
        return value
    raise TypeError(f"cannot encode {type(value).__name__}")


@cache
def _hints(cls: type) -> dict[str, Any]:
    return get_type_hints(cls)


def decode(hint: Any, data: JSON) -> Any:
    """Return the value of type `hint` that `encode` turned into data; raise ValueError if the
    data does not fit the type (a damaged cache entry)."""
    origin = get_origin(hint)
    if hint is Any:
        return data
    if isinstance(hint, type) and dataclasses.is_dataclass(hint):
        if not isinstance(data, dict):
            raise ValueError(f"{hint.__name__}: expected an object")
        hints = _hints(hint)
        names = {f.name for f in dataclasses.fields(hint)}
        if set(data) != names:
            raise ValueError(f"{hint.__name__}: fields {sorted(set(data) ^ names)} differ")
        return hint(**{name: decode(hints[name], data[name]) for name in names})
    if origin in (Union, types.UnionType):
        errors = []
        for option in get_args(hint):
            try:
                return decode(option, data)
            except (ValueError, TypeError) as error:
                errors.append(str(error))
        raise ValueError("; ".join(errors))
    if origin is Literal:
        if data not in get_args(hint):
            raise ValueError(f"{data!r} is not one of {get_args(hint)}")
        return data
    if origin is tuple:
        args = get_args(hint)
        if not isinstance(data, list):
            raise ValueError("expected a list")
        if len(args) == 2 and args[1] is Ellipsis:
            return tuple(decode(args[0], item) for item in data)
        if len(args) != len(data):
            raise ValueError("tuple length differs")
        return tuple(decode(a, item) for a, item in zip(args, data, strict=True))
    if origin is frozenset:
        if not isinstance(data, list):
            raise ValueError("expected a list")
        return frozenset(decode(get_args(hint)[0], item) for item in data)
    if origin in (Mapping, dict, typing.Mapping):
        if not isinstance(data, dict):
            raise ValueError("expected an object")
        value_hint = get_args(hint)[1]
        return {key: decode(value_hint, item) for key, item in data.items()}
    if hint is type(None):
        if data is not None:
            raise ValueError("expected null")
        return None
    if hint in (str, int, float, bool):
        if hint is float and isinstance(data, int) and not isinstance(data, bool):
            return float(data)
        if not isinstance(data, hint) or (hint is int and isinstance(data, bool)):
            raise ValueError(f"expected {hint.__name__}")
        return data
    raise TypeError(f"cannot decode {hint!r}")
