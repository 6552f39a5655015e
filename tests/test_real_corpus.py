"""Every real government file in ../shared/corpus/real/: which ones parse (exit 0) and
which would exit 3/4, with the metadata each states. All of them parse today but the
table-only score sheet (not a report); a file that regresses to an error, a traceback or
a hang fails here."""
from __future__ import annotations

import json

import pytest

from report_parser.cli import main

from conftest import REAL, needs_shared, needs_tesseract

pytestmark = needs_shared

# file prefix -> (exit code, type, symbol, words of the issuer's name, needs OCR);
# "*/BB-SNV": only the printed part of a symbol whose number is handwritten or blank is checked
EXPECTED = {
    "01_vinhlong": (0, "Báo cáo", "293/BC-SNV", "Sở Nội vụ", False),
    "02_vinhlong": (0, "Báo cáo", "811/BC-UBND", "Ủy ban nhân dân tỉnh Vĩnh Long", False),
    "03_vinhlong": (0, "Báo cáo", "301/BC-STP", "Sở Tư pháp", False),
    "04_vinhlong": (0, "Tờ trình", "617/TTr-UBND", "Ủy ban nhân dân tỉnh Vĩnh Long", False),
    "05_vinhlong": (0, "Biên bản", None, "Sở Nội vụ", True),  # number handwritten, "/BB-SNV" not read by OCR
    "06_vinhlong": (0, "Nghị quyết", "*/2026/NQ-HĐND", "Hội đồng nhân dân tỉnh Vĩnh Long", False),
    "07_danang": (0, "Công văn", "6249/UBND-SGDĐT", "Ủy ban nhân dân thành phố Đà Nẵng", True),
    "08_danang": (0, "Công văn", "35/SGDĐT-CTrTT", "Đà Nẵng", True),
    "09_danang": (0, "Công văn", "*/CV-PA83", "Công an thành phố Đà Nẵng", True),  # handwritten 115
    "10_danang_SGDDT_1906-SGDDT-CTrTT_2020_groundtruth": (
        0, "Công văn", "1906/SGDĐT-CTrTT", "Sở Giáo dục và Đào tạo", False),
    "10_danang_SGDDT_1906-SGDDT-CTrTT_2020_scan": (
        0, "Công văn", "1906/SGDĐT-CTrTT", "Sở Giáo dục và Đào tạo", True),
    "11_binhthuan": (0, "Quyết định", "1766/QĐ-UBND", "Ủy ban nhân dân tỉnh Bình Thuận", False),
    "13_national": (0, "Nghị định", "63/2010/NĐ-CP", "Chính phủ", False),
    "14_national": (0, "Nghị định", "48/2013/NĐ-CP", "Chính phủ", False),
    # the Lâm Đồng and Phường 1 files of 2025-2026 (unsigned drafts keep only the printed symbol part)
    "05_tinh": (0, "Báo cáo", "*/BC-UBND", "Ủy ban nhân dân tỉnh Lâm Đồng", False),
    "06_tinh": (0, "Báo cáo", "*/BC-UBND", "Ủy ban nhân dân tỉnh Lâm Đồng", False),
    "07_tinh": (0, "Báo cáo", "*/BC-UBND", "Ủy ban nhân dân tỉnh Lâm Đồng", False),  # appendix only
    "08_tinh": (0, "Tờ trình", "629/TTr-SNV", "Sở Nội vụ", False),
    "09_tinh": (0, "Báo cáo", "*/BC-BCĐ", "Ban chỉ đạo Phát triển khoa học", False),
    "12_tinh": (0, "Báo cáo", "*/BC-UBND", "Ủy ban nhân dân tỉnh Lâm Đồng", False),
    "13_tinh": (0, "Báo cáo", "181/BC-SNV", "Sở Nội vụ", False),
    "18_so": (4, None, None, "", False),  # a score sheet of tables only: not a report
    "19_phuong": (0, "Công văn", "397/UBND-TP", "Ủy ban nhân dân Phường 1", False),
    "27_tinh": (0, "Kế hoạch", "*/KH-UBND", "Ủy ban nhân dân tỉnh Lâm Đồng", False),
    "28_tinh": (0, "Thông báo", "*/TB-UBND", "Ủy ban nhân dân tỉnh Lâm Đồng", False),
}


def real_files():
    files = sorted(p for p in REAL.iterdir() if p.suffix in {".pdf", ".docx", ".txt", ".jpg"}) if REAL.is_dir() else []
    out = []
    for p in files:
        key = next(k for k in EXPECTED if p.name.startswith(k))
        marks = [pytest.mark.ocr, needs_tesseract] if EXPECTED[key][4] else []
        out.append(pytest.param(p, EXPECTED[key], id=p.name[:40], marks=marks))
    return out


def test_every_real_file_is_in_the_table():
    names = [p.name for p in REAL.iterdir() if p.suffix in {".pdf", ".docx", ".txt", ".jpg"}]
    assert len(names) == 25
    assert all(any(n.startswith(k) for k in EXPECTED) for n in names)


@pytest.mark.parametrize("path, expected", real_files())
def test_real_file(path, expected, tmp_path, capsys):
    code, doc_type, symbol, issuer, ocr = expected
    out = tmp_path / "r.json"
    assert main([str(path), "-o", str(out)]) == code
    err = capsys.readouterr().err
    assert "Traceback" not in err
    if code:  # refused: the one-line message says what was missing
        assert "no report structure found" in err
        return
    report = json.loads(out.read_text(encoding="utf-8"))
    meta = report["report"]
    assert meta["type"] == doc_type
    if symbol is None:  # nothing of the symbol is read: none is invented either
        assert meta["symbol"] is None and meta["symbol_printed"] is None
    elif symbol.startswith("*"):  # a blank or unreadable number: the printed part is kept apart
        assert meta["symbol"] is None or meta["symbol"].endswith(symbol[1:])
        assert any((v or "").endswith(symbol[1:]) for v in (meta["symbol"], meta["symbol_printed"]))
    else:
        assert meta["symbol"] == symbol
    assert issuer in (meta["issuer"]["name"] or "")
    assert report["source"]["ocr"] is ocr
