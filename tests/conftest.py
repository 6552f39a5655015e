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

# The adversarial input for regex budgets: long runs of digits, slashes and dashes
# (100 KB each), shared by the reference grammar's and every pattern's timing tests.
ADVERSARIAL_SYMBOL_RUNS = {
    "digits-slashes": "1/" * 50_000,
    "digits-dashes": "12-" * 34_000,
    "slashes-dashes": "/-" * 50_000,
    "digits": "1" * 100_000,
    "symbol-like": "12/2021/KH-" * 9_100,
    "party-like": "1-NQ/" * 20_000,
    "spaced": "9/9-9/ 9 -/ /- 2021/" * 5_000,
    "dates": "31/12/2021-" * 9_000,
}


def assert_scan_budget(patterns: dict, text: str, label: str, budget: float = 0.5) -> None:
    """Every pattern scans ``text`` within ``budget`` seconds of CPU time (other processes do
    not count): the guard against catastrophic backtracking, with a wide margin for slow CI."""
    import time

    for name, pat in patterns.items():
        t0 = time.process_time()
        for _ in pat.finditer(text):
            pass
        assert time.process_time() - t0 < budget, f"{name} on {label}: {pat.pattern[:80]}"


def load_scorer():
    """The shared scorer (../shared/eval/score.py) as a module."""
    import importlib.util

    spec = importlib.util.spec_from_file_location("score", SHARED / "eval" / "score.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


@pytest.fixture(scope="session")
def parsed_samples():
    """The three digital renderings of the sample report, parsed once per session."""
    from report_parser import parse

    return {p.suffix.lstrip("."): parse(p) for p in (SAMPLE_TXT, SAMPLE_DOCX, SAMPLE_PDF)}


@pytest.fixture(scope="session")
def pg_cluster():
    """A throw-away PostgreSQL server for the session (see tests/pg_cluster.py); skipped without one."""
    from pg_cluster import Cluster, unavailable

    reason = unavailable()
    if reason:
        pytest.skip(reason)
    with Cluster() as cluster:
        yield cluster


@pytest.fixture
def pg_url(pg_cluster) -> str:
    """The URL of a new, empty PostgreSQL database on the session's server."""
    return pg_cluster.create_database()


def pytest_collection_modifyitems(config, items):
    """Every OCR test runs Tesseract (seconds a page): it is slow too, so `make test-fast`
    (-m "not slow") leaves it out and `make test` runs it."""
    for item in items:
        if item.get_closest_marker("ocr") and not item.get_closest_marker("slow"):
            item.add_marker(pytest.mark.slow)
