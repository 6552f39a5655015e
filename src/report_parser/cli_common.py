"""What every command of the command line shares: a failure is one line on stderr and an exit code
(the codes are :mod:`.errors`')."""
from __future__ import annotations

from typing import NoReturn

import typer


def fail(message: str, code: int) -> NoReturn:
    """Print ``parse-report: error: MESSAGE`` on one line (a message of several lines, e.g. a
    patterns file's, is joined) and exit with ``code``."""
    typer.echo(f"parse-report: error: {' '.join(str(message).split())}", err=True)
    raise typer.Exit(code)
