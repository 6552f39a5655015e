"""The SQLite store: one transaction per report, dedup by sha256, newer report replaces older, migrations."""
from __future__ import annotations

import hashlib
import sqlite3
import subprocess
import sys

import pytest

from report_parser import store
from report_parser.store import StoreError, import_report, migrate, open_store, period_key
from report_factory import make_report


def count(conn, table: str) -> int:
    return conn.execute(f"SELECT COUNT(*) FROM {table}").fetchone()[0]


@pytest.fixture
def conn(tmp_path):
    c = open_store(tmp_path / "district.sqlite")
    yield c
    c.close()


def test_new_store_has_the_current_schema_version(conn):
    assert conn.execute("PRAGMA user_version").fetchone()[0] == store.SCHEMA_VERSION == 3


def test_a_report_is_stored_with_codes_indicators_references_rows_and_checks(conn):
    r = make_report("Lê Hồng", "Thanh Miện", "Hải Dương", values={"dossiers.received": 1224},
                    fields={"Hộ tịch": {"dossiers.received": 224}},
                    refs=[("Kế hoạch", "309/KH-UBND", "2021-12-31", "UBND xã Lê Hồng")],
                    checks=[("sum-mismatch", "warning", "tổng không khớp")])
    result = import_report(conn, r)
    assert result.status == "new"
    row = conn.execute("SELECT * FROM reports").fetchone()
    assert (row["unit"], row["unit_code"], row["district_code"], row["province_code"]) == (
        "Lê Hồng", "11266", "300", "30")
    assert (row["unit_2025"], row["province_2025"]) == ("Bắc Thanh Miện", "Hải Phòng")
    assert (row["period_key"], row["symbol"], row["date"]) == ("2022-H1", "165/BC-UBND", "2022-06-13")
    assert row["sha256"] == r.source.sha256 and row["size"] == 1000
    total = "SELECT value FROM indicators WHERE code='dossiers.received' AND field IS NULL"
    assert conn.execute(total).fetchone()[0] == 1224
    assert conn.execute("SELECT value FROM indicators WHERE field='Hộ tịch'").fetchone()[0] == 224
    assert conn.execute("SELECT symbol FROM refs").fetchone()[0] == "309/KH-UBND"
    assert count(conn, "mentions") == 1 and count(conn, "table_rows") == 2 and count(conn, "checks") == 1


def test_the_same_file_is_skipped_unless_forced(conn):
    r = make_report("Lê Hồng", "Thanh Miện", "Hải Dương", values={"dossiers.received": 1})
    assert import_report(conn, r).status == "new"
    assert import_report(conn, r).status == "skipped"
    assert import_report(conn, r, force=True).status == "new"
    assert count(conn, "reports") == 1 and count(conn, "indicators") == 1


def test_a_newer_report_of_the_same_commune_and_period_replaces_the_older_and_says_so(conn):
    old = make_report("Lê Hồng", "Thanh Miện", "Hải Dương", date="2022-06-13", values={"dossiers.received": 1})
    new = make_report("Lê Hồng", "Thanh Miện", "Hải Dương", date="2022-06-20", number="170",
                      values={"dossiers.received": 2})
    import_report(conn, old)
    result = import_report(conn, new)
    assert result.status == "replaced"
    assert "replaces" in result.message and old.source.path in result.message and "2022-H1" in result.message
    assert [r["number"] for r in conn.execute("SELECT number FROM reports")] == ["170"]
    assert conn.execute("SELECT value FROM indicators").fetchall()[0][0] == 2  # the old rows went with it
    assert conn.execute("SELECT path, replaced_by FROM replaced").fetchone()[:] == (old.source.path, new.source.sha256)


def test_an_older_report_arriving_late_does_not_replace_the_newer(conn):
    newer = make_report("Lê Hồng", "Thanh Miện", "Hải Dương", date="2022-06-20", number="170")
    older = make_report("Lê Hồng", "Thanh Miện", "Hải Dương", date="2022-06-13")
    import_report(conn, newer)
    result = import_report(conn, older)
    assert result.status == "older" and "newer" in result.message
    assert [r["number"] for r in conn.execute("SELECT number FROM reports")] == ["170"]


