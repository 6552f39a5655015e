"""The two engines behind the store, behind one small interface: a SQLite file or a PostgreSQL server.

``--db FILE`` is an embedded SQLite file (stdlib ``sqlite3``): one district
office, one machine, nothing to install. ``--db postgresql://user:pass@host/db``
(or ``postgresql:///db`` for the local socket) is a shared PostgreSQL database
that several offices import into at once (``psycopg`` 3, imported only then).

The store's SQL is written once, in the dialect both engines share (``?``
placeholders, upper-case column types); :class:`Database` adapts the rest:

* placeholders: ``?`` becomes ``%s`` for psycopg;
* DDL: ``INTEGER PRIMARY KEY`` becomes an identity column, ``INTEGER`` ``BIGINT``,
  ``REAL`` ``DOUBLE PRECISION`` (PostgreSQL's ``REAL`` is 4 bytes: sums would
  drift) and ``TEXT`` ``TEXT COLLATE "C"`` (byte order, as SQLite sorts, whatever
  the server's locale);
* the schema version: ``PRAGMA user_version`` in SQLite, the one-row table
  ``schema_version`` in PostgreSQL;
* the write lock: SQLite's ``BEGIN IMMEDIATE`` locks the whole file; PostgreSQL
  takes transaction-scoped advisory locks on the keys the caller names (the
  commune and period of a report, its sha256), so two offices importing two
  versions of one commune's report wait for each other and nobody else waits;
* rows read by key or by position, like :class:`sqlite3.Row`, from both.
"""
from __future__ import annotations

import functools
import hashlib
import re
import sqlite3
from contextlib import contextmanager
from pathlib import Path
from typing import Iterable, Iterator
from urllib.parse import urlsplit, urlunsplit

from .errors import UnreadableInput

_PG_SCHEMES = ("postgresql://", "postgres://")
_MIGRATION_LOCK = "report-parser:migrate"


class StoreError(UnreadableInput):
    """The store cannot be used (not a store, written by a newer report-parser, server unreachable)."""


def is_url(target: str | Path) -> bool:
    """True for a PostgreSQL connection string, False for a SQLite file path."""
    return isinstance(target, str) and target.startswith(_PG_SCHEMES)


def redact(url: str) -> str:
    """The connection string without its password, fit for messages and logs."""
    parts = urlsplit(url)
    if parts.password is None:
        return url
    netloc = parts.netloc.replace(f":{parts.password}@", ":***@", 1)
    return urlunsplit(parts._replace(netloc=netloc))


def lock_id(key: str) -> int:
    """A stable signed 64-bit advisory-lock number for a text key."""
    return int.from_bytes(hashlib.sha256(key.encode()).digest()[:8], "big", signed=True)


class Row:
    """One result row, read by column name or position (like :class:`sqlite3.Row`)."""

    __slots__ = ("_names", "_values")

    def __init__(self, names: dict[str, int], values: tuple):
        self._names, self._values = names, values

    def __getitem__(self, key):
        if isinstance(key, str):
            return self._values[self._names[key]]
        return self._values[key]

    def keys(self) -> list[str]:
        return list(self._names)

    def __iter__(self):
        return iter(self._values)

    def __len__(self) -> int:
        return len(self._values)

    def __eq__(self, other) -> bool:
        return tuple(self._values) == tuple(other)

    def __repr__(self) -> str:
        return f"Row({dict(zip(self._names, self._values))!r})"


def _pg_row_factory(cursor):
    names = {c.name: i for i, c in enumerate(cursor.description or ())}
    return lambda values: Row(names, values)


