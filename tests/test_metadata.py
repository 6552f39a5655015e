"""The report's own metadata: each rule on a snippet, the sample in every format
against the gold, and one regression test per trap met in a real document
(with that document's text as input)."""
from __future__ import annotations

import datetime as dt
import json
from pathlib import Path

import pytest

from report_parser.document import Document
from report_parser.extract import Context, metadata
from report_parser.extract.metadata import MetadataPatterns, period_bounds, type_from_symbol
from report_parser import normalize, patterns, structure

from conftest import GOLD, REAL, SAMPLE_DOCX, SAMPLE_PDF, SAMPLE_TXT, needs_shared


def meta_of(text: str):
    """Metadata of a text, through the same repair and structure as a file."""
    doc = Document(path=Path("snippet.txt"), format="txt", sha256="0", size=len(text), pages=[text])
    normalize.repair(doc)
    return metadata.extract(Context(doc, structure.analyse(doc)))


def meta_of_file(path: Path):
    from report_parser.pipeline import build_context

    return metadata.extract(build_context(path, ocr="never"))


HEADER_XA = """ỦY BAN NHÂN DÂN
XÃ LÊ HỒNG
CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM
Độc lập - Tự do - Hạnh phúc
Số: 165/BC-UBND
Lê Hồng, ngày 13 tháng 6 năm 2022
BÁO CÁO
Tình hình thực hiện công tác cải cách hành chính 6 tháng đầu năm,
phương hướng nhiệm vụ 6 tháng cuối năm 2022
(Số liệu tính từ ngày 10/12/2021 đến ngày 09/6/2022)
Thực hiện Công văn số 508/UBND-VP ngày 01/3/2022 của UBND tỉnh Hải Dương, Ủy ban
nhân dân xã Lê Hồng báo cáo kết quả như sau:
I. CÔNG TÁC CHỈ ĐẠO
Kế hoạch nâng cao chất lượng văn bản huyện Thanh Miện giai đoạn 2021-2025.
"""

SIGNATURE = """Nơi nhận:
- Phòng Nội vụ;
- TT. Đảng ủy xã;
- TT. HĐND xã;
- Lãnh đạo UBND xã;
- Lưu: VP.
TM. ỦY BAN NHÂN DÂN
CHỦ TỊCH
Bùi Văn Tiến
"""

GOLD_RECIPIENTS = ["Phòng Nội vụ", "TT. Đảng ủy xã", "TT. HĐND xã", "Lãnh đạo UBND xã", "Lưu: VP"]


# ----------------------------------------------------------------------------- header block
def test_header_block_gives_issuer_number_place_date_type_title():
    m = meta_of(HEADER_XA + SIGNATURE)
    assert m.issuer.name == "Ủy ban nhân dân xã Lê Hồng"
    assert (m.issuer.level, m.issuer.unit) == ("xã", "Lê Hồng")
    assert m.issuer.parent is None
    assert (m.number, m.symbol) == ("165", "165/BC-UBND")
    assert (m.place, m.date) == ("Lê Hồng", dt.date(2022, 6, 13))
    assert m.type == "Báo cáo"
    assert m.title == ("Tình hình thực hiện công tác cải cách hành chính 6 tháng đầu năm, "
                       "phương hướng nhiệm vụ 6 tháng cuối năm 2022")


def test_district_and_province_of_a_commune_come_from_the_body():
    m = meta_of(HEADER_XA + SIGNATURE)
    assert (m.issuer.district, m.issuer.province) == ("Thanh Miện", "Hải Dương")


def test_parent_line_gives_the_district():
    text = ("UBND HUYỆN THANH MIỆN\nỦY BAN NHÂN DÂN XÃ ĐOÀN TÙNG\nCỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\n"
            "Số: 31  /BC-UBND\nĐoàn Tùng, ngày 05 tháng 12 năm 2023\nBÁO CÁO\n"
            "Kết quả công tác cải cách hành chính năm 2023\n"
            "Thực hiện chỉ đạo của UBND tỉnh Hải Dương, UBND xã báo cáo như sau:\n")
    m = meta_of(text)
    assert m.issuer.name == "Ủy ban nhân dân xã Đoàn Tùng"
    assert m.issuer.parent == "UBND huyện Thanh Miện"
    assert (m.issuer.level, m.issuer.unit, m.issuer.district, m.issuer.province) == \
        ("xã", "Đoàn Tùng", "Thanh Miện", "Hải Dương")
    # "Số: 31  /BC-UBND": spaces before the slash are not part of the symbol
    assert (m.number, m.symbol) == ("31", "31/BC-UBND")
    assert m.date == dt.date(2023, 12, 5)


