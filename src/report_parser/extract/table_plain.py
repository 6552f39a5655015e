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

from collections.abc import Iterator
from dataclasses import dataclass, field

import regex

from ..document import Document, RawTable
from .table_cells import clean, row_code, vocab

_SEPARATOR = regex.compile(r"^[ \t]*\|?(?:[ \t]*:?-{3,}:?[ \t]*\|)+(?:[ \t]*:?-{3,}:?[ \t]*)?$")
_GAP = regex.compile(r" {2,}")
# a space-aligned table: at least this many lines, of which this many have 3+ columns
ALIGNED_MIN_LINES = 3
ALIGNED_MIN_WIDE = 2
# at most this much text (a page number) between two parts of one table
PAGE_GAP_CHARS = 12


@dataclass
class _Block:
    kind: str                   # "pipe" | "tab" | "aligned"
    start: int                  # raw offset of its first line
    lines: list[tuple[int, str]] = field(default_factory=list)   # (raw offset, line)
    headed: bool = False        # a |---| separator line was seen
    end: int = 0                # raw offset just after its last line


def _lines(raw: str) -> Iterator[tuple[int, str]]:
    """(raw offset, line) of every line; form feeds and CR LF end lines too."""
    pos = 0
    for m in regex.finditer(r"\r\n|\n|\f", raw):
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
    if len(_GAP.split(s)) >= 2:
        return "aligned"
    return None


def _wrapped(line: str) -> bool:
    """An indented line inside a space-aligned table that is not the next form's heading."""
    return line.startswith("  ") and bool(line.strip()) and not regex.match(vocab().form_heading, line.strip())


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
    return next((k for k, (_, line) in enumerate(lines) if row_code(_GAP.split(line.strip())[0])), None)


def _join_pages(blocks: list[_Block], raw: str) -> list[_Block]:
    """A space-aligned table cut by a page break (nothing but a page number between) goes on:
    the next block's rows from its first coded row (the header it repeats is dropped)."""
    out: list[_Block] = []
    for b in blocks:
        prev = out[-1] if out else None
        k = _first_coded(b.lines) if b.kind == "aligned" else None
        if (prev is not None and prev.kind == "aligned" and k is not None
                and len(clean(raw[prev.end:b.start])) <= PAGE_GAP_CHARS):
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
    return [(m.start(), m.end(), m.group()) for m in regex.finditer(r"\S+(?: \S+)*", line)]


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


def _column_of(seg: tuple[int, int, str], spans: list[tuple[int, int]]) -> int:
    """The column a piece of text falls in: the span it overlaps most, else the nearest."""
    a, z, _ = seg
    overlap = [min(z, e) - max(a, s) for s, e in spans]
    best = max(range(len(spans)), key=lambda j: (overlap[j], -abs(spans[j][0] - a)))
    return best


def _cut(line: str, spans: list[tuple[int, int]]) -> list[str]:
    cells = [""] * len(spans)
    for seg in _segments(line):
        j = _column_of(seg, spans)
        cells[j] = f"{cells[j]} {seg[2]}".strip()
    return cells


def _is_wide(line: str) -> bool:
    return len(_GAP.split(line.strip())) >= 3


def _aligned_rows(b: _Block) -> list[tuple[int, list[str]]]:
    """Rows of a space-aligned block. The columns come from its coded rows ("2.1.  Số ...  26"),
    else from its wide lines; a line without text in the first column, after the first coded
    row, is the wrapped rest of the row above (a long label, a coded unit, a note)."""
    texts = [line.rstrip().expandtabs(8) for _, line in b.lines]
    wide = [t for t in texts if _is_wide(t)]
    if len(texts) < ALIGNED_MIN_LINES or len(wide) < ALIGNED_MIN_WIDE:
        return []
    coded = [t for t in wide if row_code(_GAP.split(t.strip())[0])]
    spans = _aligned_columns(coded if len(coded) >= ALIGNED_MIN_WIDE else wide)
    if len(spans) < 3:
        return []
    rows = _rows_of(b.lines, texts, spans)
    return rows if _has_data(rows) else []


def _rows_of(lines: list[tuple[int, str]], texts: list[str],
             spans: list[tuple[int, int]]) -> list[tuple[int, list[str]]]:
    """Each line cut into the columns; after the first coded row a line with nothing in the
    first column is joined to the row above."""
    rows: list[tuple[int, list[str]]] = []
    seen_code = False
    for (pos, _), t in zip(lines, texts):
        cells = _cut(t, spans)
        if seen_code and not cells[0] and rows:
            rows[-1] = (rows[-1][0], [f"{x} {y}".strip() for x, y in zip(rows[-1][1], cells)])
            continue
        seen_code = seen_code or row_code(cells[0]) is not None
        rows.append((pos, cells))
    return rows


def _has_data(rows: list[tuple[int, list[str]]]) -> bool:
    """At least two rows that start with a row code or hold a number past the first column."""
    number = regex.compile(r"^[\d.,%\s]*\d[\d.,%\s]*$")
    data = [c for _, c in rows if row_code(c[0]) or any(number.match(x) for x in c[1:])]
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


def text_tables(doc: Document) -> list[RawTable]:
    """Every pipe, tab or space-aligned table of the raw text, with the offset and pages of its lines."""
    raw = doc.raw_text
    tables: list[RawTable] = []
    prev_end = 0
    for b in _blocks(raw):
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
