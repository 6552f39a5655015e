"""The review workflow on the command line: ``parse-report review`` and ``parse-report correct``."""
from __future__ import annotations

import time
from pathlib import Path
from typing import Annotated, Optional

import typer

from .cli_common import fail, require_store
from .database import redact
from .errors import EXIT_UNREADABLE, EXIT_USAGE, ReportParserError
from .options import OcrMode


def review_cmd(
    file: Annotated[Optional[Path], typer.Argument(help="A report file (.pdf, .docx, ...).", show_default=False)] = None,
    output: Annotated[Optional[Path], typer.Option("-o", "--output", help="FILE: the page (review.html); "
                                                   "--db: the folder for index.html and the pages.")] = None,
    db: Annotated[Optional[str], typer.Option("--db", help="Review every report of this store (a SQLite file or "
                                                           "postgresql://...).")] = None,
    period: Annotated[Optional[str], typer.Option("--period", help="With --db: only this period.")] = None,
    units: Annotated[Optional[Path], typer.Option("--units", help="With --db: the roster CSV, to list the "
                                                                  "communes without a report.")] = None,
    ocr: Annotated[OcrMode, typer.Option("--ocr", help="OCR pages without a usable text layer (auto), every page, "
                                                       "or never (as for parse).")] = OcrMode.auto,
) -> None:
    """Write a review page: the report's pages with every value read marked, and the corrections form."""
    if (file is None) == (db is None):
        fail("give either a report FILE or --db STORE", EXIT_USAGE)
    if output is None:
        fail("-o/--output is required (review.html, or a folder with --db)", EXIT_USAGE)
    from .patterns import PatternError

    started = time.perf_counter()
    try:
        what = _review_store(db, output, period, units, ocr) if db else _review_file(file, output, ocr)
    except PatternError as e:  # the district's own patterns file is broken: one line, as for parse
        fail(str(e), EXIT_USAGE)
    except ReportParserError as e:
        fail(str(e), e.exit_code)
    except ValueError as e:
        fail(str(e), EXIT_USAGE)
    except OSError as e:
        fail(f"cannot write {output}: {e.strerror or e}", EXIT_UNREADABLE)
    typer.echo(f"{what} ({time.perf_counter() - started:.1f} s)", err=True)


def _review_file(file: Path, output: Path, ocr: OcrMode) -> str:
    from .review import review_html

    html = review_html(file, ocr=ocr)
    output.parent.mkdir(parents=True, exist_ok=True)
    output.write_text(html, encoding="utf-8")
    return f"{file} -> {output} ({output.stat().st_size / 1e6:.1f} MB)"


def _review_store(db: str, output: Path, period: str | None, units: Path | None, ocr: OcrMode) -> str:
    from .aggregate import periods
    from .review.district import write_all
    from .store import open_store, store_errors
    from .units import Roster

    require_store(db)
    roster = Roster.load(units) if units else None
    with store_errors(db):
        conn = open_store(db, write=False)  # a review only reads: it must not wait for a batch's write lock
        try:
            if period and period not in periods(conn):
                raise ValueError(f"no report for period {period} in {redact(db)}")
            pages = write_all(conn, output, period=period, roster=roster, ocr=ocr)
        finally:
            conn.close()
    return f"{len(pages)} report pages -> {output / 'index.html'}"


def correct_cmd(
    corrections_file: Annotated[Path, typer.Argument(help="corrections.json downloaded from a review page.",
                                                     show_default=False)],
    db: Annotated[str, typer.Option("--db", help="The store the report was imported into (a SQLite file or "
                                                 "postgresql://...).")],
    by: Annotated[Optional[str], typer.Option("--by", help="Who made the corrections (kept with them).")] = None,
) -> None:
    """Record an officer's corrections in the store; 'aggregate' then uses the corrected values."""
    from . import corrections
    from .store import open_store, store_errors

    try:
        require_store(db)
        files = corrections.load_file(corrections_file)
        with store_errors(db):  # a lock held too long, damage found while writing: one line, exit 3
            conn = open_store(db)
            try:
                n = corrections.apply(conn, files, by=by)
            finally:
                conn.close()
    except ReportParserError as e:
        fail(str(e), e.exit_code)
    except ValueError as e:
        fail(str(e), EXIT_USAGE)
    typer.echo(f"{n} corrections recorded in {redact(db)}" + (f" (by {by})" if by else ""), err=True)


def register(app: typer.Typer) -> None:
    app.command("review")(review_cmd)
    app.command("correct")(correct_cmd)
