"""One benchmark for every speed figure of the README: each measured against a reference
taken in the same run, so a busy machine moves both sides alike.

CPU time, not wall time (the machine is shared): a whole command is timed with
``getrusage(RUSAGE_CHILDREN)`` around it (the process and every child it waited
for, Tesseract included); a warm call in one process with ``time.process_time``.
Every figure is the median of ``--repeat`` runs, measured and reference in turn.

    python bench/bench.py [--repeat 7] [--only pdf,warm,real,help,txt,linear,batch,ocr]
                          [--src DIR]   # time another checkout's src/ (a "before")

Figures (the "Done when" of issue 15 in brackets):
  pdf     whole ``parse-report`` on the sample PDF / bare pdfplumber ``extract_text`` of
          every page, whole process (<= 0.35)
  cold    the same with an empty cache folder every run (``$REPORT_PARSER_CACHE``): what
          the first run after an install or a change of the patterns costs (no target)
  warm    warm ``parse()`` of the sample PDF / warm pdfplumber dump, one process (<= 0.12)
  real    whole ``parse-report`` on corpus/real/01 (23 pages) / bare pypdfium2 text (<= 6)
  help    ``parse-report --help`` wall seconds (<= 0.3 s)
  txt     whole ``parse-report`` on the sample .txt, CPU seconds (<= 0.5 s); reference: warm parse()
  linear  warm parse() of the sample text repeated x4, x16, x64 / x1 (x64 <= 72)
  batch   ``parse-report batch`` of generated reports, 2 workers vs 1, wall (>= 1.8 on a quiet machine)
  ocr     CPU per page of the scanned sample / Tesseract alone on one rendered page (<= 3.5 s)
"""
from __future__ import annotations

import argparse
import os
import platform
import resource
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
SHARED = ROOT.parent / "shared"
SAMPLE = ROOT / "samples" / "le-hong-2022-h1"
REAL = next(iter(sorted((SHARED / "corpus" / "real").glob("01_*.pdf"))), None)
PY = sys.executable
ALL = ("pdf", "cold", "warm", "real", "help", "txt", "linear", "batch", "ocr")

PDFPLUMBER_DUMP = """
import sys, pdfplumber
with pdfplumber.open(sys.argv[1]) as pdf:
    for page in pdf.pages:
        page.extract_text()
"""
PDFIUM_DUMP = """
import sys, pypdfium2 as pdfium
pdf = pdfium.PdfDocument(sys.argv[1])
for page in pdf:
    page.get_textpage().get_text_range()
"""
# one process: parse and dump in turn, warm (after one untimed run of each); prints the times
WARM = """
import statistics, sys, time, pdfplumber
from report_parser import parse
path, n = sys.argv[1], int(sys.argv[2])
def dump():
    with pdfplumber.open(path) as pdf:
        for page in pdf.pages:
            page.extract_text()
def run(f):
    t = time.process_time(); f(); return time.process_time() - t
parse(path); dump()
a, b = [], []
for _ in range(n):
    a.append(run(lambda: parse(path))); b.append(run(dump))
print(statistics.median(a), statistics.median(b))
"""
LINEAR = """
import statistics, sys, tempfile, time
from pathlib import Path
from report_parser import parse
text = Path(sys.argv[1]).read_text(encoding="utf-8")
n = int(sys.argv[2])
out = []
with tempfile.TemporaryDirectory() as tmp:
    for k in map(int, sys.argv[3:]):
        p = Path(tmp) / f"x{k}.txt"
        p.write_text("\\n\\n".join([text] * k), encoding="utf-8")
        parse(p, require_report=False)
        ts = []
        for _ in range(n if k < 16 else max(1, n // 3)):
            t = time.process_time(); parse(p, require_report=False); ts.append(time.process_time() - t)
        out.append(statistics.median(ts))
print(*out)
"""


def env_for(src: Path | None) -> dict:
    env = dict(os.environ)
    # as an installed package runs: its modules' bytecode cached (pip compiles it on install),
    # not every module of src/ compiled again on every start (0.2 s of each run)
    env.pop("PYTHONDONTWRITEBYTECODE", None)
    if src is not None:
        env["PYTHONPATH"] = str(src) + os.pathsep + env.get("PYTHONPATH", "")
    return env


