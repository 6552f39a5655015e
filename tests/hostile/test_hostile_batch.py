"""'parse-report batch' on hostile input: one bad file never sinks the batch, every input ends up
stored (its JSON written) or listed in errors.csv, and a bad store or output folder is one line
(issue 14)."""
from __future__ import annotations

import csv
import os
import sqlite3
from pathlib import Path

import pytest

from report_parser.batch import json_names, run_batch, Progress
from report_parser.store import open_store
from report_parser.textsafe import printable
from hostile_harness import assert_one_line, requires_unprivileged, run
from hostile_inputs import (corrupt_store, docx_bomb, fifo, pdf_pages, png_header, sample_copy, symlink, tiff_frames)
from report_parser import limits


def errors_csv(out: Path) -> dict[str, tuple[str, str]]:
    rows = list(csv.reader((out / "errors.csv").read_text(encoding="utf-8-sig").splitlines()))
    assert rows[0] == ["path", "error", "message"]
    return {p: (e, m) for p, e, m in rows[1:]}


@pytest.mark.slow
def test_a_batch_of_hostile_files_stores_the_good_and_lists_every_bad_one(tmp_path):
    src = tmp_path / "in"
    for d in ("a", "b", "c"):
        (src / d).mkdir(parents=True)
    good = [sample_copy(src / "good.txt"),
            sample_copy(Path(os.fsdecode(os.fsencode(src) + b"/t\xeanh-x\xff\xfe.txt")), "\n1"),  # not UTF-8
            sample_copy(src / ("n" * 251 + ".txt"), "\n2"),  # 255 bytes: the legal maximum
            sample_copy(src / "a" / "same.txt", "\n3"), sample_copy(src / "b" / "same.txt", "\n3"),
            sample_copy(src / "c" / "same.txt", "\n4")]
    bad = [symlink(src / "zero.txt", "/dev/zero"), symlink(src / "random.txt", "/dev/urandom"),
           fifo(src / "pipe.txt"), docx_bomb(src / "bomb.docx", limits.MAX_DOCX_XML_BYTES + 1_000_000),
           png_header(src / "huge.png", 20_000, 20_000), tiff_frames(src / "frames.tif", 500),
           pdf_pages(src / "long.pdf", 2000), src / "empty.txt"]
    bad[-1].write_bytes(b"")
    out = tmp_path / "out"
    r = run("batch", src, "--out", out, "--workers", "2", "--timeout", "40", timeout=120)
    assert r.code == 5 and "Traceback" not in r.stderr, r.stderr
    errors = errors_csv(out)
    assert sorted(errors) == sorted(printable(p) for p in bad)
    assert {e for e, _ in errors.values()} == {"UnreadableInput"}
    jsons = sorted((out / "json").iterdir())
    assert len(jsons) == len(good)  # one JSON per good input: none overwrote another
    assert all(len(j.name.encode()) <= 255 for j in jsons)
    lines = (out / "reports.jsonl").read_text(encoding="utf-8").splitlines()
    assert len(lines) == len(good)
    conn = open_store(out / "district.sqlite")
    assert conn.execute("SELECT COUNT(*) FROM reports").fetchone()[0] == 1  # one report, six files
    assert conn.execute("SELECT COUNT(*) FROM import_errors").fetchone()[0] == len(bad)


def test_json_names_are_unique_per_input_path_and_fit_a_file_system():
    files = [Path("a/same.txt"), Path("b/same.txt"), Path("c/same.txt"), Path("x/" + "é" * 126 + ".txt"),
             Path("x/" + "é" * 126 + ".doc"), Path(os.fsdecode(b"x/bad\xff.txt")), Path("x/ok.txt")]
    names = json_names(files)
    assert len(set(names.values())) == len(files)
    assert names["x/ok.txt"] == "ok.txt.json"
    assert all(len(n.encode()) <= 255 and "/" not in n for n in names.values())
    assert names == json_names(list(reversed(files)))  # the same whatever order workers finish in


def hold_the_store_and_parse(path):
    """A stand-in parser that, in its worker, write-locks the batch's store for the rest of the batch."""
    import sqlite3 as sq

    from report_factory import fake_parse

    global _LOCK
    if "_LOCK" not in globals():
        _LOCK = sq.connect(Path(path).parents[1] / "out" / "district.sqlite", isolation_level=None)
        _LOCK.execute("BEGIN EXCLUSIVE")
    return fake_parse(path)


