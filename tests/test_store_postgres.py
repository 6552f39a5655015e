"""The shared PostgreSQL store, against a real throw-away server (tests/pg_cluster.py; skipped
without the Debian postgresql package): the same rules as SQLite, the same aggregate sheets,
concurrent imports of two versions of one commune's report, a lost connection, a killed importer."""
from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
import threading
from pathlib import Path

import psycopg
import pytest

from report_factory import make_report
from report_parser import store
from report_parser.aggregate import aggregate
from report_parser.batch import STORE_UNAVAILABLE, run_batch
from report_parser.database import StoreError, redact
from report_parser.export import write
from report_parser.store import import_report, open_store, record_error, with_retry

TESTS = Path(__file__).resolve().parent
DETAIL_TABLES = {"indicators": "report_id", "refs": "report_id", "table_rows": "report_id",
                 "figures": "report_id", "checks": "report_id"}


def count(db, table: str) -> int:
    return db.execute(f"SELECT COUNT(*) FROM {table}").fetchone()[0]


@pytest.fixture(params=["sqlite", "postgresql"])
def db(request, tmp_path):
    target = str(tmp_path / "d.sqlite") if request.param == "sqlite" else request.getfixturevalue("pg_url")
    conn = open_store(target)
    yield conn
    conn.close()


def test_both_engines_record_the_schema_version(db):
    assert db.schema_version() == store.SCHEMA_VERSION
    if db.engine == "postgresql":
        assert db.execute("SELECT version FROM schema_version").fetchall() == [(store.SCHEMA_VERSION,)]


def test_both_engines_apply_the_replacement_rules(db):
    old = make_report("Lê Hồng", "Thanh Miện", "Hải Dương", date="2022-06-13", values={"dossiers.received": 1})
    new = make_report("Lê Hồng", "Thanh Miện", "Hải Dương", date="2022-06-20", number="170",
                      values={"dossiers.received": 2.5})
    assert import_report(db, old).status == "new"
    assert import_report(db, old).status == "skipped"
    assert import_report(db, new).status == "replaced"
    assert import_report(db, old).status == "older"
    assert [tuple(r) for r in db.execute("SELECT number, date FROM reports")] == [("170", "2022-06-20")]
    assert db.execute("SELECT value FROM indicators").fetchone()[0] == 2.5
    assert [r[0] for r in db.execute("SELECT replaced_by FROM replaced")] == [new.source.sha256]


def test_a_failure_inside_a_report_leaves_nothing_of_it_in_either_engine(db, monkeypatch):
    def broken(*args):
        raise RuntimeError("disk full")

    monkeypatch.setattr(store, "_insert_details", broken)
    with pytest.raises(RuntimeError):
        import_report(db, make_report("Lê Hồng", "Thanh Miện", "Hải Dương", values={"dossiers.received": 1}))
    assert count(db, "reports") == 0 and count(db, "indicators") == 0


def _district() -> list:
    """Reports with everything the sheets read: fields, form rows, shared references, checks,
    a missing district, and two versions of one commune's report."""
    refs = [("Kế hoạch", "309/KH-UBND", "2021-12-31", "UBND huyện Thanh Miện"),
            ("Nghị định", "61/2018/NĐ-CP", "2018-04-23", "Chính phủ")]
    out = []
    for n, (unit, v) in enumerate([("Lê Hồng", 1224.0), ("Tứ Cường", 0.1), ("Ngô Quyền", 7), ("Đoàn Tùng", 1e-3)]):
        out.append(make_report(unit, "Thanh Miện", "Hải Dương", date=f"2022-06-1{n}", number=str(100 + n),
                               values={"dossiers.received": v, "dossiers.on_time": v / 3, "dossiers.resolved": v},
                               fields={"Hộ tịch": {"dossiers.received": v / 7}},
                               table_values={"dossiers.received": v + 1}, refs=refs,
                               checks=[("sum-mismatch", "warning", f"tổng {n}"), ("b", "error", "lỗi")]))
    out.append(make_report("Lê Hồng", "Thanh Miện", "Hải Dương", date="2022-06-30", number="199",
                           values={"dossiers.received": 99.99}, refs=refs[:1]))
    out.append(make_report("Lam Sơn", None, None, values={"dossiers.received": 3}))
    return out


