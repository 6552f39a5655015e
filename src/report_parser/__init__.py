"""report-parser: Vietnamese commune CCHC reports to structured, checked data.

>>> from report_parser import parse
>>> report = parse("samples/le-hong-2022-h1.pdf")   # doctest: +SKIP
>>> report.report.symbol                             # doctest: +SKIP
'165/BC-UBND'
"""
from __future__ import annotations

from .errors import NotAReport, ReportParserError, UnreadableInput
from .models import Report

__version__ = "0.1.0"
__all__ = ["parse", "Report", "ReportParserError", "UnreadableInput", "NotAReport", "__version__"]


def parse(path, *, ocr: str = "auto", require_report: bool = True) -> Report:
    """Parse one report file (PDF, DOCX, TXT, …) into a :class:`Report`."""
    from .pipeline import parse as _parse

    return _parse(path, ocr=ocr, require_report=require_report)
