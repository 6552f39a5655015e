"""The one internal form every reader produces: page texts, tables, and after
``normalize`` the repaired text with a map from every character back to its page.
"""
from __future__ import annotations

import bisect
from dataclasses import dataclass, field
from pathlib import Path

PAGE_BREAK = "\f"


@dataclass
class RawTable:
    """A table as a reader found it: rows of cell texts (``None`` for a cell a merge covers)."""

    page: int  # 1-based page of the first row
    rows: list[list[str | None]]
    source: str  # "pdf" (our ruled-grid finder) | "pdfplumber" (a turned PDF page) | "docx" | ...
    offset: int | None = None  # where the table's text starts in Document.raw_text, when known
    pages: list[int] = field(default_factory=list)  # 1-based page of each row, when known
    bbox: tuple[float, float, float, float] | None = None


@dataclass
class Document:
    path: Path
    format: str
    sha256: str
    size: int
    pages: list[str]  # raw text of each page, as the reader got it
    tables: list[RawTable] = field(default_factory=list)
    ocr_pages: list[int] = field(default_factory=list)  # 1-based
    ocr_confidence: dict[int, float] = field(default_factory=dict)
    repairs: list[str] = field(default_factory=list)
    warnings: list[str] = field(default_factory=list)
    # set by normalize.repair(); before that text is the raw text, origin the identity
    text: str = ""
    origin: list[int] = field(default_factory=list)

    def __post_init__(self) -> None:
        self.raw_text = PAGE_BREAK.join(self.pages)
        starts, pos = [], 0
        for p in self.pages:
            starts.append(pos)
            pos += len(p) + len(PAGE_BREAK)
        self.page_starts = starts
        if not self.text:
            self.text = self.raw_text
            self.origin = list(range(len(self.raw_text)))

    @property
    def page_count(self) -> int:
        return len(self.pages)

    def raw_page_of(self, raw_offset: int) -> int:
        """1-based page holding a raw-text offset."""
        return max(1, bisect.bisect_right(self.page_starts, raw_offset))

    def page_of(self, offset: int) -> int:
        """1-based page holding an offset into the repaired text."""
        if not self.origin:
            return 1
        offset = min(max(offset, 0), len(self.origin) - 1)
        return self.raw_page_of(self.origin[offset])

    def raw_offset(self, offset: int) -> int:
        """Offset in the raw text of a repaired-text offset."""
        if not self.origin:
            return 0
        return self.origin[min(max(offset, 0), len(self.origin) - 1)]

    def offset_of_raw(self, raw_offset: int) -> int:
        """First repaired-text offset whose origin is at or after ``raw_offset``."""
        return bisect.bisect_left(self.origin, raw_offset)
