"""Appendix forms and grids: cell rules, flattened text, Word/PDF tables, form rows -> codes."""
from __future__ import annotations

import json
from pathlib import Path

import pytest

from report_parser.document import Document, RawTable
from report_parser.extract.table_cells import (cell_value, coded_options, flat_code, row_code,
                                               split_flat_row)
from report_parser.extract.table_indicators import from_tables
from report_parser.extract.table_text import forms_from_text
from report_parser.extract.tables import tables_from_raw
from report_parser.models import FormRow, FormTable, GridRow, GridTable
from report_parser.pipeline import build_context
from conftest import GOLD, REAL, SAMPLE_DOCX, SAMPLE_PDF, SAMPLE_TXT, load_scorer, needs_shared


def _doc(text: str, tables: list[RawTable] | None = None, fmt: str = "txt") -> Document:
    return Document(path=Path(f"x.{fmt}"), format=fmt, sha256="", size=len(text),
                    pages=text.split("\f"), tables=tables or [])


# --------------------------------------------------------------------------- cell rules
@pytest.mark.parametrize("raw, unit, value", [
    ("1", "Có = 1; Không = 0", 1),
    ("0", "Không = 0\nCó = 1", 0),
    ("1", "Chưa = 0\nHoàn thành = 1", 1),
    ("1", "Trực tuyến = 0\nPhát phiếu = 1\nKết hợp = 2", 1),
    ("2", "Chưa có =\n0\n2 cấp = 1\n3 cấp = 2", 2),
    ("Có", "Có = 1; Không = 0", 1),  # the option written instead of its code
    ("Hoàn thành", "Chưa = 0 Đang làm = 1 Hoàn thành = 2", 2),
])
def test_coded_answer_gives_the_chosen_code(raw, unit, value):
    assert cell_value(raw, unit) == value


def test_coded_options_are_read_in_order():
    assert coded_options("Trực tuyến\n= 0\nPhát phiếu\n= 1\nKết hợp = 2") == [
        ("Trực tuyến", 0), ("Phát phiếu", 1), ("Kết hợp", 2)]
    assert coded_options("Văn bản") == []


@pytest.mark.parametrize("raw, unit, value", [
    ("10 tỷ đồng/0%", "Triệu đồng", 10000),
    ("2,1 tỷ đồng", "Triệu đồng", 2100),
    ("5.236 triệu đồng", "Triệu đồng", 5236),
    ("50.000.000 đồng", "Triệu đồng", 50),
    ("10 tỷ đồng", "Tỷ đồng", 10),
    ("500", "Triệu đồng", 500),
])
def test_money_cell_in_the_row_unit(raw, unit, value):
    assert cell_value(raw, unit) == value


@pytest.mark.parametrize("raw, unit, value", [
    ("", "Văn bản", None),
    (None, "%", None),
    ("   ", "Người", None),
    ("0", "Người", 0),
    ("02", "Người", 2),
    ("99,9", "%", 99.9),
    ("1.224", "Phiếu", 1224),
    ("84,4%", "%", 84.4),
    ("Văn bản 0", "Văn bản", 0),  # the unit printed again in the value cell
    ("x", "Hồ sơ", None),
])
def test_cell_values(raw, unit, value):
    got = cell_value(raw, unit)
    assert got == value and (value is None or type(got) is type(value))


@pytest.mark.parametrize("cell, code", [
    ("3.3.1\n.", "3.3.1"), ("1.", "1"), ("5.1", "5.1"), ("3.3.2", "3.3.2"), ("II", "II"),
    ("a)", None), ("Tổng", None), ("", None),
])
def test_row_code_of_a_cell(cell, code):
    assert row_code(cell) == code


@pytest.mark.parametrize("line, expected", [
    ("3.3.1. Số vấn đề phát hiện", ("3.3.1", "Số vấn đề phát hiện")),
    (" 5.1 Số lượng phiếu khảo sát Phiếu 1224  ", ("5.1", "Số lượng phiếu khảo sát Phiếu 1224")),
    ("5.1.", ("5.1", "")),
    ("2.", ("2", "")),
    ("4.4... Số nhiệm vụ quá hạn", ("4.4", "Số nhiệm vụ quá hạn")),  # OCR noise after the code
    ("4. _. Thực hiện nhiệm vụ", ("4", "Thực hiện nhiệm vụ")),
    ("1", None),  # a value alone on its line
    ("0 1", None),
    ("2 cấp = 1", None),
    ("1.224 hồ sơ", None),
    ("99,9", None),
])
def test_flattened_row_codes(line, expected):
    assert flat_code(line) == expected


