"""Whole commune reports in layouts and wordings nobody tuned on (audit_whole, session 4): the
closing 'tasks ahead' part of phường Trần Phú's monthly report (corpus/communes tranphu-2024-10)
headed in other ways; its targets are no results."""
from __future__ import annotations

import pytest

from report_parser import parse

TRANPHU = (
    "ỦY BAN NHÂN DÂN                      CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\n"
    "PHƯỜNG TRẦN PHÚ                          Độc lập - Tự do - Hạnh phúc\n"
    "Số: 248/BC-UBND                     Phường Trần Phú, ngày 31 tháng 10 năm 2024\n\n"
    "BÁO CÁO\nKết quả công tác cải cách hành chính tháng 10 năm 2024\n\n"
    "I. KẾT QUẢ THỰC HIỆN\n1. Công tác chỉ đạo, điều hành\n"
    "Trong tháng, Bộ phận Tiếp nhận và Trả kết quả phường tiếp nhận 395 hồ sơ, đã giải quyết 381 hồ sơ.\n"
    "{head}\n"
    "- Hoàn thành tự kiểm tra công tác cải cách hành chính tại 04 bộ phận chuyên môn theo Kế hoạch số "
    "131/KH-UBND ngày 04/10/2024.\n"
    "- Đẩy mạnh thanh toán trực tuyến phí, lệ phí; phấn đấu 100% hồ sơ đủ điều kiện được thanh toán trực tuyến.\n")


@pytest.mark.parametrize("head", [
    "III. NHIỆM VỤ TRỌNG TÂM THÁNG 11 NĂM 2024",   # as printed
    "B. NHIỆM VỤ TRỌNG TÂM THÁNG 11 NĂM 2024",     # a lettered part
    "Phần thứ hai\nPHƯƠNG HƯỚNG, NHIỆM VỤ THÁNG 11 NĂM 2024",
    "NHIỆM VỤ, GIẢI PHÁP THÁNG 11 NĂM 2024",       # in capitals, unnumbered
    "III. KẾ HOẠCH THỰC HIỆN THÁNG 11 NĂM 2024",  # a later period named, no target word
])
def test_the_tasks_ahead_part_gives_no_indicator(tmp_path, head):
    path = tmp_path / "r.txt"
    path.write_text(TRANPHU.format(head=head), encoding="utf-8")
    got = {(i.code, i.value) for i in parse(path, ocr="never").indicators}
    assert ("dossiers.received", 395) in got and ("dossiers.resolved", 381) in got
    assert not any(code.startswith("inspection.") for code, _ in got), head


def test_a_section_of_the_reports_own_period_keeps_its_figures(tmp_path):
    """The same lines under a heading that names the report's own month are results."""
    path = tmp_path / "r.txt"
    path.write_text(TRANPHU.format(head="II. KẾT QUẢ KIỂM TRA THÁNG 10 NĂM 2024"), encoding="utf-8")
    got = {(i.code, i.value) for i in parse(path, ocr="never").indicators}
    assert ("inspection.units_checked", 4) in got


SENTENCE = ("I. KẾT QUẢ THỰC HIỆN\nTrong tháng, Bộ phận Tiếp nhận và Trả kết quả phường tiếp nhận 395 hồ sơ, "
            "đã giải quyết 381 hồ sơ; {other}; phường được giao 22 biên chế cán bộ, công chức, hiện có 20 người "
            "(cán bộ 09 người, công chức 12 người); tiếp nhận 412 văn bản đến, phát hành 156 văn bản đi.\n")


def _own(tmp_path, text):
    path = tmp_path / "r.txt"
    path.write_text("BÁO CÁO\nKết quả công tác cải cách hành chính tháng 10 năm 2024\n" + text, encoding="utf-8")
    return {(i.code, i.value) for i in parse(path, ocr="never", require_report=False).indicators
            if not i.dimension}


def test_the_same_period_last_year_governs_its_own_clause_only(tmp_path):
    """audit_whole/probe_cumulative.py: a ';' clause of last year's figures inside phường Trần Phú's long
    sentence took every later clause with it (staff, documents: the planted staff-parts check was lost)."""
    got = _own(tmp_path, SENTENCE.format(other="cùng kỳ năm 2023 tiếp nhận 350 hồ sơ, giải quyết 349 hồ sơ"))
    assert ("dossiers.received", 350) not in got and ("dossiers.resolved", 349) not in got
    assert {("staff.present", 20), ("staff.civil_servants", 12), ("edocs.outgoing", 156)} <= got