def cpu_of(cmd: list[str], env: dict, ok=(0,)) -> tuple[float, float, str]:
    """(CPU seconds of the command and its children, wall seconds, stdout)."""
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    start = time.perf_counter()
    done = subprocess.run(cmd, capture_output=True, text=True, env=env)
    wall = time.perf_counter() - start
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    if done.returncode not in ok:
        sys.exit(f"{' '.join(cmd)} failed (exit {done.returncode}):\n{done.stderr[-2000:]}")
    cpu = (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)
    return cpu, wall, done.stdout


def parse_report(args: list[str]) -> list[str]:
    """The command as installed: ``python -m report_parser`` runs the console script's entry point."""
    return [PY, "-m", "report_parser", *args]


def paired(a: list[str], b: list[str], env: dict, n: int, pick=0) -> tuple[float, float]:
    """Medians of n runs of command a and of command b, in turn (pick 0: CPU, 1: wall)."""
    xs, ys = [], []
    for _ in range(n):
        xs.append(cpu_of(a, env)[pick])
        ys.append(cpu_of(b, env)[pick])
    return statistics.median(xs), statistics.median(ys)


def row(what: str, value: float, unit: str, ref_what: str, ref: float | None, target: str,
        ratio: float | None = None) -> None:
    ratio = ratio if ratio is not None else (value / ref if ref else None)
    ratio = f"{ratio:.2f}" if ratio is not None else "-"
    refs = f"{ref:.2f} {unit}" if ref is not None else "-"
    print(f"| {what} | {value:.2f} {unit} | {ref_what}: {refs} | **{ratio}** | {target} |", flush=True)


def fig_pdf(env, n, tmp):
    out = str(tmp / "o.json")
    a, b = paired(parse_report([str(SAMPLE.with_suffix(".pdf")), "-o", out]),
                  [PY, "-c", PDFPLUMBER_DUMP, str(SAMPLE.with_suffix(".pdf"))], env, n)
    row("whole `parse-report` on the sample PDF (19 pages, 9 with forms)", a, "s CPU",
        "bare pdfplumber dump, whole process", b, "<= 0.35")


def fig_cold(env, n, tmp):
    pdf, out = str(SAMPLE.with_suffix(".pdf")), str(tmp / "o.json")
    xs, ys = [], []
    for i in range(n):
        cold = {**env, "REPORT_PARSER_CACHE": str(tmp / f"cold{i}")}  # compiled patterns, code: none yet
        xs.append(cpu_of(parse_report([pdf, "-o", out]), cold)[0])
        ys.append(cpu_of([PY, "-c", PDFPLUMBER_DUMP, pdf], env)[0])
    row("the same, no caches yet (a first run)", statistics.median(xs), "s CPU",
        "bare pdfplumber dump, whole process", statistics.median(ys), "-")


def fig_warm(env, n, tmp):
    out = cpu_of([PY, "-c", WARM, str(SAMPLE.with_suffix(".pdf")), str(n)], env)[2].split()
    a, b = float(out[0]), float(out[1])
    row("warm `parse()` of the sample PDF", a, "s CPU", "warm pdfplumber dump", b, "<= 0.12")


def fig_real(env, n, tmp):
    if REAL is None:
        print("| real 23-page PDF | (corpus/real/01 not found) | | | |")
        return
    out = str(tmp / "o.json")
    a, b = paired(parse_report([str(REAL), "-o", out, "--lenient"]),
                  [PY, "-c", PDFIUM_DUMP, str(REAL)], env, n)
    row("real 23-page PDF (`corpus/real/01`)", a, "s CPU", "bare pypdfium2 text, whole process", b, "<= 6")


def fig_help(env, n, tmp):
    runs = [(cpu_of(parse_report(["--help"]), env), cpu_of([PY, "-c", "pass"], env)) for _ in range(n)]
    for pick, unit in ((1, "s wall"), (0, "s CPU")):  # wall is the target; CPU says what a busy machine hides
        a = statistics.median(r[0][pick] for r in runs)
        b = statistics.median(r[1][pick] for r in runs)
        row("`parse-report --help`", a, unit, "bare `python -c pass`", b, "<= 0.3 s wall")


