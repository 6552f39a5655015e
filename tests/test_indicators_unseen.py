"""Wordings and scopes met on real paragraphs the extractor had not seen (audit sets 2 and 4, 2026-11-30):
each case is the real sentence of its kind, with what it states (or that it states nothing)."""
from __future__ import annotations

import pytest

from conftest import REAL, needs_shared
from test_indicators import found, want

STATES = [
    # "đúng và sớm hạn" is "đúng và trước hạn"
    ("Quý III, UBND TP. Nha Trang (tỉnh Khánh Hòa) đã giải quyết gần 1.300 hồ sơ thủ tục hành chính, trong đó, "
     "1.260 hồ sơ đúng và sớm hạn, đạt 98,75%.",
     [("dossiers.resolved", 1300), ("dossiers.on_time", 1260), ("dossiers.on_time_rate", 98.75)]),
    # "đúng hẹn" is "đúng hạn"
    ("Tỷ lệ TTHC đã được phê duyệt quy trình nội bộ đạt 100%; tỷ lệ hồ sơ TTHC do UBND huyện tiếp nhận được giải "
     "quyết đúng hẹn đạt 53% (tăng 10% so với năm 2021).",
     [("dossiers.on_time_rate", 53)]),
    # "Trong cùng kỳ" is the period itself, not another one
    ("Trong cùng kỳ, xã Đường An đã giải quyết được 8.914 hồ sơ, đạt tỷ lệ hoàn thành gần như tuyệt đối.",
     [("dossiers.resolved", 8914)]),
    # an online count after a sentence-opening "Tỷ lệ nộp trực tuyến ấn tượng,"
    ("Tỷ lệ nộp trực tuyến ấn tượng, có tới 7.600 hồ sơ được nộp qua mạng, chiếm 85,10% tổng số hồ sơ.",
     [("dossiers.received_online", 7600), ("dossiers.online_rate", 85.1)]),
    # rejected, passed-on, waiting reports are neither received totals nor resolved ones
    ("Ứng dụng iHanoi cũng đã tiếp nhận 1.859 phản ánh, kiến nghị về thủ tục hành chính. Các cơ quan thành phố "
     "đã xử lý 307 phản ánh, kiến nghị, chiếm 16,5%; chuyển xử lý 130 phản ánh, kiến nghị, chiếm 7%; có 449 phản "
     "ánh, kiến nghị đang chờ tiếp nhận; đã từ chối 968 phản ánh, kiến nghị.",
     [("feedback.received", 1859), ("feedback.resolved", 307)]),
    # "trường hợp phản ánh, kiến nghị" counts reports
    ("Trong năm 2022, Đồng Nai đã tiếp nhận 677 trường hợp phản ánh, kiến nghị của người dân, doanh nghiệp gửi đến "
     "UBND tỉnh trên Cổng dịch vụ công quốc gia.",
     [("feedback.received", 677)]),
    # "cắt giảm (bãi bỏ)" abolishes; "đơn giản hóa" simplifies
    ("Tính đến ngày 22/9/2025, các Bộ, cơ quan ngang Bộ đã chủ động thực hiện cắt giảm (bãi bỏ) 172 TTHC, đơn giản "
     "hóa 718 TTHC; cắt giảm (bãi bỏ) 222 điều kiện kinh doanh.",
     [("tthc.simplified", 718)]),
    # "hiện nay có N TTHC": the stock of procedures; its tiers are parts
    ("Toàn huyện hiện nay có 484 TTHC, trong đó có 323 TTHC cấp huyện và 161 TTHC cấp xã.",
     [("tthc.total", 484)]),
    # "Tỷ lệ hồ sơ trực tuyến tăng từ A lên B": B, the rate named as such
    ("Tỷ lệ hồ sơ trực tuyến tăng từ 18,9% trong tháng 9 lên 21,5% trong tháng 10.",
     [("dossiers.online_rate", 21.5)]),
    # "có X% người dân, tổ chức hài lòng", compared with last year's level
    ("Năm 2020, có 85,48% người dân, tổ chức hài lòng về sự phục vụ của cơ quan hành chính Nhà nước, cao hơn mức "
     "84,45% của năm 2019.",
     [("satisfaction.rate", 85.48)]),
    # a subject-less sentence goes on with the part named before it (a province's communes)
    ("Cụ thể, cấp xã đã tiếp nhận 1.610 hồ sơ, gồm 1.475 hồ sơ trực tuyến và 135 hồ sơ trực tiếp. Trong ngày, đã "
     "giải quyết 484 hồ sơ, trong đó 219 hồ sơ trước hạn.",
     []),
    # "Trong đó, ..." after a part's sentence stays the part's, rate and all
    ("Cấp huyện tiếp nhận 912 hồ sơ, đã giải quyết 823 hồ sơ. Trong đó, trước hạn và đúng hạn 802 hồ sơ, đạt tỷ lệ "
     "97,45%; trễ hạn 21 hồ sơ (13 hồ sơ do lỗi hệ thống), đạt tỷ lệ 2,55%.",
     []),
    # a share "of the total" qualifies the count before it
    ("Tổng số hồ sơ tiếp nhận là 8.930 hồ sơ thủ tục hành chính. Tỷ lệ nộp trực tuyến ấn tượng, có tới 7.600 hồ sơ "
     "được nộp qua mạng, chiếm 85,10% tổng số hồ sơ.",
     [("dossiers.received", 8930), ("dossiers.received_online", 7600), ("dossiers.online_rate", 85.1)]),
    # the dossiers received through level-3/4 services: the online rate
    ("Hồ sơ tiếp nhận qua dịch vụ công trực tuyến mức độ 3, 4 đạt 20,43%.", [("dossiers.online_rate", 20.43)]),
    # "rút ngắn ... thời gian": procedures simplified
    ("Tất cả 49 thủ tục này được rút ngắn từ 30% - 60% thời gian giải quyết.", [("tthc.simplified", 49)]),
    # a channel's own on-time rate is no rate of the body
    ("Trong đó, số hồ sơ tiếp nhận trực tuyến là 105.970 hồ sơ, tỷ lệ hồ sơ trực tuyến được giải quyết đúng hạn đạt 99,7%.",
     [("dossiers.received_online", 105970)]),
    # "theo hạn trả" (the files due) is no timeliness: they are resolved (audit set 3, Sở TN-MT Lâm Đồng)
    ("Cụ thể, toàn bộ đơn vị trong 6 tháng đã tiếp nhận 114.126 hồ sơ; giải quyết được 106.014 hồ sơ theo hạn trả, "
     "trong đó số trả đúng hạn gồm 104.814 hồ sơ, đạt tỷ lệ 98,7%.",
     [("dossiers.received", 114126), ("dossiers.resolved", 106014), ("dossiers.on_time", 104814),
      ("dossiers.on_time_rate", 98.7)]),
    # the postal intake beside a direct one is a part of the direct-and-postal count: no code of its own, no total
    # (audit set 1, Trung tâm PVHCC Bến Tre)
    ("Trong đó có 1,07 ngàn HS kỳ trước chuyển sang, tiếp nhận mới trực tiếp 3,19 ngàn HS, tiếp nhận trực tuyến "
     "1,25 ngàn HS, tiếp nhận qua dịch vụ bưu chính công ích 132 HS.",
     [("dossiers.carried_over", 1070), ("dossiers.received_direct", 3190), ("dossiers.received_online", 1250)]),
    # a list of fields after the noun names no one field: the body's total
    ("Trong kỳ, UBND xã tiếp nhận 300 hồ sơ thuộc lĩnh vực đất đai, xây dựng, hộ tịch.", [("dossiers.received", 300)]),
    # audit set 4 (/work/coord/audit4/)
    # a per-day average is no total of the period; the total is (phường Dĩ An)
    ("Từ ngày 1-7 đến nay, trung tâm đã tiếp nhận hơn 13.569 hồ sơ. Trung bình mỗi ngày, trung tâm tiếp nhận hơn "
     "400 hồ sơ.",
     [("dossiers.received", 13569)]),
    # ... but a routine "mỗi tháng" in another clause of the sentence makes no average
    ("Bộ phận một cửa duy trì họp rút kinh nghiệm mỗi tháng; trong quý đã tiếp nhận 300 hồ sơ.",
     [("dossiers.received", 300)]),
    # a field named after the figure's noun: that field's figure, not the body's (huyện Kiến Xương); the
    # "thủ tục" items of a dossiers breakdown count dossiers, no stock of procedures
    ("10 tháng đầu năm 2020, huyện Kiến Xương đã tiếp nhận và giải quyết trên 9.700 hồ sơ liên quan đến lĩnh vực "
     "đất đai, trong đó gần 7.000 thủ tục hành chính thuộc phạm vi thẩm quyền giải quyết của UBND cấp huyện và trên "
     "2.700 thủ tục thuộc phạm vi thẩm quyền giải quyết của UBND cấp xã.",
     [("dossiers.received", 9700, {"field": "Đất đai"}), ("dossiers.resolved", 9700, {"field": "Đất đai"})]),
]


