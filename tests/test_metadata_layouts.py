"""The report's own metadata on real layouts: one test per kind of header, signature
and period met in real commune, ward and provincial files, each with that document's
own snippet (issue 11), and the places completed from the official units by date."""
from __future__ import annotations

import datetime as dt
import io

import pytest

from report_parser.places import locate

from test_metadata import meta_of


# ----------------------------------------------------------------------------- header block
def test_two_column_header_wrapped_by_the_pdf_text_layer():
    """The motto column wraps ("… CHỦ NGHĨA VIỆT" / "NAM") and the issuer's place shares a
    line with the motto's second line."""
    m = meta_of("ỦY BAN NHÂN DÂN CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT\nNAM\n"
                "PHƯỜNG TÂN LẬP Độc lập - Tự do - Hạnh phúc\n"
                "Số: 187/BC-UBND Tân Lập, ngày 18 tháng 9 năm 2023\nBÁO CÁO\n"
                "Kết quả công tác cải cách hành chính quý III năm 2023\n"
                "Thực hiện Kế hoạch số 12/KH-UBND ngày 10/01/2023 của UBND thành phố Thái Nguyên, "
                "UBND phường Tân Lập báo cáo như sau:\nI. KẾT QUẢ\n")
    assert (m.issuer.name, m.issuer.level, m.issuer.unit) == ("Ủy ban nhân dân phường Tân Lập", "phường", "Tân Lập")
    assert (m.issuer.district, m.issuer.province) == ("Thái Nguyên", "Thái Nguyên")
    assert (m.symbol, m.date, m.place) == ("187/BC-UBND", dt.date(2023, 9, 18), "Tân Lập")


def test_motto_wrapped_into_the_right_column_of_the_issuers_next_line():
    """`pdftotext -layout` of a commune PDF whose right column is narrow (audit_whole,
    tranphu-2024-10): the motto's "VIỆT NAM" sits right of the ward's name on the next line."""
    m = meta_of("        ỦY BAN NHÂN DÂN                     CỘNG HÒA XÃ HỘI CHỦ NGHĨA\n"
                "        PHƯỜNG TRẦN PHÚ                             VIỆT NAM\n"
                "                                               Độc lập - Tự do - Hạnh phúc\n"
                "           Số: 248/BC-UBND                 Phường Trần Phú, ngày 31 tháng 10\n"
                "                                                      năm 2024\n"
                "                                   BÁO CÁO\n"
                "            Kết quả công tác cải cách hành chính tháng 10 năm 2024\n"
                "     Thực hiện Kế hoạch số 21/KH-UBND ngày 25/01/2024 của UBND thành phố\n"
                "Quảng Ngãi về cải cách hành chính nhà nước năm 2024, UBND phường Trần Phú báo cáo:\n")
    assert (m.issuer.name, m.issuer.unit, m.issuer.province) == (
        "Ủy ban nhân dân phường Trần Phú", "Trần Phú", "Quảng Ngãi")


@pytest.mark.parametrize("head, orgs", [
    ("UBND HUYỆN X CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT\nXÃ NAM NAM", ["UBND HUYỆN X", "XÃ NAM"]),
    ("UBND HUYỆN X CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT\nXÃ NAM", ["UBND HUYỆN X", "XÃ NAM"]),  # "XÃ" alone names none
])
def test_a_place_ending_like_the_motto_keeps_its_name(head, orgs):
    from report_parser.extract.metadata.header import header_orgs
    assert header_orgs(head) == orgs


@pytest.mark.parametrize("lines, unit", [
    ("ỦY BAN NHÂN DÂN\n\nXÃ HOÀI HẢI", "Hoài Hải"),           # a blank line inside the issuer
    ("ỦY BAN NHÂN DÂN\nPHƯỜNG\nLONG ANH", "Long Anh"),        # the level word on its own line
])
def test_issuer_split_over_lines(lines, unit):
    m = meta_of(f"{lines}\nSố: 45/BC-UBND\nBÁO CÁO\nKết quả cải cách hành chính quý I năm 2024\n")
    assert m.issuer.unit == unit
    assert m.issuer.name.endswith(unit)


def test_parent_line_above_the_commune_completes_the_province():
    m = meta_of("UBND HUYỆN PHÚC THỌ\nỦY BAN NHÂN DÂN XÃ TAM HIỆP\nSố: 45/BC-UBND\n"
                "Tam Hiệp, ngày 10 tháng 12 năm 2023\nBÁO CÁO\nKết quả cải cách hành chính năm 2023\n")
    assert m.issuer.parent == "UBND huyện Phúc Thọ"
    assert (m.issuer.unit, m.issuer.district, m.issuer.province) == ("Tam Hiệp", "Phúc Thọ", "Hà Nội")


def test_real_09_ban_chi_dao_issuer_wrapped_after_a_comma():
    """09 (Lâm Đồng, Đề án 06): the issuer is a Ban Chỉ đạo whose name wraps after a comma,
    under the province's line; a blank number and day."""
    m = meta_of("UBND TỈNH LÂM ĐỒNG\nBAN CHỈ ĐẠO PHÁT TRIỂN KHOA HỌC, CÔNG NGHỆ, ĐỔI MỚI SÁNG TẠO,\n"
                "CHUYỂN ĐỔI SỐ VÀ ĐỀ ÁN 06\nSố: /BC-BCĐ\nCỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\n"
                "Độc lập - Tự do - Hạnh phúc\nLâm Đồng, ngày tháng 8 năm 2025\nBÁO CÁO\n"
                "Kết quả triển khai Đề án 06 trên địa bàn tỉnh Lâm Đồng tháng 8/2025\n")
    assert m.issuer.name.startswith("Ban Chỉ đạo phát triển khoa học") and m.issuer.name.endswith("Đề án 06")
    assert (m.issuer.level, m.issuer.unit, m.issuer.province, m.issuer.district) == \
        ("tỉnh", "Lâm Đồng", "Lâm Đồng", None)
    assert (m.number, m.symbol, m.symbol_printed, m.date, m.type) == (None, None, "/BC-BCĐ", None, "Báo cáo")
    assert (m.period.kind, m.period.year, m.period.start, m.period.end) == \
        ("other", 2025, dt.date(2025, 8, 1), dt.date(2025, 8, 31))


def test_real_19_numbered_ward_number_apart_from_its_symbol_and_district_from_the_body():
    """19 (Phường 1, Vũng Tàu): "Số: 397" and "/UBND -TP" on two lines, the place "Phường 1"
    after the motto, no title line (a công văn): the district is read from the body."""
    m = meta_of("ỦY BAN NHÂN DÂN\nPHƯỜNG 1\nSố: 397\n/UBND -TP\nCỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\n"
                "Độc lập - Tự do - Hạnh phúc Phường 1, ngày 13 tháng 03 năm 2025 V/v tăng cường triển khai "
                "thực hiện DVCTT đối với TTHC cấp bản sao điện tử từ sổ gốc.\nKính gửi:\n"
                "- Thường trực Đảng ủy Phường 1;\n- Trưởng các Khu phố thuộc Phường 1.\n"
                "Thực hiện Công văn số 1848/UBND-TP ngày 10/03/2025 của Ủy ban nhân dân thành phố Vũng Tàu "
                "về việc tăng cường triển khai, Chủ tịch Ủy ban nhân dân Phường chỉ đạo như sau:\n1. Đề nghị\n")
    assert (m.number, m.symbol, m.type) == ("397", "397/UBND-TP", "Công văn")
    assert (m.place, m.date) == ("Phường 1", dt.date(2025, 3, 13))
    assert (m.issuer.name, m.issuer.level, m.issuer.unit) == ("Ủy ban nhân dân Phường 1", "phường", "Phường 1")
    assert (m.issuer.district, m.issuer.province) == ("Vũng Tàu", "Bà Rịa - Vũng Tàu")


@pytest.mark.parametrize("date_line", ["Lâm Đồng, ngày 12 tháng12 năm 2025",     # 08: no space
                                       "Lâm Đồng, ngày 12 tháng 12 n\u01cem 2025"])  # "nǎm" (U+01CE)
def test_real_08_date_line_variants(date_line):
    m = meta_of(f"UBND TỈNH LÂM ĐỒNG\nSỞ NỘI VỤ\nSố: 629/TTr-SNV\n{date_line}\nTỜ TRÌNH\n"
                "Về việc trình ký Báo cáo công tác cải cách hành chính năm 2025\n")
    assert (m.date, m.place, m.type) == (dt.date(2025, 12, 12), "Lâm Đồng", "Tờ trình")


# ----------------------------------------------------------------------------- signature block
def test_real_hongphong_tm_then_kt_signer_signs_kt():
    """hongphong (PDF text layer interleaves both columns): "TM. ỦY BAN NHÂN DÂN / KT. CHỦ TỊCH /
    PHÓ CHỦ TỊCH": the signer signs KT. as Phó Chủ tịch."""
    m = meta_of("BÁO CÁO\nKết quả cải cách hành chính 6 tháng đầu năm 2020\nI. KẾT QUẢ\n"
                "Nơi nhận: TM. ỦY BAN NHÂN DÂN\n- Như Kính gửi; KT. CHỦ TỊCH\n- TT Đảng ủy xã (b/c); PHÓ CHỦ TỊCH\n"
                "- TT HĐND xã;\n- Thành viên BCĐ CCHC xã;\n- Lưu: VP. Phạm Văn Cường\n")
    assert (m.signer.name, m.signer.position, m.signer.capacity) == ("Phạm Văn Cường", "Phó Chủ tịch", "KT.")
    assert m.recipients == ["Như Kính gửi", "TT Đảng ủy xã (b/c)", "TT HĐND xã", "Thành viên BCĐ CCHC xã", "Lưu: VP"]


def test_real_28_tl_then_kt_signer_signs_tl():
    """28 (Thông báo of Lâm Đồng): "TL.CHỦ TỊCH / KT. CHÁNH VĂN PHÒNG / PHÓ CHÁNH VĂN PHÒNG"."""
    m = meta_of("THÔNG BÁO\nKết luận của Phó Chủ tịch UBND tỉnh\nI. NỘI DUNG\nNơi nhận:\n"
                "- Các sở, ban, ngành tỉnh;\n- Lưu: VT, NC.Châu\nTL.CHỦ TỊCH\nKT. CHÁNH VĂN PHÒNG\n"
                "PHÓ CHÁNH VĂN PHÒNG\nTrịnh Ngọc Duệ\n")
    assert (m.signer.name, m.signer.position, m.signer.capacity) == ("Trịnh Ngọc Duệ", "Phó Chánh Văn phòng", "TL.")


def test_real_09_signer_title_of_another_body_is_not_the_position():
    """09: "TM. BAN CHỈ ĐẠO / PHÓ TRƯỞNG BAN / PHÓ CHỦ TỊCH UBND TỈNH": the position is the
    line that names only a position."""
    m = meta_of("BÁO CÁO\nKết quả tháng 8/2025\nI. KẾT QUẢ\nNơi nhận:\n- Văn phòng Chính phủ;\n"
                "- Lưu: VT, NC.Châu\nTM. BAN CHỈ ĐẠO\nPHÓ TRƯỞNG BAN\nPHÓ CHỦ TỊCH UBND TỈNH\nNguyễn Ngọc Phúc\n")
    assert (m.signer.name, m.signer.position, m.signer.capacity) == ("Nguyễn Ngọc Phúc", "Phó Trưởng ban", "TM.")


