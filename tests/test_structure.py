"""Sections, sentences and the appendix boundary."""
from __future__ import annotations

from report_parser.normalize import repair_text
from report_parser.structure import analyse

from conftest import SAMPLE_TXT


def sample_structure():
    text, _ = repair_text(SAMPLE_TXT.read_text(encoding="utf-8"))
    return text, analyse(text)


def test_section_paths_of_the_sample():
    text, st = sample_structure()
    body = [s.path for s in st.sections if s.kind == "body"]
    assert body[:5] == ["I", "I.1", "I.2", "I.3", "I.4"]
    assert "II.2.c" in body and body[-1] == "V"
    forms = [s.path for s in st.sections if s.kind == "form"]
    assert forms == [f"PL.BM{i}" for i in range(1, 8)]


def test_offset_knows_section_and_sentence():
    text, st = sample_structure()
    i = text.index("đã tiếp nhận 1224 hồ sơ")
    assert st.path_at(i) == "II.2.c"
    assert st.sentence_text(i) == ("Tính từ ngày 10/12/2021 đến 09/6/2022, Bộ phận Một cửa UBND xã Lê Hồng "
                                   "đã tiếp nhận 1224 hồ sơ.")
    assert st.titles_at(i)[:2] == ["KẾT QUẢ THỰC HIỆN NHIỆM VỤ CẢI CÁCH HÀNH CHÍNH", "Cải cách thủ tục hành chính"]


def test_abbreviations_do_not_end_sentences():
    text, st = sample_structure()
    i = text.index("TT. Đảng ủy xã")
    assert st.sentence_text(i) == "- TT. Đảng ủy xã;"


def test_appendix_boundary():
    text, st = sample_structure()
    assert st.appendix_start == text.index("PHỤ LỤC")
    assert st.in_appendix(text.index("Biểu mẫu 3"))
    assert not st.in_appendix(text.index("Bùi Văn Tiến"))


def test_decimal_numbers_do_not_split_sentences():
    st = analyse("Đã giải quyết 1.221 hồ sơ, đạt 99,9%. Tỷ lệ hài lòng đạt 99,9%.")
    assert [st.text[s.start:s.end] for s in st.sentences] == [
        "Đã giải quyết 1.221 hồ sơ, đạt 99,9%.", "Tỷ lệ hài lòng đạt 99,9%."]


def test_lone_letter_before_any_section_is_not_a_heading():
    st = analyse("a. mở đầu\nI. PHẦN MỘT\na. Mục con")
    assert [s.path for s in st.sections] == ["I", "I.a"]


def test_appendix_heading_is_a_heading_not_a_sentence():
    # real 03 (Sở Tư pháp): body lines that start with "Phụ lục" are not the appendix
    text, _ = repair_text("- Phụ lục IV: Đề nghị thể hiện Phụ lục IV tương tự như cách thể hiện của\n"
                          "Phụ lục III.\nd) Đối với Báo cáo số 293/BC-SNV\nPhụ lục\nBiểu mẫu 1\n")
    assert "cách thể hiện của Phụ lục III." in text
    st = analyse(text)
    assert st.appendix_start == text.index("Phụ lục\nBiểu")
    assert analyse("I. MỘT\nPHỤ LỤC THỐNG KÊ\n").appendix_start == len("I. MỘT\n")


