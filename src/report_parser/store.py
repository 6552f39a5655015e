"""The district's store: every imported report, in a SQLite file or a shared PostgreSQL database.

Why SQLite by default: a district office has no database server; one file that
Excel-era staff can copy, back up and open with any SQLite browser is enough for
a few thousand reports. A province whose offices import at the same time uses
one PostgreSQL database instead (``--db postgresql://...``); both engines hold
the same schema (see :mod:`report_parser.database` for what differs). The store
keeps the full report JSON (so nothing the parser found is lost) and, next to
it, flat tables for the things people query: indicators, references and their
mentions, table rows, figures and checks.

Rules the office relies on:

* one transaction per report: a crash, a killed batch or a lost connection
  never leaves half a report;
* a file already stored (same sha256) is skipped unless ``force``;
* a newer report of the same commune and period replaces the older one, and
  the import result says so; the file that lost (the older one, whichever
  arrived first) is recorded in ``replaced``. The decision is taken inside the
  transaction under a lock on the commune and period, so two offices importing
  two versions at the same moment end with the newer one current;
* the *same* report arriving again in another file (same commune, period,
  number and date: the .docx, the PDF and the scan of one report) is a tie:
  the born-digital file beats an OCR'd one (OCR misreads digits), otherwise
  the first stored is kept; the import result says which and why;
* the schema version (``PRAGMA user_version``, or the ``schema_version`` table
  in PostgreSQL): :data:`MIGRATIONS` lists the steps from each version to the
  next and :func:`open_store` applies the missing ones, so an office's old file
  keeps working after an upgrade.
"""
from __future__ import annotations

import contextlib
import dataclasses
import datetime as dt
import json
import sqlite3
import sys
import time
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Callable, TypeVar

from . import limits
from .database import Database, SQLiteDatabase, StoreError, connect, is_url, redact

if TYPE_CHECKING:  # the batch's parent stores prepared rows: it never needs the models nor the unit tables
    from .models import Report
    from .places import AdminUnit

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

# Version 3: the position of each indicator and check in its report (SQLite's rowid gave the order,
# PostgreSQL has none), and the indexes a replacement's cascading delete and re-imports need.
_V3 = """
ALTER TABLE indicators ADD COLUMN pos INTEGER;
ALTER TABLE checks ADD COLUMN pos INTEGER;
CREATE INDEX figures_report ON figures(report_id);
CREATE INDEX checks_report ON checks(report_id);
CREATE INDEX mentions_ref ON mentions(ref_id);
CREATE INDEX replaced_sha ON replaced(sha256);
"""
_V3_SQLITE = _V3 + "UPDATE indicators SET pos = rowid; UPDATE checks SET pos = rowid"

# MIGRATIONS[n] takes a store from version n to n + 1 (version 0 = empty store). A step is SQL both
# engines run (column types in upper case, see database.Database.ddl) or {engine: SQL} where they differ.
MIGRATIONS: list = [_V1, _V2, {"sqlite": _V3_SQLITE, "postgresql": _V3}]
SCHEMA_VERSION = len(MIGRATIONS)
# tables every store of the current version has (a store that lacks one is refused on opening)
REQUIRED_TABLES = ("reports", "indicators", "refs", "mentions", "table_rows", "figures", "checks",
                   "replaced", "import_errors")


def _now() -> str:
    return dt.datetime.now(dt.timezone.utc).isoformat(timespec="seconds")


def open_store(target: str | Path, *, write: bool = True) -> Database:
    """Open (creating or migrating) the store named by ``--db``: a SQLite file or a PostgreSQL URL.

    A SQLite store that another program holds locked is waited for (``limits.STORE_BUSY_SECONDS``);
    a corrupt file (``PRAGMA quick_check``), a store without its tables, and, when ``write``,
    a read-only one are refused with a one-line :class:`StoreError`.
    """
    if is_url(str(target)):
        return _open_postgres(str(target))
    path = Path(target)
    if path.is_dir():
        raise StoreError(f"{path}: is a folder, not a store file")
    existed = path.is_file() and path.stat().st_size > 0
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        db = SQLiteDatabase.open(path, timeout=limits.STORE_BUSY_SECONDS)
    except (OSError, sqlite3.Error) as e:
        raise StoreError(f"{path}: cannot open the store ({getattr(e, 'strerror', None) or e})") from None
    try:
        if existed:
            _check_integrity(db, path)
        _migrate_checked(db, path)
        if write:
            _check_writable(db)
    except (sqlite3.DatabaseError, StoreError) as e:
        db.close()
        raise (e if isinstance(e, StoreError) else store_error(path, e)) from None
    return db


