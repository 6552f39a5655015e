"""Where a piece of text stands on a page: spans of a page's characters and their boxes.

A :class:`PageChars` is a page's text with, for a drawn page, one box per character
(fractions of the page, y downwards; ``None`` for a character without ink). Text
is searched whitespace-insensitively (a PDF layer or an OCR reading may break or
join words differently from the repaired text), numbers only as whole numbers.
"""
from __future__ import annotations

import re
from dataclasses import dataclass

Box = tuple[float, float, float, float]  # x0, y0, x1, y1 as fractions of the page
LINE_TOLERANCE = 0.6  # a character whose centre is this many line heights off starts a new line
ROW_BAND = 0.02  # a form row's value lies within this fraction of the page height of its label


@dataclass
class PageChars:
    number: int  # 1-based
    text: str
    boxes: list[Box | None] | None = None  # one per character of text; None for a page drawn as text
    base: int = 0  # for a page drawn as text: offset of text[0] in the repaired text


def pattern(needle: str) -> re.Pattern | None:
    """A whitespace-insensitive pattern for ``needle``; a number is not matched inside a longer one."""
    chars = [c for c in needle if not c.isspace()]
    if not chars:
        return None
    body = r"\s*".join(re.escape(c) for c in chars)
    head = r"(?<![\d.,])" if chars[0].isdigit() else ""
    tail = r"(?![\d]|[.,]\d)" if chars[-1].isdigit() else ""
    return re.compile(head + body + tail)


def find_all(page: PageChars, needle: str) -> list[tuple[int, int]]:
    rx = pattern(needle)
    return [m.span() for m in rx.finditer(page.text)] if rx else []


def find_near(page: PageChars, needle: str, context: str | None = None) -> tuple[int, int] | None:
    """The occurrence of ``needle`` on the page, the one inside or nearest after ``context``
    (the sentence it was read from) when it occurs more than once."""
    hits = find_all(page, needle)
    if len(hits) <= 1 or not context:
        return hits[0] if hits else None
    where = find_context(page, context)
    if where is None:
        return hits[0]
    a, b = where
    inside = [h for h in hits if a <= h[0] < b]
    if inside:
        return inside[0]
    return min(hits, key=lambda h: abs(h[0] - a))


def find_context(page: PageChars, sentence: str, words: int = 6) -> tuple[int, int] | None:
    """Where a sentence starts on the page (its first words, then words from its middle)."""
    tokens = sentence.split()
    for start in (0, len(tokens) // 2):
        probe = " ".join(tokens[start:start + words])
        hits = find_all(page, probe)
        if hits:
            a = hits[0][0] - (len(" ".join(tokens[:start])) if start else 0)
            return max(0, a), max(0, a) + len(sentence) + 20
    return None


def rects(page: PageChars, a: int, b: int) -> list[Box]:
    """The boxes of the characters ``a:b``, one union per printed line."""
    if page.boxes is None:
        return []
    out: list[list[float]] = []
    for box in page.boxes[a:b]:
        if box is None:
            continue
        cur = out[-1] if out else None
        height = (cur[3] - cur[1]) if cur else 0.0
        if cur and abs((box[1] + box[3]) / 2 - (cur[1] + cur[3]) / 2) <= LINE_TOLERANCE * height and box[0] >= cur[0] - height:
            cur[0], cur[1], cur[2], cur[3] = min(cur[0], box[0]), min(cur[1], box[1]), max(cur[2], box[2]), max(cur[3], box[3])
        else:
            out.append(list(box))
    return [tuple(r) for r in out]  # type: ignore[misc]


def find_row_value(page: PageChars, label: str, raw: str) -> tuple[int, int] | None:
    """A form row's value cell: an occurrence of ``raw`` on the line(s) of the row's label and right
    of it (a drawn page), or the first one after the label (a page drawn as text)."""
    where = _find_label(page, label)
    if where is None:
        return None
    hits = [h for h in find_all(page, raw) if not (where[0] <= h[0] < where[1])]
    if page.boxes is None:
        after = [h for h in hits if 0 <= h[0] - where[1] < 300]
        return after[0] if after else None
    band = rects(page, *where)
    if not band:
        return None
    top, bottom, left = min(r[1] for r in band), max(r[3] for r in band), band[0][0]
    best, best_score = None, None
    for h in hits:
        boxes = rects(page, *h)
        if not boxes or boxes[0][0] < left:
            continue
        mid = (boxes[0][1] + boxes[0][3]) / 2
        off = max(0.0, top - mid, mid - bottom)
        if off <= ROW_BAND and (best_score is None or off < best_score):
            best, best_score = h, off
    return best


def _find_label(page: PageChars, label: str) -> tuple[int, int] | None:
    """The row's label on the page: the whole of it, or its first words."""
    words = label.split()
    for n in (len(words), 8, 4):
        hits = find_all(page, " ".join(words[:n]))
        if len(hits) == 1 or hits and n == len(words):
            return hits[0]
    return None


def label_span(page: PageChars, label: str) -> tuple[int, int] | None:
    """A row without a value is marked on its label (its first words)."""
    return _find_label(page, label)