def test_a_comparison_that_opens_a_list_governs_the_list(tmp_path):
    got = _own(tmp_path, "I. KẾT QUẢ\nTrong tháng, phường tiếp nhận 395 hồ sơ. So với cùng kỳ năm 2023: tiếp "
                         "nhận 350 hồ sơ; giải quyết 349 hồ sơ.\n")
    assert ("dossiers.received", 395) in got
    assert ("dossiers.received", 350) not in got and ("dossiers.resolved", 349) not in got


def test_a_cumulative_clause_is_not_the_months(tmp_path):
    """audit_whole/probe_cumulative.py: "lũy kế từ đầu năm đến nay" inside phường Trần Phú's October sentence
    counts since January; its flows are no figures of the month, the later clauses are."""
    got = _own(tmp_path, SENTENCE.format(
        other="lũy kế từ đầu năm đến nay, phường tiếp nhận 3.950 hồ sơ, đã giải quyết 3.921 hồ sơ, trong đó "
              "trước hạn 3.702 hồ sơ, tỷ lệ giải quyết đúng hạn đạt 99,9%"))
    assert {("dossiers.received", 395), ("dossiers.resolved", 381)} <= got
    assert not {c for c, v in got if v in (3950, 3921, 3702, 99.9)}
    assert {("staff.present", 20), ("edocs.outgoing", 156)} <= got


@pytest.mark.parametrize("opening", ["Lũy kế 10 tháng năm 2024,", "Tính từ đầu năm đến nay,",
                                     "Cộng dồn từ đầu năm,", "Lũy kế từ đầu năm đến tháng báo cáo,",
                                     "Lũy kế từ 01/01 đến 31/10/2024,", "Lũy kế tới tháng 10,"])
def test_a_cumulative_sentence_is_not_the_months(tmp_path, opening):
    got = _own(tmp_path, "I. KẾT QUẢ THỰC HIỆN\nTrong tháng, Bộ phận Tiếp nhận và Trả kết quả phường tiếp nhận 395 "
                         f"hồ sơ, đã giải quyết 381 hồ sơ.\n{opening} Bộ phận Tiếp nhận và Trả kết quả phường tiếp "
                         "nhận 3.950 hồ sơ, đã giải quyết 3.921 hồ sơ, quá hạn 02 hồ sơ.\n")
    assert {("dossiers.received", 395), ("dossiers.resolved", 381)} <= got
    assert not {c for c, v in got if v in (3950, 3921, 2)}


def test_a_cumulative_stock_is_the_reports(tmp_path):
    """corpus/communes tranphu-2024-10: the plan's progress "lũy kế đến tháng 10" is a stock, an indicator."""
    got = _own(tmp_path, "I. KẾT QUẢ THỰC HIỆN\n1. Công tác chỉ đạo, điều hành\nTiếp tục triển khai Nghị quyết số "
                         "76/NQ-CP ngày 15/7/2021 của Chính phủ và Kế hoạch số\n09/KH-UBND ngày 15/01/2024 của UBND "
                         "phường về cải cách hành chính năm 2024 (gồm 30\nnhiệm vụ; lũy kế đến tháng 10 đã hoàn thành "
                         "24/30 nhiệm vụ, đạt 80%).\n")
    assert ("plan.tasks_done", 24) in got


def test_a_cumulative_span_equal_to_the_reports_is_its_own(tmp_path):
    """A half-year's report: "lũy kế 6 tháng đầu năm" is the report's own span."""
    path = tmp_path / "r.txt"
    path.write_text("BÁO CÁO\nKết quả công tác cải cách hành chính 6 tháng đầu năm 2024\nI. KẾT QUẢ THỰC HIỆN\n"
                    "Lũy kế 6 tháng đầu năm 2024, Bộ phận Tiếp nhận và Trả kết quả xã tiếp nhận 1.250 hồ sơ, đã giải "
                    "quyết 1.240 hồ sơ.\n", encoding="utf-8")
    got = {(i.code, i.value) for i in parse(path, ocr="never", require_report=False).indicators if not i.dimension}
    assert {("dossiers.received", 1250), ("dossiers.resolved", 1240)} <= got


