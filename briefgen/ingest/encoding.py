"""Decoding article bytes: UTF-8 or a clear reason why not."""

from __future__ import annotations

# Share of control characters above which a file is binary, not text.
BINARY_CONTROL_SHARE = 0.05
_ALLOWED_CONTROLS = {"\n", "\r", "\t", "\f"}


def looks_binary(data: bytes) -> bool:
    """Return True if the bytes hold a NUL or many control characters: not an article."""
    if b"\x00" in data:
        return True
    sample = data[:4096].decode("latin-1")
    controls = sum(1 for ch in sample if ord(ch) < 32 and ch not in _ALLOWED_CONTROLS)
    return bool(sample) and controls / len(sample) > BINARY_CONTROL_SHARE


def guess_legacy_encoding(data: bytes) -> str | None:
    """Return the name of a single-byte encoding the bytes decode in, for the error message."""
    for name in ("cp1252", "latin-1"):
        try:
            data.decode(name)
        except UnicodeDecodeError:
            continue
        return name
    return None


def decode_article(data: bytes) -> str:
    """Return the text of UTF-8 bytes (a BOM is allowed); raise UnicodeDecodeError otherwise."""
    return data.decode("utf-8-sig")
