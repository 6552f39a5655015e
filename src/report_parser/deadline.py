"""A time limit for parsing one file in this process (``parse-report FILE --timeout``).

``batch`` parses in worker processes it can kill; the single-file command parses
in its own process, so the limit is a timer: at ``seconds`` the main thread gets
:class:`Overtime` (raised from a SIGALRM handler, between two Python steps), and
if it is stuck inside a native library that does not return, a watchdog thread
ends the process :data:`GRACE` seconds later with the same one-line message.
"""
from __future__ import annotations

import os
import signal
import sys
import threading
from contextlib import contextmanager
from typing import Iterator

GRACE = 5.0  # seconds the main thread gets to unwind before the process is ended


class Overtime(BaseException):
    """The time limit passed (a BaseException, so no ``except Exception`` of a reader swallows it)."""


@contextmanager
def deadline(seconds: float, message: str, exit_code: int) -> Iterator[None]:
    """Raise :class:`Overtime` in the block after ``seconds``; end the process if that cannot happen."""
    if threading.current_thread() is not threading.main_thread() or not hasattr(signal, "setitimer"):
        yield
        return

    def overtime(signum, frame):
        raise Overtime()

    def hard_stop() -> None:
        sys.stderr.write(message + "\n")
        sys.stderr.flush()
        os._exit(exit_code)

    previous = signal.signal(signal.SIGALRM, overtime)
    watchdog = threading.Timer(seconds + GRACE, hard_stop)
    watchdog.daemon = True
    signal.setitimer(signal.ITIMER_REAL, seconds)
    watchdog.start()
    try:
        yield
    finally:
        signal.setitimer(signal.ITIMER_REAL, 0)
        signal.signal(signal.SIGALRM, previous)
        watchdog.cancel()
