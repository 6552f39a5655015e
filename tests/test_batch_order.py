"""The batch's outcomes in the files' order whatever worker finishes first, and the store's
write path split in two (the worker prepares the rows, the parent only runs the statements)."""
from __future__ import annotations

import io
import json
import pickle
from pathlib import Path

import pytest

from report_factory import fake_parse, make_report
from report_parser import limits
from report_parser.batch import Progress, run_batch
from report_parser.store import import_report, open_store, prepare, store_prepared

TABLES = ("reports", "indicators", "refs", "mentions", "table_rows", "figures", "checks", "replaced")


def late_first_parse(path):
    """fake_parse, but a file named '*late*' takes a second: the files after it finish first."""
    import time

    if "late" in Path(path).name:
        time.sleep(1.0)
    return fake_parse(path)


def _inputs(folder: Path, names: list[str]) -> list[Path]:
    folder.mkdir()
    for name in names:
        (folder / name).write_text(name * 3)
    return sorted(folder / n for n in names)


def _jsonl_paths(out: Path) -> list[str]:
    return [Path(json.loads(line)["source"]["path"]).name
            for line in (out / "reports.jsonl").read_text(encoding="utf-8").splitlines()]


def _logged_paths(log: io.StringIO) -> list[str]:
    return [Path(line.split(": ")[0].split("] ", 1)[1]).name for line in log.getvalue().splitlines()
            if line.startswith("[")]


@pytest.mark.slow
def test_outcomes_come_in_the_files_order_whatever_worker_finishes_first(tmp_path):
    files = _inputs(tmp_path / "in", ["a-late.txt", "b.txt", "c.txt", "d.txt", "e-bad.txt", "f.txt"])
    names = [f.name for f in files]
    runs = {}
    for workers in (1, 2):
        log, out = io.StringIO(), tmp_path / f"out{workers}"
        summary = run_batch([tmp_path / "in"], out, workers=workers, timeout=30, parse_fn=late_first_parse,
                            progress=Progress(len(files), log))
        assert summary.parsed == 5 and [Path(o.path).name for o in summary.failed] == ["e-bad.txt"]
        assert _logged_paths(log) == names  # the log, the store and reports.jsonl follow the input order
        assert _jsonl_paths(out) == [n for n in names if "bad" not in n]
        db = open_store(out / "district.sqlite")
        runs[workers] = [Path(r[0]).name for r in db.execute("SELECT path FROM reports ORDER BY id")]
        db.close()
    assert runs[1] == runs[2] == [n for n in names if "bad" not in n]


@pytest.mark.slow
def test_held_outcomes_are_bounded_and_no_file_is_lost(tmp_path, monkeypatch):
    monkeypatch.setattr(limits, "BATCH_HELD_OUTCOMES", 1)
    files = _inputs(tmp_path / "in", ["a-late.txt", "b.txt", "c-crash.txt", "d.txt", "e.txt"])
    log, out = io.StringIO(), tmp_path / "out"
    summary = run_batch([tmp_path / "in"], out, workers=2, timeout=30, parse_fn=late_first_parse,
                        progress=Progress(len(files), log))
    assert summary.parsed == 4 and [(Path(o.path).name, o.error) for o in summary.failed] == [
        ("c-crash.txt", "WorkerCrashed")]
    assert _logged_paths(log) == [f.name for f in files]
    assert _jsonl_paths(out) == ["a-late.txt", "b.txt", "d.txt", "e.txt"]


def _rows(db, table: str) -> list[tuple]:
    cursor = db.execute(f"SELECT * FROM {table}")  # both stores were written in the same order
    rows, names = [tuple(r) for r in cursor], cursor.description or ()
    skip = {i for i, d in enumerate(names) if d[0] in ("imported_at", "replaced_at")}
    return [tuple(v for i, v in enumerate(r) if i not in skip) for r in rows]


def test_a_report_prepared_in_a_worker_is_stored_as_import_report_stores_it(tmp_path):
    old = make_report("Lê Hồng", "Thanh Miện", "Hải Dương", values={"dossiers.received": 10}, salt="old")
    new = make_report("Lê Hồng", "Thanh Miện", "Hải Dương", date="2022-06-30",
                      values={"dossiers.received": 12}, salt="new")
    direct, via = open_store(tmp_path / "direct.sqlite"), open_store(tmp_path / "via.sqlite")
    for r in (old, new, old):
        shipped = pickle.loads(pickle.dumps(prepare(r)))  # as it crosses the worker's pipe
        assert store_prepared(via, shipped) == import_report(direct, r)
    for table in TABLES:
        assert _rows(via, table) == _rows(direct, table), table
    assert via.execute("SELECT json FROM reports").fetchone()[0] == new.to_json()
    direct.close()
    via.close()
