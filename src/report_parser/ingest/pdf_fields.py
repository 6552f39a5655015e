"""Values that an e-signing system stamps into form fields of a born-digital PDF.

Provincial document systems (seen on the Vĩnh Long reports) print the header
with blanks, "Số: /BC-SNV … ngày tháng năm 2026", and write the number, day
and month into form-field widgets when the report is signed. The page's text
layer does not hold them; only the fields' appearance streams do. This module
flattens such a page in memory, takes the digits that appeared inside the
widgets, and puts each one back into the page text at its place on the line:
"Số: 293/BC-SNV … ngày 09 tháng 4 năm 2026", as a reader sees the page.

Only digit tokens inside widget rectangles and on a line of existing text are
used, so signature stamps ("Ký bởi: …") and free-text notes are left out.
"""
from __future__ import annotations

from dataclasses import dataclass

import pypdfium2 as pdfium
import pypdfium2.raw as pdfium_c

Box = tuple[float, float, float, float]  # left, bottom, right, top


@dataclass(frozen=True)
class Token:
    text: str
    box: Box


def with_field_values(pdf: pdfium.PdfDocument, index: int, text: str) -> str:
    """``text`` (page ``index``'s text layer) with the digits of its form fields
    inserted where they stand; ``text`` unchanged when the page has none."""
    page = pdf[index]
    try:
        rects = _widget_rects(page)
        if not rects or pdfium_c.FPDFPage_Flatten(page, pdfium_c.FLAT_NORMALDISPLAY) != pdfium_c.FLATTEN_SUCCESS:
            return text
    finally:
        page.close()
    page = pdf[index]
    try:
        tp = page.get_textpage()
        try:
            full = tp.get_text_range()
            if not full.startswith(text) or len(full) != tp.count_chars():
                return text  # the flattened layer is not the old one plus the fields
            boxes = [tp.get_charbox(k) for k in range(len(text))]
            tokens = [t for t in _tokens(full, len(text), tp) if t.text.isdigit() and _inside(t.box, rects)]
        finally:
            tp.close()
    finally:
        page.close()
    return splice(text, boxes, tokens)


def _widget_rects(page: pdfium.PdfPage) -> list[Box]:
    rects = []
    for k in range(pdfium_c.FPDFPage_GetAnnotCount(page)):
        annot = pdfium_c.FPDFPage_GetAnnot(page, k)
        try:
            if pdfium_c.FPDFAnnot_GetSubtype(annot) == pdfium_c.FPDF_ANNOT_WIDGET:
                r = pdfium_c.FS_RECTF()
                if pdfium_c.FPDFAnnot_GetRect(annot, r):
                    rects.append((min(r.left, r.right), min(r.bottom, r.top),
                                  max(r.left, r.right), max(r.bottom, r.top)))
        finally:
            pdfium_c.FPDFPage_CloseAnnot(annot)
    return rects


def _tokens(full: str, start: int, tp: pdfium.PdfTextPage) -> list[Token]:
    """Runs of non-space characters of ``full[start:]`` with their bounding boxes."""
    out: list[Token] = []
    chars: list[str] = []
    box: list[float] = []
    for k in range(start, len(full) + 1):
        c = full[k] if k < len(full) else " "
        if c.isspace():
            if chars:
                out.append(Token("".join(chars), (box[0], box[1], box[2], box[3])))
            chars, box = [], []
            continue
        l, b, r, t = tp.get_charbox(k)
        box = [l, b, r, t] if not box else [min(box[0], l), min(box[1], b), max(box[2], r), max(box[3], t)]
        chars.append(c)
    return out


def _inside(box: Box, rects: list[Box]) -> bool:
    cx, cy = (box[0] + box[2]) / 2, (box[1] + box[3]) / 2
    return any(l <= cx <= r and b <= cy <= t for l, b, r, t in rects)


def splice(text: str, boxes: list[Box], tokens: list[Token]) -> str:
    """Insert each token before the first character of its line (vertical
    overlap) that starts right of the token's centre, with single spaces."""
    inserts: list[tuple[int, str]] = []
    for tok in tokens:
        cx = (tok.box[0] + tok.box[2]) / 2
        mid = (tok.box[1] + tok.box[3]) / 2
        on_line = [k for k, (l, b, r, t) in enumerate(boxes)
                   if not text[k].isspace() and b <= mid <= t]
        after = [k for k in on_line if boxes[k][0] >= cx]
        if on_line and after:
            inserts.append((after[0], tok.text))
    for at, s in sorted(inserts, reverse=True):
        before = "" if at == 0 or text[at - 1].isspace() else " "
        follow = " " if text[at].isalnum() else ""
        text = text[:at] + before + s + follow + text[at:]
    return text