def _open_postgres(url: str) -> Database:
    db = connect(url)  # without psycopg installed: a one-line StoreError that says how to install it
    import psycopg

    try:
        _migrate_checked(db, db.target)
    except psycopg.Error as e:
        db.close()
        raise StoreError(f"{db.target}: cannot use the PostgreSQL store ({' '.join(str(e).split())})") from None
    except StoreError:
        db.close()
        raise
    return db


def _migrate_checked(db: Database, where: str | Path) -> None:
    """Migrate a store that has the tables its version promises (checked before and after)."""
    if 1 <= db.schema_version() <= SCHEMA_VERSION:  # a newer one is refused by migrate, naming its version
        _check_tables(db, where)
    migrate(db)
    _check_tables(db, where)


@contextlib.contextmanager
def store_errors(target: str | Path) -> Iterator[None]:
    """Inside the block, an error the database raises while a command uses the store (damage
    quick_check did not see, a lock held too long, a server gone) is a one-line StoreError."""
    try:
        yield
    except sqlite3.Error as e:
        raise store_error(target, e) from None
    except Exception as e:
        psycopg = sys.modules.get("psycopg")  # only a PostgreSQL store has imported it
        if psycopg is None or not isinstance(e, psycopg.Error):
            raise
        raise StoreError(f"{redact(str(target))}: the PostgreSQL store failed "
                         f"({' '.join(str(e).split()) or type(e).__name__})") from None


def store_error(path: str | Path, e: Exception) -> StoreError:
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


def _check_integrity(db: Database, path: Path) -> None:
    problems = [" ".join(str(r[0]).split()) for r in db.execute("PRAGMA quick_check(3)")]
    if problems != ["ok"]:
        raise StoreError(f"{path}: the store is corrupt (quick_check: {'; '.join(problems)[:200]}); "
                         "restore it from a backup")


def _check_tables(db: Database, where: str | Path) -> None:
    """A store whose version says it has tables it does not have (a foreign or damaged file)."""
    missing = [t for t in REQUIRED_TABLES if t not in db.tables()]
    if missing:
        raise StoreError(f"{where}: not a report-parser store (schema version "
                         f"{db.schema_version()} but no table {', '.join(missing)})")


def _check_writable(db: Database) -> None:
    """Try a write and roll it back: a read-only file or folder fails here, not after parsing."""
    db.execute("BEGIN IMMEDIATE")
    try:
        db.execute(f"PRAGMA user_version = {db.schema_version()}")
    finally:
        db.execute("ROLLBACK")


def migrate(db: Database | sqlite3.Connection, migrations: list | None = None) -> int:
    """Apply the missing schema steps, each in its own transaction; returns the new version.

    Two processes opening a new store at once: the second waits for the first's step and then
    finds the version already raised (the version is read again inside the transaction)."""
    if isinstance(db, sqlite3.Connection):
        db = SQLiteDatabase.wrap(db)
    steps = MIGRATIONS if migrations is None else migrations
    _refuse_newer(db.schema_version(), len(steps))
    while (version := db.schema_version()) < len(steps):
        with db.transaction():
            db.lock_schema()
            version = db.schema_version()
            _refuse_newer(version, len(steps))
            if version < len(steps):
                step = steps[version]
                db.script(step if isinstance(step, str) else step[db.engine])
                db.set_schema_version(version + 1)
    return len(steps)


def _refuse_newer(version: int, known: int) -> None:
    if version > known:
        raise StoreError(f"the store has schema version {version}, newer than this report-parser "
                         f"understands ({known}); upgrade report-parser")


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
    from .places import resolve

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


