"""Measure the shared PostgreSQL store against the SQLite one (issue 17's "done when"), on a
throw-away PostgreSQL server (tests/pg_cluster.py: the Debian postgresql package's initdb/pg_ctl,
fsync on) and the generated corpus (tests/generate_corpus.py), with the real `parse-report` CLI:

* identical   the 60 generated reports plus the samples, batched into SQLite and into PostgreSQL:
              are the aggregate CSV sheets byte-identical? (and the two batches' wall times)
* throughput  storing the same parsed reports (import_report, one transaction each) into a fresh
              SQLite file and a fresh PostgreSQL database: reports per second of each
* concurrent  two batches started at the same moment into one PostgreSQL database, 60 reports each,
              20 communes in common (one has the older version, the other the newer): 100 current
              reports, 20 recorded replacements, the newer current, empty errors.csv? (--runs times)
* kill        SIGKILL a batch mid-run, count the rows of every stored report against its JSON, run
              the batch again: nothing partial, everything stored?

    python bench/bench_store.py [identical throughput concurrent kill] [--runs 5] [--work DIR]
"""
from __future__ import annotations

import argparse
import json
import os
import shutil
import signal
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "tests"))

import generate_corpus  # noqa: E402
from pg_cluster import Cluster, unavailable  # noqa: E402

CLI = str(Path(sys.executable).with_name("parse-report"))
# two more real districts, so that 100 distinct communes can be generated (20 per district)
MORE_DISTRICTS = [("Kiến Xương", "Thái Bình"), ("Quỳnh Phụ", "Thái Bình")]


def batch(src: Path, out: Path, db: str, workers: int = 2) -> subprocess.Popen:
    return subprocess.Popen([CLI, "batch", str(src), "--out", str(out), "--db", db, "--workers", str(workers)],
                            stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True)


def finish(proc: subprocess.Popen) -> str:
    _, err = proc.communicate()
    if proc.returncode not in (0, 5):
        sys.exit(f"batch failed (exit {proc.returncode}):\n{err[-2000:]}")
    return err.strip().splitlines()[-1] if err.strip() else ""


def error_rows(out: Path) -> list[str]:
    return (out / "errors.csv").read_text(encoding="utf-8-sig").splitlines()[1:]


# --------------------------------------------------------------------------- identical + throughput

def identical(work: Path, pg: Cluster) -> dict:
    corpus = work / "corpus60"
    if not corpus.exists():
        generate_corpus.generate(corpus, 60, pdf=3)
        (corpus / "truth.json").unlink()
        shutil.copytree(ROOT / "samples", corpus / "samples")
    n = sum(1 for p in corpus.rglob("*") if p.is_file())
    targets = {"sqlite": str(work / "id-sqlite" / "district.sqlite"), "postgresql": pg.create_database("identical")}
    sheets, walls = {}, {}
    for engine, db in targets.items():
        out = work / f"id-{engine}"
        shutil.rmtree(out, ignore_errors=True)
        start = time.perf_counter()
        summary = finish(batch(corpus, out, db, workers=1))  # one worker: the same import order for both
        walls[engine] = time.perf_counter() - start
        print(f"  {engine}: {summary} ({walls[engine]:.1f} s)")
        subprocess.run([CLI, "aggregate", "--db", db, "-o", str(out / "sheets" / "district.csv")], check=True,
                       capture_output=True)
        sheets[engine] = {p.name: p.read_bytes() for p in sorted((out / "sheets").iterdir())}
    same = sheets["sqlite"] == sheets["postgresql"]
    differ = [k for k in sheets["sqlite"] if sheets["sqlite"][k] != sheets["postgresql"].get(k)]
    print(f"identical: {n} files, {len(sheets['sqlite'])} CSV sheets, byte-identical: {same}"
          + (f" (differ: {differ})" if differ else ""))
    return {"files": n, "sheets": len(sheets["sqlite"]), "identical": same, "walls": walls}


