"""Checks on whole real texts nobody here wrote (issue 12, point 4): each case is a real
report's or bulletin's paragraph, parsed end to end, with the finding it must or must not
raise. A false alarm costs an officer's trust more than a missed slip."""
from __future__ import annotations

import pytest

from report_parser import parse

# Vĩnh Phúc, Trung tâm Phục vụ hành chính công tỉnh, tháng 9 and quý III/2021: the on-time
# rate is on the dossiers due ("đến hạn giải quyết", 4.169), not on the 6.302 received
VINHPHUC = (
    "Tháng 9/2021, Trung tâm Phục vụ hành chính công tỉnh đã tiếp nhận mới 4.131 hồ sơ, hồ sơ tồn "
    "kỳ trước chuyển sang là 2.171, lũy kế đã và đang giải quyết trong kỳ là 6.302 hồ sơ; đến hạn "
    "giải quyết là 4.169 hồ sơ. Đã có kết quả trả trước và đúng hạn là 4.157 hồ sơ (đạt 99,71%). Hồ "
    "sơ đã trả kết quả nhưng chậm hạn và hồ sơ quá hạn giải quyết nhưng chưa có kết quả là 12 hồ sơ "
    "(chiếm 0,29%).\n\n"
    "Quý III/2021, Trung tâm Phục vụ hành chính công tỉnh tiếp nhận mới 14.043 hồ sơ, hồ sơ tồn kỳ "
    "trước chuyển sang là 2.191, lũy kế đã và đang giải quyết trong kỳ là 16.234 hồ sơ; đến hạn giải "
    "quyết là 14.101 hồ sơ. Đã có kết quả trả trước và đúng hạn là 14.064 hồ sơ (đạt 99,74%).\n")

# Bến Tre, Trung tâm Phục vụ hành chính công tỉnh, tháng 5/2021: "4,52 ngàn" is rounded
# (4.561 resolved - 12 late = 4.549 on time)
BENTRE = (
    "Tháng 5-2021, Trung tâm Phục vụ hành chính công tỉnh tiếp nhận 5,65 ngàn hồ sơ (HS) các loại. "
    "Trong đó có 1,07 ngàn HS kỳ trước chuyển sang, tiếp nhận mới trực tiếp 3,19 ngàn HS, tiếp nhận "
    "trực tuyến 1,25 ngàn HS, tiếp nhận qua dịch vụ bưu chính công ích 132 HS.\n\n"
    "Trung tâm đã giải quyết: 4.561/5.650 HS (tỷ lệ 80,7%). Trong đó, có 4,52 ngàn HS giải quyết đúng "
    "và trước hạn (tỷ lệ 99,7%), có 12 hồ sơ giải quyết trễ hạn (tỷ lệ 0,3%). Trung tâm đang giải "
    "quyết 1.089 HS (còn trong thời hạn giải quyết).\n")


def _checks(tmp_path, text: str, *, errors_only: bool = False) -> list:
    path = tmp_path / "report.txt"
    path.write_text(text, encoding="utf-8")
    found = parse(path, ocr="never", require_report=False).checks
    return [c for c in found if c.severity != "info"] if not errors_only else \
        [c for c in found if c.severity == "error"]


def test_an_on_time_rate_on_the_dossiers_due_is_no_error(tmp_path):
    """99,71 % of 4.169 due; 4.157 of the 6.302 received (incl. pending) would be 66 %: the
    received dossiers only bound the rate from below, and 99,71 % is above that bound."""
    assert _checks(tmp_path, VINHPHUC) == []


def test_a_timeliness_rate_below_its_least_value_still_fires(tmp_path):
    text = ("Năm 2023, Bộ phận Một cửa UBND xã đã tiếp nhận 1.200 hồ sơ, giải quyết đúng hạn 1.150 hồ sơ, "
            "đạt tỷ lệ 85%.\n")
    found = _checks(tmp_path, text)
    assert [c.rule for c in found] == ["rate-mismatch"]
    assert "1150/1200" in found[0].message