def test_other_communes_and_periods_are_kept_side_by_side(conn):
    import_report(conn, make_report("Lê Hồng", "Thanh Miện", "Hải Dương"))
    import_report(conn, make_report("Tứ Cường", "Thanh Miện", "Hải Dương"))
    import_report(conn, make_report("Lê Hồng", "Thanh Miện", "Hải Dương", kind="Q3", date="2022-09-15"))
    assert sorted(r[0] for r in conn.execute("SELECT period_key FROM reports")) == ["2022-H1", "2022-H1", "2022-Q3"]


def test_migrations_bring_an_old_store_up_to_date(tmp_path):
    conn = sqlite3.connect(tmp_path / "old.sqlite", isolation_level=None)
    assert migrate(conn, store.MIGRATIONS[:1]) == 1
    assert migrate(conn, store.MIGRATIONS[:2]) == 2  # a version-1 store gains the corrections table
    assert "corrections" in [r[0] for r in conn.execute("SELECT name FROM sqlite_master")]
    assert migrate(conn, store.MIGRATIONS) == 3  # and the positions of indicators and checks
    steps = store.MIGRATIONS + ["ALTER TABLE reports ADD COLUMN note TEXT"]
    assert migrate(conn, steps) == 4
    assert conn.execute("PRAGMA user_version").fetchone()[0] == 4
    assert "note" in [r[1] for r in conn.execute("PRAGMA table_info(reports)")]


def test_a_store_from_a_newer_version_is_refused(tmp_path):
    path = tmp_path / "new.sqlite"
    sqlite3.connect(path).execute("PRAGMA user_version = 99")
    with pytest.raises(StoreError, match="newer than this report-parser"):
        open_store(path)


def test_a_file_that_is_not_sqlite_is_refused(tmp_path):
    path = tmp_path / "x.sqlite"
    path.write_bytes(b"this is not a database, just text" * 10)
    with pytest.raises(StoreError, match="not a report-parser store"):
        open_store(path)


def test_period_key_names_year_and_kind():
    assert period_key(make_report("Lê Hồng", "Thanh Miện", "Hải Dương")) == "2022-H1"
    assert period_key(make_report("Lê Hồng", "Thanh Miện", "Hải Dương", kind="Q3")) == "2022-Q3"


def _copy(report, path: str, *, ocr: bool):
    """The same report read from another file (another sha256), born-digital or OCR'd."""
    other = report.model_copy(deep=True)
    other.source.path, other.source.ocr = path, ocr
    other.source.sha256 = hashlib.sha256(path.encode()).hexdigest()
    return other


def test_the_same_report_as_a_scan_does_not_replace_the_born_digital_pdf(conn):
    pdf = make_report("Lê Hồng", "Thanh Miện", "Hải Dương", values={"dossiers.received": 1224})
    scan = _copy(pdf, "/in/le-hong-scanned.pdf", ocr=True)
    assert import_report(conn, pdf).status == "new"
    result = import_report(conn, scan)
    assert result.status == "duplicate"
    assert pdf.source.path in result.message and "born-digital" in result.message and "not stored" in result.message
    assert [r["path"] for r in conn.execute("SELECT path FROM reports")] == [pdf.source.path]
    assert count(conn, "replaced") == 0


def test_a_born_digital_file_replaces_the_same_report_stored_from_a_scan(conn):
    scan = _copy(make_report("Lê Hồng", "Thanh Miện", "Hải Dương"), "/in/le-hong-scanned.pdf", ocr=True)
    pdf = _copy(scan, "/in/le-hong.pdf", ocr=False)
    import_report(conn, scan)
    result = import_report(conn, pdf)
    assert result.status == "replaced" and "born-digital" in result.message and scan.source.path in result.message
    assert [r["path"] for r in conn.execute("SELECT path FROM reports")] == [pdf.source.path]
    assert conn.execute("SELECT path FROM replaced").fetchone()[0] == scan.source.path