def throughput(work: Path, pg: Cluster, repeat: int = 5) -> dict:
    from report_parser.models import Report
    from report_parser.store import admin_unit, import_report, open_store

    jsonl = work / "id-sqlite" / "reports.jsonl"
    if not jsonl.exists():
        identical(work, pg)
    reports = [Report.model_validate_json(line) for line in jsonl.read_text(encoding="utf-8").splitlines()]
    for r in reports:  # resolving the communes (one import of the unit tables) is the same work for both
        admin_unit(r)
    rates: dict[str, list[float]] = {"sqlite": [], "postgresql": []}
    for i in range(repeat):
        for engine in sorted(rates, reverse=bool(i % 2)):  # alternate which engine goes first
            (work / f"tp-{i}.sqlite").unlink(missing_ok=True)
            target = str(work / f"tp-{i}.sqlite") if engine == "sqlite" else pg.create_database(f"tp_{i}")
            db = open_store(target)
            start = time.perf_counter()
            for r in reports:
                import_report(db, r)
            rates[engine].append(len(reports) / (time.perf_counter() - start))
            db.close()
    med = {e: sorted(v)[len(v) // 2] for e, v in rates.items()}
    print(f"throughput: {len(reports)} reports, one transaction each, median of {repeat}: "
          f"SQLite {med['sqlite']:.0f}/s, PostgreSQL {med['postgresql']:.0f}/s, "
          f"ratio {med['postgresql'] / med['sqlite']:.2f} (runs: "
          + "; ".join(f"{e} " + ", ".join(f"{x:.0f}" for x in v) for e, v in rates.items()) + ")")
    return {"median": med, "runs": rates}


# --------------------------------------------------------------------------- concurrent + kill

def two_offices(work: Path) -> tuple[Path, Path, dict[str, str]]:
    """Office A and B folders: 40 communes each of their own, 20 in common, A with the older version
    of half of the 20 and the newer of the other half, B the opposite. Returns commune -> newer number."""
    root = work / "offices"
    a, b, newer = root / "A", root / "B", {}
    if (root / "newer.json").exists():
        return a, b, json.loads((root / "newer.json").read_text())
    all_ = root / "all"
    generate_corpus.DISTRICTS = generate_corpus.DISTRICTS + MORE_DISTRICTS
    truths = generate_corpus.generate(all_, 100, pdf=0, seed=11)
    a.mkdir(parents=True)
    b.mkdir()
    for i, t in enumerate(truths):
        src = all_ / t.file
        if i % 5:  # 80 communes of one office only
            shutil.copy(src, (a if i % 2 else b) / t.file)
            continue
        later = _newer_version(src, t)
        newer[t.unit_code] = str(int(t.number) + 1)
        old_to, new_to = (a, b) if (i // 5) % 2 else (b, a)
        shutil.copy(src, old_to / t.file)
        shutil.move(later, new_to / later.name)
    (root / "newer.json").write_text(json.dumps(newer))
    return a, b, newer


def _newer_version(src: Path, t) -> Path:
    """The same commune's report, a later number and date (28 June)."""
    day = int(t.date[-2:])
    edits = [(f"{t.number}/BC-UBND", f"{int(t.number) + 1}/BC-UBND"),
             (f"ngày {day} tháng 6 năm 2022", "ngày 28 tháng 6 năm 2022"), (f"ngày {day}/6/2022", "ngày 28/6/2022")]
    dst = src.with_name(src.stem + "-moi" + src.suffix)
    if src.suffix == ".txt":
        text = src.read_text(encoding="utf-8")
        for old, new in edits:
            text = text.replace(old, new)
        dst.write_text(text, encoding="utf-8")
    else:
        import docx

        document = docx.Document(str(src))
        generate_corpus.apply_edits(document, edits)
        document.save(str(dst))
    return dst


def check_store(url: str, newer: dict[str, str]) -> dict:
    from report_parser.store import open_store

    db = open_store(url)
    current = {r["unit_code"]: r["number"] for r in db.execute("SELECT unit_code, number FROM reports")}
    out = {"reports": db.execute("SELECT COUNT(*) FROM reports").fetchone()[0],
           "replaced": db.execute("SELECT COUNT(*) FROM replaced").fetchone()[0],
           "newer_current": sum(current.get(code) == number for code, number in newer.items()),
           "partial": partial_reports(db)}
    db.close()
    return out


def partial_reports(db) -> list[str]:
    """Stored reports whose rows are not all there (counted per table against the report's JSON)."""
    bad = []
    for rid, path, text in db.execute("SELECT id, path, json FROM reports").fetchall():
        r = json.loads(text)
        want = {"indicators": len(r["indicators"]), "refs": len(r["references"]), "figures": len(r["figures"]),
                "checks": len(r["checks"]), "table_rows": sum(len(t["rows"]) for t in r["tables"]),
                "mentions": sum(len(x["mentions"]) for x in r["references"])}
        have = {t: db.execute(f"SELECT COUNT(*) FROM {t} WHERE report_id = ?", (rid,)).fetchone()[0]
                for t in want if t != "mentions"}
        have["mentions"] = db.execute("SELECT COUNT(*) FROM mentions m JOIN refs f ON f.id = m.ref_id "
                                      "WHERE f.report_id = ?", (rid,)).fetchone()[0]
        if have != want:
            bad.append(f"{path}: {have} != {want}")
    return bad


def concurrent(work: Path, pg: Cluster, runs: int) -> list[dict]:
    a, b, newer = two_offices(work)
    results = []
    for run in range(1, runs + 1):
        url = pg.create_database(f"concurrent_{run}")
        outs = [work / f"cc-{run}-A", work / f"cc-{run}-B"]
        start = time.perf_counter()
        procs = [batch(src, out, url, workers=1) for src, out in zip((a, b), outs)]
        lines = [finish(p) for p in procs]
        res = check_store(url, newer)
        res.update(seconds=round(time.perf_counter() - start, 1), errors=sum(len(error_rows(o)) for o in outs))
        ok = (res["reports"], res["replaced"], res["newer_current"], res["errors"], res["partial"]) == (
            100, 20, 20, 0, [])
        print(f"concurrent run {run}: {res['reports']} current, {res['replaced']} replaced, "
              f"{res['newer_current']}/20 newer current, {res['errors']} error rows, "
              f"{len(res['partial'])} partial, {res['seconds']} s -> {'OK' if ok else 'FAIL'}  | " + " | ".join(lines))
        results.append(res | {"ok": ok})
    return results


def kill(work: Path, pg: Cluster, after: tuple[int, ...] = (8, 25, 45)) -> list[dict]:
    from report_parser.store import open_store

    a, _, _ = two_offices(work)
    n = sum(1 for _ in a.iterdir())
    results = []
    for k in after:
        url = pg.create_database(f"kill_{k}")
        proc = batch(a, work / f"kill-{k}", url, workers=2)
        db = open_store(url)
        while db.execute("SELECT COUNT(*) FROM reports").fetchone()[0] < k and proc.poll() is None:
            time.sleep(0.05)
        inside = _in_transaction(db, proc)
        os.kill(proc.pid, signal.SIGKILL)
        proc.wait()
        stored = db.execute("SELECT COUNT(*) FROM reports").fetchone()[0]
        partial_after_kill = partial_reports(db)
        line = finish(batch(a, work / f"kill-{k}-again", url, workers=2))
        total = db.execute("SELECT COUNT(*) FROM reports").fetchone()[0]
        res = {"killed_after": stored, "inside_transaction": inside, "partial_after_kill": len(partial_after_kill),
               "total_after_rerun": total, "partial_after_rerun": len(partial_reports(db)), "files": n}
        db.close()
        ok = res["partial_after_kill"] == res["partial_after_rerun"] == 0 and total == n
        print(f"kill at >= {k}: {stored} reports stored when killed ({'inside' if inside else 'between'} "
              f"transactions), {res['partial_after_kill']} partial; rerun: "
              f"{total}/{n} stored, {res['partial_after_rerun']} partial -> {'OK' if ok else 'FAIL'} | {line}")
        results.append(res | {"ok": ok})
    return results


def _in_transaction(db, proc: subprocess.Popen, seconds: float = 20.0) -> bool:
    """Wait (a while) until the batch's connection is inside a report's transaction, so that the
    kill lands mid-report rather than between two reports."""
    end = time.monotonic() + seconds
    while time.monotonic() < end and proc.poll() is None:
        busy = db.execute("SELECT COUNT(*) FROM pg_stat_activity WHERE application_name = 'report-parser'"
                          " AND pid <> pg_backend_pid() AND xact_start IS NOT NULL").fetchone()[0]
        if busy:
            return True
    return False


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("what", nargs="*", default=["identical", "throughput", "concurrent", "kill"])
    ap.add_argument("--runs", type=int, default=5)
    ap.add_argument("--work", type=Path, help="keep the corpora and outputs here (default: a temporary folder)")
    a = ap.parse_args()
    reason = unavailable()
    if reason:
        sys.exit(f"cannot start a PostgreSQL server: {reason}")
    work = a.work or Path(tempfile.mkdtemp(prefix="bench-store-"))
    work.mkdir(parents=True, exist_ok=True)
    print(f"{os.cpu_count()} cores, load average {' '.join(f'{x:.1f}' for x in os.getloadavg())}, work in {work}")
    steps = {"identical": lambda pg: identical(work, pg), "throughput": lambda pg: throughput(work, pg),
             "concurrent": lambda pg: concurrent(work, pg, a.runs), "kill": lambda pg: kill(work, pg)}
    with Cluster(fsync=True) as pg:
        for what in a.what:
            steps[what](pg)
    if not a.work:
        shutil.rmtree(work, ignore_errors=True)


if __name__ == "__main__":
    main()
