"""The text of a group of PDF character boxes (a table cell, the lines above a table), as
pdfplumber's ``extract_text`` gives it with its defaults, without importing it.

Characters are grouped into lines by their tops (within 3 points, chained), each line
read left to right and cut into words at a space, at a step back, at a gap of more
than 3 points or at a jump of more than 3 points in height; the words are grouped
into lines again by their tops, joined by one space, the lines by a line break.
Ligatures are spelt out ("ﬁ" -> "fi"). The result is composed (NFC): pdfium gives a
glyph whose text is a letter and a combining mark ("ú" as "u" + U+0301) as two
characters, pdfminer as one. A character is a dict of :mod:`.pdf_grid`.
"""
from __future__ import annotations

import unicodedata
from operator import itemgetter

from .pdf_ruling import Box, cluster

# pdfplumber's defaults
X_TOLERANCE = 3.0
Y_TOLERANCE = 3.0
LIGATURES = {"ﬀ": "ff", "ﬃ": "ffi", "ﬄ": "ffl", "ﬁ": "fi", "ﬂ": "fl", "ﬆ": "st", "ﬅ": "st"}

_top = itemgetter("top")
_x0 = itemgetter("x0")


def _new_word(prev: dict, char: dict) -> bool:
    return (char["x0"] < prev["x0"] or char["x0"] > prev["x1"] + X_TOLERANCE
            or abs(char["top"] - prev["top"]) > Y_TOLERANCE)


def _words(line: list[dict]) -> list[tuple[float, str]]:
    """(top, text) of the words of one line of characters (sorted left to right)."""
    out: list[list[dict]] = []
    current: list[dict] = []
    for char in line:
        if char["text"].isspace():
            current = []
        elif current and not _new_word(current[-1], char):
            current.append(char)
        else:
            current = [char]
            out.append(current)
    return [(min(map(_top, w)), "".join(LIGATURES.get(c["text"], c["text"]) for c in w)) for w in out]


def text(chars: list[dict]) -> str:
    """The characters' text, lines joined by line breaks (see the module's description)."""
    words = []
    for line in cluster(chars, _top, Y_TOLERANCE):
        words.extend(_words(sorted(line, key=_x0)))
    lines = cluster(words, itemgetter(0), Y_TOLERANCE)
    return unicodedata.normalize("NFC", "\n".join(" ".join(w for _, w in line) for line in lines))


def _inside(c: dict, box: Box) -> bool:
    """Whether the character lies wholly in ``box`` (pdfplumber's ``within_bbox``: its box
    is its overlap with ``box``, and that overlap is not a single point)."""
    x0, top, x1, bottom = box
    left, right = max(c["x0"], x0), min(c["x1"], x1)
    upper, lower = max(c["top"], top), min(c["bottom"], bottom)
    if lower - upper < 0 or right - left < 0 or (lower - upper) + (right - left) <= 0:
        return False
    return (left, upper, right, lower) == (c["x0"], c["top"], c["x1"], c["bottom"])


def text_within(chars: list[dict], box: Box) -> str:
    """The text of the characters wholly inside ``box``."""
    top, bottom = box[1], box[3]
    return text([c for c in chars if c["top"] >= top and c["bottom"] <= bottom and _inside(c, box)])
