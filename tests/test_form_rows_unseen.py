"""Appendix form rows and per-field grid headers of commune templates we had not seen
(audit /work/coord/audit_forms): label -> catalogue code, and no code where a row could be
two measures, is a part or is no catalogue measure."""
import pytest

from report_parser.extract.table_indicators import from_tables
from report_parser.models import FormRow, FormTable, GridRow, GridTable


def _codes(rows, form="3"):
    """{row code: catalogue code} of a commune's form with these (code, label, unit) rows."""
    t = FormTable(form=form, rows=[FormRow(code=c, label=lab, unit=u, value=10 + i, raw=str(10 + i))
                                   for i, (c, lab, u) in enumerate(rows)])
    return {i.table.split("/", 1)[1]: i.code for i in from_tables([t], "xã")}


@pytest.mark.parametrize("label,unit,code", [
    ("Số văn bản ban hành để chỉ đạo, triển khai công tác CCHC", "Văn bản", "direction.docs_issued"),
    ("Số nhiệm vụ CCHC đề ra trong kế hoạch", "Nhiệm vụ", "plan.tasks_total"),
    ("Số nhiệm vụ đề ra", "Nhiệm vụ", "plan.tasks_total"),
    ("Số nhiệm vụ CCHC đã hoàn thành", "Nhiệm vụ", "plan.tasks_done"),
    ("Số bộ phận chuyên môn được kiểm tra", "Bộ phận", "inspection.units_checked"),
    ("Số vấn đề phát hiện", "Vấn đề", "inspection.issues_found"),
    ("Số tin, bài tuyên truyền về CCHC trên hệ thống loa truyền thanh xã", "Tin, bài", "propaganda.radio_items"),
    ("Số tin, bài về CCHC đăng trên Trang thông tin điện tử của xã", "Tin, bài", "propaganda.web_items"),
    ("Tỷ lệ hài lòng của người dân, tổ chức đối với sự phục vụ của cơ quan hành chính", "%",
     "satisfaction.rate"),
    ("Số VBQPPL do HĐND, UBND xã ban hành", "Văn bản", "legal.normative_issued"),
    ("Số văn bản quy phạm pháp luật được ban hành", "Văn bản", "legal.normative_issued"),
    ("Tổng số văn bản do HĐND, UBND xã ban hành trong kỳ", "Văn bản", "legal.docs_issued"),
    ("Số TTHC thuộc thẩm quyền giải quyết của cấp xã", "TTHC", "tthc.total"),
    ("Số TTHC được công bố", "Thủ tục", "tthc.published"),
    ("Số TTHC được công khai tại Bộ phận Một cửa", "Thủ tục", "tthc.public"),
    ("Số TTHC niêm yết công khai", "TTHC", "tthc.public"),
    ("Tỷ lệ TTHC thực hiện theo cơ chế một cửa, một cửa liên thông", "%", "tthc.one_stop_rate"),
    ("Số TTHC được cắt giảm thời gian giải quyết", "Thủ tục", "tthc.simplified"),
    ("Tổng số hồ sơ tiếp nhận", "Hồ sơ", "dossiers.received"),
    ("Tổng số hồ sơ TTHC đã tiếp nhận", "Hồ sơ", "dossiers.received"),
    ("Số hồ sơ từ kỳ trước chuyển sang", "Hồ sơ", "dossiers.carried_over"),
    ("Số hồ sơ mới tiếp nhận trong kỳ", "Hồ sơ", "dossiers.received_in_period"),
    ("Số hồ sơ tiếp nhận trực tuyến", "Hồ sơ", "dossiers.received_online"),
    ("Trong đó: hồ sơ nộp trực tuyến", "Hồ sơ", "dossiers.received_online"),
    ("Số hồ sơ tiếp nhận trực tiếp", "Hồ sơ", "dossiers.received_direct"),
    ("Số hồ sơ đã giải quyết", "Hồ sơ", "dossiers.resolved"),
    ("Số hồ sơ giải quyết trễ hạn", "Hồ sơ", "dossiers.late"),
    ("Số hồ sơ đang giải quyết", "Hồ sơ", "dossiers.pending"),
    ("Số hồ sơ chưa đến hạn giải quyết", "Hồ sơ", "dossiers.pending"),
    ("Số hồ sơ trả lại, không đủ điều kiện giải quyết", "Hồ sơ", "dossiers.returned"),
    ("Số hồ sơ được cập nhật lên phần mềm một cửa điện tử", "Hồ sơ", "dossiers.synced"),
    ("Tỷ lệ hồ sơ giải quyết quá hạn", "%", "dossiers.late_rate"),
    ("Tỷ lệ hồ sơ giải quyết trước hạn", "%", "dossiers.early_rate"),
    ("Tỷ lệ hồ sơ tiếp nhận trực tuyến", "%", "dossiers.online_rate"),
    ("Tỷ lệ hồ sơ trực tuyến", "%", "dossiers.online_rate"),
    ("Tỷ lệ hồ sơ xử lý trước hạn, đúng hạn", "%", "dossiers.on_time_rate"),
    ("Số phản ánh, kiến nghị đã xử lý", "PAKN", "feedback.resolved"),
    ("Tổng số PAKN về quy định hành chính đã tiếp nhận", "PAKN", "feedback.received"),
    ("Số biên chế được giao", "Người", "staff.quota"),
    ("Số cán bộ", "Người", "staff.officials"),
    ("Số công chức", "Người", "staff.civil_servants"),
    ("Số cán bộ đạt chuẩn", "Người", "staff.officials_qualified"),
    ("Tỷ lệ cán bộ đạt chuẩn", "%", "staff.officials_qualified_rate"),
    ("Số công chức đạt chuẩn theo quy định", "Người", "staff.civil_servants_qualified"),
    ("Tỷ lệ công chức đạt chuẩn", "%", "staff.civil_servants_qualified_rate"),
    ("Số lượt cán bộ, công chức được đào tạo, bồi dưỡng", "Lượt người", "staff.trained"),
    ("Tổng kế hoạch vốn đầu tư công được giao", "Triệu đồng", "finance.budget_plan"),
    ("Vốn đầu tư công đã giải ngân", "Triệu đồng", "finance.budget_disbursed"),
    ("Số văn bản đến", "Văn bản", "edocs.incoming"),
    ("Tổng số văn bản đi", "Văn bản", "edocs.outgoing"),
    ("Tỷ lệ văn bản đi được ký số", "%", "esign.rate"),
    ("Tỷ lệ văn bản điện tử có ký số", "%", "esign.rate"),
    ("Số TTHC cung cấp dịch vụ công trực tuyến toàn trình", "Thủ tục", "dvc.level4"),
    ("Số TTHC cung cấp dịch vụ công trực tuyến một phần", "Thủ tục", "dvc.level3"),
    ("Số dịch vụ công trực tuyến mức độ 3", "Dịch vụ", "dvc.level3"),
    ("Tổng số dịch vụ công trực tuyến mức độ 3, 4", "Dịch vụ", "dvc.level34"),
    # "Số lượng ..." opens any count row; wording variants of the held-out set
    ("Số lượng văn bản chỉ đạo, điều hành CCHC", "Văn bản", "direction.docs_issued"),
    ("Tỷ lệ hoàn thành các nhiệm vụ trong Kế hoạch CCHC năm 2024", "%", "plan.completion_rate"),
    ("Số nhiệm vụ, giải pháp đề ra trong kế hoạch", "Nhiệm vụ", "plan.tasks_total"),
    ("Số đơn vị, bộ phận được kiểm tra", "Đơn vị", "inspection.units_checked"),
    ("Số thủ tục hành chính thực hiện theo cơ chế một cửa, một cửa liên thông", "Thủ tục", "tthc.one_stop"),
    ("Số lượng biên chế được giao", "Người", "staff.quota"),
    ("Số lượng cán bộ, công chức hiện có", "Người", "staff.present"),
    ("Số lượng công chức", "Người", "staff.civil_servants"),
    ("Số lượng cán bộ, công chức bị xử lý kỷ luật", "Người", "staff.disciplined"),
    ("Số lượng văn bản đến", "Văn bản", "edocs.incoming"),
    ("Tỷ lệ văn bản đi dưới dạng điện tử", "%", "edocs.outgoing_online_rate"),
    ("Số hồ sơ nộp trực tiếp và qua dịch vụ bưu chính công ích", "Hồ sơ", "dossiers.received_direct"),
    ("Số hồ sơ trả kết quả quá hạn", "Hồ sơ", "dossiers.late"),
])
def test_a_commune_form_row_gives_its_code(label, unit, code):
    assert _codes([("1", label, unit)]) == {"1": code}