class Database:
    """A connection to the store, whichever the engine. ``execute`` takes ``?`` placeholders."""

    engine = "sqlite"

    def __init__(self, conn, target: str):
        self.conn, self.target = conn, target

    # -- statements
    def execute(self, sql: str, params: Iterable = ()):
        return self.conn.execute(sql, tuple(params))

    def executemany(self, sql: str, rows: list) -> None:
        if rows:
            self.conn.executemany(sql, rows)

    def insert(self, sql: str, params: Iterable = ()) -> int:
        """Run an INSERT into a table with an ``id`` key; returns the new row's id."""
        return self.conn.execute(sql, tuple(params)).lastrowid

    def insert_rows(self, table: str, columns: list[str], rows: list) -> None:
        """Bulk insert (a report's indicators, rows, figures...): many rows, as few round trips as can be."""
        self.executemany(_insert_sql(table, columns), rows)

    def insert_rows_returning_ids(self, table: str, columns: list[str], rows: list) -> list[int]:
        """Bulk insert into a table with an ``id`` key; the new ids, in the order of ``rows``."""
        sql = _insert_sql(table, columns)
        return [self.conn.execute(sql, row).lastrowid for row in rows]

    def script(self, sql: str) -> None:
        """Run several ``;``-separated statements (a migration step) in the current transaction."""
        for statement in (s.strip() for s in sql.split(";")):
            if statement:
                self.conn.execute(self.ddl(statement))

    def ddl(self, statement: str) -> str:
        return statement

    # -- transactions
    @contextmanager
    def transaction(self, locks: Iterable[str] = ()) -> Iterator["Database"]:
        """One write transaction; ``locks`` name what it decides on (PostgreSQL locks each key)."""
        self._begin(sorted(set(locks)))
        try:
            yield self
        except BaseException:
            self._rollback()
            raise
        self.conn.execute("COMMIT")

    _BEGIN_SNAPSHOT = "BEGIN"

    @contextmanager
    def snapshot(self) -> Iterator["Database"]:
        """A read-only view that does not change while it is read (several queries, one state)."""
        self.conn.execute(self._BEGIN_SNAPSHOT)
        try:
            yield self
        finally:
            self._rollback()

    def _begin(self, locks: list[str]) -> None:
        self.conn.execute("BEGIN IMMEDIATE")

    def _rollback(self) -> None:
        try:
            self.conn.execute("ROLLBACK")
        except Exception:  # the connection is gone: the server (or SQLite's journal) undoes the transaction
            pass

    # -- schema version
    def schema_version(self) -> int:
        return self.conn.execute("PRAGMA user_version").fetchone()[0]

    def set_schema_version(self, version: int) -> None:
        self.conn.execute(f"PRAGMA user_version = {int(version)}")

    def lock_schema(self) -> None:
        """Inside a migration transaction: make concurrent migrations wait (BEGIN IMMEDIATE does it)."""

    def tables(self) -> set[str]:
        return {r[0] for r in self.conn.execute("SELECT name FROM sqlite_master WHERE type = 'table'")}

    # -- connection
    def retryable(self, error: BaseException) -> bool:
        """A passing failure that a new attempt may not meet: the store stayed locked by another
        program past the busy timeout (SQLite), the server connection was lost (PostgreSQL)."""
        return isinstance(error, sqlite3.OperationalError) and ("locked" in str(error) or "busy" in str(error))

    def reconnect(self) -> None:
        """Before a new attempt (a SQLite file needs no new connection)."""

    def close(self) -> None:
        self.conn.close()

    def __enter__(self) -> "Database":
        return self

    def __exit__(self, *exc) -> None:
        self.close()


class SQLiteDatabase(Database):
    """A SQLite file; transactions are explicit (``isolation_level=None``)."""

    @classmethod
    def open(cls, path: str | Path, timeout: float = 5.0) -> "SQLiteDatabase":
        conn = sqlite3.connect(path, isolation_level=None, timeout=timeout)
        conn.row_factory = sqlite3.Row
        conn.execute("PRAGMA foreign_keys = ON")
        return cls(conn, str(path))

    @classmethod
    def wrap(cls, conn: sqlite3.Connection) -> "SQLiteDatabase":
        return cls(conn, "sqlite")


_PG_TYPES = [(re.compile(r"\bINTEGER PRIMARY KEY\b"), "BIGINT GENERATED BY DEFAULT AS IDENTITY PRIMARY KEY"),
             (re.compile(r"\bINTEGER\b"), "BIGINT"), (re.compile(r"\bREAL\b"), "DOUBLE PRECISION"),
             (re.compile(r"\bTEXT\b"), 'TEXT COLLATE "C"')]


_MAX_PARAMS = 30000  # parameters of one statement (the protocol allows 65535)


def _no_nul(row: Iterable) -> tuple:
    """PostgreSQL text cannot hold U+0000 (SQLite can): a NUL that came through from a damaged file
    becomes U+FFFD, the mark of an unreadable character, instead of failing the whole report."""
    return tuple(v.replace("\x00", "\ufffd") if isinstance(v, str) and "\x00" in v else v for v in row)


def _columns(columns: list[str]) -> str:
    return ", ".join(f'"{c}"' for c in columns)


def _insert_sql(table: str, columns: list[str]) -> str:
    return f"INSERT INTO {table} ({_columns(columns)}) VALUES ({', '.join('?' * len(columns))})"


@functools.lru_cache(maxsize=512)
def _pg_sql(sql: str) -> str:
    return sql.replace("%", "%%").replace("?", "%s")


