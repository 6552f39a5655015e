"""Corrections: recorded beside the parsed values (never over them), used and marked by the
aggregation, kept when the same file is imported again, refused for a report not in the store."""
from __future__ import annotations

import json
import subprocess
import sys

import openpyxl
import pytest

from report_parser import corrections
from report_parser.aggregate import aggregate
from report_parser.export import write
from report_parser.store import import_report, open_store
from report_factory import make_report

VALUES = {"dossiers.received": 1224, "dossiers.resolved": 1221, "plan.tasks_total": 28}


@pytest.fixture
def stored(tmp_path):
    conn = open_store(tmp_path / "district.sqlite")
    report = make_report("Lê Hồng", "Thanh Miện", "Hải Dương", values=VALUES,
                         checks=[("breakdown-sum", "warning", "lệch tổng"), ("rate-claim", "error", "sai tỷ lệ")])
    import_report(conn, report)
    yield conn, report
    conn.close()


def corrections_file(report, items) -> dict:
    return {"report": {"sha256": report.source.sha256, "path": report.source.path}, "corrections": items}


def ind(report, code, **kw) -> dict:
    i = next(i for i in report.indicators if i.code == code)
    return {"target": "indicator", "key": corrections.key_of_indicator(i), "original": i.value, **kw}


def sheet(agg, name):
    return next(s for s in agg.sheets if s.name == name)


def test_a_corrected_value_is_used_and_marked_and_the_original_kept(stored, tmp_path):
    conn, report = stored
    fix = corrections_file(report, [ind(report, "dossiers.received", action="value", value=1204),
                                    ind(report, "plan.tasks_total", action="not_indicator"),
                                    {"target": "row", "key": "3|3.3.1", "action": "value", "value": 1220}])
    assert corrections.apply(conn, [corrections.CorrectionsFile.model_validate(fix)], by="Chị Lan") == 3
    assert conn.execute("SELECT value FROM indicators WHERE code = 'dossiers.received'").fetchone()[0] == 1224
    agg = aggregate(conn, period="2022-H1")
    communes = sheet(agg, "Theo xã")
    codes = [c.code for c in communes.columns]
    row = communes.rows[0]
    assert row[codes.index("dossiers.received")] == 1204 and "plan.tasks_total" not in codes
    note = communes.notes[(0, codes.index("dossiers.received"))]
    assert "Chị Lan" in note and "Đã sửa" in note
    forms = sheet(agg, "Biểu mẫu")
    form_row = next(r for r in forms.rows if r[1] == "3.3.1")
    assert form_row[5] == 1220 and (forms.rows.index(form_row), 5) in forms.notes
    out = tmp_path / "district.xlsx"
    write(agg.sheets, out)
    ws = openpyxl.load_workbook(out)["Theo xã"]
    cell = ws.cell(row=3, column=codes.index("dossiers.received") + 1)
    assert cell.value == 1204 and "Chị Lan" in cell.comment.text and cell.fill.fgColor.rgb.endswith("FFF2CC")


def test_dismissed_checks_are_listed_apart_and_accepted_ones_noted(stored):
    conn, report = stored
    dismiss, accept = report.checks
    fix = corrections_file(report, [
        {"target": "check", "key": corrections.check_key(dismiss), "action": "dismiss"},
        {"target": "check", "key": corrections.check_key(accept), "action": "accept"}])
    corrections.apply(conn, [corrections.CorrectionsFile.model_validate(fix)], by="Anh Nam")
    agg = aggregate(conn)
    checks, dismissed = sheet(agg, "Kiểm tra"), sheet(agg, "Kiểm tra đã bỏ qua")
    assert [r[4] for r in checks.rows] == ["rate-claim"] and "Đã xác nhận bởi Anh Nam" in checks.notes[(0, 3)]
    assert [r[4] for r in dismissed.rows] == ["breakdown-sum"] and "Đã bỏ qua" in dismissed.notes[(0, 3)]


def test_reimporting_the_same_file_keeps_its_corrections(stored):
    conn, report = stored
    fix = corrections_file(report, [ind(report, "dossiers.received", action="value", value=1204)])
    corrections.apply(conn, [corrections.CorrectionsFile.model_validate(fix)])
    import_report(conn, report, force=True)  # the rows are replaced; the corrections stay
    assert aggregate(conn).reports[0].get("dossiers.received") == 1204


def test_the_latest_correction_of_a_value_wins(stored):
    conn, report = stored
    for value in (1000, 1204):
        fix = corrections_file(report, [ind(report, "dossiers.received", action="value", value=value)])
        corrections.apply(conn, [corrections.CorrectionsFile.model_validate(fix)])
    assert aggregate(conn).reports[0].get("dossiers.received") == 1204