@pytest.mark.parametrize("body,expected", STATES, ids=[c[0][:40] for c in STATES])
def test_unseen_wordings(body, expected):
    assert found(body) == want(*expected)


NOTHING = [
    # incoming documents sent electronically: no outgoing rate
    "Còn tỷ lệ văn bản đến trên mạng điện tử cũng chiếm tỷ lệ 28% so với tổng số văn bản gửi đến giữa các cơ quan, "
    "đơn vị nội bộ của trung ương, tỉnh và thành phố.",
    # online payments are no dossiers received
    "Toàn thành phố có 50 hồ sơ thanh toán trực tuyến với tổng số tiền gần 2,6 triệu đồng.",
    # procedures abolished are no total
    "Tại quyết định này, UBND tỉnh cũng bãi bỏ 32 TTHC lĩnh vực hộ tịch thuộc thẩm quyền giải quyết của UBND cấp "
    "huyện và UBND cấp xã theo Quyết định số 4054-QĐ/UBND ngày 28/12/2018 của Chủ tịch UBND tỉnh.",
    # a quota of public-service units, an unused quota, an excess: no civil-service quota
    "UBND TP cũng cho biết, về sử dụng biên chế sự nghiệp tại các cơ quan, tổ chức hành chính Nhà nước; trong đó số "
    "biên chế sự nghiệp bố trí tại các cơ quan, tổ chức hành chính Nhà nước tại thời điểm ngày 31/10/2020 là 295 biên chế.",
    "Cũng theo Sở Nội vụ, số biên chế các cơ quan hành chính sự nghiệp chưa sử dụng trong năm 2009 gần 16.800 người (tỉ lệ 14%).",
    "Theo báo cáo, 10 địa phương trong cả nước đã giao vượt 5.069 biên chế công chức.",
    # staff taking part in a meeting, or moved between tiers, are no staff count (real/06, a province's 2025 report)
    "Tổ chức Hội nghị tuyên truyền CCHC và triển khai đánh giá, chấm điểm chỉ số CCHC năm 2025 đối với các sở, ngành, "
    "địa phương trên địa bàn tỉnh với số lượng gần 300 công chức tham gia.",
    "Đã thực hiện tuyển dụng 77 viên chức; biệt phái, tăng cường 260 công chức, viên chức, người lao động cấp tỉnh về "
    "cấp xã; điều động 29 công chức cấp tỉnh về cấp xã.",
    # the dossiers of two interlinked services are no online total (real/09)
    "Đối với 02 dịch vụ công liên thông khai sinh - khai tử: Trong tháng, toàn tỉnh phát sinh 3.090 hồ sơ.",
    # a rate of tasks done on time is no dossiers' rate (real/06)
    "Tổng số nhiệm vụ được giao là 123, đã hoàn thành đúng hạn 123/123 nhiệm vụ (đạt 100%).",
    # a proposal to cut procedures' time is no procedure simplified (real/06)
    "Số lượng TTHC đề xuất cắt giảm thời gian giải quyết so với quy định là 24 TTHC.",
    # the online dossiers are the denominator, not the measure (real/13)
    "Tỷ lệ hồ sơ phi địa giới TTHC so với hồ sơ nộp trực tuyến chiếm 10%.",
    # a proposal to allocate posts is no quota
    "TP đề xuất Chính phủ, Bộ Nội vụ ghi nhận, giao bổ sung số lượng biên chế hành chính năm 2021 cho TP là 10.735 "
    "công chức và giao số lượng người làm việc và lao động hợp đồng theo Nghị định 68, Nghị định 161 cho TP là 109.689 người.",
    # the rate some departments reached is theirs
    "Kết quả đo lường năm 2022 còn có 4 sở có kết quả dưới 90% hài lòng.",
    # audit set 4 (/work/coord/audit4/)
    # a digitisation ratio counts digitised files, not the intake (xã Quảng Yên)
    "Trung tâm Phục vụ hành chính công (PVHCC) xã Quảng Yên có tỷ lệ số hóa thành phần hồ sơ khi tiếp nhận là "
    "1.939/1.940 hồ sơ, đạt 99,95%; số hóa kết quả giải quyết TTHC là 1.904/1.904, đạt 100%.",
    # slips of PAKN answers are no survey forms (Tổng đài 1022 Đồng Tháp)
    "Kết quả xử lý ghi nhận, có 419/419 phiếu trả lời ý kiến, giải quyết phản ánh, kiến nghị (không tính 11 phiếu "
    "đang giải quyết) được tổ chức, cá nhân đánh giá hài lòng về kết quả giải quyết hoặc thông tin phản hồi là hữu "
    "ích, 12 phiếu người phản ảnh không phản hồi về thông tin được cung cấp.",
]