def test_a_figure_in_thousands_is_rounded_not_exact(tmp_path):
    """'4,52 ngàn HS đúng và trước hạn' + 12 late vs 4.561 resolved: 4.532 is only the rounding
    of 4.549; neither the sum nor the rate 99,7 % may be called wrong on it."""
    assert _checks(tmp_path, BENTRE) == []


@pytest.mark.parametrize("text", [VINHPHUC, BENTRE])
def test_audited_paragraphs_raise_no_error(tmp_path, text):
    assert _checks(tmp_path, text, errors_only=True) == []


# a news report of a district's results (phrasebook p095): the early rate is the remainder that
# makes the three rates total 100 % (48,2 + 51,2 + 0,6), 99.558 / 206.885 being 48,12 %
REMAINDER = ("Kết quả, có 206.885 hồ sơ đã được giải quyết. Trong đó, 99.558 hồ sơ giải quyết trước hạn "
             "đạt 48,2%; 106.018 hồ sơ giải quyết đúng hạn đạt 51,2%; 1.309 hồ sơ giải quyết quá hạn chiếm "
             "0,6%; 11.878 hồ sơ đang giải quyết.\n")


def test_a_rate_off_by_its_last_digit_is_information(tmp_path):
    path = tmp_path / "report.txt"
    path.write_text(REMAINDER, encoding="utf-8")
    found = parse(path, ocr="never", require_report=False).checks
    assert [(c.rule, c.severity) for c in found] == [("rate-mismatch", "info")]
    assert "48,2%" in found[0].message and "48,12%" in found[0].message


# Đầm Hà, Trung tâm Hành chính công huyện, quý I/2020 (its 3.807 early + 754 on time written as
# the 4.561 resolved they make): outcomes beyond the catalogue's
DAMHA = ("Cụ thể, Trung tâm Hành chính công huyện đã tiếp nhận 6.192 hồ sơ, trong đó đã giải quyết "
         "4.561 hồ sơ, đang giải quyết 960 hồ sơ và hồ sơ yêu cầu bổ sung 671 hồ sơ.\n")


def test_outcomes_short_of_the_received_are_silent(tmp_path):
    """4.561 resolved + 960 pending = 5.521 of 6.192: the 671 awaiting supplements have no code;
    the outcomes given may fall short of the dossiers received, never exceed them."""
    assert _checks(tmp_path, DAMHA) == []
    over = DAMHA.replace("6.192", "5.192")
    assert [c.rule for c in _checks(tmp_path, over)] == ["received-by-outcome"]


def test_on_time_read_either_way_is_no_contradiction(tmp_path):
    """'đúng hạn' counts the early dossiers in some reports and not in others (Hồng Phong's form:
    "Số hồ sơ TTHC giải quyết đúng hạn | 801 | Bao gồm cả hồ sơ giải quyết trước hạn"); written as
    text with the early ones in parentheses, 510 + 5 late = 515 resolved holds."""
    text = "Đã giải quyết 515 hồ sơ, trong đó giải quyết đúng hạn 510 hồ sơ (trước hạn 480 hồ sơ), quá hạn 5 hồ sơ.\n"
    assert _checks(tmp_path, text) == []
    slip = text.replace("quá hạn 5", "quá hạn 7")
    assert [c.rule for c in _checks(tmp_path, slip)] == ["resolved-by-timeliness"]


def _ref(symbol: str, date: str, text: str, year: int | None = None):
    import datetime as dt

    from report_parser.models import Mention, Reference
    return Reference(type="Đề án", number=symbol.split("/")[0].split("-")[0], symbol=symbol,
                     date=dt.date.fromisoformat(date), year=year, issues=["date-conflict"],
                     mentions=[Mention(page=1, start=0, end=len(text), text=text)])


def _reference_checks(refs):
    from report_parser.checks import run_checks
    from report_parser.models import Period, Report, ReportMeta, Source
    rep = Report(source=Source(path="x.pdf", sha256="0", format="pdf", pages=4),
                 report=ReportMeta(period=Period()), references=refs)
    return [c for c in run_checks(rep) if c.rule.startswith("reference-")]