@pytest.mark.slow
def test_a_store_locked_by_another_program_lists_what_was_not_stored_and_writes_no_json(tmp_path, monkeypatch):
    monkeypatch.setattr(limits, "STORE_BUSY_SECONDS", 0.2)
    src = tmp_path / "in"
    src.mkdir()
    for name in ("x1.txt", "x2.txt"):
        (src / name).write_text(name)
    out = tmp_path / "out"
    import io
    summary = run_batch([src], out, workers=1, timeout=30, parse_fn=hold_the_store_and_parse,
                        progress=Progress(2, io.StringIO()))
    errors = errors_csv(out)
    assert summary.exit_code == 5 and sorted(Path(p).name for p in errors) == ["x1.txt", "x2.txt"]
    assert all(e == "NotStored" and "not stored" in m and "locked" in m for e, m in errors.values())
    assert list((out / "json").iterdir()) == []


def _store_with_tables_missing(path: Path) -> Path:
    sqlite3.connect(path).execute("PRAGMA user_version = 1")
    return path


@pytest.mark.parametrize("make, words", [
    (corrupt_store, "the store is corrupt"),
    (_store_with_tables_missing, "not a report-parser store (schema version 1 but no table reports"),
])
def test_a_damaged_store_is_refused_by_batch_and_aggregate(tmp_path, make, words):
    db = make(tmp_path / "district.sqlite")
    sample_copy(tmp_path / "r.txt")
    assert_one_line(run("batch", tmp_path / "r.txt", "--out", tmp_path / "out", "--db", db), 3, words)
    assert_one_line(run("aggregate", "--db", db, "-o", tmp_path / "d.xlsx"), 3, words)


def test_a_folder_as_db_and_a_file_as_out_are_usage_errors(tmp_path):
    sample_copy(tmp_path / "r.txt")
    assert_one_line(run("batch", tmp_path / "r.txt", "--out", tmp_path / "out", "--db", tmp_path), 2,
                    "is a folder")
    assert_one_line(run("batch", tmp_path / "r.txt", "--out", tmp_path / "r.txt"), 2, "is a file")


@pytest.mark.slow
@requires_unprivileged
def test_a_read_only_store_and_a_read_only_output_folder_are_one_line(tmp_path):
    sample_copy(tmp_path / "r.txt")
    db = tmp_path / "district.sqlite"
    open_store(db).close()
    db.chmod(0o444)
    assert_one_line(run("batch", tmp_path / "r.txt", "--out", tmp_path / "out", "--db", db, unprivileged=True),
                    3, "the store is read-only")
    locked = tmp_path / "locked"
    locked.mkdir()
    locked.chmod(0o555)
    assert_one_line(run("batch", tmp_path / "r.txt", "--out", locked / "out", "--db", tmp_path / "new.sqlite",
                        unprivileged=True), 3, "cannot write the outputs into", "Permission denied")


@pytest.mark.slow
def test_two_batches_creating_one_new_store_at_the_same_moment_both_succeed(tmp_path):
    import subprocess
    import sys

    from hostile_harness import MAIN

    db = tmp_path / "new" / "district.sqlite"
    procs = []
    for n in range(2):
        (tmp_path / f"in{n}").mkdir()
        sample_copy(tmp_path / f"in{n}" / "r.txt", f"\n{n}")
        procs.append(subprocess.Popen([sys.executable, "-c", MAIN, "batch", str(tmp_path / f"in{n}"), "--out",
                                       str(tmp_path / f"out{n}"), "--db", str(db), "--workers", "1"],
                                      stderr=subprocess.PIPE, text=True))
    results = [(p.wait(timeout=120), p.stderr.read()) for p in procs]
    assert [code for code, _ in results] == [0, 0], results
    assert all("Traceback" not in err and "already exists" not in err for _, err in results)


@requires_unprivileged
def test_a_folder_that_cannot_be_listed_is_listed_in_errors_not_lost(tmp_path):
    """A sub-folder without read permission used to be skipped without a word (rglob ignores it):
    its files were lost. It is now an error line of its own, and the rest is parsed."""
    src = tmp_path / "in"
    (src / "closed").mkdir(parents=True)
    sample_copy(src / "good.txt")
    sample_copy(src / "closed" / "inside.txt", "\n1")
    (src / "closed").chmod(0)
    try:
        out = tmp_path / "out"
        r = run("batch", src, "--out", out, "--workers", "1", unprivileged=True)
        assert r.code == 5 and "Traceback" not in r.stderr, r.stderr
        errors = errors_csv(out)
        assert list(errors) == [str(src / "closed")]
        error, message = errors[str(src / "closed")]
        assert error == "UnreadableInput" and "folder that cannot be read" in message
        assert len(list((out / "json").iterdir())) == 1
    finally:
        (src / "closed").chmod(0o755)