@pytest.mark.parametrize("text, label, unit, raw", [
    ("Số văn bản chỉ đạo CCHC đã ban hành (Kết luận, chỉ thị) Văn bản 20",
     "Số văn bản chỉ đạo CCHC đã ban hành (Kết luận, chỉ thị)", "Văn bản", "20"),
    ("Số VBQPPL do cấp xã ban hành Văn bản Văn bản 0", "Số VBQPPL do cấp xã ban hành", "Văn bản", "0"),
    ("Kế hoạch được giao Triệu đồng 10 tỷ đồng/0%", "Kế hoạch được giao", "Triệu đồng", "10 tỷ đồng/0%"),
    ("Tỷ lệ giải quyết phản ánh, kiến nghị (PAKN) về quy định TTHC % 0",
     "Tỷ lệ giải quyết phản ánh, kiến nghị (PAKN) về quy định TTHC", "%", "0"),
    ("Số ĐVSN tự bảo đảm từ 70% - dưới 100% chi thường xuyên Đơn vị",
     "Số ĐVSN tự bảo đảm từ 70% - dưới 100% chi thường xuyên", "Đơn vị", None),
    ("Số cơ quan, tổ chức hành chính đã được phê duyệt Cơ quan, đơn vị 1",
     "Số cơ quan, tổ chức hành chính đã được phê duyệt", "Cơ quan, đơn vị", "1"),
    ("Tổng số Văn bản quy phạm pháp luật (VBQPPL) đo địa phương ban hành",
     "Tổng số Văn bản quy phạm pháp luật (VBQPPL) đo địa phương ban hành", None, None),
    ("Tuyển dụng công chức, viên chức 0", "Tuyển dụng công chức, viên chức", None, "0"),
    ("Tỷ lệ TTHC đủ điều kiện trực tuyến mức độ 3", "Tỷ lệ TTHC đủ điều kiện trực tuyến mức độ 3", None, None),
    ("Khảo sát sự hài lòng của người dân, tổ chức Có = 1; Không = 0 1",
     "Khảo sát sự hài lòng của người dân, tổ chức", "Có = 1; Không = 0", "1"),
    ("Hình thức khảo sát Trực tuyến = 0 Phát phiếu = 1 Kết hợp = 2 1",
     "Hình thức khảo sát", "Trực tuyến = 0 Phát phiếu = 1 Kết hợp = 2", "1"),
    ("Cập nhật Kiến trúc chính quyền điện tử phiên bản mới nhất Chưa = 0 Hoàn thành = 1 1",
     "Cập nhật Kiến trúc chính quyền điện tử phiên bản mới nhất", "Chưa = 0 Hoàn thành = 1", "1"),
    ("Liên thông 3 cấp: Từ UBND tỉnh đến 100% UBND cấp huyện, cấp xã. Chưa có = 0 2 cấp = 1 3 cấp = 2 2",
     "Liên thông 3 cấp: Từ UBND tỉnh đến 100% UBND cấp huyện, cấp xã.", "Chưa có = 0 2 cấp = 1 3 cấp = 2", "2"),
])
def test_flattened_row_split(text, label, unit, raw):
    assert split_flat_row(text)[:3] == (label, unit, raw)


def test_flattened_row_note_after_the_value():
    assert split_flat_row("Số hồ sơ TTHC giải quyết đúng hạn Hồ sơ 1221 đạt 99,9%") == (
        "Số hồ sơ TTHC giải quyết đúng hạn", "Hồ sơ", "1221", "đạt 99,9%")


# --------------------------------------------------------------------------- flattened text
FORM_HEAD = "Kết quả thống kê\nSTT\n\nChỉ tiêu thống kê\n(sử dụng cho kỳ báo cáo)\nĐơn vị tính Số lượng/\nTỷ lệ\n\nGhi \nchú\n"


