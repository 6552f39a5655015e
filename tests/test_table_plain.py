"""Tables of a plain-text export (extract/table_plain.py): pipe rows with or without the
outer pipes, tab-separated rows and space-aligned columns give the same forms as the
Word table they were copied from. Snippets: Hồng Phong's 6-month report of 2020 (.txt)."""
from __future__ import annotations

from pathlib import Path

from report_parser.document import Document
from report_parser.extract import Context, tables
from report_parser.extract.table_plain import text_tables
from report_parser.structure import analyse

# two forms one after the other, each with its own header line and no |---| separator
PIPES = """PHỤ LỤC
Biểu mẫu 1
Công tác chỉ đạo điều hành CCHC
| STT | Chỉ tiêu thống kê (sử dụng cho kỳ báo cáo hàng quý, 6 tháng, năm) | Đơn vị tính | Số liệu | Ghi chú |
| 1. | Số văn bản chỉ đạo CCHC đã ban hành (Kết luận, chỉ thị, công văn chỉ đạo, quán triệt) | Văn bản | 12 |  |
| 2. | Tỷ lệ hoàn thành Kế hoạch CCHC năm (Lũy kế đến thời điểm báo cáo) | % | 42,3 |  |
| 2.1. | Số nhiệm vụ đề ra trong kế hoạch | Nhiệm vụ | 26 |  |
| 2.2. | Số nhiệm vụ đã hoàn thành | Nhiệm vụ | 11 |  |

Biểu mẫu 3
Cải cách thủ tục hành chính
| STT | Chỉ tiêu thống kê (sử dụng cho kỳ báo cáo hàng quý, 6 tháng, năm) | Đơn vị tính | Số liệu | Ghi chú |
| 1. | Thống kê TTHC | Thủ tục |  |  |
| 1.3. | Tổng số TTHC thuộc thẩm quyền giải quyết của UBND cấp xã | Thủ tục | 124 |  |
| 3.1. | Tỷ lệ hồ sơ TTHC do UBND cấp xã tiếp nhận được giải quyết đúng hạn | % | 99,75 |  |
| 3.1.1. | Tổng số hồ sơ TTHC đã giải quyết xong | Hồ sơ | 803 |  |
| 3.1.2. | Số hồ sơ TTHC giải quyết đúng hạn | Hồ sơ | 801 | Bao gồm cả hồ sơ giải quyết trước hạn |
"""

WANT = {"1": [("1", 12), ("2", 42.3), ("2.1", 26), ("2.2", 11)],
        "3": [("1", None), ("1.3", 124), ("3.1", 99.75), ("3.1.1", 803), ("3.1.2", 801)]}


def _doc(text: str) -> Document:
    return Document(path=Path("x.txt"), format="txt", sha256="", size=len(text), pages=text.split("\f"))


def _forms(text: str) -> dict[str, list[tuple[str, float | None]]]:
    doc = _doc(text)
    found = tables.extract(Context(doc, analyse(doc)))
    return {t.form: [(r.code, r.value) for r in t.rows] for t in found}


def _cells(line: str) -> list[str]:
    return [c.strip() for c in line.strip().strip("|").split("|")]


def _rewrite(text: str, row) -> str:
    return "\n".join(row(_cells(x)) if x.startswith("|") else x for x in text.splitlines()) + "\n"


def test_pipe_forms_one_after_the_other_are_two_forms():
    """The second form's header line and its 'Biểu mẫu 3' heading start a new table (it was
    glued to form 1 as one 43-row form)."""
    forms = _forms(PIPES)
    assert forms == WANT
    doc = _doc(PIPES)
    [t3] = [t for t in tables.extract(Context(doc, analyse(doc))) if t.form == "3"]
    assert t3.title == "Cải cách thủ tục hành chính"
    assert t3.rows[-1].note == "Bao gồm cả hồ sơ giải quyết trước hạn"


def test_pipe_rows_without_outer_pipes():
    assert _forms(_rewrite(PIPES, lambda c: " | ".join(c))) == WANT


def test_tab_separated_rows():
    assert _forms(_rewrite(PIPES, lambda c: "\t".join(c))) == WANT


def _aligned(text: str) -> str:
    rows = [_cells(x) for x in text.splitlines() if x.startswith("|")]
    widths = [max(len(r[j]) for r in rows) for j in range(5)]
    return _rewrite(text, lambda c: "   ".join(x.ljust(w) for x, w in zip(c, widths)).rstrip())


def test_space_aligned_columns():
    assert _forms(_aligned(PIPES)) == WANT