def test_blank_draft_number_and_date():
    """A draft: "Số: /BC-SNV": number, symbol and date are None, the printed part is kept apart."""
    text = ("UBND TỈNH VĨNH LONG\nSỞ NỘI VỤ\nCỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\nĐộc lập - Tự do - Hạnh phúc\n"
            "Số: /BC-SNV Vĩnh Long, ngày    tháng    năm 2026\nBÁO CÁO\nTổng kết công tác đào tạo\n"
            "Căn cứ Luật Ban hành văn bản quy phạm pháp luật; Sở Nội vụ báo cáo như sau:\n")
    m = meta_of(text)
    assert (m.number, m.symbol, m.date, m.place) == (None, None, None, "Vĩnh Long")
    assert (m.symbol_printed, m.type) == ("/BC-SNV", "Báo cáo")
    assert m.issuer.name == "Sở Nội vụ"
    assert m.issuer.parent == "UBND tỉnh Vĩnh Long"
    assert (m.issuer.level, m.issuer.unit, m.issuer.province, m.issuer.district) == \
        ("tỉnh", "Vĩnh Long", "Vĩnh Long", None)


def test_type_from_symbol_code():
    assert type_from_symbol("165/BC-UBND") == "Báo cáo"
    assert type_from_symbol("617/TTr-UBND") == "Tờ trình"
    assert type_from_symbol("48/2013/NĐ-CP") == "Nghị định"
    assert type_from_symbol("508/UBND-VP") == "Công văn"  # issuer code first: an official letter
    assert type_from_symbol("1906/SGDĐT-CTrTT") == "Công văn"


def test_type_from_symbol_when_there_is_no_title_line():
    m = meta_of("ỦY BAN NHÂN DÂN\nXÃ LÊ HỒNG\nSố: 12/KH-UBND\nLê Hồng, ngày 31 tháng 12 năm 2021\n"
                "Thực hiện chỉ đạo của UBND huyện, UBND xã ban hành kế hoạch như sau:\n")
    assert m.type == "Kế hoạch"


def test_official_letter_subject_is_its_title():
    text = ("UBND THÀNH PHỐ ĐÀ NẴNG\nSỞ GIÁO DỤC VÀ ĐÀO TẠO\n"
            "Số: 1906 /SGDĐT-CTrTT V/v khẩn trương thực hiện các biện pháp phòng, chống dịch COVID-19\n"
            "CỘNG HOÀ XÃ HỘI CHỦ NGHĨA VIỆT NAM\nĐộc lập - Tự do - Hạnh phúc\n"
            "Đà Nẵng, ngày 26 tháng 7 năm 2020\nKính gửi:\nCác trường trực thuộc Sở;\n")
    m = meta_of(text)
    assert (m.type, m.number, m.symbol) == ("Công văn", "1906", "1906/SGDĐT-CTrTT")
    assert m.title == "khẩn trương thực hiện các biện pháp phòng, chống dịch COVID-19"
    assert m.issuer.name == "Sở Giáo dục và Đào tạo"
    assert (m.issuer.level, m.issuer.unit, m.issuer.province) == ("thành phố", "Đà Nẵng", "Đà Nẵng")
    assert m.date == dt.date(2020, 7, 26)


# ----------------------------------------------------------------------------- header-less text
def test_headerless_text_reads_the_appendix_line_and_the_body():
    text = (" BÁO CÁO\nTình hình thực hiện công tác cải cách hành chính 6 tháng đầu năm 2022\n"
            "Thực hiện Công văn số 508/UBND-VP của UBND tỉnh Hải Dương, Ủy ban nhân dân xã Lê Hồng "
            "báo cáo như sau:\nI. KẾT QUẢ\nKế hoạch của huyện Thanh Miện; UBND xã Lê Hồng; tỉnh Hải Dương.\n"
            + SIGNATURE + " PHỤ LỤC\nThống kê số liệu\n(Kèm theo Báo cáo số 165/BC-UBND ngày 13/6/2022)\n")
    m = meta_of(text)
    assert (m.type, m.number, m.symbol, m.date) == ("Báo cáo", "165", "165/BC-UBND", dt.date(2022, 6, 13))
    assert m.place is None
    assert m.issuer.name == "Ủy ban nhân dân xã Lê Hồng"
    assert (m.issuer.level, m.issuer.unit, m.issuer.district, m.issuer.province) == \
        ("xã", "Lê Hồng", "Thanh Miện", "Hải Dương")


# ----------------------------------------------------------------------------- period
def test_period_from_the_data_line_and_words():
    m = meta_of(HEADER_XA)
    assert (m.period.start, m.period.end) == (dt.date(2021, 12, 10), dt.date(2022, 6, 9))
    assert (m.period.kind, m.period.year, m.period.label) == ("H1", 2022, "6 tháng đầu năm 2022")


