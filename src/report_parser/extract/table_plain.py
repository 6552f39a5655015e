"""Tables of a plain-text export: pipe rows, tab-separated rows, space-aligned columns.

A text copy of a report keeps its tables in one of three ways:

* pipe rows, with or without the outer pipes ("| STT | Chỉ tiêu | ... |" or
  "STT | Chỉ tiêu | ..."), often with a ``|---|`` line under the header;
* tab-separated rows (a table copied out of Word or a spreadsheet);
* columns aligned with runs of spaces (``pdftotext -layout`` and the like).

Each block of consecutive such lines becomes a
:class:`~report_parser.document.RawTable` (a separator line dropped), so it goes
through the same header, form and grid reading as a Word or PDF table. A pipe
block without a header line, with the columns of the table before it and no
"Biểu mẫu" heading between them, is the rest of that table (the export cut it
with a heading line).
"""
from __future__ import annotations

from bisect import bisect_right
from collections.abc import Iterator
from dataclasses import dataclass, field

import regex

from .. import patterns
from ..document import Document, RawTable
from .table_cells import clean, row_code, vocab

_SEPARATOR = regex.compile(r"^[ \t]*\|?(?:[ \t]*:?-{3,}:?[ \t]*\|)+(?:[ \t]*:?-{3,}:?[ \t]*)?$")
_GAP = regex.compile(r" {2,}")
_NUMBER_CELL = regex.compile(r"^[\d.,%\s]*\d[\d.,%\s]*$")
_LINE_END = regex.compile(r"\r\n|\n|\f")
_SEGMENT = regex.compile(r"\S+(?: \S+)*")
# a row code at the start of a line, as the line-by-line form reader takes it (table_cells.flat_code)
# ("1.3", "2.", or a bare "1" when a column gap follows it: the STT column of a grid)
_LEAD_CODE = regex.compile(r"^(\s*)(\d{1,2}(?:\.\d{1,2}){1,3}\.*|\d{1,2}\.+|\d{1,2}(?= {2,}\S))(?=\s|$)")
# a space-aligned table: at least this many lines, of which this many have 3+ columns
ALIGNED_MIN_LINES = 3
ALIGNED_MIN_WIDE = 2
# a longer line is running text, never a row of a space-aligned table (and keeps the column
# search linear in the text's size)
ALIGNED_MAX_WIDTH = 400
ALIGNED_MAX_COLUMNS = 24
# at most this much text (a page number) between two parts of one table
PAGE_GAP_CHARS = 12


@dataclass
class _Block:
    kind: str                   # "pipe" | "tab" | "aligned"
    start: int                  # raw offset of its first line
    lines: list[tuple[int, str]] = field(default_factory=list)   # (raw offset, line)
    headed: bool = False        # a |---| separator line was seen
    end: int = 0                # raw offset just after its last line
    parts: list[int] = field(default_factory=lambda: [0])  # first line of each page's part


def _lines(raw: str) -> Iterator[tuple[int, str]]:
    """(raw offset, line) of every line; form feeds and CR LF end lines too."""
    pos = 0
    for m in _LINE_END.finditer(raw):
        yield pos, raw[pos:m.start()]
        pos = m.end()
    yield pos, raw[pos:]


def _kind(line: str) -> str | None:
    """How a line is a table row, if it is one."""
    s = line.strip()
    if s.count("|") >= 2 or (s.startswith("|") and s.endswith("|") and len(s) > 1):
        return "pipe"
    if line.lstrip().count("\t") >= 2:
        return "tab"
    if len(line) <= ALIGNED_MAX_WIDTH and 2 <= len(_GAP.split(s)) <= ALIGNED_MAX_COLUMNS:
        return "aligned"
    return None


@patterns.memoised
def _form_heading() -> regex.Pattern:
    return regex.compile(vocab().form_heading)


def _wrapped(line: str) -> bool:
    """An indented line inside a space-aligned table that is not the next form's heading."""
    return line.startswith("  ") and bool(line.strip()) and not _form_heading().match(line.strip())