def test_flattened_form_split_over_two_pages_with_repeated_header():
    text = ("PHỤ LỤC\nBiểu mẫu 7\nXây dựng chính quyền điện tử\n\n" + FORM_HEAD +
            "6.4. Tỷ lệ TTHC đủ điều kiện được cung cấp \ntrực tuyến mức độ 3 %\n"
            "6.4.1. Tổng số TTHC đủ điều kiện cung cấp trực \ntuyến mức độ 3 Thủ tục 70\n"
            "\f" + FORM_HEAD +
            "6.4.2. Số TTHC đang cung cấp trực tuyến mức độ \n3 Thủ tục 70\n"
            "6.6.\nTỷ lệ TTHC cung cấp trực tuyến mức độ 3 \nvà 4 đã tích hợp\n\n% 100\n")
    [form] = forms_from_text(_doc(text))
    assert (form.form, form.title, form.pages) == ("7", "Xây dựng chính quyền điện tử", [1, 2])
    assert [(r.code, r.unit, r.value, r.page) for r in form.rows] == [
        ("6.4", "%", None, 1), ("6.4.1", "Thủ tục", 70, 1), ("6.4.2", "Thủ tục", 70, 2), ("6.6", "%", 100, 2)]
    assert form.rows[2].label == "Số TTHC đang cung cấp trực tuyến mức độ 3"


def test_flattened_form_continued_without_header_and_coded_rows_over_lines():
    text = ("Biểu mẫu 1\nCông tác chỉ đạo điều hành CCHC\n" + FORM_HEAD +
            "5. Khảo sát sự hài lòng của người dân, tổ chức Có = 1; Không = \n0 1  \n"
            " 5.1 Số lượng phiếu khảo sát Phiếu 1224  \n"
            "5.2. Hình thức khảo sát Trực tuyến = 0\nPhát phiếu = 1\n\nKết hợp = 2\n1\n\f"
            "6. Tổ chức đối thoại của lãnh đạo với người \ndân, cộng đồng doanh nghiệp\n\nKhông = 0\nCó = 1\n\n0\n"
            "Nơi nhận:\n- Lưu: VP.\n")
    [form] = forms_from_text(_doc(text))
    assert [(r.code, r.value, r.page) for r in form.rows] == [("5", 1, 1), ("5.1", 1224, 1), ("5.2", 1, 1), ("6", 0, 2)]
    assert form.rows[3].label == "Tổ chức đối thoại của lãnh đạo với người dân, cộng đồng doanh nghiệp"
    assert form.rows[3].unit == "Không = 0 Có = 1"


def test_money_row_keeps_its_raw_text():
    text = "Biểu mẫu 6\nCải cách tài chính công\n" + FORM_HEAD + "1.1. Kế hoạch được giao Triệu đồng 10 tỷ đồng/0%\n"
    [form] = forms_from_text(_doc(text))
    row = form.rows[0]
    assert (row.value, row.raw, row.unit) == (10000, "10 tỷ đồng/0%", "Triệu đồng")


def test_no_forms_in_a_text_without_appendix():
    assert forms_from_text(_doc("1. Kết quả\n1.1. Đã tiếp nhận 1224 hồ sơ\n")) == []


# --------------------------------------------------------------------------- reader tables
HEADER_ROWS = [["STT", "Chỉ tiêu thống kê", "Đơn vị tính", "Kết quả thống kê", None],
               [None, None, None, "Số lượng/ Tỷ lệ", "Ghi chú"]]


def _word_doc(parts: list[tuple[str, list | None]]) -> Document:
    """A Word-like document: text pieces and tables, each table's cells written one per line."""
    text, tables = "", []
    for piece, rows in parts:
        if rows is None:
            text += piece
            continue
        tables.append(RawTable(page=text.count("\f") + 1, rows=rows, source="docx", offset=len(text),
                               pages=[text.count("\f") + 1] * len(rows)))
        text += "".join(c + "\n" for r in rows for c in r if c)
    return _doc(text, tables, "docx")


