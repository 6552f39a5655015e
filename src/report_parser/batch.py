"""Parse a folder of reports in parallel worker processes and import them into the store.

A district receives hundreds of files of every quality: some are corrupt, some
hang a reader (a stalled network share, a pathological PDF), a native library
may even crash. So each file is parsed in a long-lived worker process that the
batch supervises: a worker that exceeds the per-file time limit is killed, a
worker that dies is replaced, and the file is listed in ``errors.csv`` with the
reason. Every input ends up either parsed (or already in the store) or listed
as failed - nothing is dropped silently.

Workers only parse; the main process alone writes the store (one transaction
per report) and the output files, so a killed worker never leaves a
half-written report anywhere. With a PostgreSQL store several batches (on
several machines) import at once; a lost connection is retried, and a report
that still cannot be stored is listed in ``errors.csv`` (``NotStored``)
so the next run imports it.
"""
from __future__ import annotations

import csv
import functools
import hashlib
import multiprocessing as mp
import os
import signal
import sys
import time
from collections import Counter, deque
from dataclasses import dataclass, field
from multiprocessing.connection import wait
from pathlib import Path
from typing import TYPE_CHECKING, Callable

from . import commune_cache, limits
from .errors import EXIT_SOME_FAILED, ReportParserError, UnreadableInput
from .ingest import SUPPORTED, file_info
from .options import OcrMode
from .store import (Prepared, known_hashes, open_store, prepare, record_error, report_json_by_sha, store_prepared,
                    with_retry)
from .textsafe import cell, printable

if TYPE_CHECKING:
    from .models import Report

DEFAULT_TIMEOUT = limits.DEFAULT_TIMEOUT
ParseFn = Callable[[Path], "Report"]


@dataclass
class Outcome:
    """One input file's fate, as a worker (or the supervisor) reports it."""

    path: str
    status: str                 # parsed | known | failed
    sha256: str | None = None
    report_json: str | None = None
    error: str | None = None    # error class, e.g. UnreadableInput, Timeout, WorkerCrashed
    message: str | None = None
    seconds: float = 0.0
    prepared: Prepared | None = None  # a parsed report made ready for the store, in the worker
    cpu: float = 0.0                  # the worker's own CPU seconds on this file (bench/bench_batch.py)


@dataclass
class BatchSummary:
    total: int = 0
    parsed: int = 0
    already_stored: int = 0
    failed: list[Outcome] = field(default_factory=list)
    stored: dict[str, int] = field(default_factory=dict)   # import status -> count
    messages: list[str] = field(default_factory=list)       # replacements and the like

    @property
    def exit_code(self) -> int:
        return EXIT_SOME_FAILED if self.failed else 0


def collect(paths: list[Path]) -> list[Path]:
    """Every supported file under the paths (recursively), each once, in a stable order.

    A path named explicitly is always taken (a wrong type becomes an error line),
    files found in folders only when their suffix is supported; hidden files and
    Word's '~$' lock files are skipped. A folder that cannot be listed is taken too, so that
    the batch lists it as unreadable instead of losing its files without a word.
    """
    seen: dict[Path, None] = {}
    for p in paths:
        if p.is_dir():
            for f in sorted(_walk(p)):
                if not any(part.startswith((".", "~$")) for part in f.relative_to(p).parts):
                    seen.setdefault(f, None)
        else:
            seen.setdefault(p, None)
    return list(seen)


def _walk(top: Path) -> list[Path]:
    """The supported files below ``top`` and the folders below it that could not be listed
    (symbolic links to folders are not followed, as ``Path.rglob`` does not)."""
    found: list[Path] = []
    unreadable: list[Path] = []
    for folder, _, files in os.walk(top, onerror=lambda e: unreadable.append(Path(e.filename))):
        found += [Path(folder, f) for f in files if Path(f).suffix.lower() in SUPPORTED]
    return found + unreadable


# --------------------------------------------------------------------------- worker side

def _default_parse(path: Path, ocr: OcrMode = OcrMode.auto, ocr_workers: int | None = None) -> Report:
    from .pipeline import parse

    return parse(path, ocr=ocr, ocr_workers=ocr_workers)