def fig_txt(env, n, tmp):
    out = str(tmp / "o.json")
    txt = str(SAMPLE.with_suffix(".txt"))
    a = statistics.median(cpu_of(parse_report([txt, "-o", out]), env)[0] for _ in range(n))
    warm = float(cpu_of([PY, "-c", LINEAR, txt, str(n), "1"], env)[2].split()[0])
    row("the sample .txt, whole run", a, "s CPU", "warm `parse()` of it", warm, "<= 0.5 s CPU")


def fig_linear(env, n, tmp):
    ks = [1, 4, 16, 64]
    ts = [float(x) for x in cpu_of([PY, "-c", LINEAR, str(SAMPLE.with_suffix(".txt")), str(n), *map(str, ks)],
                                   env)[2].split()]
    for k, t in zip(ks[1:], ts[1:]):
        row(f"sample text repeated x{k}, warm parse()", t, "s CPU", "x1", ts[0],
            f"linear: {k}" + (" (<= 72)" if k == 64 else ""))


def fig_batch(env, n, tmp, reports=60, pdfs=3):
    sys.path.insert(0, str(ROOT / "tests"))
    from generate_corpus import generate

    corpus = tmp / "corpus"
    generate(corpus, reports, pdf=pdfs)
    (corpus / "truth.json").unlink()
    walls: dict[int, list[float]] = {1: [], 2: []}
    for _ in range(max(1, n // 2)):
        for w in (1, 2):
            out = tmp / f"batch{w}"
            shutil.rmtree(out, ignore_errors=True)
            walls[w].append(cpu_of(parse_report(["batch", str(corpus), "--out", str(out), "--workers", str(w)]),
                                   env, ok=(0, 5))[1])
    one, two = statistics.median(walls[1]), statistics.median(walls[2])
    row(f"`batch` of {reports} generated reports ({pdfs} PDF), 2 workers; ratio = speed-up", two, "s wall",
        "1 worker", one, ">= 1.8 on a quiet machine", ratio=one / two)


def fig_ocr(env, n, tmp):
    scan = SAMPLE.parent / (SAMPLE.name + "-scanned.pdf")
    pages = 19
    page = tmp / "page.png"
    subprocess.run(["pdftoppm", "-r", "300", "-gray", "-f", "2", "-l", "2", "-png", "-singlefile",
                    str(scan), str(page.with_suffix(""))], check=True)
    tess = ["tesseract", str(page), "stdout", "-l", "vie", "--psm", "3", "tsv"]
    env1 = {**env, "OMP_THREAD_LIMIT": "1"}
    a, b = [], []
    for _ in range(max(1, n // 4)):
        a.append(cpu_of(parse_report([str(scan), "-o", str(tmp / "o.json")]), env1)[0] / pages)
        b.append(cpu_of(tess, env1)[0])
    row("scanned sample (19 pages), CPU per page", statistics.median(a), "s CPU",
        "Tesseract alone, one page", statistics.median(b), "<= 3.5 s CPU per page")


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--repeat", type=int, default=7)
    ap.add_argument("--only", default=",".join(ALL))
    ap.add_argument("--src", type=Path, help="time the package in this src/ directory instead")
    a = ap.parse_args()
    env = env_for(a.src.resolve() if a.src else None)
    load = " ".join(f"{x:.1f}" for x in os.getloadavg())
    print(f"{platform.machine()}, {os.cpu_count()} cores, Python {platform.python_version()}, "
          f"load average {load} at the start; medians of {a.repeat}\n")
    print("| what | now | reference (same run) | ratio | target |\n|---|---|---|---|---|")
    with tempfile.TemporaryDirectory() as tmp:
        for name in a.only.split(","):
            globals()[f"fig_{name.strip()}"](env, a.repeat, Path(tmp))
    print(f"\nload average at the end: {' '.join(f'{x:.1f}' for x in os.getloadavg())}")


if __name__ == "__main__":
    main()