def test_word_form_with_heading_merged_header_and_split_table():
    doc = _word_doc([
        ("ỦY BAN NHÂN DÂN\n", None),
        ("", [["ỦY BAN NHÂN DÂN XÃ", "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM"], ["Số: 1/BC-UBND", "ngày 1/1/2022"]]),
        ("Báo cáo...\nPHỤ LỤC\nBiểu mẫu 4\nCải cách bộ máy hành chính nhà nước\n", None),
        ("", HEADER_ROWS + [["2.1.", "Tổng số biên chế được giao trong năm", "Người", "20", ""],
                            ["2.3.", "Số hợp đồng lao động", "Người", "02", ""]]),
        ("\f", None),  # Word split the table at the page break; the rest has no heading
        ("", [["2.4.", "Số biên chế đã tinh giản", "Người", "", "chưa có"]]),
    ])
    [form] = tables_from_raw(doc)  # the national-header layout table is not data
    assert (form.kind, form.form, form.title, form.pages) == ("form", "4", "Cải cách bộ máy hành chính nhà nước", [1, 2])
    assert [(r.code, r.unit, r.value, r.raw, r.note) for r in form.rows] == [
        ("2.1", "Người", 20, "20", None), ("2.3", "Người", 2, "02", None), ("2.4", "Người", None, None, "chưa có")]


def test_a_form_printed_without_rules_comes_from_the_text():
    from report_parser.extract import tables
    from report_parser.structure import analyse
    from report_parser.extract import Context
    doc = _word_doc([
        ("PHỤ LỤC\nBiểu mẫu 4\nCải cách bộ máy hành chính nhà nước\n", None),
        ("", HEADER_ROWS + [["2.1.", "Tổng số biên chế được giao trong năm", "Người", "20", ""]]),
        ("\fBiểu mẫu 5\nCải cách chế độ công vụ\n" + FORM_HEAD + "3. Số lượng lãnh đạo quản lý được tuyển chọn Người 0\n", None),
    ])
    got = tables.extract(Context(doc, analyse(doc)))
    assert [(t.form, [(r.code, r.value) for r in t.rows]) for t in got] == [("4", [("2.1", 20)]), ("5", [("3", 0)])]


def test_form_without_unit_column_and_grid_with_several_value_columns():
    doc = _word_doc([("Biểu mẫu 2\nKết quả thực hiện\n", None),
                     ("", [["STT", "Nội dung", "Kết quả", "Ghi chú"], ["1.", "Số cuộc kiểm tra", "3", ""]]),
                     ("Bảng 2. Kết quả theo quý\n", None),
                     ("", [["STT", "Nội dung", "Kết quả quý I", "Kết quả quý II"], ["1.", "Số cuộc kiểm tra", "3", "4"]])])
    form, grid = tables_from_raw(doc)
    assert (form.kind, form.form, [(r.code, r.unit, r.value) for r in form.rows]) == ("form", "2", [("1", None, 3)])
    assert grid.kind == "grid" and grid.title == "Bảng 2. Kết quả theo quý" and grid.rows[0].cells[2:] == ["3", "4"]


def test_pdf_row_wrapped_over_a_page_break_joins_the_row_before():
    doc = _word_doc([("Biểu mẫu 3\nCải cách thủ tục hành chính\n", None),
                     ("", HEADER_ROWS + [["3.3.1.", "Tổng số hồ sơ TTHC đã", "Hồ sơ", "1221", ""],
                                         ["", "giải quyết xong", "", "", ""]])])
    [form] = tables_from_raw(doc)
    assert [(r.code, r.label, r.value) for r in form.rows] == [("3.3.1", "Tổng số hồ sơ TTHC đã giải quyết xong", 1221)]


GRID_ROWS = [["STT", "Lĩnh vực", "Số hồ sơ tiếp nhận", None, None, "Kết quả giải quyết", None, None],
             [None, None, "Tổng số", "Trực tuyến", "Trực tiếp", "Trước hạn", "Đúng hạn", "Quá hạn"],
             ["1", "Hộ tịch", "224", "94", "130", "200", "24", "0"],
             ["2", "Lĩnh vực Chứng thực", "1.530", "842", "688", "1.530", "", "0"],
             ["", "Tổng cộng", "1.754", "936", "818", "1.730", "24", "0"]]