def parse_one(path: Path, parse_fn: ParseFn, known: frozenset[str], force: bool) -> Outcome:
    """Parse one file in a worker; every failure becomes an Outcome, never an exception."""
    start = time.monotonic()
    try:
        if path.is_dir():  # a folder that could not be listed (collect): its files are not lost silently
            raise UnreadableInput(f"{path}: a folder that cannot be read (permission denied?); its files were not parsed")
        _, sha = file_info(path)  # a regular file within the limits: a FIFO or /dev/zero is refused here
        if sha in known and not force:
            return Outcome(str(path), "known", sha, seconds=time.monotonic() - start)
        report = parse_fn(path)
        text = report.to_json()
        return Outcome(str(path), "parsed", sha, text, seconds=time.monotonic() - start,
                       prepared=prepare(report, text, commune_cache.lookup(report)))
    except ReportParserError as e:
        return Outcome(str(path), "failed", error=type(e).__name__, message=str(e), seconds=time.monotonic() - start)
    except OSError as e:
        return Outcome(str(path), "failed", error="UnreadableInput",
                       message=f"{path}: cannot be read ({e.strerror or e})", seconds=time.monotonic() - start)
    except MemoryError:
        return Outcome(str(path), "failed", error="OutOfMemory", seconds=time.monotonic() - start,
                       message=f"{path}: the file needs more memory than allowed: {limits.memory_note()}")
    except Exception as e:  # a bug of ours on this file: report it, keep the batch going
        return Outcome(str(path), "failed", error=type(e).__name__, message=f"{path}: internal error: {e}",
                       seconds=time.monotonic() - start)


def _worker_loop(conn, parse_fn: ParseFn, known: frozenset[str], force: bool) -> None:
    signal.signal(signal.SIGINT, signal.SIG_IGN)  # Ctrl-C is the supervisor's to handle: it stops the workers
    while True:
        try:
            task = conn.recv()
        except (EOFError, KeyboardInterrupt):
            return
        if task is None:
            return
        cpu = time.process_time()
        outcome = parse_one(Path(task), parse_fn, known, force)
        outcome.cpu = time.process_time() - cpu
        conn.send(outcome)


# --------------------------------------------------------------------------- supervisor side

def _context():
    """forkserver: workers start from a clean process that has imported the pipeline and
    compiled the default patterns once (:mod:`.preload`): cheap, and safe with threads."""
    if "forkserver" in mp.get_all_start_methods():
        ctx = mp.get_context("forkserver")
        ctx.set_forkserver_preload(["report_parser.preload"])
        return ctx
    return mp.get_context("spawn")


def start_workers() -> None:
    """Start the workers' fork server now: it imports and compiles (:mod:`.preload`) while the caller
    checks its arguments and opens the store, instead of after (a no-op when it runs already)."""
    if _context().get_start_method() == "forkserver":
        from multiprocessing import forkserver

        forkserver.ensure_running()


class _Slot:
    """One worker process and the file it is working on (``number``: the file's place in the batch)."""

    def __init__(self, ctx, parse_fn: ParseFn, known: frozenset[str], force: bool):
        self.args = (ctx, parse_fn, known, force)
        self.task: str | None = None
        self.number = -1
        self.started = 0.0
        self._start()

    def _start(self) -> None:
        ctx, parse_fn, known, force = self.args
        self.conn, child = ctx.Pipe()
        self.proc = ctx.Process(target=_worker_loop, args=(child, parse_fn, known, force), daemon=True)
        self.proc.start()
        child.close()

    def give(self, number: int, path: str) -> None:
        self.number, self.task, self.started = number, path, time.monotonic()
        self.conn.send(path)

    def restart(self) -> None:
        self.kill()
        self._start()

    def kill(self) -> None:
        if self.proc.is_alive():
            self.proc.kill()
        self.proc.join(5)
        self.conn.close()
        self.task = None

    def stop(self) -> None:
        try:
            self.conn.send(None)
        except OSError:
            pass
        self.proc.join(2)
        if self.proc.is_alive():
            self.proc.kill()
            self.proc.join(2)


