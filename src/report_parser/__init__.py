"""report-parser: Vietnamese commune CCHC reports to structured, checked data.

>>> from report_parser import parse
>>> report = parse("samples/le-hong-2022-h1.pdf")   # doctest: +SKIP
>>> report.report.symbol                             # doctest: +SKIP
'165/BC-UBND'
"""
from __future__ import annotations

from typing import TYPE_CHECKING

from .errors import NotAReport, ReportParserError, UnreadableInput, UsageError

if TYPE_CHECKING:
    from .models import Report

__version__ = "0.1.0"
__all__ = ["parse", "Report", "ReportParserError", "UnreadableInput", "NotAReport", "UsageError", "__version__"]


def __getattr__(name: str):
    """``Report`` is imported on first use: ``import report_parser`` (the command line's
    ``--help``) does not pay for building the pydantic models."""
    if name == "Report":
        from .models import Report

        return Report
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")


def parse(path, *, ocr="auto", ocr_workers: int | None = None, require_report: bool = True) -> Report:
    """Parse one report file (PDF, DOCX, TXT, …) into a :class:`Report`.

    ``ocr``: "auto", "always", "never" (or an :class:`~report_parser.options.OcrMode`);
    anything else raises :class:`UsageError`.
    """
    from .pipeline import parse as _parse

    return _parse(path, ocr=ocr, ocr_workers=ocr_workers, require_report=require_report)