def test_a_yearless_symbol_in_two_years_is_two_documents():
    """Vĩnh Long's 2021-2025 training report (a province merged with Bến Tre and Trà Vinh) cites
    'Đề án số 03-ĐA/TU ngày 14/02/2019' and 'Đề án số 03-ĐA/TU ngày 13/3/2017': two provinces'
    documents; such numbers restart, so no date conflict."""
    assert _reference_checks([_ref("03-ĐA/TU", "2019-02-14", "Đề án số 03-ĐA/TU ngày 14/02/2019"),
                              _ref("03-ĐA/TU", "2017-03-13", "Đề án số 03-ĐA/TU ngày 13/3/2017")]) == []


def test_one_date_conflict_is_one_finding():
    """Lâm Đồng Q1/2026: 'Kế hoạch số 806/KH-UBND ngày 09/01/2026' and '... ngày 19/01/2026' is a
    slip, reported once with both mentions (it was reported once per reference)."""
    found = _reference_checks([_ref("806/KH-UBND", "2026-01-09", "Kế hoạch số 806/KH-UBND ngày 09/01/2026"),
                               _ref("806/KH-UBND", "2026-01-19", "Kế hoạch số 806/KH-UBND ngày 19/01/2026")])
    assert [c.rule for c in found] == ["reference-date-conflict"]
    assert len(found[0].evidence) == 2


GRID_TXT = """ỦY BAN NHÂN DÂN
XÃ AN BÌNH
Số: 45/BC-UBND
An Bình, ngày 15 tháng 6 năm 2024
BÁO CÁO
Kết quả thực hiện công tác cải cách hành chính 6 tháng đầu năm 2024

Kết quả giải quyết thủ tục hành chính 6 tháng đầu năm 2024 theo từng lĩnh vực như sau:

| STT | Lĩnh vực | Tổng số hồ sơ tiếp nhận | Trực tuyến | Trực tiếp | Đã giải quyết | Trước hạn | Đúng hạn | Quá hạn | Đang giải quyết |
| 1 | Hộ tịch | 210 | 150 | 60 | 208 | 200 | 8 | 0 | 2 |
| 2 | Chứng thực | 250 | 180 | 70 | 250 | 250 | 0 | 0 | 0 |
| 3 | Đất đai | 40 | 10 | 30 | 36 | 30 | 4 | 2 | 4 |
| | Tổng cộng | 500 | 340 | 160 | 494 | 480 | 12 | 2 | 6 |

Tỷ lệ hồ sơ giải quyết đúng hạn và trước hạn đạt 99,6%. Tỷ lệ hồ sơ tiếp nhận trực tuyến đạt 68%.
"""


def test_a_pipe_table_of_a_text_export_is_no_running_text(tmp_path):
    """A per-field grid in the body of a .txt export: its cells are the table's values, not
    figures of a sentence ('| 1 | Hộ tịch | ...' under a header naming 'Đúng hạn' gave
    dossiers.on_time = 1 and the error '99,6% ... = 1/494 = 0,2%'); the .txt reads as the .docx."""
    path = tmp_path / "report.txt"
    path.write_text(GRID_TXT, encoding="utf-8")
    rep = parse(path, ocr="never")
    assert [(i.code, i.value) for i in rep.indicators if i.source == "text"] == [
        ("dossiers.on_time_rate", 99.6), ("dossiers.online_rate", 68)]
    assert {(i.code, i.value) for i in rep.indicators if i.source == "table" and not i.dimension} >= {
        ("dossiers.received", 500), ("dossiers.on_time_exact", 12), ("dossiers.late", 2)}
    assert [c for c in rep.checks if c.severity != "info"] == []
    table = (GRID_TXT.index("| STT"), GRID_TXT.index("Tỷ lệ hồ sơ giải quyết"))
    assert not [f.text for f in rep.figures if table[0] <= f.start < table[1]]