@pytest.mark.parametrize("body", NOTHING, ids=[b[:40] for b in NOTHING])
def test_unseen_sentences_state_nothing_of_the_body(body):
    assert found(body) == set()


def test_a_subject_less_sentence_goes_on_with_the_text_not_with_its_heading(tmp_path):
    """A news heading naming "cấp huyện" joined to the text by the repair is not the sentence the
    subject-less "Trong số hồ sơ trên, đã giải quyết ..." goes on with."""
    from report_parser.pipeline import build_context

    from test_indicators import found_in

    f = tmp_path / "p.txt"
    f.write_text("Lượng hồ sơ quá hạn cấp huyện, thành còn nhiều\nNhư trong tháng 10 vừa qua, Trung tâm Phục vụ Hành "
                 "chính công của tỉnh đã tiếp nhận tổng cộng 19.361 hồ sơ. Trong số hồ sơ trên, đã giải quyết 15.641 "
                 "hồ sơ.\n", encoding="utf-8")
    assert found_in(build_context(f)) == want(("dossiers.received", 19361), ("dossiers.resolved", 15641))


COORDINATED = [
    # "A <its words> và B <its words>": the words between are A's; a count spelled out is a count
    ("Trong đó, 223 hồ sơ được giải quyết trước hạn, chiếm gần 50%; 259 hồ sơ đúng hạn và chỉ tám hồ sơ quá hạn.",
     [("dossiers.early", 223), ("dossiers.early_rate", 50), ("dossiers.on_time_exact", 259), ("dossiers.late", 8)]),
    ("UBND huyện Đạ Huoai cho biết, đến nay đã triển khai tiếp nhận hồ sơ và trả kết quả trực tuyến ở mức độ 4 là 18 "
     "thủ tục hành chính (TTHC); 47 TTHC giải quyết ở mức độ 3 và 258 TTHC giải quyết ở mức độ 2.",
     [("dvc.level4", 18), ("dvc.level3", 47)]),
]