@pytest.mark.parametrize("title,kind,year,start,end", [
    ("Kết quả công tác cải cách hành chính 6 tháng đầu năm 2022", "H1", 2022, "2021-12-15", "2022-06-14"),
    ("Kết quả cải cách hành chính Quý I năm 2025", "Q1", 2025, "2024-12-15", "2025-03-14"),
    ("Kết quả cải cách hành chính quý III năm 2024", "Q3", 2024, "2024-06-15", "2024-09-14"),
    ("Công tác cải cách hành chính 9 tháng đầu năm 2023", "9M", 2023, "2022-12-15", "2023-09-14"),
    ("Kết quả thực hiện công tác cải cách hành chính năm 2022", "Y", 2022, "2021-12-15", "2022-12-14"),
    ("Kết quả cải cách hành chính 6 tháng cuối năm 2022", "other", 2022, "2022-06-15", "2022-12-14"),
    # an annual report that also details its last quarter (audit_whole period battery)
    ("Kết quả công tác cải cách hành chính quý IV và cả năm 2024", "Y", 2024, "2023-12-15", "2024-12-14"),
    ("Báo cáo công tác cải cách hành chính quý IV năm 2023 và năm 2023", "Y", 2023, "2022-12-15", "2023-12-14"),
    ("Kết quả cải cách hành chính quý IV năm 2023", "Q4", 2023, "2023-09-15", "2023-12-14"),
])
def test_period_named_in_words_runs_from_the_15th(title, kind, year, start, end):
    m = meta_of(f"BÁO CÁO\n{title}\nThực hiện kế hoạch, UBND xã báo cáo như sau:\n")
    assert (m.period.kind, m.period.year) == (kind, year)
    assert (m.period.start.isoformat(), m.period.end.isoformat()) == (start, end)


def test_period_bounds_convention():
    assert period_bounds("H1", 2022) == (dt.date(2021, 12, 15), dt.date(2022, 6, 14))
    assert period_bounds("Q2", 2022) == (dt.date(2022, 3, 15), dt.date(2022, 6, 14))
    assert period_bounds("Q4", 2022) == (dt.date(2022, 9, 15), dt.date(2022, 12, 14))
    assert period_bounds("nonsense", 2022) == (None, None)


def test_no_period_when_the_title_names_none():
    m = meta_of("BÁO CÁO\nTổng kết công tác đào tạo, bồi dưỡng trong thời gian qua\nCăn cứ Luật;\n")
    assert (m.period.kind, m.period.start, m.period.year) == (None, None, None)


# ----------------------------------------------------------------------------- signature
def test_signer_and_recipients():
    m = meta_of(HEADER_XA + SIGNATURE)
    assert (m.signer.capacity, m.signer.position, m.signer.name) == ("TM.", "Chủ tịch", "Bùi Văn Tiến")
    assert m.recipients == GOLD_RECIPIENTS


def test_interleaved_columns_on_the_same_lines():
    """A PDF text layer reads the two footer columns row by row."""
    text = ("Trên đây là báo cáo của UBND xã Lê Hồng./.\n"
            "Nơi nhận: TM. ỦY BAN NHÂN DÂN\n- Phòng Nội vụ; CHỦ TỊCH\n- TT. Đảng ủy xã;\n"
            "- TT. HĐND xã;\n- Lãnh đạo UBND xã;\n- Lưu: VP. Bùi Văn Tiến\n")
    m = meta_of(text)
    assert (m.signer.capacity, m.signer.position, m.signer.name) == ("TM.", "Chủ tịch", "Bùi Văn Tiến")
    assert m.recipients == GOLD_RECIPIENTS


def test_interleaved_columns_on_alternate_lines():
    text = ("Trên đây là báo cáo của UBND xã Lê Hồng./.\n"
            "Nơi nhận:\n- Phòng Nội vụ;\nKT. CHỦ TỊCH\n- TT. Đảng ủy xã;\nPHÓ CHỦ TỊCH\n- TT. HĐND xã;\n"
            "- Lãnh đạo UBND xã;\n- Lưu: VP.\n(Đã ký)\nNguyễn Văn An\n")
    m = meta_of(text)
    assert (m.signer.capacity, m.signer.position, m.signer.name) == ("KT.", "Phó Chủ tịch", "Nguyễn Văn An")
    assert m.recipients == GOLD_RECIPIENTS


def test_signature_without_recipients_list():
    m = meta_of("Trên đây là báo cáo của UBND xã./.\nQ. CHỦ TỊCH\nTrần Thị Bình\n")
    assert (m.signer.capacity, m.signer.position, m.signer.name) == ("Q.", "Chủ tịch", "Trần Thị Bình")
    assert m.recipients == []