@pytest.mark.parametrize("label,unit", [
    ("Số tin, bài tuyên truyền về CCHC", "Tin, bài"),                         # no channel: radio or web
    ("Số tin, bài tuyên truyền trên đài truyền thanh và Trang thông tin điện tử xã", "Tin, bài"),
    ("Số TTHC thực hiện theo cơ chế một cửa liên thông", "Thủ tục"),          # a part of one-stop
    ("Số TTHC được công bố, công khai", "Thủ tục"),                            # two measures
    ("Số hồ sơ đang giải quyết quá hạn", "Hồ sơ"),                              # a part of the pending
    ("Số hồ sơ tiếp nhận qua dịch vụ bưu chính công ích", "Hồ sơ"),            # a part of direct
    ("Số VBQPPL được rà soát", "Văn bản"),
    ("Số phiếu thu về", "Phiếu"),
    ("Chỉ số hài lòng SIPAS", "%"),
    ("Chỉ tiêu tỷ lệ hồ sơ trực tuyến giao năm", "%"),                         # a target
    ("Tỷ lệ thủ tục hành chính công bố đúng hạn", "%"),
    ("Tỷ lệ hồ sơ đồng bộ lên Cổng Dịch vụ công quốc gia", "%"),
    ("Số văn bản đi được ký số", "Văn bản"),
    ("Tỷ lệ giải ngân vốn đầu tư công", "%"),
    ("Số người hoạt động không chuyên trách cấp xã", "Người"),
    ("Số cán bộ, công chức có trình độ đại học trở lên", "Người"),
    ("Số TTHC thuộc thẩm quyền giải quyết của cấp huyện", "TTHC"),              # another tier's
    ("Số hồ sơ đang giải quyết trong hạn", "Hồ sơ"),
    ("Tỷ lệ hồ sơ trực tuyến toàn trình", "%"),
])
def test_a_row_that_is_no_single_catalogue_measure_gives_none(label, unit):
    assert _codes([("1", label, unit)]) == {}


