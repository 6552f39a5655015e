"""Aggregation and export: exact totals, rates recomputed from sums, roster gaps, and the files."""
from __future__ import annotations

import csv
import datetime as dt
import json

import openpyxl
import pytest

from report_parser.aggregate import aggregate
from report_parser.export import write
from report_parser.store import import_report, open_store, record_error
from report_parser.units import Roster
from report_factory import make_report

# two communes of Thanh Miện, one of Ninh Giang (both Hải Dương)
DATA = [
    ("Lê Hồng", "Thanh Miện", {"dossiers.received": 1224, "dossiers.resolved": 1221, "dossiers.on_time": 1220,
                               "dossiers.on_time_rate": 99.9, "plan.tasks_total": 28, "plan.tasks_done": 24},
     {"Hộ tịch": {"dossiers.received": 224}, "Chứng thực": {"dossiers.received": 873}}),
    ("Tứ Cường", "Thanh Miện", {"dossiers.received": 100, "dossiers.resolved": 100, "dossiers.on_time": 50,
                                "dossiers.on_time_rate": 50.0, "plan.tasks_total": 10, "plan.tasks_done": 10},
     {"Hộ tịch": {"dossiers.received": 40}}),
    ("Hồng Dụ", "Ninh Giang", {"dossiers.received": 10, "dossiers.resolved": 9, "dossiers.on_time": 9,
                                 "dossiers.on_time_rate": 100}, {}),
]
SHARED_REF = ("Nghị định", "130/2005/NĐ-CP", "2005-10-17", "Chính phủ")


@pytest.fixture
def conn(tmp_path):
    c = open_store(tmp_path / "district.sqlite")
    for unit, district, values, fields in DATA:
        own = ("Kế hoạch", "309/KH-UBND", "2021-12-31", f"UBND xã {unit}")
        import_report(c, make_report(unit, district, "Hải Dương", values=values, fields=fields,
                                     table_values={"dossiers.received": 1}, refs=[SHARED_REF, own],
                                     checks=[("sum-mismatch", "warning", f"{unit}: lệch")]))
    record_error(c, "/in/hong.pdf", "UnreadableInput", "/in/hong.pdf: not a PDF file")
    yield c
    c.close()


def rows_by_code(sheet) -> dict:
    return {row[1]: row for row in sheet.rows}


def test_totals_per_district_add_the_text_values_exactly(conn):
    agg = aggregate(conn, by="district", period="2022-H1")
    summary = agg.sheets[0]
    assert summary.name == "Tổng hợp"
    assert [c.title for c in summary.columns[4:]] == ["Ninh Giang, Hải Dương", "Thanh Miện, Hải Dương", "Toàn bộ"]
    assert [c.code for c in summary.columns[4:]] == ["299", "300", "Toàn bộ"]
    rows = rows_by_code(summary)
    assert rows["reports"][4:] == [1, 2, 3]
    # the text value wins over the table value (1) of the same report
    assert rows["dossiers.received"][4:] == [10, 1324, 1334]
    assert rows["plan.tasks_total"][4:] == [None, 38, 38]


def test_rates_are_recomputed_from_sums_next_to_the_mean_of_stated_rates(conn):
    rows = rows_by_code(aggregate(conn, by="district").sheets[0])
    recomputed, mean = rows["dossiers.on_time_rate"], rows["dossiers.on_time_rate:mean"]
    assert recomputed[3] == "Σ tử số / Σ mẫu số" and mean[3] == "Trung bình"
    assert recomputed[5] == pytest.approx(100 * (1220 + 50) / (1221 + 100))   # Thanh Miện: 96.14, not 74.95
    assert mean[5] == pytest.approx((99.9 + 50) / 2)
    assert recomputed[6] == pytest.approx(100 * 1279 / 1330)
    # a rate no report states is still recomputed when its counts are there
    assert rows["plan.completion_rate"][5] == pytest.approx(100 * 34 / 38)


def test_fields_commune_table_references_checks_and_failed_files(conn):
    agg = aggregate(conn, by="district")
    sheets = {s.name: s for s in agg.sheets}
    assert list(sheets) == ["Tổng hợp", "Theo xã", "Lĩnh vực", "Biểu mẫu", "Văn bản", "Kiểm tra", "Kiểm tra đã bỏ qua", "Tệp lỗi"]
    fields = {(r[0], r[1]): r for r in sheets["Lĩnh vực"].rows}
    col = [c.code for c in sheets["Lĩnh vực"].columns].index("dossiers.received")
    assert fields[("Thanh Miện, Hải Dương", "Hộ tịch")][col] == 264
    assert fields[("Toàn bộ", "Chứng thực")][col] == 873
    communes = sheets["Theo xã"]
    codes = [c.code for c in communes.columns]
    le_hong = next(r for r in communes.rows if r[1] == "Lê Hồng")
    assert le_hong[codes.index("unit_code")] == "11266"
    assert le_hong[codes.index("symbol")] == "165/BC-UBND"
    assert le_hong[codes.index("date")] == dt.date(2022, 6, 13)
    assert le_hong[codes.index("period")] == "2022-H1"
    assert le_hong[codes.index("dossiers.received")] == 1224
    refs = sheets["Văn bản"].rows
    assert [(r[1], r[5]) for r in refs] == [("130/2005/NĐ-CP", 3)]  # each commune's own 309/KH-UBND is not shared
    assert len(sheets["Kiểm tra"].rows) == 3 and sheets["Kiểm tra"].rows[0][4] == "sum-mismatch"
    assert sheets["Tệp lỗi"].rows[0][:2] == ["/in/hong.pdf", "UnreadableInput"]
    forms = {(r[0], r[1]): r for r in sheets["Biểu mẫu"].rows}
    assert forms[("3", "3.3.1")][5:8] == [9, 1321, 1330]
    assert forms[("3", "3.3")][4] == "Trung bình" and forms[("3", "3.3")][6] == pytest.approx(74.95)