class _InOrder:
    """Hands the outcomes on in the order of the files, whichever worker finishes first: the store,
    reports.jsonl and the log are the same for any number of workers (and a tie between two files of
    one report is decided the same way). Outcomes that wait for an earlier file are held, at most
    ``limits.BATCH_HELD_OUTCOMES``: beyond that no new file is started until the earlier one is done."""

    def __init__(self, on_outcome: Callable[[Outcome], None]):
        self.on_outcome = on_outcome
        self.held: dict[int, Outcome] = {}
        self.next = 0

    def room(self) -> bool:
        return len(self.held) < limits.BATCH_HELD_OUTCOMES

    def add(self, number: int, outcome: Outcome) -> None:
        self.held[number] = outcome

    def flush(self) -> None:
        while self.next in self.held:
            outcome = self.held.pop(self.next)
            self.next += 1
            self.on_outcome(outcome)


def run_parallel(files: list[Path], *, workers: int, timeout: float, known: frozenset[str] = frozenset(),
                 force: bool = False, parse_fn: ParseFn = _default_parse,
                 on_outcome: Callable[[Outcome], None] = lambda o: None) -> None:
    """Parse the files with supervised workers, calling ``on_outcome`` once per file, in the files' order.

    A worker that finishes gets its next file before the parent stores what it sent (the parent's
    work overlaps the parsing)."""
    ctx = _context()
    queue = deque(enumerate(str(f) for f in files))
    order = _InOrder(on_outcome)
    slots = [_Slot(ctx, parse_fn, known, force) for _ in range(max(1, min(workers, len(files))))]
    try:
        while queue or any(s.task for s in slots):
            _feed(slots, queue, order)
            busy = [s for s in slots if s.task]
            ready = _wait(busy, timeout)
            for s in busy:
                _settle(s, ready, timeout, order)
            _feed(slots, queue, order)
            order.flush()
    finally:
        for s in slots:
            s.stop()


def _feed(slots: list[_Slot], queue: deque, order: _InOrder) -> None:
    """Give every idle worker the next file (while the outcomes held for order leave room)."""
    for s in slots:
        if s.task is None and queue and order.room():
            s.give(*queue.popleft())


def _wait(busy: list[_Slot], timeout: float) -> list:
    """Wait until some busy worker answers, dies or reaches its time limit: what is ready."""
    now = time.monotonic()
    wait_for = max(0.0, min(s.started + timeout - now for s in busy))
    return wait([s.conn for s in busy] + [s.proc.sentinel for s in busy], timeout=wait_for)


def _settle(s: _Slot, ready: list, timeout: float, order: _InOrder) -> None:
    """Collect a finished, crashed or timed-out worker's file; restart the worker when needed."""
    path, number, elapsed = s.task, s.number, time.monotonic() - s.started
    if s.conn in ready:
        try:
            outcome = s.conn.recv()
        except (EOFError, OSError):
            outcome = None
        if outcome is not None:
            s.task = None
            order.add(number, outcome)
            return
    if s.conn in ready or s.proc.sentinel in ready or not s.proc.is_alive():
        s.proc.join(2)  # the pipe can close a moment before the exit code is known
        code = s.proc.exitcode
        s.restart()
        order.add(number, Outcome(path, "failed", error="WorkerCrashed", seconds=elapsed,
                                  message=f"{path}: the parser process died (exit code {code}) on this file"))
    elif elapsed >= timeout:
        s.restart()
        order.add(number, Outcome(path, "failed", error="Timeout", seconds=elapsed,
                                  message=f"{path}: parsing took longer than {timeout:g} s and was stopped"))


# --------------------------------------------------------------------------- the batch command

NAME_BYTES = 255  # the longest file name Linux, macOS and Windows file systems take


def json_names(files: list[Path]) -> dict[str, str]:
    """One JSON file name per input path: 'le-hong.docx' -> 'le-hong.docx.json'.

    Names are decided before parsing, from the paths alone, so they do not depend on
    the order in which workers finish: a name shared by files in several folders, a
    name that is not valid UTF-8, or one too long for a file system once '.json' is
    added gets a tag made from its full path (``name.1a2b3c4d.json``, cut to fit).
    """
    shown = [printable(f.name) for f in files]
    counts = Counter(shown)
    names = {}
    for f, name in zip(files, shown):
        path_tag = hashlib.sha1(os.fsencode(f)).hexdigest()[:8]
        names[str(f)] = _fit(name, path_tag if counts[name] > 1 or name != f.name else "", path_tag)
    return names