def test_a_short_completion_rate_row_is_the_plans_by_its_parent():
    rows = [("1", "Kế hoạch CCHC", None), ("1.1", "Số nhiệm vụ đề ra", "Nhiệm vụ"), ("1.3", "Tỷ lệ hoàn thành", "%")]
    assert _codes(rows, form="1") == {"1.1": "plan.tasks_total", "1.3": "plan.completion_rate"}
    assert _codes([("4", "Tỷ lệ hoàn thành", "%")], form="1") == {}


def test_on_time_row_next_to_an_early_row_counts_only_the_on_time_part():
    rows = [("10.2.1", "Số hồ sơ giải quyết trước hạn", "Hồ sơ"), ("10.2.2", "Số hồ sơ giải quyết đúng hạn", "Hồ sơ"),
            ("10.2.3", "Số hồ sơ giải quyết quá hạn", "Hồ sơ")]
    assert _codes(rows) == {"10.2.1": "dossiers.early", "10.2.2": "dossiers.on_time_exact",
                            "10.2.3": "dossiers.late"}
    assert _codes([("5.1", "Số hồ sơ giải quyết đúng và trước hạn", "Hồ sơ")]) == {"5.1": "dossiers.on_time"}


def _grid_codes(columns):
    """{column header: code} of a per-field grid with these header paths (one field row)."""
    field = next(j for j, h in enumerate(columns) if "ĩnh vực" in h)
    cells = [str(100 + j) for j in range(len(columns))]
    cells[field] = "Hộ tịch"
    t = GridTable(columns=columns, rows=[GridRow(cells=cells)])
    return {columns[int(i.value) - 100]: i.code for i in from_tables([t], "xã")}