def test_bad_corrections_are_refused_with_one_line(stored, tmp_path):
    conn, report = stored
    other = make_report("Tứ Cường", "Thanh Miện", "Hải Dương", values=VALUES)
    cases = [
        (corrections_file(other, [ind(other, "dossiers.received", action="value", value=1)]), "not in the store"),
        (corrections_file(report, [{"target": "indicator", "key": "nope|||", "action": "value", "value": 1}]),
         "has no indicator"),
        (corrections_file(report, [ind(report, "dossiers.received", action="dismiss")]), "cannot be corrected"),
        (corrections_file(report, [ind(report, "dossiers.received", action="value")]), "has no value"),
    ]
    for data, words in cases:
        with pytest.raises(corrections.CorrectionError, match=words):
            corrections.apply(conn, [corrections.CorrectionsFile.model_validate(data)])
    assert conn.execute("SELECT COUNT(*) FROM corrections").fetchone()[0] == 0


def test_correct_command_one_line_error_for_a_report_not_in_the_store(stored, tmp_path):
    conn, report = stored
    other = make_report("Tứ Cường", "Thanh Miện", "Hải Dương", values=VALUES)
    path = tmp_path / "corrections.json"
    path.write_text(json.dumps(corrections_file(other, [ind(other, "dossiers.received", action="value", value=1)])))
    db = tmp_path / "district.sqlite"
    r = subprocess.run([sys.executable, "-m", "report_parser", "correct", "--db", str(db), str(path)],
                       capture_output=True, text=True, timeout=120)
    assert r.returncode == 2 and r.stderr.count("\n") == 1 and "is not in the store" in r.stderr
    path.write_text("{not json")
    r = subprocess.run([sys.executable, "-m", "report_parser", "correct", "--db", str(db), str(path)],
                       capture_output=True, text=True, timeout=120)
    assert r.returncode == 2 and r.stderr.count("\n") == 1 and "not a corrections file" in r.stderr


def test_the_review_of_a_store_lists_reports_and_missing_communes_and_shows_stored_corrections(stored, tmp_path):
    from report_parser.review.district import write_all
    from report_parser.units import Roster

    conn, report = stored
    fix = corrections_file(report, [ind(report, "dossiers.received", action="value", value=1204),
                                    {"target": "check", "key": corrections.check_key(report.checks[0]),
                                     "action": "dismiss"}])
    corrections.apply(conn, [corrections.CorrectionsFile.model_validate(fix)], by="Lan")
    units = tmp_path / "units.csv"
    units.write_text("name,district\nLê Hồng,Thanh Miện\nTứ Cường,Thanh Miện\n", encoding="utf-8")
    pages = write_all(conn, tmp_path / "review", roster=Roster.load(units))
    index = (tmp_path / "review" / "index.html").read_text(encoding="utf-8")
    assert len(pages) == 1 and f'href="{pages[0].name}"' in index
    assert "Xã chưa gửi báo cáo (1)" in index and "Tứ Cường" in index
    page = pages[0].read_text(encoding="utf-8")
    data = json.loads(page.split('id="review-data">')[1].split("</script>")[0])
    k = next(k for k, i in enumerate(report.indicators) if i.code == "dossiers.received")
    assert data["stored"][f"ind-{k}"]["value"] == 1204 and "Lan" in data["stored"][f"ind-{k}"]["note"]
    assert data["stored"]["chk-0"]["action"] == "dismiss"


def test_correct_command_one_line_error_when_the_store_fails_under_it(stored, tmp_path):
    """A store error met while the corrections are written (a damaged or foreign table here; a
    lock held too long alike) was a traceback: it is one line and exit 3 now."""
    conn, report = stored
    conn.execute("DROP TABLE corrections")
    conn.execute("CREATE VIEW corrections AS SELECT sha256 FROM reports")  # cannot be written
    path = tmp_path / "corrections.json"
    path.write_text(json.dumps(corrections_file(report, [ind(report, "dossiers.received", action="value",
                                                             value=1204)])))
    r = subprocess.run([sys.executable, "-m", "report_parser", "correct", "--db", str(tmp_path / "district.sqlite"),
                        str(path)], capture_output=True, text=True, timeout=120)
    assert r.returncode == 3 and r.stderr.count("\n") == 1, r.stderr
    assert "Traceback" not in r.stderr and "district.sqlite" in r.stderr