def _fit(name: str, tag: str, path_tag: str) -> str:
    if len(f"{name}.{tag}.json".encode()) > NAME_BYTES:
        tag = path_tag  # a cut name needs the tag to stay unique
        room = NAME_BYTES - len(f"..{tag}.json")
        name = name.encode()[:room].decode("utf-8", "ignore")
    return f"{name}.{tag}.json" if tag else f"{name}.json"


class _Outputs:
    """DIR/json/*.json, DIR/reports.jsonl and DIR/errors.csv, written as results arrive
    (every text field of errors.csv formula-safe, see :func:`textsafe.cell`)."""

    def __init__(self, out: Path, names: dict[str, str]):
        (out / "json").mkdir(parents=True, exist_ok=True)
        self.json_dir = out / "json"
        self.names = names
        self.jsonl = (out / "reports.jsonl").open("w", encoding="utf-8")
        self.errors_file = (out / "errors.csv").open("w", encoding="utf-8-sig", newline="")
        self.errors = csv.writer(self.errors_file)
        self.errors.writerow(["path", "error", "message"])

    def report(self, path: str, text: str) -> None:
        (self.json_dir / self.names[path]).write_text(text + "\n", encoding="utf-8")
        self.jsonl.write(text + "\n")

    def error(self, o: Outcome) -> None:
        self.errors.writerow([cell(printable(o.path)), cell(o.error), cell(printable(o.message or ""))])
        self.errors_file.flush()

    def close(self) -> None:
        self.jsonl.close()
        self.errors_file.close()


