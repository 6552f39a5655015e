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

Most cells are flat: every line's tops lie within 3 points (by both roundings: a top
plus 3, and the difference of two tops). Then no jump in height cuts a word and the
lines of words are the lines of characters, so each line is read by one join (a gap
marked by a space) and one split; other cells take the general walk (``_words``).
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


def _line(line: list[Char]) -> str:
    """The words of one line of characters, sorted left to right, whose tops lie within
    ``Y_TOLERANCE`` (so no jump in height cuts a word), joined by one space: a gap of more
    than ``X_TOLERANCE`` after a character cuts the word (marked by a space), white space
    cuts it and goes (``str.split`` and ``str.isspace`` know the same white space)."""
    cut = X_TOLERANCE
    marked = [a[4] + " " if b[0] > a[2] + cut else a[4] for a, b in zip(line, line[1:])]
    marked.append(line[-1][4])
    return " ".join("".join(marked).split())


def _flat_lines(tops: list[float]) -> dict[float, int] | None:
    """The line of each distinct top (cluster_numbers), or None when a line's tops span more
    than ``Y_TOLERANCE`` (then a jump in height may cut a word, and words may fall into
    other lines by their own tops)."""
    line: dict[float, int] = {}
    n = 0
    first = previous = None
    for v in sorted(set(tops)):
        if previous is not None and v > previous + Y_TOLERANCE:
            n += 1
            first = v
        elif first is None:
            first = v
        elif v > first + Y_TOLERANCE or v - first > Y_TOLERANCE:  # both roundings (module description)
            return None
        line[v] = n
        previous = v
    return line


def text(chars: list[Char]) -> str:
    """The characters' text, lines joined by line breaks (see the module's description)."""
    tops = [c[1] for c in chars]
    if not tops:
        return ""
    low, high = min(tops), max(tops)
    if high <= low + Y_TOLERANCE:  # one line (cluster's own test): its words are one too
        ordered = sorted(chars, key=_x0)
        return _composed(_line(ordered) if high - low <= Y_TOLERANCE else " ".join(w for _, w in _words(ordered)))
    line = _flat_lines(tops)
    if line is not None:  # every line within Y_TOLERANCE: the lines of words are the lines of characters
        lines: list[list[Char]] = [[] for _ in range(max(line.values()) + 1)]
        for c in sorted(chars, key=_x0):
            lines[line[c[1]]].append(c)
        return _composed("\n".join(filter(None, map(_line, lines))))
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