@pytest.mark.parametrize("body,expected", COORDINATED, ids=[c[0][:40] for c in COORDINATED])
def test_coordinated_figures_keep_their_own_words(body, expected):
    assert found(body) == want(*expected)


def test_spelled_out_counts_before_a_unit_noun_only():
    from report_parser.extract.numbers import find_quantities

    qs = find_quantities("đã giải quyết sáu hồ sơ; hai bộ ngành, ba cấp chính quyền, trong năm hồ sơ")
    assert [(q.value, q.unit) for q in qs] == [(6, "hồ sơ")]


SCOPED = [
    # a tier named right after the figure's noun is a part ("788 dịch vụ công cấp tỉnh, 1.068 ... cấp huyện")
    ("Về dịch vụ công trực tuyến mức độ 3, đến nay, toàn tỉnh đã đưa vào vận hành 788 dịch vụ công cấp tỉnh, 1.068 "
     "dịch vụ công cấp huyện, 41 dịch vụ công cho mỗi đơn vị cấp xã trên Cổng dịch vụ công trực tuyến tỉnh.", None, []),
    # ... but not a phrase further on ("... 3.126 biên chế công chức cho 18 huyện, thị xã")
    ("Năm 2022, UBND tỉnh tạm giao 29.755 biên chế viên chức và 3.126 biên chế công chức cho 18 huyện, thị xã, "
     "thành phố, các cơ quan chuyên môn và đơn vị trực thuộc tỉnh.", None, [("staff.quota", 3126)]),
    # "công chức cấp xã" after the number is a kind of staff, no tier
    ("Toàn tỉnh hiện có 1.346 công chức cấp xã, đạt tỷ lệ 96,3% số vị trí biên chế công chức được giao.", None,
     [("staff.civil_servants", 1346)]),
    # "cơ quan, đơn vị cấp tỉnh" are the departments: the body's own for a paragraph alone, a part of a province
    ("Có 15 cơ quan, đơn vị cấp tỉnh phát sinh hồ sơ trực tuyến với tổng số 2.147 hồ sơ, trong đó có 85 hồ sơ nộp "
     "mức độ 3 và 2.062 hồ sơ nộp mức độ 4.", None, [("dossiers.received_online", 2147)]),
    ("Có 15 cơ quan, đơn vị cấp tỉnh phát sinh hồ sơ trực tuyến với tổng số 2.147 hồ sơ.", "tỉnh",
     [("dossiers.received_online", 2147, {"scope": "15 cơ quan, đơn vị cấp tỉnh"})]),
    # the civil-service item of a quota's breakdown is the civil-service quota (its changes are no quota)
    ("Theo đó, tổng biên chế năm 2018 là 31.564 người (giảm 346 người so với năm 2016), trong đó, công chức là "
     "2.929 người (giảm 41 người), viên chức 27.114 người (giảm 269 người).", None, [("staff.quota", 2929)]),
    # "tổng số cán bộ, công chức ... có N người": the staff in post
    ("Hiện nay, tổng số cán bộ, công chức cấp xã có hơn 3.500 người.", None, [("staff.present", 3500)]),
    # a counted group of services is a part; the police a sectoral agency (real/09, a province's report)
    ("- Đối với 11 dịch vụ công thiết yếu của ngành Công an: tiếp nhận, giải quyết 61.660 hồ sơ trực tuyến.", "tỉnh",
     [("dossiers.received_online", 61660, {"scope": "11 dịch vụ công"})]),
    ("Từ ngày 01/3/2025 đến nay, Công an tỉnh trực tiếp tiếp nhận 13.460 hồ sơ cấp phiếu lý lịch tư pháp.", "tỉnh", []),
]


