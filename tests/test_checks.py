"""Consistency checks: for every rule an input where it fires and one where it stays silent.

Reports are built directly from the contract's models, so the rules are tested
without the extractors; the last tests run the engine on a report built from the
seed gold's values and score it with ``../shared/eval/score.py``.
"""
from __future__ import annotations

import datetime as dt
import json

import pytest

from report_parser.checks import run_checks
from report_parser.checks.forms import allowed_codes
from report_parser.checks.rules import load
from report_parser.checks.values import agrees, fmt
from report_parser.models import (FormRow, FormTable, Indicator, Mention, Period, Reference,
                                  Report, ReportMeta, Source)

from conftest import GOLD, load_scorer, needs_shared


def ind(code: str, value: float, *, field: str | None = None, q: str | None = None,
        source: str = "text", table: str | None = None, page: int = 4,
        evidence: str | None = None) -> Indicator:
    return Indicator(code=code, value=value, dimension={"field": field} if field else {},
                     qualifier=q, source=source, table=table, page=page, evidence=evidence)


def row(code: str, value: float | None, unit: str = "Hồ sơ", label: str = "chỉ tiêu",
        page: int = 11) -> FormRow:
    raw = None if value is None else fmt(value)
    return FormRow(code=code, label=label, unit=unit, value=value, raw=raw, page=page)


def report(inds=(), tables=(), refs=(), date=None, start=None, end=None) -> Report:
    meta = ReportMeta(date=date, period=Period(start=start, end=end))
    return Report(source=Source(path="x.txt", sha256="0", format="txt", pages=1), report=meta,
                  indicators=list(inds), tables=list(tables), references=list(refs))


def checks(inds=(), **kw):
    return run_checks(report(inds, **kw))


def rules(found) -> list[str]:
    return [c.rule for c in found]


# ---------------------------------------------------------------- tolerance
@pytest.mark.parametrize("computed, stated, qualifier, expected", [
    (100 * 24 / 28, 85, None, True),        # 85,71 truncated
    (100 * 24 / 28, 86, None, True),        # 85,71 rounded
    (100 * 24 / 28, 84, None, False),
    (100 * 1221 / 1221, 99.9, None, False),  # 100 is neither rounded nor truncated 99,9
    (100 * 1220 / 1221, 99.9, None, True),
    (100 * 1 / 1221, 0.1, None, True),       # 0,08 rounds to 0,1
    (100 * 1 / 1221, 0.2, None, False),
    (100 * 539 / 1224, 80, ">", False),      # "trên 80%" for 44 %
    (100 * 1000 / 1224, 80, ">", True),
    (80.0, 80, ">", True),
    (100 * 539 / 1224, 50, "<", True),
    (100 * 539 / 1224, 45, "≈", True),
    (100 * 539 / 1224, 60, "≈", False),
])
def test_agrees_rounds_or_truncates_at_the_stated_precision(computed, stated, qualifier, expected):
    assert agrees(computed, stated, qualifier) is expected


def test_numbers_are_written_as_the_officer_and_the_scorer_read_them():
    assert (fmt(1224), fmt(1224.0), fmt(99.9), fmt(0.1)) == ("1224", "1224", "99,9", "0,1")


# ---------------------------------------------------------------- sums
def test_channels_short_of_the_total_are_silent():
    """Channels may be listed beside online and direct ("tiếp nhận qua dịch vụ bưu chính công
    ích 132 HS", Bến Tre 2021): a shortfall is no contradiction, an excess is (next test)."""
    assert checks([ind("dossiers.received", 1230), ind("dossiers.received_online", 539),
                   ind("dossiers.received_direct", 676), ind("dossiers.carried_over", 9)]) == []


@pytest.mark.parametrize("received", [1224, 1215])  # with the carried-over dossiers, or without
def test_received_by_channel_silent_when_it_adds_up(received):
    assert checks([ind("dossiers.received", received), ind("dossiers.received_online", 539),
                   ind("dossiers.received_direct", 676), ind("dossiers.carried_over", 9)]) == []


