"""Vietnamese calendar dates as written in administrative documents.

Every extractor that reads a date (the report's own place-date line, the
period "từ ngày … đến ngày …", the dates of cited documents) uses this module,
so that "ngày 15 tháng 10 năm 2021", "09/6/2021", "29 /5/2025" and
"15.10.2021" are read the same way everywhere.

The patterns are bounded (no unbounded repetition), so a long run of digits,
slashes and dashes cannot make them backtrack for long.

A match may be *impossible* ("31/02/2022"): :func:`iter_dates` still yields
it with ``date=None`` so that validators can flag it; :func:`find_dates` and
:func:`parse_date` only give real dates.
"""
from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import Iterator

import re

# An optional "ngày", the day, then either "/", "-" or "." with month and year
# (up to two spaces around each separator: "29 /5/2025", "09/ 6/2021") or the
# words "tháng … năm …" ("15 tháng 10 năm 2021", split over lines or
# capitalised). The day is read once for both forms and every quantifier is
# bounded and possessive, so that a long run of digits and dashes costs one try
# per position. A year that a PDF text layer split in two ("16/7/20 21") is read whole. The standard ``re`` is enough here (no Unicode properties) and
# is about three times faster than ``regex`` on such runs.
_SEP = r"[ \t]{0,2}+(?P<sep>[/.\-])[ \t]{0,2}+"
DATE_RE = re.compile(
    r"(?:(?P<kw>\bngày)\s{0,3}+)?(?<![\d/])(?<!\d\.)(?P<d>\d{1,2}+)(?:"
    + _SEP + r"(?P<m>\d{1,2}+)[ \t]{0,2}+(?P=sep)[ \t]{0,2}+(?P<y>\d{4}|(?:19|20) \d{2})(?!\d|/\d|\.\d)"
    r"|\s{1,3}+tháng\s{1,3}+(?P<wm>\d{1,2}+)\s{1,3}+năm\s{1,3}+(?P<wy>\d{4})(?!\d))",
    re.IGNORECASE,
)

YEAR_MIN, YEAR_MAX = 1945, 2100


@dataclass(frozen=True)
class DateMatch:
    """A date written in the text: its span (including a leading "ngày"), the
    numbers as written, and the calendar date (None when impossible)."""

    start: int
    end: int
    day: int
    month: int
    year: int
    date: dt.date | None
    has_keyword: bool  # written after "ngày"

    @property
    def impossible(self) -> bool:
        return self.date is None


def _to_date(day: int, month: int, year: int) -> dt.date | None:
    if not YEAR_MIN <= year <= YEAR_MAX:
        return None
    try:
        return dt.date(year, month, day)
    except ValueError:
        return None


def iter_dates(text: str, start: int = 0, end: int | None = None) -> Iterator[DateMatch]:
    """Every date-shaped match in ``text[start:end]``, impossible ones included."""
    for m in DATE_RE.finditer(text, start, len(text) if end is None else end):
        d = int(m.group("d"))
        mo, y = (int(m.group("m")), int(m.group("y").replace(" ", ""))) if m.group("m") else (
            int(m.group("wm")), int(m.group("wy")))
        yield DateMatch(m.start(), m.end(), d, mo, y, _to_date(d, mo, y), m.group("kw") is not None)


def find_dates(text: str) -> list[tuple[int, int, dt.date]]:
    """``(start, end, date)`` of every real date in ``text``; the span includes a
    leading "ngày " when the text has one."""
    return [(m.start, m.end, m.date) for m in iter_dates(text) if m.date is not None]


def parse_date(text: str) -> dt.date | None:
    """The first real date in ``text`` ("ngày 15 tháng 10 năm 2021",
    "09/6/2021", "29 /5/2025"), or None."""
    for m in iter_dates(text):
        if m.date is not None:
            return m.date
    return None