@pytest.mark.parametrize("tail", [
    "Trần Hữu Tuấn 1 Gồm: Sở Khoa học và Công nghệ, Sở Tài chính, Sở Nội vụ.",  # 08
    "Trần Hữu Tuấn 6 Báo cáo của Sở Nội vụ và dự thảo văn bản chỉ đạo của Chủ tịch UBND tỉnh đã được "
    "Sở Nội vụ có Công văn số 2402/SNV-CCHC&VTLT ngày 27/10/2025 lấy ý kiến các cơ quan, địa phương, "
    "kết quả: có 09 sở, ban, ngành có văn bản tham gia góp ý",                     # 13: a long footnote
])
def test_real_08_13_page_footnote_glued_after_the_signer(tail):
    m = meta_of("BÁO CÁO\nTổng kết thực hiện\nI. KẾT QUẢ\nNơi nhận:\n- Như trên;\n- Lãnh đạo Sở;\n"
                f"- Lưu: VT, CCHC&VTLT (Thông).\nKT. GIÁM ĐỐC\nPHÓ GIÁM ĐỐC\n{tail}\n")
    assert (m.signer.name, m.signer.position, m.signer.capacity) == ("Trần Hữu Tuấn", "Phó Giám đốc", "KT.")
    assert m.recipients == ["Như trên", "Lãnh đạo Sở", "Lưu: VT, CCHC&VTLT (Thông)"]


def _docx_with_nested_signature() -> bytes:
    """09's layout: the signature block is a one-row table whose first cell holds another
    table (Nơi nhận | signature)."""
    import docx

    d = docx.Document()
    d.add_paragraph("BÁO CÁO")
    d.add_paragraph("Kết quả triển khai Đề án 06 tháng 8/2025")
    d.add_paragraph("I. CÔNG TÁC CHỈ ĐẠO")
    d.add_paragraph("Trên đây là Báo cáo kết quả thực hiện Đề án 06 tháng 8/2025./.")
    outer = d.add_table(rows=1, cols=2)
    inner = outer.cell(0, 0).add_table(rows=1, cols=2)
    inner.cell(0, 0).text = "Nơi nhận:\n- Văn phòng Chính phủ;\n- Bộ Công an (C06, V01);\n- Lưu: VT, NC.Châu"
    inner.cell(0, 1).text = "TM. BAN CHỈ ĐẠO\nPHÓ TRƯỞNG BAN\nPHÓ CHỦ TỊCH UBND TỈNH\nNguyễn Ngọc Phúc"
    buf = io.BytesIO()
    d.save(buf)
    return buf.getvalue()


def test_real_09_signature_in_a_nested_word_table(tmp_path):
    from test_metadata import meta_of_file

    path = tmp_path / "nested.docx"
    path.write_bytes(_docx_with_nested_signature())
    m = meta_of_file(path)
    assert (m.signer.name, m.signer.position, m.signer.capacity) == ("Nguyễn Ngọc Phúc", "Phó Trưởng ban", "TM.")
    assert m.recipients == ["Văn phòng Chính phủ", "Bộ Công an (C06, V01)", "Lưu: VT, NC.Châu"]


# ----------------------------------------------------------------------------- period
def test_real_tranphu_month_period_runs_over_the_calendar_month():
    m = meta_of("ỦY BAN NHÂN DÂN\nPHƯỜNG TRẦN PHÚ\nSố: 248/BC-UBND\nPhường Trần Phú, ngày 31 tháng 10 năm 2024\n"
                "BÁO CÁO\nKết quả công tác cải cách hành chính tháng 10 năm 2024\n\nKính gửi:\n"
                "    - Ủy ban nhân dân thành phố Quảng Ngãi;\n    - Phòng Nội vụ thành phố Quảng Ngãi.\n\n"
                "Thực hiện Kế hoạch số 21/KH-UBND ngày 25/01/2024 của UBND thành phố Quảng Ngãi, UBND phường "
                "Trần Phú báo cáo kết quả công tác cải cách hành chính tháng 10 năm\n2024 như sau:\nI. KẾT QUẢ\n")
    assert (m.period.kind, m.period.year, m.period.start, m.period.end) == \
        ("other", 2024, dt.date(2024, 10, 1), dt.date(2024, 10, 31))
    # the district from "Kính gửi: Ủy ban nhân dân thành phố Quảng Ngãi", the province from the official units
    assert (m.issuer.district, m.issuer.province) == ("Quảng Ngãi", "Quảng Ngãi")


def test_month_without_year_in_a_report_dated_the_next_month():
    m = meta_of("Số: 12/BC-UBND\nHoài Hải, ngày 05 tháng 4 năm 2026\nBÁO CÁO\n"
                "Kết quả công tác cải cách hành chính tháng 3\n")
    assert (m.period.kind, m.period.start, m.period.end) == ("other", dt.date(2026, 3, 1), dt.date(2026, 3, 31))
    m = meta_of("Số: 2/BC-UBND\nHoài Hải, ngày 05 tháng 01 năm 2026\nBÁO CÁO\n"
                "Kết quả công tác cải cách hành chính tháng 12\n")
    assert (m.period.year, m.period.start) == (2025, dt.date(2025, 12, 1))


def test_a_day_date_in_the_title_is_not_a_month_period():
    m = meta_of("BÁO CÁO\nKết quả hội nghị ngày 13 tháng 6 năm 2022 về cải cách hành chính\n")
    assert m.period.kind != "other" and m.period.start != dt.date(2022, 6, 1)


def test_real_13_span_in_the_opening_paragraph_when_the_title_names_no_period():
    m = meta_of("Số: 181/BC-SNV Lâm Đồng, ngày 05 tháng 11 năm 2025\nBÁO CÁO\n"
                "Tổng kết thực hiện Quyết định số 787/QĐ-UBND ngày 21/8/2025 của Chủ tịch Ủy ban nhân dân tỉnh\n"
                "Kính gửi: Chủ tịch Ủy ban nhân dân tỉnh\nCăn cứ Quyết định số 787/QĐ-UBND ngày 21/8/2025; thời gian "
                "thực hiện thí điểm từ ngày 26/8/2025 đến hết ngày 30/9/2025. Sở Nội vụ báo cáo như sau:\n"
                "I. CÔNG TÁC TRIỂN KHAI\n")
    assert (m.period.kind, m.period.start, m.period.end, m.period.year) == \
        ("other", dt.date(2025, 8, 26), dt.date(2025, 9, 30), 2025)


@pytest.mark.parametrize("title, start, end", [
    ("Kết quả cải cách hành chính từ ngày 01/7 đến 14/9/2025", dt.date(2025, 7, 1), dt.date(2025, 9, 14)),
    ("Kết quả thực hiện dịch vụ công trực tuyến tính đến 20-10-2025", None, dt.date(2025, 10, 20)),
    ("Tổng kết công tác cải cách hành chính giai đoạn 2011 - 2020", dt.date(2011, 1, 1), dt.date(2020, 12, 31)),
])
def test_period_spans_in_the_title(title, start, end):
    m = meta_of(f"BÁO CÁO\n{title}\n")
    assert (m.period.kind, m.period.start, m.period.end, m.period.year) == ("other", start, end, end.year)


def test_nine_months_and_year_periods_keep_their_kinds():
    assert meta_of("BÁO CÁO\nKết quả cải cách hành chính 9 tháng năm 2025\n").period.kind == "9M"
    assert meta_of("BÁO CÁO\nKết quả cải cách hành chính năm 2025\n").period.kind == "Y"


def test_headerless_body_sentence_gives_issuer_and_period():
    """A report pasted into a web page: no header, the body names the issuer and the period."""
    m = meta_of("Thực hiện Kế hoạch của UBND huyện Nga Sơn, UBND xã Nga Phú báo cáo kết quả công tác cải "
                "cách hành chính quý I năm 2025 như sau:\n1. Công tác chỉ đạo\nUBND xã đã ban hành kế hoạch.\n")
    assert (m.issuer.level, m.issuer.unit) == ("xã", "Nga Phú")
    assert (m.period.kind, m.period.year) == ("Q1", 2025)
    assert m.type == "Báo cáo"  # the issuer "báo cáo …"


def test_real_07_appendix_names_the_issuer_of_a_headerless_appendix():
    m = meta_of("PHỤ LỤC\nBIỂU MẪU THỐNG KÊ SỐ LIỆU BÁO CÁO CẢI CÁCH HÀNH CHÍNH NĂM 2025\n"
                "CỦA ỦY BAN NHÂN DÂN TỈNH LÂM ĐỒNG\n(Kèm theo Báo cáo số /BC-UBND ngày tháng 12 năm 2025 "
                "của Chủ tịch Ủy ban nhân dân tỉnh Lâm Đồng)\nBiểu mẫu 1\n3.1.\nSố sở, ngành đã kiểm tra "
                "Cơ quan, đơn vị 04\n3.2 Số UBND cấp xã đã kiểm tra 38\nUBND tỉnh\nCơ quan, đơn vị\n")
    assert (m.issuer.name, m.issuer.level, m.issuer.unit) == ("Ủy ban nhân dân tỉnh Lâm Đồng", "tỉnh", "Lâm Đồng")
    assert (m.type, m.symbol, m.symbol_printed) == ("Báo cáo", None, "/BC-UBND")


def test_appendix_line_names_a_ward():
    m = meta_of("PHỤ LỤC\nTHỐNG KÊ SỐ LIỆU\n(Kèm theo Báo cáo số 187/BC-UBND ngày 18/9/2023 của UBND phường "
                "Tân Lập)\n1. Số hồ sơ\n")
    assert (m.issuer.level, m.issuer.unit) == ("phường", "Tân Lập")
    assert (m.number, m.date) == ("187", dt.date(2023, 9, 18))


def test_appendix_line_words_are_data(tmp_path):
    """The words an appendix line opens with are structure.yaml's ``attached_to``: a district
    adds "đính kèm" and its appendix line gives number, date and issuer like "Kèm theo" does;
    "Ban hành kèm theo" (``attached_verbs``) is read as well."""
    from report_parser import patterns

    text = ("PHỤ LỤC\nTHỐNG KÊ SỐ LIỆU\n({lead} Báo cáo số 187/BC-UBND ngày 18/9/2023 của UBND phường "
            "Tân Lập)\n1. Số hồ sơ\n")
    assert meta_of(text.format(lead="Ban hành kèm theo")).number == "187"
    assert meta_of(text.format(lead="Đính kèm")).number is None
    (tmp_path / "structure.yaml").write_text("attached_to: [đính kèm]\n", encoding="utf-8")
    with patterns.using(patterns.Patterns(overlay=[tmp_path])):
        m = meta_of(text.format(lead="Đính kèm"))
    assert (m.number, m.date, m.issuer.unit) == ("187", dt.date(2023, 9, 18), "Tân Lập")


# ----------------------------------------------------------------------------- places by date
def test_after_the_merger_there_is_no_district_and_the_province_is_the_new_one():
    m = meta_of("ỦY BAN NHÂN DÂN\nXÃ NGHĨA HƯNG\nSố: 15/BC-UBND\nNghĩa Hưng, ngày 20 tháng 9 năm 2025\n"
                "BÁO CÁO\nKết quả cải cách hành chính quý III năm 2025\n"
                "Thực hiện chỉ đạo của UBND tỉnh Ninh Bình, UBND xã Nghĩa Hưng báo cáo như sau:\n"
                "I. KẾT QUẢ\nTrên địa bàn huyện Nghĩa Hưng cũ.\n")
    assert (m.issuer.unit, m.issuer.district, m.issuer.province) == ("Nghĩa Hưng", None, "Ninh Bình")