def test_grid_columns_from_merged_headers():
    doc = _word_doc([("Kết quả giải quyết TTHC theo lĩnh vực\n", None), ("", GRID_ROWS)])
    [grid] = tables_from_raw(doc)
    assert grid.kind == "grid" and grid.title == "Kết quả giải quyết TTHC theo lĩnh vực"
    assert grid.columns == ["STT", "Lĩnh vực", "Số hồ sơ tiếp nhận / Tổng số", "Số hồ sơ tiếp nhận / Trực tuyến",
                            "Số hồ sơ tiếp nhận / Trực tiếp", "Kết quả giải quyết / Trước hạn",
                            "Kết quả giải quyết / Đúng hạn", "Kết quả giải quyết / Quá hạn"]
    assert [r.cells[1] for r in grid.rows] == ["Hộ tịch", "Lĩnh vực Chứng thực", "Tổng cộng"]


# --------------------------------------------------------------------------- form rows -> codes
def _form(form: str, rows: list[tuple[str, str, str | None, float | None]]) -> FormTable:
    return FormTable(form=form, rows=[FormRow(code=c, label=lab, unit=u, value=v, raw=None if v is None else str(v))
                                      for c, lab, u, v in rows])


def _codes(inds) -> dict:
    return {(i.code, tuple(sorted(i.dimension.items()))): (i.value, i.table, i.source) for i in inds}


def test_form_rows_map_by_label_whatever_the_numbering():
    # another province prints the direction documents as form 2 row 1.1
    got = _codes(from_tables([_form("2", [("1.1", "Số văn bản chỉ đạo, điều hành về CCHC đã ban hành", "Văn bản", 12)])]))
    assert got == {("direction.docs_issued", ()): (12, "2/1.1", "table")}


def test_a_row_at_the_template_key_with_another_label_is_not_mapped():
    assert from_tables([_form("1", [("1", "Số cuộc họp giao ban", "Cuộc", 4)])]) == []


def test_rates_only_from_percent_rows_and_empty_rows_give_nothing():
    inds = from_tables([_form("1", [("2", "Tỷ lệ hoàn thành Kế hoạch CCHC năm", "Nhiệm vụ", 24),
                                    ("2.1", "Số nhiệm vụ đề ra trong kế hoạch", "Nhiệm vụ", None)])])
    assert inds == []


def test_parent_row_gives_meaning_to_a_short_label():
    rows = [("1", "Tỷ lệ thực hiện Kế hoạch giải ngân vốn đầu tư công", "%", None),
            ("1.1", "Kế hoạch được giao", "Triệu đồng", 10000), ("1.2", "Đã thực hiện", "Triệu đồng", 0)]
    got = _codes(from_tables([_form("6", rows)]))
    assert got == {("finance.budget_plan", ()): (10000, "6/1.1", "table"),
                   ("finance.budget_disbursed", ()): (0, "6/1.2", "table")}
    other = [("1", "Tổ chức hội nghị", None, None), ("1.1", "Kế hoạch được giao", "Cuộc", 3)]
    assert from_tables([_form("6", other)]) == []


def test_the_row_at_the_template_key_wins_when_two_rows_give_one_code():
    rows = [("5.2", "Tỷ lệ sử dụng văn bản điện tử của địa phương (sử dụng chữ ký số, chứng thư số)", "%", 90),
            ("5.2.3", "Tỷ lệ sử dụng văn bản điện tử của UBND cấp xã", "%", 100)]
    got = _codes(from_tables([_form("7", rows)]))
    assert got[("esign.rate", ())] == (90, "7/5.2", "table")
    assert got[("edocs.outgoing_online_rate", ())] == (100, "7/5.2.3", "table")


def test_level_rows_do_not_take_their_sub_rows():
    rows = [("6.4.2", "Số TTHC đang cung cấp trực tuyến mức độ 3", "Thủ tục", 70),
            ("6.4.3", "Số TTHC đang cung cấp trực tuyến mức độ 3 có phát sinh hồ sơ nộp trực tuyến", "Thủ tục", 0)]
    assert _codes(from_tables([_form("7", rows)])) == {("dvc.level3", ()): (70, "7/6.4.2", "table")}


