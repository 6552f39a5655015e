"""Readers: each format, each encoding, and every kind of bad input."""
from __future__ import annotations

import io
import zipfile

import pytest

from report_parser.errors import UnreadableInput
from report_parser.ingest import read
from report_parser.ingest.docx import table_rows

from conftest import SAMPLE_DOCX, SAMPLE_PDF, SAMPLE_TXT

VI = "Ủy ban nhân dân xã Lê Hồng báo cáo kết quả cải cách hành chính năm 2022"


def cp1258(s: str) -> bytes:
    """Windows-1258 keeps vowel shapes precomposed (â, ơ) and writes tones as combining marks."""
    import unicodedata

    out = []
    for ch in s:
        nfd = unicodedata.normalize("NFD", ch)
        tones = "".join(c for c in nfd if c in "\u0300\u0301\u0303\u0309\u0323")
        base = unicodedata.normalize("NFC", "".join(c for c in nfd if c not in tones))
        out.append(base + tones)
    return "".join(out).encode("cp1258")


@pytest.mark.parametrize("encode", [
    lambda s: s.encode("utf-8"),
    lambda s: s.encode("utf-8-sig"),
    lambda s: s.encode("utf-16"),
    lambda s: s.encode("utf-16-le"),
    lambda s: cp1258(s),
], ids=["utf8", "utf8-bom", "utf16-bom", "utf16le-nobom", "windows-1258"])
def test_txt_encodings(tmp_path, encode):
    import unicodedata

    p = tmp_path / "r.txt"
    p.write_bytes(encode(VI))
    doc = read(p)
    assert unicodedata.normalize("NFC", doc.raw_text) == VI
    assert doc.format == "txt" and doc.page_count == 1


def test_txt_form_feeds_are_pages(tmp_path):
    p = tmp_path / "r.txt"
    p.write_text("trang một\ftrang hai\ftrang ba", encoding="utf-8")
    doc = read(p)
    assert doc.pages == ["trang một", "trang hai", "trang ba"]
    assert doc.raw_page_of(doc.raw_text.index("ba")) == 3


def test_sample_txt_hash_and_size():
    import hashlib

    doc = read(SAMPLE_TXT)
    data = SAMPLE_TXT.read_bytes()
    assert doc.sha256 == hashlib.sha256(data).hexdigest() and doc.size == len(data)


def test_pdf_pages_text_and_table_pages():
    doc = read(SAMPLE_PDF)
    assert doc.format == "pdf" and doc.page_count == 19
    assert "Số: 165/BC-UBND" in doc.pages[0]
    assert "Bùi Văn Tiến" in doc.pages[9]
    # only the appendix pages hold ruled tables
    assert doc.table_pages == list(range(11, 20))


def test_docx_paragraphs_tables_and_pages():
    doc = read(SAMPLE_DOCX)
    assert doc.format == "docx"
    assert doc.pages[0].startswith("ỦY BAN NHÂN DÂN\nXÃ LÊ HỒNG\n")
    assert doc.tables[0].rows[1] == ["Số: 165/BC-UBND", "Lê Hồng, ngày 13 tháng 6 năm 2022"]
    # each table's text sits at its recorded offset
    t = doc.tables[0]
    assert doc.raw_text[t.offset:].startswith("ỦY BAN NHÂN DÂN")
    assert doc.page_count > 1 and doc.tables[-1].page == doc.page_count


def test_docx_merged_cells_are_reported_once(tmp_path):
    import docx

    d = docx.Document()
    t = d.add_table(rows=3, cols=3)
    t.cell(0, 0).merge(t.cell(0, 1)).text = "Kết quả"  # horizontal merge
    t.cell(1, 0).merge(t.cell(2, 0)).text = "STT"       # vertical merge
    t.cell(1, 1).text, t.cell(1, 2).text = "Hộ tịch", "224"
    t.cell(2, 1).text, t.cell(2, 2).text = "Chứng thực", "873"
    buf = io.BytesIO()
    d.save(buf)
    rows = table_rows(docx.Document(io.BytesIO(buf.getvalue())).tables[0])
    assert rows == [["Kết quả", None, ""], ["STT", "Hộ tịch", "224"], [None, "Chứng thực", "873"]]


def test_empty_file(tmp_path):
    p = tmp_path / "empty.pdf"
    p.write_bytes(b"")
    with pytest.raises(UnreadableInput, match="empty"):
        read(p)


def test_missing_file(tmp_path):
    with pytest.raises(UnreadableInput, match="no such file"):
        read(tmp_path / "nope.pdf")


def test_directory(tmp_path):
    with pytest.raises(UnreadableInput, match="directory"):
        read(tmp_path)


def test_corrupt_pdf(tmp_path):
    p = tmp_path / "broken.pdf"
    p.write_bytes(SAMPLE_PDF.read_bytes()[:2000])
    with pytest.raises(UnreadableInput, match="corrupt"):
        read(p)


def test_pdf_suffix_without_pdf_header(tmp_path):
    p = tmp_path / "fake.pdf"
    p.write_bytes(b"<html>not a pdf</html>")
    with pytest.raises(UnreadableInput, match="not a PDF"):
        read(p)


def test_encrypted_pdf(tmp_path):
    pypdf = pytest.importorskip("pypdf")
    w = pypdf.PdfWriter(clone_from=str(SAMPLE_PDF))
    w.encrypt(user_password="mat-khau", owner_password="chu")
    p = tmp_path / "locked.pdf"
    with open(p, "wb") as f:
        w.write(f)
    with pytest.raises(UnreadableInput, match="encrypted"):
        read(p)


def test_zip_that_is_not_docx(tmp_path):
    p = tmp_path / "x.docx"
    with zipfile.ZipFile(p, "w") as z:
        z.writestr("hello.txt", "xin chào")
    with pytest.raises(UnreadableInput, match="corrupt Word|not a Word"):
        read(p)


def test_unsupported_binary(tmp_path):
    p = tmp_path / "data.xyz"
    p.write_bytes(b"\x00\x01\x02binary\x00" * 20)
    with pytest.raises(UnreadableInput, match="unsupported file type"):
        read(p)