def known_hashes(db: Database) -> set[str]:
    return {r[0] for r in db.execute("SELECT sha256 FROM reports")}


def import_report(db: Database, report: Report, *, force: bool = False) -> ImportResult:
    """Store one report in a single transaction (see the module docstring for the rules).

    The transaction holds the lock of the report's commune and period and of its sha256: two
    processes importing versions of one commune's report take turns, and each decides on what
    the other committed."""
    return store_prepared(db, prepare(report), force=force)


@dataclass(frozen=True)
class Prepared:
    """A report made ready for the store without the store: its commune resolved, its period key,
    its JSON and the rows of every table (without the ids the store gives). A batch worker makes
    it next to the parse, so the one process that writes the store only runs the statements."""

    sha256: str
    path: str
    issuer: tuple               # (unit, district, province, level) as written: what ``unit`` resolves
    unit: dict                  # its commune (the fields of an AdminUnit: plain data, read without places)
    unit_key: str               # AdminUnit.key
    pkey: str
    date: str | None            # the report's date, ISO
    number: str | None
    ocr: bool
    json: str
    report_row: tuple           # the reports row, without imported_at (set when it is stored)
    indicators: list[tuple]     # each table's rows without report_id (refs: mentions per ref)
    refs: list[tuple]
    mentions: list[list[tuple]]
    table_rows: list[tuple]
    figures: list[tuple]
    checks: list[tuple]


def prepare(report: Report, report_json: str | None = None, unit: AdminUnit | None = None) -> Prepared:
    """Everything :func:`store_prepared` needs from ``report`` (``report_json``: its JSON, if made;
    ``unit``: its commune, if already resolved)."""
    unit, pkey, m, i = unit or admin_unit(report), period_key(report), report.report, report.report.issuer
    text = report_json if report_json is not None else report.to_json()
    refs = report.references
    return Prepared(
        sha256=report.source.sha256, path=report.source.path, issuer=(i.unit, i.district, i.province, i.level),
        unit=dataclasses.asdict(unit), unit_key=unit.key, pkey=pkey, date=_iso(m.date),
        number=m.number, ocr=bool(report.source.ocr), json=text, report_row=_report_row(report, unit, pkey, text),
        indicators=[(i.code, i.value, i.unit, i.dimension.get("field"), _js(i.dimension) if i.dimension else None,
                     i.qualifier, i.source, i.page, i.evidence, i.table, n) for n, i in enumerate(report.indicators)],
        refs=[(r.type, r.number, r.symbol, _iso(r.date), r.issuer, r.subject, r.kind, _js(r.issues)) for r in refs],
        mentions=[[(mt.page, mt.start, mt.end, mt.text) for mt in r.mentions] for r in refs],
        table_rows=_table_rows(report),
        figures=[(f.value, f.unit, f.kind, f.text, f.section, f.page, f.sentence) for f in report.figures],
        checks=[(c.rule, c.severity, c.message, _js(c.indicators), _js(c.references), _js(c.evidence), n)
                for n, c in enumerate(report.checks)])


def store_prepared(db: Database, prepared: Prepared, *, force: bool = False) -> ImportResult:
    """:func:`import_report` of a report made ready by :func:`prepare` (one transaction)."""
    with db.transaction(locks=(f"report:{prepared.unit_key}|{prepared.pkey}", f"file:{prepared.sha256}")):
        result = _import(db, prepared, force)
        db.execute("DELETE FROM import_errors WHERE path = ?", (prepared.path,))
    return result


T = TypeVar("T")


def with_retry(db: Database, action: Callable[[], T], *, attempts: int | None = None, wait: float = 1.0) -> T:
    """Run ``action`` (one whole transaction) again when it failed for a passing reason: the server
    connection was lost (reconnect first), a SQLite store stayed locked past the busy timeout. Up to
    ``attempts`` (``limits.STORE_RETRIES``) times; the last failure is raised. A lost connection rolls
    the transaction back on the server, so a new attempt never meets half of the previous one."""
    attempts = attempts or limits.STORE_RETRIES
    for attempt in range(1, attempts + 1):
        try:
            return action()
        except Exception as e:
            if attempt == attempts or not db.retryable(e):
                raise
        time.sleep(wait * attempt)
        try:
            db.reconnect()
        except StoreError:
            if attempt + 1 == attempts:
                raise
    raise AssertionError("unreachable")