def test_a_rate_is_not_checked_on_a_measure_of_several_values(tmp_path):
    """The same bulletin, whole: "Có 15 cơ quan, đơn vị cấp tỉnh phát sinh hồ sơ trực tuyến với
    tổng số 1.598 hồ sơ ... Tỷ lệ hồ sơ trực tuyến trung bình đạt 18,9% trên tổng số hồ sơ giải
    quyết của các sở, ngành" - the received dossiers are given for the month (6.302) and the
    quarter (16.234), so 1.598 / 6.302 = 25,36 % says nothing about the 18,9 %."""
    online = ("Có 15 cơ quan, đơn vị cấp tỉnh phát sinh hồ sơ trực tuyến với tổng số 1.598 hồ sơ, trong đó có "
              "61 hồ sơ nộp mức độ 3 và 1.537 hồ sơ nộp mức độ 4. Tỷ lệ hồ sơ trực tuyến trung bình đạt 18,9% "
              "trên tổng số hồ sơ giải quyết của các sở, ngành tiếp nhận, giải quyết.\n\n")
    text = VINHPHUC.replace("\n\nQuý III", "\n\n" + online + "Quý III")
    assert _checks(tmp_path, text) == []


def test_a_rate_beside_its_counts_is_still_checked(tmp_path):
    """Several values of the received dossiers, but the rate's own sentence gives its counts."""
    text = ("Năm 2022, UBND xã tiếp nhận 800 hồ sơ.\n\nNăm 2023, UBND xã tiếp nhận 1.000 hồ sơ, trong đó "
            "trực tuyến 500 hồ sơ, đạt tỷ lệ 60%.\n")
    found = _checks(tmp_path, text)
    assert [c.rule for c in found] == ["rate-mismatch"] and "500/1000" in found[0].message


def test_a_sum_over_measures_of_several_values_needs_one_sentence():
    """Lâm Đồng, quý I/2020 (a province's totals, then 'Với cấp huyện ...', 'Với cấp xã ...'): when
    a measure is given several values, only the values one sentence states together are summed;
    the province's resolved and on-time with the districts' 5.685 late is no contradiction."""
    from report_parser.checks import run_checks
    from report_parser.models import Indicator, Period, Report, ReportMeta, Source
    a = ("toàn tỉnh đã tiếp nhận 659.245 hồ sơ, đã giải quyết 643.272 hồ sơ; trong đó, số hồ sơ giải "
         "quyết đúng và trước hạn có 635.593 hồ sơ, chiếm tỷ lệ 98,81%")
    b = ("Với cấp xã, toàn tỉnh quý I tiếp nhận 264.610 hồ sơ, đã giải quyết 261.896 hồ sơ; trong đó, "
         "đúng và trước hạn 260.612 hồ sơ, đạt tỷ lệ 99,51%")
    c = "trong đó, đúng và trước hạn có 323.911 hồ sơ, đạt tỷ lệ 98,28%, còn 5.685 hồ sơ quá hạn, tỷ lệ 1,7%"
    inds = [Indicator(code=k, value=v, evidence=e) for k, v, e in (
        ("dossiers.resolved", 643272, a), ("dossiers.on_time", 635593, a),
        ("dossiers.resolved", 261896, b), ("dossiers.on_time", 260612, b), ("dossiers.late", 5685, c))]
    rep = Report(source=Source(path="x.txt", sha256="0", format="txt", pages=1),
                 report=ReportMeta(period=Period()), indicators=inds)
    assert [c.rule for c in run_checks(rep) if c.severity != "info"] == []
    one = [Indicator(code=k, value=v, evidence=b) for k, v in (
        ("dossiers.resolved", 261896), ("dossiers.on_time", 260612), ("dossiers.late", 1300))]
    rep.indicators = inds[:2] + one
    assert [c.rule for c in run_checks(rep) if c.severity != "info"] == ["resolved-on-time-late"]


def test_a_rate_agreeing_with_some_counts_is_no_error(tmp_path):
    """Quảng Nam, Trung tâm Hành chính công, 2018: the headline's 99,4 % sits in one sentence with
    the year's 23.239 resolved, but is the week's 1.447 of 1.456; a rate that agrees with any
    counts of its measures is never called wrong on the others."""
    text = ("Tỷ lệ giải quyết hồ sơ đúng hạn đạt 99,4%\n\n"
            "Tin từ Trung tâm Hành chính công và xúc tiến đầu tư, từ ngày 2.1.2018 đến 17.5.2018 đã tiếp nhận "
            "25.368 hồ sơ, nhưng chỉ mới giải quyết được 23.239 hồ sơ (đã chuyển giao xuống bộ phận trả kết quả "
            "tập trung tại trung tâm).\n\n"
            "Số lượng hồ sơ được giải quyết là 1.456/1.625, trong đó giải quyết đúng hạn 1.447 hồ sơ (tỷ lệ 99,4%).\n")
    assert _checks(tmp_path, text) == []