def _blocks(raw: str) -> list[_Block]:
    blocks: list[_Block] = []
    cur: _Block | None = None
    for pos, line in _lines(raw):
        kind = _kind(line)
        if cur is not None and cur.kind == "aligned" and kind is None and _wrapped(line):
            kind = "aligned"  # a wrapped cell of a space-aligned table: the row above goes on
        if cur is not None and kind == cur.kind:
            cur.lines.append((pos, line))
        else:
            cur = _Block(kind, pos, [(pos, line)]) if kind else None
            if cur:
                blocks.append(cur)
        if cur is not None:
            cur.end = pos + len(line)
    return _join_pages(blocks, raw)


def _first_coded(lines: list[tuple[int, str]]) -> int | None:
    return next((k for k, (_, line) in enumerate(lines) if _peel(line)[0]), None)


def _join_pages(blocks: list[_Block], raw: str) -> list[_Block]:
    """A space-aligned table cut by a page break (nothing but a page number between) goes on:
    the next block's rows from its first coded row (the header it repeats is dropped)."""
    out: list[_Block] = []
    for b in blocks:
        prev = out[-1] if out else None
        k = _first_coded(b.lines) if b.kind == "aligned" else None
        if (prev is not None and prev.kind == "aligned" and k is not None
                and len(clean(raw[prev.end:b.start])) <= PAGE_GAP_CHARS):
            prev.parts.append(len(prev.lines))
            prev.lines.extend(b.lines[k:])
            prev.end = b.end
        else:
            out.append(b)
    return out


def _pipe_cells(line: str) -> list[str]:
    s = line.strip()
    s = s[1:] if s.startswith("|") else s
    s = s[:-1] if s.endswith("|") else s
    return [c.strip() for c in s.split("|")]


def _pipe_rows(b: _Block) -> list[tuple[int, list[str]]]:
    rows = []
    for pos, line in b.lines:
        if _SEPARATOR.match(line):
            b.headed = True
        else:
            rows.append((pos, _pipe_cells(line)))
    return rows


def _tab_rows(b: _Block) -> list[tuple[int, list[str]]]:
    rows = [(pos, [c.strip() for c in line.strip(" \r").split("\t")]) for pos, line in b.lines]
    width = max(len(c) for _, c in rows)
    return [(pos, c + [""] * (width - len(c))) for pos, c in rows]


def _segments(line: str) -> list[tuple[int, int, str]]:
    """(start, end, text) of each run of text separated by two or more spaces."""
    return [(m.start(), m.end(), m.group()) for m in _SEGMENT.finditer(line)]


def _aligned_columns(lines: list[str]) -> list[tuple[int, int]]:
    """Column spans of space-aligned lines: runs of positions where some line has text, split
    where every line has at least two spaces."""
    width = max(len(x) for x in lines)
    blank = [all(i >= len(x) or x[i] == " " for x in lines) for i in range(width)]
    spans, start, gap = [], None, 0
    for i, b in enumerate(blank + [True, True]):
        if not b:
            start = i if start is None else start
            gap = 0
            continue
        gap += 1
        if start is not None and gap == 2:
            spans.append((start, i - 1))
            start = None
    return spans


def _column_of(seg: tuple[int, int, str], spans: list[tuple[int, int]], starts: list[int]) -> int:
    """The column a piece of text falls in: of the spans around it, the one it overlaps most,
    else the nearest."""
    a, z, _ = seg
    lo = max(bisect_right(starts, a) - 1, 0)
    if spans[lo][0] <= a and z <= spans[lo][1] + 1:
        return lo  # inside one column: the common case
    hi = min(max(bisect_right(starts, z), lo + 2), len(spans))
    return max(range(lo, hi), key=lambda j: (min(z, spans[j][1]) - max(a, spans[j][0]), -abs(spans[j][0] - a)))


