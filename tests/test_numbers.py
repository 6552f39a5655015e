"""Vietnamese numbers: every trap of the figures issue, one case each."""
from __future__ import annotations

import pytest

from report_parser.extract.numbers import find_quantities, parse_money, parse_number, to_million

PARSE_CASES = [
    ("1.224", 1224),
    ("1224", 1224),
    ("99,9", 99.9),
    ("01", 1),
    ("00", 0),
    ("0", 0),
    ("84,4%", 84.4),
    ("100%", 100),
    ("100 %", 100),
    ("0,1", 0.1),
    ("0,1%", 0.1),
    ("1.224.500", 1224500),
    ("1.224,5", 1224.5),
    ("1,224,500", 1224500),
    ("1,224.5", 1224.5),
    ("1 224", 1224),
    ("3.5", 3.5),
    ("12.5%", 12.5),
    ("02", 2),
    (" 20 ", 20),
    ("(85%)", 85),
    ("99,90", 99.9),
    ("-5", -5),
    ("+5", 5),
    ("10.000", 10000),
    ("50 phần trăm", 50),
    ("", None),
    ("-", None),
    ("x", None),
    ("Có = 1", None),
    ("1.2.3", None),
    ("1 2", None),
    ("3.3.1.", None),
    ("Văn bản 0", None),
    (None, None),
]


@pytest.mark.parametrize("raw,want", PARSE_CASES)
def test_parse_number(raw, want):
    got = parse_number(raw)
    assert got == want
    if want is not None:
        assert isinstance(got, type(want))


def one(text):
    qs = find_quantities(text)
    assert len(qs) == 1, [q.text for q in qs]
    return qs[0]


FIND_CASES = [
    # text, value, unit, kind, qualifier, whole
    ("đã tiếp nhận 1224 hồ sơ.", 1224, "hồ sơ", "count", None, None),
    ("đã tiếp nhận 1.224 hồ sơ.", 1224, "hồ sơ", "count", None, None),
    ("có 01 hồ sơ trễ hạn", 1, "hồ sơ", "count", None, None),
    ("Tỷ lệ hài lòng đạt 99,9%.", 99.9, "%", "percent", None, None),
    ("tỷ lệ 84,4 %", 84.4, "%", "percent", None, None),
    ("đã hoàn thành 24/28 nhiệm vụ", 24, "nhiệm vụ", "ratio", None, 28),
    ("hoàn thành 03/03 nhiệm vụ", 3, "nhiệm vụ", "ratio", None, 3),
    ("có 143/143 TTHC", 143, "thủ tục", "ratio", None, 143),
    ("cán bộ đạt chuẩn có 8/10 người", 8, "người", "ratio", None, 10),
    ("Kế hoạch vốn 10 tỷ đồng", 10000, "triệu đồng", "money", None, None),
    ("giải ngân 2,1 tỷ đồng", 2100, "triệu đồng", "money", None, None),
    ("dự toán 5.236 triệu đồng", 5236, "triệu đồng", "money", None, None),
    ("hỗ trợ 50.000.000 đồng", 50, "triệu đồng", "money", None, None),
    ("hỗ trợ 50.000.000đ", 50, "triệu đồng", "money", None, None),
    ("mức thu 500 nghìn đồng", 0.5, "triệu đồng", "money", None, None),
    ("vốn 1,5 tỷ", 1500, "triệu đồng", "money", None, None),
    ("đạt trên 80%", 80, "%", "percent", ">", None),
    ("hơn 200 lượt người", 200, "lượt người", "count", ">", None),
    ("dưới 5%", 5, "%", "percent", "<", None),
    ("gần 90% hồ sơ", 90, "%", "percent", "≈", None),
    ("khoảng 1.500 hồ sơ", 1500, "hồ sơ", "count", "≈", None),
    ("đạt 85%", 85, "%", "percent", None, None),
    ("tổng số cán bộ được giao là 20,", 20, None, "count", None, None),
    ("Tổng số 224 hồ sơ", 224, "hồ sơ", "count", None, None),
    ("UBND thực hiện chữ ký số 100%", 100, "%", "percent", None, None),
    ("đã phát 06 tin bài", 6, "tin bài", "count", None, None),
    ("đăng 12 tin, bài", 12, "tin bài", "count", None, None),
    ("ban hành 255 văn bản các loại", 255, "văn bản", "count", None, None),
    ("02 cán bộ hợp đồng", 2, "người", "count", None, None),
    ("5 PAKN", 5, "PAKN", "count", None, None),
    ("phát 1.224 phiếu khảo sát", 1224, "phiếu", "count", None, None),
    ("có 2022 hồ sơ", 2022, "hồ sơ", "count", None, None),
    ("chậm nhất là 20 (hai mươi) ngày làm việc", 20, "ngày", "count", None, None),
    ("có gần 99.027 lượt cán bộ", 99027, "lượt người", "count", "≈", None),
]


