"""The district's embedded store: every imported report in one SQLite file (stdlib ``sqlite3``).

Why SQLite: a district office has no database server; one file that Excel-era
staff can copy, back up and open with any SQLite browser is enough for a few
thousand reports. The store keeps the full report JSON (so nothing the parser
found is lost) and, next to it, flat tables for the things people query:
indicators, references and their mentions, table rows, figures and checks.

Rules the office relies on:

* one transaction per report: a crash never leaves half a report;
* a file already stored (same sha256) is skipped unless ``force``;
* a newer report of the same commune and period replaces the older one, and
  the import result says so (the replaced file is kept in ``replaced``);
* the *same* report arriving again in another file (same commune, period,
  number and date: the .docx, the PDF and the scan of one report) is a tie:
  the born-digital file beats an OCR'd one (OCR misreads digits), otherwise
  the first stored is kept; the import result says which and why;
* ``PRAGMA user_version`` is the schema version; :data:`MIGRATIONS` lists the
  steps from each version to the next and :func:`open_store` applies the
  missing ones, so an office's old file keeps working after an upgrade.
"""
from __future__ import annotations

import datetime as dt
import json
import sqlite3
from dataclasses import dataclass
from pathlib import Path

from . import limits
from .errors import UnreadableInput
from .models import FormTable, Report
from .places import AdminUnit, resolve

_V1 = """
CREATE TABLE reports (
    id INTEGER PRIMARY KEY,
    sha256 TEXT NOT NULL UNIQUE,
    path TEXT NOT NULL,
    size INTEGER,
    format TEXT,
    pages INTEGER,
    imported_at TEXT NOT NULL,
    doc_type TEXT, number TEXT, symbol TEXT, date TEXT, title TEXT,
    level TEXT, unit TEXT, district TEXT, province TEXT,
    unit_code TEXT, district_code TEXT, province_code TEXT,
    unit_2025 TEXT, province_2025 TEXT, unit_code_2025 TEXT, province_code_2025 TEXT,
    commune_key TEXT NOT NULL,
    period_key TEXT NOT NULL,
    period_kind TEXT, period_year INTEGER, period_label TEXT, period_start TEXT, period_end TEXT,
    signer TEXT,
    json TEXT NOT NULL
);
CREATE INDEX reports_commune_period ON reports(commune_key, period_key);
CREATE TABLE indicators (
    report_id INTEGER NOT NULL REFERENCES reports(id) ON DELETE CASCADE,
    code TEXT NOT NULL, value REAL NOT NULL, unit TEXT,
    field TEXT, dimension TEXT, qualifier TEXT, source TEXT,
    page INTEGER, evidence TEXT, table_row TEXT
);
CREATE INDEX indicators_report ON indicators(report_id, code);
CREATE TABLE refs (
    id INTEGER PRIMARY KEY,
    report_id INTEGER NOT NULL REFERENCES reports(id) ON DELETE CASCADE,
    type TEXT, number TEXT, symbol TEXT, date TEXT, issuer TEXT, subject TEXT, kind TEXT,
    issues TEXT
);
CREATE INDEX refs_report ON refs(report_id);
CREATE TABLE mentions (
    ref_id INTEGER NOT NULL REFERENCES refs(id) ON DELETE CASCADE,
    page INTEGER, start INTEGER, "end" INTEGER, text TEXT
);
CREATE TABLE table_rows (
    report_id INTEGER NOT NULL REFERENCES reports(id) ON DELETE CASCADE,
    table_index INTEGER NOT NULL, kind TEXT, form TEXT, title TEXT, row_index INTEGER NOT NULL,
    code TEXT, label TEXT, unit TEXT, value REAL, raw TEXT, note TEXT, cells TEXT, page INTEGER
);
CREATE INDEX table_rows_report ON table_rows(report_id);
CREATE TABLE figures (
    report_id INTEGER NOT NULL REFERENCES reports(id) ON DELETE CASCADE,
    value REAL, unit TEXT, kind TEXT, text TEXT, section TEXT, page INTEGER, sentence TEXT
);
CREATE TABLE checks (
    report_id INTEGER NOT NULL REFERENCES reports(id) ON DELETE CASCADE,
    rule TEXT, severity TEXT, message TEXT, indicators TEXT, refs TEXT, evidence TEXT
);
CREATE TABLE replaced (
    sha256 TEXT NOT NULL, path TEXT, commune_key TEXT, period_key TEXT, date TEXT,
    replaced_by TEXT NOT NULL, replaced_at TEXT NOT NULL
);
CREATE TABLE import_errors (
    path TEXT PRIMARY KEY, error TEXT NOT NULL, message TEXT, at TEXT NOT NULL
);
"""