def test_ocr_noise_in_the_header_is_not_an_issuer():
    """07 (scan with a broken OCR layer): a garbled all-caps recipient line is not a body."""
    m = meta_of("- TTTU, 1THĐNDTP;\nCONG HOA XA HOI\nTlurc hin Thông báo\n")
    assert m.issuer.name is None


def test_vocabulary_is_validated_data():
    v = patterns.load("metadata.yaml", MetadataPatterns)
    assert {"TM.", "KT.", "Q.", "TL.", "TUQ."} <= set(v.capacities)
    assert {"xã", "phường", "thị trấn", "huyện", "quận", "thị xã", "thành phố", "tỉnh", "đặc khu"} == set(v.levels)
    assert "đặc khu" in v.below_district and "thành phố" in v.district_levels  # from patterns/levels.yaml
    assert {p.kind for p in v.periods} >= {"H1", "Q1", "Q2", "Q3", "Q4", "9M", "Y", "other"}


# ----------------------------------------------------------------------------- the sample, all formats
@needs_shared
@pytest.mark.parametrize("path", [SAMPLE_TXT, SAMPLE_DOCX, SAMPLE_PDF], ids=["txt", "docx", "pdf"])
def test_sample_matches_gold(path):
    gold = json.loads(GOLD.read_text(encoding="utf-8"))["report"]
    m = json.loads(meta_of_file(path).model_dump_json())
    for key in ("title", "type", "number", "symbol", "date", "recipients"):
        assert m[key] == gold[key], key
    for group in ("issuer", "period", "signer"):
        for key, value in gold[group].items():
            assert m[group][key] == value, f"{group}.{key}"


# ----------------------------------------------------------------------------- real-document traps
def test_real_03_title_glued_to_first_body_line():
    """03 (Sở Tư pháp): the PDF line break after the title is lost, "Ngày 13/4/2026, …" follows it."""
    text = ("UBND TỈNH VĨNH LONG\nSỞ TƯ PHÁP\n Số: /BC-STP\nCỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\n"
            "Độc lập - Tự do - Hạnh phúc\nVĩnh Long, ngày tháng năm 2026\nBÁO CÁO\n"
            "Thẩm định dự thảo Nghị quyết ban hành quy định chính sách hỗ trợ đào \n"
            "tạo, bồi dưỡng cán bộ, công chức, viên chức; thu hút nguồn nhân lực chất \n"
            "lượng cao tỉnh Vĩnh Long giai đoạn 2026-2030\n"
            "Ngày 13/4/2026, Sở Tư pháp nhận được Công văn số 1710/SNV-CCVC\n")
    m = meta_of(text)
    assert m.title == ("Thẩm định dự thảo Nghị quyết ban hành quy định chính sách hỗ trợ đào tạo, bồi dưỡng "
                       "cán bộ, công chức, viên chức; thu hút nguồn nhân lực chất lượng cao tỉnh Vĩnh Long "
                       "giai đoạn 2026-2030")
    assert m.issuer.name == "Sở Tư pháp"
    assert (m.symbol, m.symbol_printed, m.place, m.date) == (None, "/BC-STP", "Vĩnh Long", None)


def test_real_03_signature_glued_to_the_last_recipient():
    """03: "- Lưu: VT, XD&KTVBQPPL. PHÓ GIÁ" (a cut-off stamp word after the last item), then
    "KT.GIÁM ĐỐC" without a space."""
    text = ("gửi Sở Nội vụ xem xét, quyết định./.\nNơi nhận:\n- Sở Nội vụ;\n- Ban Giám đốc (để biết);\n"
            "- Lưu: VT, XD&KTVBQPPL. PHÓ GIÁ\nKT.GIÁM ĐỐC\nPHÓ GIÁM ĐỐC \n \n Triệu Quốc Trung\n")
    m = meta_of(text)
    assert m.recipients == ["Sở Nội vụ", "Ban Giám đốc (để biết)", "Lưu: VT, XD&KTVBQPPL"]
    assert (m.signer.capacity, m.signer.position, m.signer.name) == ("KT.", "Phó Giám đốc", "Triệu Quốc Trung")


def test_real_03_body_phrase_nơi_nhận_is_not_the_recipients_heading():
    text = ("Văn bản gửi đến nơi nhận: theo quy định.\nTrên đây là ý kiến./.\nNơi nhận:\n- Sở Nội vụ;\n"
            "- Lưu: VT.\nGIÁM ĐỐC\nNguyễn Văn Minh\n")
    m = meta_of(text)
    assert m.recipients == ["Sở Nội vụ", "Lưu: VT"]


