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
    turn: int = 0  # degrees the page is shown turned (/Rotate): at 90 or 270 its lines run down or up


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
    across = 1 if page.turn in (90, 270) else 0  # the axis a line runs along: x (0) or y (1)
    out: list[list[float]] = []
    for box in page.boxes[a:b]:
        if box is None:
            continue
        if out and _same_line(out[-1], box, across):
            cur = out[-1]
            cur[0], cur[1], cur[2], cur[3] = min(cur[0], box[0]), min(cur[1], box[1]), max(cur[2], box[2]), max(cur[3], box[3])
        else:
            out.append(list(box))
    return [tuple(r) for r in out]  # type: ignore[misc]


def _same_line(cur: list[float], box: Box, along: int) -> bool:
    """Whether a character continues the line so far: its centre level with it across the line
    (within LINE_TOLERANCE of the line's thickness), and not far back along it."""
    side = 1 - along  # the axis across the line
    thick = cur[side + 2] - cur[side]
    centre = (box[side] + box[side + 2]) / 2 - (cur[side] + cur[side + 2]) / 2
    return abs(centre) <= LINE_TOLERANCE * thick and (box[along] >= cur[along] - thick or along == 1)


def find_row_value(page: PageChars, label: str, raw: str) -> tuple[int, int] | None:
    """A form row's value cell: an occurrence of ``raw`` on the line(s) of the row's label and right
    of where it starts (a drawn page), or the first one after the label (a page drawn as text)."""
    spans = _find_label(page, label)
    if spans is None:
        return None
    hits = [h for h in find_all(page, raw) if not any(a <= h[0] < b for a, b in spans)]
    if page.boxes is None:
        after = [h for h in hits if 0 <= h[0] - spans[-1][1] < 300]
        return after[0] if after else None
    band = [r for a, b in spans for r in rects(page, a, b)]
    return _nearest_on_band(page, band, hits) if band else None


def _nearest_on_band(page: PageChars, band: list[Box], hits: list[tuple[int, int]]) -> tuple[int, int] | None:
    """The hit right of the band's start whose line is nearest the band's lines (within ROW_BAND)."""
    top, bottom, left = min(r[1] for r in band), max(r[3] for r in band), band[0][0]
    scored = []
    for h in hits:
        boxes = rects(page, *h)
        if boxes and boxes[0][0] >= left:
            mid = (boxes[0][1] + boxes[0][3]) / 2
            scored.append((max(0.0, top - mid, mid - bottom), h))
    off, best = min(scored, default=(None, None))
    return best if off is not None and off <= ROW_BAND else None


def _find_label(page: PageChars, label: str) -> list[tuple[int, int]] | None:
    """Where the row's label stands on the page, as the spans of its words: the whole of it, or
    else where its first words start and most of its other words follow in order (a cell that
    wraps may be read with the next cells' words between its lines; several rows may start
    alike). OCR's stray leading dots are skipped."""
    words = label.lstrip(".:;,-_|' ").split()
    hits = find_all(page, " ".join(words))
    if hits or len(words) < 2:
        return [hits[0]] if hits else None
    best: list[tuple[int, int]] | None = None
    for a, b in find_all(page, " ".join(words[:3])):
        spans = [(a, b)]
        for w in words[3:]:
            rx = pattern(w)
            m = rx.search(page.text, spans[-1][1], spans[-1][1] + 6 * len(w) + 40) if rx else None
            if m:
                spans.append(m.span())
        if best is None or len(spans) > len(best):
            best = spans
    return best


def label_span(page: PageChars, label: str) -> tuple[int, int] | None:
    """A row without a value is marked on its label (its first words)."""
    spans = _find_label(page, label)
    return (spans[0][0], spans[0][1]) if spans else None
