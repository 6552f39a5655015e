"""The batch's scaling, by Amdahl: 2 workers vs 1 on generated reports, and where the serial part is.

    python bench/bench_batch.py [--repeat 5] [--reports 60] [--pdf 3] [--src DIR]

Every repeat runs ``parse-report batch`` with 1 worker, then with 2 (whole processes timed from
outside, a new output folder and store each time), each in a process that runs the command
line's ``main`` and counts CPU time:

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
at the end, and for each repeat the CPU that other processes took meanwhile (``/proc/stat``'s
busy time minus ours). ``--quiet`` waits before each repeat until the machine has been idle for
a second and runs the repeat again (up to three times as many runs) when others took more than
5 % of the two cores meanwhile: the ratio of a quiet machine on a shared one.
"""
from __future__ import annotations

import argparse
import json
import os
import shutil
import statistics
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from bench import PY, ROOT, cpu_of, env_for  # noqa: E402

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
    """The CPU split of one batch run, its wall time and all its CPU (the fork server stopped and reaped)."""
    cpu, wall, stdout = cpu_of([PY, "-c", INSTRUMENTED, *batch_args(corpus, out, workers)], env, ok=(0, 5))
    return {**json.loads(stdout.strip().splitlines()[-1]), "wall": wall, "cpu": cpu}


def machine_cpu() -> float:
    """CPU seconds the whole machine has been busy (all processes, every core)."""
    with open("/proc/stat") as f:
        ticks = [int(x) for x in f.readline().split()[1:]]
    return (sum(ticks) - ticks[3] - ticks[4]) / os.sysconf("SC_CLK_TCK")  # minus idle and iowait


def wait_quiet(limit: float = 60.0) -> None:
    """Wait (at most ``limit`` s) until the machine was idle for one second."""
    start = time.monotonic()
    while time.monotonic() - start < limit:
        before = machine_cpu()
        time.sleep(1.0)
        if machine_cpu() - before < 0.1:
            return


def one_repeat(corpus: Path, out: Path, env: dict) -> tuple[dict[int, dict], float]:
    """The runs with 1 and 2 workers, and the CPU other processes took meanwhile."""
    before = machine_cpu()
    runs = {w: instrumented(corpus, out, w, env) for w in (1, 2)}
    return runs, max(0.0, machine_cpu() - before - sum(r["cpu"] for r in runs.values()))


def load() -> str:
    return " ".join(f"{x:.2f}" for x in os.getloadavg())


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--repeat", type=int, default=5)
    ap.add_argument("--reports", type=int, default=60)
    ap.add_argument("--pdf", type=int, default=3)
    ap.add_argument("--src", type=Path, help="time the package in this src/ directory instead")
    ap.add_argument("--quiet", action="store_true", help="keep only repeats with the machine to ourselves")
    a = ap.parse_args()
    env = env_for(a.src.resolve() if a.src else None)
    sys.path.insert(0, str(ROOT / "tests"))
    from generate_corpus import generate

    print(f"{os.cpu_count()} cores; load average {load()} at the start; medians of {a.repeat}")
    walls: dict[int, list[float]] = {1: [], 2: []}
    loads: list[float] = []
    others: list[float] = []
    runs: dict[int, list[dict]] = {1: [], 2: []}
    with tempfile.TemporaryDirectory() as tmp:
        corpus = Path(tmp) / "corpus"
        generate(corpus, a.reports, pdf=a.pdf)
        (corpus / "truth.json").unlink()
        for _ in range(a.repeat):
            for _attempt in range(3 if a.quiet else 1):
                if a.quiet:
                    wait_quiet()
                load_before = os.getloadavg()[0]
                pair, other = one_repeat(corpus, Path(tmp) / "out", env)
                if not a.quiet or other <= 0.05 * 2 * sum(r["wall"] for r in pair.values()):
                    break
            loads.append(load_before)
            others.append(other)
            preload = cpu_of([PY, "-c", "import report_parser.preload"], env)[0]
            for w in (1, 2):
                walls[w].append(pair[w]["wall"])
                runs[w].append({**pair[w], "preload": preload})
    report(walls, runs, loads, others, a.reports, a.pdf)
    print(f"load average at the end: {load()}")


def report(walls: dict[int, list[float]], runs: dict[int, list[dict]], loads: list[float], others: list[float],
           reports: int, pdfs: int) -> None:
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
          f"per repeat (1-minute load average before it; CPU others took during it): "
          f"{', '.join(f'{x / y:.2f} ({load:.1f}; {o:.1f} s)' for x, y, load, o in zip(walls[1], walls[2], loads, others))}")


if __name__ == "__main__":
    main()
