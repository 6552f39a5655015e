"""The reporting period: kind, label and year from the title's words, start and end
from the "(Số liệu tính từ ngày … đến ngày …)" line, else by the reporting convention."""
from __future__ import annotations

import datetime as dt
from itertools import islice

import regex

from ...models import Period, ReportMeta
from ...structure import lines
from ..dates import find_dates
from .vocab import YEAR_RE, PeriodPhrase, rx, vocab


def read_period(text: str, after: int, meta: ReportMeta) -> Period:
    """Reporting period: explicit dates from the subtitle "(Số liệu tính từ ngày
    10/12/2021 đến ngày 09/6/2022)", kind and label from the title's words."""
    period = Period()
    phrase = _period_phrase(meta.title or "")
    if phrase:
        m, spec, year = phrase
        period.kind = spec.kind
        period.year = year or (meta.date.year if meta.date else None)
        period.label = _year_label(meta.title or "", m, year) or \
            (f"{m.group(0)} {period.year}" if period.year else m.group(0))
    start, end = _explicit_dates(text, after)
    if start or end:
        period.start, period.end = start, end
        if period.year is None and end:
            period.year = end.year
    elif phrase and period.year:
        period.start, period.end = period_bounds(phrase[1].bounds or phrase[1].kind, period.year)
    return period


def _period_phrase(title: str) -> tuple[regex.Match, PeriodPhrase, int | None] | None:
    """The first period phrase in the title and the year written after it."""
    hits = [(m, spec) for rx, spec in rx().periods if (m := rx.search(title))]
    if not hits:
        return None
    m, spec = min(hits, key=lambda h: (h[0].start(), -len(h[0].group(0))))
    y = YEAR_RE.search(title, m.end())
    return m, spec, int(y.group(1)) if y else None


def _year_label(title: str, m: regex.Match, year: int | None) -> str | None:
    """'6 tháng đầu năm 2022' when the year follows the phrase directly."""
    if year is None:
        return None
    tail = regex.match(r"\s*(?:năm\s+)?\d{4}", title[m.end():])
    return (m.group(0) + tail.group(0)) if tail else None


def period_bounds(kind: str, year: int) -> tuple[dt.date | None, dt.date | None]:
    """Start and end of a period named only in words, by the reporting
    convention of Nghị định 09/2019/NĐ-CP (the 15th to the 14th; see
    patterns/metadata.yaml): H1 2022 -> 2021-12-15 .. 2022-06-14."""
    b = vocab().period_bounds.get(kind)
    if b is None:
        return None, None
    (sm, sd), (em, ed) = b.start, b.end
    start_year = year - 1 if (sm, sd) > (em, ed) else year
    return dt.date(start_year, sm, sd), dt.date(year, em, ed)


def _explicit_dates(text: str, after: int) -> tuple[dt.date | None, dt.date | None]:
    """Dates of the "(Số liệu tính từ ngày … đến ngày …)" line under the title."""
    for _pos, line in islice(lines(text, after), 4):
        s = line.strip()
        if not (s.startswith("(") and regex.search(r"(?i)\bđến\b", s)):
            continue
        dates = [d for _, _, d in find_dates(s)]
        if len(dates) >= 2 and regex.search(r"(?i)\btừ\b", s):
            return dates[0], dates[1]
        if dates:
            return None, dates[-1]
    return None, None
