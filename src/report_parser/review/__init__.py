"""The review page: a report's pages with every value the parser read marked where it stands,
beside the tables of what was read, and the officer's corrections (see :mod:`..corrections`).

``review_html(path)`` parses one file and returns the page; :mod:`.district` writes the
pages of a whole store with an index.
"""
from __future__ import annotations

from pathlib import Path

from ..document import Document
from ..models import Report
from ..options import OcrMode


def page_for(report: Report, doc: Document, path: str | Path, *, fixes: dict | None = None) -> str:
    """The review page of a parsed report and the document it was read from (``fixes``: the
    store's corrections of it, shown filled in)."""
    from . import marks, pages, render

    if doc.format == "pdf":
        drawn = pages.pdf_pages(Path(path), doc)
        found = marks.build(report, doc, [d.chars for d in drawn], drawn=True)
        return render.page_html(report, found, drawn, None, fixes=fixes)
    texts = pages.text_pages(doc)
    found = marks.build(report, doc, texts, drawn=False)
    return render.page_html(report, found, None, texts, tables=pages.text_tables(doc), fixes=fixes)


def review_html(path: str | Path, *, ocr: OcrMode | str = "auto") -> str:
    """Parse one report file (``ocr``: as ``parse-report review --ocr``) and return its review page."""
    from ..pipeline import parse_with_context

    report, ctx = parse_with_context(path, ocr=ocr)
    return page_for(report, ctx.doc, path)
