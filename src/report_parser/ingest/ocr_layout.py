"""Tesseract's word boxes (TSV) back into text laid out like a PDF text layer.

Tesseract's own text output runs a two-column header ("ỦY BAN NHÂN DÂN ...
CỘNG HÒA XÃ HỘI ...") or a signature block ("Nơi nhận: ... TM. ỦY BAN NHÂN
DÂN") together line by line, which mixes the issuer with the national motto and
the recipients with the signer. A born-digital PDF gives each column as its own
lines, and the extractors are built for that. So the words are regrouped here:

* a line is cut into *segments* where the gap between two words is much wider
  than a space (table cells, two columns);
* a run of lines that are two columns split near the same x (the header, the
  signature block) is given left column first, then right column;
* every segment becomes one line, as pdfium gives table cells.

Specks that Tesseract reads as "|", "_" or a lone low-confidence letter are dropped.
"""
from __future__ import annotations

import statistics
from dataclasses import dataclass

# a gap wider than this many text heights separates two cells or columns
GAP_FACTOR = 2.0
# standalone tokens made only of these are scanner specks, never text in a report
NOISE_CHARS = set("|_~^`ˆ'‘’\"“”¦¡")
MIN_CONF_SYMBOL = 60.0  # a token without letters or digits below this confidence is a speck
MIN_CONF_SINGLE = 40.0  # a single letter below this confidence is a speck
# a two-column line: the left column ends before, the right one starts after these page fractions
LEFT_END_MAX = 0.6
RIGHT_START_MIN = 0.4


@dataclass
class Word:
    text: str
    left: int
    top: int
    width: int
    height: int
    conf: float

    @property
    def right(self) -> int:
        return self.left + self.width


@dataclass
class Segment:
    words: list[Word]

    @property
    def left(self) -> int:
        return self.words[0].left

    @property
    def right(self) -> int:
        return self.words[-1].right

    @property
    def text(self) -> str:
        return " ".join(w.text for w in self.words)


def is_speck(w: Word) -> bool:
    """True for a token that is scanner noise rather than text."""
    t = w.text
    has_alnum = any(c.isalnum() for c in t)
    if all(c in NOISE_CHARS for c in t) or not has_alnum and any(c in NOISE_CHARS for c in t):
        return True  # "|", "_.", "¡": specks, alone or with a dot the scanner added
    if not has_alnum and w.conf < MIN_CONF_SYMBOL:
        return True
    return len(t) == 1 and w.conf < MIN_CONF_SINGLE


def parse_tsv(tsv: str) -> tuple[list[list[Word]], int]:
    """Word lines (in Tesseract's reading order) and the page width from a TSV output."""
    lines: dict[tuple[str, str, str], list[Word]] = {}
    width = 0
    for row in tsv.splitlines()[1:]:
        f = row.split("\t")
        if len(f) < 12:
            continue
        if f[0] == "1":
            width = int(f[8])
        if f[0] != "5" or not f[11].strip():
            continue
        w = Word(f[11].strip(), int(f[6]), int(f[7]), int(f[8]), int(f[9]), float(f[10]))
        if w.conf < 0 or is_speck(w):
            continue
        lines.setdefault((f[2], f[3], f[4]), []).append(w)
    return [ws for ws in lines.values() if ws], width


def split_segments(words: list[Word]) -> list[Segment]:
    """Cut a line where two words are further apart than a space can be."""
    heights = [w.height for w in words if any(c.isalnum() for c in w.text)] or [w.height for w in words]
    gap = GAP_FACTOR * statistics.median(heights)
    segs = [Segment([words[0]])]
    for w in words[1:]:
        if w.left - segs[-1].right > gap:
            segs.append(Segment([w]))
        else:
            segs[-1].words.append(w)
    return segs


def _two_columns(segs: list[Segment], width: int) -> bool:
    return (len(segs) == 2 and segs[0].right <= LEFT_END_MAX * width
            and segs[1].left >= RIGHT_START_MIN * width)


def _column_region(rows: list[list[Segment]], start: int, width: int) -> int:
    """End (exclusive) of the two-column run starting at ``rows[start]``, or ``start`` if none."""
    split = rows[start][1].left
    tol = 0.05 * width
    two = 0
    end = start
    for segs in rows[start:]:
        if _two_columns(segs, width) and segs[0].right < split and abs(segs[1].left - split) < 4 * tol:
            two += 1
            split = min(split, segs[1].left)
        elif len(segs) == 1 and (segs[0].right < split or segs[0].left >= split - tol):
            pass
        else:
            break
        end += 1
    return end if two >= 2 else start


def layout(lines: list[list[Word]], width: int) -> str:
    """Page text: one line per segment, two-column runs given column by column."""
    rows = [split_segments(ws) for ws in lines]
    out: list[str] = []
    i = 0
    while i < len(rows):
        end = _column_region(rows, i, width) if _two_columns(rows[i], width) else i
        if end > i:
            split = min(r[1].left for r in rows[i:end] if len(r) == 2)
            region = [s for r in rows[i:end] for s in r]
            out.extend(s.text for s in region if s.right < split)
            out.extend(s.text for s in region if s.right >= split)
            i = end
        else:
            out.extend(s.text for s in rows[i])
            i += 1
    return "\n".join(out)


def confidence(lines: list[list[Word]]) -> float:
    """Mean word confidence (0-100), weighted by word length; 0.0 for an empty page."""
    total = weight = 0.0
    for ws in lines:
        for w in ws:
            total += w.conf * len(w.text)
            weight += len(w.text)
    return total / weight if weight else 0.0