@pytest.mark.parametrize("body,level,expected", SCOPED, ids=[c[0][:40] for c in SCOPED])
def test_unseen_scopes(body, level, expected):
    assert found(body, level) == want(*expected)


def test_a_figure_in_a_schemes_name_is_no_result():
    """real/01 (Vĩnh Long, đào tạo bồi dưỡng 2021-2025): "Đề án đào tạo 50 cán bộ" names another province's
    scheme; the report's own trainees stay."""
    name = ("Đề án đào tạo 50 cán bộ khoa học, kỹ thuật ở nước ngoài có trình độ sau đại học của tỉnh Bến Tre giai "
            "đoạn 2009 - 2015, gọi tắt là Đề án Bến Tre - 50.")
    assert found(name, "tỉnh") == set()
    own = "Trong giai đoạn 2021-2025, đã cử đi đào tạo 5.664 cán bộ, công chức, viên chức."
    assert ("staff.trained", (), 5664.0) in found(own, "tỉnh")


def test_court_case_files_and_an_apps_column_are_no_dossiers_nor_radio():
    """real/09 (Đề án 06, tháng 8/2025): divorce case files put on the court's software are no TTHC dossiers;
    posts in the "Loa phường" column of the VNeID app are no loudspeaker items."""
    court = ("a) Cao điểm 90 ngày đêm làm sạch dữ liệu hôn nhân: đã hoàn thành rà soát hồ sơ án ly hôn từ năm 2010 "
             "đến nay, đã cập nhật 91.103 hồ sơ lên phần mềm sohoa.toaan.gov.vn (đạt tỷ lệ 100%).")
    app = ('b) Tiếp tục triển khai "Loa phường" trên ứng dụng VNeID để cung cấp các thông tin mới (đã đăng tải 162 '
           'bài viết trên chuyên mục "Loa phường").')
    assert found(court, "tỉnh") == set()
    assert found(app, "tỉnh") == set()
    assert found("Đã cập nhật, đồng bộ 1.200 hồ sơ lên Cổng dịch vụ công quốc gia.", "xã") == want(
        ("dossiers.synced", 1200))
    assert found("Đài truyền thanh xã đã phát 120 tin bài tuyên truyền về CCHC.", "xã") == want(
        ("propaganda.radio_items", 120))


