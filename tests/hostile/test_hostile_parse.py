"""'parse-report FILE' on hostile input: each case ends with its documented exit code and exactly
one line on stderr, under the harness's memory and time caps (issue 14). The limits are those
of ``report_parser.limits``."""
from __future__ import annotations

import os
import shutil
import time

import pytest

from report_parser import limits
from report_parser.deadline import GRACE
from hostile_harness import MEMORY_CAP, assert_one_line, requires_unprivileged, run
from hostile_inputs import (SAMPLE_TXT, docx_bomb, fifo, pdf_pages, png_header, symlink, text_of,
                            tiff_frames)

needs_tesseract = pytest.mark.skipif(not shutil.which("tesseract"), reason="needs tesseract-ocr")


@needs_tesseract
def test_a_200_by_200_inch_pdf_page_is_not_rendered_for_ocr(tmp_path):
    pdf = pdf_pages(tmp_path / "poster.pdf", 1, 200 * 72, 200 * 72, scanned=True)
    assert pdf.stat().st_size < 2000
    assert_one_line(run(pdf), 3, "poster.pdf: page 1 rendered at 300 dpi is 60,000 x 60,000 pixels",
                    "over the limit of 60,000,000 pixels")


def test_a_docx_zip_bomb_is_refused_from_its_declared_sizes(tmp_path):
    bomb = docx_bomb(tmp_path / "bomb.docx", limits.MAX_DOCX_XML_BYTES + 10_000_000)
    assert bomb.stat().st_size < 1_000_000
    assert_one_line(run(bomb), 3, "bomb.docx", "XML unpacks to", "over the limit of 50,000,000 bytes")


@pytest.mark.parametrize("device", ["/dev/zero", "/dev/urandom"])
def test_a_txt_symlink_to_a_device_is_not_read(tmp_path, device):
    link = symlink(tmp_path / "report.txt", device)
    assert_one_line(run(link), 3, "not a regular file")


def test_a_fifo_is_refused_instead_of_blocking(tmp_path):
    assert_one_line(run(fifo(tmp_path / "report.txt"), timeout=20), 3, "not a regular file")


@pytest.mark.parametrize("side", [20_000, 13_000, 9_000])  # Pillow's bomb error, its warning, and ours
def test_a_huge_png_is_refused_before_decoding(tmp_path, side):
    png = png_header(tmp_path / "scan.png", side, side)
    line = assert_one_line(run(png), 3, "scan.png")
    assert "pixels" in line and "60,000,000" in line


def test_a_2000_page_pdf_is_refused_by_the_page_limit(tmp_path):
    pdf = pdf_pages(tmp_path / "long.pdf", 2000)
    assert_one_line(run(pdf), 3, "the PDF has 2,000 pages, over the limit of 1,000 pages")


@needs_tesseract
def test_a_pdf_with_more_pages_to_ocr_than_the_limit_is_refused_before_ocr(tmp_path):
    pdf = pdf_pages(tmp_path / "scans.pdf", limits.MAX_OCR_PAGES + 1, scanned=True)
    assert_one_line(run(pdf), 3, f"{limits.MAX_OCR_PAGES + 1} pages to OCR, over the limit")


@pytest.mark.parametrize("frames", [500, limits.MAX_OCR_PAGES + 1])  # no frame is dropped silently
def test_a_tiff_with_too_many_frames_is_refused_not_truncated(tmp_path, frames):
    tif = tiff_frames(tmp_path / "scan.tif", frames)
    assert_one_line(run(tif), 3, f"the image has {frames:,} frames (pages) to OCR, over the limit")


def test_a_text_beyond_the_size_limit_is_refused_before_decoding(tmp_path):
    big = text_of(tmp_path / "big.txt", 4 * limits.MAX_TEXT_CHARS + 1_000_000)
    assert_one_line(run(big), 3, "characters, over the limit of 8,000,000 characters")


def test_a_text_beyond_the_size_limit_is_refused_after_decoding(tmp_path):
    big = text_of(tmp_path / "big.txt", limits.MAX_TEXT_CHARS + 1_000_000)
    assert_one_line(run(big), 3, "characters, over the limit of 8,000,000 characters")


def test_a_memory_error_is_exit_3_naming_the_limit(tmp_path):
    # a real MemoryError: the pipeline asks for more than the harness's address-space cap
    code = ("import sys; from report_parser import normalize; from report_parser.cli import main\n"
            f"normalize.repair = lambda doc: bytearray({MEMORY_CAP * 2})\n"
            "sys.exit(main())")
    r = run(SAMPLE_TXT, python=code)
    assert_one_line(r, 3, "more memory than allowed", "memory limit of 2.0 GB")


@requires_unprivileged
def test_an_unreadable_file_is_exit_3_in_one_line(tmp_path):
    f = tmp_path / "secret.txt"
    f.write_bytes(SAMPLE_TXT.read_bytes())
    f.chmod(0)
    assert_one_line(run(f, unprivileged=True), 3, "secret.txt: cannot be read (Permission denied)")


def test_the_single_file_timeout_stops_a_slow_parse(tmp_path):
    code = ("import sys, time; from report_parser import normalize; from report_parser.cli import main\n"
            "normalize.repair = lambda doc: time.sleep(60)\n"
            "sys.exit(main())")
    assert_one_line(run(SAMPLE_TXT, "--timeout", "0.5", python=code), 3,
                    "parsing took longer than 0.5 s and was stopped")


@pytest.mark.slow
def test_the_single_file_timeout_ends_a_parse_stuck_where_signals_cannot_reach(tmp_path):
    # SIGALRM blocked from the start of the parse, as inside a native call that never returns:
    # the watchdog thread ends the process GRACE seconds after the limit, with the same line
    code = ("import signal, sys, time; from report_parser import pipeline; from report_parser.cli import main\n"
            "def stuck(*args, **kwargs):\n"
            "    signal.pthread_sigmask(signal.SIG_BLOCK, [signal.SIGALRM])\n"
            "    time.sleep(60)\n"
            "pipeline.parse, pipeline.load_patterns = stuck, lambda: None\n"
            "sys.exit(main())")
    start = time.monotonic()
    assert_one_line(run(SAMPLE_TXT, "--timeout", "1", python=code), 3,
                    "parsing took longer than 1 s and was stopped")
    assert time.monotonic() - start >= 1 + GRACE  # it was the watchdog, not the signal


def test_stdout_on_a_full_device_is_one_line(tmp_path):
    with open("/dev/full", "w") as full:
        assert_one_line(run(SAMPLE_TXT, stdout=full), 3, "cannot write to standard output: No space left")
        assert_one_line(run("schema", stdout=full), 3, "cannot write to standard output: No space left")


def test_schema_into_a_missing_folder_creates_it(tmp_path):
    target = tmp_path / "no" / "such" / "schema.json"
    r = run("schema", "-o", target)
    assert r.code == 0 and r.stderr == "" and target.stat().st_size > 1000


def test_a_district_patterns_file_in_windows_1258_is_a_usage_error(tmp_path):
    (tmp_path / "metadata.yaml").write_bytes("doc_types:\n  - Báo cáo nhanh\n".encode("cp1258"))
    r = run(SAMPLE_TXT, env={"REPORT_PARSER_PATTERNS": str(tmp_path)})
    assert_one_line(r, 2, "metadata.yaml: not UTF-8 text", "save it as UTF-8")


def test_the_sample_still_parses_within_the_caps():
    r = run(SAMPLE_TXT)
    assert r.code == 0 and '"symbol":"165/BC-UBND"' in r.stdout.replace(" ", "")
