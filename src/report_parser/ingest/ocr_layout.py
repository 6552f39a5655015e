"""Tesseract's word boxes (TSV) back into text laid out like a PDF text layer.

Tesseract's own text output runs a two-column header ("ỦY BAN NHÂN DÂN ...
CỘNG HÒA XÃ HỘI ...") or a signature block ("Nơi nhận: ... TM. ỦY BAN NHÂN
DÂN") together line by line, which mixes the issuer with the national motto and
the recipients with the signer. A born-digital PDF gives each column as its own
lines, and the extractors are built for that. So the words are regrouped here:

* the words inside a ruled table (found in the image by :mod:`.ocr_tables`) are
  given cell by cell, row by row;
* a line is cut into *segments* where the gap between two words is much wider
  than a space (unruled cells, two columns) or where the national motto starts;
* a run of lines that are two columns split near the same x (the header, the
  signature block) is given left column first, then right column;
* every segment becomes one line, as pdfium gives table cells.

Specks that Tesseract reads as "|", "_" or a lone low-confidence letter are dropped.
"""
from __future__ import annotations

from dataclasses import dataclass, replace

# a gap wider than this many text heights separates two cells or columns
GAP_FACTOR = 2.0
# standalone tokens made only of these are scanner specks, never text in a report
NOISE_CHARS = set("|_~^`ˆ'‘’\"“”¦¡")
MIN_CONF_SYMBOL = 60.0  # a token without letters or digits below this confidence is a speck
MIN_CONF_SINGLE = 40.0  # a single letter below this confidence is a speck
# a two-column line: the left column ends before, the right one starts after these page fractions
LEFT_END_MAX = 0.6
RIGHT_START_MIN = 0.4
# the national motto heads the right column of every administrative document (Nghị định
# 30/2020/NĐ-CP); a header set tight runs it into the issuer's line ("UBND THÀNH PHỐ ĐÀ NẴNG CỘNG HOÀ ...")
MOTTO_STARTS = {("CỘNG", "HÒA"), ("CỘNG", "HOÀ"), ("Độc", "lập")}
STT_MAX_WIDTH = 0.12  # a table's first column this narrow (of the table) holds row codes


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
    """Cut a line where two words are further apart than a space can be, or where the
    national motto starts the right-hand column of a tight header."""
    from statistics import median  # here: importing it cost every born-digital PDF ~10 ms

    heights = [w.height for w in words if any(c.isalnum() for c in w.text)] or [w.height for w in words]
    gap = GAP_FACTOR * median(heights)
    segs = [Segment([words[0]])]
    for i, w in enumerate(words[1:], 1):
        nxt = words[i + 1].text if i + 1 < len(words) else ""
        if w.left - segs[-1].right > gap or (w.text, nxt) in MOTTO_STARTS:
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


def _split_merged_rows(grid, words: list[Word]):
    """The grid with the rows a missed rule merged split again: where the narrow first
    column (STT) of one row holds several row codes, each code after the first starts a row."""
    x0, x1 = grid.xs[0], grid.xs[1]
    if x1 - x0 > STT_MAX_WIDTH * (grid.xs[-1] - x0):
        return grid
    codes: dict[int, list[Word]] = {}
    for w in words:
        cell = grid.cell(w.left + w.width / 2, w.top + w.height / 2)
        if cell is not None and cell[1] == 0 and w.text[:1].isdigit():
            codes.setdefault(cell[0], []).append(w)
    extra = [int(w.top - w.height / 4) for ws in codes.values() if len(ws) > 1
             for w in sorted(ws, key=lambda w: w.top)[1:]]
    return replace(grid, ys=tuple(sorted(set(grid.ys) | set(extra)))) if extra else grid


def _table_text(grid, words: list[Word]) -> list[str]:
    """A ruled table's words cell by cell, row by row; a cell's lines joined by newlines."""
    grid = _split_merged_rows(grid, words)
    cells: dict[tuple[int, int], list[Word]] = {}
    for w in words:
        cells.setdefault(grid.cell(w.left + w.width / 2, w.top + w.height / 2), []).append(w)
    out = []
    for key in sorted(cells):
        ws = sorted(cells[key], key=lambda w: w.top + w.height / 2)
        rows: list[list[Word]] = []
        for w in ws:  # words of one text line are within half a text height of each other
            if rows and abs(w.top + w.height / 2 - (rows[-1][0].top + rows[-1][0].height / 2)) < w.height / 2:
                rows[-1].append(w)
            else:
                rows.append([w])
        out.extend(" ".join(x.text for x in sorted(r, key=lambda w: w.left)) for r in rows)
    return out


def _grid_of(w: Word, grids) -> int | None:
    for i, g in enumerate(grids):
        if g.cell(w.left + w.width / 2, w.top + w.height / 2) is not None:
            return i
    return None


def layout(lines: list[list[Word]], width: int, grids=()) -> str:
    """Page text: ruled tables cell by cell, other lines one line per segment, two-column
    runs given column by column."""
    in_table: dict[int, list[Word]] = {}
    rest: list[list[Word]] = []
    order: list[tuple[str, int]] = []  # ("line", index into rest) or ("table", grid index), in reading order
    for ws in lines:
        kept = []
        for w in ws:
            g = _grid_of(w, grids)
            if g is None:
                kept.append(w)
                continue
            if g not in in_table:
                in_table[g] = []
                order.append(("table", g))
            in_table[g].append(w)
        if kept:
            order.append(("line", len(rest)))
            rest.append(kept)
    out: list[str] = []
    run: list[list[Word]] = []
    for kind, i in order + [("end", -1)]:
        if kind == "line":
            run.append(rest[i])
            continue
        out.extend(_plain_layout(run, width))
        run = []
        if kind == "table":
            out.extend(_table_text(grids[i], in_table[i]))
    return "\n".join(out)


def _plain_layout(lines: list[list[Word]], width: int) -> list[str]:
    """One line per segment, two-column runs given column by column."""
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
    return out


def confidence(lines: list[list[Word]]) -> float:
    """Mean word confidence (0-100), weighted by word length; 0.0 for an empty page."""
    total = weight = 0.0
    for ws in lines:
        for w in ws:
            total += w.conf * len(w.text)
            weight += len(w.text)
    return total / weight if weight else 0.0
