"""Appendix statistic forms ("Biểu mẫu N") and other tables of a report.

From the readers' :class:`~report_parser.document.RawTable` rows (ruled grids of
PDF pages, python-docx for Word, pipe, tab or space-aligned rows of a text export via
:mod:`.table_plain`): the header rows give each column a role (STT, label,
unit, value, note; vocabulary in ``patterns/table_units.yaml``). A table with a
label column and a single value column is a *form* (one value per row, cells
read by :mod:`.table_cells`); any other data table is a *grid*. The "Biểu mẫu
N" heading and title are read from the raw text just before the table; a table
without its own heading right after another with the same columns (a Word table
split at a page break) goes on with it. Layout tables (the national header, the
signature block) are left out. Forms that no reader table gave (all of them in
a .txt export) are rebuilt from the text lines by :mod:`.table_text`.
"""
from __future__ import annotations

from dataclasses import dataclass

import regex

from ..document import Document, RawTable
from ..models import FormRow, FormTable, GridRow, GridTable
from . import Context
from .table_cells import cell_value, clean, row_code, vocab
from .table_indicators import is_field_grid
from .table_plain import ALIGNED, text_tables
from .table_text import forms_from_text
from .. import patterns

# how far before a table (characters of raw text) its heading is looked for
HEADING_WINDOW = 600
# a table with at most this much text between it and the form before continues that form
CONTINUATION_CHARS = 12
# ... or this much when it starts on a later page and repeats that form's header row (a row
# broken over the page break leaves the rest of its cells' text between the two parts)
REPEATED_HEADER_GAP = 240
# longest line taken as a grid's title
TITLE_MAX = 160
# a header has at most this many rows (more levels than this are not printed)
MAX_HEADER_ROWS = 4
# a layout table (header or signature block) has at most this many rows
LAYOUT_ROWS = 3


@dataclass
class _Heading:
    form: str | None
    title: str | None
    gap: str  # the raw text between the previous table and this one


@patterns.memoised
def _heading_regex() -> regex.Pattern:
    return regex.compile(vocab().form_heading, regex.M)


# --------------------------------------------------------------------------- header and columns
def _is_body_row(cells: list[str]) -> bool:
    """A data row: a row code first, or a number in some cell (years alone make a header row:
    "Chỉ tiêu | 2021 | 2022")."""
    filled = [c for c in cells if c]
    if not filled:
        return False
    if row_code(cells[0]) is not None and len(filled) >= 2:
        return True
    numbers = [c for c in filled if regex.fullmatch(r"[\d.,%\s/-]*\d[\d.,%\s/-]*", c)]
    return any(not regex.fullmatch(r"(?:19|20)\d\d", c) for c in numbers)


def _is_numbering_row(cells: list[str]) -> bool:
    """The row of column numbers some forms print under the header: "(1) (2) (3)" or "A B 1 2"."""
    filled = [c for c in cells if c]
    return len(filled) >= 3 and all(regex.fullmatch(r"\(?[A-Z0-9]{1,2}\)?", c) for c in filled)


def _split_header(rows: list[list[str]]) -> tuple[list[list[str]], list[list[str]]]:
    """(header rows, body rows): the header runs to the first data row (at most
    ``MAX_HEADER_ROWS``; a table without data rows has its first row as header), then
    takes a row of column numbers printed under it."""
    n = next((i for i, r in enumerate(rows[:MAX_HEADER_ROWS + 1]) if _is_body_row(r)), None)
    if n is None:
        n = 1 if len(rows) > 1 else 0
    head, body = rows[:n], rows[n:]
    while body and _is_numbering_row(body[0]):
        head, body = head + [body[0]], body[1:]
    return head, body


def _column_paths(head: list[list[str | None]], width: int) -> list[list[str]]:
    """Header texts of each column, top-down; a merged (None) header cell takes the text of
    the cell it continues: the left one in the first header row, the one above below it."""
    grid: list[list[str]] = []
    for i, row in enumerate(head):
        row = list(row) + [None] * (width - len(row))
        out: list[str] = []
        for j, c in enumerate(row):
            if c is None:
                c = (out[j - 1] if j else "") if i == 0 else grid[i - 1][j]
            out.append(clean(c))
        grid.append(out)
    paths = []
    for j in range(width):
        path: list[str] = []
        for row in grid:
            if row[j] and row[j] not in path:
                path.append(row[j])
        paths.append(path)
    return paths


@patterns.memoised
def _column_words() -> list[tuple[str, list[regex.Pattern]]]:
    """Each column role with its header words (tables.yaml ``columns``), as whole words."""
    return [(role, [regex.compile(r"(?<!\p{L})" + regex.escape(w.casefold()) + r"(?!\p{L})") for w in words])
            for role, words in vocab().columns.items()]