def test_prose_and_the_national_header_are_no_aligned_table():
    text = ("UỶ BAN NHÂN DÂN          CỘNG HOÀ XÃ HỘI CHỦ NGHĨA VIỆT NAM\n"
            "XÃ HỒNG PHONG               Độc lập - Tự do - Hạnh phúc\n"
            "Số: 68/BC-UBND            Hồng Phong, ngày 16 tháng 6 năm 2020\n\n"
            "Bộ phận một cửa  đã tiếp nhận 803 hồ sơ.  Giải quyết đúng hạn 801 hồ sơ.\n")
    assert text_tables(_doc(text)) == []


def test_a_pipe_table_cut_by_an_export_line_goes_on():
    text = ("| TT | Tên TTHC | Thời hạn |\n|---|---|---|\n| 1 | Chứng thực bản sao | Trong ngày |\n"
            "# trang 2\n| 2 | Chứng thực chữ ký | Trong ngày |\n")
    [t] = text_tables(_doc(text))
    assert [r[0] for r in t.rows] == ["TT", "1", "2"]


# pdftotext -layout of Hồng Phong's PDF: Biểu mẫu 3 cut by a page break (form feed, page
# number, repeated header), labels, units and a note wrapped onto the next lines
LAYOUT = '                                         Biểu mẫu 3\n                                 Cải cách thủ tục hành chính\nSTT                    Chỉ tiêu thống kê                       Kết quả thống kê        Ghi chú\n          (sử dụng cho kỳ báo cáo hàng quý, 6 tháng, năm)    Đơn vị tính    Số liệu\n  1.     Thống kê TTHC                                        Thủ tục\n 1.1.    Số TTHC công bố mới                                  Thủ tục         03\n 1.2.    Số TTHC bãi bỏ, thay thế                             Thủ tục         05\n 1.3.    Tổng số TTHC thuộc thẩm quyền giải quyết             Thủ tục        124\n         của UBND cấp xã\n  2.     Thực hiện cơ chế một cửa, một cửa liên\n         thông\n\x0c                                                  7\nSTT                    Chỉ tiêu thống kê                      Kết quả thống kê        Ghi chú\n          (sử dụng cho kỳ báo cáo hàng quý, 6 tháng, năm)   Đơn vị tính    Số liệu\n 2.1.    Số TTHC thực hiện tiếp nhận, trả kết quả tại        Thủ tục        124\n         Bộ phận Tiếp nhận và trả kết quả\n 2.2.    Số TTHC liên thông giữa các cấp chính quyền          Thủ tục        06\n  3.     Kết quả giải quyết TTHC\n 3.1.    Tỷ lệ hồ sơ TTHC do UBND cấp xã tiếp nhận               %          99,75\n         được giải quyết đúng hạn\n3.1.1.   Tổng số hồ sơ TTHC đã giải quyết xong                 Hồ sơ         803\n3.1.2.   Số hồ sơ TTHC giải quyết đúng hạn                     Hồ sơ         801     Bao gồm\n                                                                                     cả hồ sơ\n                                                                                     giải quyết\n                                                                                     trước hạn\n 3.2.    Tỷ lệ giải quyết phản ánh, kiến nghị (PAKN)             %           100\n         về quy định TTHC\n3.2.1.   Tổng số PAKN đã tiếp nhận (trực tiếp hoặc do         PAKN           01\n         cơ quan có thẩm quyền chuyển đến)\n3.2.2.   Số PAKN đã giải quyết xong                           PAKN           01\n'


def test_a_space_aligned_form_over_a_page_break_gives_the_word_tables_rows():
    doc = _doc(LAYOUT)
    [t] = tables.extract(Context(doc, analyse(doc)))
    assert t.form == "3" and t.title == "Cải cách thủ tục hành chính"
    assert [(r.code, r.value) for r in t.rows] == [
        ("1", None), ("1.1", 3), ("1.2", 5), ("1.3", 124), ("2", None), ("2.1", 124), ("2.2", 6), ("3", None),
        ("3.1", 99.75), ("3.1.1", 803), ("3.1.2", 801), ("3.2", 100), ("3.2.1", 1), ("3.2.2", 1)]
    rows = {r.code: r for r in t.rows}
    assert rows["2.1"].label == ("Số TTHC thực hiện tiếp nhận, trả kết quả tại Bộ phận Tiếp nhận và trả kết quả")
    assert rows["3.1.2"].note == "Bao gồm cả hồ sơ giải quyết trước hạn"
    assert rows["1.3"].label == "Tổng số TTHC thuộc thẩm quyền giải quyết của UBND cấp xã"


