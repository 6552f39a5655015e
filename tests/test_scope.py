"""The scope of a figure: the reporting body's own, a part's (``dimension.scope``), another
body's, another period's, a change. Each case is a real sentence of a report or a news text."""
from __future__ import annotations

import pytest

from report_parser.extract.scope import scope_of

from test_indicators import found, want

PROVINCE_PARTS = (  # real/05, Lâm Đồng's provincial report, quý I 2026
    "Tổng số hồ sơ các sở, ngành đã giải quyết là 125.712 hồ sơ; trong đó: Số hồ sơ giải quyết trước và "
    "đúng hạn là 120.088 (tỷ lệ 95,53%), số hồ sơ giải quyết trễ hạn là 5.624 (tỷ lệ 4,47%).\n"
    "Tổng số hồ sơ cấp xã đã giải quyết là 241.331 hồ sơ; trong đó: Số hồ sơ giải quyết trước và đúng hạn "
    "là 237.412 (tỷ lệ 98,38%), số hồ sơ giải quyết trễ hạn là 3.919 (tỷ lệ 1,62%).")


def test_a_provinces_departments_and_communes_are_parts_kept_with_their_scope():
    got = found(PROVINCE_PARTS, "tỉnh")
    assert ("dossiers.resolved", (("scope", "các sở, ngành"),), 125712.0) in got
    assert ("dossiers.late", (("scope", "các sở, ngành"),), 5624.0) in got
    assert ("dossiers.resolved", (("scope", "cấp xã"),), 241331.0) in got
    assert all(dict(d).get("scope") for _, d, _ in got), "a part's figure given as the province's own"


def test_parts_of_an_unknown_body_are_left_out():
    """A paragraph alone (no issuer): a tier's figures are nobody's known part, so none is kept."""
    assert not any(dict(d).get("scope") for _, d, _ in found(PROVINCE_PARTS))
    assert found("Tổng số hồ sơ cấp xã đã giải quyết là 241.331 hồ sơ.") == set()


def test_tiers_of_a_breakdown_are_parts_and_the_whole_is_the_provinces():
    body = ("Đến nay, tổng số TTHC thuộc phạm vi quản lý trên địa bàn tỉnh Lâm Đồng đã được tỉnh công bố là "
            "2.310 TTHC (trong đó, cấp tỉnh là 1.865 TTHC, cấp xã là 445 TTHC).")
    got = found(body, "tỉnh")
    assert ("tthc.published", (), 2310.0) in got
    assert {v for c, d, v in got if not d} == {2310.0}


def test_all_tiers_together_are_the_body_itself():
    body = "Tỷ lệ TTHC thực hiện việc tiếp nhận, trả kết quả tại Bộ phận Một cửa của cấp tỉnh, cấp xã đạt 100%."
    assert found(body, "tỉnh") == want(("tthc.one_stop_rate", 100))


def test_a_named_department_of_a_province_is_not_the_province():
    """real/05: a department's appraisal of drafts is neither the province's nor an issue of documents."""
    body = "Sở Tư pháp thực hiện thẩm định 11 văn bản QPPL, góp ý 12 dự thảo văn bản QPPL."
    assert found(body, "tỉnh") == set()


def test_the_whole_territory_of_an_unknown_body_is_its_own():
    """Phrasebook p036: a province's news text; "toàn tỉnh" is the body the paragraph is about."""
    body = "Toàn tỉnh hiện có 1.346 công chức cấp xã, đạt tỷ lệ 96,3% số vị trí biên chế công chức được giao."
    assert ("staff.civil_servants", (), 1346.0) in found(body)
    assert found(body, "xã") == set()


def test_previous_period_and_change_are_not_the_periods_figures():
    """quangphu-2024-q1: last year's figure in parentheses, the change, the rate it rose from."""
    body = ("So với cùng kỳ năm 2023 (tiếp nhận 913 hồ sơ), số hồ sơ tiếp nhận tăng 112 hồ sơ; tỷ lệ hồ sơ "
            "tiếp nhận trực tuyến tăng từ 51,6% lên 72,8%.")
    got = found(body, "xã")
    assert not {v for _, _, v in got} & {913.0, 112.0, 51.6}