def test_locate_by_date():
    assert locate("Trần Phú", "phường", "Quảng Ngãi", None, dt.date(2024, 10, 31)) == ("Quảng Ngãi", "Quảng Ngãi")
    assert locate("Phường 1", "phường", "Vũng Tàu", None, dt.date(2025, 3, 13)) == ("Vũng Tàu", "Bà Rịa - Vũng Tàu")
    assert locate("Nghĩa Hưng", "xã", None, "Ninh Bình", dt.date(2025, 9, 20)) == (None, "Ninh Bình")
    # a name shared by two provinces' communes with no unit above it: not guessed
    assert locate("Nghĩa Hưng", "xã", None, None, dt.date(2025, 9, 20)) is None


def test_real_02_a_policy_horizon_after_the_report_date_is_not_the_period():
    """02-04 (Vĩnh Long, 2026): "… chính sách … tỉnh Vĩnh Long giai đoạn 2026 - 2030" names the
    policy's horizon; 01 ("Tổng kết … giai đoạn 2021-2025", dated 2026) is about its span."""
    m = meta_of("Số: 811/BC-UBND Vĩnh Long, ngày 12 tháng 7 năm 2026\nBÁO CÁO\nTiếp thu, giải trình ý kiến "
                "thẩm tra đối với dự thảo Nghị quyết quy định chính sách thu hút nguồn nhân lực chất lượng cao "
                "tỉnh Vĩnh Long giai đoạn 2026 - 2030\n")
    assert m.period.kind is None
    m = meta_of("Số: 293/BC-SNV Vĩnh Long, ngày 09 tháng 4 năm 2026\nBÁO CÁO\nTổng kết công tác đào tạo, "
                "bồi dưỡng giai đoạn 2021-2025\n")
    assert (m.period.kind, m.period.start, m.period.end) == ("other", dt.date(2021, 1, 1), dt.date(2025, 12, 31))


# ----------------------------------------------------------------------------- web copies
WEB_COPY = """Báo cáo

10.03.2025 15:0211 đã xem

ỦY BAN NHÂN DÂN

XÃ ĐƯNG K’NỚ

Số: 31  /BC-UBND

 CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM

      Độc lập - Tự do - Hạnh phúc

         Đưng K’Nớ, ngày 07 tháng 3 năm 2025

BÁO CÁO

Kết quả công tác cải cách hành chính Quý I năm 2025

Căn cứ Quyết định số 65/QĐ-UBND ngày 16/01/2025 của Ủy ban nhân dân huyện Lạc Dương về việc ban hành Kế hoạch \
Cải cách hành chính năm 2025;

Thực hiện Kế hoạch số 11/KH-UBND ngày 21/01/2025 của Ủy ban nhân dân xã Đưng K’Nớ. Ủy ban nhân dân xã báo cáo \
kết quả thực hiện công tác cải cách hành chính Quý I năm 2025, cụ thể như sau:

I. CÔNG TÁC CHỈ ĐẠO, ĐIỀU HÀNH CCHC
"""


def test_web_copy_of_a_commune_report_with_page_chrome():
    """A commune portal's page (a commune of Lâm Đồng, 2025): the category "Báo cáo" and a
    date with a view counter above the header; a place name with an apostrophe."""
    m = meta_of(WEB_COPY)
    assert (m.type, m.symbol, m.date) == ("Báo cáo", "31/BC-UBND", dt.date(2025, 3, 7))
    assert m.title == "Kết quả công tác cải cách hành chính Quý I năm 2025"
    assert m.place.replace("’", "'") == "Đưng K'Nớ"
    assert (m.issuer.level, m.issuer.district, m.issuer.province) == ("xã", "Lạc Dương", "Lâm Đồng")
    # the official units write "Đưng KNớ": the same letters, so the document's spelling is kept
    assert m.issuer.unit.replace("’", "'") == "Đưng K'Nớ"
    assert (m.period.kind, m.period.year) == ("Q1", 2025)


def test_web_copy_whose_chrome_and_heading_are_joined_into_one_paragraph():
    """Menus, "Ngày cập nhật", "Đăng lúc" and the counter are never the title or the issuer; the
    issuer, its district (from "Kính gửi") and the period come from the reporting sentence."""
    m = meta_of("Trang chủ » Tin tức » Cải cách hành chính\n\nBáo cáo\n\n"
                "Báo cáo kết quả công tác cải cách hành chính quý I năm 2025\n\n"
                "Ngày cập nhật: 12/04/2025 | Đăng lúc: 09:15 | Lượt xem: 152\n\n"
                "Kính gửi: UBND thành phố Thái Nguyên\n\nThực hiện Kế hoạch số 12/KH-UBND ngày 10/01/2025 của "
                "UBND thành phố Thái Nguyên, UBND phường Tân Lập báo cáo kết quả công tác cải cách hành chính "
                "quý I năm 2025 như sau:\n1. Công tác chỉ đạo, điều hành\nUBND phường đã ban hành 05 văn bản.\n")
    assert (m.issuer.level, m.issuer.unit, m.issuer.district, m.issuer.province) == \
        ("phường", "Tân Lập", "Thái Nguyên", "Thái Nguyên")
    assert (m.period.kind, m.period.year) == ("Q1", 2025)
    assert (m.type, m.title) == ("Báo cáo", "kết quả công tác cải cách hành chính quý I năm 2025")
    assert m.date is None


def test_a_document_cited_in_the_first_body_sentence_is_not_a_headline():
    m = meta_of("Thực hiện Kế hoạch cải cách hành chính năm 2025 của UBND huyện Nga Sơn | UBND xã Nga Phú "
                "báo cáo kết quả công tác cải cách hành chính quý I năm 2025 như sau:\n1. Công tác chỉ đạo\n")
    assert (m.type, m.title) == ("Báo cáo", None)


def test_headline_in_running_case_names_the_type_and_title():
    from report_parser.extract.metadata.title import headline

    text = "Trang chủ > Tin tức\nBáo cáo kết quả công tác cải cách hành chính quý I năm 2025\nĐăng lúc 09:15\n"
    assert headline(text)[:2] == ("Báo cáo", "kết quả công tác cải cách hành chính quý I năm 2025")
    assert headline("Báo cáo số 12/BC-UBND ngày 05/4/2025 của UBND xã đã nêu rõ kết quả.\n") is None


# ----------------------------------------------------------------------------- what counts as a report
@pytest.mark.parametrize("text, is_report", [
    # a body-only excerpt: the issuing commune reports in a sentence
    ("Thực hiện Kế hoạch của UBND huyện Nga Sơn, UBND xã Nga Phú báo cáo kết quả công tác cải cách hành "
     "chính quý I năm 2025 như sau: trong quý, Bộ phận Một cửa đã tiếp nhận 320 hồ sơ.\n", True),
    # a section citing a document
    ("1. Công tác chỉ đạo, điều hành\nThực hiện Kế hoạch số 09/KH-UBND ngày 15/01/2024 về cải cách hành "
     "chính năm 2024, trong quý đã ban hành 03 văn bản chỉ đạo.\n", True),
    # a news item about a meeting
    ("Sáng ngày 15/3, UBND xã Nga Phú tổ chức hội nghị triển khai nhiệm vụ cải cách hành chính năm 2025. "
     "Dự hội nghị có đại diện lãnh đạo các ban, ngành, đoàn thể.\n", False),
])
def test_what_counts_as_a_report(tmp_path, text, is_report):
    from report_parser.errors import NotAReport
    from report_parser.pipeline import parse

    path = tmp_path / "r.txt"
    path.write_text(text, encoding="utf-8")
    if is_report:
        assert parse(path).report is not None
    else:
        with pytest.raises(NotAReport, match="no body sentence where the issuer reports"):
            parse(path)


def test_web_law_site_copy_keeps_only_the_body_in_the_header():
    """A legal-database page prints the header as a table whose second row is lost: the
    issuer's place comes from the authority line under the title."""
    m = meta_of("ỦY BAN NHÂN DÂN | CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM |\n"
                "Số: 41/2019/QĐ-UBND | Quảng Trị, ngày 22 tháng 10 năm 2019 |\n"
                "BAN HÀNH QUY ĐỊNH CHẾ ĐỘ BÁO CÁO ĐỊNH KỲ TRÊN ĐỊA BÀN TỈNH QUẢNG TRỊ\n"
                "ỦY BAN NHÂN DÂN TỈNH QUẢNG TRỊ\nCăn cứ Luật ban hành văn bản quy phạm pháp luật;\n")
    assert (m.issuer.name, m.issuer.level, m.issuer.province) == ("Ủy ban nhân dân tỉnh Quảng Trị", "tỉnh", "Quảng Trị")
    assert (m.symbol, m.date) == ("41/2019/QĐ-UBND", dt.date(2019, 10, 22))


def test_whole_signature_block_in_one_table_cell():
    m = meta_of("BÁO CÁO\nKết quả cải cách hành chính 6 tháng đầu năm 2023\nI. KẾT QUẢ\n"
                "| Nơi nhận: - UBND huyện; - Lưu: VP. | TM. ỦY BAN NHÂN DÂN KT. CHỦ TỊCH PHÓ CHỦ TỊCH "
                "Nguyễn Văn An |\n")
    assert (m.signer.name, m.signer.position, m.signer.capacity) == ("Nguyễn Văn An", "Phó Chủ tịch", "KT.")
    assert m.recipients == ["UBND huyện", "Lưu: VP"]


def test_trung_tam_phuc_vu_hanh_chinh_cong_of_a_commune_after_the_merger():
    m = meta_of("UBND XÃ DI LINH\nTRUNG TÂM PHỤC VỤ HÀNH CHÍNH CÔNG\nSố: 12/BC-TTPVHCC\n"
                "Di Linh, ngày 30 tháng 9 năm 2025\nBÁO CÁO\nKết quả giải quyết thủ tục hành chính quý III năm 2025\n"
                "Thực hiện chỉ đạo của UBND tỉnh Lâm Đồng, Trung tâm báo cáo như sau:\nI. KẾT QUẢ\n")
    assert m.issuer.name.startswith("Trung tâm Phục vụ hành chính công")
    assert m.issuer.parent == "UBND xã Di Linh"
    assert (m.issuer.level, m.issuer.unit, m.issuer.district, m.issuer.province) == ("xã", "Di Linh", None, "Lâm Đồng")


LEGAL_DATABASE_PAGE = """Kế hoạch 155/KH-UBND năm 2017 triển khai Chương trình hành động quốc gia về đăng ký hộ tịch
Số hiệu: 155/KH-UBND Loại văn bản: Văn bản khác
Nơi ban hành: Tỉnh Bắc Ninh Người ký: Nguyễn Tiến Nhường
Ngày ban hành: 26/05/2017 Ngày hiệu lực: Đang cập nhật

ỦY BAN NHÂN DÂN
TỈNH QUẢNG NAM
-------
|
CỘNG HÒA XÃ HỘI
CHỦ NGHĨA VIỆT NAM
Độc lập - Tự do - Hạnh phúc
---------------
|
Số: 4544/KH-UBND
|
Quảng Nam, ngày
13 tháng 7 năm 2023
|
KẾ HOẠCH
GIÁM SÁT, ĐÁNH GIÁ THỰC HIỆN CHƯƠNG TRÌNH GIẢM NGHÈO BỀN VỮNG NĂM 2023
Thực hiện Nghị định số
27/2022/NĐ-CP ngày 19/4/2022 của Chính phủ.
I. MỤC ĐÍCH
"""