def _sheets(target: str, reports: list, out: Path) -> dict[str, bytes]:
    db = open_store(target)
    for r in reports:
        import_report(db, r)
    record_error(db, "/in/bad.pdf", "UnreadableInput", "hỏng")
    db.execute("UPDATE import_errors SET at = '2025-01-01T00:00:00+00:00'")
    out.mkdir()
    files = write(aggregate(db).sheets, out / "district.csv")
    db.close()
    return {f.name: f.read_bytes() for f in files}


def test_aggregate_writes_byte_identical_sheets_from_sqlite_and_postgresql(tmp_path, pg_url):
    reports = _district()
    lite = _sheets(str(tmp_path / "d.sqlite"), reports, tmp_path / "lite")
    pg = _sheets(pg_url, list(reversed(reports)), tmp_path / "pg")  # another import order, too
    assert len(lite) >= 7 and lite == pg


def test_two_offices_importing_two_versions_at_once_keep_the_newer(pg_url):
    """Two importers, 11 reports each, 6 communes in common (office A has the older version of
    three and the newer of the other three): 16 current reports, 6 replacements, the newer current."""
    units = ["Lê Hồng", "Tứ Cường", "Ngô Quyền", "Đoàn Tùng", "Hồng Quang", "Tân Trào", "Lam Sơn", "Đoàn Kết",
             "Thanh Tùng", "Phạm Kha", "Chi Lăng Bắc", "Chi Lăng Nam", "Ngũ Hùng", "Thanh Giang", "Hồng Phong",
             "Cao Thắng"]
    common, own_a, own_b = units[:6], units[6:11], units[11:]

    def version(unit: str, newer: bool):
        return make_report(unit, "Thanh Miện", "Hải Dương", date="2022-06-25" if newer else "2022-06-10",
                           number="200" if newer else "100", values={"dossiers.received": 2 if newer else 1})

    a = [version(u, i % 2 == 1) for i, u in enumerate(common)] + [version(u, False) for u in own_a]
    b = [version(u, i % 2 == 0) for i, u in enumerate(common)] + [version(u, False) for u in own_b]
    start = threading.Barrier(2)
    failures: list[BaseException] = []

    def office(reports: list) -> None:
        db = open_store(pg_url)
        start.wait()
        try:
            for r in reports:
                import_report(db, r)
        except BaseException as e:
            failures.append(e)
        db.close()

    threads = [threading.Thread(target=office, args=(x,)) for x in (a, b)]
    [t.start() for t in threads]
    [t.join(60) for t in threads]
    db = open_store(pg_url)
    current = {tuple(r) for r in db.execute("SELECT unit, number FROM reports")}
    assert not failures
    assert len(current) == len(units) == 16 and count(db, "replaced") == len(common)
    assert {n for u, n in current if u in common} == {"200"}
    assert db.execute("SELECT COUNT(*) FROM replaced r JOIN reports c ON c.sha256 = r.replaced_by").fetchone()[0] \
        == len(common)


def test_a_lost_connection_is_retried_on_a_new_one(pg_url):
    db = open_store(pg_url)
    with psycopg.connect(pg_url, autocommit=True) as admin:
        admin.execute("SELECT pg_terminate_backend(%s)", (db.conn.info.backend_pid,))
    r = make_report("Lê Hồng", "Thanh Miện", "Hải Dương", values={"dossiers.received": 1})
    assert with_retry(db, lambda: import_report(db, r), wait=0.1).status == "new"
    assert count(db, "reports") == 1 and count(db, "indicators") == 1


def _block_connections(url: str) -> None:
    """Make the store unreachable mid-batch: no new connections, the batch's own one terminated."""
    dbname = url.rsplit("/", 1)[1]
    with psycopg.connect(url.rsplit("/", 1)[0] + "/postgres", autocommit=True) as admin:
        admin.execute(f'ALTER DATABASE "{dbname}" ALLOW_CONNECTIONS false')
        admin.execute("SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE datname = %s", (dbname,))


