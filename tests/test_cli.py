"""The command line: outputs, formats and the documented exit codes (never a traceback)."""
from __future__ import annotations

import json
import os
import subprocess
import sys

import pytest

from report_parser.cli import main

from conftest import SAMPLE_PDF, SAMPLE_TXT


def run(*args: str) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "report_parser", *args],
                          capture_output=True, text=True, timeout=120)


def test_parse_to_stdout_is_the_contract(capsys):
    assert main([str(SAMPLE_TXT)]) == 0
    out = json.loads(capsys.readouterr().out)
    assert out["schema_version"] == "1"
    assert out["source"]["format"] == "txt" and out["source"]["pages"] == 1
    assert set(out) >= {"source", "report", "references", "indicators", "tables", "figures", "checks"}


@pytest.mark.slow
def test_output_file_pretty_and_jsonl(tmp_path):
    o = tmp_path / "sub" / "r.json"
    assert main([str(SAMPLE_PDF), "-o", str(o), "--pretty"]) == 0
    text = o.read_text(encoding="utf-8")
    assert text.startswith("{\n  ") and json.loads(text)["source"]["pages"] == 19
    o2 = tmp_path / "r.jsonl"
    assert main(["parse", str(SAMPLE_PDF), "-o", str(o2), "--format", "jsonl"]) == 0
    lines = o2.read_text(encoding="utf-8").splitlines()
    assert len(lines) == 1 and json.loads(lines[0])["source"]["format"] == "pdf"


def test_schema_command(capsys):
    assert main(["schema"]) == 0
    schema = json.loads(capsys.readouterr().out)
    assert schema["title"] == "Report"
    assert {"source", "report", "references", "indicators"} <= set(schema["properties"])


@pytest.mark.parametrize("make, code, words", [
    (lambda p: p.write_bytes(b""), 3, "empty"),
    (lambda p: p.write_bytes(b"%PDF-1.4 garbage"), 3, "corrupt"),
    (lambda p: p.write_text("Hôm nay trời đẹp, chúng tôi đi chơi.", encoding="utf-8"), 4, "no report structure"),
])
def test_bad_input_exit_codes(tmp_path, make, code, words):
    p = tmp_path / ("x.pdf" if code == 3 else "x.txt")
    make(p)
    r = run(str(p))
    assert r.returncode == code
    assert r.stdout == ""
    assert words in r.stderr and "Traceback" not in r.stderr
    assert len(r.stderr.strip().splitlines()) == 1
    assert r.stderr.startswith("parse-report: error: ")


def test_missing_file_exit_3():
    r = run("/nonexistent/bao-cao.pdf")
    assert r.returncode == 3 and "no such file" in r.stderr and "Traceback" not in r.stderr


def test_usage_errors_exit_2():
    assert run().returncode == 2
    r = run(str(SAMPLE_TXT), "--format", "xml")
    assert r.returncode == 2 and "Traceback" not in r.stderr


def test_help_lists_commands():
    r = run("--help")
    assert r.returncode == 0
    # the first word of each row of the help's boxes ("parse-report" alone would contain "parse")
    rows = {line.strip("\u2502 ").split()[0] for line in r.stdout.splitlines() if line.startswith("\u2502 ")}
    assert {"parse", "schema", "batch", "aggregate"} <= rows


def test_unwritable_output_exit_3(tmp_path):
    blocker = tmp_path / "file"
    blocker.write_text("x")
    r = run(str(SAMPLE_TXT), "-o", str(blocker / "out.json"))
    assert r.returncode == 3 and "cannot write" in r.stderr


def test_a_broken_patterns_overlay_is_a_one_line_usage_error(tmp_path):
    """A district's own patterns file with a YAML error: exit 2 naming the file, not "internal error"."""
    (tmp_path / "references.yaml").write_text("subject_filler: [\n", encoding="utf-8")
    r = subprocess.run([sys.executable, "-m", "report_parser", str(SAMPLE_TXT), "-o", str(tmp_path / "x.json")],
                       capture_output=True, text=True, timeout=120,
                       env={**os.environ, "REPORT_PARSER_PATTERNS": str(tmp_path)})
    assert r.returncode == 2
    assert r.stderr.count("\n") == 1 and "references.yaml: not valid YAML" in r.stderr
    assert "internal error" not in r.stderr