CUMULATIVE_THEN = ("I. KẾT QUẢ THỰC HIỆN\nTrong tháng, Bộ phận Tiếp nhận và Trả kết quả phường tiếp nhận 395 hồ sơ, đã "
                   "giải quyết 381 hồ sơ.\nLũy kế 10 tháng năm 2024, Bộ phận Tiếp nhận và Trả kết quả phường tiếp nhận "
                   "3.950 hồ sơ, đã giải quyết 3.921 hồ sơ. {next} giải quyết trước hạn 3.702 hồ sơ, quá hạn 02 hồ sơ.\n")


def test_a_sentence_going_on_with_a_cumulative_one_counts_over_its_span(tmp_path):
    got = _own(tmp_path, CUMULATIVE_THEN.format(next="Trong đó,"))
    assert ("dossiers.received", 395) in got and not {c for c, v in got if v in (3950, 3921, 3702, 2)}


def test_a_sentence_with_its_own_opening_phrase_is_not_the_cumulative_ones(tmp_path):
    got = _own(tmp_path, CUMULATIVE_THEN.format(next="Trong tháng, đã"))
    assert {("dossiers.early", 3702), ("dossiers.late", 2)} <= got


def test_bare_cumulative_within_the_period_is_the_periods(tmp_path):
    """audit2 (Trung tâm Phục vụ hành chính công tỉnh Vĩnh Phúc, October 2021): "lũy kế … trong kỳ" sums the
    period's new and carried-over dossiers; no span of its own, the period's figure."""
    path = tmp_path / "r.txt"
    path.write_text("BÁO CÁO\nKết quả công tác cải cách hành chính tháng 10 năm 2021\nI. KẾT QUẢ THỰC HIỆN\n"
                    "Tháng 10/2021 (Tính từ ngày 21/9/2021 đến ngày 20/10/2021), Trung tâm tiếp nhận mới 5.409 hồ sơ, "
                    "tồn kỳ trước chuyển sang 2.110 hồ sơ, lũy kế đã và đang giải quyết trong kỳ là 7.519 hồ sơ.\n",
                    encoding="utf-8")
    got = {(i.code, i.value) for i in parse(path, ocr="never", require_report=False).indicators if not i.dimension}
    assert {("dossiers.received_in_period", 5409), ("dossiers.received", 7519)} <= got


@pytest.mark.parametrize("opening", ["Từ ngày 01/01/2024 đến nay,", "Từ ngày 01/01/2024 đến ngày 31/10/2024,",
                                     "Từ đầu năm 2024 đến nay,"])
def test_a_span_from_january_to_the_reports_end_keeps_its_stocks_only(tmp_path, opening):
    """In October's report a span since January: its dossiers are no month's, the plan's tasks are the report's."""
    got = _own(tmp_path, "I. KẾT QUẢ THỰC HIỆN\nTrong tháng, phường tiếp nhận 395 hồ sơ, đã giải quyết 381 hồ sơ.\n"
                         f"{opening} Bộ phận một cửa phường tiếp nhận 3.950 hồ sơ, đã giải quyết 3.921 hồ sơ; ban hành "
                         "kế hoạch với 30 nhiệm vụ, đã hoàn thành 24 nhiệm vụ.\n")
    assert {("dossiers.received", 395), ("plan.tasks_total", 30), ("plan.tasks_done", 24)} <= got
    assert not {c for c, v in got if v in (3950, 3921)}


def test_the_reports_period_named_after_a_cumulative_one_takes_its_figures_back(tmp_path):
    got = _own(tmp_path, "I. KẾT QUẢ THỰC HIỆN\nLũy kế từ đầu năm, Bộ phận một cửa phường tiếp nhận 3.950 hồ sơ, đã "
                         "giải quyết 3.921 hồ sơ, riêng trong tháng tiếp nhận 395 hồ sơ, đã giải quyết 381 hồ sơ.\n")
    assert {("dossiers.received", 395), ("dossiers.resolved", 381)} <= got
    assert not {c for c, v in got if v in (3950, 3921)}