def test_per_field_grid_gives_field_indicators_and_the_total_row_none():
    grid = GridTable(columns=["STT", "Lĩnh vực", "Số hồ sơ tiếp nhận / Tổng số", "Số hồ sơ tiếp nhận / Trực tuyến",
                              "Số hồ sơ tiếp nhận / Trực tiếp", "Kết quả giải quyết / Trước hạn",
                              "Kết quả giải quyết / Đúng hạn", "Kết quả giải quyết / Quá hạn"],
                     rows=[GridRow(cells=r) for r in [c for c in GRID_ROWS[2:]]])
    got = _codes(from_tables([grid]))
    assert got[("dossiers.received", (("field", "Hộ tịch"),))][0] == 224
    assert got[("dossiers.received_online", (("field", "Chứng thực"),))][0] == 842
    assert got[("dossiers.early", (("field", "Chứng thực"),))][0] == 1530
    # early and on-time are separate columns: the on-time column is the on-time part only
    assert got[("dossiers.on_time_exact", (("field", "Hộ tịch"),))][0] == 24
    assert ("dossiers.on_time_exact", (("field", "Chứng thực"),)) not in got  # empty cell
    assert got[("dossiers.received", ())][0] == 1754
    assert got[("dossiers.late", ())][0] == 0
    assert all(v[2] == "table" for v in got.values())


def test_grid_field_that_lists_other_fields_in_brackets_is_named_as_in_the_text():
    """xã Quảng Phú's per-field results as a grid (audit_whole quangphu-2024-q1-grid): the last
    row lists the fields it gathers, as its '+' line in the text does."""
    grid = GridTable(columns=["STT", "Lĩnh vực", "Số hồ sơ tiếp nhận", "Trong đó trực tuyến"],
                     rows=[GridRow(cells=["4", "Đất đai", "27", "06"]),
                           GridRow(cells=["5", "Các lĩnh vực khác (Nội vụ, Văn hoá - Thông tin, Nông nghiệp, "
                                               "Thuỷ lợi)", "18", "06"])])
    got = _codes(from_tables([grid]))
    assert got[("dossiers.received", (("field", "Các lĩnh vực khác"),))][0] == 18
    assert got[("dossiers.received_online", (("field", "Các lĩnh vực khác"),))][0] == 6
    assert got[("dossiers.received", (("field", "Đất đai"),))][0] == 27


# --------------------------------------------------------------------------- the sample report
def _scorer():
    return load_scorer()


@pytest.fixture(scope="module")
def sample_tables():
    from report_parser.extract import tables
    return {p.suffix: tables.extract(build_context(p)) for p in (SAMPLE_TXT, SAMPLE_DOCX, SAMPLE_PDF)}


@needs_shared
@pytest.mark.parametrize("suffix", [".txt", ".docx", ".pdf"])
def test_sample_forms_match_the_gold(sample_tables, suffix):
    gold = json.loads(GOLD.read_text(encoding="utf-8"))
    pred = {"tables": [t.model_dump() for t in sample_tables[suffix]]}
    res = _scorer().score_tables(gold, pred)
    assert res["table_filled"] >= 0.98 and res["table_cells"] >= 0.95, res["_wrong"]
    titles = {t.form: t.title for t in sample_tables[suffix]}
    assert titles == {k: v["title"] for k, v in gold["tables"].items()}


@needs_shared
@pytest.mark.parametrize("suffix", [".txt", ".docx", ".pdf"])
def test_sample_table_indicators_are_gold_values(sample_tables, suffix):
    gold = json.loads(GOLD.read_text(encoding="utf-8"))
    allowed = {(g["code"], g["value"]) for g in gold["indicators"] + gold["optional_indicators"] if not g.get("dimension")}
    inds = from_tables(sample_tables[suffix])
    assert {(i.code, i.value) for i in inds} <= allowed
    got = {i.code: i.value for i in inds}
    # the values that only the forms give
    assert got["direction.docs_issued"] == 20 and got["survey.forms"] == 1224
    assert got["finance.budget_plan"] == 10000 and got["finance.budget_disbursed"] == 0
    assert got["esign.rate"] == 100 and got["staff.contract"] == 2 and got["dvc.level34"] == 116
    assert len(inds) == 24


# --------------------------------------------------------------------------- real documents
@needs_shared
@pytest.mark.parametrize("name", ["02_vinhlong_UBND_811-BC-UBND_tiep_thu_giai_trinh_tham_tra.pdf",
                                  "03_vinhlong_STP_BC_tham_dinh_du_thao_NQ.pdf",
                                  "04_vinhlong_UBND_To_trinh_du_thao_NQ.pdf",
                                  "06_vinhlong_du_thao_NQ_HDND_tinh.docx"])