def test_a_bulletins_paragraph_on_another_period_gives_no_indicators(tmp_path):
    """A monthly bulletin (Vĩnh Phúc, tháng 9 và quý III/2021) goes on with the quarter's figures in a paragraph
    of their own: the report's period is the month, the quarter's paragraph is another period's (all its sentences)."""
    from report_parser import parse

    p = tmp_path / "bulletin.txt"
    p.write_text(
        "Kết quả giải quyết TTHC tại Trung tâm Phục vụ hành chính công cấp tỉnh, huyện, xã tháng 9 và quý III/2021\n\n"
        "29/09/2021\n\n"
        "Trung tâm Phục vụ hành chính công tỉnh vừa ban hành báo cáo về kết quả tiếp nhận hồ sơ, giải quyết và trả kết "
        "quả thủ tục hành chính cấp tỉnh, huyện, xã tháng 09/2021 và quý III năm 2021.\n\n"
        "Tháng 9/2021, Trung tâm Phục vụ hành chính công tỉnh đã tiếp nhận mới 4.131 hồ sơ, hồ sơ tồn kỳ trước chuyển "
        "sang là 2.171. Đã có kết quả trả trước và đúng hạn là 4.157 hồ sơ (đạt 99,71%).\n\n"
        "Quý III/2021, Trung tâm Phục vụ hành chính công tỉnh tiếp nhận mới 14.043 hồ sơ, hồ sơ tồn kỳ trước chuyển "
        "sang là 2.191. Đã có kết quả trả trước và đúng hạn là 14.064 hồ sơ (đạt 99,74%).\n", encoding="utf-8")
    got = {(i.code, float(i.value)) for i in parse(p, require_report=False).indicators if not i.dimension}
    assert got == {("dossiers.received_in_period", 4131), ("dossiers.carried_over", 2171),
                   ("dossiers.on_time", 4157), ("dossiers.on_time_rate", 99.71)}