def _import(db: Database, report: Prepared, force: bool) -> ImportResult:
    sha, pkey, commune = report.sha256, report.pkey, report.unit_key
    same = db.execute("SELECT id FROM reports WHERE sha256 = ?", (sha,)).fetchone()
    if same and not force:
        return ImportResult("skipped", same["id"], f"{report.path}: already stored (same file)")
    if same:
        db.execute("DELETE FROM reports WHERE id = ?", (same["id"],))
    name = _commune_label(report.unit)
    status, message = "new", f"{report.path}: stored ({name}, {pkey})"
    if report.unit["unit"]:  # a report with no commune cannot replace anything
        for old in db.execute("SELECT id, sha256, path, date, number, json FROM reports"
                              " WHERE commune_key = ? AND period_key = ?", (commune, pkey)).fetchall():
            if _is_newer(old["date"], report.date):
                _record_replaced(db, sha, report.path, commune, pkey, report.date, old["sha256"])
                return ImportResult("older", old["id"], f"{report.path}: not stored, {old['path']} is a newer "
                                    f"report of {name} for {pkey} ({old['date']})")
            same_report = _same_report(old, report)
            if same_report and not _better_source(report, old):
                return ImportResult("duplicate", old["id"], f"{report.path}: not stored, the same report "
                                    f"of {name} for {pkey} is already stored from {old['path']}; "
                                    f"{_tie_reason(report, old)}")
            _record_replaced(db, old["sha256"], old["path"], commune, pkey, old["date"], sha)
            db.execute("DELETE FROM reports WHERE id = ?", (old["id"],))
            status, message = "replaced", (f"{report.path}: replaces {old['path']} "
                                           f"({old['date'] or 'undated'}) as the report of {name} for {pkey}")
            if same_report:
                message += " (same report: a born-digital file is preferred to an OCR'd scan)"
    report_id = _insert_report(db, report)
    _insert_details(db, report_id, report)
    return ImportResult(status, report_id, message)


def _record_replaced(db: Database, sha: str, path: str, commune: str, pkey: str, date: str | None,
                     by: str) -> None:
    """The file that lost to a newer report of its commune and period (once per file)."""
    db.execute("DELETE FROM replaced WHERE sha256 = ?", (sha,))
    db.execute("INSERT INTO replaced (sha256, path, commune_key, period_key, date, replaced_by, replaced_at)"
               " VALUES (?, ?, ?, ?, ?, ?, ?)", (sha, path, commune, pkey, date, by, _now()))


def _commune_label(unit: dict) -> str:
    return " ".join(x for x in (unit["level"], unit["unit"]) if x) or "unknown commune"


def _same_report(stored, report: Prepared) -> bool:
    """The stored row and the report are one report in two files: same number and date (one known)."""
    return (report.number or report.date) is not None and (stored["number"], stored["date"]) == (report.number,
                                                                                                  report.date)


def _stored_ocr(stored) -> bool:
    return bool(json.loads(stored["json"])["source"].get("ocr"))


def _better_source(report: Prepared, stored) -> bool:
    """Only a born-digital file beats an OCR'd one; on any other tie the first file stays."""
    return not report.ocr and _stored_ocr(stored)


def _tie_reason(report: Prepared, stored) -> str:
    if report.ocr and not _stored_ocr(stored):
        return "a born-digital file is preferred to an OCR'd scan"
    return "the first file is kept when the sources are equally good"


def _is_newer(stored_date: str | None, new_date: str | None) -> bool:
    """True when the stored report is strictly newer (ISO dates); an undated or same-day report replaces."""
    return bool(stored_date and new_date and stored_date > new_date)


_REPORT_COLUMNS = ("sha256, path, size, format, pages, imported_at, doc_type, number, symbol, date, title, level,"
                   " unit, district, province, unit_code, district_code, province_code, unit_2025, province_2025,"
                   " unit_code_2025, province_code_2025, commune_key, period_key, period_kind, period_year,"
                   " period_label, period_start, period_end, signer, json")


