"""JSON encoding of briefgen's frozen records, and decoding them back by their type hints.

Used by the cache: records round-trip exactly (`decode(T, encode(x)) == x`), sets are written
sorted so that equal records give equal JSON whatever the hash seed.
"""

from __future__ import annotations

import dataclasses
import hashlib
import json
import types
import typing
from collections.abc import Callable, Mapping
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


def digest(value: Any) -> str:
    """Return a short stable digest of an encodable value (sets and keys sorted): equal
    values give equal digests in every process, whatever the hash seed."""
    text = json.dumps(encode(value), sort_keys=True, ensure_ascii=False, separators=(",", ":"))
    return hashlib.sha256(text.encode()).hexdigest()[:32]


@cache
def _hints(cls: type) -> dict[str, Any]:
    return get_type_hints(cls)


Decoder = Callable[[JSON], Any]


def decode(hint: Any, data: JSON) -> Any:
    """Return the value of type `hint` that `encode` turned into data; raise ValueError if the
    data does not fit the type (a damaged cache entry)."""
    return decoder(hint)(data)


@cache
def decoder(hint: Any) -> Decoder:
    """Return the function that decodes data of type `hint`: the type is read once, not for
    every value (the cache decodes every article's facts on every build)."""
    origin = get_origin(hint)
    if hint is Any:
        return lambda data: data
    if isinstance(hint, type) and dataclasses.is_dataclass(hint):
        return _record_decoder(hint)
    if origin in (Union, types.UnionType):
        return _union_decoder(get_args(hint))
    if origin is Literal:
        allowed = get_args(hint)

        def literal(data: JSON) -> Any:
            if data not in allowed:
                raise ValueError(f"{data!r} is not one of {allowed}")
            return data

        return literal
    if origin is tuple:
        return _tuple_decoder(get_args(hint))
    if origin is frozenset:
        item = decoder(get_args(hint)[0])

        def a_frozenset(data: JSON) -> Any:
            if not isinstance(data, list):
                raise ValueError("expected a list")
            return frozenset(item(v) for v in data)

        return a_frozenset
    if origin in (Mapping, dict, typing.Mapping):
        value = decoder(get_args(hint)[1])

        def a_mapping(data: JSON) -> Any:
            if not isinstance(data, dict):
                raise ValueError("expected an object")
            return {key: value(item) for key, item in data.items()}

        return a_mapping
    if hint is type(None):

        def none(data: JSON) -> Any:
            if data is not None:
                raise ValueError("expected null")
            return None

        return none
    if hint in (str, int, float, bool):
        return _scalar_decoder(hint)
    raise TypeError(f"cannot decode {hint!r}")


def _record_decoder(cls: type) -> Decoder:
    hints = _hints(cls)
    names = frozenset(f.name for f in dataclasses.fields(cls))
    # Decoders of the fields are looked up on first use: a record type may contain itself.
    fields: dict[str, Decoder] = {}

    def record(data: JSON) -> Any:
        if not isinstance(data, dict):
            raise ValueError(f"{cls.__name__}: expected an object")
        if data.keys() != names:
            raise ValueError(f"{cls.__name__}: fields {sorted(set(data) ^ names)} differ")
        if not fields:
            fields.update({name: decoder(hints[name]) for name in names})
        return cls(**{name: fields[name](value) for name, value in data.items()})

    return record


def _union_decoder(options: tuple[Any, ...]) -> Decoder:
    decoders = [decoder(option) for option in options]
    nullable = type(None) in options

    def union(data: JSON) -> Any:
        if data is None and nullable:
            return None
        errors = []
        for decode_option in decoders:
            try:
                return decode_option(data)
            except (ValueError, TypeError) as error:
                errors.append(str(error))
        raise ValueError("; ".join(errors))

    return union


def _tuple_decoder(args: tuple[Any, ...]) -> Decoder:
    if len(args) == 2 and args[1] is Ellipsis:
        item = decoder(args[0])

        def a_tuple(data: JSON) -> Any:
            if not isinstance(data, list):
                raise ValueError("expected a list")
            return tuple([item(v) for v in data])

        return a_tuple
    items = [decoder(a) for a in args]

    def fixed_tuple(data: JSON) -> Any:
        if not isinstance(data, list):
            raise ValueError("expected a list")
        if len(items) != len(data):
            raise ValueError("tuple length differs")
        return tuple(d(v) for d, v in zip(items, data, strict=True))

    return fixed_tuple


def _scalar_decoder(hint: type) -> Decoder:
    if hint is float:

        def a_float(data: JSON) -> Any:
            if isinstance(data, float):
                return data
            if isinstance(data, int) and not isinstance(data, bool):
                return float(data)
            raise ValueError("expected float")

        return a_float

    def scalar(data: JSON) -> Any:
        if type(data) is hint:  # bool is not an int here, nor int a bool
            return data
        if not isinstance(data, hint) or (hint is int and isinstance(data, bool)):
            raise ValueError(f"expected {hint.__name__}")
        return data

    return scalar