def test_field_parts_exceeding_the_field_total_fire():
    found = checks([ind("dossiers.received", 224, field="Hộ tịch"),
                    ind("dossiers.received_online", 94, field="Hộ tịch"),
                    ind("dossiers.received_direct", 150, field="Hộ tịch")])
    assert rules(found) == ["received-by-channel"]
    assert found[0].message == ("Lĩnh vực Hộ tịch: số hồ sơ tiếp nhận trực tuyến 94 + số hồ sơ tiếp nhận"
                                " trực tiếp 150 = 244, lớn hơn tổng số hồ sơ tiếp nhận (224)")
    assert set(found[0].indicators) == {"dossiers.received", "dossiers.received_online",
                                        "dossiers.received_direct"}


def test_field_parts_short_of_the_total_are_silent_when_carried_over_is_not_given():
    # 38 + 60 = 98 of 107: the other 9 may be dossiers carried over, which the field does not give
    assert checks([ind("dossiers.received", 107, field="Bảo trợ xã hội"),
                   ind("dossiers.received_online", 38, field="Bảo trợ xã hội"),
                   ind("dossiers.received_direct", 60, field="Bảo trợ xã hội")]) == []


def test_resolved_is_early_plus_on_time_plus_late_once_all_are_given():
    base = [ind("dossiers.resolved", 1221), ind("dossiers.early", 1200), ind("dossiers.late", 1)]
    assert checks(base) == []  # on-time (exact) not given: 1201 <= 1221 is all that can be said
    found = checks(base + [ind("dossiers.on_time_exact", 10)])
    assert rules(found) == ["resolved-by-timeliness"]
    assert checks(base + [ind("dossiers.on_time_exact", 20)]) == []


def test_resolved_is_on_time_plus_late():
    found = checks([ind("dossiers.resolved", 1221), ind("dossiers.on_time", 1221, source="table",
                                                          table="3/3.3.2"), ind("dossiers.late", 1)])
    assert rules(found) == ["resolved-on-time-late"]
    assert "table:3/3.3.2" in found[0].indicators
    assert "1222" in found[0].message
    assert checks([ind("dossiers.resolved", 1221), ind("dossiers.on_time", 1220),
                   ind("dossiers.late", 1)]) == []


def test_received_by_outcome_needs_every_input():
    base = [ind("dossiers.received", 1224), ind("dossiers.resolved", 1221), ind("dossiers.returned", 3)]
    assert checks(base) == []
    assert rules(checks(base + [ind("dossiers.pending", 5)])) == ["received-by-outcome"]
    assert checks(base + [ind("dossiers.pending", 0)]) == []


def test_a_part_never_exceeds_its_whole():
    found = checks([ind("plan.tasks_total", 28), ind("plan.tasks_done", 30)])
    assert rules(found) == ["tasks-done-within-plan"]
    assert checks([ind("plan.tasks_total", 28), ind("plan.tasks_done", 24)]) == []


def test_a_relation_missing_an_input_is_silent():
    assert checks([ind("dossiers.received", 1224), ind("dossiers.received_online", 539)]) == []


def test_a_form_row_contradicting_the_text_does_not_break_relations_twice():
    # the text's values add up; the form's 0 is reported once, by text-vs-table
    found = checks([ind("dossiers.received", 1224), ind("dossiers.received_online", 539),
                    ind("dossiers.received_direct", 676), ind("dossiers.carried_over", 9),
                    ind("dossiers.received", 0, source="table", table="7/6.7.1")])
    assert rules(found) == ["text-vs-table"]


# ---------------------------------------------------------------- rates and claims
def test_stated_rate_against_its_counts():
    found = checks([ind("dossiers.on_time_rate", 99.9), ind("dossiers.on_time", 1221),
                    ind("dossiers.resolved", 1221)])
    assert rules(found) == ["rate-mismatch"]
    assert found[0].severity == "error"
    assert "1221/1221 = 100%" in found[0].message and "99,9%" in found[0].message


@pytest.mark.parametrize("inds", [
    [ind("plan.completion_rate", 85), ind("plan.tasks_done", 24), ind("plan.tasks_total", 28)],
    [ind("dossiers.late_rate", 0.1), ind("dossiers.late", 1), ind("dossiers.resolved", 1221)],
    [ind("dossiers.early_rate", 99.9), ind("dossiers.early", 1220), ind("dossiers.resolved", 1221)],
    # computed on received instead of resolved: an accepted denominator
    [ind("dossiers.early_rate", 99.7), ind("dossiers.early", 1220), ind("dossiers.resolved", 1221),
     ind("dossiers.received", 1224)],
    [ind("dossiers.early_rate", 99.9), ind("dossiers.early", 0), ind("dossiers.resolved", 0)],
    [ind("dossiers.early_rate", 99.9), ind("dossiers.resolved", 1221)],
])
def test_stated_rate_silent_when_it_agrees_or_cannot_be_computed(inds):
    assert checks(inds) == []


