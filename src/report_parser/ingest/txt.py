"""Plain text: UTF-8 (with or without BOM), UTF-16, Windows-1258; pages split on form feeds."""
from __future__ import annotations

import codecs
from pathlib import Path

from ..document import Document
from ..errors import UnreadableInput


def decode(data: bytes) -> str:
    if data.startswith(codecs.BOM_UTF8):
        return data[3:].decode("utf-8", errors="replace")
    if data.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        return data.decode("utf-16")
    if len(data) >= 4 and data[1] == 0 and data[3] == 0 and data[0] != 0:
        return data.decode("utf-16-le", errors="replace")  # UTF-16 without BOM
    if len(data) >= 4 and data[0] == 0 and data[2] == 0 and data[1] != 0:
        return data.decode("utf-16-be", errors="replace")
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError:
        pass
    # Windows-1258 stores tones as combining marks; NFC happens in normalize
    return data.decode("cp1258", errors="replace")


def read_txt(path: Path, data: bytes, sha: str) -> Document:
    text = decode(data)
    if not text.strip():
        raise UnreadableInput(f"{path}: the file holds no text")
    pages = text.split("\f")
    return Document(path=path, format="txt", sha256=sha, size=len(data), pages=pages)