def test_a_store_that_stays_unreachable_lists_the_report_in_errors_csv(tmp_path, pg_url):
    src = tmp_path / "in"
    src.mkdir()
    (src / "a.txt").write_bytes(b"A report")
    summary = run_batch([src], tmp_path / "out", db=pg_url, workers=1, parse_fn=_ParseThenBlock(pg_url))
    assert [o.error for o in summary.failed] == [STORE_UNAVAILABLE]
    errors = (tmp_path / "out" / "errors.csv").read_text(encoding="utf-8-sig")
    assert STORE_UNAVAILABLE in errors and "a.txt" in errors and "parsed, but not stored" in errors


class _ParseThenBlock:
    """Picklable stand-in parser for the worker process: blocks the store, then parses."""

    def __init__(self, url: str):
        self.url = url

    def __call__(self, path):
        from report_factory import fake_parse

        _block_connections(self.url)
        return fake_parse(path)


def test_a_wrong_password_or_host_is_one_line_without_the_password(pg_cluster):
    url = f"postgresql://nobody:secret@127.0.0.1:{pg_cluster.port}/no_such_db"
    with pytest.raises(StoreError) as e:
        open_store(url)
    assert "secret" not in str(e.value) and "cannot connect" in str(e.value) and "\n" not in str(e.value)
    assert redact(url) == f"postgresql://nobody:***@127.0.0.1:{pg_cluster.port}/no_such_db"


_IMPORTER = """
import sys
sys.path.insert(0, {tests!r})
from report_factory import make_report
from report_parser.store import import_report, open_store
db = open_store({url!r})
for n in range(40):
    r = make_report(f"Xã {{n}}", "Thanh Miện", "Hải Dương", values={{f"c.{{i}}": i for i in range(300)}},
                    checks=[("r", "info", "m")] * 50,
                    refs=[("Kế hoạch", f"{{i}}/KH-UBND", None, None) for i in range(50)])
    print(import_report(db, r).status, flush=True)
"""


@pytest.mark.slow
def test_a_killed_importer_leaves_no_partial_report_and_a_rerun_stores_the_rest(pg_url):
    code = _IMPORTER.format(tests=str(TESTS), url=pg_url)
    proc = subprocess.Popen([sys.executable, "-c", code], stdout=subprocess.PIPE, text=True)
    for _ in range(5):  # a few reports are committed; the next one is mid-transaction or about to be
        proc.stdout.readline()
    os.kill(proc.pid, signal.SIGKILL)
    proc.wait()
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=300)
    assert done.returncode == 0, done.stderr
    statuses = done.stdout.split()
    assert statuses.count("skipped") >= 5 and statuses.count("new") >= 1 and len(statuses) == 40
    db = open_store(pg_url)
    assert count(db, "reports") == 40
    for rid, text in db.execute("SELECT id, json FROM reports").fetchall():
        report = json.loads(text)
        assert db.execute("SELECT COUNT(*) FROM indicators WHERE report_id = ?", (rid,)).fetchone()[0] \
            == len(report["indicators"]) == 300
        assert db.execute("SELECT COUNT(*) FROM checks WHERE report_id = ?", (rid,)).fetchone()[0] == 50
        assert db.execute("SELECT COUNT(*) FROM refs WHERE report_id = ?", (rid,)).fetchone()[0] == 50


