"""The ``parse-report`` command line.

``parse-report FILE`` is short for ``parse-report parse FILE``; the other
commands (``schema``, ``batch``, ``aggregate``, ``review``, ``correct``) are named explicitly.
Exit codes (named in :mod:`.errors`): 0 ok, 1 internal error, 2 usage, 3 unreadable or
unsupported input, 4 parsed but not a report; ``batch`` also exits 5 when some files failed;
130 interrupted. Every failure is one line (:func:`.cli_common.fail`).
"""
from __future__ import annotations

import json
import sys
from enum import Enum
from pathlib import Path
from typing import Annotated, Optional

import typer

from .cli_common import fail  # noqa: F401  (the one failure helper of every command)
from .cli_parse import COMMANDS, run_parse, write_file, write_stdout
from .errors import EXIT_OK
from .limits import DEFAULT_TIMEOUT
from .options import OcrMode

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
    run_parse(file, output, fmt.value, pretty, ocr, lenient, timeout)


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