@pytest.mark.parametrize("text,value,unit,kind,qualifier,whole", FIND_CASES)
def test_find_quantities(text, value, unit, kind, qualifier, whole):
    q = one(text)
    assert (q.value, q.unit, q.kind, q.qualifier, q.whole) == (value, unit, kind, qualifier, whole)
    assert text[q.start:q.end] == q.text
    assert q.start <= q.num_start < q.num_end <= q.end


NOT_QUANTITIES = [
    "ngày 13 tháng 6 năm 2022",
    "Năm 2022, công tác cải cách",
    "giai đoạn 2021-2025",
    "từ ngày 10/12/2021 đến ngày 09/6/2022",
    "tính đến tháng 01/2022",
    "ngày 31/12",
    "ngày 03/03",
    "Kế hoạch số 309/KH-UBND",
    "Nghị định số 130/2005/NĐ-CP",
    "Nghị quyết số 18 và Nghị quyết số 19 Hội nghị Trung ương",
    "lần thứ 6 Khóa XII",
    "3.3.1. Số vấn đề phát hiện",
    "1. Cải cách thể chế",
    "(1) Cải cách thể chế",
    "Tiêu chuẩn TCVN ISO 9001:2015",
    "theo ISO 9001",
    "dịch vụ công trực tuyến mức độ 3,4",
    "dịch vụ công trực tuyến mức độ 3 và 4",
    "mức độ 3, mức độ 4",
    "6 tháng đầu năm",
    "dịch bệnh COVID-19",
    "điện thoại 0220.3866123",
    "theo Điều 5 khoản 2",
    "Biểu mẫu 3",
    "mạng 4G",
    "theo quy định tại các điều 13, 14, 15 và 24 của Nghị định này",
    "như Đề án Bến Tre 50, Đề án Vĩnh Long 100",
    "thời hạn 20 (hai mươi) tháng",
    "# 63_2010_NĐ_CP_ch3_art12_15",
    'tại khoản 1 Điều 37 quy định: "1. Cán bộ',
    "theo Nghị định 68 của Chính phủ",
]


@pytest.mark.parametrize("text", NOT_QUANTITIES)
def test_not_quantities(text):
    assert find_quantities(text) == []


def test_levels_then_counts():
    qs = find_quantities("mức độ 3,4 (trong đó: 70 TTHC mức độ 3, 46 TTHC mức độ 4)")
    assert [(q.value, q.unit) for q in qs] == [(70, "thủ tục"), (46, "thủ tục")]


def test_sentence_of_the_sample():
    qs = find_quantities("có 1220 hồ sơ trả trước hạn đạt 99,9%, 01 hồ sơ trả quá hạn đạt 0,1%, "
                         "03 hồ sơ trả lại do không đủ điều kiện giải quyết.")
    assert [(q.value, q.kind) for q in qs] == [(1220, "count"), (99.9, "percent"), (1, "count"),
                                               (0.1, "percent"), (3, "count")]


def test_parse_money_cell():
    assert parse_money("10 tỷ đồng/0%") == 10000
    assert parse_money("0") is None
    assert to_million(2.1, 1000) == 2100


@pytest.mark.parametrize("text,expected", [
    # phrasebook p088, p132, p133, p139: thousands and millions of dossiers written with a scale word
    ("tỉnh tiếp nhận gần 37 ngàn hồ sơ; trong đó, hồ sơ trực tuyến gần 27 ngàn",
     [(37000, "hồ sơ", "count"), (27000, None, "count")]),
    ("Trung tâm đã tiếp nhận 10,18 ngàn hồ sơ (HS) các loại", [(10180, "hồ sơ", "count")]),
    ("đã giải quyết 8,98 ngàn HS các loại", [(8980, "hồ sơ", "count")]),
    ("đã tiếp nhận hơn 84,5 triệu hồ sơ", [(84500000, "hồ sơ", "count")]),
    ("thu 5 triệu đồng, chi 12 nghìn đồng", [(5, "triệu đồng", "money"), (0.012, "triệu đồng", "money")]),
    # p091: "59.010 bộ" (bộ hồ sơ); p144: "dưới 06 tuổi" is an age
    ("tổng số hồ sơ là 59.010 bộ", [(59010, "hồ sơ", "count")]),
    ("trẻ em dưới 06 tuổi 1.382 phiếu", [(6, "tuổi", "count"), (1382, "phiếu", "count")]),
    # p178: staff positions counted as "chỉ tiêu"; p025: results returned ("trả 4.328 kết quả")
    ("biên chế công chức trong các cơ quan hành chính nhà nước 1.945 chỉ tiêu", [(1945, "người", "count")]),
    ("Trung tâm đã trả 4.328 kết quả giải quyết thủ tục hành chính", [(4328, "hồ sơ", "count")]),
])
def test_scaled_counts_and_nouns(text, expected):
    assert [(q.value, q.unit, q.kind) for q in find_quantities(text)] == expected
