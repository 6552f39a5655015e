"""Run report-parser on hostile input the way an office would, but fenced in.

Every case runs ``parse-report`` in a subprocess with an address-space cap
(``RLIMIT_AS``, :data:`MEMORY_CAP`) and a wall-clock cap (:data:`TIME_CAP`), so a
regression shows as a failed test, not a swapping machine. :func:`run` returns
the exit code, stdout and stderr; :func:`assert_one_line` checks the issue's
rule for errors: exactly one line on stderr, no traceback.
"""
from __future__ import annotations

import os
import resource
import shutil
import subprocess
import sys
from dataclasses import dataclass
from pathlib import Path

import pytest

MEMORY_CAP = 2 * 1024 ** 3   # bytes of address space for the parser process
TIME_CAP = 60                # seconds for one case

# Permission checks do not apply to root: run such cases without the capabilities that bypass them.
_DROP = ["setpriv", "--bounding-set", "-dac_override,-dac_read_search"]
_ROOT = os.geteuid() == 0
requires_unprivileged = pytest.mark.skipif(_ROOT and not shutil.which("setpriv"),
                                           reason="permission cases need a non-root user or setpriv")


@dataclass
class Run:
    code: int
    stdout: str
    stderr: str

    @property
    def lines(self) -> list[str]:
        return self.stderr.splitlines()


def _cap_memory() -> None:
    resource.setrlimit(resource.RLIMIT_AS, (MEMORY_CAP, MEMORY_CAP))


MAIN = "import sys; from report_parser.cli import main; sys.exit(main())"


def _command(args: list, unprivileged: bool, python: str) -> list:
    cmd = [sys.executable, "-c", python, *args]
    return [*_DROP, *cmd] if unprivileged and _ROOT else cmd


def run(*args, unprivileged: bool = False, cwd: Path | None = None, stdout=None, env: dict | None = None,
        timeout: float = TIME_CAP, python: str = MAIN) -> Run:
    """``parse-report ARGS`` under the memory and time caps (a test fails if it runs over).

    ``python`` replaces the program (``main()`` after a monkeypatch, to provoke a failure)."""
    argv = [a if isinstance(a, bytes) else str(a) for a in args]
    proc = subprocess.run(_command(argv, unprivileged, python),
                          stdout=stdout or subprocess.PIPE, stderr=subprocess.PIPE, cwd=cwd,
                          preexec_fn=_cap_memory, timeout=timeout,
                          env={**os.environ, "PYTHONUNBUFFERED": "1", **(env or {})})
    out = proc.stdout.decode("utf-8", "replace") if isinstance(proc.stdout, bytes) else ""
    return Run(proc.returncode, out, proc.stderr.decode("utf-8", "replace"))


def as_unprivileged(python_args: list[str]) -> subprocess.CompletedProcess:
    """Python (this interpreter) with ``python_args``, without root's permission bypass."""
    cmd = [sys.executable, *python_args]
    return subprocess.run([*_DROP, *cmd] if _ROOT else cmd, capture_output=True, text=True, timeout=TIME_CAP)


def assert_one_line(r: Run, code: int, *words: str) -> str:
    """Exit ``code``, exactly one line on stderr, no traceback, and the line names ``words``."""
    assert r.code == code, f"exit {r.code}, expected {code}; stderr:\n{r.stderr}"
    assert "Traceback" not in r.stderr and "Exception ignored" not in r.stderr, r.stderr
    assert len(r.lines) == 1, f"{len(r.lines)} lines on stderr:\n{r.stderr}"
    line = r.lines[0]
    assert line.startswith("parse-report: error: "), line
    for w in words:
        assert w in line, f"{w!r} not in {line!r}"
    return line