class PostgresDatabase(Database):
    """A PostgreSQL database through psycopg 3 (autocommit; transactions are explicit)."""

    engine = "postgresql"

    def __init__(self, conn, target: str, url: str):
        super().__init__(conn, target)
        self.url = url

    @classmethod
    def open(cls, url: str) -> "PostgresDatabase":
        return cls(_pg_connect(url), redact(url), url)

    def execute(self, sql: str, params: Iterable = ()):
        params = _no_nul(params)
        return self.conn.execute(_pg_sql(sql) if params else sql, params or None)

    def executemany(self, sql: str, rows: list) -> None:
        if rows:
            with self.conn.cursor() as cur:
                cur.executemany(_pg_sql(sql), [_no_nul(row) for row in rows])

    def insert(self, sql: str, params: Iterable = ()) -> int:
        return self.execute(sql + " RETURNING id", params).fetchone()[0]

    def insert_rows(self, table: str, columns: list[str], rows: list) -> None:
        """COPY: the rows stream in one go (a pipelined INSERT per row costs a sync and a wait each)."""
        if rows:
            with self.conn.cursor() as cur, cur.copy(f"COPY {table} ({_columns(columns)}) FROM STDIN") as copy:
                for row in rows:
                    copy.write_row(_no_nul(row))

    def insert_rows_returning_ids(self, table: str, columns: list[str], rows: list) -> list[int]:
        """Multi-row INSERTs (one round trip per chunk). The identity values are drawn row after row in
        VALUES order by this one session, so the ascending ids are the rows' ids in order."""
        ids: list[int] = []
        chunk = max(1, _MAX_PARAMS // max(1, len(columns)))
        for start in range(0, len(rows), chunk):
            part = rows[start:start + chunk]
            values = ", ".join(["(" + ", ".join(["%s"] * len(columns)) + ")"] * len(part))
            cur = self.conn.execute(f"INSERT INTO {table} ({_columns(columns)}) VALUES {values} RETURNING id",
                                    [v for row in part for v in _no_nul(row)])
            ids += sorted(r[0] for r in cur.fetchall())
        return ids

    def ddl(self, statement: str) -> str:
        for pattern, replacement in _PG_TYPES:
            statement = pattern.sub(replacement, statement)
        return statement

    def _begin(self, locks: list[str]) -> None:
        # one round trip; the locks always in the same (sorted) order, so two transactions never deadlock on them
        self.conn.execute("; ".join(["BEGIN"] + [f"SELECT pg_advisory_xact_lock({lock_id(k)})" for k in locks]))

    _BEGIN_SNAPSHOT = "BEGIN ISOLATION LEVEL REPEATABLE READ READ ONLY"

    def schema_version(self) -> int:
        exists = self.conn.execute("SELECT to_regclass('schema_version')").fetchone()[0]
        if exists is None:
            return 0
        row = self.conn.execute("SELECT version FROM schema_version").fetchone()
        return row[0] if row else 0

    def set_schema_version(self, version: int) -> None:
        self.conn.execute("DELETE FROM schema_version")
        self.conn.execute("INSERT INTO schema_version (version) VALUES (%s)", (int(version),))

    def lock_schema(self) -> None:
        self.conn.execute("SELECT pg_advisory_xact_lock(%s)", (lock_id(_MIGRATION_LOCK),))
        self.conn.execute("CREATE TABLE IF NOT EXISTS schema_version (version INTEGER NOT NULL)")

    def tables(self) -> set[str]:
        return {r[0] for r in self.conn.execute("SELECT table_name FROM information_schema.tables"
                                                " WHERE table_schema = current_schema()")}

    def retryable(self, error: BaseException) -> bool:
        import psycopg

        return isinstance(error, (psycopg.OperationalError, psycopg.InterfaceError)) or self.conn.closed

    def reconnect(self) -> None:
        try:
            self.conn.close()
        except Exception:
            pass
        self.conn = _pg_connect(self.url)


def _pg_connect(url: str):
    try:
        import psycopg
    except ImportError:
        raise StoreError("a PostgreSQL store needs the psycopg package: "
                         "pip install 'report-parser[postgresql]'") from None
    try:
        return psycopg.connect(url, autocommit=True, row_factory=_pg_row_factory, connect_timeout=10,
                               application_name="report-parser")
    except psycopg.Error as e:
        reason = " ".join(str(e).split()) or type(e).__name__
        raise StoreError(f"{redact(url)}: cannot connect to the PostgreSQL store ({reason})") from None


def connect(target: str | Path) -> Database:
    """A connection to the store named by ``--db``: a PostgreSQL URL or a SQLite file path."""
    if is_url(str(target)):
        return PostgresDatabase.open(str(target))
    return SQLiteDatabase.open(target)