@pytest.mark.parametrize("before,left,body,verdict", [
    ("Huyện Bình Giang hiện có 143 công chức xã, giảm ", "giảm ", 2, "other"),
    ("có 29,1% hồ sơ sử dụng dịch vụ công trực tuyến, tăng hơn ", "tăng hơn ", None, "other"),
    ("Thực hiện Kế hoạch số 385/KH-UBND của Uỷ ban nhân dân thành phố Thanh Hoá, đã tiếp nhận ", "", 1, "own"),
    ("Tại bộ phận một cửa của UBND các xã, thi trấn đã tiếp nhận tổng số gần ", "", None, "part"),
    ("Trong năm 2022, Bộ phận tiếp nhận và trả kết quả thị xã tiếp nhận hơn ", "", 2, "own"),
    ("UBND tỉnh đã giao ", "", 1, "other"),
])
def test_verdicts(before, left, body, verdict):
    assert scope_of(before, left, body).verdict == verdict


def test_tasks_assigned_by_the_government_are_not_the_plans():
    """real/05: the Government's assigned tasks are not the province's CCHC plan."""
    body = ("Về tổng hợp, cập nhật tiến độ, kết quả thực hiện các nhiệm vụ Chính phủ, Thủ tướng Chính phủ giao: "
            "Tổng số nhiệm vụ được giao là 21, nhiệm vụ đã hoàn thành đúng hạn là 15/21 nhiệm vụ.")
    assert found(body, "tỉnh") == set()


def test_internal_procedures_and_public_employees_are_other_things():
    """real/05: "TTHC nội bộ" are no public procedures; "biên chế viên chức" is no civil-servant quota."""
    assert found("Tỉnh đã công bố 598 TTHC nội bộ thuộc phạm vi quản lý của tỉnh.", "tỉnh") == set()
    assert found("Biên chế viên chức hưởng lương từ ngân sách nhà nước là 59.339.", "tỉnh") == set()


def test_tiers_named_after_the_items_of_a_breakdown_are_parts():
    """real/05: "Biên chế công chức là 9.818 (gồm 3.585 biên chế cấp tỉnh, 6.233 biên chế cấp xã)"; the
    public employees' quota of the next sentence is no civil-servant quota, nor are its parts."""
    body = ("- Biên chế công chức là 9.818 (gồm 3.585 biên chế cấp tỉnh, 6.233 biên chế cấp xã).\n"
            "- Biên chế viên chức hưởng lương từ ngân sách nhà nước là 59.339 (gồm 17.256 biên chế cấp tỉnh, "
            "42.083 biên chế cấp xã).")
    assert found(body, "tỉnh") == {("staff.quota", (), 9818.0), ("staff.quota", (("scope", "cấp tỉnh"),), 3585.0),
                                   ("staff.quota", (("scope", "cấp xã"),), 6233.0)}


def test_a_city_and_its_communes_together_are_the_city():
    """Phrasebook p089: "UBND TP Mỹ Tho và UBND 17 phường, xã tiếp nhận 116.383 hồ sơ"."""
    body = "Tính đến cuối tháng 5 năm 2017, UBND TP Mỹ Tho và UBND 17 phường, xã tiếp nhận 116.383 hồ sơ."
    assert found(body) == want(("dossiers.received", 116383))


def test_a_part_named_in_another_item_of_the_breakdown_does_not_scope_the_next():
    """Phrasebook p089: the communes' share is one item; the resolved and pending counts after it are the city's."""
    body = ("Tính đến cuối tháng 5 năm 2017, UBND TP Mỹ Tho và UBND 17 phường, xã tiếp nhận 116.383 hồ sơ thủ tục "
            "hành chính; trong đó thủ tục hành chính thuộc phạm vi thẩm quyền giải quyết của UBND TP Mỹ Tho có 63.273 "
            "hồ sơ, thủ tục hành chính thuộc phạm vi thẩm quyền giải quyết của UBND các xã, phường có tổng số 53.110 "
            "hồ sơ; và đã giải quyết 116.008 hồ sơ đúng hạn, 375 hồ sơ đang giải quyết.")
    assert found(body) == want(("dossiers.received", 116383), ("dossiers.on_time", 116008),
                               ("dossiers.pending", 375))


def test_a_tier_after_the_next_sentence_start_is_not_the_items():
    """Phrasebook p093: "... đúng hạn là 175.354 hồ sơ. Tỉ lệ hồ sơ TTHC do UBND cấp huyện ..."."""
    body = ("Tỉ lệ hồ sơ TTHC do các sở, ngành tiếp nhận được giải quyết đúng hạn đạt 99,68%; trong đó, tổng số hồ sơ "
            "TTHC đã giải quyết xong là 175.920 hồ sơ, số hồ sơ TTHC giải quyết đúng hạn là 175.354 hồ sơ. Tỉ lệ hồ "
            "sơ TTHC do UBND cấp huyện tiếp nhận được giải quyết đúng hạn đạt 98,15%.")
    assert found(body) == want(("dossiers.on_time_rate", 99.68), ("dossiers.resolved", 175920),
                               ("dossiers.on_time", 175354))