def test_legal_database_page_with_its_own_fields_and_a_date_line_wrapped_after_ngay():
    """A legal-database copy: the site's own fields ("Số hiệu:", "Ngày ban hành:") above the
    header, table cells as lines, "Quảng Nam, ngày" / "13 tháng 7 năm 2023"."""
    m = meta_of(LEGAL_DATABASE_PAGE.split("\n\n", 1)[1])
    assert (m.type, m.symbol, m.date, m.place) == ("Kế hoạch", "4544/KH-UBND", dt.date(2023, 7, 13), "Quảng Nam")
    assert (m.issuer.level, m.issuer.unit) == ("tỉnh", "Quảng Nam")
    m = meta_of(LEGAL_DATABASE_PAGE)
    assert (m.symbol, m.date, m.issuer.unit) == ("4544/KH-UBND", dt.date(2023, 7, 13), "Quảng Nam")
    assert m.title.startswith("GIÁM SÁT")


def test_unsigned_draft_after_the_merger_has_no_district():
    """A draft of September 2025 (day and number blank): dated after 1 July 2025 by its month,
    so the former district the body still names is not the issuer's."""
    m = meta_of("ỦY BAN NHÂN DÂN\nXÃ NGHĨA HƯNG\nSố:      /BC-UBND\nNghĩa Hưng, ngày    tháng 9 năm 2025\n"
                "BÁO CÁO\nKết quả công tác cải cách hành chính\n"
                "Thực hiện chỉ đạo của UBND tỉnh Ninh Bình, UBND xã Nghĩa Hưng báo cáo như sau:\n"
                "I. KẾT QUẢ\nCác thôn thuộc huyện Nghĩa Hưng cũ đã hoàn thành.\n")
    assert (m.number, m.symbol, m.date, m.type) == (None, None, None, "Báo cáo")
    assert (m.issuer.district, m.issuer.province) == (None, "Ninh Bình")


def test_quarter_without_year_in_a_report_dated_the_next_january():
    m = meta_of("Số: 2/BC-UBND\nHoài Hải, ngày 08 tháng 01 năm 2026\nBÁO CÁO\nKết quả cải cách hành chính quý IV\n")
    assert (m.period.kind, m.period.year, m.period.end) == ("Q4", 2025, dt.date(2025, 12, 14))
    m = meta_of("Số: 2/BC-UBND\nHoài Hải, ngày 08 tháng 6 năm 2026\nBÁO CÁO\nKết quả cải cách hành chính 6 tháng đầu năm\n")
    assert (m.period.kind, m.period.year) == ("H1", 2026)


def test_real_06_undated_draft_resolution_policy_horizon_is_not_its_period():
    """06 (Vĩnh Long, draft Nghị quyết, "ngày   tháng   năm 2026"): the policy's "giai đoạn 2026 -
    2030" ends years after the draft's year."""
    m = meta_of("HỘI ĐỒNG NHÂN DÂN\nTỈNH VĨNH LONG\nSố:      /2026/NQ-HĐND\nVĩnh Long, ngày    tháng    năm 2026\n"
                "NGHỊ QUYẾT\nBan hành quy định chính sách hỗ trợ đào tạo cán bộ, công chức\n"
                "Căn cứ Luật Tổ chức chính quyền địa phương; chính sách thu hút nguồn nhân lực chất lượng cao "
                "tỉnh Vĩnh Long giai đoạn 2026 - 2030;\nĐiều 1. Phạm vi\n")
    assert (m.period.kind, m.period.start) == (None, None)
    assert (m.number, m.symbol, m.symbol_printed) == (None, None, "/2026/NQ-HĐND")


def test_official_letter_addressed_to_the_district_above_its_first_paragraph():
    """A commune's công văn names the level above only in "Kính gửi:", which stands between
    the V/v subject and the first paragraph: the district, then the province (official units)."""
    m = meta_of("ỦY BAN NHÂN DÂN\nXÃ ĐOÀN TÙNG\nSố: 45/UBND-VP\nV/v đôn đốc thực hiện cải cách hành chính\n"
                "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\nĐoàn Tùng, ngày 10 tháng 5 năm 2023\n"
                "Kính gửi: UBND huyện Thanh Miện\n"
                "Thực hiện chỉ đạo của cấp trên, UBND xã đề nghị các bộ phận như sau:\n1. Các bộ phận\n")
    assert (m.type, m.issuer.unit, m.issuer.district, m.issuer.province) == \
        ("Công văn", "Đoàn Tùng", "Thanh Miện", "Hải Dương")


def test_header_in_nested_word_tables(tmp_path):
    """The two header columns as a table whose cells hold tables of their own."""
    import docx

    from test_metadata import meta_of_file

    d = docx.Document()
    outer = d.add_table(rows=1, cols=2)
    left = outer.cell(0, 0).add_table(rows=3, cols=1)
    for i, text in enumerate(["ỦY BAN NHÂN DÂN", "XÃ HOÀI HẢI", "Số: 45/BC-UBND"]):
        left.cell(i, 0).text = text
    right = outer.cell(0, 1).add_table(rows=3, cols=1)
    for i, text in enumerate(["CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", "Độc lập - Tự do - Hạnh phúc",
                              "Hoài Hải, ngày 12 tháng 6 năm 2024"]):
        right.cell(i, 0).text = text
    for text in ("BÁO CÁO", "Kết quả công tác cải cách hành chính 6 tháng đầu năm 2024", "I. KẾT QUẢ"):
        d.add_paragraph(text)
    path = tmp_path / "nested-header.docx"
    d.save(path)
    m = meta_of_file(path)
    assert (m.issuer.unit, m.symbol, m.date, m.place) == ("Hoài Hải", "45/BC-UBND", dt.date(2024, 6, 12), "Hoài Hải")
    assert (m.type, m.period.kind) == ("Báo cáo", "H1")


# ----------------------------------------------------------------------------- audit of unseen layouts (session 3)
def test_number_on_the_line_after_so_in_a_web_table_copy():
    """Kon Tum QĐ 06/2024 as a law site prints it: each header cell's words wrapped, "Số:" and
    the symbol on two lines, the day and the month on two lines."""
    m = meta_of("ỦY BAN NHÂN DÂN\nTỈNH KON TUM\n-------\n|\nCỘNG HÒA XÃ HỘI\nCHỦ NGHĨA VIỆT NAM\n"
                "Độc lập - Tự do - Hạnh phúc\n---------------\n|\nSố:\n06/2024/QĐ-UBND\n|\n"
                "Kon Tum, ngày 25\ntháng 01 năm 2024\n|\nQUYẾT ĐỊNH\n"
                "QUY ĐỊNH CHẾ ĐỘ BÁO CÁO ĐỊNH KỲ PHỤC VỤ MỤC TIÊU QUẢN LÝ\nTRÊN ĐỊA BÀN TỈNH KON TUM\n"
                "ỦY BAN NHÂN DÂN TỈNH KON TUM\nCăn cứ Luật Tổ chức chính\n")
    assert (m.type, m.number, m.symbol, m.date, m.place) == \
        ("Quyết định", "06", "06/2024/QĐ-UBND", dt.date(2024, 1, 25), "Kon Tum")
    assert (m.issuer.level, m.issuer.unit, m.issuer.province) == ("tỉnh", "Kon Tum", "Kon Tum")


def test_form_with_dotted_blanks_for_the_commune_and_the_place():
    """A commune's report form (2018): the commune's name and the place are dotted blanks, the
    number blank on the line after "Số:"; the date is still the date, the blanks are no names."""
    m = meta_of("ỦY BAN NHÂN DÂN\nXÃ ..........\nSố:\n\n/BC-UBND\n\n"
                "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\nĐộc lập - Tự do - Hạnh phúc\n"
                ".........., ngày 20 tháng 6 năm 2018\n\nBÁO CÁO\nTình hình phát triển kinh tế - xã hội\n"
                "giữa nhiệm kỳ 2015 - 2020\nPhần thứ nhất\n")
    assert (m.type, m.number, m.symbol, m.symbol_printed) == ("Báo cáo", None, None, "/BC-UBND")
    assert (m.date, m.place) == (dt.date(2018, 6, 20), None)
    assert (m.issuer.level, m.issuer.unit) == ("xã", None)


@pytest.mark.parametrize("head, name, level, unit", [
    # Hưng Yên CT 14/2021: the body's first word alone on a line, the motto's too
    ("ỦY\nBAN NHÂN DÂN\nTỈNH HƯNG YÊN\n-------\n|\nCỘNG\nHÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\n",
     "Ủy ban nhân dân tỉnh Hưng Yên", "tỉnh", "Hưng Yên"),
    # HĐND Quận 2 NQ 01/2008: "HỘI" / "ĐỒNG NHÂN DÂN QUẬN 2 |"
    ("HỘI\nĐỒNG NHÂN DÂN QUẬN 2 |\nCỘNG\nHÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM |\n",
     "Hội đồng nhân dân quận 2", "quận", "2"),
])
def test_first_word_of_the_issuer_wrapped_on_its_own_line(head, name, level, unit):
    m = meta_of(head + "Số: 14/CT-UBND |\nHưng Yên, ngày 22 tháng 12 năm 2021 |\nCHỈ THỊ\n"
                "VỀ VIỆC THỰC HIỆN CÁC BIỆN PHÁP QUẢN LÝ\nThời gian qua, tình hình tội phạm\n")
    assert (m.issuer.name, m.issuer.level, m.issuer.unit) == (name, level, unit)


@pytest.mark.parametrize("text, unit", [
    # Ninh Bình KH 130/2022: the table's second row (the province) is lost in the web copy
    ("ỦY BAN NHÂN DÂN | CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM |\n"
     "Số: 130/KH-UBND | Ninh Bình, ngày 13 tháng 7 năm 2022 |\n"
     "Thực hiện Thông tư số 10/2022/TT-BLĐTBXH ngày 31/5/2022 của Bộ Lao động - Thương binh và Xã hội "
     "hướng dẫn giám sát, UBND tỉnh ban hành Kế hoạch giám sát, đánh giá thực hiện Chương trình trên "
     "địa bàn tỉnh Ninh Bình, cụ thể như sau:\n1. Mục đích\n", "Ninh Bình"),
    # Bình Dương KH 4851/2018: the same, "Ủy ban nhân dân tỉnh ban hành kế hoạch …"
    ("ỦY BAN NHÂN DÂN | CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM |\n"
     "Số: 4851/KH-UBND | Bình Dương, ngày 11 tháng 10 năm 2018 |\n"
     "Căn cứ Quyết định số 2071/QĐ-UBND ngày 27/7/2018 của Ủy ban nhân dân tỉnh về việc phê duyệt Đề án.\n"
     "Ủy ban nhân dân tỉnh ban hành kế hoạch triển khai xác định Chỉ số CCHC, cụ thể như sau:\n"
     "1. Mục tiêu\n", "Bình Dương"),
])
def test_body_that_names_itself_by_its_level_takes_the_place_line_name(text, unit):
    m = meta_of(text)
    assert (m.issuer.level, m.issuer.unit, m.issuer.province) == ("tỉnh", unit, unit)
    assert m.issuer.name == f"Ủy ban nhân dân tỉnh {unit}"


