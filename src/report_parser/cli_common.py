"""What every command of the command line shares: a failure is one line on stderr and an exit code
(the codes are named in :mod:`.errors`)."""
from __future__ import annotations

import sys
from pathlib import Path
from typing import NoReturn

from .errors import EXIT_USAGE


def fail(message: str, code: int) -> NoReturn:
    """Print ``parse-report: error: MESSAGE`` on one line (a message of several lines, e.g. a
    patterns file's, is joined) and exit with ``code`` (SystemExit: inside a typer command it
    passes through typer to :func:`.cli.main`; a plain ``parse-report FILE`` imports no typer)."""
    sys.stderr.write(f"parse-report: error: {' '.join(str(message).split())}\n")
    sys.stderr.flush()
    raise SystemExit(code)


def require_store(db: str) -> None:
    """A SQLite store a command reads must be there (exit 2 naming the command that makes it);
    a PostgreSQL URL is checked when connecting."""
    from .database import is_url

    if not is_url(db) and not Path(db).is_file():
        fail(f"{db}: no such store; run 'parse-report batch ... --db {db}' first", EXIT_USAGE)