def _role(path: list[str]) -> str | None:
    """A column's role from its own header text first, then its parents'."""
    cols = _column_words()
    for text in reversed(path):
        t = text.casefold()
        for role, words in cols:
            if any(w.search(t) for w in words):
                return role
    return None


# --------------------------------------------------------------------------- heading before a table
def _heading(doc: Document, raw: RawTable, prev_end: int | None) -> _Heading:
    """The "Biểu mẫu N" heading and title printed between the previous table and this one."""
    start = raw.offset if raw.offset is not None else doc.page_starts[raw.page - 1]
    if prev_end is None or prev_end > start:
        prev_end = 0
    gap = doc.raw_text[max(prev_end, start - HEADING_WINDOW):start]
    matches = list(_heading_regex().finditer(gap))
    if not matches:
        return _Heading(None, _paragraph_before(doc, start), gap)
    m = matches[-1]
    same_line, _, following = gap[m.end():].partition("\n")
    title = clean(same_line).strip(" :.-") or next(
        (clean(x) for x in following.splitlines() if clean(x)), None)
    return _Heading(m.group(1), title, gap)


def _paragraph_before(doc: Document, raw_offset: int) -> str | None:
    """The repaired paragraph (or the part of it on the table's line) just before a table,
    as a grid's title when it is short."""
    before = doc.text[:doc.offset_of_raw(raw_offset)].rstrip()
    last = clean(before[before.rfind("\n") + 1:])
    return last if last and len(last) <= TITLE_MAX else None


def _table_end(doc: Document, raw: RawTable) -> int | None:
    """Raw offset just after a table's text, found by walking its cells' last lines in order."""
    if raw.offset is None:
        return None
    pos = raw.offset
    for row in raw.rows:
        for cell in row:
            lines = [x.strip() for x in (cell or "").splitlines() if x.strip()]
            if lines and (i := doc.raw_text.find(lines[-1], pos)) >= 0:
                pos = i + len(lines[-1])
    return pos


# --------------------------------------------------------------------------- forms and grids
def _joins(prev: FormRow, label: str, value, raw: str) -> bool:
    """A row without a code after a row that lacks a value (or itself without one) is a cell
    wrapped over a page break: the rest of ``prev``, joined to it."""
    if prev.value is not None and value is not None:
        return False
    prev.label = clean(f"{prev.label} {label}")
    if prev.value is None and value is not None:
        prev.value, prev.raw = value, raw
    return True


def _form_rows(body: list[list[str | None]], pages: list[int], roles: list[str | None]) -> list[FormRow]:
    col = {r: roles.index(r) for r in ("code", "label", "unit", "value", "note") if r in roles}

    def get(cells: list[str | None], role: str) -> str:
        j = col.get(role)
        return clean(cells[j]) if j is not None and j < len(cells) else ""

    rows: list[FormRow] = []
    for cells, page in zip(body, pages):
        code, label, unit, raw = row_code(get(cells, "code")), get(cells, "label"), get(cells, "unit"), get(cells, "value")
        if not (code or label or raw):
            continue
        value = cell_value(raw, unit)
        if code is None and rows and _joins(rows[-1], label, value, raw):
            continue
        rows.append(FormRow(code=code or "", label=label, unit=unit or None, value=value,
                            raw=raw or None, note=get(cells, "note") or None, page=page))
    return rows


def _is_layout(rows: list[list[str | None]]) -> bool:
    """The national header or the signature block: a few rows holding their set phrases."""
    if len(rows) > LAYOUT_ROWS:
        return False
    markers = [m.casefold() for m in vocab().layout_markers]
    text = " ".join(clean(c) for r in rows for c in r if c).casefold()
    return any(m in text for m in markers)


@dataclass
class _Built:
    table: FormTable | GridTable
    roles: list[str | None]
    width: int
    header: str = ""  # the first header row's text, one line (a continuation may repeat it)


def _header_text(raw: RawTable) -> str:
    head = _parts(raw)[0]
    return " ".join(clean(c) for c in head[0] if c) if head else ""


def _parts(raw: RawTable) -> tuple[list[list[str | None]], list[list[str | None]], list[int], int]:
    """(header rows, body rows, page of each body row, width) of a reader table."""
    width = max(len(r) for r in raw.rows)
    rows = [list(r) + [None] * (width - len(r)) for r in raw.rows]
    pages = raw.pages or [raw.page] * len(rows)
    head, _ = _split_header([[clean(c) for c in r] for r in rows])
    return rows[:len(head)], rows[len(head):], pages[len(head):], width