def test_an_importer_needs_only_table_privileges_and_a_dashboard_only_select(pg_cluster, pg_url, tmp_path):
    """The README's privileges: the owner migrates once; an office's account with SELECT, INSERT,
    UPDATE, DELETE on the tables imports; a SELECT-only account aggregates."""
    open_store(pg_url).close()
    with psycopg.connect(pg_url, autocommit=True) as admin:
        admin.execute("CREATE ROLE office LOGIN; CREATE ROLE dashboard LOGIN")
        admin.execute("GRANT SELECT, INSERT, UPDATE, DELETE ON ALL TABLES IN SCHEMA public TO office")
        admin.execute("GRANT SELECT ON ALL TABLES IN SCHEMA public TO dashboard")
    office = open_store(pg_url.replace("postgres@", "office@"))
    assert import_report(office, make_report("Lê Hồng", "Thanh Miện", "Hải Dương")).status == "new"
    assert import_report(office, make_report("Lê Hồng", "Thanh Miện", "Hải Dương", date="2022-06-30",
                                             number="170")).status == "replaced"
    record_error(office, "/in/x.pdf", "UnreadableInput", "x")
    record_error(office, "/in/x.pdf", "UnreadableInput", "y")
    office.close()
    dashboard = open_store(pg_url.replace("postgres@", "dashboard@"), write=False)
    assert [r.name for r in aggregate(dashboard).sheets][:2] == ["Tổng hợp", "Theo xã"]
    with pytest.raises(psycopg.errors.InsufficientPrivilege):
        import_report(dashboard, make_report("Tứ Cường", "Thanh Miện", "Hải Dương"))


def test_the_cli_takes_a_postgresql_url_wherever_it_takes_a_store_file(tmp_path, pg_url, capsys):
    """batch and aggregate with --db postgresql://...: the sample stored, the sheet written, the
    password-free URL in the summary, a server that refuses the login one line and exit 3."""
    import shutil

    from report_parser.cli import main

    src = tmp_path / "in"
    src.mkdir()
    shutil.copy(TESTS.parent / "samples" / "le-hong-2022-h1.txt", src)
    assert main(["batch", str(src), "--out", str(tmp_path / "out"), "--db", pg_url, "--workers", "1"]) == 0
    assert "1 new" in capsys.readouterr().err
    assert main(["aggregate", "--db", pg_url, "-o", str(tmp_path / "d.csv")]) == 0
    assert "Lê Hồng" in (tmp_path / "d-theo-xa.csv").read_text(encoding="utf-8-sig")
    capsys.readouterr()
    wrong = pg_url.replace("postgres@", "nobody:secret@")
    assert main(["aggregate", "--db", wrong, "-o", str(tmp_path / "e.csv")]) == 3
    err = capsys.readouterr().err
    assert "cannot connect" in err and "secret" not in err and len(err.strip().splitlines()) == 1


def test_a_nul_character_from_a_damaged_file_does_not_stop_the_report_in_postgresql(pg_url):
    """A NUL in a .txt survives into the title and figure sentences; PostgreSQL text cannot hold it."""
    db = open_store(pg_url)
    r = make_report("Lê Hồng", "Thanh Miện", "Hải Dương", values={"dossiers.received": 1})
    r.report.title = "Báo cáo\x00 kết quả"
    assert import_report(db, r).status == "new"
    assert db.execute("SELECT title FROM reports").fetchone()[0] == "Báo cáo\ufffd kết quả"
    assert "\\u0000" in db.execute("SELECT json FROM reports").fetchone()[0]  # the JSON keeps it, escaped


def test_both_engines_keep_and_use_an_officers_corrections(db):
    from report_parser import corrections
    from report_parser.aggregate import aggregate

    report = make_report("Lê Hồng", "Thanh Miện", "Hải Dương", values={"dossiers.received": 1224},
                         checks=[("rate-claim", "error", "sai tỷ lệ")])
    import_report(db, report)
    ind = next(i for i in report.indicators if i.code == "dossiers.received")
    fix = corrections.CorrectionsFile.model_validate({
        "report": {"sha256": report.source.sha256, "path": report.source.path},
        "corrections": [{"target": "indicator", "key": corrections.key_of_indicator(ind), "action": "value",
                         "value": 1204},
                        {"target": "check", "key": corrections.check_key(report.checks[0]), "action": "dismiss"}]})
    assert corrections.apply(db, [fix], by="Lan") == 2
    import_report(db, report, force=True)
    agg = aggregate(db)
    assert agg.reports[0].get("dossiers.received") == 1204
    assert [s.rows for s in agg.sheets if s.name == "Kiểm tra"] == [[]]