# an officer's corrections (parse-report correct), keyed by the report's file (sha256) and not
# by report id: no cascade, so re-importing the same file (which replaces its rows) keeps them
_V2 = """
CREATE TABLE corrections (
    id INTEGER PRIMARY KEY,
    sha256 TEXT NOT NULL,
    target TEXT NOT NULL,
    key TEXT NOT NULL,
    action TEXT NOT NULL,
    original TEXT,
    value REAL,
    label TEXT,
    by TEXT,
    at TEXT NOT NULL
);
CREATE INDEX corrections_report ON corrections(sha256, target, key);
"""

# MIGRATIONS[n] takes a store from version n to n + 1 (version 0 = empty file).
MIGRATIONS: list[str] = [_V1, _V2]
SCHEMA_VERSION = len(MIGRATIONS)
# tables every store of the current version has (a file that lacks one is refused on opening)
REQUIRED_TABLES = ("reports", "indicators", "refs", "mentions", "table_rows", "figures", "checks",
                   "replaced", "import_errors")


class StoreError(UnreadableInput):
    """The store file cannot be used (not SQLite, or written by a newer report-parser)."""


def _now() -> str:
    return dt.datetime.now(dt.timezone.utc).isoformat(timespec="seconds")


def open_store(path: str | Path, *, write: bool = True) -> sqlite3.Connection:
    """Open (creating or migrating) the store; rows come back as :class:`sqlite3.Row`.

    A store that another program holds locked is waited for (``limits.STORE_BUSY_SECONDS``);
    a corrupt file (``PRAGMA quick_check``), a store without its tables, and, when ``write``,
    a read-only one are refused with a one-line :class:`StoreError`.
    """
    path = Path(path)
    if path.is_dir():
        raise StoreError(f"{path}: is a folder, not a store file")
    existed = path.is_file() and path.stat().st_size > 0
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        conn = sqlite3.connect(path, isolation_level=None, timeout=limits.STORE_BUSY_SECONDS)
    except (OSError, sqlite3.Error) as e:
        raise StoreError(f"{path}: cannot open the store ({getattr(e, 'strerror', None) or e})") from None
    conn.row_factory = sqlite3.Row  # transactions are explicit (BEGIN/COMMIT)
    try:
        conn.execute("PRAGMA foreign_keys = ON")
        if existed:
            _check_integrity(conn, path)
        migrate(conn)
        _check_tables(conn, path)
        if write:
            _check_writable(conn)
    except (sqlite3.DatabaseError, StoreError) as e:
        conn.close()
        raise (e if isinstance(e, StoreError) else store_error(path, e)) from None
    return conn


def store_error(path: str | Path, e: sqlite3.Error) -> StoreError:
    """A one-line StoreError for an SQLite error on the store at ``path``."""
    msg = str(e)
    if "locked" in msg or "busy" in msg:
        return StoreError(f"{path}: the store is locked by another program (waited "
                          f"{limits.STORE_BUSY_SECONDS:g} s); close it and run again")
    if "readonly" in msg or "read-only" in msg:
        return StoreError(f"{path}: the store is read-only (no write permission on the file or its folder)")
    if "unable to open" in msg:
        return StoreError(f"{path}: cannot open the store ({msg}); check the folder's permissions")
    if "malformed" in msg or "corrupt" in msg:
        return StoreError(f"{path}: the store is corrupt ({msg}); restore it from a backup")
    return StoreError(f"{path}: not a report-parser store ({msg})")


def _check_integrity(conn: sqlite3.Connection, path: Path) -> None:
    problems = [" ".join(str(r[0]).split()) for r in conn.execute("PRAGMA quick_check(3)")]
    if problems != ["ok"]:
        raise StoreError(f"{path}: the store is corrupt (quick_check: {'; '.join(problems)[:200]}); "
                         "restore it from a backup")


def _check_tables(conn: sqlite3.Connection, path: Path) -> None:
    """A store whose version says it has tables it does not have (a foreign or damaged file)."""
    have = {r[0] for r in conn.execute("SELECT name FROM sqlite_master WHERE type = 'table'")}
    missing = [t for t in REQUIRED_TABLES if t not in have]
    if missing:
        raise StoreError(f"{path}: not a report-parser store (schema version "
                         f"{conn.execute('PRAGMA user_version').fetchone()[0]} but no table {', '.join(missing)})")


def _check_writable(conn: sqlite3.Connection) -> None:
    """Try a write and roll it back: a read-only file or folder fails here, not after parsing."""
    conn.execute("BEGIN IMMEDIATE")
    try:
        conn.execute(f"PRAGMA user_version = {conn.execute('PRAGMA user_version').fetchone()[0]}")
    finally:
        conn.execute("ROLLBACK")