def run_batch(paths: list[Path], out: Path, *, db: str | Path | None = None, workers: int | None = None,
              force: bool = False, timeout: float = DEFAULT_TIMEOUT, parse_fn: ParseFn | None = None,
              progress: "Progress | None" = None, ocr: OcrMode | str = OcrMode.auto) -> BatchSummary:
    """Parse every file under ``paths`` into ``out`` and import the reports into the store
    (``db``: a SQLite file, default OUT/district.sqlite, or a PostgreSQL URL).

    ``ocr`` applies to every file; each worker may run its share of the cores' Tesseracts."""
    start_workers()
    files = collect(paths)
    workers = workers or os.cpu_count() or 1
    if parse_fn is None:
        share = max(1, (os.cpu_count() or 1) // max(1, min(workers, len(files))))
        parse_fn = functools.partial(_default_parse, ocr=OcrMode.of(ocr), ocr_workers=share)
    summary = BatchSummary(total=len(files))
    store = open_store(db or out / "district.sqlite")
    try:
        outputs = _Outputs(out, json_names(files))
    except BaseException:
        store.close()
        raise
    progress = progress or make_progress(len(files))
    communes: dict = {}  # what the workers resolved, for the next batch (commune_cache)

    def on_outcome(o: Outcome) -> None:
        if o.prepared is not None:
            communes[o.prepared.issuer] = o.prepared.unit
        if o.status != "failed":
            o = _store_outcome(store, o, outputs, summary, progress, force)
        if o.status == "failed":
            summary.failed.append(o)
            outputs.error(o)
            if o.error != STORE_UNAVAILABLE:
                _try(store, lambda: record_error(store, printable(o.path), o.error or "Error",
                                                 printable(o.message or "")))
        progress.advance(o)

    try:
        with progress:
            run_parallel(files, workers=workers, timeout=timeout,
                         known=frozenset(with_retry(store, lambda: known_hashes(store))), force=force,
                         parse_fn=parse_fn, on_outcome=on_outcome)
        commune_cache.save(communes)
    finally:
        outputs.close()
        store.close()
    return summary


STORE_UNAVAILABLE = "NotStored"


def _store_outcome(store, o: Outcome, outputs: _Outputs, summary: BatchSummary, progress: "Progress",
                   force: bool) -> Outcome:
    """Import a parsed report (or fetch a known one's JSON); a store that stays unreachable after the
    retries turns the outcome into a failure, so the file is listed in errors.csv."""
    try:
        if o.status == "known":
            text = with_retry(store, lambda: report_json_by_sha(store, o.sha256))
        else:
            text = o.report_json
            result = with_retry(store, lambda: store_prepared(store, o.prepared, force=force))
    except Exception as e:
        if not store.retryable(e) and not isinstance(e, ReportParserError):  # a bug of ours: list it, go on
            return _failed(o, type(e).__name__, f"{printable(o.path)}: internal error while storing: {e}")
        return _failed(o, STORE_UNAVAILABLE, f"{printable(o.path)}: parsed, but not stored: {store.target}: "
                                             f"{' '.join(str(e).split())}")
    if text is not None:  # None: a known file whose report another batch replaced meanwhile
        try:
            outputs.report(o.path, text)
        except OSError as e:  # a full disk: the report is stored, its JSON is not
            return _failed(o, "NotWritten", f"{printable(o.path)}: stored, but its JSON could not be written "
                                            f"({e.strerror or e})")
    if o.status == "known":
        summary.already_stored += 1
        return o
    summary.parsed += 1
    summary.stored[result.status] = summary.stored.get(result.status, 0) + 1
    if result.status in ("replaced", "older", "duplicate"):
        summary.messages.append(result.message)
        progress.note(result.message)
    return o


def _failed(o: Outcome, error: str, message: str) -> Outcome:
    return Outcome(o.path, "failed", o.sha256, error=error, message=message, seconds=o.seconds)


def _try(store, action: Callable[[], None]) -> None:
    """Best effort (remembering a failed file in the store): a store that is down must not stop the batch."""
    try:
        with_retry(store, action, attempts=2)
    except Exception as e:
        if not store.retryable(e) and not isinstance(e, ReportParserError):
            raise


# --------------------------------------------------------------------------- progress display

class Progress:
    """Plain log lines (for logs and CI); :class:`RichProgress` draws a bar on a terminal."""

    def __init__(self, total: int, stream=None):
        self.total, self.done, self.failed = total, 0, 0
        self.stream = stream or sys.stderr

    def __enter__(self):
        return self

    def __exit__(self, *exc) -> None:
        return None

    def advance(self, o: Outcome) -> None:
        self.done += 1
        self.failed += o.status == "failed"
        self.line(o)

    def line(self, o: Outcome) -> None:
        what = {"parsed": "parsed", "known": "already stored"}.get(o.status, f"FAILED {o.error}: {o.message}")
        print(f"[{self.done}/{self.total}] {o.path}: {what} ({o.seconds:.1f} s)", file=self.stream, flush=True)

    def note(self, message: str) -> None:
        print(message, file=self.stream, flush=True)


class RichProgress(Progress):
    """A rich progress bar: files done / total, failures, elapsed and ETA."""

    def __init__(self, total: int, stream=None):
        super().__init__(total, stream)
        from rich.console import Console
        from rich.progress import (BarColumn, MofNCompleteColumn, TextColumn, TimeElapsedColumn,
                                   TimeRemainingColumn)
        from rich.progress import Progress as Bar

        self.bar = Bar(TextColumn("[bold]parsing"), BarColumn(), MofNCompleteColumn(),
                       TextColumn("[red]{task.fields[failed]} failed"), TimeElapsedColumn(),
                       TextColumn("ETA"), TimeRemainingColumn(), console=Console(file=self.stream))
        self.task = self.bar.add_task("parsing", total=total, failed=0)

    def __enter__(self):
        self.bar.start()
        return self

    def __exit__(self, *exc) -> None:
        self.bar.stop()

    def line(self, o: Outcome) -> None:
        if o.status == "failed":
            from rich.markup import escape

            self.bar.console.print(f"[red]FAILED[/red] {escape(o.path)}: {o.error}: {escape(o.message or '')}",
                                   highlight=False)
        self.bar.update(self.task, completed=self.done, failed=self.failed)

    def note(self, message: str) -> None:
        self.bar.console.print(message, markup=False, highlight=False)


def make_progress(total: int, stream=None) -> Progress:
    stream = stream or sys.stderr
    return RichProgress(total, stream) if stream.isatty() else Progress(total, stream)