def test_the_vpcp_results_grid_maps_its_header_paths_and_not_the_pending_parts():
    cols = ["Lĩnh vực, công việc giải quyết theo cấp", "Số hồ sơ nhận giải quyết / Tổng số",
            "Số hồ sơ nhận giải quyết / Trong đó / Trực tuyến",
            "Số hồ sơ nhận giải quyết / Trong đó / Trực tiếp, dịch vụ bưu chính", "Số hồ sơ nhận giải quyết / Từ kỳ trước",
            "Số hồ sơ đã giải quyết / Tổng số", "Số hồ sơ đã giải quyết / Trước hạn", "Số hồ sơ đã giải quyết / Đúng hạn",
            "Số hồ sơ đã giải quyết / Quá hạn", "Số lượng hồ sơ đang giải quyết / Tổng số",
            "Số lượng hồ sơ đang giải quyết / Trong hạn", "Số lượng hồ sơ đang giải quyết / Quá hạn"]
    assert _grid_codes(cols) == {
        cols[1]: "dossiers.received", cols[2]: "dossiers.received_online", cols[3]: "dossiers.received_direct",
        cols[4]: "dossiers.carried_over", cols[5]: "dossiers.resolved", cols[6]: "dossiers.early",
        cols[7]: "dossiers.on_time_exact", cols[8]: "dossiers.late", cols[9]: "dossiers.pending"}


def test_a_code_two_grid_columns_give_is_none_of_theirs():
    cols = ["Lĩnh vực giải quyết", "Tổng số hồ sơ đã giải quyết (7)", "Trước hạn (8)", "Đúng hạn (9)", "Quá hạn (10)",
            "Tổng số hồ sơ đang giải quyết (11)", "Trong hạn (12)", "Quá hạn (13)"]
    got = _grid_codes(cols)
    assert "dossiers.late" not in got.values() and cols[6] not in got
    assert got[cols[5]] == "dossiers.pending"
    cols = ["Lĩnh vực", "Số hồ sơ nhận giải quyết / Trong đó / Số mới tiếp nhận trực tiếp",
            "Số hồ sơ nhận giải quyết / Trong đó / Số mới tiếp nhận qua BCCI"]
    assert _grid_codes(cols) == {}


def test_grid_rates_spelled_ti_le_or_under_a_percent_header_stay_rates():
    cols = ["Lĩnh vực", "Trước hạn / Tổng", "Trước hạn / %", "Đúng hạn / Tổng", "Đúng hạn / %", "Trễ hạn / Tổng",
            "Trễ hạn / %", "Đã xử lý"]
    assert _grid_codes(cols) == {
        "Trước hạn / Tổng": "dossiers.early", "Trước hạn / %": "dossiers.early_rate",
        "Đúng hạn / Tổng": "dossiers.on_time_exact", "Trễ hạn / Tổng": "dossiers.late",
        "Trễ hạn / %": "dossiers.late_rate", "Đã xử lý": "dossiers.resolved"}
    assert _grid_codes(["Lĩnh vực", "Quá hạn", "Tỉ lệ Trễ hạn"]) == {"Quá hạn": "dossiers.late",
                                                                    "Tỉ lệ Trễ hạn": "dossiers.late_rate"}


def test_grid_on_time_spelled_dung_thoi_han_and_withdrawn_columns():
    cols = ["Lĩnh vực", "Kết quả giải quyết / Số hồ sơ đã giải quyết / Trả đúng thời hạn",
            "Kết quả giải quyết / Số hồ sơ đã giải quyết / Trả quá hạn", "Trả lại/Rút HS",
            "Trong đó / Trong kỳ"]
    assert _grid_codes(cols) == {cols[1]: "dossiers.on_time", cols[2]: "dossiers.late",
                                 cols[4]: "dossiers.received_in_period"}


def test_grid_new_and_total_received_under_one_parent():
    cols = ["Lĩnh vực", "Số hồ sơ tiếp nhận / Kỳ trước chuyển sang", "Số hồ sơ tiếp nhận / Mới tiếp nhận",
            "Số hồ sơ tiếp nhận / Tổng", "Đang giải quyết / Chưa đến hạn", "Đang giải quyết / Quá hạn"]
    assert _grid_codes(cols) == {cols[1]: "dossiers.carried_over", cols[2]: "dossiers.received_in_period",
                                 cols[3]: "dossiers.received"}