def test_a_news_texts_parts_are_left_out_and_a_reports_kept():
    """Phrasebook p088 (a news text citing the province): the "cấp tỉnh" part is a quoted fragment, left out;
    the same breakdown in an official report keeps it with its scope."""
    from test_indicators import context_of

    from report_parser.extract.indicators import text_indicators

    body = ("Theo UBND tỉnh Đồng Tháp, từ ngày 1 - 21/7, tỉnh tiếp nhận gần 37 ngàn hồ sơ. Tổng số hồ sơ đã giải "
            "quyết đúng và trước hạn gần 25 ngàn, đạt trên 98%; trong đó, cấp tỉnh đã giải quyết đúng và trước hạn "
            "là 1.382 hồ sơ đạt trên 99%.")
    news = text_indicators(context_of(body), "tỉnh", parts=False)
    assert not any(i.dimension for i in news) and 1382 not in {i.value for i in news}
    report = text_indicators(context_of(body), "tỉnh", parts=True)
    assert {(i.value, i.dimension.get("scope")) for i in report if i.dimension} == {(1382, "cấp tỉnh"), (99, "cấp tỉnh")}


def test_a_provinces_total_published_procedures_and_its_plan_rate():
    """real/05: "đã được tỉnh công bố là 2.310 TTHC" states the total and the published ones; "(đạt 22,45% kế
    hoạch)" is the plan's completion rate."""
    body = ("Đến nay, tỉnh đã triển khai thực hiện hoàn thành 11/49 nhiệm vụ kế hoạch đề ra (đạt 22,45% kế hoạch). "
            "Đến nay, tổng số TTHC thuộc phạm vi quản lý trên địa bàn tỉnh Lâm Đồng đã được tỉnh công bố là 2.310 "
            "TTHC (trong đó, cấp tỉnh là 1.865 TTHC, cấp xã là 445 TTHC).")
    assert {(c, v) for c, d, v in found(body, "tỉnh") if not d} == {
        ("plan.tasks_done", 11.0), ("plan.tasks_total", 49.0), ("plan.completion_rate", 22.45),
        ("tthc.published", 2310.0), ("tthc.total", 2310.0)}


# A sentence that goes on with the one before it ("Trong số này …", "Trong số N hồ sơ …", "Trong đó, …")
# speaks of whom that one speaks: a part's figures stay a part's in the next sentence too.
CONTINUED_PART = (  # a provincial news text: the district tier's figures, two sentences
    "Ở cấp huyện, tổng số hồ sơ giải quyết trong tháng 10 vừa qua trên hệ thống một cửa điện tử bao gồm "
    "số liệu của xã là 21.686 hồ sơ, trong đó tiếp nhận mới 18.477 hồ sơ, số còn lại từ trước chuyển sang. "
    "Trong số này đã giải quyết được 17.651 hồ sơ, trong đó có 13.767 hồ sơ trước hạn, chiếm 78%; có 3.254 "
    "hồ sơ giải quyết đúng hạn, chiếm 18,4% và số quá hạn còn 634 hồ sơ, chiếm đến 3,6%.")


def test_a_sentence_going_on_with_a_parts_sentence_is_the_parts():
    assert found(CONTINUED_PART) == set()
    got = found(CONTINUED_PART, "tỉnh")
    assert got and all(dict(d).get("scope") == "cấp huyện" for _, d, _ in got)


@pytest.mark.parametrize("body", [
    ("Với cấp huyện, 12 huyện, thành phố trong tỉnh trong quý I đã tiếp nhận 340.060 hồ sơ, đã giải quyết "
     "329.596 hồ sơ. Trong số 3.405 hồ sơ đang giải quyết, số hồ sơ chưa đến hạn là 2.436 hồ sơ và có 969 hồ "
     "sơ đã quá hạn."),
    ("Tại bộ phận một cửa của UBND các xã, thi trấn đã tiếp nhận tổng số gần 11.300 hồ sơ, trong đó có hơn "
     "9.200 hồ sơ trực tuyến mức độ 3-4. Sau khi tiếp nhận, hơn 11.200 hồ sơ đã được giải quyết (phần lớn là "
     "giải quyết trước hạn và đúng hạn), không có hồ sơ giải quyết quá hạn."),
])
def test_the_next_sentence_of_a_part_gives_nothing_for_an_unknown_body(body):
    assert found(body) == set()