def test_roster_groups_and_lists_communes_that_sent_nothing(conn, tmp_path):
    units = tmp_path / "units.csv"
    units.write_text("name,district,cum\nLê Hồng,Thanh Miện,Cụm 1\nTứ Cường,Thanh Miện,Cụm 2\n"
                     "Ngô Quyền,Thanh Miện,Cụm 1\nHồng Dụ,Ninh Giang,Cụm 2\n", encoding="utf-8")
    agg = aggregate(conn, by="cum", roster=Roster.load(units))
    assert [m[1] for m in agg.missing] == ["Ngô Quyền"]
    rows = rows_by_code(agg.sheets[0])
    assert [c.title for c in agg.sheets[0].columns[4:]] == ["Cụm 1", "Cụm 2", "Toàn bộ"]
    assert rows["dossiers.received"][4:] == [1224, 110, 1334]
    assert rows["missing"][4:] == [1, 0, 1]
    status = {r[1]: r[10] for r in agg.sheets[1].rows}
    assert status == {"Lê Hồng": "Đã báo cáo", "Tứ Cường": "Đã báo cáo", "Hồng Dụ": "Đã báo cáo",
                      "Ngô Quyền": "Chưa gửi báo cáo"}


def test_grouping_by_province_and_unknown_column(conn):
    rows = rows_by_code(aggregate(conn, by="province").sheets[0])
    assert rows["dossiers.received"][4:] == [1334, 1334]
    with pytest.raises(ValueError, match="--by cum"):
        aggregate(conn, by="cum")


def test_xlsx_has_the_sheets_two_header_rows_frozen_filter_and_number_formats(conn, tmp_path):
    out = tmp_path / "district.xlsx"
    write(aggregate(conn, by="district").sheets, out)
    wb = openpyxl.load_workbook(out)
    assert wb.sheetnames == ["Tổng hợp", "Theo xã", "Lĩnh vực", "Biểu mẫu", "Văn bản", "Kiểm tra", "Kiểm tra đã bỏ qua", "Tệp lỗi"]
    ws = wb["Tổng hợp"]
    assert ws["A1"].value == "Chỉ tiêu" and ws["B2"].value == "code" and ws["F2"].value == "300"
    assert ws.freeze_panes == "B3" and ws.auto_filter.ref.startswith("A2:")
    by_code = {ws.cell(r, 2).value: r for r in range(3, ws.max_row + 1)}
    received = ws.cell(by_code["dossiers.received"], 6)
    assert received.value == 1324 and received.number_format == "#,##0"
    rate = ws.cell(by_code["dossiers.on_time_rate"], 6)
    assert rate.value == pytest.approx(96.139, abs=1e-3) and rate.number_format == "#,##0.0"
    theo_xa = wb["Theo xã"]
    headers = [c.value for c in theo_xa[2]]
    date_cell = theo_xa.cell(3, headers.index("date") + 1)
    assert date_cell.number_format == "dd/mm/yyyy" and date_cell.value.date().year == 2022


def test_csv_files_start_with_a_bom_and_json_keys_rows_by_column_code(conn, tmp_path):
    written = write(aggregate(conn, by="district").sheets, tmp_path / "d.csv")
    assert [p.name for p in written][:3] == ["d.csv", "d-theo-xa.csv", "d-linh-vuc.csv"]
    raw = written[0].read_bytes()
    assert raw.startswith(b"\xef\xbb\xbf")
    rows = list(csv.reader(raw.decode("utf-8-sig").splitlines()))
    assert rows[0][0] == "Chỉ tiêu" and rows[1][1] == "code"
    assert next(r for r in rows if r[1] == "dossiers.received")[4:] == ["10", "1324", "1334"]
    write(aggregate(conn, by="district").sheets, tmp_path / "d.json")
    data = json.loads((tmp_path / "d.json").read_text(encoding="utf-8"))
    row = next(r for r in data["Tổng hợp"]["rows"] if r["code"] == "dossiers.received")
    assert row["300"] == 1324
    assert data["Theo xã"]["rows"][0]["date"] == "2022-06-13"