def test_a_form_row_stating_the_alternate_measure_is_no_contradiction():
    """Quảng Phú Q1/2024 writes "tổng số hồ sơ tiếp nhận trong kỳ là 1.025 hồ sơ, trong đó kỳ trước
    chuyển sang 06 hồ sơ, tiếp nhận mới 1.019 hồ sơ"; a form whose "Tổng số hồ sơ tiếp nhận" row
    counts the new ones only (1.019) states the text's figure, not another one."""
    from report_parser.checks import run_checks
    from report_parser.models import Indicator, Period, Report, ReportMeta, Source
    ev = "tổng số hồ sơ tiếp nhận trong kỳ là 1.025 hồ sơ, trong đó kỳ trước chuyển sang 06 hồ sơ, tiếp nhận mới 1.019 hồ sơ"
    inds = [Indicator(code="dossiers.received", value=1025, evidence=ev),
            Indicator(code="dossiers.carried_over", value=6, evidence=ev),
            Indicator(code="dossiers.received_in_period", value=1019, evidence=ev),
            Indicator(code="dossiers.received", value=1019, source="table", table="3/3.2.1")]
    rep = Report(source=Source(path="x.txt", sha256="0", format="txt", pages=1),
                 report=ReportMeta(period=Period()), indicators=inds)
    assert [c.rule for c in run_checks(rep) if c.severity != "info"] == []
    inds[-1] = inds[-1].model_copy(update={"value": 1012})
    rep.indicators = inds
    assert [c.rule for c in run_checks(rep) if c.severity != "info"] == ["text-vs-table"]


def test_a_score_sheet_flattened_into_text_raises_no_finding(tmp_path):
    """Sở Tư pháp Lâm Đồng's PAR score sheet (real/18) read as text: its rows become one run of
    bare numbers, and 'Tỷ lệ hài lòng trong xử lý phản ánh, kiến nghị 100 6 ... theo phân loại 0 0'
    gave 'Số phản ánh, kiến nghị đã giải quyết 100 = 100, lớn hơn số ... tiếp nhận (0)'."""
    text = ("161 Mức độ hài lòng Tỷ lệ hài lòng trong tiếp nhận, giải quyết TTHC Sở Tư pháp - Tỉnh Lâm Đồng "
            "79,68 5,31 297 Mức độ hài lòng Tỷ lệ hài lòng trong xử lý phản ánh, kiến nghị 100 6 464 Mức độ hài "
            "lòng Tỷ lệ phản ánh, kiến nghị theo phân loại 0 0 630 Mức độ hài lòng Tỷ lệ phản ánh, kiến nghị xử "
            "lý đúng hạn 100 6 796 Mức độ hài lòng Tỷ lệ phản ánh, kiến nghị được phân theo địa bàn hành chính, "
            "ngành, lĩnh vực 0 0\n")
    assert _checks(tmp_path, text) == []


def test_main_fields_a_little_short_of_the_total_are_a_listing(tmp_path):
    """Quảng Phú's layout with the intro real reports use for a partial list ("Kết quả một số lĩnh
    vực chủ yếu như sau:"): 500 of 520 is the main fields, not a lost 20; the seed's 1.204 of 1.224
    (1,6 %) and Quảng Phú's 1.021 of 1.025 stay slips (tests/test_checks_scope.py)."""
    text = ("Tổng số hồ sơ tiếp nhận là 520 hồ sơ. Kết quả một số lĩnh vực chủ yếu như sau:\n"
            "+ Lĩnh vực Hộ tịch: tiếp nhận 210 hồ sơ, trong đó trực tuyến 150 hồ sơ;\n"
            "+ Lĩnh vực Chứng thực: tiếp nhận 250 hồ sơ, trong đó trực tuyến 180 hồ sơ;\n"
            "+ Lĩnh vực Đất đai: tiếp nhận 40 hồ sơ, trong đó trực tuyến 10 hồ sơ.\n")
    assert _checks(tmp_path, text) == []