def test_a_sentence_of_its_own_after_a_part_is_the_bodys():
    """Without a continuation word the next sentence is read on its own (here: the body's own)."""
    body = ("Tổng số hồ sơ cấp xã đã giải quyết là 241.331 hồ sơ. "
            "Tổng số hồ sơ đã giải quyết là 300.000 hồ sơ.")
    assert found(body) == want(("dossiers.resolved", 300000))


def test_a_city_desk_and_its_communes_together_are_the_city():
    body = ("Từ đầu năm 2025 đến hết ngày 27-5, bộ phận tiếp nhận và trả kết quả TP. Phổ Yên và các xã, phường "
            "trên địa bàn đã tiếp nhận 24.234 hồ sơ thủ tục hành chính. Trong số này, 430 hồ sơ giải quyết quá hạn "
            "(chiếm tỷ lệ 1,77%).")
    assert found(body) == want(("dossiers.received", 24234), ("dossiers.late", 430), ("dossiers.late_rate", 1.77))


def test_one_unit_picked_out_of_a_total_is_a_part():
    """"Trong đó, tại <unit>" after a whole territory's total: the unit's own figures, not the body's."""
    body = ("Trong đó, tại Bộ phận Một cửa UBND thành phố, đã tiếp nhận 15.868 hồ sơ, giải quyết trước hạn, đúng hạn "
            "15.539 hồ sơ (trong đó có 370 hồ sơ đang giải quyết trong hạn và 9 hồ sơ đang giải quyết quá hạn), đạt "
            "tỷ lệ 97,93%, tăng 0,10% so với năm 2022.")
    assert found(body) == set()
    got = found(body, "huyện")
    assert got and all(dict(d).get("scope") for _, d, _ in got)


def test_a_rate_reached_by_some_units_is_not_the_bodys():
    body = ("Những địa phương có tỷ lệ hồ sơ giải quyết trước và đúng hạn đạt 100% là các xã, phường, thị trấn "
            "thuộc thành phố và các huyện.")
    assert found(body) == set()
    assert not any(not d for _, d, _ in found(body, "tỉnh"))


def test_commune_staff_is_a_kind_of_staff_not_the_communes_tier():
    """"cán bộ, công chức cấp xã" names a kind of staff (by law): no part marker, for the sentence or the next."""
    body = ("Hiện nay, tổng số cán bộ, công chức cấp xã có hơn 3.500 người. Trong đó, cán bộ chuyên trách có hơn "
            "1.800 người với trên 65% có trình độ chuyên môn (từ trung cấp trở lên), công chức có hơn 1.700 người.")
    got = found(body)
    assert ("staff.officials", (), 1800.0) in got
    assert ("staff.civil_servants", (), 1700.0) in got


def test_a_part_opening_the_sentence_governs_past_a_later_whole_body_marker():
    """Lâm Đồng's news page (quý I 2020): "Với cấp xã," opens the sentence; "toàn tỉnh" after it counts the
    communes over the province, so the figures are cấp xã's, not the province's own."""
    body = ("Với cấp xã, toàn tỉnh quý I tiếp nhận 264.610 hồ sơ, đã giải quyết 261.896 hồ sơ; trong đó, đúng và "
            "trước hạn 260.612 hồ sơ, đạt tỷ lệ 99,51%.")
    got = found(body, "tỉnh")
    assert got and all(dict(d).get("scope") == "cấp xã" for _, d, _ in got)
    assert found(body) == set()
    assert scope_of("Riêng cấp huyện, toàn tỉnh đã tiếp nhận ", "", 3).verdict == "part"
    assert scope_of("Toàn tỉnh đã tiếp nhận ", "", 3).verdict == "own"


def test_joined_up_services_are_a_part_even_after_a_whole_body_marker():
    """real/09 (Đề án 06, tháng 8/2025): the two joined-up services' dossiers are not the province's all."""
    opened = ("- Đối với 02 dịch vụ công liên thông khai sinh - khai tử: Trong tháng, toàn tỉnh phát sinh 3.090 hồ sơ "
              "dịch vụ công liên thông, trong đó: 2.341 hồ sơ đã trả kết quả.")
    later = ("Tính đến nay, đã phát sinh 52.642 hồ sơ dịch vụ công liên thông (34.940 hồ sơ đăng ký khai sinh - đăng "
             "ký thường trú và 17.702 hồ sơ đăng ký khai tử - xóa đăng ký thường trú), trong đó: 36.001 hồ sơ đã trả "
             "kết quả.")
    for body in (opened, later):
        assert not any(not d for _, d, _ in found(body, "tỉnh")), body