def test_a_period_written_as_the_reports_own_span_is_no_other_period():
    """"Từ ngày 10/12/2021 đến ngày 09/6/2022, HĐND và UBND xã đã ban hành 255 văn bản" in the report of the first
    half of 2022 (its bounds by the convention) is the report's own period; a quarter in a month's report is not,
    nor a month in a nine months' text; a year holding the report's quarter is its own."""
    import datetime as dt

    from report_parser.extract.scope import opening_period
    from report_parser.models import Period

    h1 = Period(start=dt.date(2021, 12, 10), end=dt.date(2022, 6, 9), label="6 tháng đầu năm 2022", year=2022,
                kind="H1")
    assert opening_period("Từ ngày 10/12/2021 đến ngày 09/6/2022, HĐND và UBND xã đã ban hành 255 văn bản "
                          "các loại.", h1, h1.end) == "own"
    sept = Period(start=dt.date(2021, 9, 1), end=dt.date(2021, 9, 30), label="tháng 09/2021", year=2021, kind="other")
    assert opening_period("Quý III/2021, Trung tâm Phục vụ hành chính công tỉnh tiếp nhận mới 14.043 hồ sơ.",
                          sept, sept.end) == "other"
    assert opening_period("Tháng 9/2021, Trung tâm Phục vụ hành chính công tỉnh đã tiếp nhận mới 4.131 hồ sơ.",
                          sept, sept.end) == "own"
    nine = Period(start=dt.date(2024, 1, 1), end=dt.date(2024, 9, 30), label="9 tháng", year=2024, kind="9M")
    assert opening_period("Từ ngày 1/9 đến 30/9/2024, Tổng đài 1022 tiếp nhận 1.382 lượt thông tin, phản ánh "
                          "kiến nghị của công dân, doanh nghiệp.", nine, nine.end) == "sub"
    q1 = Period(start=dt.date(2024, 12, 15), end=dt.date(2025, 3, 14), label="quý I năm 2025", year=2025, kind="Q1")
    assert opening_period("Năm 2025, UBND xã đã ban hành kế hoạch CCHC với 30 nhiệm vụ.", q1, q1.end) == "own"


def test_a_flattened_statistics_row_states_no_indicator(tmp_path):
    """A statistics page (dịch vụ công Thừa Thiên Huế) flattened into text: its row's cells run together and the
    next row's label follows the last cell ("27,8% Tỷ lệ đánh giá mức độ hài lòng"): no satisfaction rate, nor
    any measure of a cell whose column is unknown; a score sheet's row (real/18) likewise."""
    from report_parser import parse

    p = tmp_path / "thongke.txt"
    p.write_text("Tỷ lệ cung cấp dịch vụ công trực tuyến\nMức độ 1 Mức độ 2 Mức độ 3 Mức độ 4\n"
                 "TTHC % TTHC % TTHC % TTHC %\n"
                 "Tỷ lệ TTHC cung cấp trực tuyến 2643 100% 2643 100% 1856 70,2% 736 27,8%\n"
                 "Tỷ lệ đánh giá mức độ hài lòng\n\nTiêu chí 1: Đánh giá tổng thể dịch vụ\n", encoding="utf-8")
    assert parse(p, require_report=False).indicators == []
    row = "297 Mức độ hài lòng Tỷ lệ hài lòng trong xử lý phản ánh, kiến nghị 100 6 464 Mức độ hài lòng"
    assert found(row) == set()


