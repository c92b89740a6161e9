"""Decoding article bytes: UTF-8, a declared or detected legacy encoding, or a clear reason."""

from __future__ import annotations

import codecs
import re

from charset_normalizer import from_bytes

# Share of control characters above which a file is binary, not text.
BINARY_CONTROL_SHARE = 0.05
_ALLOWED_CONTROLS = {"\n", "\r", "\t", "\f"}
_CONTROL_BYTES = bytes(b for b in range(32) if chr(b) not in _ALLOWED_CONTROLS)
# A detected encoding is trusted only when its decoding looks this little like noise.
MAX_CHAOS = 0.2
# Western news is most often cp1252 when it is not UTF-8; prefer it when it reads as well.
PREFERRED_LEGACY = "cp1252"
PREFERENCE_MARGIN = 0.1
_HTML_CHARSET = re.compile(rb"<meta[^>]+charset\s*=\s*[\"']?\s*([A-Za-z0-9_\-]+)", re.IGNORECASE)
_UTF16_BOMS = (codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)


def looks_binary(data: bytes) -> bool:
    """Return True if the bytes hold a NUL or many control characters: not an article."""
    if data.startswith(_UTF16_BOMS):
        return False
    if b"\x00" in data:
        return True
    sample = data[:4096]
    controls = len(sample) - len(sample.translate(None, _CONTROL_BYTES))
    return bool(sample) and controls / len(sample) > BINARY_CONTROL_SHARE


def declared_html_charset(data: bytes) -> str | None:
    """Return the charset an HTML page declares in its first 4 KB, if Python knows it."""
    match = _HTML_CHARSET.search(data[:4096])
    if not match:
        return None
    name = match[1].decode("ascii", "replace")
    try:
        return codecs.lookup(name).name
    except LookupError:
        return None


def detect_encoding(data: bytes) -> str | None:
    """Return the most plausible legacy encoding of the bytes, or None if none reads cleanly."""
    sample = data[:200_000]
    best = from_bytes(sample).best()
    preferred = from_bytes(sample, cp_isolation=[PREFERRED_LEGACY]).best()
    if preferred is not None and (
        best is None or preferred.chaos <= best.chaos + PREFERENCE_MARGIN
    ):
        return PREFERRED_LEGACY
    return str(best.encoding) if best is not None and best.chaos <= MAX_CHAOS else None


def decode_article(data: bytes, *, html: bool = False) -> tuple[str, str]:
    """Return the text and the encoding used: UTF-8 (BOM allowed), UTF-16 with a BOM, the
    charset an HTML page declares, or a detected legacy encoding.

    Raises UnicodeDecodeError when no encoding reads the bytes cleanly.
    """
    if data.startswith(_UTF16_BOMS):
        return data.decode("utf-16"), "utf-16"
    try:
        return data.decode("utf-8-sig"), "utf-8"
    except UnicodeDecodeError as error:
        failure = error
    candidates = [declared_html_charset(data)] if html else []
    candidates.append(detect_encoding(data))
    for name in candidates:
        if name and name != "utf-8":
            try:
                return data.decode(name), name
            except UnicodeDecodeError:
                continue
    raise failure
