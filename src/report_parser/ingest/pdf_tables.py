"""Ruled tables of a PDF.

Our finder (:mod:`.pdf_ruling`, pdfplumber's ``lines`` strategy without pdfplumber)
runs on the ruling edges and character boxes :mod:`.pdf_grid` read from pypdfium2's
objects while :mod:`.pdf` had the page open for its text, only on the pages it found
ruling lines on (``table_pages``). Only a page that cannot be read that way (turned,
or with turned text) is opened with pdfplumber, which interprets the page again with
pdfminer (slow). Boxed
paragraphs and highlighted text are drawn with rules too: a found table counts
only when at least half its rows have two filled cells. A table that runs on at
the top of the next page (no heading above it, the same columns) is one table;
a header it repeats there is dropped. Cells keep their line breaks (a wrapped
cell is one cell); merged cells are ``None`` where pdfplumber spans them.
"""
from __future__ import annotations

import bisect
import io
import logging
import re
from pathlib import Path

from ..document import Document, RawTable
from . import pdf_chars, pdf_ruling
from .pdf_grid import PageLayout

log = logging.getLogger(__name__)

# at most this much text (a page number) may stand above a table that continues one
FURNITURE_CHARS = 12
# column edges of two parts of one table agree within this many points
EDGE_TOLERANCE = 6.0



_SPACES = re.compile(r"\s+")


def _ws(s: str | None) -> str:
    return _SPACES.sub(" ", s or "").strip()


def _filled(s: str | None) -> bool:
    """Whether a cell holds more than white space (``_ws(s)`` is not empty)."""
    return bool(s) and not s.isspace()


def _is_data_table(rows: list[list[str | None]]) -> bool:
    """True for a real grid: two columns or more, and most rows fill two cells or more."""
    if not rows or max(len(r) for r in rows) < 2:
        return False
    full = sum(1 for r in rows if sum(1 for c in r if _filled(c)) >= 2)
    return full * 2 >= len(rows)


def _offset_in_page(doc: Document, page: int, rows: list[list[str | None]], above: str) -> int:
    """Raw offset of the table's first cell text on its page, looked for after the last line
    printed above the table (the page start when not found)."""
    start = doc.page_starts[page - 1]
    text = doc.pages[page - 1]
    lines = [ln for ln in (_ws(x) for x in above.split("\n")) if ln]
    after = text.find(lines[-1]) + len(lines[-1]) if lines and lines[-1] in text else 0
    first = next((_ws(c.split("\n")[0]) for r in rows for c in r if _ws(c)), "")
    i = text.find(first, after) if first else -1
    return start + i if i >= 0 else start + after


def _continues(prev: RawTable, table: RawTable, above: str) -> bool:
    """Whether ``table`` (first on its page) is the rest of ``prev`` (last on the page before)."""
    if table.page != prev.pages[-1] + 1 or prev.bbox is None or table.bbox is None:
        return False
    if max(map(len, prev.rows)) != max(map(len, table.rows)):
        return False
    if abs(prev.bbox[0] - table.bbox[0]) > EDGE_TOLERANCE or abs(prev.bbox[2] - table.bbox[2]) > EDGE_TOLERANCE:
        return False
    return len(_ws(above)) <= FURNITURE_CHARS


def _drop_repeated_header(prev: RawTable, table: RawTable) -> list[list[str | None]]:
    """Rows of a continuation without the header rows it repeats from ``prev``."""
    head = [[_ws(c) for c in r] for r in prev.rows[:3]]
    rows = list(table.rows)
    while rows and [_ws(c) for c in rows[0]] in head:
        rows.pop(0)
    return rows


def _join_continuations(found: list[tuple[RawTable, str]]) -> list[RawTable]:
    """Tables in page order, each (table, text printed above it on its page)."""
    out: list[RawTable] = []
    for t, above in found:
        prev = out[-1] if out else None
        first_on_page = prev is None or prev.pages[-1] != t.page
        if prev is not None and first_on_page and _continues(prev, t, above):
            rows = _drop_repeated_header(prev, t)
            prev.rows.extend(rows)
            prev.pages.extend([t.page] * len(rows))
            continue
        out.append(t)
    return out


