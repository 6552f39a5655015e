"""``parse-report FILE``: one file parsed and written, without the command-line framework.

A plain run (``parse-report FILE`` or ``parse-report parse FILE`` with the parse
options spelt out: ``-o/--output PATH``, ``-f/--format json|jsonl``, ``--pretty``,
``--ocr auto|always|never``, ``--lenient``, ``--timeout SECONDS``) is read here and
parsed straight away: importing typer and building its pydantic parameter adapters
cost more CPU than parsing a text report. Anything else (another command, help, an
option spelt another way, a value typer would refuse) goes to the typer app of
:mod:`.cli`, which gives the usual help and usage errors. The parse itself, its
one-line errors and exit codes are the same either way (both call
:func:`.cli_parse.run_parse`).
"""
from __future__ import annotations

import gc
import re
import sys
from pathlib import Path

from . import code_cache
from .cli_parse import COMMANDS, run_parse
from .errors import EXIT_OK
from .options import OcrMode

# options that take a value -> the name run_parse knows them by; flags alike
VALUE_OPTIONS = {"-o": "output", "--output": "output", "-f": "fmt", "--format": "fmt",
                 "--ocr": "ocr", "--timeout": "timeout"}
FLAGS = {"--pretty": "pretty", "--lenient": "lenient"}
CHOICES = {"fmt": ("json", "jsonl"), "ocr": ("auto", "always", "never")}
SECONDS = re.compile(r"\d+(?:\.\d+)?|\.\d+")
MIN_TIMEOUT = 0.1
PARSE_GC_THRESHOLD = 50_000  # new container objects between two collections while a plain run parses


def main(argv: list[str] | None = None) -> int:
    """The ``parse-report`` entry point: a plain parse here, the rest through :mod:`.cli`.

    As the whole process (``argv`` None), the garbage collector is kept out of the way:
    the imports make long-lived objects only, so it is off while they run and they are
    frozen out of its reach before the parse (its passes over them cost ~0.04 s of
    CPU), and the heap is frozen again at the end, so the interpreter's last collection
    does not walk every object either (0.05-0.1 s); atexit handlers still run. The code
    ``dataclasses`` compiles comes from :mod:`.code_cache`."""
    args = list(sys.argv[1:] if argv is None else argv)
    if argv is None:
        gc.disable()
        code_cache.install()  # the code dataclasses compiles, from an earlier run
    try:
        code = fast(args, settle=argv is None)
        if code is None:
            gc.enable()
            from .cli import main as typer_main

            code = typer_main(args)
    finally:
        gc.enable()
    if argv is None:
        code_cache.save()
        gc.freeze()
    return code


def fast(args: list[str], settle: bool = False) -> int | None:
    """The exit code of a plain parse run, or None when ``args`` are for the typer app;
    ``settle``: import the parse's modules first and freeze them out of the collector's reach."""
    options = plain_parse_args(args)
    if options is None:
        return None
    if settle:
        from . import pattern_cache

        options["patterns"] = p = pattern_cache.preload()  # regex's cache filled before the modules compile
        from . import pipeline  # noqa: F401

        if p is not None and not p.overlay:  # (a district's overlay is checked first, in run_parse)
            pattern_cache.restore(p)  # imports the stage modules its artefacts belong to
        gc.freeze()
        # the parse makes few cyclic objects: collecting every 700 new ones cost 4-7 ms of a run
        gc.set_threshold(PARSE_GC_THRESHOLD, *gc.get_threshold()[1:])
        gc.enable()
    try:
        run_parse(**options)
    except SystemExit as e:
        return e.code if isinstance(e.code, int) else (0 if e.code is None else 1)
    return EXIT_OK


def plain_parse_args(args: list[str]) -> dict | None:
    """The options of ``[parse] FILE [options]`` as :func:`run_parse` takes them, or None."""
    if args[:1] != ["parse"] and args[:1] and args[0] in COMMANDS:
        return None
    read = _read(args[1:] if args[:1] == ["parse"] else args)
    if read is None:
        return None
    files, options = read
    if len(files) != 1 or not files[0] or not all(_valid(k, v) for k, v in options.items()):
        return None
    return {"file": Path(files[0]), **_typed(options)}


def _read(args: list[str]) -> tuple[list[str], dict] | None:
    """(the arguments, {option: value}) of a parse's arguments, or None at anything else."""
    files: list[str] = []
    options: dict = {}
    i = 0
    while i < len(args):
        name, value, i = _option(args, i)
        key = _key(name, value)
        if key is None:
            return None
        if key == "file":
            files.append(value)
        else:
            options[key] = True if name in FLAGS else value
    return files, options


def _key(name: str | None, value: str | None) -> str | None:
    """What an argument is: "file", an option's name for run_parse, or None (not a plain run)."""
    if name is None:
        return "file" if value and not value.startswith("-") else None
    if name in FLAGS:
        return FLAGS[name] if value is None else None
    if name in VALUE_OPTIONS and value is not None and not value.startswith("-"):
        return VALUE_OPTIONS[name]
    return None


def _option(args: list[str], i: int) -> tuple[str | None, str | None, int]:
    """(option name or None for an argument, its value or the argument, next index)."""
    arg = args[i]
    if not arg.startswith("-") or arg == "-":
        return None, arg, i + 1
    name, eq, value = arg.partition("=")
    if eq:
        return (name, value, i + 1) if name.startswith("--") else (arg, "", i + 1)
    if name in VALUE_OPTIONS:
        return (name, args[i + 1], i + 2) if i + 1 < len(args) else (name, None, i + 1)
    return name, None, i + 1


def _valid(key: str, value) -> bool:
    if key in CHOICES:
        return value in CHOICES[key]
    if key == "timeout":
        return bool(SECONDS.fullmatch(value)) and float(value) >= MIN_TIMEOUT
    return key != "output" or bool(value)


def _typed(options: dict) -> dict:
    out = dict(options)
    if "output" in out:
        out["output"] = Path(out["output"])
    if "timeout" in out:
        out["timeout"] = float(out["timeout"])
    if "ocr" in out:
        out["ocr"] = OcrMode(out["ocr"])
    return out
