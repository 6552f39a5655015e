"""Is parsing linear in text size? Issue 14's figure: the sample's text repeated to 1 MB and to
5 MB, each parsed once; the 5 MB / 1 MB CPU-time ratio should be under 6 (5 for a linear
parser). Prints the numbers; asserts nothing (no timing in tests).

    .venv/bin/python bench/bench_text_size.py [--sizes 1,5] [--timeout 900]

Each size runs in its own process (``parse-report FILE --timeout``), so a super-linear step shows
as a timeout instead of a hung benchmark; the figure is that process's CPU time minus the same
command's time on the sample alone (start-up, imports, pattern compilation).
"""
from __future__ import annotations

import argparse
import os
import resource
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
SAMPLE = ROOT / "samples" / "le-hong-2022-h1.txt"
MB = 1_000_000


def repeated(target: Path, size: int) -> Path:
    """The sample's text repeated until it reaches ``size`` bytes (whole copies, form-feed separated)."""
    text = SAMPLE.read_bytes()
    copies = max(1, size // (len(text) + 1))
    target.write_bytes(b"\f".join([text] * copies))
    return target


def cpu_seconds(path: Path, timeout: float) -> tuple[float, float, int]:
    """(CPU s, wall s, exit code) of ``parse-report PATH`` in a fresh process."""
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    start = time.perf_counter()
    proc = subprocess.run([sys.executable, "-m", "report_parser", str(path), "--timeout", str(timeout),
                           "--lenient", "-o", os.devnull], capture_output=True, text=True)
    wall = time.perf_counter() - start
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    cpu = (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)
    if proc.returncode:
        print(f"  exit {proc.returncode}: {proc.stderr.strip()}", flush=True)
    return cpu, wall, proc.returncode


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--sizes", default="1,5", help="sizes in MB (default 1,5)")
    ap.add_argument("--timeout", type=float, default=900.0)
    a = ap.parse_args()
    sizes = [float(s) for s in a.sizes.split(",")]
    cpu_seconds(SAMPLE, a.timeout)  # the first run may build the compiled-patterns cache
    base_cpu, base_wall, _ = cpu_seconds(SAMPLE, a.timeout)
    print(f"sample alone ({SAMPLE.stat().st_size:,} bytes): {base_cpu:.2f} s CPU, {base_wall:.2f} s wall "
          "(start-up included; subtracted below)")
    print("| text | bytes | CPU s (net) | wall s | exit |\n|---|---|---|---|---|")
    net, gross = {}, {}
    with tempfile.TemporaryDirectory() as tmp:
        for mb in sizes:
            path = repeated(Path(tmp) / f"sample-{mb:g}MB.txt", int(mb * MB))
            cpu, wall, code = cpu_seconds(path, a.timeout)
            net[mb], gross[mb] = max(0.0, cpu - base_cpu), cpu
            print(f"| sample x{path.stat().st_size // SAMPLE.stat().st_size} | {path.stat().st_size:,} | "
                  f"{net[mb]:.2f} | {wall:.2f} | {code} |", flush=True)
    if len(sizes) >= 2 and net[sizes[0]]:
        ratio = net[sizes[-1]] / net[sizes[0]]
        print(f"\nratio {sizes[-1]:g} MB / {sizes[0]:g} MB = {ratio:.2f} net of start-up, "
              f"{gross[sizes[-1]] / gross[sizes[0]]:.2f} with it (linear: {sizes[-1] / sizes[0]:g}; "
              "issue 14 wants < 6)")


if __name__ == "__main__":
    main()