def migrate(conn: sqlite3.Connection, migrations: list[str] | None = None) -> int:
    """Apply the missing schema steps, each in its own transaction; returns the new version.

    The version is read inside the (immediate, i.e. write-locked) transaction, so several
    processes creating or upgrading one store at the same moment apply each step once.
    """
    steps = MIGRATIONS if migrations is None else migrations
    while True:
        conn.execute("BEGIN IMMEDIATE")
        try:
            version = conn.execute("PRAGMA user_version").fetchone()[0]
            if version > len(steps):
                raise StoreError(f"the store has schema version {version}, newer than this report-parser "
                                 f"understands ({len(steps)}); upgrade report-parser")
            if version == len(steps):
                conn.execute("COMMIT")
                return version
            for statement in _statements(steps[version]):
                conn.execute(statement)
            conn.execute(f"PRAGMA user_version = {version + 1}")
            conn.execute("COMMIT")
        except BaseException:
            conn.execute("ROLLBACK")
            raise


def _statements(script: str) -> list[str]:
    return [s.strip() for s in script.split(";") if s.strip()]


def period_key(report: Report) -> str:
    """'2022-H1', '2023-Q3', '2024-Y'; the label or 'unknown' when the period has no kind."""
    p = report.report.period
    year = p.year or (p.end.year if p.end else None)
    if year and p.kind and p.kind != "other":
        return f"{year}-{p.kind}"
    if p.start and p.end:
        return f"{p.start.isoformat()}..{p.end.isoformat()}"
    return p.label or (str(year) if year else "unknown")


def admin_unit(report: Report) -> AdminUnit:
    i = report.report.issuer
    return resolve(i.unit, i.district, i.province, i.level)


@dataclass
class ImportResult:
    """What happened to one report: 'new', 'skipped' (same file stored), 'replaced' (an older
    report of the commune and period was replaced), 'older' (a newer one is already stored),
    'duplicate' (the same report is already stored from an equal or better source)."""

    status: str
    report_id: int | None
    message: str


def known_hashes(conn: sqlite3.Connection) -> set[str]:
    return {r[0] for r in conn.execute("SELECT sha256 FROM reports")}


def import_report(conn: sqlite3.Connection, report: Report, *, force: bool = False) -> ImportResult:
    """Store one report in a single transaction (see the module docstring for the rules)."""
    sha = report.source.sha256
    unit = admin_unit(report)
    pkey = period_key(report)
    conn.execute("BEGIN IMMEDIATE")
    try:
        result = _import(conn, report, unit, pkey, sha, force)
        conn.execute("DELETE FROM import_errors WHERE path = ?", (report.source.path,))
        conn.execute("COMMIT")
    except BaseException:
        conn.execute("ROLLBACK")
        raise
    return result


def _import(conn, report: Report, unit: AdminUnit, pkey: str, sha: str, force: bool) -> ImportResult:
    same = conn.execute("SELECT id FROM reports WHERE sha256 = ?", (sha,)).fetchone()
    if same and not force:
        return ImportResult("skipped", same["id"], f"{report.source.path}: already stored (same file)")
    if same:
        conn.execute("DELETE FROM reports WHERE id = ?", (same["id"],))
    name = _commune_label(unit)
    status, message = "new", f"{report.source.path}: stored ({name}, {pkey})"
    if unit.unit:  # a report with no commune cannot replace anything
        for old in conn.execute("SELECT id, sha256, path, date, number, json FROM reports"
                                " WHERE commune_key = ? AND period_key = ?", (unit.key, pkey)).fetchall():
            if _is_newer(old["date"], report.report.date):
                return ImportResult("older", old["id"], f"{report.source.path}: not stored, {old['path']} is a newer "
                                    f"report of {name} for {pkey} ({old['date']})")
            same_report = _same_report(old, report)
            if same_report and not _better_source(report, old):
                return ImportResult("duplicate", old["id"], f"{report.source.path}: not stored, the same report "
                                    f"of {name} for {pkey} is already stored from {old['path']}; "
                                    f"{_tie_reason(report, old)}")
            conn.execute("INSERT INTO replaced VALUES (?, ?, ?, ?, ?, ?, ?)",
                         (old["sha256"], old["path"], unit.key, pkey, old["date"], sha, _now()))
            conn.execute("DELETE FROM reports WHERE id = ?", (old["id"],))
            status, message = "replaced", (f"{report.source.path}: replaces {old['path']} "
                                           f"({old['date'] or 'undated'}) as the report of {name} for {pkey}")
            if same_report:
                message += " (same report: a born-digital file is preferred to an OCR'd scan)"
    report_id = _insert_report(conn, report, unit, pkey)
    _insert_details(conn, report_id, report)
    return ImportResult(status, report_id, message)


def _commune_label(unit: AdminUnit) -> str:
    return " ".join(x for x in (unit.level, unit.unit) if x) or "unknown commune"