# --------------------------------------------------------------------------- a ratio and its own rate
# phường Trần Phú (corpus/communes tranphu-2024-10), the e-signature clause as printed, then with
# the rate changed (audit_whole/probe_checks.py: a ratio's rate that is not part / whole)
TRANPHU_ESIGN = ("Trong tháng, UBND phường tiếp nhận 412 văn bản đến, phát hành 156 văn bản đi trên Hệ "
                 "thống quản lý văn bản và điều hành, trong đó 154/156 văn bản đi được ký số, đạt {rate}; "
                 "đăng tải 06 tin, bài về cải cách hành chính trên Trang thông tin điện tử phường.\n")


def test_a_rate_written_after_its_own_ratio_is_checked_against_it(tmp_path):
    assert [c for c in _checks(tmp_path, TRANPHU_ESIGN.format(rate="98,7%")) if c.rule == "ratio-rate"] == []
    [c] = [c for c in _checks(tmp_path, TRANPHU_ESIGN.format(rate="96,7%")) if c.rule == "ratio-rate"]
    assert c.severity == "warning" and "154/156" in c.message and "98,72" in c.message
    assert "esign.rate" in c.indicators


@pytest.mark.parametrize("text", [
    # real texts whose percent after a ratio is not that ratio's rate (audit_checks pages, phrasebook,
    # real/09): a qualified percent, a percent of another noun, another base named after it
    "Có đến 9/9 huyện, thành phố đạt tỷ lệ dưới 10%.\n",
    "Đến nay, 15/24 Sở, ngành đưa 100% TTHC vào giải quyết tại Trung tâm Phục vụ hành chính công.\n",
    "Đã số hóa 62.904/73.124 hồ sơ (đạt tỷ lệ 46,02% trên tổng số hồ sơ tiếp nhận toàn tỉnh).\n",
    "Hoàn thành 24/28 nhiệm vụ mà kế hoạch đã đề ra từ đầu năm (đạt 85%).\n",  # 85,71 written down
])
def test_a_percent_that_is_not_the_ratios_rate_raises_nothing(tmp_path, text):
    assert [c for c in _checks(tmp_path, text) if c.rule == "ratio-rate"] == []


TRANPHU_DOSSIERS = ("Trong tháng, Bộ phận Tiếp nhận và Trả kết quả phường tiếp nhận 395 hồ sơ (tháng trước "
                    "chuyển sang 09 hồ sơ; tiếp nhận mới 386 hồ sơ), đã giải quyết 381 hồ sơ (trước hạn 352 "
                    "hồ sơ, đúng hạn 29 hồ sơ, không có hồ sơ quá hạn), đang giải quyết 14 hồ sơ chưa đến hạn, "
                    "tỷ lệ giải quyết đúng hạn đạt {rate}.\n")


@pytest.mark.parametrize("rate, fires", [
    ("100%", False),  # as printed (phường Trần Phú): 352 early + 29 on time = 381 of 381
    ("96%", False),   # 381 of the 395 received: some reports compute on what they received
    ("90%", True),    # neither (audit_whole/probe_checks.py)
])
def test_an_on_time_rate_is_checked_on_its_early_and_on_time_parts(tmp_path, rate, fires):
    found = [c for c in _checks(tmp_path, TRANPHU_DOSSIERS.format(rate=rate)) if c.rule == "rate-mismatch"]
    assert bool(found) == fires
    if fires:
        assert "381/381" in found[0].message and "dossiers.on_time_rate" in found[0].indicators


def test_a_percent_of_another_base_named_after_it_is_not_the_ratios_rate(tmp_path):
    text = "Trong quý, UBND xã đã giải quyết 381/395 hồ sơ, đạt 100% hồ sơ đến hạn giải quyết.\n"
    assert [c for c in _checks(tmp_path, text) if c.rule == "ratio-rate"] == []