@pytest.mark.parametrize("name, content, words", [
    ("indicators.yaml", "rules: [\n", "indicators.yaml: not valid YAML"),
    ("fields.jsonl", '{"label": "X", "pattern": ""}\n', "patterns/fields.jsonl"),   # valid JSON, bad schema
])
def test_batch_checks_the_patterns_once_before_parsing(tmp_path, name, content, words):
    """A broken overlay stops a batch at once with one line (exit 2), not one error per report."""
    overlay = tmp_path / "overlay"
    overlay.mkdir()
    (overlay / name).write_text(content, encoding="utf-8")
    r = subprocess.run([sys.executable, "-m", "report_parser", "batch", str(SAMPLE_TXT), "--out", str(tmp_path / "o")],
                       capture_output=True, text=True, timeout=120,
                       env={**os.environ, "REPORT_PARSER_PATTERNS": str(overlay)})
    assert r.returncode == 2
    assert r.stderr.count("\n") == 1 and words in r.stderr
    assert not (tmp_path / "o" / "errors.csv").exists()


def test_check_patterns_loads_every_patterns_file(monkeypatch):
    """Every file in patterns/ is read (and so validated) by the batch's up-front check."""
    from report_parser import patterns
    from report_parser.pipeline import check_patterns

    read = []
    real_read = patterns._read
    monkeypatch.setattr(patterns, "_read", lambda path: read.append(path.name) or real_read(path))
    from report_parser.aggregate import words
    from report_parser.review.render import words as review_words

    fresh = patterns.Patterns()
    assert check_patterns(fresh, more=(words, review_words)) is fresh
    shipped = fresh.file_names()
    assert shipped and shipped <= set(read)


@pytest.mark.parametrize("name, content, words", [
    ("fields.jsonl", '{"label": "X", "pattern": [{"LOWERX": "qt"}]}\n', "the token pattern of 'X'"),  # spaCy's
    ("unitz.yaml", "nouns: [x]\n", "unitz.yaml are not ours"),
    # a district's phrasing that is no valid regular expression: its folder is named, exit 2
    ("indicators.yaml", 'field_line: "(unclosed["\n', "does not compile (unterminated character set"),
])
def test_parse_checks_the_district_overlay_at_load(tmp_path, name, content, words):
    """A district's broken token pattern (or misspelt file) is exit 2 and one line before parsing,
    not a multi-line internal error when a field name first needs spaCy."""
    (tmp_path / name).write_text(content, encoding="utf-8")
    r = subprocess.run([sys.executable, "-m", "report_parser", str(SAMPLE_TXT)], capture_output=True, text=True,
                       timeout=120, env={**os.environ, "REPORT_PARSER_PATTERNS": str(tmp_path)})
    assert r.returncode == 2 and r.stdout == ""
    assert r.stderr.count("\n") == 1 and words in r.stderr


@pytest.mark.parametrize("command", [["review", str(SAMPLE_TXT), "-o", "r.html"],
                                     ["aggregate", "--db", "d.sqlite", "-o", "d.xlsx"]])
def test_review_and_aggregate_say_a_broken_overlay_in_one_line(tmp_path, command):
    """A broken district catalogue made 'review' and 'aggregate' print a whole traceback (exit 1)."""
    from report_parser.store import open_store

    open_store(tmp_path / "d.sqlite").close()
    overlay = tmp_path / "overlay"
    overlay.mkdir()
    (overlay / "catalogue.yaml").write_text("codes: [unclosed\n", encoding="utf-8")
    r = subprocess.run([sys.executable, "-m", "report_parser", *command], capture_output=True, text=True,
                       timeout=120, cwd=tmp_path, env={**os.environ, "REPORT_PARSER_PATTERNS": str(overlay)})
    assert r.returncode == 2 and "Traceback" not in r.stderr, r.stderr
    assert r.stderr.count("\n") == 1 and "catalogue.yaml" in r.stderr


def test_every_command_fails_through_one_helper_in_one_line(capsys):
    """cli, cli_district and cli_review had a failure helper each (and cli_review a bare 3): one
    helper now, which also joins a message of several lines; the exit codes are errors' names."""
    from report_parser import batch, cli, cli_district, cli_review, errors
    from report_parser.cli_common import fail

    assert cli.fail is cli_district.fail is cli_review.fail is fail
    assert not any(hasattr(m, "_fail") for m in (cli, cli_district, cli_review))
    with pytest.raises(SystemExit) as e:
        fail("patterns/x.yaml: not valid YAML:\n  line 3", errors.EXIT_USAGE)
    assert e.value.code == 2
    assert capsys.readouterr().err == "parse-report: error: patterns/x.yaml: not valid YAML: line 3\n"
    assert batch.EXIT_SOME_FAILED == errors.EXIT_SOME_FAILED == 5