@pytest.mark.parametrize("label,unit,code", [
    ("Tổng số hồ sơ tiếp nhận (bao gồm cả hồ sơ kỳ trước chuyển sang)", "Hồ sơ", "dossiers.received"),
    ("Số hồ sơ đã giải quyết:", "Hồ sơ", "dossiers.resolved"),
    ("TỶ LỆ HỒ SƠ GIẢI QUYẾT ĐÚNG HẠN", "%", "dossiers.on_time_rate"),
    ("Số phản ánh, kiến nghị (PAKN) tiếp nhận", "PAKN", "feedback.received"),
    ("Số hồ sơ giải quyết trước hạn (sớm hạn)", "Hồ sơ", "dossiers.early"),
    ("Tỷ lệ văn bản đi được ký số (chữ ký số chuyên dùng)", "%", "esign.rate"),
    ("Số văn bản đến (điện tử)", "Văn bản", "edocs.incoming"),
    ("Số HS tiếp nhận trực tuyến", "HS", "dossiers.received_online"),
    ("Số TTHC cung cấp DVCTT toàn trình", "TTHC", "dvc.level4"),
    ("Số CBCC được cử đi đào tạo, bồi dưỡng", "Lượt", "staff.trained"),
    ("Tổng số cán bộ, công chức được giao", "Người", "staff.quota"),
    ("Số cán bộ, công chức cấp xã hiện có", "Người", "staff.present"),
    ("Số TTHC được công bố trong kỳ", "TTHC", "tthc.published"),
])
def test_notes_in_parentheses_colons_and_abbreviations_do_not_hide_a_rows_code(label, unit, code):
    assert _codes([("1", label, unit)]) == {"1": code}


@pytest.mark.parametrize("label,unit", [
    ("Số hồ sơ tiếp nhận (cấp huyện)", "Hồ sơ"),       # the note names another tier: judged as printed
    ("Số hồ sơ tiếp nhận của toàn huyện", "Hồ sơ"),
    ("Kế hoạch năm: tỷ lệ hồ sơ trực tuyến", "%"),
])
def test_another_tiers_row_or_a_target_gives_none(label, unit):
    assert _codes([("1", label, unit)]) == {}


def test_dossiers_counted_under_a_rate_of_some_procedures_are_that_subsets():
    """Sample's Biểu 7, 6.7: the dossiers of the level-3/4 procedures only (the parenthesis no
    longer hides '6.7.1 Tổng số hồ sơ TTHC đã tiếp nhận')."""
    rows = [("6.7", "Tỷ lệ hồ sơ TTHC được tiếp nhận trực tuyến mức độ 3 và 4 (Chỉ thống kê đối với các TTHC "
                    "mức độ 3 và 4 có phát sinh hồ sơ)", "%"),
            ("6.7.1", "Tổng số hồ sơ TTHC đã tiếp nhận (cả trực tiếp và trực tuyến)", "Hồ sơ"),
            ("6.7.2", "Số hồ sơ tiếp nhận trực tuyến", "Hồ sơ")]
    assert _codes(rows, form="7") == {}


def test_on_time_is_split_only_beside_an_early_row_of_the_same_parent():
    rows = [("2", "Số hồ sơ đã giải quyết", "Hồ sơ"), ("2.1", "Số hồ sơ giải quyết đúng hạn", "Hồ sơ"),
            ("10", "Số hồ sơ giải quyết trước hạn (sớm hạn)", "Hồ sơ")]
    assert _codes(rows)["2.1"] == "dossiers.on_time"


def test_short_child_labels_are_read_after_their_parents():
    rows = [("1", "Số hồ sơ tiếp nhận", "Hồ sơ"), ("1.1", "Trực tuyến", "Hồ sơ"), ("1.2", "Trực tiếp", "Hồ sơ"),
            ("1.3", "Kỳ trước chuyển sang", "Hồ sơ"),
            ("2", "Số hồ sơ đã giải quyết", "Hồ sơ"), ("2.1", "Trước hạn", "Hồ sơ"), ("2.2", "Đúng hạn", "Hồ sơ"),
            ("2.3", "- Quá hạn", "Hồ sơ"),
            ("3", "Số hồ sơ đang giải quyết", "Hồ sơ"), ("3.1", "Trong hạn", "Hồ sơ"), ("3.2", "Quá hạn", "Hồ sơ")]
    assert _codes(rows) == {"1": "dossiers.received", "1.1": "dossiers.received_online",
                            "1.2": "dossiers.received_direct", "1.3": "dossiers.carried_over",
                            "2": "dossiers.resolved", "2.1": "dossiers.early", "2.2": "dossiers.on_time_exact",
                            "2.3": "dossiers.late", "3": "dossiers.pending"}
    pakn = [("3", "Phản ánh, kiến nghị", None), ("3.1", "Tiếp nhận", "PAKN"), ("3.2", "Đã giải quyết", "PAKN")]
    assert _codes(pakn) == {"3.1": "feedback.received", "3.2": "feedback.resolved"}