def test_a_claim_above_a_rate_that_the_counts_do_not_reach():
    found = checks([ind("dossiers.online_rate", 80, q=">", evidence="tỷ lệ hồ sơ tiếp nhận online đạt trên 80%"),
                    ind("dossiers.received_online", 539), ind("dossiers.received", 1224)])
    assert rules(found) == ["rate-claim"]
    assert found[0].message == ("Báo cáo ghi tỷ lệ hồ sơ tiếp nhận trực tuyến trên 80% nhưng số hồ sơ tiếp nhận"
                                " trực tuyến / tổng số hồ sơ tiếp nhận = 539/1224 chỉ là 44%")
    assert found[0].evidence == ["(tr. 4) tỷ lệ hồ sơ tiếp nhận online đạt trên 80%"]
    assert found[0].pages == [4]


def test_a_claim_the_counts_bear_out_is_silent():
    assert checks([ind("dossiers.online_rate", 40, q=">"), ind("dossiers.received_online", 539),
                   ind("dossiers.received", 1224)]) == []


# ---------------------------------------------------------------- per-field breakdowns
FIELDS = [("Hộ tịch", 224, 224), ("Chứng thực", 873, 873), ("Bảo trợ xã hội", 107, 103)]


def test_fields_that_do_not_add_up_to_the_total_are_one_check():
    inds = [ind("dossiers.received", 1224), ind("dossiers.early", 1220)]
    for name, received, early in FIELDS:
        inds += [ind("dossiers.received", received, field=name), ind("dossiers.early", early, field=name)]
    found = checks(inds)
    assert rules(found) == ["breakdown-sum"]
    assert found[0].severity == "warning"
    assert found[0].message.startswith("Tổng số hồ sơ tiếp nhận theo từng lĩnh vực: Hộ tịch 224 + Chứng thực"
                                       " 873 + Bảo trợ xã hội 107 = 1204, khác số tổng 1224; số hồ sơ trả"
                                       " trước hạn theo từng lĩnh vực")


def test_fields_above_the_total_are_an_error():
    found = checks([ind("dossiers.returned", 1), ind("dossiers.returned", 3, field="Bảo trợ xã hội")])
    assert [(c.rule, c.severity) for c in found] == [("breakdown-sum", "error")]


def test_fields_silent_when_they_add_up_or_some_field_is_not_given():
    assert checks([ind("dossiers.received", 1097), ind("dossiers.received", 224, field="Hộ tịch"),
                   ind("dossiers.received", 873, field="Chứng thực")]) == []
    # late given for one field of three: the others may simply have none
    assert checks([ind("dossiers.late", 2), ind("dossiers.late", 1, field="Bảo trợ xã hội"),
                   ind("dossiers.received", 224, field="Hộ tịch"),
                   ind("dossiers.received", 873, field="Chứng thực")]) == []


# ---------------------------------------------------------------- same measure twice
def test_form_rows_that_contradict_the_text_are_one_check_per_form():
    found = checks([ind("dossiers.received", 1224), ind("dossiers.received_online", 539),
                    ind("dossiers.received", 0, source="table", table="7/6.7.1", page=12),
                    ind("dossiers.received_online", 0, source="table", table="7/6.7.2", page=12)])
    assert rules(found) == ["text-vs-table"]
    assert found[0].severity == "warning"
    assert {"table:7/6.7.1", "table:7/6.7.2", "dossiers.received"} <= set(found[0].indicators)
    assert found[0].message.startswith("Biểu mẫu 7 khác phần lời văn của báo cáo: dòng 6.7.1: tổng số hồ sơ"
                                       " tiếp nhận là 0, lời văn ghi 1224")
    assert found[0].pages == [4, 12]


def test_a_results_grid_contradicting_the_text_is_named_as_a_table():
    found = checks([ind("dossiers.received", 224, field="Hộ tịch"),
                    ind("dossiers.received", 244, field="Hộ tịch", source="table", page=12)])
    assert rules(found) == ["text-vs-table"]
    assert found[0].message == ("Bảng số liệu khác phần lời văn của báo cáo: Lĩnh vực Hộ tịch: tổng số hồ sơ"
                                " tiếp nhận là 244, lời văn ghi 224")


