"""The text of a group of PDF character boxes (a table cell, the lines above a table), as
pdfplumber's ``extract_text`` gives it with its defaults, without importing it.

Characters are grouped into lines by their tops (within 3 points, chained), each line
read left to right and cut into words at a space, at a step back, at a gap of more
than 3 points or at a jump of more than 3 points in height; the words are grouped
into lines again by their tops, joined by one space, the lines by a line break.
Ligatures are spelt out ("ﬁ" -> "fi"). The result is composed (NFC): pdfium gives a
glyph whose text is a letter and a combining mark ("ú" as "u" + U+0301) as two
characters, pdfminer as one. A character is a tuple ``(x0, top, x1, bottom, text)`` of
:mod:`.pdf_grid`.
"""
from __future__ import annotations

import itertools
import re
import unicodedata
from operator import itemgetter

from .pdf_grid import Char
from .pdf_ruling import Box, cluster, cluster_numbers

# pdfplumber's defaults
X_TOLERANCE = 3.0
Y_TOLERANCE = 3.0
LIGATURES = {"ﬀ": "ff", "ﬃ": "ffi", "ﬄ": "ffl", "ﬁ": "fi", "ﬂ": "fl", "ﬆ": "st", "ﬅ": "st"}

_SPELT = str.maketrans(LIGATURES)
_LIGATURE = re.compile("[" + "".join(LIGATURES) + "]")
_top = itemgetter(1)
_x0 = itemgetter(0)
_first = itemgetter(0)


def _words(line) -> list[tuple[float, str]]:
    """(top, text) of the words of one line of characters (sorted left to right)."""
    out: list[tuple[float, str]] = []
    parts: list[str] = []
    word_top = x0_before = x1_before = top_before = 0.0
    for x0, top, x1, _, t in line:
        if t.isspace():
            if parts:
                out.append((word_top, "".join(parts)))
                parts = []
            continue
        if not parts:
            parts = [t]
            word_top = top
        elif x0 < x0_before or x0 > x1_before + X_TOLERANCE or abs(top - top_before) > Y_TOLERANCE:
            out.append((word_top, "".join(parts)))
            parts = [t]
            word_top = top
        else:
            parts.append(t)
            if top < word_top:
                word_top = top
        x0_before, x1_before, top_before = x0, x1, top
    if parts:
        out.append((word_top, "".join(parts)))
    return out


def text(chars: list[Char]) -> str:
    """The characters' text, lines joined by line breaks (see the module's description)."""
    tops = [c[1] for c in chars]
    if not tops:
        return ""
    if max(tops) <= min(tops) + Y_TOLERANCE:  # one line (cluster's own test): its words are one too
        return _composed(" ".join(w for _, w in _words(sorted(chars, key=_x0))))
    line = cluster_numbers(tops, Y_TOLERANCE)
    words = []  # the lines in order, each left to right (a stable sort: the given order on a tie)
    for _, group in itertools.groupby(sorted(chars, key=lambda c: (line[c[1]], c[0])), key=lambda c: line[c[1]]):
        words.extend(_words(group))
    lines = cluster(words, _first, Y_TOLERANCE)
    return _composed("\n".join(" ".join(w for _, w in line) for line in lines))


def _composed(s: str) -> str:
    """``s`` with its ligatures spelt out, composed (NFC)."""
    return unicodedata.normalize("NFC", s.translate(_SPELT) if _LIGATURE.search(s) else s)


def _inside(c: Char, box: Box) -> bool:
    """Whether the character lies wholly in ``box`` (pdfplumber's ``within_bbox``: its box
    is its overlap with ``box``, and that overlap is not a single point)."""
    x0, top, x1, bottom = box
    left, right = max(c[0], x0), min(c[2], x1)
    upper, lower = max(c[1], top), min(c[3], bottom)
    if lower - upper < 0 or right - left < 0 or (lower - upper) + (right - left) <= 0:
        return False
    return (left, upper, right, lower) == c[:4]


def text_within(chars: list[Char], box: Box) -> str:
    """The text of the characters wholly inside ``box``."""
    top, bottom = box[1], box[3]
    return text([c for c in chars if c[1] >= top and c[3] <= bottom and _inside(c, box)])