def test_headerless_district_plan_is_not_the_province_it_cites():
    """A district's plan pasted into a blog (2021): the only named body is the province's, in a
    citation ("của UBND tỉnh Kiên Giang"); the district names itself by its level and its title
    names the district."""
    m = meta_of("KẾ HOẠCH\n\nRà soát hộ nghèo, hộ cận nghèo và xác định hộ làm nông nghiệp,\n\n"
                "lâm nghiệpngư nghiệp có mức sống trung bình năm 2021\n\n"
                " trên địa bàn huyện U Minh Thượng\n\n"
                "Thực hiện Kế hoạch số 164/KH-UBND ngày 29/8/2021 của UBND tỉnh Kiên Giang, rà soát hộ "
                "nghèo năm 2021 trên địa bàn tỉnh Kiên Giang.\n\n"
                "Ủy ban nhân dân huyện Xây dựng Kế hoạch tổ chức rà soát hộ nghèo, hộ cận nghèo năm 2021, "
                "như sau:\n\n  I. MỤC ĐÍCH, YÊU CẦU\n")
    assert (m.issuer.level, m.issuer.unit, m.issuer.province) == ("huyện", "U Minh Thượng", "Kiên Giang")


def test_type_line_wrapped_word_by_word():
    """Bình Định QĐ 636/2012 on a law site: "QUYẾT" / "ĐỊNH" and "VỀ" / "VIỆC BAN HÀNH …"."""
    m = meta_of("ỦY BAN NHÂN DÂN\nTỈNH BÌNH ĐỊNH\n--------\n|\nCỘNG HÒA XÃ HỘI CHỦ\nNGHĨA VIỆT NAM\n"
                "Độc lập - Tự do - Hạnh phúc\n---------------\n|\nSố: 636/QĐ-UBND\n|\n"
                "Bình Định, ngày 21\ntháng 11 năm 2012\n|\nQUYẾT\nĐỊNH\nVỀ\n"
                "VIỆC BAN HÀNH QUY ĐỊNH VỀ THEO DÕI ĐÁNH GIÁ KẾT QUẢ THỰC HIỆN CÔNG TÁC CẢI CÁCH\n"
                "HÀNH CHÍNH TRÊN ĐỊA BÀN TỈNH BÌNH ĐỊNH\nỦY BAN NHÂN DÂN TỈNH\nCăn cứ Luật Tổ chức HĐND\n")
    assert m.type == "Quyết định"
    assert m.title == ("VỀ VIỆC BAN HÀNH QUY ĐỊNH VỀ THEO DÕI ĐÁNH GIÁ KẾT QUẢ THỰC HIỆN CÔNG TÁC "
                       "CẢI CÁCH HÀNH CHÍNH TRÊN ĐỊA BÀN TỈNH BÌNH ĐỊNH")


def test_rule_under_the_title_is_not_part_of_it():
    """Bộ GDĐT QĐ 2855/2020 (hieuluat.vn): a "_____________" rule under the title."""
    m = meta_of("BỘ GIÁO DỤC VÀ ĐÀO TẠO\n_________\nSố: 2855/QĐ-BGDĐT\nCỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\n"
                "Hà Nội, ngày 30 tháng 09 năm 2020\n\nQUYẾT ĐỊNH\n\n  Về việc công bố thủ tục hành chính được "
                "thay thế, lĩnh vực giáo dục tiểu học\n\n  _____________\n\n  BỘ TRƯỞNG BỘ GIÁO DỤC VÀ ĐÀO TẠO\n"
                "\n  Căn cứ Nghị định số 69/2017/NĐ-CP\n")
    assert m.title == "Về việc công bố thủ tục hành chính được thay thế, lĩnh vực giáo dục tiểu học"


def test_type_line_dropped_by_a_web_copy_title_under_the_date_line():
    """HĐND Quận 2 NQ 01/2008 (vanban123.vn): no "NGHỊ QUYẾT" line; the title is the caps line
    under the place and date, the authority line ends it; the type is the symbol's."""
    m = meta_of("HỘI\nĐỒNG NHÂN DÂN QUẬN 2 |\nCỘNG\nHÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM |\n"
                "Số: 01/2008/NQ-HĐND |\nQuận 2, ngày 11 tháng 01 năm 2008 |\n"
                "VỀ NHIỆM VỤ KINH TẾ - XÃ HỘI NĂM 2008\nHỘI ĐỒNG NHÂN DÂN QUẬN 2 KHÓA III - KỲ HỌP THỨ 14\n"
                "Căn cứ Luật Tổ chức Hội đồng\nnhân dân và Ủy ban nhân dân ngày 26 tháng 11 năm 2003;\n")
    assert (m.type, m.title, m.date) == ("Nghị quyết", "VỀ NHIỆM VỤ KINH TẾ - XÃ HỘI NĂM 2008", dt.date(2008, 1, 11))


def test_official_letter_subject_under_its_number_without_vv():
    """Trung tâm Văn hóa Quận 9, CV 21/2014: the page's own heading above the header is web
    chrome; the trích yếu is the "Về …" line under "Số:  21 /TTVH"."""
    m = meta_of("Công văn gửi Ban VHTT 13 phường – Về thực hiện chế độ thông tin, báo cáo định kỳ\n\n"
                "Văn bản - Thông báo - Thư mời\n\nỦY BAN NHÂN DÂN QUẬN 9\n\nTRUNG TÂM VĂN HÓA\n\n__________\n\n"
                "Số:  21 /TTVH\n\nVề thực hiện chế độ thông tin,\n\nbáo cáo định kỳ.\n\n"
                "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\n\nQuận 9, ngày  04   tháng 6  năm 2014\n\n"
                "Kính gửi:   – Ban VHTT 13 phường.\n\nThực hiện Công văn số 891/UBND ngày 29 tháng 5 năm 2014.\n")
    assert (m.type, m.number, m.symbol, m.date) == ("Công văn", "21", "21/TTVH", dt.date(2014, 6, 4))
    assert m.title == "Về thực hiện chế độ thông tin, báo cáo định kỳ"


def test_level_word_glued_to_the_name_in_the_title():
    """Phường Long Anh's draft (2024): "đề nghị công nhận phườngLong Anh" in its title."""
    m = meta_of("ỦY BAN NHÂN DÂN\nPHƯỜNG\nLONG ANH\n\nSố:      /BC-UBND\n        Long Anh, ngày       tháng 01 "
                "năm 2024\n     DỰ THẢO BÁO CÁO\nĐánh giá kết quả và đề nghị công nhận phườngLong Anh\n"
                "đạt chuẩn tiếp cận pháp luật năm 2023\n \nThực hiện Quyết định 25/QĐ-TTg ngày 22/7/2021.\n")
    assert m.title == ("Đánh giá kết quả và đề nghị công nhận phường Long Anh đạt chuẩn tiếp cận pháp luật "
                       "năm 2023")
    assert (m.type, m.number, m.date, m.period.year, m.period.kind) == ("Báo cáo", None, None, 2023, "Y")


def test_signature_row_of_a_web_table_without_its_heading():
    """Quảng Trị QĐ 41/2019 (dulieuphapluat.vn): the recipients' and the signature's cells of
    one table row joined with "|", the "Nơi nhận:" line lost."""
    m = meta_of("ỦY BAN NHÂN DÂN | CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM |\n"
                "Số: 41/2019/QĐ-UBND | Quảng Trị, ngày 22 tháng 10 năm 2019 |\n"
                "BAN HÀNH QUY ĐỊNH CHẾ ĐỘ BÁO CÁO ĐỊNH KỲ TRÊN ĐỊA BÀN TỈNH QUẢNG TRỊ\n"
                "ỦY BAN NHÂN DÂN TỈNH QUẢNG TRỊ\nQUYẾT ĐỊNH:\nĐiều 2. Quyết định này có hiệu lực thi hành.\n"
                "- Như Điều 3; | TM. ỦY BAN NHÂN DÂN |\n")
    assert m.signer.capacity == "TM."
    assert (m.issuer.level, m.issuer.unit) == ("tỉnh", "Quảng Trị")


def test_position_written_with_p_for_pho():
    """Trung tâm Văn hóa Quận 9 (2014): "P. GIÁM ĐỐC" / "(đã kỹ)" / the name."""
    m = meta_of("ỦY BAN NHÂN DÂN QUẬN 9\nTRUNG TÂM VĂN HÓA\nSố:  21 /TTVH\nQuận 9, ngày  04   tháng 6  năm 2014\n"
                "Thực hiện Công văn số 891/UBND ngày 29 tháng 5 năm 2014.\nTrân trọng!\n\nNơi nhận:\n\n"
                "– Như trên;\n\n– Lưu: VT\n\n \n\nP. GIÁM ĐỐC\n\n(đã kỹ)\n\nNguyễn Thị Lynh Trang\n")
    assert (m.signer.name, m.signer.position) == ("Nguyễn Thị Lynh Trang", "Phó Giám đốc")
    assert m.recipients == ["Như trên", "Lưu: VT"]


def test_own_symbol_of_a_text_layer_that_lost_its_hyphens():
    """Kiên Giang QĐ 1961/2019 (a PDF whose font drops "-": "Số: 1961/QĐUBND", "Độc lập  Tự do")."""
    m = meta_of("ỦY BAN NHÂN DÂN \nTỈNH KIÊN GIANG\n\nSố: 1961/QĐUBND\n\nCỘNG HÒA XàHỘI CHỦ NGHĨA VIỆT NAM\n"
                "Độc lập  Tự do  Hạnh phúc \n\nKiên Giang, ngày 28 tháng 8 năm 2019\n\n \nQUYẾT ĐỊNH\n"
                "BAN HÀNH QUY CHẾ PHỐI HỢP GIẢI QUYẾT THỦ TỤC HÀNH CHÍNH THEO CƠ CHẾ \n"
                "MỘT CỬA, MỘT CỬA LIÊN THÔNG TẠI TRUNG TÂM PHỤC VỤ HÀNH CHÍNH CÔNG \nTỈNH KIÊN GIANG\n"
                "CHỦ TỊCH ỦY BAN NHÂN DÂN TỈNH KIÊN GIANG\nCăn cứ Luật Tổ chức chính quyền địa phương\n")
    assert (m.type, m.number, m.symbol, m.date) == ("Quyết định", "1961", "1961/QĐ-UBND", dt.date(2019, 8, 28))
    assert (m.issuer.level, m.issuer.unit) == ("tỉnh", "Kiên Giang")
    # a symbol without a glued issuer code is kept as printed
    assert meta_of("TRUNG TÂM VĂN HÓA\nSố:  21 /TTVH\nQuận 9, ngày 04 tháng 6 năm 2014\n").symbol == "21/TTVH"