# ----------------------------------------------------------------------------- parts (audit_whole)
def test_parts_lettered_worded_or_in_capitals_hold_their_sections():
    """The closing 'tasks ahead' part of a commune report written as "B. …", "Phần thứ hai" (title on
    the next line) or an unnumbered heading in capitals (audit_whole/probe_sections.py)."""
    text = ("BÁO CÁO\nKẾT QUẢ CÔNG TÁC CẢI CÁCH HÀNH CHÍNH THÁNG 10 NĂM 2024\n"
            "I. KẾT QUẢ THỰC HIỆN\n1. Công tác chỉ đạo, điều hành\nTrong tháng tiếp nhận 395 hồ sơ.\n"
            "{head}\n- Hoàn thành tự kiểm tra công tác cải cách hành chính tại 04 bộ phận chuyên môn.\n")
    for head, titles in [
        ("B. NHIỆM VỤ TRỌNG TÂM THÁNG 11 NĂM 2024", ["NHIỆM VỤ TRỌNG TÂM THÁNG 11 NĂM 2024"]),
        ("Phần thứ hai\nPHƯƠNG HƯỚNG, NHIỆM VỤ THÁNG 11 NĂM 2024", ["PHƯƠNG HƯỚNG, NHIỆM VỤ THÁNG 11 NĂM 2024"]),
        ("NHIỆM VỤ, GIẢI PHÁP THÁNG 11 NĂM 2024", ["NHIỆM VỤ, GIẢI PHÁP THÁNG 11 NĂM 2024"]),
    ]:
        t = text.format(head=head)
        s = analyse(t)
        assert s.titles_at(t.index("04 bộ phận")) == titles, head
        assert s.titles_at(t.index("395")) == ["KẾT QUẢ THỰC HIỆN", "Công tác chỉ đạo, điều hành"]
        assert s.path_at(t.index("395")) == "I.1"


def test_capitals_before_the_body_a_running_header_and_sentences_open_no_part():
    t = ("BÁO CÁO\nKẾT QUẢ CÔNG TÁC CẢI CÁCH HÀNH CHÍNH NĂM 2024\nI. KẾT QUẢ\nỦY BAN NHÂN DÂN XÃ TÂN PHÚ\n"
         "1. Thủ tục hành chính\nChương trình tổng thể cải cách hành chính được triển khai.\nPhần lớn hồ sơ nộp trực tuyến.\n"
         "ỦY BAN NHÂN DÂN XÃ TÂN PHÚ\nTiếp nhận 120 hồ sơ.\n")
    s = analyse(t)
    assert [x.level for x in s.sections] == [1, 2]  # the repeated line is a page header
    assert s.path_at(t.index("120")) == "I.1"


def test_a_heading_in_capitals_wrapped_over_lines_is_one_title():
    """real/01 (Bến Tre's training report, PDF): "I. CHÍNH SÁCH ĐÀO TẠO CỬ TUYỂN ĐỐI VỚI HỌC SINH, SINH" /
    "VIÊN DÂN TỘC THIỂU SỐ GIAI ĐOẠN 2021-2025"; a part's heading states no result."""
    t = ("I. KẾT QUẢ\nĐã đào tạo 5 người.\nA. ĐỀ ÁN ĐÀO TẠO 50 CÁN BỘ KHOA HỌC, KỸ THUẬT Ở NƯỚC NGOÀI\n"
         "I. CHÍNH SÁCH ĐÀO TẠO CỬ TUYỂN ĐỐI VỚI HỌC SINH, SINH\nVIÊN DÂN TỘC THIỂU SỐ GIAI ĐOẠN 2021-2025\n"
         "1. Tình hình triển khai\nCử tuyển 12 học sinh.\n")
    s = analyse(t)
    assert s.titles_at(t.index("12 học")) == ["ĐỀ ÁN ĐÀO TẠO 50 CÁN BỘ KHOA HỌC, KỸ THUẬT Ở NƯỚC NGOÀI",
                                              "CHÍNH SÁCH ĐÀO TẠO CỬ TUYỂN ĐỐI VỚI HỌC SINH, SINH VIÊN DÂN TỘC "
                                              "THIỂU SỐ GIAI ĐOẠN 2021-2025", "Tình hình triển khai"]
    assert s.in_part_heading(t.index("50 CÁN")) and not s.in_part_heading(t.index("5 người"))


def test_table_header_cells_in_capitals_open_no_part():
    """A Word table's cells, one a line in the text: header cells in capitals followed by more cells
    are no heading (the section around the table goes on)."""
    t = ("I. KẾT QUẢ\n1. Giải quyết thủ tục hành chính\nKết quả theo lĩnh vực như sau:\n"
         "STT\nTÊN LĨNH VỰC THỦ TỤC\nSỐ HỒ SƠ TIẾP NHẬN\n1\nHộ tịch\n224\n"
         "Trong quý, tỷ lệ hồ sơ trực tuyến đạt 45%.\n")
    s = analyse(t)
    assert [x.level for x in s.sections] == [1, 2]
    assert s.path_at(t.index("45%")) == "I.1"