def _body(table: FormTable | GridTable, body: list, pages: list[int], roles: list[str | None]) -> list:
    if isinstance(table, FormTable):
        return _form_rows(body, pages, roles)
    return [GridRow(cells=[clean(c) if c is not None else None for c in r], page=pg) for r, pg in zip(body, pages)]


def _new_table(raw: RawTable, heading: _Heading) -> _Built | None:
    head, body, body_pages, width = _parts(raw)
    if len(raw.rows) < 2 or not body:
        return None
    paths = _column_paths(head, width)
    roles = [_role(p) for p in paths]
    common = dict(form=heading.form, title=heading.title, page=raw.page, pages=sorted(set(raw.pages or [raw.page])))
    if all(r in roles for r in vocab().form_roles) and roles.count("value") == 1:
        table: FormTable | GridTable = FormTable(**common)
    else:
        table = GridTable(columns=[" / ".join(p) for p in paths], **common)
    table.rows = _body(table, body, body_pages, roles)
    return _Built(table, roles, width, _header_text(raw))


def _continue(prev: _Built, raw: RawTable) -> None:
    """Add the rows of a table that goes on ``prev`` (a header it repeats is left out)."""
    _, body, body_pages, _ = _parts(raw)
    prev.table.rows.extend(_body(prev.table, body, body_pages, prev.roles))
    prev.table.pages = sorted(set(prev.table.pages) | set(body_pages))


def _continues(prev: _Built | None, raw: RawTable, heading: _Heading) -> bool:
    """A table right after another with the same columns: nothing but a page number between,
    or, on a later page, the same header row repeated after the rest of a broken row."""
    if prev is None or heading.form is not None or max(len(r) for r in raw.rows) != prev.width:
        return False
    gap = len(clean(heading.gap))
    if gap <= CONTINUATION_CHARS:
        return True
    return (gap <= REPEATED_HEADER_GAP and raw.page > max(prev.table.pages)
            and bool(prev.header) and _header_text(raw) == prev.header)


def tables_from_raw(doc: Document, raws: list[RawTable] | None = None) -> list[FormTable | GridTable]:
    """Forms and grids of the reader's tables (or of ``raws``), in document order."""
    built: list[_Built] = []
    prev_end: int | None = None
    for raw in doc.tables if raws is None else raws:
        if not raw.rows or _is_layout(raw.rows):
            continue
        heading = _heading(doc, raw, prev_end)
        prev_end = _table_end(doc, raw) or prev_end
        prev = built[-1] if built else None
        if _continues(prev, raw, heading):
            _continue(prev, raw)
        elif b := _new_table(raw, heading):
            built.append(b)
    return [b.table for b in built]


def _checked_aligned(aligned: list[FormTable | GridTable], flat: list[FormTable]) -> list[FormTable | GridTable]:
    """Space-aligned tables are guessed from positions, so they are kept only where they agree
    with the line reading: a form with exactly the rows the lines give (its cells are split
    better: wrapped units, notes), a per-field results grid; anything else is left out."""
    codes = {t.form: [r.code for r in t.rows] for t in flat}
    kept: list[FormTable | GridTable] = []
    for t in aligned:
        if isinstance(t, FormTable) and t.form in codes and codes[t.form] == [r.code for r in t.rows]:
            kept.append(t)
        elif isinstance(t, GridTable) and t.form is None and is_field_grid(t.columns):
            kept.append(t)
    return kept


def _text_export_tables(doc: Document, cache: dict | None = None) -> list[FormTable | GridTable]:
    """The tables of a document without reader tables: pipe and tab rows as they are,
    space-aligned ones checked against the forms read line by line."""
    raws = text_tables(doc, cache)
    tables = tables_from_raw(doc, [r for r in raws if r.source != ALIGNED])
    aligned = [r for r in raws if r.source == ALIGNED]
    if aligned:
        have = {t.form for t in tables if isinstance(t, FormTable)}
        flat = forms_from_text(doc, skip=have)
        tables += _checked_aligned(tables_from_raw(doc, aligned), flat)
    return tables


def extract(ctx: Context) -> list[FormTable | GridTable]:
    """The tables of the report: the reader's tables, plus the forms rebuilt from the text
    lines that no reader table gave (all of them for a .txt export; a form printed without
    rules in a PDF)."""
    tables = tables_from_raw(ctx.doc) if ctx.doc.tables else _text_export_tables(ctx.doc, ctx.cache)
    forms = [t for t in tables if isinstance(t, FormTable)]
    if any(t.form is None for t in forms):
        return tables  # a reader form without its number may be any of the text's forms
    have = {t.form for t in forms}
    return tables + forms_from_text(ctx.doc, skip=have)