def test_party_committee_letter_with_its_party_number():
    """Đảng ủy phường Hương Xuân's steering committee (2015): the Party's motto beside the
    committee, the place before the number, a Party number "01-CV/BCĐ"."""
    m = meta_of("ĐẢNG ỦY PHƯỜNG HƯƠNG XUÂN ĐẢNG CỘNG SẢN VIỆT NAM\nBCĐ XÂY DỰNG ĐỀ ÁN PHƯỜNG ĐCVMĐT\n"
                "* Hương Xuân, ngày 12 tháng 10 năm 2015\nSố: 01-CV/BCĐ\n"
                "V/v đề nghị tham gia góp ý kiến vào dự thảo\nĐề án xây dựng phường đạt chuẩn văn minh đô thị\n"
                "Kính gửi:\n- Bí thư các chi bộ trực thuộc; Tổ trưởng các tổ dân phố;\n"
                "Thực hiện ý kiến chỉ đạo của Ban Thường vụ Đảng ủy phường Hương Xuân, Ban Chỉ đạo đã họp.\n")
    assert (m.type, m.number, m.symbol, m.date, m.place) == \
        ("Công văn", "01", "01-CV/BCĐ", dt.date(2015, 10, 12), "Hương Xuân")
    # the committee's short kind "BCĐ" is written out (metadata.yaml agency_abbrevs): it is the issuer
    # under its Party committee, as a "BAN CHỈ ĐẠO …" line under "UBND TỈNH …" is (real/09)
    assert (m.issuer.name, m.issuer.parent) == ("Ban Chỉ đạo xây dựng đề án phường ĐCVMĐT", "Đảng ủy phường Hương Xuân")
    assert (m.issuer.level, m.issuer.unit) == ("phường", "Hương Xuân")
    assert m.title == "đề nghị tham gia góp ý kiến vào dự thảo Đề án xây dựng phường đạt chuẩn văn minh đô thị"


def test_title_line_wrapped_before_a_position_word_goes_on():
    """Sơn La KH 68/2020: "… CỦA BAN" / "BÍ THƯ VỀ TĂNG CƯỜNG …" is the title wrapped, not an
    authority line ("CHỦ TỊCH ỦY BAN NHÂN DÂN TỈNH …" still ends a title)."""
    m = meta_of("ỦY BAN NHÂN DÂN\nTỈNH SƠN LA\n-------\n|\nSố: 68/KH-UBND\n|\nSơn\nLa, ngày 11 tháng 3\nnăm 2020\n|\n"
                "KẾ HOẠCH\nVỀ VIỆC TRIỂN KHAI THỰC HIỆN CHỈ THỊ SỐ 37-CT/TW NGÀY 03/9/2019 CỦA BAN\n"
                "BÍ THƯ VỀ TĂNG CƯỜNG SỰ LÃNH ĐẠO, CHỈ ĐẠO XÂY DỰNG QUAN HỆ LAO ĐỘNG HÀI HÒA, ỔN\n"
                "ĐỊNH VÀ TIẾN BỘ TRONG TÌNH HÌNH MỚI\nCăn cứ Chỉ thị số 37-CT/TW ngày\n03/9/2019 của Ban Bí thư\n")
    assert m.title.endswith("CỦA BAN BÍ THƯ VỀ TĂNG CƯỜNG SỰ LÃNH ĐẠO, CHỈ ĐẠO XÂY DỰNG QUAN HỆ LAO ĐỘNG HÀI HÒA, "
                            "ỔN ĐỊNH VÀ TIẾN BỘ TRONG TÌNH HÌNH MỚI")
    assert (m.date, m.issuer.unit) == (dt.date(2020, 3, 11), "Sơn La")
    kg = meta_of("ỦY BAN NHÂN DÂN\nTỈNH KIÊN GIANG\nSố: 1961/QĐ-UBND\nKiên Giang, ngày 28 tháng 8 năm 2019\n"
                 "QUYẾT ĐỊNH\nBAN HÀNH QUY CHẾ PHỐI HỢP\nCHỦ TỊCH ỦY BAN NHÂN DÂN TỈNH KIÊN GIANG\nCăn cứ Luật\n")
    assert kg.title == "BAN HÀNH QUY CHẾ PHỐI HỢP"


@pytest.mark.parametrize("line, start, end", [
    ("Thời gian lấy số liệu: từ ngày 16/12/2023 đến hết ngày 15/6/2024.", dt.date(2023, 12, 16), dt.date(2024, 6, 15)),
    ("(Kỳ báo cáo từ 10/12/2023 - 9/6/2024)", dt.date(2023, 12, 10), dt.date(2024, 6, 9)),
    ("(số liệu từ ngày 01/01/2024 đến 31/5/2024)", dt.date(2024, 1, 1), dt.date(2024, 5, 31)),
    ("Số liệu báo cáo tính từ ngày 16/12/2023 đến ngày 15/6/2024.", dt.date(2023, 12, 16), dt.date(2024, 6, 15)),
    ("(Số liệu tính từ ngày 10 tháng 12 năm 2023 đến ngày 09 tháng 6 năm 2024)", dt.date(2023, 12, 10), dt.date(2024, 6, 9)),
])
def test_data_span_line_under_the_title_in_its_other_wordings(line, start, end):
    """The line that states what the figures cover is written many ways under a commune's
    title; a text export joins it to the title: it is cut off the title and gives start and end."""
    m = meta_of("ỦY BAN NHÂN DÂN\nXÃ LÊ HỒNG\nSố: 165/BC-UBND\nLê Hồng, ngày 13 tháng 6 năm 2024\nBÁO CÁO\n"
                f"Kết quả công tác cải cách hành chính 6 tháng đầu năm 2024\n{line}\nI. KẾT QUẢ\n")
    assert m.title == "Kết quả công tác cải cách hành chính 6 tháng đầu năm 2024"
    assert (m.period.kind, m.period.year, m.period.start, m.period.end) == ("H1", 2024, start, end)


def test_digital_signature_stamp_after_the_name_is_not_the_signer():
    """A PDF signed with a digital certificate prints the stamp's fields in its text layer, and a
    text export joins its first line to the name ("Nguyễn Văn An Người ký: Ủy ban nhân dân xã …");
    the stamp names the signing body, not the signer. (The stamp's usual fields; no file of our
    audit set carried one in its text layer.)"""
    m = meta_of("ỦY BAN NHÂN DÂN\nXÃ LÊ HỒNG\nSố: 165/BC-UBND\nLê Hồng, ngày 13 tháng 6 năm 2024\nBÁO CÁO\n"
                "Kết quả công tác cải cách hành chính quý II năm 2024\nI. KẾT QUẢ\nUBND xã đã tiếp nhận 12 hồ sơ.\n"
                "Nơi nhận:\n- Như trên;\n- Lưu: VT.\nKT. CHỦ TỊCH\nPHÓ CHỦ TỊCH\n\nNguyễn Văn An\n"
                "Người ký: Ủy ban nhân dân xã Lê Hồng\nEmail: lehong@haiduong.gov.vn\nCơ quan: Tỉnh Hải Dương\n"
                "Thời gian ký: 13.06.2024 10:15:22 +07:00\n")
    assert (m.signer.name, m.signer.position, m.signer.capacity) == ("Nguyễn Văn An", "Phó Chủ tịch", "KT.")
    assert m.recipients == ["Như trên", "Lưu: VT"]


def test_type_name_opening_a_wrapped_title_line_under_the_motto():
    """Xuân Phú's working regulation (Đồng Nai, 2021), a web copy: "QUY CHẾ LÀM" / "VIỆC" / "CỦA ỦY"
    / "BAN NHÂN DÂN XÃ XUÂN PHÚ …" under the motto, no line with the type's name alone."""
    m = meta_of("ỦY BAN NHÂN DÂN\nXÃ XUÂN PHÚ\n|\n|\nCỘNG HOÀ XÃ HỘI\nCHỦ NGHĨA VIỆT NAM\nĐộc lập -\n"
                "Tự do - Hạnh phúc\n|\nQUY CHẾ LÀM\nVIỆC\nCỦA ỦY\nBAN NHÂN DÂN XÃ XUÂN PHÚ NHIỆM KỲ 2021 -2026\n"
                "(Ban hành\nkèm theo Quyết định số: 59/QĐ-UBND\nNgày 22 tháng\n7 năm 2021 của Ủy ban nhân dân xã Xuân\n"
                "Phú)\nChương I\nNHỮNG QUY ĐỊNH\nCHUNG\nĐiều 1. Phạm vi,\nđối tượng điều chỉnh\n")
    assert m.type == "Quy chế"
    assert m.title == "LÀM VIỆC CỦA ỦY BAN NHÂN DÂN XÃ XUÂN PHÚ NHIỆM KỲ 2021 -2026"
    assert (m.issuer.level, m.issuer.unit) == ("xã", "Xuân Phú")


def test_header_below_a_law_sites_block_of_fields():
    """Đà Nẵng QĐ 102/2006 on caselaw.vn: fifteen lines of the site's own fields ("Số hiệu văn
    bản", "Ngày hết hiệu lực", a note citing the decision that replaced it) above the header."""
    m = meta_of("cơ sở dữ liệu pháp lý\n\nThông tin văn bản\n  • Quyết định số 102/2006/QĐ-UBND ngày 22/11/2006 Về "
                "Quy định về quản lý nhà nước đối với chi nhánh (Văn bản hết hiệu lực)\n\n"
                "  • Số hiệu văn bản: 102/2006/QĐ-UBND\n  • Loại văn bản: Quyết định\n"
                "  • Cơ quan ban hành: Thành phố Đà Nẵng\n  • Ngày ban hành: 22-11-2006\n"
                "  • Ngày có hiệu lực: 02-12-2006\n  • Ngày bị bãi bỏ, thay thế: 22-12-2008\n"
                "  • Tình trạng hiệu lực: Hết hiệu lực\n  • Thời gian duy trì hiệu lực: 751 ngày (2 năm 21 ngày)\n"
                "  • Ngày hết hiệu lực: 22-12-2008\n  • Ngôn ngữ:\n  • Định dạng văn bản hiện có:\n"
                "Caselaw Việt Nam: “Kể từ ngày 22-12-2008, Quyết định số 102/2006/QĐ-UBND bị bãi bỏ, thay thế bởi "
                "Quyết định số 54/2008/QĐ-UBND ngày 12/12/2008”. Xem thêm Lược đồ.\n\n"
                "UỶ BAN NHÂN DÂN\nTHÀNH PHỐ ĐÀ NẴNG\n--------\n\nCỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\n"
                "Độc lập - Tự do - Hạnh phúc\n----------------\n\nSố: 102/2006/QĐ-UBND\n\nĐà Nẵng, ngày 2")
    assert (m.type, m.number, m.symbol) == ("Quyết định", "102", "102/2006/QĐ-UBND")
    assert (m.issuer.name, m.issuer.level, m.issuer.unit, m.issuer.province) == \
        ("Ủy ban nhân dân thành phố Đà Nẵng", "thành phố", "Đà Nẵng", "Đà Nẵng")


def test_ward_notice_listed_on_its_web_page_with_the_sites_fields():
    """Phường Dương Nội's notice (2018) as its portal lists it: the heading, then the site's
    fields ("Ngày bắt đầu có hiệu lực:", "Người ký văn bản:") joined to it by a text export, then
    the recipients. The heading stops before the first field; the signer is the field's person."""
    m = meta_of("Thông báo kết luận thống nhất phương án di chuyển bia và mộ nằm trong quy hoạch dự án khu đô thị "
                "mới Dương Nội, phường Dương Nội\n\nNgày bắt đầu có hiệu lực: \n\n29/08/2018\n\n"
                "Người ký văn bản: \n\nLã Quang Thức\n\nNơi nhận: \n\n- Thường trực Đảng ủy, HĐND, UBND phường;\n\n"
                "- MTTQ, các đoàn thể phường;\n\n- Tập đoàn Nam Cường;\n\n- Lưu: VT.\n\nNội dung thông báo: \n\n"
                "Giải quyết kiến nghị nhận mộ và thống nhất phương án di chuyển ngôi bia đá và mộ.\n")
    assert m.type == "Thông báo"
    assert m.title == ("kết luận thống nhất phương án di chuyển bia và mộ nằm trong quy hoạch dự án khu đô thị "
                       "mới Dương Nội, phường Dương Nội")
    assert m.signer.name == "Lã Quang Thức"
    assert m.recipients == ["Thường trực Đảng ủy, HĐND, UBND phường", "MTTQ, các đoàn thể phường",
                            "Tập đoàn Nam Cường", "Lưu: VT"]
    # a digital stamp's "Người ký:" names a body, never taken for the signer
    stamp = meta_of("Báo cáo kết quả công tác cải cách hành chính quý I năm 2025 của xã\n"
                    "Người ký: Ủy ban nhân dân xã Lê Hồng\nUBND xã Lê Hồng báo cáo như sau:\n")
    assert stamp.signer.name is None


