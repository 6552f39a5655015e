"""Word .docx via python-docx: paragraphs and tables in document order.

Table rows are also written into the text as lines (cells joined by spaces), so
headings before a table and the flattened-table fallback see them; each
:class:`RawTable` records the offset where its text starts. A vertically or
horizontally merged cell is reported once (python-docx repeats it on every row
and column it spans: deduplicated by the underlying XML element). A table nested
in a cell (a header or signature block laid out in tables) is read into that
cell's text, one line per nested cell.
Explicit page breaks (and Word's last-rendered page breaks) split pages.
"""
from __future__ import annotations

import io
import zipfile
from pathlib import Path

from .. import limits
from ..document import Document, RawTable
from ..errors import UnreadableInput

W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"


def _para_text_and_breaks(p_el) -> tuple[str, int]:
    """Text of a <w:p> element and how many page breaks it holds *before* its text ends."""
    parts: list[str] = []
    breaks = 0
    for el in p_el.iter():
        tag = el.tag
        if tag == W + "t":
            parts.append(el.text or "")
        elif tag == W + "tab":
            parts.append(" ")
        elif tag == W + "br":
            if el.get(W + "type") == "page":
                breaks += 1
                parts.append("\f")
            else:
                parts.append("\n")
        elif tag == W + "lastRenderedPageBreak":
            pass
    return "".join(parts), breaks


def _page_break_before(p_el) -> bool:
    ppr = p_el.find(W + "pPr")
    return ppr is not None and ppr.find(W + "pageBreakBefore") is not None


def table_rows(table) -> list[list[str | None]]:
    """Rows of a python-docx table; a merged cell's text appears once, other spanned slots are None."""
    rows: list[list[str | None]] = []
    seen: set[int] = set()
    alive = []  # hold the lxml proxies so their ids stay unique while we compare them
    for row in table.rows:
        cells: list[str | None] = []
        for cell in row.cells:
            key = id(cell._tc)
            if key in seen:
                cells.append(None)
                continue
            seen.add(key)
            alive.append(cell._tc)
            # vertical merge continuation: <w:vMerge/> without val="restart"
            tcpr = cell._tc.tcPr
            vm = tcpr.find(W + "vMerge") if tcpr is not None else None
            if vm is not None and vm.get(W + "val") in (None, "continue"):
                cells.append(None)
                continue
            cells.append(cell_text(cell))
        rows.append(cells)
    return rows


def cell_text(cell) -> str:
    """A cell's paragraphs and nested tables in order, one line each; a nested table
    (a signature block or header laid out in a table inside a table) gives one line
    per cell, as the outer table does."""
    from docx.table import Table
    from docx.text.paragraph import Paragraph

    lines: list[str] = []
    for el in cell._tc.iterchildren():
        if el.tag == W + "p":
            lines.append(Paragraph(el, cell).text)
        elif el.tag == W + "tbl":
            lines.extend(c for r in table_rows(Table(el, cell)) for c in r if c)
    return "\n".join(lines).strip()


def _check_unpacked(path: Path, data: bytes) -> None:
    """Refuse a zip bomb from the sizes the package declares (zipfile reads no more than those)."""
    try:
        with zipfile.ZipFile(io.BytesIO(data)) as z:
            parts = z.infolist()
    except (zipfile.BadZipFile, ValueError, OSError) as e:
        raise UnreadableInput(f"{path}: corrupt Word file ({e})") from None
    xml = sum(i.file_size for i in parts if i.filename.lower().endswith((".xml", ".rels")))
    limits.check_unpacked(path, xml, sum(i.file_size for i in parts))


def read_docx(path: Path, data: bytes, sha: str) -> Document:
    _check_unpacked(path, data)
    try:
        import docx  # python-docx
        from docx.table import Table
        d = docx.Document(io.BytesIO(data))
    except (zipfile.BadZipFile, KeyError, ValueError) as e:
        raise UnreadableInput(f"{path}: corrupt Word file ({e})") from None
    except Exception as e:  # python-docx raises assorted errors on broken packages
        raise UnreadableInput(f"{path}: cannot open the Word file ({type(e).__name__}: {e})") from None
    pieces: list[str] = []
    tables: list[RawTable] = []
    page = 1
    pos = 0

    def emit(s: str) -> None:
        nonlocal pos, page
        pieces.append(s)
        pos += len(s)
        page += s.count("\f")

    body = d.element.body
    for el in body.iterchildren():
        if el.tag == W + "p":
            if _page_break_before(el) and pieces:
                emit("\f")
            text, _ = _para_text_and_breaks(el)
            emit(text + "\n")
        elif el.tag == W + "tbl":
            t = Table(el, d)
            rows = table_rows(t)
            start = pos
            tables.append(RawTable(page=page, rows=rows, source="docx", offset=start,
                                   pages=[page] * len(rows)))
            for r in rows:  # one cell a line, as a PDF text layer gives them
                emit("".join(c + "\n" for c in r if c))
    text = "".join(pieces)
    if not text.strip():
        raise UnreadableInput(f"{path}: the Word file holds no text")
    pages = text.split("\f")
    return Document(path=path, format="docx", sha256=sha, size=len(data), pages=pages, tables=tables)