# pdftotext -layout of the sample's PDF (Lê Hồng, 2022): Biểu mẫu 1 with a five-line header,
# codes one space from their label ("3.3.1   Số ..." / "   ." wrapped), coded answers wrapped
# over several lines, and its last row on the next page with other column positions
SAMPLE_FORM1 = '                                 Biểu mẫu 1\n                      Công tác chỉ đạo điều hành CCHC\nSTT                  Chỉ tiêu thống kê                Đơn vị tính   Kết quả thống\n         (sử dụng cho kỳ báo cáo hàng quý, 6 tháng,                        kê\n                           năm)                                       Số      Ghi\n                                                                    lượng/    chú\n                                                                     Tỷ lệ\n 1.     Số văn bản chỉ đạo CCHC đã ban hành            Văn bản       20\n        (Kết luận, chỉ thị, công văn chỉ đạo, quán\n        triệt)\n 2.     Tỷ lệ hoàn thành Kế hoạch CCHC năm                %          85\n        (Lũy kế đến thời điểm báo cáo)\n2.1.    Số nhiệm vụ đề ra trong kế hoạch              Nhiệm vụ       28\n2.2.    Số nhiệm vụ đã hoàn thành                     Nhiệm vụ       24\n 3.     Kiểm tra CCHC\n3.1.    Số phòng chuyên môn đã kiểm tra               Phòng, đơn\n                                                          vị\n3.2.    Số UBND cấp xã đã kiểm tra                     Cơ quan,\n                                                        đơn vị\n3.3.    Tỷ lệ xử lý các vấn đề qua kiểm tra               %\n3.3.1   Số vấn đề phát hiện qua kiểm tra                Vấn đề\n   .\n3.3.2   Số vấn đề phát hiện đã xử lý xong               Vấn đề\n  4.    Thực hiện nhiệm vụ của UBND huyện,\n        Chủ tịch UBND huyện giao\n4.1.    Tổng số nhiệm vụ được giao                    Nhiệm vụ\n4.2.    Số nhiệm vụ đã hoàn thành đúng hạn            Nhiệm vụ\n4.3.    Số nhiệm vụ đã hoàn thành nhưng quá hạn       Nhiệm vụ\n4.4.    Số nhiệm vụ quá hạn nhưng chưa hoàn           Nhiệm vụ\n        thành\n 5.     Khảo sát sự hài lòng của người dân, tổ         Có = 1;        1\n        chức                                          Không = 0\n5.1     Số lượng phiếu khảo sát                         Phiếu       1224\n5.2.    Hình thức khảo sát                            Trực tuyến     1\n                                                          =0\n                                                      Phát phiếu\n                                                          =1\n                                                      Kết hợp = 2\n\x0c6.   Tổ chức đối thoại của lãnh đạo với người   Không = 0   0\n     dân, cộng đồng doanh nghiệp                 Có = 1\n'


def test_a_layout_form_with_a_deep_header_and_a_shifted_last_page():
    doc = _doc(SAMPLE_FORM1)
    [t] = tables.extract(Context(doc, analyse(doc)))
    got = {r.code: r for r in t.rows}
    assert t.form == "1" and len(t.rows) == 19
    assert (got["1"].value, got["1"].unit) == (20, "Văn bản")
    assert got["1"].label == "Số văn bản chỉ đạo CCHC đã ban hành (Kết luận, chỉ thị, công văn chỉ đạo, quán triệt)"
    assert (got["2.1"].value, got["5.1"].value, got["5"].value, got["5.2"].value) == (28, 1224, 1, 1)
    assert "3.3.1" in got and got["3.3.1"].value is None
    assert (got["6"].value, got["6"].unit) == (0, "Không = 0 Có = 1")


def test_a_space_aligned_grid_reads_as_its_pipe_copy(tmp_path):
    """A per-field grid as 'pdftotext -layout' prints it: the STT column holds bare numbers ("1",
    no dot) and the "Tổng cộng" row has no code; it gives the same rows, fields and total as
    its pipe copy (it gave no table; the total row was joined to the row above as a wrap)."""
    from report_parser import parse
    from test_checks_audit import GRID_TXT
    lines = GRID_TXT.split("\n")
    rows = [[c.strip() for c in line.strip("|").split("|")] for line in lines if line.startswith("|")]
    widths = [max(len(r[j]) for r in rows) for j in range(len(rows[0]))]
    aligned = iter("   ".join(c.ljust(w) for c, w in zip(r, widths)).rstrip() for r in rows)
    text = "\n".join(next(aligned) if line.startswith("|") else line for line in lines)
    got = {}
    for name, body in (("pipe", GRID_TXT), ("aligned", text)):
        path = tmp_path / f"{name}.txt"
        path.write_text(body, encoding="utf-8")
        got[name] = sorted((i.code, i.value, i.dimension.get("field", "")) for i in parse(path, ocr="never").indicators
                           if i.source == "table")
    assert got["aligned"] == got["pipe"]
    assert ("dossiers.received", 500, "") in got["aligned"] and ("dossiers.late", 2, "Đất đai") in got["aligned"]
