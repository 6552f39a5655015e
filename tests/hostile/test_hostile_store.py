"""The store against a hostile or damaged environment: corrupt, foreign, locked, read-only,
a folder, and several processes creating it at the same moment (issue 14)."""
from __future__ import annotations

import multiprocessing as mp
import sqlite3
import threading

import pytest

from report_parser import limits, store
from report_parser.store import REQUIRED_TABLES, StoreError, open_store
from hostile_harness import as_unprivileged, requires_unprivileged
from hostile_inputs import corrupt_store


def test_a_corrupt_store_is_refused_on_opening(tmp_path):
    path = tmp_path / "district.sqlite"
    corrupt_store(path)
    with pytest.raises(StoreError, match="corrupt") as e:
        open_store(path)
    assert "\n" not in str(e.value)


def test_a_version_1_store_without_tables_is_refused(tmp_path):
    path = tmp_path / "district.sqlite"
    sqlite3.connect(path).execute("PRAGMA user_version = 1")
    with pytest.raises(StoreError, match="no table reports"):
        open_store(path)


def test_a_folder_given_as_the_store_is_refused(tmp_path):
    with pytest.raises(StoreError, match="is a folder"):
        open_store(tmp_path)


def _create(path, barrier) -> str:
    barrier.wait()
    try:
        open_store(path).close()
        return "ok"
    except Exception as e:  # reported to the parent, which asserts none happened
        return f"{type(e).__name__}: {e}"


def test_several_processes_creating_one_store_at_once_all_succeed(tmp_path):
    path = tmp_path / "district.sqlite"
    ctx = mp.get_context("fork")
    with ctx.Manager() as manager:
        barrier = manager.Barrier(6)
        with ctx.Pool(6) as pool:
            results = pool.starmap(_create, [(path, barrier)] * 6)
    assert results == ["ok"] * 6
    conn = open_store(path)
    assert conn.execute("PRAGMA user_version").fetchone()[0] == store.SCHEMA_VERSION
    have = {r[0] for r in conn.execute("SELECT name FROM sqlite_master WHERE type = 'table'")}
    assert set(REQUIRED_TABLES) <= have


def test_a_store_locked_for_a_moment_is_waited_for(tmp_path):
    path = tmp_path / "district.sqlite"
    open_store(path).close()
    holder = sqlite3.connect(path, isolation_level=None, check_same_thread=False)
    holder.execute("BEGIN EXCLUSIVE")
    timer = threading.Timer(0.5, holder.execute, args=("COMMIT",))
    timer.start()
    conn = open_store(path)  # waits for the lock instead of failing at once
    timer.join()
    assert conn.execute("PRAGMA user_version").fetchone()[0] == store.SCHEMA_VERSION


def test_a_store_locked_longer_than_the_busy_timeout_is_one_line(tmp_path, monkeypatch):
    monkeypatch.setattr(limits, "STORE_BUSY_SECONDS", 0.2)
    path = tmp_path / "district.sqlite"
    open_store(path).close()
    holder = sqlite3.connect(path, isolation_level=None)
    holder.execute("BEGIN EXCLUSIVE")
    with pytest.raises(StoreError, match="locked by another program") as e:
        open_store(path)
    assert "\n" not in str(e.value)
    holder.execute("ROLLBACK")


@requires_unprivileged
def test_a_read_only_store_is_refused_for_writing_but_read_for_aggregating(tmp_path):
    path = tmp_path / "district.sqlite"
    open_store(path).close()
    path.chmod(0o444)
    code = ("from report_parser.store import open_store, StoreError\n"
            f"open_store({str(path)!r}, write=False).close()\n"
            f"try:\n    open_store({str(path)!r})\nexcept StoreError as e:\n    print(e)\n")
    out = as_unprivileged(["-c", code])
    assert out.returncode == 0, out.stderr
    assert out.stdout.strip() == f"{path}: the store is read-only (no write permission on the file or its folder)"
