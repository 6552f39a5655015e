"""The district workflow on the command line: ``parse-report batch`` and ``parse-report aggregate``.

Kept apart from ``cli.py`` (single-file parsing) and registered there with
:func:`register`, so the two workflows grow independently.
"""
from __future__ import annotations

from pathlib import Path
from typing import Annotated, Optional

import typer

from .cli_common import fail, require_store
from .cli_parse import checked_patterns
from .errors import EXIT_INTERRUPTED, EXIT_UNREADABLE, EXIT_USAGE, ReportParserError
from .limits import DEFAULT_TIMEOUT
from .options import OcrMode


def batch_cmd(
    paths: Annotated[list[Path], typer.Argument(help="Report files and/or folders (searched recursively).",
                                                show_default=False, readable=False)],
    out: Annotated[Path, typer.Option("--out", help="Output folder: json/, reports.jsonl, errors.csv.")],
    db: Annotated[Optional[str], typer.Option("--db", help="The store: a SQLite file, or a shared PostgreSQL "
                                                          "database postgresql://user:pass@host/db. "
                                                          "Default: OUT/district.sqlite.")] = None,
    workers: Annotated[Optional[int], typer.Option("--workers", "-j", min=1,
                                                   help="Parallel parser processes. Default: all cores.")] = None,
    force: Annotated[bool, typer.Option("--force", help="Re-parse and re-store files already in the store.")] = False,
    timeout: Annotated[float, typer.Option("--timeout", min=0.1, help="Per-file time limit in seconds.")]
    = DEFAULT_TIMEOUT,
    ocr: Annotated[OcrMode, typer.Option("--ocr", help="OCR pages without a usable text layer (auto), every page, "
                                                       "or never.")] = OcrMode.auto,
) -> None:
    """Parse every report under PATHS in parallel and import them into the district store.

    Exit code 0 when every file was parsed (or was already stored), 5 when some
    failed (they are listed in OUT/errors.csv), 2 for bad usage.
    """
    from .batch import run_batch, start_workers

    start_workers()  # its preload runs while the arguments and the patterns are checked
    _check_batch_usage(paths, out, db)
    try:
        summary = run_batch(paths, out, db=db, workers=workers, force=force, timeout=timeout, ocr=ocr)
    except ReportParserError as e:
        fail(str(e), e.exit_code)
    except OSError as e:  # the output folder cannot be written (read-only, full disk)
        fail(f"cannot write the outputs into {e.filename or out}: {e.strerror or e}", EXIT_UNREADABLE)
    except KeyboardInterrupt:
        typer.echo("parse-report: interrupted; the reports imported so far are stored, run again to continue",
                   err=True)
        raise typer.Exit(EXIT_INTERRUPTED)
    from .database import redact

    stored = ", ".join(f"{n} {k}" for k, n in sorted(summary.stored.items())) or "0 new"
    target = redact(db) if db else out / "district.sqlite"
    typer.echo(f"{summary.total} files: {summary.parsed} parsed, {summary.already_stored} already stored, "
               f"{len(summary.failed)} failed; store: {stored} -> {target}", err=True)
    if summary.failed:
        typer.echo(f"failed files are listed in {out / 'errors.csv'}", err=True)
    raise typer.Exit(summary.exit_code)


def _check_batch_usage(paths: list[Path], out: Path, db: str | None) -> None:
    """Exit 2 with one line for arguments that cannot work, before anything is parsed."""
    from .batch import collect
    from .patterns import PatternError

    missing = [str(p) for p in paths if not p.exists()]
    if missing:
        fail(f"no such file or folder: {', '.join(missing)}", EXIT_USAGE)
    if out.exists() and not out.is_dir():
        fail(f"--out {out}: is a file; give a folder for json/, reports.jsonl and errors.csv", EXIT_USAGE)
    if db is not None and Path(db).is_dir():
        fail(f"--db {db}: is a folder; give the store's file, e.g. {Path(db) / 'district.sqlite'}", EXIT_USAGE)
    if not collect(paths):
        fail(f"no report files (.pdf, .docx, .doc, .odt, .txt, images) under {', '.join(map(str, paths))}",
              EXIT_USAGE)
    try:
        checked_patterns(full=True)
    except PatternError as e:  # the district's own patterns file is broken: say so once, parse nothing
        fail(str(e), EXIT_USAGE)


def aggregate_cmd(
    db: Annotated[str, typer.Option("--db", help="The store written by 'parse-report batch': a SQLite file or "
                                                 "postgresql://user:pass@host/db.")],
    output: Annotated[Path, typer.Option("-o", "--output", help="OUT.xlsx, OUT.csv or OUT.json.")],
    by: Annotated[str, typer.Option("--by", help="Group by: district (legacy), province, unit, or a column of "
                                                 "--units.")] = "district",
    period: Annotated[Optional[str], typer.Option("--period", help="Only this period, e.g. 2022-H1, 2023-Q3, "
                                                                   "2024-Y.")] = None,
    units: Annotated[Optional[Path], typer.Option("--units", help="The office's roster CSV: commune name or code "
                                                                  "plus grouping columns.", readable=False)] = None,
) -> None:
    """Totals, recomputed rates, the commune table, checks and cited documents, as a spreadsheet."""
    from .aggregate import aggregate
    from .export import write
    from .patterns import PatternError
    from .store import open_store, store_errors
    from .units import Roster

    require_store(db)
    if output.suffix.lower() not in (".xlsx", ".csv", ".json"):
        fail(f"{output}: the output must end in .xlsx, .csv or .json", EXIT_USAGE)
    try:
        roster = Roster.load(units) if units else None
        with store_errors(db):  # damage quick_check did not see, or a lock held too long: one line
            conn = open_store(db, write=False)
            _check_period(conn, db, period)
            result = aggregate(conn, by=by, period=period, roster=roster)
        written = write(result.sheets, output)
    except PatternError as e:  # the district's own patterns file is broken: one line, as for parse
        fail(str(e), EXIT_USAGE)
    except ValueError as e:
        fail(str(e), EXIT_USAGE)
    except ReportParserError as e:
        fail(str(e), e.exit_code)
    except OSError as e:
        fail(f"cannot write {output}: {e.strerror or e}", EXIT_UNREADABLE)
    typer.echo(f"{len(result.reports)} reports in {len(result.groups)} groups"
               + (f", {len(result.missing)} roster communes without a report" if roster else "")
               + f" -> {', '.join(map(str, written))}", err=True)


def _check_period(conn, db: str, period: str | None) -> None:
    """Exit 2 for a period the store does not hold; a note when several periods would be added up."""
    from .aggregate import periods
    from .database import redact

    known = periods(conn)
    if period and period not in known:
        fail(f"no report for period {period} in {redact(db)} (periods: {', '.join(known) or 'none'})", EXIT_USAGE)
    if not period and len(known) > 1:
        typer.echo(f"note: the store holds {len(known)} periods ({', '.join(known)}); totals add them up - "
                   "use --period to choose one", err=True)


def register(app: typer.Typer) -> None:
    app.command("batch")(batch_cmd)
    app.command("aggregate")(aggregate_cmd)