def test_the_first_of_two_equally_good_files_of_one_report_is_kept(conn):
    docx = make_report("Lê Hồng", "Thanh Miện", "Hải Dương")
    txt = _copy(docx, "/in/le-hong.txt", ocr=False)
    import_report(conn, docx)
    result = import_report(conn, txt)
    assert result.status == "duplicate" and "first file is kept" in result.message
    assert [r["path"] for r in conn.execute("SELECT path FROM reports")] == [docx.source.path]


def test_the_sample_in_four_formats_keeps_the_first_born_digital_file(conn):
    """`make run` imports the sample as .txt, .docx, .pdf and scan: the scan must never win."""
    txt = make_report("Lê Hồng", "Thanh Miện", "Hải Dương")
    files = [txt, _copy(txt, "/in/s.docx", ocr=False), _copy(txt, "/in/s-scanned.pdf", ocr=True),
             _copy(txt, "/in/s.pdf", ocr=False)]
    assert [import_report(conn, r).status for r in files] == ["new", "duplicate", "duplicate", "duplicate"]
    assert [r["path"] for r in conn.execute("SELECT path FROM reports")] == [txt.source.path]


def test_a_report_with_another_number_on_the_same_day_still_replaces(conn):
    """Not the same report (a corrected report re-issued the same day): the later import wins as before."""
    first = make_report("Lê Hồng", "Thanh Miện", "Hải Dương", number="165")
    second = _copy(make_report("Lê Hồng", "Thanh Miện", "Hải Dương", number="166"), "/in/166.pdf", ocr=True)
    import_report(conn, first)
    assert import_report(conn, second).status == "replaced"
    assert [r["number"] for r in conn.execute("SELECT number FROM reports")] == ["166"]


def test_a_version_1_store_keeps_the_order_of_its_indicators_after_the_upgrade(tmp_path):
    """Version 3 numbers each report's indicators (the aggregate's 'first stated value' read
    SQLite's rowid, which PostgreSQL has not): an old store's rows keep their order."""
    path = tmp_path / "old.sqlite"
    conn = sqlite3.connect(path, isolation_level=None)
    migrate(conn, store.MIGRATIONS[:1])
    conn.execute("INSERT INTO reports (id, sha256, path, imported_at, commune_key, period_key, json) "
                 "VALUES (1, 'x', 'a.docx', '2022', 'k', '2022-H1', '{}')")
    conn.executemany("INSERT INTO indicators (report_id, code, value) VALUES (1, ?, ?)",
                     [("dossiers.received", 5), ("dossiers.received", 7)])
    conn.close()
    db = open_store(path)
    assert [tuple(r) for r in db.execute("SELECT value FROM indicators ORDER BY pos")] == [(5,), (7,)]
    from report_parser.aggregate import report_values
    assert report_values(db, 1) == {("dossiers.received", None): 5}


@pytest.mark.parametrize("command", [["aggregate", "-o", "out.xlsx"], ["review", "-o", "review"]])
def test_a_postgresql_store_without_psycopg_is_one_line(tmp_path, command):
    """store._open_postgres imported psycopg before database.connect could say it is missing:
    a traceback. Without the package a postgresql:// store is one line naming it, exit 3."""
    code = ("import sys; sys.modules['psycopg'] = None\n"  # as if it were not installed
            "from report_parser.cli import main; sys.exit(main(sys.argv[1:]))")
    args = [command[0], "--db", "postgresql://cchc@localhost/cchc", *command[1:]]
    r = subprocess.run([sys.executable, "-c", code, *args], capture_output=True, text=True, timeout=120,
                       cwd=tmp_path)
    assert r.returncode == 3 and r.stderr.count("\n") == 1, r.stderr
    assert "needs the psycopg package" in r.stderr and "Traceback" not in r.stderr
