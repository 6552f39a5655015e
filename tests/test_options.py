"""Options as typed values: ``--ocr`` reaches every reader, in ``parse``, ``batch`` and the API alike."""
from __future__ import annotations

import csv
import subprocess
import sys
from pathlib import Path

import pytest
from PIL import Image

from report_parser import UsageError, parse
from report_parser.errors import EXIT_USAGE, UnreadableInput
from report_parser.ingest import image as image_reader
from report_parser.ingest import ocr, read
from report_parser.options import OcrMode

ROOT = Path(__file__).resolve().parents[1]
SCAN = ROOT / "samples" / "le-hong-2022-h1-scanned.pdf"
TXT = ROOT / "samples" / "le-hong-2022-h1.txt"


def _cli(*args: str) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "report_parser", *args], capture_output=True, text=True,
                          timeout=120)


def _png(tmp_path: Path) -> Path:
    path = tmp_path / "photo.png"
    Image.new("L", (200, 100), 255).save(path)
    return path


def test_a_misspelt_ocr_mode_is_an_error_at_the_api():
    with pytest.raises(UsageError, match="nevr.*auto, always, never") as e:
        parse(TXT, ocr="nevr")
    assert e.value.exit_code == EXIT_USAGE


def test_ocr_modes_by_name_or_value():
    assert OcrMode.of("NEVER") is OcrMode.never and OcrMode.of(OcrMode.always) is OcrMode.always
    assert parse(TXT, ocr="never").report.symbol == "165/BC-UBND"


@pytest.mark.parametrize("workers", [0, -2, 1.5, "4", True])
def test_an_invalid_ocr_worker_count_is_an_error_at_the_api(workers):
    with pytest.raises(UsageError, match="ocr_workers"):
        parse(TXT, ocr_workers=workers)


def test_ocr_never_on_a_scan_says_ocr_was_turned_off():
    with pytest.raises(UnreadableInput, match="OCR was turned off") as e:
        parse(SCAN, ocr="never")
    assert "not installed" not in str(e.value)
    r = _cli(str(SCAN), "--ocr", "never")
    assert r.returncode == 3 and "OCR was turned off" in r.stderr
    assert len(r.stderr.strip().splitlines()) == 1 and "Traceback" not in r.stderr


def test_review_reads_its_file_with_the_ocr_mode_given(tmp_path):
    """review_html(path, ocr=...) had an ocr parameter nothing passed: 'review --ocr never' on a
    scan now says OCR was turned off (exit 3), and a misspelt mode is refused at the API."""
    from report_parser.review import review_html

    r = _cli("review", str(SCAN), "--ocr", "never", "-o", str(tmp_path / "page.html"))
    assert r.returncode == 3 and "OCR was turned off" in r.stderr
    assert len(r.stderr.strip().splitlines()) == 1 and "Traceback" not in r.stderr
    assert not (tmp_path / "page.html").exists()
    with pytest.raises(UsageError, match="ocr="):
        review_html(TXT, ocr="nevr")


def test_ocr_never_on_an_image_is_a_one_line_usage_error(tmp_path):
    with pytest.raises(UsageError, match="only be read by OCR"):
        read(_png(tmp_path), ocr="never")
    r = _cli(str(_png(tmp_path)), "--ocr", "never")
    assert r.returncode == EXIT_USAGE and "--ocr never" in r.stderr
    assert len(r.stderr.strip().splitlines()) == 1


def test_the_ocr_worker_count_is_passed_down_to_the_ocr(tmp_path, monkeypatch):
    seen = []

    def fake_ocr_many(frames, *, rendered, workers=None, dpi=None):
        seen.append(workers)
        return [ocr.PageOcr("Báo cáo số 1/BC-UBND", 90.0) for _ in frames]

    monkeypatch.setattr(image_reader, "ocr_many", fake_ocr_many)
    read(_png(tmp_path), ocr_workers=3)
    read(_png(tmp_path))
    assert seen == [3, None]


def test_the_ocr_worker_budget():
    assert ocr.ocr_workers(2) == 2
    assert ocr.ocr_workers(None) >= 1


@pytest.mark.slow
def test_batch_ocr_never_reaches_the_workers(tmp_path):
    src = tmp_path / "in"
    src.mkdir()
    (src / "scan.pdf").write_bytes(SCAN.read_bytes())
    (src / "report.txt").write_bytes(TXT.read_bytes())
    r = subprocess.run([sys.executable, "-m", "report_parser", "batch", str(src), "--out", str(tmp_path / "o"),
                        "--ocr", "never", "-j", "1"], capture_output=True, text=True, timeout=300)
    assert r.returncode == 5, r.stderr
    rows = list(csv.reader((tmp_path / "o" / "errors.csv").read_text(encoding="utf-8-sig").splitlines()))
    assert [(Path(p).name, "OCR was turned off" in m) for p, _, m in rows[1:]] == [("scan.pdf", True)]


def test_batch_rejects_an_unknown_ocr_mode(tmp_path):
    r = _cli("batch", str(TXT), "--out", str(tmp_path / "o"), "--ocr", "nevr")
    assert r.returncode == EXIT_USAGE and "nevr" in r.stderr