def test_real_01_signs_in_own_name():
    """01 (Sở Nội vụ): the director signs without TM./KT.; "CCVC.YN" is not a sentence end."""
    text = ("Trên đây là báo cáo tổng kết./.\nNơi nhận:\n- TTTU, TT HĐND tỉnh (báo cáo);\n"
            "- CT, các PCT UBND tỉnh; \n- Ban Giám đốc SNV;\n- Phòng CCVC, TCBC;\n- Lưu: VT, CCVC.YN\n"
            "GIÁM ĐỐC\nNguyễn Thị Ngọc Giàu\n")
    m = meta_of(text)
    assert (m.signer.capacity, m.signer.position, m.signer.name) == (None, "Giám đốc", "Nguyễn Thị Ngọc Giàu")
    assert m.recipients[-1] == "Lưu: VT, CCVC.YN"
    assert m.recipients[0] == "TTTU, TT HĐND tỉnh (báo cáo)"


def test_real_06_dash_inside_a_recipient_and_draft_title_line():
    """06 (draft Nghị quyết, DOCX): "DỰ THẢO DỰ THẢO" above the type line; an item holding " - "."""
    text = ("HỘI ĐỒNG NHÂN DÂN\nTỈNH VĨNH LONG\nCỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\n"
            "Số: /2026/NQ-HĐND\nVĩnh Long, ngày tháng năm 2026\nDỰ THẢO DỰ THẢO\nNGHỊ QUYẾT\n"
            "Ban hành quy định chính sách hỗ trợ đào tạo cán bộ, công chức\nCăn cứ Luật Tổ chức chính quyền;\n"
            "Nơi nhận:\n- Bộ Nội vụ;\n- Cục KTVB và TCTHPL - Bộ Tư pháp;\n- Lưu: VT.\nCHỦ TỊCH\n"
            "Nguyễn Minh Dũng\nHỘI ĐỒNG NHÂN DÂN\nTỈNH VĨNH LONG\n")
    m = meta_of(text)
    assert (m.type, m.number, m.symbol, m.symbol_printed) == ("Nghị quyết", None, None, "/2026/NQ-HĐND")
    assert m.title == "Ban hành quy định chính sách hỗ trợ đào tạo cán bộ, công chức"
    assert m.issuer.name == "Hội đồng nhân dân tỉnh Vĩnh Long"
    assert m.recipients == ["Bộ Nội vụ", "Cục KTVB và TCTHPL - Bộ Tư pháp", "Lưu: VT"]
    assert (m.signer.position, m.signer.name) == ("Chủ tịch", "Nguyễn Minh Dũng")


def test_real_11_markdown_table_header_and_footer():
    """11 (QĐ Bình Thuận, markdown export): header and footer are table cells on one line, the
    first line is a wrong title added by the repository, the title is in capitals and is followed
    by the authority line."""
    text = ("[Source: GitHub data. Title: Về việc công bố] # preamble # Thực hiện chế độ bảo hiểm y tế "
            "của UBND tỉnh Khánh Hòa | ỦY BAN NHÂN DÂN TỈNH BÌNH THUẬN -------- | CỘNG HÒA XÃ HỘI CHỦ "
            "NGHĨA VIỆT NAM Độc lập - Tự do - Hạnh phúc -------------------- | |---|---| | Số: 1766/QĐ-UBND "
            "| Bình Thuận, ngày 3 tháng 8 năm 2020 |\nQUYẾT ĐỊNH\nVỀ VIỆC CÔNG BỐ DANH MỤC THỦ TỤC HÀNH CHÍNH\n"
            "CHỦ TỊCH ỦY BAN NHÂN DÂN TỈNH BÌNH THUẬN\nCăn cứ Luật Tổ chức chính quyền địa phương;\n"
            "Điều 3. Các cơ quan chịu trách nhiệm thi hành Quyết định này./. | Nơi nhận: - Như Điều 3; "
            "- Cục KSTTHC (VPCP); - Lưu: VT, NCKSTTHC (Lam) | CHỦ TỊCH Nguyễn Ngọc Hai | |---|---|\n")
    m = meta_of(text)
    assert (m.type, m.number, m.symbol, m.date, m.place) == \
        ("Quyết định", "1766", "1766/QĐ-UBND", dt.date(2020, 8, 3), "Bình Thuận")
    assert m.title == "VỀ VIỆC CÔNG BỐ DANH MỤC THỦ TỤC HÀNH CHÍNH"
    assert m.issuer.name == "Ủy ban nhân dân tỉnh Bình Thuận"
    assert m.recipients == ["Như Điều 3", "Cục KSTTHC (VPCP)", "Lưu: VT, NCKSTTHC (Lam)"]
    assert (m.signer.capacity, m.signer.position, m.signer.name) == (None, "Chủ tịch", "Nguyễn Ngọc Hai")