def test_real_documents_without_data_tables(name):
    """Their only ruled things are layout tables (header, signature) and boxed paragraphs."""
    from report_parser.extract import tables
    assert tables.extract(build_context(REAL / name, ocr="never")) == []


@needs_shared
def test_real_grid_over_two_pages():
    """01 (Sở Nội vụ Vĩnh Long): a 9-column grid runs from page 16 to 17, its header only on 16;
    the boxed paragraphs of page 6 are not laid out, those of pages 7 and 18 are not tables."""
    from report_parser.extract import tables
    ctx = build_context(REAL / "01_vinhlong_SNV_BC_tong_ket_dao_tao_boi_duong_2021_2025.pdf", ocr="never")
    assert 6 not in ctx.doc.table_pages and len(ctx.doc.tables) == 1
    [grid] = tables.extract(ctx)
    assert grid.kind == "grid" and grid.pages == [16, 17]
    assert grid.columns == ["Năm", "BS Đa khoa", "BS RHM", "BS YHDP", "BS YHCT", "BS ngành hiếm", "DS ĐH", "CNXN", "Tổng"]
    assert [r.cells[0] for r in grid.rows][-2:] == ["2025", "Tổng số"]
    assert grid.rows[0].cells == ["2019", "34", "", "2", "", "6", "", "", "42"]
    assert from_tables([grid]) == []  # not a per-field dossier grid


# --------------------------------------------------------------------------- markdown pipe tables
MD = """A. DANH MỤC THỦ TỤC HÀNH CHÍNH SỬA ĐỔI, BỔ SUNG (51 TTHC)

| TT | Mã số TTHC | Tên TTHC | Thời hạn giải quyết (Ngày làm việc) |
|---|---|---|---|
| Mức độ DVC | Thực hiện qua BCCI |  |  |
| I | LĨNH VỰC CHỨNG THỰC (17 TTHC) |  |  |
| 1 | 2.000815 | Thủ tục chứng thực bản sao từ bản chính | Trong ngày |

# 1766_2020_QĐ_UBND_annex_quoc_tich
| II | LĨNH VỰC QUỐC TỊCH (05 TTHC) |  |  |
| 1 | 2.001005 | Xác nhận có gốc Việt Nam theo điều ước quốc tế mà nước Cộng hòa xã hội chủ nghĩa Việt Nam là thành viên | 40 ngày |
"""


def test_markdown_tables_of_a_text_export():
    """11 (QĐ 1766/QĐ-UBND Bình Thuận, a .txt with pipe tables): a two-level header, the table cut
    by the export's '#' lines, and a cell naming 'Cộng hòa xã hội chủ nghĩa Việt Nam' (not a
    national-header layout table)."""
    from report_parser.extract import tables
    from report_parser.extract import Context
    from report_parser.structure import analyse
    doc = _doc(MD)
    [grid] = tables.extract(Context(doc, analyse(doc)))
    assert grid.title == "A. DANH MỤC THỦ TỤC HÀNH CHÍNH SỬA ĐỔI, BỔ SUNG (51 TTHC)"
    assert grid.columns == ["TT / Mức độ DVC", "Mã số TTHC / Thực hiện qua BCCI", "Tên TTHC",
                            "Thời hạn giải quyết (Ngày làm việc)"]
    assert [r.cells[:2] for r in grid.rows] == [["I", "LĨNH VỰC CHỨNG THỰC (17 TTHC)"], ["1", "2.000815"],
                                                ["II", "LĨNH VỰC QUỐC TỊCH (05 TTHC)"], ["1", "2.001005"]]


