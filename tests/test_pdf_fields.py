"""Form-field values stamped at signing, put back into the PDF page text."""
from __future__ import annotations

from report_parser.ingest import read
from report_parser.ingest.pdf_fields import Token, splice

from conftest import REAL, SAMPLE_PDF, needs_shared


def _boxes(line: str, x0: float = 100, w: float = 5, y: float = 729) -> list[tuple[float, float, float, float]]:
    """One box per character along a baseline; spaces are flat (as pdfium reports them)."""
    out = []
    for i, c in enumerate(line):
        top = y if c.isspace() else y + 9
        out.append((x0 + i * w, y, x0 + (i + 1) * w, top))
    return out


def test_splice_puts_each_value_in_its_blank():
    text = "Số: /BC-SNV ngày tháng năm 2026"
    boxes = _boxes(text)
    slash, thang, nam = text.index("/"), text.index("tháng"), text.index("năm")
    # the number sits left of "/", the day and month right before "tháng" and "năm"
    tokens = [Token("293", (boxes[slash][0] - 8, 729, boxes[slash][0] - 2, 738)),
              Token("09", (boxes[thang][0] - 6, 729, boxes[thang][0] - 1, 738)),
              Token("4", (boxes[nam][0] - 4, 729, boxes[nam][0] - 1, 738))]
    assert splice(text, boxes, tokens) == "Số: 293/BC-SNV ngày 09 tháng 4 năm 2026"


def test_splice_ignores_a_value_on_no_line():
    text = "Số: /BC-SNV"
    assert splice(text, _boxes(text), [Token("12", (100, 500, 110, 509))]) == text


@needs_shared
def test_real_01_number_and_date_come_from_the_signing_fields():
    """01 (Sở Nội vụ Vĩnh Long): the text layer reads "Số: /BC-SNV Vĩnh Long, ngày tháng năm 2026";
    the number and date exist only in form fields filled when the report was signed."""
    page1 = read(REAL / "01_vinhlong_SNV_BC_tong_ket_dao_tao_boi_duong_2021_2025.pdf", ocr="never").pages[0]
    assert "Số: 293/BC-SNV Vĩnh Long, ngày 09 tháng 4 năm 2026" in page1


def test_pdf_without_fields_is_unchanged():
    doc = read(SAMPLE_PDF, ocr="never")
    assert "Số: 165/BC-UBND" in doc.pages[0]
