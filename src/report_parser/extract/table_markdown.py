"""Tables written as Markdown pipes in a text export ("| STT | Lĩnh vực | ... |").

Text copies of legal documents published online often keep their tables as
pipe rows with a ``|---|`` line under the header. Each block of consecutive pipe
lines becomes a :class:`~report_parser.document.RawTable` (the separator line
dropped), so it goes through the same header, form and grid reading as a Word
or PDF table. A block without a header line and with the columns of the table
before it is the rest of that table (the export cut it with a heading line).
"""
from __future__ import annotations

import regex

from ..document import Document, RawTable

_PIPE_ROW = regex.compile(r"^[ \t]*\|.*\|[ \t]*$")
_SEPARATOR = regex.compile(r"^[ \t]*\|(?:[ \t]*:?-{3,}:?[ \t]*\|)+[ \t]*$")


def _cells(line: str) -> list[str]:
    return [c.strip() for c in line.strip().strip("|").split("|")]


def markdown_tables(doc: Document) -> list[RawTable]:
    """Every pipe table of the raw text, with the offset and pages of its lines."""
    tables: list[RawTable] = []
    rows: list[list[str | None]] = []
    pages: list[int] = []
    start, headed = 0, False

    def close() -> None:
        prev = tables[-1] if tables else None
        if rows and not headed and prev is not None and len(prev.rows[0]) == len(rows[0]):
            prev.rows.extend(rows)
            prev.pages.extend(pages)
        elif rows:
            tables.append(RawTable(page=pages[0], rows=list(rows), source="markdown", offset=start,
                                   pages=list(pages)))
        rows.clear()
        pages.clear()

    pos = 0
    for line in doc.raw_text.split("\n"):
        if _PIPE_ROW.match(line):
            if not rows and not headed:
                start = pos
            if _SEPARATOR.match(line):
                headed = True
            else:
                rows.append(list(_cells(line)))
                pages.append(doc.raw_page_of(pos))
        else:
            close()
            headed = False
        pos += len(line) + 1
    close()
    return tables