@pytest.mark.parametrize("text, table", [
    (ind("dossiers.received", 1224), ind("dossiers.received", 1224, source="table", table="7/6.7.1")),
    (ind("satisfaction.rate", 100), ind("satisfaction.rate", 99.9, source="table", table="1/5.3")),
    (ind("dossiers.on_time_rate", 99, q=">"), ind("dossiers.on_time_rate", 99.9, source="table",
                                                     table="3/3.3")),
])
def test_text_and_form_that_agree_at_their_precision_are_silent(text, table):
    assert checks([text, table]) == []


def test_two_values_for_one_measure_in_the_text_are_information():
    found = checks([ind("satisfaction.rate", 99.9), ind("satisfaction.rate", 90)])
    assert [(c.rule, c.severity) for c in found] == [("text-conflict", "info")]
    assert checks([ind("satisfaction.rate", 99.9), ind("satisfaction.rate", 99.9, page=6)]) == []
    # one value per year of a multi-year review: not a slip
    assert checks([ind("staff.trained", v) for v in (5664, 3300, 1225)]) == []


# ---------------------------------------------------------------- forms
def form(number: str, *rows: FormRow) -> FormTable:
    return FormTable(form=number, rows=list(rows), page=11)


def test_a_form_rate_row_against_its_count_rows():
    found = checks(tables=[form("3", row("3.3", 99.9, "%"), row("3.3.1", 1221), row("3.3.2", 1221))])
    assert rules(found) == ["form-rate-row"]
    assert found[0].indicators == ["table:3/3.3", "table:3/3.3.2", "table:3/3.3.1"]
    assert found[0].message == ("Biểu mẫu 3, dòng 3.3: tỷ lệ ghi 99,9% nhưng dòng 3.3.2 / dòng 3.3.1"
                                " = 1221/1221 = 100%")
    assert found[0].evidence[0] == "(Biểu mẫu 3, dòng 3.3, tr. 11) chỉ tiêu: 99,9 %"


def test_a_form_split_over_two_tables_is_one_form():
    found = checks(tables=[form("7", row("6.7", 50, "%")), form("7", row("6.7.1", 10), row("6.7.2", 2))])
    assert rules(found) == ["form-rate-row"]


@pytest.mark.parametrize("rows", [
    [row("2", 85, "%"), row("2.1", 28, "Nhiệm vụ"), row("2.2", 24, "Nhiệm vụ")],  # 85,7 truncated
    [row("3.4", 0, "%"), row("3.4.1", 0, "PAKN"), row("3.4.2", 0, "PAKN")],      # 0/0
    [row("3.3", 50, "%"), row("3.3.1", None, "Vấn đề"), row("3.3.2", None)],     # empty counts
    [row("6.4", None, "%"), row("6.4.1", 70, "Thủ tục"), row("6.4.2", 70)],     # no stated rate
    [row("5.2", 100, "%"), row("5.2.3", 100, "%")],                              # a sub-rate, not a count
])
def test_a_form_rate_row_silent_when_it_agrees_or_lacks_an_input(rows):
    assert checks(tables=[form("1", *rows)]) == []


def test_a_percentage_above_100():
    found = checks(tables=[form("4", row("1.2", 120, "%"))])
    assert [(c.rule, c.severity) for c in found] == [("percent-over-100", "warning")]
    assert found[0].indicators == ["table:4/1.2"]
    assert checks(tables=[form("4", row("1.2", 100, "%"), row("2.1", 120, "Người"))]) == []
    assert rules(checks([ind("esign.rate", 105)])) == ["percent-over-100"]
    assert checks([ind("esign.rate", 100)]) == []


def test_coded_answers_outside_their_codes():
    yes_no = "Khảo sát sự hài lòng của người dân, tổ chức Có = 1; Không = 0"
    found = checks(tables=[form("1", row("5", 2, "", label=yes_no))])
    assert [(c.rule, c.severity) for c in found] == [("coded-answer", "warning")]
    assert found[0].message == "Biểu mẫu 1, dòng 5: giá trị 2 không thuộc các mã được phép (1, 0)"
    assert checks(tables=[form("1", row("5", 1, "", label=yes_no))]) == []
    assert checks(tables=[form("1", row("5.1", 1224, "Phiếu", label="Số lượng phiếu khảo sát"))]) == []


