"""Text that goes out to files officers open: spreadsheet cells and file paths.

* :func:`cell` - a value written into an xlsx or CSV cell. Text from a report (a form
  row's label, a commune name, a file name, a roster's group) that starts with
  ``= + - @``, a tab or a carriage return would be run by Excel as a formula (CSV
  injection); following OWASP, such text gets a leading ``'`` and is shown as text.
  Numbers, dates and empty cells are written as they are.
* :func:`printable` - a file path as text that every writer accepts: a name that is
  not valid UTF-8 (kept by Python as lone surrogates) shows its bad bytes as U+FFFD.
"""
from __future__ import annotations

import os

FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")


def cell(value):
    """``value`` for a spreadsheet cell: text that could start a formula is prefixed with '."""
    if isinstance(value, str) and value.startswith(FORMULA_STARTS):
        return "'" + value
    return value


def printable(path: str | os.PathLike) -> str:
    """The path as valid Unicode text (undecodable bytes of the file name become U+FFFD)."""
    text = os.fspath(path)
    if isinstance(text, bytes):
        return text.decode("utf-8", "replace")
    return text.encode("utf-8", "surrogateescape").decode("utf-8", "replace")