def test_real_13_authority_line_is_not_part_of_the_title():
    """13 (Nghị định 63/2010): "CHÍNH PHỦ" stands between the title and "Căn cứ"."""
    text = ("| CHÍNH PHỦ ------- | CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM Độc lập - Tự do - Hạnh phúc ---- | "
            "|---|---| | Số: 63/2010/NĐ-CP | Hà Nội, ngày 08 tháng 06 năm 2010 |\nNGHỊ ĐỊNH\n"
            "VỀ KIỂM SOÁT THỦ TỤC HÀNH CHÍNH\nCHÍNH PHỦ\nCăn cứ Luật Tổ chức Chính phủ;\n"
            "chịu trách nhiệm thi hành Nghị định này./. | Nơi nhận: - Ban Bí thư Trung ương Đảng; "
            "- Lưu: Văn thư, TCCV (5b). | TM. CHÍNH PHỦ THỦ TƯỚNG Nguyễn Tấn Dũng | |---|---|\n")
    m = meta_of(text)
    assert m.title == "VỀ KIỂM SOÁT THỦ TỤC HÀNH CHÍNH"
    assert (m.type, m.symbol, m.place, m.date) == ("Nghị định", "63/2010/NĐ-CP", "Hà Nội", dt.date(2010, 6, 8))
    assert m.issuer.name == "Chính phủ"
    assert (m.signer.capacity, m.signer.position, m.signer.name) == ("TM.", "Thủ tướng", "Nguyễn Tấn Dũng")
    assert m.recipients == ["Ban Bí thư Trung ương Đảng", "Lưu: Văn thư, TCCV (5b)"]


REAL_EXPECTED = {
    # file: (type, number, symbol, date, issuer name, issuer level, signer name, signer capacity)
    # 01-04: number, day and month are form fields stamped at signing (see ingest/pdf_fields.py)
    "01_vinhlong_SNV_BC_tong_ket_dao_tao_boi_duong_2021_2025.pdf":
        ("Báo cáo", "293", "293/BC-SNV", "2026-04-09", "Sở Nội vụ", "tỉnh", "Nguyễn Thị Ngọc Giàu", None),
    "02_vinhlong_UBND_811-BC-UBND_tiep_thu_giai_trinh_tham_tra.pdf":
        ("Báo cáo", "811", "811/BC-UBND", "2026-07-12", "Ủy ban nhân dân tỉnh Vĩnh Long", "tỉnh", "Trần Trí Quang",
         "TM."),
    "03_vinhlong_STP_BC_tham_dinh_du_thao_NQ.pdf":
        ("Báo cáo", "301", "301/BC-STP", "2026-04-28", "Sở Tư pháp", "tỉnh", "Triệu Quốc Trung", "KT."),
    "04_vinhlong_UBND_To_trinh_du_thao_NQ.pdf":
        ("Tờ trình", "617", "617/TTr-UBND", "2026-06-09", "Ủy ban nhân dân tỉnh Vĩnh Long", "tỉnh", "Trần Trí Quang",
         "TM."),
    "06_vinhlong_du_thao_NQ_HDND_tinh.docx":
        ("Nghị quyết", None, None, None, "Hội đồng nhân dân tỉnh Vĩnh Long", "tỉnh", "Nguyễn Minh Dũng", None),
    "11_binhthuan_QD_1766-QD-UBND_2020_cong_bo_TTHC_tu_phap.txt":
        ("Quyết định", "1766", "1766/QĐ-UBND", "2020-08-03", "Ủy ban nhân dân tỉnh Bình Thuận", "tỉnh", "Nguyễn Ngọc Hai", None),
    "13_national_ND_63-2010-ND-CP_kiem_soat_TTHC.txt":
        ("Nghị định", "63", "63/2010/NĐ-CP", "2010-06-08", "Chính phủ", None, "Nguyễn Tấn Dũng", "TM."),
    "14_national_ND_48-2013-ND-CP_sua_doi_kiem_soat_TTHC.txt":
        ("Nghị định", "48", "48/2013/NĐ-CP", "2013-05-14", "Chính phủ", None, "Nguyễn Tấn Dũng", "TM."),
}


@needs_shared
@pytest.mark.parametrize("name", sorted(REAL_EXPECTED))
def test_real_documents(name):
    m = meta_of_file(REAL / name)
    got = (m.type, m.number, m.symbol, m.date and m.date.isoformat(), m.issuer.name, m.issuer.level,
           m.signer.name, m.signer.capacity)
    assert got == REAL_EXPECTED[name]
    assert m.title and m.recipients