def test_a_cell_holding_words_shows_how_it_was_read():
    budget = FormRow(code="1.1", label="Kế hoạch được giao", unit="Triệu đồng", value=10000, raw="10 tỷ đồng/0%")
    found = checks(tables=[form("6", budget)])
    assert [(c.rule, c.severity) for c in found] == [("cell-text", "info")]
    assert found[0].message == ('Biểu mẫu 6, dòng 1.1: ô số liệu ghi "10 tỷ đồng/0%" (đơn vị tính: Triệu đồng),'
                                ' được đọc là 10000')
    assert checks(tables=[form("6", budget.model_copy(update={"raw": "10.000"}))]) == []


def test_allowed_codes_are_read_from_label_and_unit():
    rules_ = load()
    meeting = FormRow(code="2", label="Xây dựng và vận hành Hệ thống họp trực tuyến\nLiên thông 2 cấp: Từ UBND "
                      "tỉnh đến 100% UBND các huyện.", unit="Chưa có = 0\n2 cấp = 1\n3 cấp = 2", value=2)
    survey = FormRow(code="5.2", label="Hình thức khảo sát", unit="Trực tuyến = 0\nPhát phiếu = 1\n\nKết hợp = 2",
                     value=1)
    assert allowed_codes(meeting, rules_) == [0, 1, 2]
    # a PDF cell read as one line
    one_line = FormRow(code="2", label="Hệ thống họp trực tuyến", unit="Chưa có = 0 2 cấp = 1 3 cấp = 2", value=2)
    assert allowed_codes(one_line, rules_) == [0, 1, 2]
    assert allowed_codes(survey, rules_) == [0, 1, 2]
    assert allowed_codes(FormRow(code="1.1", label="Kế hoạch được giao", unit="Triệu đồng"), rules_) == []


FORM7_LABELS = {
    "6.4": "Tỷ lệ TTHC đủ điều kiện được cung cấp trực tuyến mức độ 3",
    "6.4.3": "Số TTHC đang cung cấp trực tuyến mức độ 3 có phát sinh hồ sơ nộp trực tuyến",
    "6.5": "Tỷ lệ TTHC đủ điều kiện được cung cấp trực tuyến mức độ 4",
    "6.5.3": "Số TTHC đang cung cấp trực tuyến mức độ 4 có phát sinh hồ sơ nộp trực tuyến",
    "6.7": "Tỷ lệ hồ sơ TTHC được tiếp nhận trực tuyến mức độ 3 và 4 (Chỉ thống kê đối với các TTHC mức độ 3 "
           "và 4 có phát sinh hồ sơ)",
    "6.7.1": "Tổng số hồ sơ TTHC đã tiếp nhận (cả trực tiếp và trực tuyến)",
    "6.7.2": "Số hồ sơ TTHC đã tiếp nhận trực tuyến",
}


def form7(values: dict[str, float | None]) -> FormTable:
    units = {"6.4": "%", "6.5": "%", "6.7": "%", "6.4.3": "Thủ tục", "6.5.3": "Thủ tục"}
    return form("7", *(row(code, values.get(code), units.get(code, "Hồ sơ"), label=FORM7_LABELS[code], page=19)
                       for code in FORM7_LABELS))


def test_form_rows_that_bound_the_texts_online_dossiers():
    found = checks([ind("dossiers.received_online", 539)],
                   tables=[form7({"6.4.3": 0, "6.5.3": 0, "6.7": 0, "6.7.1": 0, "6.7.2": 0})])
    assert [(c.rule, c.severity) for c in found] == [("form-vs-text", "warning")]
    assert found[0].indicators == ["dossiers.received_online", "table:7/6.7.1", "table:7/6.7.2",
                                   "table:7/6.4.3", "table:7/6.5.3"]
    assert found[0].message.startswith("Biểu mẫu 7 không khớp với lời văn của báo cáo: dòng 6.7.1 (tổng số hồ sơ"
                                       " của TTHC trực tuyến mức độ 3, 4) ghi 0, ít hơn số hồ sơ tiếp nhận trực"
                                       " tuyến mà lời văn ghi (539)")
    assert found[0].pages == [4, 19]