def test_sectoral_offices_located_in_the_province_are_other_bodies():
    """real/06 (năm 2025): "đóng trên địa bàn tỉnh" locates the sectoral offices; their 420 TTHC are theirs."""
    body = ("Tổng số TTHC thuộc phạm vi quản lý của các cơ quan ngành dọc đóng trên địa bàn tỉnh là 420 TTHC (Thuế "
            "tỉnh 217 TTHC; Kho bạc Nhà nước khu vực XVI 11 TTHC; Công an tỉnh 167 TTHC, Bảo hiểm xã hội tỉnh 25 TTHC).")
    assert not any(not d for _, d, _ in found(body, "tỉnh"))
    own = "Đến nay, tổng số TTHC thuộc phạm vi quản lý trên địa bàn tỉnh Lâm Đồng là 2.372 TTHC."
    assert ("tthc.total", (), 2372.0) in found(own, "tỉnh")


def test_a_unit_named_among_units_of_its_tier_is_not_the_body():
    """Vĩnh Phúc's news page on its districts (tháng 8/2021): units compared by name; a figure after one of them is
    that unit's (a part of the province, nobody's own for an unknown body)."""
    body = ("Huyện Lập Thạch lần đầu tiên vươn lên đứng vị trí thứ nhất với tỷ lệ chậm, quá hạn 0,33%; huyện Sông Lô và "
            "huyện Tam Dương là các địa phương có chuyển biến rõ rệt (huyện Sông Lô giảm từ 10,85% xuống còn 1,31%; "
            "huyện Tam Dương giảm từ 10,55% xuống còn 2,27%).")
    assert found(body) == set()
    assert found(body, "tỉnh") == {("dossiers.late_rate", (("scope", "Huyện Lập Thạch"),), 0.33)}
    own = "Năm 2023, UBND huyện Mang Thít tiếp nhận 1.200 hồ sơ, giải quyết đúng hạn 1.190 hồ sơ."
    assert found(own, "huyện") == want(("dossiers.received", 1200), ("dossiers.on_time", 1190))


def test_one_unit_named_twice_is_the_body_the_text_is_about():
    """Gia Lai's news page (p101): a heading naming the ward, run into the text by the repair, and the ward again
    in the sentence: one unit, its own figures."""
    body = ("Đoàn công tác Văn phòng Ủy ban nhân dân tỉnh làm việc tại Phường Quy Nhơn Tây\n\nTính đến đầu quý IV năm "
            "2025, phường Quy Nhơn Tây đã tiếp nhận hơn 2.200 hồ sơ thủ tục hành chính, trong đó 97,77% được nộp trực "
            "tuyến.")
    assert scope_of(body[:body.index("2.200")], "", None, sentence=body).verdict == "own"


@pytest.mark.parametrize("start, end, kind, before, other", [
    # October's report (tranphu-2024-10): since January is longer than the month
    ("2024-10-01", "2024-10-31", "other", "lũy kế từ đầu năm đến nay, phường tiếp nhận ", True),
    ("2024-10-01", "2024-10-31", "other", "Lũy kế 10 tháng năm 2024, Bộ phận một cửa tiếp nhận ", True),
    # the third quarter's report: nine months are longer; the first quarter's: since January is its own
    ("2024-07-01", "2024-09-30", "Q3", "Lũy kế 9 tháng năm 2024, xã tiếp nhận ", True),
    ("2024-01-01", "2024-03-31", "Q1", "Tính từ đầu năm đến nay, xã tiếp nhận ", False),
    # a year's report (by the convention's 15 December): since January is its own
    ("2023-12-15", "2024-12-14", "Y", "lũy kế từ đầu năm đến nay, xã tiếp nhận ", False),
    # a ";" ends the cumulative clause; a bare "lũy kế … trong kỳ" names no span
    ("2024-10-01", "2024-10-31", "other", "lũy kế từ đầu năm tiếp nhận 3.950 hồ sơ; trong tháng tiếp nhận ", False),
    ("2024-10-01", "2024-10-31", "other", "tồn kỳ trước chuyển sang 2.110 hồ sơ, lũy kế đã và đang giải quyết trong "
                                      "kỳ là ", False),
])
def test_a_cumulative_span_against_the_reports_period(start, end, kind, before, other):
    import datetime as dt

    from report_parser.extract.scope import cumulative_flow
    from report_parser.models import Period

    period = Period(start=dt.date.fromisoformat(start), end=dt.date.fromisoformat(end), kind=kind,
                    year=dt.date.fromisoformat(end).year)
    assert cumulative_flow(before, period) is other