def test_a_child_label_that_names_its_own_measure_is_not_read_after_its_parent():
    rows = [("5", "Số lượng phiếu điều tra, khảo sát", "Phiếu"), ("5.1", "Số phiếu thu về", "Phiếu")]
    assert _codes(rows, form="1") == {"5": "survey.forms"}


def test_count_rows_without_so_and_children_of_a_heading_row():
    """Rows of /work/coord/audit_forms holdout3 (forms written as commune templates print them): a
    count named without "Số", a "Số …" child under a heading row read within it, and "Đã …" read
    after its first sibling, and a bare "Tỷ lệ" right after "Đã hoàn thành" is the completion rate."""
    rows = [("1", "Văn bản chỉ đạo, điều hành CCHC đã ban hành", "Văn bản"),
            ("2", "Kế hoạch CCHC", None), ("2.1", "Số nhiệm vụ", "Nhiệm vụ"), ("2.2", "Đã hoàn thành", "Nhiệm vụ"),
            ("2.3", "Tỷ lệ", "%")]
    assert _codes(rows, form="1") == {"1": "direction.docs_issued", "2.1": "plan.tasks_total", "2.2": "plan.tasks_done",
                                      "2.3": "plan.completion_rate"}
    # a bare "Tỷ lệ" after anything else names no measure
    assert _codes([("2", "Kế hoạch CCHC", None), ("2.1", "Số nhiệm vụ", "Nhiệm vụ"), ("2.2", "Tỷ lệ", "%")],
                  form="1") == {"2.1": "plan.tasks_total"}
    assert _codes([("6", "Thủ tục hành chính được công bố", "Thủ tục")], form="3") == {"6": "tthc.published"}


def test_a_rate_or_a_heading_is_never_read_with_a_count_lead():
    rows = [("1", "Hồ sơ", "Hồ sơ"), ("2", "Kết quả thực hiện", "%"), ("3", "Tiếp nhận", "Hồ sơ")]
    assert _codes(rows, form="3") == {}


def test_a_one_stop_systems_grid_terms():
    """Gia Lai's one-stop statistics (motcua.gialai.gov.vn, audit_forms set): "Cần xử lý" is the total to
    handle, "Đã tiếp nhận" beside it the period's intake, "Đã xử lý / Trễ" and "/ Sớm" late and not late;
    the pending parts give nothing."""
    cols = ["STT", "Lĩnh vực", "Đã tiếp nhận", "Tồn kỳ trước", "Cần xử lý", "Đang xử lý / Trễ", "Đang xử lý / Sắp trễ",
            "Đang xử lý / Chưa đến", "Đã xử lý / Trễ", "Đã xử lý / Sớm", "Chưa nhận"]
    assert _grid_codes(cols) == {"Đã tiếp nhận": "dossiers.received_in_period", "Tồn kỳ trước": "dossiers.carried_over",
                                 "Cần xử lý": "dossiers.received", "Đã xử lý / Trễ": "dossiers.late",
                                 "Đã xử lý / Sớm": "dossiers.on_time"}
    # without a "Cần xử lý" total, "Đã tiếp nhận" is the intake itself
    assert _grid_codes(["Lĩnh vực", "Đã tiếp nhận", "Đã giải quyết"]) == {
        "Đã tiếp nhận": "dossiers.received", "Đã giải quyết": "dossiers.resolved"}


def test_a_bare_total_column_beside_the_handled_ones_is_the_intake():
    """Thừa Thiên Huế's public-service statistics (dichvucong.thuathienhue.gov.vn): "Tổng" next to
    "Đã xử lý"; a bare "Tổng" with no such column stays unread."""
    cols = ["Lĩnh vực", "Tổng", "Đã xử lý", "Chưa xử lý", "Trễ hạn / Tổng", "Trễ hạn / %"]
    assert _grid_codes(cols) == {"Tổng": "dossiers.received", "Đã xử lý": "dossiers.resolved",
                                 "Trễ hạn / Tổng": "dossiers.late", "Trễ hạn / %": "dossiers.late_rate"}
    assert "Tổng" not in _grid_codes(["Lĩnh vực", "Tổng", "Ghi chú"])
