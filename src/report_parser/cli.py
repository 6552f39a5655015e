"""The ``parse-report`` command line.

``parse-report FILE`` is short for ``parse-report parse FILE``; the other
commands (``schema``, ``batch``, ``aggregate``, ``review``, ``correct``) are named explicitly.
Exit codes (named in :mod:`.errors`): 0 ok, 1 internal error, 2 usage, 3 unreadable or
unsupported input, 4 parsed but not a report; ``batch`` also exits 5 when some files failed;
130 interrupted. Every failure is one line (:func:`.cli_common.fail`).
"""
from __future__ import annotations

import json
import os
import sys
from enum import Enum
from pathlib import Path
from typing import Annotated, Optional

import typer

from .cli_common import fail
from .errors import EXIT_INTERNAL, EXIT_INTERRUPTED, EXIT_OK, EXIT_UNREADABLE, EXIT_USAGE, ReportParserError
from .limits import DEFAULT_TIMEOUT
from .options import OcrMode
from .patterns import PatternError

app = typer.Typer(
    name="parse-report",
    help="Turn Vietnamese commune administrative-reform (CCHC) reports into structured, checked JSON.\n\n"
         "'parse-report FILE' is short for 'parse-report parse FILE'.",
    no_args_is_help=True,
    add_completion=False,
    rich_markup_mode="rich",
    context_settings={"help_option_names": ["-h", "--help"]},
)


class OutFormat(str, Enum):
    json = "json"
    jsonl = "jsonl"


@app.command("parse")
def parse_cmd(
    file: Annotated[Path, typer.Argument(help="A report: .pdf, .docx, .doc, .odt, .txt, or a scan (.jpg/.png/.tif).",
                                         show_default=False, readable=False)],  # an unreadable file: exit 3
    output: Annotated[Optional[Path], typer.Option("-o", "--output", help="Write the JSON here instead of stdout.")] = None,
    fmt: Annotated[OutFormat, typer.Option("--format", "-f", help="json: one document; jsonl: one line.")] = OutFormat.json,
    pretty: Annotated[bool, typer.Option("--pretty", help="Indent the JSON for reading.")] = False,
    ocr: Annotated[OcrMode, typer.Option("--ocr", help="OCR pages without a usable text layer (auto), every page, or never.")] = OcrMode.auto,
    lenient: Annotated[bool, typer.Option("--lenient", help="Write the JSON even when no report structure is found (no exit 4).")] = False,
    timeout: Annotated[float, typer.Option("--timeout", min=0.1, help="Stop parsing after this many seconds (exit 3).")]
    = DEFAULT_TIMEOUT,
) -> None:
    """Parse one report file and write its JSON (the contract in CONTRACT.md)."""
    report = _parse_file(file, ocr, lenient, timeout)
    text = report.to_json(pretty=pretty and fmt is OutFormat.json)
    if output is None:
        write_stdout(text + "\n")
    else:
        write_file(output, text + "\n")


def _parse_file(file: Path, ocr: OcrMode, lenient: bool, timeout: float):
    """The Report, or a one-line error and the exit code of its kind."""
    from .deadline import Overtime, deadline
    from .limits import memory_note
    from . import pattern_cache
    from .cli_district import checked_patterns
    from .pipeline import parse

    too_long = f"{file}: parsing took longer than {timeout:g} s and was stopped (--timeout)"
    try:
        with deadline(timeout, f"parse-report: error: {too_long}", EXIT_UNREADABLE):
            patterns = checked_patterns(full=False)
            restored = pattern_cache.restore(patterns)  # the compiled patterns of an earlier run
            report = parse(file, ocr=ocr, require_report=not lenient, patterns=patterns)
            pattern_cache.save(patterns, restored)  # when this file needed more of them
            return report
    except ReportParserError as e:
        fail(str(e), e.exit_code)
    except PatternError as e:  # a district's own patterns file (REPORT_PARSER_PATTERNS) is broken: for it to fix
        fail(str(e), EXIT_USAGE)
    except Overtime:
        fail(too_long, EXIT_UNREADABLE)
    except MemoryError:
        fail(f"{file}: the file needs more memory than allowed: {memory_note()}; it is too large to parse",
             EXIT_UNREADABLE)
    except KeyboardInterrupt:
        raise typer.Exit(EXIT_INTERRUPTED)
    except Exception as e:  # a bug of ours: still one line, never a traceback
        fail(f"{file}: internal error while parsing ({type(e).__name__}: {e}); please report it", EXIT_INTERNAL)


def write_stdout(text: str) -> None:
    """Write to standard output; a full device or a closed pipe is one line and exit 3."""
    try:
        sys.stdout.write(text)
        sys.stdout.flush()
    except OSError as e:
        # nothing more may reach the broken stream, not even the interpreter's flush at exit
        os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
        fail(f"cannot write to standard output: {e.strerror or e}", EXIT_UNREADABLE)


def write_file(output: Path, text: str) -> None:
    """Write ``output`` (creating its folder); a failure is one line and exit 3."""
    try:
        output.parent.mkdir(parents=True, exist_ok=True)
        output.write_text(text, encoding="utf-8")
    except OSError as e:
        fail(f"cannot write {output}: {e.strerror or e}", EXIT_UNREADABLE)


@app.command("schema")
def schema_cmd(
    output: Annotated[Optional[Path], typer.Option("-o", "--output", help="Write the schema here.")] = None,
) -> None:
    """Print the JSON Schema of the output (generated from the pydantic models)."""
    from .catalogue import document_schema
    from .models import Report

    text = json.dumps(document_schema(Report.model_json_schema()), ensure_ascii=False, indent=2)
    if output:
        write_file(output, text + "\n")
    else:
        write_stdout(text + "\n")


from .cli_district import register as _register_district  # noqa: E402  (batch, aggregate)
_register_district(app)
from .cli_review import register as _register_review  # noqa: E402  (review, correct)
_register_review(app)

COMMANDS = {"parse", "schema", "batch", "aggregate", "review", "correct", "-h", "--help"}


def main(argv: list[str] | None = None) -> int:
    """Entry point: ``parse-report FILE`` runs ``parse``; named commands run themselves."""
    args = list(sys.argv[1:] if argv is None else argv)
    if args and args[0] not in COMMANDS:
        args = ["parse", *args]
    try:
        app(args=args, prog_name="parse-report", standalone_mode=True)
    except SystemExit as e:
        code = e.code if isinstance(e.code, int) else (0 if e.code is None else 1)
        return code
    return EXIT_OK


if __name__ == "__main__":  # pragma: no cover
    sys.exit(main())
