"""The pages of a report as the review page shows them.

A PDF page is drawn as an image by pypdfium2, and its characters' boxes come
from pypdfium2's text page (``get_charbox``); a page the reader OCR'd gets its
boxes from Tesseract's words instead (kept by the OCR reader on the Document as
``ocr_words``). Any other format is shown as its repaired text, page by page.
"""
from __future__ import annotations

import base64
import io
from dataclasses import dataclass
from pathlib import Path

from ..document import Document
from .locate import Box, PageChars

RENDER_SCALE = 1.4  # 100 dpi: the figures of an A4 page stay legible when zoomed
JPEG_QUALITY = 70


@dataclass
class DrawnPage:
    chars: PageChars
    image: str  # a data: URL
    width: int
    height: int


def pdf_pages(path: Path, doc: Document) -> list[DrawnPage]:
    import pypdfium2 as pdfium

    pdf = pdfium.PdfDocument(str(path))
    try:
        out = []
        for i in range(len(pdf)):
            page = pdf[i]
            try:
                chars = _ocr_chars(doc, i + 1) or _layer_chars(page, i + 1)
                img = page.render(scale=RENDER_SCALE).to_pil().convert("RGB")
                out.append(DrawnPage(chars, _data_url(img), img.width, img.height))
            finally:
                page.close()
        return out
    finally:
        pdf.close()


def _data_url(img) -> str:
    buf = io.BytesIO()
    img.save(buf, "JPEG", quality=JPEG_QUALITY, optimize=True)
    return "data:image/jpeg;base64," + base64.b64encode(buf.getvalue()).decode("ascii")


def _layer_chars(page, number: int) -> PageChars:
    """The text layer with one box per character (None for spaces and generated line breaks),
    turned as the page is shown when it carries a /Rotate."""
    left, bottom, right, top = page.get_cropbox()
    width, height, turn = right - left, top - bottom, page.get_rotation()
    tp = page.get_textpage()
    try:
        n = tp.count_chars()
        text = tp.get_text_range(0, n) if n else ""
        boxes: list[Box | None] = []
        for k in range(len(text)):
            x0, y0, x1, y1 = tp.get_charbox(k) if k < n and not text[k].isspace() else (0, 0, 0, 0)
            boxes.append(None if x1 <= x0 or y1 <= y0 else _turned(
                ((x0 - left) / width, 1 - (y1 - bottom) / height, (x1 - left) / width, 1 - (y0 - bottom) / height), turn))
        return PageChars(number, text, boxes, turn=turn)
    finally:
        tp.close()


def _turned(box: Box, degrees: int) -> Box:
    """A box of the unturned page (fractions, y down) where it is shown on a page turned clockwise."""
    x0, y0, x1, y1 = box
    if degrees == 90:
        return 1 - y1, x0, 1 - y0, x1
    if degrees == 180:
        return 1 - x1, 1 - y1, 1 - x0, 1 - y0
    if degrees == 270:
        return y0, 1 - x1, y1, 1 - x0
    return box


def _ocr_chars(doc: Document, number: int) -> PageChars | None:
    """An OCR'd page: its words in reading order, each character boxed by its word."""
    kept = getattr(doc, "ocr_words", {}).get(number)
    if not kept or not kept[1]:
        return None
    (w, h), words = kept
    parts: list[str] = []
    boxes: list[Box | None] = []
    for text, left, top, width, height in words:
        box = (left / w, top / h, (left + width) / w, (top + height) / h)
        parts.append(text + " ")
        boxes.extend([box] * len(text) + [None])
    return PageChars(number, "".join(parts), boxes)


def text_pages(doc: Document) -> list[PageChars]:
    """The repaired text cut at its pages (a format without drawn pages)."""
    cuts = [0]
    for k in range(2, doc.page_count + 1):
        cuts.append(doc.offset_of_raw(doc.page_starts[k - 1]))
    cuts.append(len(doc.text))
    return [PageChars(n, doc.text[a:b], None, a) for n, (a, b) in enumerate(zip(cuts, cuts[1:]), start=1)]


@dataclass
class TextTable:
    """A table of a page drawn as text: where it stands in the repaired text, and each cell's span."""

    start: int
    end: int
    rows: list[list[tuple[int, int] | None]]  # None: a cell a merge covers, or an empty one


def text_tables(doc: Document) -> list[TextTable]:
    """The tables whose cells lie one after the other, line by line, in the text (as the Word reader
    writes them); a table whose cells cannot all be found so is left as text."""
    out = []
    for t in doc.tables:
        if t.offset is None:
            continue
        cells, cursor = [], t.offset
        for row in t.rows:
            spans = []
            for cell in row:
                if not cell:  # merged away, or empty (an empty cell writes no line)
                    spans.append(None)
                    continue
                if doc.raw_text[cursor:cursor + len(cell)] != cell:
                    break
                spans.append((doc.offset_of_raw(cursor), doc.offset_of_raw(cursor + len(cell))))
                cursor += len(cell) + 1
            else:
                cells.append(spans)
                continue
            break
        else:
            found = [s for r in cells for s in r if s]
            if found:
                out.append(TextTable(found[0][0], found[-1][1], cells))
    return out
