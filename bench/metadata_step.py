"""Cost of the metadata step (extract/metadata) on the sample, per format (issue 11: <= 20 ms).

    .venv/bin/python bench/metadata_step.py [--repeat N]

The document is read and analysed once; the step then runs N times warm (patterns compiled,
the units index loaded, as in a batch). CPU time is the figure to compare (wall time on a
shared machine mostly measures the other processes); both are printed, median and max.
Run from the project root with ../shared beside it.
"""
from __future__ import annotations

import statistics
import sys
import time
from pathlib import Path

SHARED = Path(__file__).resolve().parents[1].parent / "shared"
SAMPLES = [SHARED / "seeds" / "000_9a22ec702aaf6147.txt",
           SHARED / "corpus" / "rendered" / "le-hong-2022-h1.docx",
           SHARED / "corpus" / "rendered" / "le-hong-2022-h1.pdf"]


def main(argv: list[str]) -> int:
    from report_parser.extract import metadata
    from report_parser.pipeline import build_context

    repeat = int(argv[argv.index("--repeat") + 1]) if "--repeat" in argv else 50
    for path in SAMPLES:
        ctx = build_context(path)
        t0 = time.process_time()
        metadata.extract(ctx)
        first = time.process_time() - t0
        cpu, wall = [], []
        for _ in range(repeat):
            c, w = time.process_time(), time.perf_counter()
            metadata.extract(ctx)
            cpu.append(time.process_time() - c)
            wall.append(time.perf_counter() - w)
        print(f"{path.name}: metadata step CPU median {statistics.median(cpu) * 1000:.1f} ms "
              f"(max {max(cpu) * 1000:.1f}), wall median {statistics.median(wall) * 1000:.1f} ms; "
              f"first call {first * 1000:.0f} ms CPU (loads the official units once per process)")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