def _same_report(stored: sqlite3.Row, report: Report) -> bool:
    """The stored row and the report are one report in two files: same number and date (one known)."""
    number, date = report.report.number, _iso(report.report.date)
    return (number or date) is not None and (stored["number"], stored["date"]) == (number, date)


def _stored_ocr(stored: sqlite3.Row) -> bool:
    return bool(json.loads(stored["json"])["source"].get("ocr"))


def _better_source(report: Report, stored: sqlite3.Row) -> bool:
    """Only a born-digital file beats an OCR'd one; on any other tie the first file stays."""
    return not report.source.ocr and _stored_ocr(stored)


def _tie_reason(report: Report, stored: sqlite3.Row) -> str:
    if report.source.ocr and not _stored_ocr(stored):
        return "a born-digital file is preferred to an OCR'd scan"
    return "the first file is kept when the sources are equally good"


def _is_newer(stored_date: str | None, new_date: dt.date | None) -> bool:
    """True when the stored report is strictly newer; an undated or same-day report replaces."""
    return bool(stored_date and new_date and stored_date > new_date.isoformat())


def _insert_report(conn, report: Report, unit: AdminUnit, pkey: str) -> int:
    m, s, p = report.report, report.source, report.report.period
    cur = conn.execute(
        "INSERT INTO reports (sha256, path, size, format, pages, imported_at, doc_type, number, symbol, date, title,"
        " level, unit, district, province, unit_code, district_code, province_code, unit_2025, province_2025,"
        " unit_code_2025, province_code_2025, commune_key, period_key, period_kind, period_year, period_label,"
        " period_start, period_end, signer, json) VALUES (" + ",".join("?" * 31) + ")",
        (s.sha256, s.path, s.size, s.format, s.pages, _now(), m.type, m.number, m.symbol, _iso(m.date), m.title,
         unit.level, unit.unit, unit.district, unit.province, unit.unit_code, unit.district_code, unit.province_code,
         unit.unit_2025, unit.province_2025, unit.unit_code_2025, unit.province_code_2025, unit.key, pkey,
         p.kind, p.year, p.label, _iso(p.start), _iso(p.end), m.signer.name, report.to_json()))
    return cur.lastrowid


def _iso(d: dt.date | None) -> str | None:
    return d.isoformat() if d else None


def _insert_details(conn, rid: int, report: Report) -> None:
    conn.executemany("INSERT INTO indicators VALUES (?,?,?,?,?,?,?,?,?,?,?)", [
        (rid, i.code, i.value, i.unit, i.dimension.get("field"), _js(i.dimension) if i.dimension else None,
         i.qualifier, i.source, i.page, i.evidence, i.table) for i in report.indicators])
    for r in report.references:
        ref_id = conn.execute("INSERT INTO refs (report_id, type, number, symbol, date, issuer, subject, kind, issues)"
                              " VALUES (?,?,?,?,?,?,?,?,?)",
                              (rid, r.type, r.number, r.symbol, _iso(r.date), r.issuer, r.subject, r.kind,
                               _js(r.issues))).lastrowid
        conn.executemany("INSERT INTO mentions VALUES (?,?,?,?,?)",
                         [(ref_id, mt.page, mt.start, mt.end, mt.text) for mt in r.mentions])
    rows = []
    for ti, t in enumerate(report.tables):
        for ri, row in enumerate(t.rows):
            if isinstance(t, FormTable):
                rows.append((rid, ti, t.kind, t.form, t.title, ri, row.code, row.label, row.unit, row.value,
                             row.raw, row.note, None, row.page or t.page))
            else:
                rows.append((rid, ti, t.kind, t.form, t.title, ri, None, None, None, None, None, None,
                             _js(row.cells), row.page or t.page))
    conn.executemany("INSERT INTO table_rows VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?)", rows)
    conn.executemany("INSERT INTO figures VALUES (?,?,?,?,?,?,?,?)", [
        (rid, f.value, f.unit, f.kind, f.text, f.section, f.page, f.sentence) for f in report.figures])
    conn.executemany("INSERT INTO checks VALUES (?,?,?,?,?,?,?)", [
        (rid, c.rule, c.severity, c.message, _js(c.indicators), _js(c.references), _js(c.evidence))
        for c in report.checks])


def _js(value) -> str:
    return json.dumps(value, ensure_ascii=False)


def record_error(conn: sqlite3.Connection, path: str, error: str, message: str) -> None:
    """Remember a file that failed, so the district's spreadsheet lists it ("Tệp lỗi")."""
    conn.execute("INSERT OR REPLACE INTO import_errors VALUES (?, ?, ?, ?)", (path, error, message, _now()))


def report_json_by_sha(conn: sqlite3.Connection, sha256: str) -> str | None:
    row = conn.execute("SELECT json FROM reports WHERE sha256 = ?", (sha256,)).fetchone()
    return row["json"] if row else None
