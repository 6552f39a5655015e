"""The ``parse-report`` command line.

``parse-report FILE`` is short for ``parse-report parse FILE``; the other
commands (``schema``, ``batch``, ``aggregate``, ``review``, ``correct``) are named explicitly.
Exit codes: 0 ok, 1 internal error, 2 usage, 3 unreadable or unsupported input,
4 parsed but not a report; ``batch`` also exits 5 when some files failed.
"""
from __future__ import annotations

import json
import sys
from enum import Enum
from pathlib import Path
from typing import Annotated, Optional

import typer

from .errors import EXIT_OK, EXIT_USAGE, ReportParserError
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


def fail(message: str, code: int) -> None:
    typer.echo(f"parse-report: error: {message}", err=True)
    raise typer.Exit(code)


@app.command("parse")
def parse_cmd(
    file: Annotated[Path, typer.Argument(help="A report: .pdf, .docx, .doc, .odt, .txt, or a scan (.jpg/.png/.tif).",
                                         show_default=False)],
    output: Annotated[Optional[Path], typer.Option("-o", "--output", help="Write the JSON here instead of stdout.")] = None,
    fmt: Annotated[OutFormat, typer.Option("--format", "-f", help="json: one document; jsonl: one line.")] = OutFormat.json,
    pretty: Annotated[bool, typer.Option("--pretty", help="Indent the JSON for reading.")] = False,
    ocr: Annotated[OcrMode, typer.Option("--ocr", help="OCR pages without a usable text layer (auto), every page, or never.")] = OcrMode.auto,
    lenient: Annotated[bool, typer.Option("--lenient", help="Write the JSON even when no report structure is found (no exit 4).")] = False,
) -> None:
    """Parse one report file and write its JSON (the contract in CONTRACT.md)."""
    from .pipeline import load_patterns, parse

    try:
        report = parse(file, ocr=ocr, require_report=not lenient, patterns=load_patterns())
    except ReportParserError as e:
        fail(str(e), e.exit_code)
    except PatternError as e:  # a district's own patterns file (REPORT_PARSER_PATTERNS) is broken: for it to fix
        fail(" ".join(str(e).split()), EXIT_USAGE)
    except KeyboardInterrupt:
        raise typer.Exit(130)
    except Exception as e:  # a bug of ours: still one line, never a traceback
        fail(f"{file}: internal error while parsing ({type(e).__name__}: {e}); please report it", 1)
    text = report.to_json(pretty=pretty and fmt is OutFormat.json)
    if output is None:
        sys.stdout.write(text + "\n")
    else:
        try:
            output.parent.mkdir(parents=True, exist_ok=True)
            output.write_text(text + "\n", encoding="utf-8")
        except OSError as e:
            fail(f"cannot write {output}: {e.strerror or e}", 3)


@app.command("schema")
def schema_cmd(
    output: Annotated[Optional[Path], typer.Option("-o", "--output", help="Write the schema here.")] = None,
) -> None:
    """Print the JSON Schema of the output (generated from the pydantic models)."""
    from .catalogue import document_schema
    from .models import Report

    text = json.dumps(document_schema(Report.model_json_schema()), ensure_ascii=False, indent=2)
    if output:
        output.write_text(text + "\n", encoding="utf-8")
    else:
        sys.stdout.write(text + "\n")


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