# ----------------------------------------------------------------------------- OCR'd scans (text as Tesseract reads it)
def test_real_05_ocr_motto_on_the_issuer_line():
    """05 (scanned Biên bản): OCR reads both header columns into one line; the first body
    sentence follows the title on the same line."""
    text = ("UBND TỈNH VÏNHLONG CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\nSỞ NỘI VỤ\n"
            "Độc lập - Tự do - Hạnh phúc\nSố: (2 /BB-SNV\nVĩnh Long, ngày tháng 5 năm 2026\nBIÊN BẢN\n"
            "Về việc họp thống nhất một số nội dung có liên quan đến dự thảo Nghị quyết giai đoạn 2026-2030 "
            "Hôm nay, vào lúc 09 giờ, ngày 08 tháng 5 năm 2026, tại Phòng họp Sở Nội vụ.\n")
    m = meta_of(text)
    assert (m.issuer.name, m.issuer.parent, m.issuer.level) == ("Sở Nội vụ", "UBND tỉnh Vĩnh Long", "tỉnh")
    assert (m.issuer.unit, m.issuer.province) == ("Vĩnh Long", "Vĩnh Long")
    assert m.type == "Biên bản"
    assert m.title == ("Về việc họp thống nhất một số nội dung có liên quan đến dự thảo Nghị quyết "
                       "giai đoạn 2026-2030")
    assert (m.place, m.date, m.number) == ("Vĩnh Long", None, None)


@pytest.mark.parametrize("misread", ["VNHLONG", "VÏNHLONG", "VĨNH  LONG", "VINH LONG"])
def test_real_05_ocr_misread_province_takes_its_official_name(misread):
    """05 (scanned Biên bản): OCR reads "UBND TỈNH VĨNH LONG" as "VNHLONG" or "VÏNHLONG";
    the place line says "Vĩnh Long". Unit, province and the parent's name take the official
    spelling (accent-, case- and space-insensitive, one edit)."""
    text = (f"UBND TỈNH {misread}\nSỞ NỘI VỤ\nCỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\n"
            "Độc lập - Tự do - Hạnh phúc\nSố: Ø2 /BB-SNV\nVĩnh Long, ngày tháng 5 năm 2026\nBIÊN BẢN\n"
            "Về việc họp thống nhất một số nội dung có liên quan đến dự thảo Nghị quyết\n")
    m = meta_of(text)
    assert (m.issuer.name, m.issuer.parent) == ("Sở Nội vụ", "UBND tỉnh Vĩnh Long")
    assert (m.issuer.level, m.issuer.unit, m.issuer.province) == ("tỉnh", "Vĩnh Long", "Vĩnh Long")


def test_misread_commune_is_matched_within_its_district():
    """A commune name is matched loosely only inside the district and province above it."""
    text = HEADER_XA.replace("ỦY BAN NHÂN DÂN\nXÃ LÊ HỒNG", "UBND HUYỆN THANH MLỆN\nỦY BAN NHÂN DÂN\nXÃ LÊ HỒNQ")
    m = meta_of("UBND TỈNH HẢI DƯƠNG\n" + text)
    assert (m.issuer.name, m.issuer.unit) == ("Ủy ban nhân dân xã Lê Hồng", "Lê Hồng")
    assert (m.issuer.district, m.issuer.province) == ("Thanh Miện", "Hải Dương")
    assert m.issuer.parent == "UBND huyện Thanh Miện"


def test_unknown_place_keeps_its_text():
    """No official name within the edit budget: the header's text is kept."""
    m = meta_of("UBND TỈNH ZZYZX BAY\nSỞ NỘI VỤ\nSố: 12/BC-SNV\nBÁO CÁO\nVề việc thử\n")
    assert (m.issuer.parent, m.issuer.province) == ("UBND tỉnh Zzyzx Bay", "Zzyzx Bay")


def test_real_07_ocr_misread_level_and_number_from_the_appendix_line():
    """07 (scanned Công văn of UBND Đà Nẵng): "THÀNH PHÓ" for "THÀNH PHỐ", an unreadable
    handwritten number, a noisy day; the appendix line gives number and date; the recipients
    list ends at the appendix even though the signer's lines were not read."""
    text = ("ỦY BAN NHÂN DÂN\nTHÀNH PHÓ ĐÀ NẴNG\nSố: ý? /UBND-SGDĐT V/v thực hiện Thông báo số 496-TB/TU "
            "ngày 17/8/2023 về Kết luận của Thường trực Thành ủy\nKính gửi:\nCỘNG HOÀ XÃ HỘI CHỦ NGHĨA VIỆT NAM\n"
            "Độc lập - Tự do - Hạnh phúc\nĐà Nẵng, ngày /Ñtháng 10 năm 2023\n- Các sở, ban, ngành;\n"
            "Thực hiện Thông báo số 496-TB/TU, UBND thành phố yêu cầu như sau:\n"
            "Nơi nhận:\n- Như trên;\n- Bộ GDĐT;\n- Lưu: VT, SGDĐT.\nPhụ lục\n"
            "TRIÊN KHAI NHIỆM VỤ THEO THÔNG BÁO SÓ 496-TB/TU\n"
            "(Kèm theo Công văn số 62 /UBND-SGDĐT ngày 4/10/2023 của UBND thành phố)\n"
            "1. Chú trọng triển khai thực hiện tốt công tác quán triệt, tuyên truyền.\n")
    m = meta_of(text)
    assert (m.issuer.name, m.issuer.level, m.issuer.province) == \
        ("Ủy ban nhân dân thành phố Đà Nẵng", "thành phố", "Đà Nẵng")
    assert (m.type, m.number, m.symbol, m.date) == ("Công văn", "62", "62/UBND-SGDĐT", dt.date(2023, 10, 4))
    assert m.place == "Đà Nẵng"
    assert m.title == "thực hiện Thông báo số 496-TB/TU ngày 17/8/2023 về Kết luận của Thường trực Thành ủy"
    assert m.recipients == ["Như trên", "Bộ GDĐT", "Lưu: VT, SGDĐT"]