# --------------------------------------------------------------------------- whole-report layouts (audit_whole)
def test_pdf_form_continued_after_a_row_broken_over_the_page_and_a_repeated_header():
    """real/07 printed by LibreOffice: row 4.2.1's label runs onto the next page (outside any
    ruled table), then the form goes on under its repeated header two pages later."""
    head = [["STT", "Chỉ tiêu thống kê\n(Sử dụng trong kỳ báo cáo hàng quý, 6 tháng,\nnăm)", "Kết quả thống kê", None, "Ghi chú"],
            [None, None, "Đơn vị tính", "Số liệu", None]]
    doc = _word_doc([
        ("Biểu mẫu 7\nXây dựng và phát triển Chính quyền điện tử, Chính quyền số\n", None),
        ("", head + [["4.2.1.", "Tổng số DVCTT có phát sinh hồ sơ (gồm các DVCTT", "Thủ tục", "599", ""]]),
        ("\f12\ncó phát sinh hồ sơ trực tuyến hoặc trực tiếp hoặc cả\n2 hình thức)\f1\n3\n", None),
        ("", [head[0], [None, None, "Đơn vị\ntính", "Số liệu", None],
              ["4.2.2.", "Số DVCTT có phát sinh hồ sơ trực tuyến", "Thủ tục", "575", ""],
              ["4.3.", "Tỷ lệ hồ sơ trực tuyến toàn trình", "%", "90,58", ""]]),
    ])
    doc.tables[1].page = 3
    [form] = tables_from_raw(doc)
    assert form.form == "7" and [(r.code, r.value) for r in form.rows] == [
        ("4.2.1", 599), ("4.2.2", 575), ("4.3", 90.58)]


def test_a_grid_with_the_same_header_after_a_paragraph_on_the_same_page_is_a_new_table():
    rows = [["STT", "Lĩnh vực", "Số hồ sơ"], ["1", "Hộ tịch", "224"]]
    doc = _word_doc([("Bảng 1. Quý I\n", None), ("", rows),
                     ("Trong quý II, số hồ sơ tiếp nhận theo lĩnh vực như sau (tăng so với quý I):\n", None),
                     ("", rows)])
    assert len(tables_from_raw(doc)) == 2


@pytest.mark.parametrize("raw, value", [
    ("17.454.00 0", 17454000),  # real/07 printed to PDF: the last digit wrapped in a narrow cell
    ("271 1.376", 271),         # two numbers in one cell are not joined
    ("12 5", 12),
])
def test_a_number_wrapped_inside_its_last_group_is_joined(raw, value):
    assert cell_value(raw, "Triệu đồng") == value


def test_form_exported_one_cell_a_line_takes_the_value_line_not_a_number_in_the_note():
    """real/07 as LibreOffice's text export writes it: each cell on its own line, an empty
    cell as an empty line, a note of two lines after the value."""
    text = ("Biểu mẫu 6\nCải cách tài chính công\nSTT\nChỉ tiêu thống kê\nĐơn vị tính\nSố liệu\nGhi chú\n"
            "2.\nThực hiện tự chủ tài chính của đơn vị sự nghiệp (ĐVSN) tại địa phương (lũy kế đến thời điểm báo cáo)\n"
            "\n1.647\nCấp tỉnh: 271\nCấp xã: 1.376\n"
            "2.1.\nTổng số ĐVSN công lập tại địa phương\nĐơn vị\n271\n"
            "Biểu mẫu 4\nCải cách tổ chức bộ máy\nSTT\nChỉ tiêu thống kê\nĐơn vị tính\nSố liệu\nGhi chú\n"
            "1.3.\nSố lượng các ban quản lý trực thuộc UBND cấp tỉnh\nBan\n5\nCác ban quản lý dự án, đầu tư xây dựng\n"
            "1.4.\nSố tổ chức liên ngành do cấp tỉnh thành lập\nTổ chức\n38\n\n")
    six, four = forms_from_text(_doc(text))
    assert [(r.code, r.value, r.note) for r in six.rows] == [
        ("2", 1647, "Cấp tỉnh: 271 Cấp xã: 1.376"), ("2.1", 271, None)]
    assert [(r.code, r.value) for r in four.rows] == [("1.3", 5), ("1.4", 38)]
    assert four.rows[0].unit == "Ban" and four.rows[0].label == "Số lượng các ban quản lý trực thuộc UBND cấp tỉnh"


@pytest.mark.parametrize("raw, unit, value", [
    ("12/12", "%", 100),        # a rate row's cell written as its ratio (audit_whole cell battery)
    ("11/26", "%", 42.31),
    ("1.219/1.221", "%", 99.84),
    ("27/26", "%", None),       # more than its whole: no rate read
    ("01/01", "Vấn đề", 1),     # a count row keeps the part
])
def test_a_ratio_in_a_rate_row_is_its_percentage(raw, unit, value):
    assert cell_value(raw, unit) == value