def test_a_figure_in_a_pilots_section_is_the_pilots(tmp_path):
    """real/13 (Sở Nội vụ Lâm Đồng, the pilots of QĐ 787): "Tỷ lệ hồ sơ nộp trực tuyến đạt 88%." stands with no
    marker of its own in the section "5. Mô hình "Hồ sơ phi địa giới hành chính" …": the pilot's rate, a part."""
    from report_parser.extract.scope import section_part

    title = ('Mô hình "Hồ sơ phi địa giới hành chính" đối với các TTHC thuộc thẩm quyền giải quyết của Sở Nội vụ')
    part = section_part(["KẾT QUẢ THỰC HIỆN", title], 3)
    assert part is not None and part.verdict == "part" and part.name == "Mô hình"
    assert section_part(["5. " + title], 3) == part
    assert section_part(["KẾT QUẢ THỰC HIỆN", "Mức độ hài lòng của người dân"], 3) is None


@needs_shared
def test_the_pilots_rate_in_real13_is_a_part():
    from report_parser import parse

    got = parse(REAL / "13_tinh_LamDong_MoHinhThiDiemCCHC-QD787_2025.pdf", require_report=False).indicators
    rates = [i for i in got if i.code == "dossiers.online_rate" and i.value == 88]
    assert rates and all(i.dimension.get("scope") == "Mô hình" for i in rates)


def test_a_month_inside_a_quarters_report_keeps_its_stocks_not_its_flows(tmp_path):
    """Under the opening of a commune's first-quarter report (xã Đưng K'Nớ, Q1/2025), a sentence opening on one of
    its months: the plan's tasks stated there are the report's (a stock), the month's intake is no total of the
    quarter (a flow of a part of the period); the quarter's own intake is."""
    import datetime as dt

    from report_parser import parse
    from report_parser.extract.scope import opening_period
    from report_parser.models import Period

    q1 = Period(start=dt.date(2024, 12, 15), end=dt.date(2025, 3, 14), label="Quý I năm 2025", year=2025, kind="Q1")
    assert opening_period("Tháng 01/2025, Ủy ban nhân dân xã ban hành Kế hoạch.", q1, q1.end) == "sub"
    assert opening_period("Năm 2024, Ủy ban nhân dân xã tiếp nhận 400 hồ sơ.", q1, q1.end) == "other"
    p = tmp_path / "q1.txt"
    p.write_text("ỦY BAN NHÂN DÂN\nXÃ ĐƯNG K'NỚ\n\nSố: 31  /BC-UBND\n\nCỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\n"
                 "Độc lập - Tự do - Hạnh phúc\n\nĐưng K'Nớ, ngày 07 tháng 3 năm 2025\n\nBÁO CÁO\n"
                 "Kết quả công tác cải cách hành chính Quý I năm 2025\n\n"
                 "Thực hiện Kế hoạch số 11/KH-UBND ngày 21/01/2025 của Ủy ban nhân dân xã Đưng K'Nớ về việc thực hiện "
                 "công tác cải cách hành chính năm 2024. Ủy ban nhân dân xã báo cáo kết quả thực hiện công tác cải cách "
                 "hành chính Quý I năm 2025, cụ thể như sau:\n\nI. CÔNG TÁC CHỈ ĐẠO, ĐIỀU HÀNH CCHC\n\n"
                 "Tháng 01/2025, Ủy ban nhân dân xã ban hành Kế hoạch cải cách hành chính năm 2025 với 25 nhiệm vụ. "
                 "Bộ phận Một cửa đã tiếp nhận 40 hồ sơ.\n\nTrong quý I, Bộ phận Một cửa đã tiếp nhận 120 hồ sơ.\n",
                 encoding="utf-8")
    got = {(i.code, float(i.value)) for i in parse(p).indicators if not i.dimension}
    assert got == {("plan.tasks_total", 25), ("dossiers.received", 120)}
