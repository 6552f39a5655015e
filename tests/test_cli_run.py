"""A plain ``parse-report FILE`` run is parsed without typer, with typer's outcome."""
from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

from report_parser import cli
from report_parser.cli_run import main, plain_parse_args
from report_parser.options import OcrMode

from conftest import SAMPLE_TXT


@pytest.mark.parametrize("args, options", [
    (["r.pdf"], {}),
    (["parse", "r.pdf"], {}),
    (["r.pdf", "-o", "out/r.json", "--pretty"], {"output": Path("out/r.json"), "pretty": True}),
    (["--format=jsonl", "r.pdf", "--ocr", "never", "--timeout", "2.5", "--lenient"],
     {"fmt": "jsonl", "ocr": OcrMode.never, "timeout": 2.5, "lenient": True}),
    (["-f", "json", "--output=x.json", "r.pdf"], {"fmt": "json", "output": Path("x.json")}),
])
def test_plain_runs_are_read_here(args, options):
    assert plain_parse_args(args) == {"file": Path("r.pdf"), **options}


@pytest.mark.parametrize("args", [
    [], ["parse"], ["schema"], ["batch", "x"], ["-h"], ["r.pdf", "--help"], ["r.pdf", "b.pdf"],
    ["r.pdf", "--ocr", "sometimes"], ["r.pdf", "--format", "JSON"], ["r.pdf", "--timeout", "0.01"],
    ["r.pdf", "--timeout", "soon"], ["r.pdf", "-o"], ["r.pdf", "-o", "--pretty"], ["r.pdf", "-ox.json"],
    ["r.pdf", "--pretty=yes"], ["--", "r.pdf"], ["-r.pdf"], ["r.pdf", "--verbose"],
])
def test_everything_else_goes_to_typer(args):
    """Help, other commands, misspelt or refused values: typer answers them (help, usage errors)."""
    assert plain_parse_args(args) is None


def _typer(args: list[str]) -> int:
    try:
        cli.app(args=args, prog_name="parse-report", standalone_mode=True)
    except SystemExit as e:
        return e.code
    return 0


@pytest.mark.parametrize("extra", [[], ["--format", "jsonl"], ["--pretty", "--ocr", "never"]])
def test_same_output_and_code_as_through_typer(tmp_path, capsys, extra):
    assert main([str(SAMPLE_TXT), "-o", str(tmp_path / "fast.json"), *extra]) == 0
    assert _typer(["parse", str(SAMPLE_TXT), "-o", str(tmp_path / "typer.json"), *extra]) == 0
    assert (tmp_path / "fast.json").read_bytes() == (tmp_path / "typer.json").read_bytes()


def test_errors_are_the_same_line_and_code(tmp_path, capsys):
    missing = str(tmp_path / "none.pdf")
    fast_code = main([missing])
    fast_err = capsys.readouterr().err
    assert _typer(["parse", missing]) == fast_code == 3
    assert capsys.readouterr().err == fast_err and fast_err.startswith("parse-report: error: ")


def test_a_plain_run_imports_no_command_line_framework():
    code = ("import sys; from report_parser.cli_run import main; main(sys.argv[1:]); "
            "sys.stderr.write(' '.join(sorted({m.split('.')[0] for m in sys.modules} & {'typer', 'click', 'rich'})))")
    out = subprocess.run([sys.executable, "-c", code, str(SAMPLE_TXT)], capture_output=True, text=True, check=True)
    assert out.stderr == ""
