"""Plain text: UTF-8 (with or without BOM), UTF-16, Windows-1258; pages split on form feeds."""
from __future__ import annotations

import codecs
from pathlib import Path

from .. import limits
from ..document import Document
from ..errors import UnreadableInput


def decode(data: bytes) -> str:
    if data.startswith(codecs.BOM_UTF8):
        return data[3:].decode("utf-8", errors="replace")
    if data.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        return data.decode("utf-16", errors="replace")  # an odd last byte is a truncated file, not a crash
    if (guess := _utf16_without_bom(data)) is not None:
        return data.decode(guess, errors="replace")
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError:
        pass
    # Windows-1258 stores tones as combining marks; NFC happens in normalize
    return data.decode("cp1258", errors="replace")


def _utf16_without_bom(data: bytes) -> str | None:
    """UTF-16 without a BOM shows as NUL bytes in every other position (ASCII letters, spaces)."""
    sample = data[:4096]
    if len(sample) < 8 or len(sample) % 2:
        return None
    even = sample[0::2].count(0) / (len(sample) / 2)
    odd = sample[1::2].count(0) / (len(sample) / 2)
    if odd > 0.3 and even < 0.05:
        return "utf-16-le"
    if even > 0.3 and odd < 0.05:
        return "utf-16-be"
    return None


def read_txt(path: Path, data: bytes, sha: str) -> Document:
    limits.check_text(path, len(data) // 4)  # at most 4 bytes a character: refused before decoding
    text = decode(data)
    if not text.strip():
        raise UnreadableInput(f"{path}: the file holds no text")
    pages = text.split("\f")
    return Document(path=path, format="txt", sha256=sha, size=len(data), pages=pages)
