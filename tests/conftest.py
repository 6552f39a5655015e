from __future__ import annotations

import os
import shutil
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
SAMPLES = ROOT / "samples"
SHARED = Path(os.environ.get("REPORT_PARSER_SHARED", ROOT.parent / "shared"))
GOLD = SHARED / "gold" / "000_9a22ec702aaf6147.gold.json"
REAL = SHARED / "corpus" / "real"
FIXTURES = Path(__file__).resolve().parent / "fixtures"

SAMPLE_TXT = SAMPLES / "le-hong-2022-h1.txt"
SAMPLE_DOCX = SAMPLES / "le-hong-2022-h1.docx"
SAMPLE_PDF = SAMPLES / "le-hong-2022-h1.pdf"
SAMPLE_SCAN = SAMPLES / "le-hong-2022-h1-scanned.pdf"

needs_shared = pytest.mark.skipif(not SHARED.is_dir(), reason="../shared is not beside the checkout")
needs_tesseract = pytest.mark.skipif(shutil.which("tesseract") is None, reason="tesseract-ocr not installed")
needs_soffice = pytest.mark.skipif(shutil.which("soffice") is None, reason="LibreOffice not installed")


@pytest.fixture(scope="session")
def parsed_samples():
    """The three digital renderings of the sample report, parsed once per session."""
    from report_parser import parse

    return {p.suffix.lstrip("."): parse(p) for p in (SAMPLE_TXT, SAMPLE_DOCX, SAMPLE_PDF)}
