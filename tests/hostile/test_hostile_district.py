"""The district's spreadsheet and CSVs against hostile text (formula injection), a hostile units
roster, and a full disk (issue 14)."""
from __future__ import annotations

import csv
from pathlib import Path

import openpyxl
import pytest

from report_factory import make_report
from report_parser.models import Check, FormRow, Reference
from report_parser.store import import_report, open_store
from report_parser.textsafe import FORMULA_STARTS, cell
from hostile_harness import assert_one_line, run
from hostile_inputs import sample_copy, units_csv

PAYLOADS = ['=HYPERLINK("http://evil.example/x","Bấm vào đây")', "+1+cmd|' /C calc'!A0", "-2+3", "@SUM(A1:A9)",
            "\t=1+1", "\r=1+1"]


def test_cell_prefixes_formula_text_and_leaves_numbers_and_plain_text():
    assert [cell(p) for p in PAYLOADS] == ["'" + p for p in PAYLOADS]
    assert [cell(v) for v in (-5, 3.5, None, "Lê Hồng", "'=x")] == [-5, 3.5, None, "Lê Hồng", "'=x"]


def _injected_store(tmp_path: Path) -> Path:
    """A store filled by a real batch (file names that are formulas, good and bad) and by reports whose
    form labels, check messages and cited documents' subjects are formulas."""
    src = tmp_path / "in"
    src.mkdir()
    sample_copy(src / "=HYPERLINK(1).txt")
    for i, name in enumerate(["=cmd.txt", "+cmd.txt", "-cmd.txt", "@cmd.txt"]):
        (src / name).write_bytes(b"")  # empty: listed in errors.csv and the errors sheet
    db = tmp_path / "district.sqlite"
    # run inside the folder: the files' relative paths (stored, listed) start with the formula
    r = run("batch", ".", "--out", tmp_path / "out", "--db", db, "--workers", "1", cwd=src)
    assert r.code == 5, r.stderr
    conn = open_store(db)
    for n, unit in enumerate(["Tứ Cường", "Ngô Quyền"]):
        report = make_report(unit, "Thanh Miện", "Hải Dương", values={"dossiers.received": 10 + n},
                             refs=[("Kế hoạch", "12/KH-UBND", "2022-01-05", PAYLOADS[3])] * 1, salt=str(n))
        report.tables[0].rows.append(FormRow(code="=1", label=PAYLOADS[0] + " Số nhiệm vụ", unit="-", value=1,
                                             raw="@x", note=PAYLOADS[1]))
        report.references[0].subject = PAYLOADS[2]
        report.checks.append(Check(rule="=rule", severity="warning", message=PAYLOADS[4], evidence=[PAYLOADS[5]]))
        report.source.path = f"{PAYLOADS[1]}/{unit}.docx"
        import_report(conn, report)
    conn.close()
    return db


def _assert_no_formula(values) -> int:
    """No value is a formula; returns how many escaped payloads were seen."""
    escaped = 0
    for v in values:
        if isinstance(v, str):
            assert not v.startswith(FORMULA_STARTS), repr(v)
            escaped += v.startswith(tuple("'" + s for s in FORMULA_STARTS))
    return escaped


def test_no_cell_of_the_spreadsheet_or_the_csvs_is_a_formula(tmp_path):
    db = _injected_store(tmp_path)
    units = tmp_path / "units.csv"
    units.write_text("name,district,cum\nLê Hồng,Thanh Miện,=cmd|' /C calc'!A0\nTứ Cường,Thanh Miện,@A1\n"
                     "Ngô Quyền,Thanh Miện,+x\n", encoding="utf-8")
    xlsx, out_csv = tmp_path / "d.xlsx", tmp_path / "d.csv"
    for target in (xlsx, out_csv):
        r = run("aggregate", "--db", db, "--units", units, "--by", "cum", "-o", target)
        assert r.code == 0, r.stderr
    wb = openpyxl.load_workbook(xlsx)
    cells = [c for ws in wb.worksheets for row in ws.iter_rows() for c in row]
    assert not [c.coordinate for c in cells if c.data_type == "f"]
    seen = _assert_no_formula(c.value for c in cells)
    assert seen >= 8  # the payloads did reach the sheets (escaped), the test is not vacuous
    assert any(isinstance(c.value, (int, float)) and c.value == 10 for c in cells)  # numbers stay numbers
    csv_seen = 0
    for f in sorted(tmp_path.glob("d*.csv")) + [tmp_path / "out" / "errors.csv"]:
        rows = list(csv.reader(f.read_text(encoding="utf-8-sig").splitlines()))
        csv_seen += _assert_no_formula(v for row in rows for v in row)
    assert csv_seen >= 8
    errors = (tmp_path / "out" / "errors.csv").read_text(encoding="utf-8-sig")
    assert "'=" in errors and "'+" in errors and "'-" in errors and "'@" in errors


@pytest.mark.parametrize("make, words", [
    (lambda p: units_csv(p, 100_000), "the units roster has 100,00"),
    (lambda p: units_csv(p, 3, cell="x" * 140_000), "not a readable CSV (field larger than field limit"),
    (lambda p: units_csv(p, 3, cell="x" * 20_000), "has a cell of 20,000 characters, over the limit"),
])
def test_a_hostile_units_roster_is_one_line(tmp_path, make, words):
    db = tmp_path / "district.sqlite"
    conn = open_store(db)
    import_report(conn, make_report("Lê Hồng", "Thanh Miện", "Hải Dương", values={"dossiers.received": 1}))
    conn.close()
    units = make(tmp_path / "units.csv")
    assert_one_line(run("aggregate", "--db", db, "--units", units, "-o", tmp_path / "d.xlsx"), 3, words)


@pytest.mark.parametrize("suffix", [".xlsx", ".csv", ".json"])
def test_a_full_disk_while_writing_the_spreadsheet_is_one_line(tmp_path, suffix):
    db = tmp_path / "district.sqlite"
    conn = open_store(db)
    import_report(conn, make_report("Lê Hồng", "Thanh Miện", "Hải Dương", values={"dossiers.received": 1}))
    conn.close()
    full = tmp_path / f"district{suffix}"
    full.symlink_to("/dev/full")
    assert_one_line(run("aggregate", "--db", db, "-o", full), 3, "No space left on device")