def _cut(line: str, spans: list[tuple[int, int]]) -> list[str]:
    """A code-less line cut into [code column] + one cell per span; text that ends before the
    first span is the code column's ("STT")."""
    cells = [""] * (len(spans) + 1)
    starts = [s for s, _ in spans]
    for seg in _segments(line):
        j = 0 if seg[1] <= spans[0][0] else _column_of(seg, spans, starts) + 1
        cells[j] = f"{cells[j]} {seg[2]}".strip()
    return cells


def _peel(line: str) -> tuple[str, str]:
    """(row code, the line with its code blanked) when the line starts with a row code
    ("1.3. Số VBQPPL ..." keeps a single space after its code), else ("", line)."""
    m = _LEAD_CODE.match(line)
    if not m:
        return "", line
    return m.group(2), line[:m.start(2)] + " " * len(m.group(2)) + line[m.end(2):]


def _header_spans(lines: list[str], spans: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """The body's spans plus a column the header alone names past them ("Ghi chú" over an
    empty note column)."""
    extra = [(a, z) for t in lines for a, z, _ in _segments(t) if a > spans[-1][1] + 1]
    if not extra:
        return spans
    return spans + [(min(a for a, _ in extra), max(z for _, z in extra))]


def _spans_by_part(peeled: list[tuple[str, str]], parts: list[int]) -> list[list[tuple[int, int]]] | None:
    """The column spans of each page's part, from its coded lines (a later part with none takes
    the part's before); None when the first part has too few coded lines."""
    bounds = parts + [len(peeled)]
    out: list[list[tuple[int, int]]] = []
    for a, z in zip(bounds, bounds[1:]):
        coded = [body for code, body in peeled[a:z] if code and len(_segments(body)) >= 2]
        if len(coded) >= (ALIGNED_MIN_WIDE if not out else 1):
            out.append(_aligned_columns(coded))
        elif out:
            out.append(out[-1])
        else:
            return None
    return out


def _part_spans(peeled: list[tuple[str, str]], parts: list[int], first: int) -> list[list[tuple[int, int]]] | None:
    """The spans of each page's part (a page may shift the columns), with the column the first
    part's header may add; None when the parts do not have the same number of columns."""
    out = _spans_by_part(peeled, parts)
    if out is None:
        return None
    head = _header_spans([body for _, body in peeled[:first]], out[0])
    extra = head[len(out[0]):]
    out = [head] + [sp + extra if len(sp) == len(out[0]) else sp for sp in out[1:]]
    return out if all(len(sp) == len(head) for sp in out) and 2 <= len(head) <= ALIGNED_MAX_COLUMNS else None


def _aligned_rows(b: _Block) -> list[tuple[int, list[str]]]:
    """Rows of a space-aligned block: the row code read off the start of each line, the other
    columns from the positions of the coded lines' text (per page); the lines before the first
    coded row are one header row, a later line without a code the wrapped rest of the row above."""
    texts = [line.rstrip().expandtabs(8) for _, line in b.lines]
    peeled = [_peel(t) for t in texts]
    if len(texts) < ALIGNED_MIN_LINES or sum(1 for code, _ in peeled if code) < ALIGNED_MIN_WIDE:
        return []
    first = next(k for k, (code, _) in enumerate(peeled) if code)
    spans = _part_spans(peeled, b.parts, first)
    if spans is None:
        return []
    offsets = [pos for pos, _ in b.lines]
    bounds = b.parts + [len(texts)]
    rows: list[tuple[int, list[str]]] = []
    for n, (a, z) in enumerate(zip(bounds, bounds[1:])):
        rows += _rows_of(offsets[a:z], peeled[a:z], first if n == 0 else 0, spans[n])
    return rows if _has_data(rows) else []


def _join(a: list[str], b: list[str]) -> list[str]:
    return [f"{x} {y}".strip() for x, y in zip(a, b)]


def _rows_of(offsets: list[int], peeled: list[tuple[str, str]], first: int,
             spans: list[tuple[int, int]]) -> list[tuple[int, list[str]]]:
    """One header row of the lines before the first coded one; then a row per coded line,
    each following line without a code joined to it."""
    rows: list[tuple[int, list[str]]] = []
    if first:
        head = [""] * (len(spans) + 1)
        for _, body in peeled[:first]:
            head = _join(head, _cut(body, spans))
        rows.append((offsets[0], head))
    for pos, (code, body) in zip(offsets[first:], peeled[first:]):
        cells = _cut(body, spans)
        cells[0] = f"{code} {cells[0]}".strip()
        if code or len(rows) == (1 if first else 0) or _holds_values(cells):
            rows.append((pos, cells))
        else:
            rows[-1] = (rows[-1][0], _join(rows[-1][1], cells))
    return rows


def _holds_values(cells: list[str]) -> bool:
    """A line without a row code that is a row of its own (a "Tổng cộng" row), not the wrapped
    rest of the row above: numbers in two of its value columns (a wrapped label has none)."""
    return sum(1 for x in cells[2:] if _NUMBER_CELL.match(x)) >= 2


def _has_data(rows: list[tuple[int, list[str]]]) -> bool:
    """At least two rows that start with a row code or hold a number past the first column."""
    data = [c for _, c in rows if row_code(c[0]) or any(_NUMBER_CELL.match(x) for x in c[1:])]
    return len(data) >= ALIGNED_MIN_WIDE


_ROWS = {"pipe": _pipe_rows, "tab": _tab_rows, "aligned": _aligned_rows}
ALIGNED = "text:aligned"  # the source of a space-aligned table (checked before use: tables.py)


def _continues(prev: RawTable | None, b: _Block, rows: list[list[str]], gap: str) -> bool:
    """A pipe block cut from the table before by a heading line of the export."""
    if prev is None or b.kind != "pipe" or b.headed or prev.source != "text:pipe":
        return False
    if len(prev.rows[0]) != len(rows[0]) or rows[0] == prev.rows[0]:
        return False
    return not regex.search(vocab().form_heading, gap, regex.M)


def _shared_blocks(raw: str, cache: dict | None) -> list[_Block]:
    """``_blocks(raw)``, found once per document when the caller gives its ``cache`` (an extractor
    context's): the reading of a block's rows only ever sets its ``headed`` to what it finds."""
    if cache is None:
        return _blocks(raw)
    found = cache.get("text_blocks")
    if found is None or found[0] is not raw:
        found = cache["text_blocks"] = (raw, _blocks(raw))
    return found[1]


def row_spans(raw: str, cache: dict | None = None) -> list[tuple[int, int]]:
    """Raw spans of the pipe and tab tables of a text export (the blocks ``text_tables`` reads as
    tables): their cells are no running text. Space-aligned blocks are left to the running text,
    since they are tables only when a form confirms them. ``cache``: see :func:`_shared_blocks`."""
    spans = []
    for b in _shared_blocks(raw, cache):
        if b.kind == "aligned":
            continue
        rows = [c for _, c in _ROWS[b.kind](b)]
        if len(rows) >= 2 and max(map(len, rows)) >= 2:
            spans.append((b.start, b.end))
    return spans


def text_tables(doc: Document, cache: dict | None = None) -> list[RawTable]:
    """Every pipe, tab or space-aligned table of the raw text, with the offset and pages of its lines.
    ``cache``: see :func:`_shared_blocks`."""
    raw = doc.raw_text
    tables: list[RawTable] = []
    prev_end = 0
    for b in _shared_blocks(raw, cache):
        found = _ROWS[b.kind](b)
        rows = [c for _, c in found]
        pages = [doc.raw_page_of(pos) for pos, _ in found]
        prev = tables[-1] if tables else None
        if rows and _continues(prev, b, rows, raw[prev_end:b.start]):
            prev.rows.extend(rows)
            prev.pages.extend(pages)
        elif len(rows) >= 2 and max(map(len, rows)) >= 2 and any(clean(c) for r in rows for c in r):
            tables.append(RawTable(page=pages[0], rows=rows, source=f"text:{b.kind}", offset=found[0][0],
                                   pages=pages))
        prev_end = b.end
    return tables
