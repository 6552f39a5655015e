"""Time ``parse-report batch`` on the generated corpus with 1 and with 2 workers.

Each measurement is a whole run of the command (fresh output folder and store,
so every file is parsed), repeated; the median wall time gives reports/minute,
and the speed-up is the ratio to the first worker count's median in the same run.
The numbers go into the README's district section.

    python bench/bench_batch.py [--n 60] [--pdf 3] [--repeat 3] [--workers 1 2]
"""
from __future__ import annotations

import argparse
import os
import platform
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "tests"))

from generate_corpus import generate  # noqa: E402


def _load() -> str:
    return " ".join(f"{x:.1f}" for x in os.getloadavg()) if hasattr(os, "getloadavg") else "n/a"


def one_run(corpus: Path, workers: int, work: Path) -> float:
    out = work / f"out-{workers}"
    shutil.rmtree(out, ignore_errors=True)
    cmd = [str(Path(sys.executable).with_name("parse-report")), "batch", str(corpus), "--out", str(out),
           "--workers", str(workers)]
    start = time.perf_counter()
    done = subprocess.run(cmd, capture_output=True, text=True)
    elapsed = time.perf_counter() - start
    if done.returncode != 0:
        sys.exit(f"batch failed (exit {done.returncode}):\n{done.stderr[-2000:]}")
    return elapsed


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--n", type=int, default=60)
    ap.add_argument("--pdf", type=int, default=3)
    ap.add_argument("--repeat", type=int, default=3)
    ap.add_argument("--workers", type=int, nargs="+", default=[1, 2])
    a = ap.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        work = Path(tmp)
        corpus = work / "corpus"
        generate(corpus, a.n, pdf=a.pdf)
        (corpus / "truth.json").unlink()
        n = sum(1 for _ in corpus.iterdir())
        print(f"corpus: {n} reports ({a.pdf} pdf), {platform.processor() or platform.machine()}, "
              f"{os.cpu_count()} cores, Python {platform.python_version()}, load average {_load()}")
        print(f"{'workers':>7} {'median s':>9} {'runs (s)':<28} {'reports/min':>11} {'speed-up':>8}")
        # runs of the worker counts interleave, so a change in machine load hits all of them alike
        runs: dict[int, list[float]] = {w: [] for w in a.workers}
        for _ in range(a.repeat):
            for w in a.workers:
                runs[w].append(one_run(corpus, w, work))
        baseline = statistics.median(runs[a.workers[0]])
        for w in a.workers:
            med = statistics.median(runs[w])
            print(f"{w:>7} {med:>9.1f} {', '.join(f'{r:.1f}' for r in runs[w]):<28} {60 * n / med:>11.0f}"
                  f" {baseline / med:>7.2f}x")
        print(f"load average at the end: {_load()} (other processes on the machine slow the runs down)")


if __name__ == "__main__":
    main()