# ----------------------------------------------------------------------------- audit set 2 (s4e, session 4)
def test_commune_report_listed_with_the_sites_fields_without_colons():
    """Xã Cẩm Hà's 6-month report (2022) as its portal lists it: the site's fields without colons,
    joined into one line by the text export ("… Cơ quan ban hành Khác Người ký Nguyễn Văn Hùng Nội
    dung"), then the header. The signer is the field's person, up to the next field's label."""
    m = meta_of("Số kí hiệu Số: 218 /BC-UBND\nNgày ban hành 24/06/2022\nThể loại Văn bản\n"
                "Cơ quan ban hành Khác\nNgười ký Nguyễn Văn Hùng\n\nNội dung\n\nỦY BAN NHÂN DÂN\n     XÃ CẨM HÀ\n\n\n"
                "Số: 218 /BC-UBND\n \nCỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\nĐộc lập - Tự do - Hạnh phúc\n\n\n"
                "Cẩm Hà, ngày  24 tháng 6  năm 2022\nBÁO CÁO\nKết quả thực hiện kế hoạch kinh tế - xã hội, quốc phòng"
                " - an ninh 6 tháng\n đầu năm và nhiệm vụ giải pháp thực hiện 6 tháng cuối năm 2022\n\n\n"
                "Phần thứ nhất\nKẾT QUẢ THỰC HIỆN KẾ HOẠCH 6 THÁNG ĐẦU NĂM 2022\n")
    assert (m.number, m.issuer.level, m.issuer.unit) == ("218", "xã", "Cẩm Hà")
    assert m.signer.name == "Nguyễn Văn Hùng"
    assert (m.period.year, m.period.kind) == (2022, "H1")


@pytest.mark.parametrize("fields", [
    # hieuluat.vn: the fields in "|" cells, the signer's cell in the middle of a row
    "Số hiệu: | 52/2018/QĐ-UBND | Ngày đăng công báo: | Đang cập nhật |\n"
    "Loại văn bản: | Quyết định | Người ký: | Phạm Ngọc Thưởng |\nNgày ban hành: | 05/09/2018 |\n",
    # thuvienphapluat (mobile): the fields after the signature block that kept only "TM. CHÍNH PHỦ"
    "Nơi nhận: |\nTM.\nCHÍNH PHỦ |\nSố hiệu: | 27/NQ-CP |\n---|---|\nNgười ký: | Phạm Ngọc Thưởng |\n"
    "Ngày ban hành: | 02/07/2010 |\n",
])
def test_signer_field_in_a_web_table_names_the_signer(fields):
    m = meta_of("ỦY BAN NHÂN DÂN TỈNH LẠNG SƠN\nSố: 52/2018/QĐ-UBND\nLạng Sơn, ngày 05 tháng 9 năm 2018\n"
                "QUYẾT ĐỊNH\nBan hành Quy định một số nội dung về lập dự toán ngân sách\n" + fields)
    assert m.signer.name == "Phạm Ngọc Thưởng"


def test_signature_marked_signed_between_position_and_name():
    """HĐND tỉnh Thanh Hóa's resolution (1995) as vbpl.vn prints it: no "Nơi nhận:", no capacity,
    "Chủ tịch" / "(Đã ký)" / the name, then the site's "Tải file đính kèm"."""
    m = meta_of("HĐND TỈNH THANH HÓA\nSố: Không số\nCỘNG HOÀ XÃ HỘI CHỦ NGHĨA VIỆT NAM\n"
                "Thanh Hóa, ngày 20 tháng 7 năm 1995\n\nNGHỊ QUYẾT\n\nVề việc chuyển đổi xã Quảng Tường thành phường "
                "Trung Sơn,\n\nthuộc thị xã Sầm Sơn\n\n__________\n\nQUYẾT NGHỊ:\n\n1 - Tán thành việc đổi tên xã.\n\n"
                "Nghị quyết này đã được thông qua ngày 20/07/1995./.\n\nChủ tịch\n\n(Đã ký)\n\n \n\n"
                "Trịnh Trọng Quyền\n\nTải file đính kèm\n")
    assert (m.signer.position, m.signer.name) == ("Chủ tịch", "Trịnh Trọng Quyền")
    assert m.title == "Về việc chuyển đổi xã Quảng Tường thành phường Trung Sơn, thuộc thị xã Sầm Sơn"
    assert m.number is None


def test_report_title_not_joined_with_the_first_paragraph():
    """Huyện Bắc Hà's 6-month report (2012): the text export joins the title's last line to the
    first paragraph ("… cuối năm 2012" / "Năm 2012 là năm thứ 2 …") across the blank lines."""
    m = meta_of("UỶ BAN NHÂN DÂN\n\nHUYỆN BẮC HÀ\n\nCỘNG HOÀ XÃ HỘI CHỦ NGHĨA VIỆT NAM\n\n"
                "         Số:    198  /BC-UBND\n\n     Bắc Hà, ngày  29  tháng 6 năm 2012\n\nBÁO CÁO\n\n"
                "Kết quả thực hiện các chỉ tiêu phát triển Kinh tế- Xã hội 6 tháng đầu năm;\n\n"
                "Phương hướng nhiệm vụ  6 tháng  cuối năm 2012\n\n\nNăm 2012 là năm thứ 2 thực hiện Nghị quyết Đại "
                "hội Đảng bộ các cấp (nhiệm kỳ 2010-2015), Trong bối cảnh tình hình kinh tế còn khó khăn.\n")
    assert m.title == ("Kết quả thực hiện các chỉ tiêu phát triển Kinh tế- Xã hội 6 tháng đầu năm; "
                       "Phương hướng nhiệm vụ 6 tháng cuối năm 2012")
    assert (m.period.year, m.period.kind) == (2012, "H1")


def test_caps_title_without_type_line_stops_at_the_authority():
    """Nghị định 21/1999/NĐ-CP as a law site flattens it: no type line, the caps title under the
    number row, then "CHÍNH PHỦ" (the authority) — not the title's last words."""
    m = meta_of("CHÍNH PHỦ | CỘNG HOÀ XÃ HỘI CHỦ NGHĨA VIỆT NAM |\nSố: 21/1999/NĐ-CP | Hà Nội, ngày 14 tháng 04 năm "
                "1999 |\nVỀ VIỆC THÀNH LẬP THÀNH PHỐ CÀ MAU THUỘC TỈNH CÀ MAU\nCHÍNH PHỦ\n"
                "Căn cứ Luật tổ chức Chính phủ ngày 30 tháng 9 năm 1992;\n")
    assert m.title == "VỀ VIỆC THÀNH LẬP THÀNH PHỐ CÀ MAU THUỘC TỈNH CÀ MAU"
    assert m.type == "Nghị định"


def test_wrapped_caps_title_ending_in_figures_joined_to_the_body():
    """Hà Nội's Kế hoạch 168/KH-UBND (2020): the caps title wraps before its years ("… GIAI ĐOẠN" /
    "2020 - 2025”"), and the export joins the body's first words to that last line."""
    m = meta_of("ỦY\nBAN NHÂN DÂN\nTHÀNH PHỐ HÀ NỘI\n-------\n|\nSố: 168/KH-UBND\n|\nHà\nNội, ngày 18 tháng 8 năm "
                "2020\n|\nKẾ HOẠCH\nTHỰC HIỆN ĐỀ ÁN “XÂY DỰNG VĂN HÓA ỨNG XỬ TRONG TRƯỜNG HỌC GIAI ĐOẠN\n2020 - 2025”\n"
                "Thực hiện Quyết định số 1299/QĐ-TTg\nngày 03/10/2018 của Thủ tướng Chính phủ về việc phê duyệt Đề án.\n")
    assert m.title == 'THỰC HIỆN ĐỀ ÁN "XÂY DỰNG VĂN HÓA ỨNG XỬ TRONG TRƯỜNG HỌC GIAI ĐOẠN 2020 - 2025"'


def test_national_body_wrapped_word_by_word_is_the_issuer_not_a_body_the_text_names():
    """Nghị quyết 27/NQ-CP (2010) as a mobile law site prints it: "CHÍNH" / "PHỦ |". The header's
    agency is the issuer; the province its Điều 3 names ("Chủ tịch Ủy ban nhân dân tỉnh Tuyên
    Quang") is not."""
    m = meta_of("CHÍNH\nPHỦ |\nCỘNG\nHÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM |\nSố: 27/NQ-CP |\nHà Nội, ngày 02 tháng 07 năm "
                "2010 |\nNGHỊ QUYẾT\nVỀ VIỆC THÀNH LẬP THÀNH PHỐ TUYÊN QUANG THUỘC TỈNH TUYÊN QUANG\nCHÍNH PHỦ\n"
                "Căn cứ Luật Tổ chức Chính phủ\nngày 25 tháng 12 năm 2001;\nQUYẾT NGHỊ:\nĐiều 3. Bộ trưởng Bộ Nội vụ, "
                "Chủ tịch Ủy ban nhân dân tỉnh Tuyên Quang chịu trách nhiệm thi hành Nghị quyết này./.\n")
    assert m.issuer.name == "Chính phủ"
    assert (m.issuer.level, m.issuer.unit, m.issuer.province) == (None, None, None)


def test_form_header_with_a_blank_commune_keeps_its_level():
    """A Bình Thuận form (Phụ lục 5, 2014): "ỦY BAN NHÂN DÂN" / "XÃ ........................" with
    blank lines between; the level is known, the unit left blank."""
    m = meta_of("PHỤ LỤC 5\n\nSố 5-1\n\nỦY BAN NHÂN DÂN\n\nXÃ ........................\n\n"
                "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\n\nĐộc lập - Tự do - Hạnh phúc\n\nSố: /BB-UBND\n\n"
                "................, ngày ..... tháng ..... năm ......\n\nBIÊN BẢN\n\n"
                "Họp đề nghị xét công nhận xã ........... đạt chuẩn nông thôn mới năm 2014\n")
    assert (m.type, m.issuer.level, m.issuer.unit, m.number, m.date) == ("Biên bản", "xã", None, None, None)


