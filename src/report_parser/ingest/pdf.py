"""PDF with a text layer: page text through pypdfium2 (fast, exact Vietnamese,
right reading order). On the pages that hold ruling lines, the same open page
gives the ruling edges and character boxes (:mod:`.pdf_grid`) that pdfplumber's
table finder turns into tables (:mod:`.pdf_tables`). Pages whose text layer is
missing or implausible go to OCR (see :mod:`.ocr`) when it is available.
"""
from __future__ import annotations

from pathlib import Path

import pypdfium2 as pdfium
import pypdfium2.raw as pdfium_c

from .. import limits
from ..document import Document
from ..errors import UnreadableInput
from ..options import OcrMode
from .pdf_fields import with_field_values
from .pdf_grid import PageLayout, bounds, objects, page_layout

# a page with at least this many straight path segments may hold a ruled table
MIN_RULING_PATHS = 8
# ... when they stand at this many distinct x positions (a boxed paragraph has two)
MIN_COLUMN_EDGES = 3
# a path thinner than this (points) is a rule, not a filled box
RULE_WIDTH = 3.0
# a single path of at least this many segments may draw a whole grid
GRID_PATH_SEGMENTS = 12


def _open(path: Path, data: bytes) -> pdfium.PdfDocument:
    try:
        return pdfium.PdfDocument(data)
    except pdfium.PdfiumError as e:
        msg = str(e).lower()
        if "password" in msg:
            raise UnreadableInput(f"{path}: the PDF is encrypted (password-protected); "
                                  "save an unprotected copy") from None
        raise UnreadableInput(f"{path}: corrupt or unreadable PDF ({e})") from None


def _clusters(xs: list[float], tolerance: float) -> int:
    """How many groups of positions lie more than ``tolerance`` apart."""
    xs = sorted(xs)
    return sum(1 for i, x in enumerate(xs) if i == 0 or x - xs[i - 1] > tolerance)


def is_table_page(page: pdfium.PdfPage) -> bool:
    """Whether a page's paths look like a ruled grid: enough of them, with vertical edges at
    three x positions at least (underlines, boxed paragraphs and highlights have fewer)."""
    edges: list[float] = []
    n = 0
    for obj in objects(page, pdfium_c.FPDF_PAGEOBJ_PATH):
        n += 1
        left, bottom, right, top = bounds(obj)
        if top - bottom <= RULE_WIDTH:
            continue  # a horizontal rule or an underline
        if right - left <= RULE_WIDTH:
            edges.append(left)
        elif pdfium_c.FPDFPath_CountSegments(obj) >= GRID_PATH_SEGMENTS:
            return True
        else:
            edges.extend((left, right))
    return n >= MIN_RULING_PATHS and _clusters(edges, RULE_WIDTH) >= MIN_COLUMN_EDGES


def _read_page(page: pdfium.PdfPage, number: int, layouts: dict[int, PageLayout | None]) -> tuple[str, bool]:
    """The page's text, and whether it has annotations (form fields may be among them); for a
    table page, its edges and characters go into ``layouts``."""
    try:
        tp = page.get_textpage()
        try:
            if is_table_page(page):
                layouts[number] = page_layout(page, tp, number)
            return tp.get_text_range(), pdfium_c.FPDFPage_GetAnnotCount(page) > 0
        finally:
            tp.close()
    finally:
        page.close()


def read_pdf(path: Path, data: bytes, sha: str, *, ocr: OcrMode = OcrMode.auto,
             ocr_workers: int | None = None) -> Document:
    pdf = _open(path, data)
    try:
        n = len(pdf)
        if n == 0:
            raise UnreadableInput(f"{path}: the PDF has no pages")
        limits.check_pages(path, "the PDF has", n)
        texts: list[str] = []
        layouts: dict[int, PageLayout | None] = {}  # table pages (1-based)
        for i in range(n):
            text, annotated = _read_page(pdf[i], i + 1, layouts)
            texts.append(with_field_values(pdf, i, text) if annotated else text)  # stamped number and date
    except pdfium.PdfiumError as e:
        raise UnreadableInput(f"{path}: corrupt PDF page ({e})") from None
    finally:
        pdf.close()
    doc = Document(path=path, format="pdf", sha256=sha, size=len(data), pages=texts)
    doc.table_pages = sorted(layouts)  # type: ignore[attr-defined]
    doc = _with_ocr(doc, data, OcrMode.of(ocr), ocr_workers)
    if layouts:
        from .pdf_tables import extract_tables

        doc.tables.extend(extract_tables(path, data, layouts, doc))
    return doc


def _with_ocr(doc: Document, data: bytes, ocr: OcrMode, workers: int | None) -> Document:
    """OCR the pages without a usable text layer (all of them with ``always``); with ``never``,
    a scan is an error that says OCR was turned off, and blank pages among text pages a warning."""
    if ocr is OcrMode.never:
        blank = [i for i, text in enumerate(doc.pages, 1) if not text.strip()]
        if len(blank) == len(doc.pages):
            raise UnreadableInput(f"{doc.path}: the PDF has no text layer (a scan) and OCR was turned off "
                                  "(--ocr never); use --ocr auto to read it")
        if blank:
            doc.warnings.append(f"page(s) {', '.join(map(str, blank))} have no text layer and were not OCR'd: "
                                "OCR was turned off (--ocr never)")
        return doc
    try:
        from . import ocr as ocr_mod
    except ImportError:
        ocr_mod = None
    if ocr_mod is None:
        if not doc.raw_text.strip():
            raise UnreadableInput(f"{doc.path}: the PDF has no text layer (a scan) and OCR is not available")
        return doc
    return ocr_mod.ocr_pdf_if_needed(doc, data, force=ocr is OcrMode.always, workers=workers)