def _report_row(report: Report, unit: AdminUnit, pkey: str, text: str) -> tuple:
    m, s, p = report.report, report.source, report.report.period
    return (s.sha256, s.path, s.size, s.format, s.pages, m.type, m.number, m.symbol, _iso(m.date), m.title,
            unit.level, unit.unit, unit.district, unit.province, unit.unit_code, unit.district_code,
            unit.province_code, unit.unit_2025, unit.province_2025, unit.unit_code_2025, unit.province_code_2025,
            unit.key, pkey, p.kind, p.year, p.label, _iso(p.start), _iso(p.end), m.signer.name, text)


def _insert_report(db: Database, report: Prepared) -> int:
    row = report.report_row
    return db.insert(f"INSERT INTO reports ({_REPORT_COLUMNS}) VALUES (" + ",".join("?" * 31) + ")",
                     row[:5] + (_now(),) + row[5:])


def _iso(d: dt.date | None) -> str | None:
    return d.isoformat() if d else None


_INDICATOR_COLUMNS = ["report_id", "code", "value", "unit", "field", "dimension", "qualifier", "source", "page",
                      "evidence", "table_row", "pos"]
_REF_COLUMNS = ["report_id", "type", "number", "symbol", "date", "issuer", "subject", "kind", "issues"]
_MENTION_COLUMNS = ["ref_id", "page", "start", "end", "text"]
_TABLE_ROW_COLUMNS = ["report_id", "table_index", "kind", "form", "title", "row_index", "code", "label", "unit",
                      "value", "raw", "note", "cells", "page"]
_FIGURE_COLUMNS = ["report_id", "value", "unit", "kind", "text", "section", "page", "sentence"]
_CHECK_COLUMNS = ["report_id", "rule", "severity", "message", "indicators", "refs", "evidence", "pos"]


def _insert_details(db: Database, rid: int, report: Prepared) -> None:
    db.insert_rows("indicators", _INDICATOR_COLUMNS, [(rid, *row) for row in report.indicators])
    ref_ids = db.insert_rows_returning_ids("refs", _REF_COLUMNS, [(rid, *row) for row in report.refs])
    db.insert_rows("mentions", _MENTION_COLUMNS, [(ref_id, *mt) for ref_id, mentions in zip(ref_ids, report.mentions)
                                                  for mt in mentions])
    db.insert_rows("table_rows", _TABLE_ROW_COLUMNS, [(rid, *row) for row in report.table_rows])
    db.insert_rows("figures", _FIGURE_COLUMNS, [(rid, *row) for row in report.figures])
    db.insert_rows("checks", _CHECK_COLUMNS, [(rid, *row) for row in report.checks])


def _table_rows(report: Report) -> list[tuple]:
    from .models import FormTable

    rows = []
    for ti, t in enumerate(report.tables):
        for ri, row in enumerate(t.rows):
            if isinstance(t, FormTable):
                rows.append((ti, t.kind, t.form, t.title, ri, row.code, row.label, row.unit, row.value,
                             row.raw, row.note, None, row.page or t.page))
            else:
                rows.append((ti, t.kind, t.form, t.title, ri, None, None, None, None, None, None,
                             _js(row.cells), row.page or t.page))
    return rows


def _js(value) -> str:
    return json.dumps(value, ensure_ascii=False)


def record_error(db: Database, path: str, error: str, message: str) -> None:
    """Remember a file that failed, so the district's spreadsheet lists it ("Tệp lỗi")."""
    db.execute("INSERT INTO import_errors (path, error, message, at) VALUES (?, ?, ?, ?) ON CONFLICT (path) "
               "DO UPDATE SET error = excluded.error, message = excluded.message, at = excluded.at",
               (path, error, message, _now()))


def report_json_by_sha(db: Database, sha256: str) -> str | None:
    row = db.execute("SELECT json FROM reports WHERE sha256 = ?", (sha256,)).fetchone()
    return row["json"] if row else None