def test_real_08_ocr_misread_position_and_note_glued_to_the_subject():
    """08 (scanned Công văn of Sở GD&ĐT): "GIÁM ĐÓC" for "GIÁM ĐỐC"; a handwritten note
    ("1. Cô Hương gửi …") read into the subject line."""
    text = ("UBND THÀNH PHÓ ĐÀ NẴNG CỘNG HOÀ XÃ HỘI CHỦ NGHĨA VIỆT NAM\nSỞ GIÁO DỤC VÀ ĐÀO TẠO\n"
            "Số: 635 /SGDĐT-CTrTT Độc lập - Tự do - Hạnh phúc\n"
            "Đà Nẵng, ngày lô tháng Š năm 2019 V/v bảo đảm TTATGT cho HS, SV 1. Cô Hương gửi văn bản đến\n"
            "Thực hiện Công văn số 2114/BGDĐT-GDCTHSSV, Sở yêu cầu như sau:\n"
            "Nơi nhận:\nNhư trên;\n- Lãnh đạo Sở;\n- Lưu: VT, CTTTT (Chương).\nKT. GIÁM ĐÓC\nGIÁM ĐÓC\n"
            "Trần Nguyễn Minh Thành\n")
    m = meta_of(text)
    assert (m.issuer.name, m.issuer.parent) == ("Sở Giáo dục và Đào tạo", "UBND thành phố Đà Nẵng")
    assert (m.number, m.symbol, m.date, m.place) == ("635", "635/SGDĐT-CTrTT", None, "Đà Nẵng")
    assert m.title == "bảo đảm TTATGT cho HS, SV"
    assert (m.signer.capacity, m.signer.position, m.signer.name) == ("KT.", "Giám đốc", "Trần Nguyễn Minh Thành")
    assert m.recipients == ["Như trên", "Lãnh đạo Sở", "Lưu: VT, CTTTT (Chương)"]


def test_real_09_ocr_police_header_rank_and_stamp_noise_before_the_name():
    """09 (scanned Công văn of Công an Đà Nẵng): "CÔNG AN TP ĐÀ NẴNG", a lower-case "v/v",
    the position line right after "Nơi nhận:", an item without its dash, and the name after
    a military rank and stamp noise."""
    text = ("CÔNG AN TP ĐÀ NẴNG\nPHÒNG AN NINH CHÍNH TRỊ NỘI BỘ\nCỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\n"
            "Độc lập - Tự do - Hạnh phúc \\\nSố: 445 /CV-PA83 v/v thông báo hoạt động của tà đạo\n"
            "Đà Nẵng, ngày 26 tháng 4 năm 2018\nKính gửi: - Sở Giáo dục và Đào tạo thành phố Đà Nẵng;\n"
            "Rất mong nhận được sự quan tâm phối hợp của các Đ/c./.\n"
            "Nơi nhận:\nPHÓ TRƯỞNG PHÒNG PHỤ TRÁCH\nNhư trên;\n- LưuPA83 (Đ4).\nS2 z⁄ Trung tá Ngô Văn Công\n")
    m = meta_of(text)
    assert (m.issuer.name, m.issuer.parent) == ("Phòng An ninh chính trị nội bộ", "Công an thành phố Đà Nẵng")
    assert (m.issuer.level, m.issuer.unit, m.issuer.province) == ("thành phố", "Đà Nẵng", "Đà Nẵng")
    assert (m.type, m.symbol, m.date) == ("Công văn", "445/CV-PA83", dt.date(2018, 4, 26))
    assert m.title == "thông báo hoạt động của tà đạo"
    assert (m.signer.capacity, m.signer.position, m.signer.name) == (None, "Phó Trưởng phòng", "Ngô Văn Công")
    assert m.recipients == ["Như trên", "LưuPA83 (Đ4)"]