@pytest.mark.parametrize("text, title", [
    # dienbien.gov.vn (2018): a heading line of two clauses, no header
    ("Báo cáo tình hình thực hiện Kế hoạch phát triển kinh tế - xã hội, đảm bảo quốc phòng an ninh năm 2018; "
     "Kế hoạch phát triển kinh tế - xã hội, đảm bảo quốc phòng an ninh năm 2019, tỉnh Điện Biên.\n\nPHẦN THỨ NHẤT\n\n"
     "TÌNH HÌNH THỰC HIỆN KẾ HOẠCH PHÁT TRIỂN\n\nNăm 2018, là năm thứ 3 thực hiện nghị quyết Đại hội Đảng bộ tỉnh.\n",
     "tình hình thực hiện Kế hoạch phát triển kinh tế - xã hội, đảm bảo quốc phòng an ninh năm 2018; Kế hoạch phát "
     "triển kinh tế - xã hội, đảm bảo quốc phòng an ninh năm 2019, tỉnh Điện Biên"),
    # duytien.hanam.gov.vn: the heading printed twice among the page's chrome, all joined by the export
    ("Skip Ribbon Commands\nSkip to main content\n\nBáo cáo kết quả tổ chức lấy ý kiến cử tri trên địa bàn huyện "
     "về Đề án sắp xếp đơn vị hành chính cấp xã, thành lập các phường và thị xã Duy Tiên\n\nThông tin tuyên truyền, "
     "phổ biến  \nBáo cáo kết quả tổ chức lấy ý kiến cử tri trên địa bàn huyện về Đề án sắp xếp đơn vị hành chính "
     "cấp xã, thành lập các phường và thị xã Duy Tiên\nỦy ban nhân dân huyện Duy Tiên đã phối hợp với Sở Nội vụ.\n",
     "kết quả tổ chức lấy ý kiến cử tri trên địa bàn huyện về Đề án sắp xếp đơn vị hành chính cấp xã, thành lập "
     "các phường và thị xã Duy Tiên"),
])
def test_web_page_report_headline_without_header(text, title):
    m = meta_of(text)
    assert (m.type, m.title, m.number) == ("Báo cáo", title, None)


def test_one_person_two_offices_is_one_position():
    """Văn phòng Chính phủ's Công văn 2617/VPCP-TCCV (2009): "BỘ TRƯỞNG, CHỦ NHIỆM" signs."""
    m = meta_of("VĂN PHÒNG CHÍNH PHỦ\nSố: 2617/VPCP-TCCV\nV/v gửi báo cáo kết quả thống kê thủ tục hành chính\n"
                "Hà Nội, ngày 23 tháng 04 năm 2009\nKính gửi: Các đồng chí Bộ trưởng.\n\n"
                "Nơi nhận: - Như trên;\n- TTgCP (để b/c);\n- Lưu: VT, TCCV (5).\n\nBỘ TRƯỞNG, CHỦ NHIỆM\n"
                "Nguyễn Xuân Phúc\n")
    assert (m.signer.position, m.signer.name) == ("Bộ trưởng, Chủ nhiệm", "Nguyễn Xuân Phúc")
    assert m.recipients == ["Như trên", "TTgCP (để b/c)", "Lưu: VT, TCCV (5)"]


def test_recipient_with_a_hyphenated_abbreviation_keeps_its_space():
    """Lai Châu's Quyết định 20/2015/QĐ-UBND: "Đài PT-TH tỉnh" among the recipients; the split-word
    repair must not read "P" as a word of its own and glue it to "Đài"."""
    m = meta_of("Nơi nhận:\n- Như điều 3;\n- Báo Lai Châu, Đài PT-TH tỉnh, phân xã TTXVN tại Lai Châu, Công báo tỉnh,\n"
                "Cổng thông tin điện tử tỉnh;\n- Lưu: VT, TH.\n|\nTM. ỦY BAN NHÂN\nDÂN\nCHỦ TỊCH\nĐỗ Ngọc An\n|\n")
    assert m.recipients[1] == ("Báo Lai Châu, Đài PT-TH tỉnh, phân xã TTXVN tại Lai Châu, Công báo tỉnh, "
                               "Cổng thông tin điện tử tỉnh")
    assert (m.signer.capacity, m.signer.position, m.signer.name) == ("TM.", "Chủ tịch", "Đỗ Ngọc An")


@pytest.mark.parametrize("type_line", [
    "BÁO CÁO: Kết quả công tác cải cách hành chính quý I năm 2024",
    "BÁO CÁO Kết quả công tác cải cách hành chính quý I năm 2024",
    "BÁO CÁO KẾT QUẢ CÔNG TÁC CẢI CÁCH HÀNH CHÍNH QUÝ I NĂM 2024",
])
def test_type_and_title_on_one_line_without_the_motto(type_line):
    """Probe (no audit document had it): the type's caps name and the title on one line, after a
    colon, in running case, or all in caps, in a header whose motto a copy lost; the title
    never keeps "BÁO CÁO", and the place and date line above stays the header's."""
    m = meta_of("ỦY BAN NHÂN DÂN\nXÃ LÊ HỒNG\nSố: 12/BC-UBND\nLê Hồng, ngày 10 tháng 4 năm 2024\n" + type_line +
                "\nThực hiện Kế hoạch số 5/KH-UBND ngày 10/01/2024 của UBND xã.\n")
    assert m.type == "Báo cáo"
    assert fold(m.title) == "kết quả công tác cải cách hành chính quý i năm 2024"
    assert (m.date, m.place, m.period.kind) == (dt.date(2024, 4, 10), "Lê Hồng", "Q1")


def fold(s: str) -> str:
    return " ".join(s.split()).casefold()


def test_typists_file_path_and_stray_separator_in_the_signature_block():
    """Hậu Giang's Công văn 454/UBND-NCTH (2011) from the province's portal: a space-aligned
    two-column header, the typist's file path under "Lưu" ("d:\\2011\\CV\\…") and a stray ";"
    after the signer's name."""
    m = meta_of("ỦY BAN NHÂN DÂN CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\nTỈNH HẬU GIANG Độc Lập - Tự Do - Hạnh Phúc\n\n\n"
                "Số: 454/UBND-NCTH Vị Thanh, ngày 6 tháng 4 năm 2011\n\nV/v tiếp tục phối hợp tuyên truyền và tham gia "
                "bầu chọn Vịnh Hạ Long là kỳ quan thiên nhiên thế giới\n\nKính gửi:\n\n- Giám đốc Sở Văn hóa, Thể thao và "
                "Du lịch;\n\nỦy ban nhân dân tỉnh nhận được Công văn số 847/UBND-VX1 ngày 22 tháng 3 năm 2011.\n\n"
                "Nơi nhận:\n\n- Như trên;\n\n- TT. HĐND, UBND tỉnh;\n\n- Lưu: VT, NCTH.HH\n\n"
                "d:\\2011\\CV\\SVH\\T4\\Bau cho Vinh Ha Long\n\nKT. CHỦ TỊCH\n\nPHÓ CHỦ TỊCH\n\n \n\n \n\nTrần Thành Lập\n\n;")
    assert (m.number, m.place, m.issuer.unit) == ("454", "Vị Thanh", "Hậu Giang")
    assert m.recipients == ["Như trên", "TT. HĐND, UBND tỉnh", "Lưu: VT, NCTH.HH"]
    assert (m.signer.capacity, m.signer.position, m.signer.name) == ("KT.", "Phó Chủ tịch", "Trần Thành Lập")


@pytest.mark.parametrize("org, name", [
    ("VĂN PHÒNG HĐND VÀ UBND", "Văn phòng HĐND và UBND"),      # acronyms keep their capitals
    ("TRUNG TÂM PVHCC", "Trung tâm PVHCC"),
    ("VP UBND HUYỆN", "Văn phòng UBND huyện"),                # a short kind written out
    ("BQL CÁC KCN", "Ban Quản lý các KCN"),
    ("BAN QUẢN LÝ DỰ ÁN ĐẦU TƯ XÂY DỰNG", "Ban Quản lý dự án đầu tư xây dựng"),  # "QUẢN" is no "quận"
    ("PHÒNG NỘI VỤ", "Phòng Nội vụ"),
])
def test_agency_short_names_under_their_body(org, name):
    """Probes of a department's header (no audit document had these): the agency is the issuer,
    its body the parent, and its level the body's."""
    m = meta_of("UBND HUYỆN THANH MIỆN\n" + org + "\nCỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\nĐộc lập - Tự do - Hạnh phúc\n"
                "Số: 12/BC-VP\nThanh Miện, ngày 10 tháng 4 năm 2024\nBÁO CÁO\nKết quả công tác quý I năm 2024\n"
                "Thực hiện Kế hoạch số 5/KH-UBND ngày 10/01/2024.\n")
    assert (m.issuer.name, m.issuer.parent) == (name, "UBND huyện Thanh Miện")
    assert (m.issuer.level, m.issuer.district) == ("huyện", "Thanh Miện")


def test_a_districts_province_from_the_official_units_when_the_text_never_names_it():
    """Huyện Bắc Hà's 6-month report (2012): "UỶ BAN NHÂN DÂN" / "HUYỆN BẮC HÀ", no "tỉnh Lào Cai"
    anywhere; only one province had a huyện Bắc Hà. A name several provinces had ("huyện Châu
    Thành") gives none."""
    head = "UỶ BAN NHÂN DÂN\n\nHUYỆN {}\n\nSố: 198 /BC-UBND\n\nBắc Hà, ngày 29 tháng 6 năm 2012\n\nBÁO CÁO\n\nKết quả 6 tháng\n"
    m = meta_of(head.format("BẮC HÀ"))
    assert (m.issuer.level, m.issuer.unit, m.issuer.district, m.issuer.province) == ("huyện", "Bắc Hà", "Bắc Hà", "Lào Cai")
    assert meta_of(head.format("CHÂU THÀNH")).issuer.province is None


def test_a_digital_stamp_joined_before_the_signers_name():
    """Probe: a PDF's digital-signature stamp between the position and the name, joined into one
    line by the export ("CHỦ TỊCH Ký bởi: Ủy ban nhân dân xã … Thời gian ký: … +07:00 Nguyễn Văn
    An"): the stamp goes, the name after its time stays; a stamp alone names nobody."""
    base = ("ỦY BAN NHÂN DÂN\nXÃ LÊ HỒNG\nSố: 12/BC-UBND\nLê Hồng, ngày 10 tháng 4 năm 2024\nBÁO CÁO\n"
            "Kết quả công tác quý I năm 2024\nTrên đây là báo cáo.\nNơi nhận:\n- UBND huyện;\n- Lưu: VP.\n"
            "TM. ỦY BAN NHÂN DÂN\nCHỦ TỊCH\nKý bởi: Ủy ban nhân dân xã Lê Hồng\nThời gian ký: 10.04.2024 09:00:00 +07:00\n")
    m = meta_of(base + "Nguyễn Văn An\n")
    assert (m.signer.capacity, m.signer.position, m.signer.name) == ("TM.", "Chủ tịch", "Nguyễn Văn An")
    assert meta_of(base).signer.name is None


def test_an_agency_name_wrapped_by_a_narrow_header_column():
    """Probe (a commune's one-stop centre after the 2025 merger): "TRUNG TÂM PHỤC VỤ" / "HÀNH CHÍNH
    CÔNG" under "UBND XÃ …" is one agency, the issuer, its commune the parent."""
    m = meta_of("UBND XÃ ĐAM RÔNG 1\nTRUNG TÂM PHỤC VỤ\nHÀNH CHÍNH CÔNG\nCỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\n"
                "Độc lập - Tự do - Hạnh phúc\nSố: 12/BC-TTPVHCC\nĐam Rông 1, ngày 10 tháng 10 năm 2025\nBÁO CÁO\n"
                "Kết quả tiếp nhận, giải quyết thủ tục hành chính tháng 9 năm 2025\n"
                "Thực hiện chỉ đạo của UBND tỉnh Lâm Đồng.\n")
    assert (m.issuer.name, m.issuer.parent) == ("Trung tâm Phục vụ hành chính công", "UBND xã Đam Rông 1")
    assert (m.issuer.level, m.issuer.unit, m.issuer.district, m.issuer.province) == ("xã", "Đam Rông 1", None, "Lâm Đồng")