def test_form_rows_bounding_the_text_on_a_scan_that_lost_the_labels_second_lines():
    # OCR of the scanned sample: every label cut at its first printed line
    cut = {"6.7": "Tỷ lệ hồ sơ TTHC được tiếp nhận trực tuyến", "6.7.1": "Tống số hồ sơ TTHC đã tiếp nhận (cả trực",
           "6.7.2": "Số hồ sơ TTHC đã tiếp nhận trực tuyến"}
    units = {"6.7": "%", "6.7.1": "Hồ sơ", "6.7.2": "Hồ sơ"}
    table = form("7", *(row(code, 0, units[code], label=label, page=19) for code, label in cut.items()))
    found = checks([ind("dossiers.received_online", 539)], tables=[table])
    assert rules(found) == ["form-vs-text"]
    assert "table:7/6.7.2" in found[0].indicators


@pytest.mark.parametrize("inds, values", [
    ([ind("dossiers.received_online", 539)], {"6.4.3": 5, "6.5.3": 0, "6.7.1": 900, "6.7.2": 539}),
    ([ind("dossiers.received_online", 0)], {"6.4.3": 0, "6.5.3": 0, "6.7.1": 0, "6.7.2": 0}),
    ([ind("dossiers.received_online", 539)], {}),                      # rows left empty
    ([ind("dossiers.received_online", 539, source="table", table="9/1")],  # not stated by the text
     {"6.4.3": 0, "6.5.3": 0, "6.7.1": 0, "6.7.2": 0}),
    ([], {"6.4.3": 0, "6.5.3": 0, "6.7.1": 0, "6.7.2": 0}),
])
def test_form_rows_bounding_the_text_silent_when_consistent_or_unknown(inds, values):
    assert checks(inds, tables=[form7(values)]) == []


# ---------------------------------------------------------------- the document
def test_a_period_ending_after_the_report_date():
    found = checks(date=dt.date(2022, 6, 13), start=dt.date(2021, 12, 10), end=dt.date(2022, 6, 20))
    assert [(c.rule, c.severity) for c in found] == [("period-after-report", "warning")]
    assert found[0].message == "Kỳ báo cáo kết thúc ngày 20/06/2022, sau ngày ban hành báo cáo (13/06/2022)"
    # an estimate to the end of the half-year is common: information only
    found = checks(date=dt.date(2022, 6, 13), start=dt.date(2022, 1, 1), end=dt.date(2022, 6, 30))
    assert [(c.rule, c.severity) for c in found] == [("period-after-report", "info")]
    # so is the reporting convention's cut-off (the 14th) given to a period named in words
    found = checks(date=dt.date(2022, 6, 10), start=dt.date(2021, 12, 15), end=dt.date(2022, 6, 14))
    assert [(c.rule, c.severity) for c in found] == [("period-after-report", "info")]
    found = checks(date=dt.date(2022, 6, 13), start=dt.date(2022, 7, 1), end=dt.date(2022, 12, 31))
    assert [(c.rule, c.severity) for c in found] == [("period-after-report", "error")]


def test_a_period_within_the_report_date_or_without_dates_is_silent():
    assert checks(date=dt.date(2022, 6, 13), start=dt.date(2021, 12, 10), end=dt.date(2022, 6, 9)) == []
    assert checks(end=dt.date(2022, 6, 30)) == []


def test_reference_issues_become_checks():
    mention = Mention(page=2, start=10, end=50, text="Quyết định số 04/KH-UBND ngày 08/02/2022")
    ref = Reference(type="Quyết định", number="04", symbol="04/KH-UBND", date=dt.date(2022, 2, 8),
                    mentions=[mention], issues=["type-symbol-mismatch", "something-new"])
    found = checks(refs=[ref])
    assert rules(found) == ["reference-type-symbol-mismatch", "reference-something-new"]
    assert found[0].references == ["04/KH-UBND"] and found[0].severity == "warning"
    assert found[0].message == ("Văn bản 04/KH-UBND được ghi là Quyết định nhưng ký hiệu là của loại văn bản"
                                " khác")
    assert found[0].evidence == ["(tr. 2) Quyết định số 04/KH-UBND ngày 08/02/2022"]
    assert found[1].message == "Văn bản 04/KH-UBND: something-new"
    reworded = checks(refs=[ref.model_copy(update={"issues": ["subject-conflict"]})])
    assert [(c.rule, c.severity) for c in reworded] == [("reference-subject-conflict", "info")]
    assert checks(refs=[ref.model_copy(update={"issues": []})]) == []


def test_an_empty_report_has_no_checks():
    assert checks() == []


# ---------------------------------------------------------------- the seed, from its gold values
def _scorer():
    return load_scorer()


