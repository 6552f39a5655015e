"""The batch's scaling, by Amdahl: 2 workers vs 1 on generated reports, and where the serial part is.

    python bench/bench_batch.py [--repeat 5] [--reports 60] [--pdf 3] [--src DIR]

Every repeat runs ``parse-report batch`` with 1 worker, then with 2 (whole processes, a new
output folder and store each time; the same command line as ``bench/bench.py --only batch``),
and then both once more instrumented, in one process that counts CPU time:

* parent: the batch process itself (``getrusage(RUSAGE_SELF)``): start-up, argument and
  pattern checks, listing, the store's statements, JSON/CSV writing, the log, the end;
* preload: the fork server's start (:mod:`report_parser.preload`, measured on its own as a
  process that imports it), done once before any worker parses;
* children: every child's CPU (``RUSAGE_CHILDREN`` once the fork server has stopped): the
  preload, each worker's start and the files; ``files`` is what the workers report per file
  (``Outcome.cpu``: parse, JSON, the store's rows; 0 for code before it existed).

The serial fraction is (parent + preload) / (parent + children), from the 1-worker run: with 2
workers on 2 cores the speed-up is at most 2 / (1 + serial fraction), so >= 1.8 needs <= 11 %.
Wall times and the ratio need a quiet machine: the load average is printed at the start and
at the end.
"""
from __future__ import annotations

import argparse
import json
import os
import shutil
import statistics
import sys
import tempfile
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from bench import PY, ROOT, cpu_of, env_for, parse_report  # noqa: E402

INSTRUMENTED = """
import json, resource, sys, time
t0 = time.monotonic()
def cpu(who):
    r = resource.getrusage(who)
    return r.ru_utime + r.ru_stime
from report_parser import batch
files = [0.0, 0]
real = batch.run_parallel
def counted(*a, **k):
    inner = k["on_outcome"]
    def on(o):
        files[0] += getattr(o, "cpu", 0.0)
        files[1] += 1
        inner(o)
    k["on_outcome"] = on
    return real(*a, **k)
batch.run_parallel = counted
from report_parser.cli import main
sys.argv = ["parse-report", *sys.argv[1:]]
try:
    main()
except SystemExit:
    pass
wall = time.monotonic() - t0
parent = cpu(resource.RUSAGE_SELF)
import multiprocessing.forkserver as fs
fs._forkserver._stop()
print(json.dumps({"wall": wall, "parent": parent, "children": cpu(resource.RUSAGE_CHILDREN),
                  "files": files[0], "n": files[1]}))
"""


def batch_args(corpus: Path, out: Path, workers: int) -> list[str]:
    shutil.rmtree(out, ignore_errors=True)
    return ["batch", str(corpus), "--out", str(out), "--workers", str(workers)]


def instrumented(corpus: Path, out: Path, workers: int, env: dict) -> dict:
    stdout = cpu_of([PY, "-c", INSTRUMENTED, *batch_args(corpus, out, workers)], env, ok=(0, 5))[2]
    return json.loads(stdout.strip().splitlines()[-1])


def load() -> str:
    return " ".join(f"{x:.2f}" for x in os.getloadavg())


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--repeat", type=int, default=5)
    ap.add_argument("--reports", type=int, default=60)
    ap.add_argument("--pdf", type=int, default=3)
    ap.add_argument("--src", type=Path, help="time the package in this src/ directory instead")
    a = ap.parse_args()
    env = env_for(a.src.resolve() if a.src else None)
    sys.path.insert(0, str(ROOT / "tests"))
    from generate_corpus import generate

    print(f"{os.cpu_count()} cores; load average {load()} at the start; medians of {a.repeat}")
    walls: dict[int, list[float]] = {1: [], 2: []}
    loads: list[float] = []
    runs: dict[int, list[dict]] = {1: [], 2: []}
    with tempfile.TemporaryDirectory() as tmp:
        corpus = Path(tmp) / "corpus"
        generate(corpus, a.reports, pdf=a.pdf)
        (corpus / "truth.json").unlink()
        for _ in range(a.repeat):
            loads.append(os.getloadavg()[0])
            for w in (1, 2):
                walls[w].append(cpu_of(parse_report(batch_args(corpus, Path(tmp) / "out", w)), env, ok=(0, 5))[1])
            preload = cpu_of([PY, "-c", "import report_parser.preload"], env)[0]
            for w in (1, 2):
                runs[w].append({**instrumented(corpus, Path(tmp) / "out", w, env), "preload": preload})
    report(walls, runs, loads, a.reports, a.pdf)
    print(f"load average at the end: {load()}")


def report(walls: dict[int, list[float]], runs: dict[int, list[dict]], loads: list[float], reports: int,
           pdfs: int) -> None:
    med = statistics.median
    print("\n| workers | wall | parent CPU | preload CPU | children CPU (files' CPU) | serial fraction |")
    print("|---|---|---|---|---|---|")
    for w in (1, 2):
        parent, preload = med(r["parent"] for r in runs[w]), med(r["preload"] for r in runs[w])
        children, files = med(r["children"] for r in runs[w]), med(r["files"] for r in runs[w])
        serial = med((r["parent"] + r["preload"]) / (r["parent"] + r["children"]) for r in runs[w])
        print(f"| {w} | {med(walls[w]):.2f} s | {parent:.2f} s | {preload:.2f} s | {children:.2f} s "
              f"({files:.2f} s) | **{serial:.1%}** |")
    ratio = med(walls[1]) / med(walls[2])
    print(f"\n`batch` of {reports} generated reports ({pdfs} PDF): 2 workers {med(walls[2]):.2f} s wall, "
          f"1 worker {med(walls[1]):.2f} s wall: speed-up **{ratio:.2f}** (>= 1.8 on a quiet machine); "
          f"per repeat (1-minute load average before it): "
          f"{', '.join(f'{x / y:.2f} ({load:.1f})' for x, y, load in zip(walls[1], walls[2], loads))}")


if __name__ == "__main__":
    main()