class _GridPage:
    """A page read from its :class:`PageLayout`, with the methods of pdfplumber's page that
    :func:`_page_tables` calls (the finder is :mod:`.pdf_ruling`, the text :mod:`.pdf_chars`)."""

    def __init__(self, layout: PageLayout):
        self.edges = layout.edges
        self.chars = layout.chars
        self.width = layout.width
        # the characters' centres (height, across), and their indexes sorted by height, for every table
        self.down = [(top + bottom) / 2 for _, top, _, bottom, _ in self.chars]
        self.across = [(x0 + x1) / 2 for x0, _, x1, _, _ in self.chars]
        self.order = sorted(range(len(self.chars)), key=self.down.__getitem__)
        self.heights = [self.down[i] for i in self.order]

    def find_tables(self) -> list[_GridTable]:
        return [_GridTable(cells, self) for cells in pdf_ruling.find(self.edges)]

    def band(self, top: float, bottom: float, *, inclusive: bool = False) -> list[int]:
        """The indexes of the characters whose centre is from ``top`` to ``bottom`` (that one
        excluded unless ``inclusive``)."""
        end = (bisect.bisect_right if inclusive else bisect.bisect_left)(self.heights, bottom)
        return self.order[bisect.bisect_left(self.heights, top):end]

    def text_within(self, bbox: tuple[float, float, float, float]) -> str:
        """The text wholly inside ``bbox``: of the characters whose centre is in its height."""
        chars = self.chars
        return pdf_chars.text_within([chars[i] for i in sorted(self.band(bbox[1], bbox[3], inclusive=True))], bbox)


class _GridTable:
    """A table found on a :class:`_GridPage`, its cells read as pdfplumber's ``Table.extract``
    reads them (a character belongs to the cell its centre is in), with the characters
    sorted by height once for the page instead of scanned for every row."""

    def __init__(self, cells: list[pdf_ruling.Box], page: _GridPage):
        self.bbox = pdf_ruling.bbox(cells)
        self._cells = cells
        self._page = page

    def extract(self) -> list[list[str | None]]:
        across = self._page.across
        out = []
        for (_, top, _, bottom), cells in pdf_ruling.rows(self._cells):
            band = sorted(self._page.band(top, bottom), key=across.__getitem__)
            positions = [across[i] for i in band]
            out.append([None if cell is None else self._cell_text(cell, band, positions, bottom) for cell in cells])
        return out

    def _cell_text(self, cell: pdf_ruling.Box, band: list[int], positions: list[float], band_bottom: float) -> str:
        """The text of the characters whose centre is in ``cell``, in their order on the page
        (``band``: the characters whose centre is in its row's height band, sorted across,
        ``positions`` their centres across; a cell starts at its row's top, and one as tall
        as the row takes every centre across its span)."""
        x0, _, x1, bottom = cell
        span = band[bisect.bisect_left(positions, x0):bisect.bisect_left(positions, x1)]
        if bottom < band_bottom:
            down = self._page.down
            span = [i for i in span if down[i] < bottom]
        chars = self._page.chars
        return pdf_chars.text([chars[i] for i in sorted(span)])


def _plumber_text_within(page, bbox: tuple[float, float, float, float]) -> str:
    return page.within_bbox(bbox).extract_text() or ""


def _page_tables(page, number: int, doc: Document, text_within=_plumber_text_within,
                 source: str = "pdfplumber") -> list[tuple[RawTable, str]]:
    found = []
    previous_bottom = 0.0
    for t in sorted(page.find_tables(), key=lambda t: t.bbox[1]):
        rows = t.extract()
        if not _is_data_table(rows):
            continue
        top = max(t.bbox[1], previous_bottom + 1)
        above = text_within(page, (0, previous_bottom, page.width, top))
        previous_bottom = t.bbox[3]
        found.append((RawTable(page=number, rows=rows, source=source,
                               offset=_offset_in_page(doc, number, rows, above),
                               pages=[number] * len(rows), bbox=tuple(t.bbox)), above))
    return found


def _plumber_tables(path: Path, data: bytes, pages: list[int], doc: Document) -> list[tuple[RawTable, str]]:
    """Tables of ``pages`` through pdfplumber (pdfminer lays each page out again)."""
    import pdfplumber

    found: list[tuple[RawTable, str]] = []
    with pdfplumber.open(io.BytesIO(data), pages=pages) as pdf:
        for page in pdf.pages:
            try:
                found.extend(_page_tables(page, page.page_number, doc))
            finally:
                page.close()
    return found


def extract_tables(path: Path, data: bytes, layouts: dict[int, PageLayout | None], doc: Document) -> list[RawTable]:
    """The ruled tables of the table pages (``layouts``: 1-based page -> its edges and
    characters, None for a page pdfplumber must read), continued tables joined."""
    tables: list[tuple[RawTable, str]] = []
    try:
        plumber = [n for n, layout in layouts.items() if layout is None]
        found = _plumber_tables(path, data, plumber, doc) if plumber else []
        for n in sorted(layouts):
            layout = layouts[n]
            if layout is None:
                tables.extend(t for t in found if t[0].page == n)
            else:
                tables.extend(_page_tables(_GridPage(layout), n, doc, _GridPage.text_within, "pdf"))
    except Exception as e:  # pdfminer raises assorted errors on odd PDFs; the text is still usable
        log.warning("%s: table extraction failed: %s", path, e)
        doc.warnings.append(f"table extraction failed: {type(e).__name__}")
        return []
    return _join_continuations(tables)