# what the extractors are expected to give: the form rows, and the rows mapped to codes
RATE_ROWS = {"1/2", "1/3.3", "2/2.2", "2/3.2", "3/3.3", "3/3.4", "4/1.2", "4/2.5", "6/1", "7/3", "7/5.1.3",
             "7/5.2", "7/5.2.3", "7/5.3.3", "7/6.4", "7/6.5", "7/6.6", "7/6.7", "7/6.8"}
ROW_CODES = {"1/2": "plan.completion_rate", "1/2.1": "plan.tasks_total", "1/2.2": "plan.tasks_done",
             "1/5.1": "survey.forms", "3/1.4": "tthc.total", "3/3.3": "dossiers.on_time_rate",
             "3/3.3.1": "dossiers.resolved", "3/3.3.2": "dossiers.on_time", "3/3.4.1": "feedback.received",
             "3/3.4.2": "feedback.resolved", "4/2.1": "staff.quota", "4/2.2": "staff.present",
             "4/2.3": "staff.contract", "6/1.1": "finance.budget_plan", "6/1.2": "finance.budget_disbursed",
             "7/6.4.2": "dvc.level3", "7/6.5.2": "dvc.level4", "7/6.6.1": "dvc.level34"}
TEXT_SENTENCES = {
    ("dossiers.online_rate", ""): "tỷ lệ hồ sơ tiếp nhận online đạt trên 80%",
    ("dossiers.late", ""): "Đã giải quyết 1221 hồ sơ, có 1220 hồ sơ trả trước hạn đạt 99,9%, 01 hồ sơ trả quá hạn",
    ("dossiers.received", "Hộ tịch"): "Lĩnh vực Hộ tịch: Tổng số 224 hồ sơ: tiếp nhận online 94 hồ sơ, tiếp nhận"
                                      " trực tiếp 150 hồ sơ",
}


def gold_report() -> Report:
    gold = json.loads(GOLD.read_text(encoding="utf-8"))
    tables, inds = [], []
    for number, t in gold["tables"].items():
        rows = [row(code, v, "%" if f"{number}/{code}" in RATE_ROWS else "x",
                    label=FORM7_LABELS.get(code, "chỉ tiêu") if number == "7" else "chỉ tiêu")
                for code, v in t["rows"].items()]
        tables.append(form(number, *rows))
        inds += [ind(ROW_CODES[f"{number}/{code}"], v, source="table", table=f"{number}/{code}", page=11)
                 for code, v in t["rows"].items() if f"{number}/{code}" in ROW_CODES and v is not None]
    for g in gold["indicators"]:
        field = g.get("dimension", {}).get("field")
        inds.append(ind(g["code"], g["value"], field=field, q=">" if g["code"] == "dossiers.online_rate" else None,
                        evidence=TEXT_SENTENCES.get((g["code"], field or ""))))
    refs = [Reference(type=r["type"], number=r["number"], symbol=r["symbol"],
                      issues=["type-symbol-mismatch"] if r.get("expect_issue") else [])
            for r in gold["references"]]
    return report(inds, tables=tables, refs=refs, date=dt.date(2022, 6, 13),
                  start=dt.date(2021, 12, 10), end=dt.date(2022, 6, 9))


def _score_checks(rep: Report) -> dict:
    gold = json.loads(GOLD.read_text(encoding="utf-8"))
    return _scorer().score_checks(gold, json.loads(rep.to_json()))


@needs_shared
def test_gold_values_give_every_gold_check_and_no_false_alarm():
    rep = gold_report()
    rep.checks = run_checks(rep)
    scored = _score_checks(rep)
    assert scored["_missed"] == []
    assert scored["checks_recall"] == 1.0
    assert scored["false_alarms"] == 0, scored["_alarms"]
    assert sorted({c.rule for c in rep.checks}) == [
        "breakdown-sum", "form-rate-row", "form-vs-text", "rate-claim", "rate-mismatch",
        "received-by-channel", "reference-type-symbol-mismatch", "resolved-on-time-late"]


@needs_shared
@pytest.mark.parametrize("fmt_", ["txt", "docx", "pdf"])
def test_the_parsed_sample_gives_every_gold_check(parsed_samples, fmt_):
    scored = _score_checks(parsed_samples[fmt_])
    assert scored["_missed"] == []
    assert scored["checks_recall"] == 1.0
    assert scored["false_alarms"] <= 1, scored["_alarms"]
