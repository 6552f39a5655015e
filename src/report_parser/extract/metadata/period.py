"""The reporting period: kind, label and year from the title's words (else from the
sentence where the issuer "báo cáo …"), start and end from the "(Số liệu tính từ
ngày … đến ngày …)" line, from a written span ("từ ngày 01/7 đến 14/9/2025",
"tính đến 20-10-2025", "giai đoạn 2011 - 2020"), else by the reporting convention.
A month ("tháng 10 năm 2024") runs from its first to its last day; a month named
without its year belongs to the report's year, or the year before when the report
is dated earlier in the year ("tháng 12", dated January)."""
from __future__ import annotations

import calendar
import datetime as dt
from itertools import islice

import regex

from ...models import Period, ReportMeta
from ...structure import lines
from ..dates import find_dates, parse_date
from .vocab import YEAR_RE, PeriodPhrase, rx, vocab

# a period may end a little after the report is signed (a monthly report dated the 25th)
LATE_END = dt.timedelta(days=31)
MONTH_BOUNDS = "month"  # a period phrase whose bounds are its calendar month (group "month")


def read_period(text: str, after: int, meta: ReportMeta, intro_end: int | None = None,
                dated: dt.date | None = None) -> Period:
    """Reporting period of the report whose title ends at ``after`` and whose
    opening paragraph ends at ``intro_end``; ``dated`` stands for the date of a draft
    whose day is blank (its month)."""
    period = Period()
    dated = meta.date or dated
    intro = text[after:intro_end if intro_end is not None else after + 3000]
    for source in (meta.title or "", _report_sentence(intro)):
        if _from_phrase(source, dated, period) or _from_span(source, period, dated):
            break
    start, end = _explicit_dates(text, after)
    if start or end:
        period.start, period.end = start, end
        period.year = period.year or (end.year if end else None)
    elif period.kind is None:
        _from_span(intro, period, dated)
    return period


def _report_sentence(intro: str) -> str:
    """The words after the issuer's "báo cáo" in the opening paragraph, up to the
    sentence's end ("UBND xã … báo cáo kết quả … quý I năm 2025 như sau:")."""
    m = rx().report_verb.search(intro)
    return m.group(1) if m else ""


def _from_phrase(source: str, dated: dt.date | None, period: Period) -> bool:
    phrase = _period_phrase(source)
    if not phrase:
        return False
    m, spec, year = phrase
    month = int(m.group("month")) if "month" in m.groupdict() and m.group("month") else None
    if year is None:  # a month by its own number; a quarter, half or year by where it ends
        year = _year_of(month, dated) if month else _year_of(_end_month(spec), dated, 1)
    period.kind, period.year = spec.kind, year
    period.label = _year_label(source, m, year) or (f"{m.group(0)} {year}" if year else m.group(0))
    if year and month and spec.bounds == MONTH_BOUNDS and 1 <= month <= 12:
        period.start = dt.date(year, month, 1)
        period.end = dt.date(year, month, calendar.monthrange(year, month)[1])
    elif year:
        period.start, period.end = period_bounds(spec.bounds or spec.kind, year)
    return True


def _year_of(month: int | None, date: dt.date | None, slack: int = 0) -> int | None:
    """The year of a period named without one: the report's, or the year before when the
    period ends in a month later in the year than the report's date (more than ``slack``
    months later): a January report about December, or about "quý IV"."""
    if date is None:
        return None
    return date.year - 1 if month and month > date.month + slack else date.year


def _end_month(spec: PeriodPhrase) -> int | None:
    b = vocab().period_bounds.get(spec.bounds or spec.kind)
    return b.end[0] if b else None


def _from_span(source: str, period: Period, dated: dt.date | None = None) -> bool:
    """A written span: "từ ngày 26/8/2025 đến hết ngày 30/9/2025", "tính đến
    20-10-2025", "giai đoạn 2011 - 2020" (kind ``other``). A span that ends well after
    the report's date is the horizon of a plan or a policy ("chính sách … giai đoạn
    2026 - 2030"), not what the report is about."""
    latest = dated + LATE_END if dated else dt.date.max
    for pattern in rx().spans:
        for m in pattern.finditer(source):
            start, end = _span_dates(m)
            if end is None or end > latest:
                continue
            period.kind, period.start, period.end, period.year = "other", start, end, end.year
            period.label = regex.sub(r"\s+", " ", m.group(0)).strip()
            return True
    return False


def _span_dates(m: regex.Match) -> tuple[dt.date | None, dt.date | None]:
    g = m.groupdict()
    if g.get("y2"):
        return dt.date(int(g["y1"]), 1, 1), dt.date(int(g["y2"]), 12, 31)
    end = parse_date(g["end"]) if g.get("end") else None
    if end is None or not g.get("start"):
        return None, end
    start = parse_date(g["start"])
    if start is None and (bare := regex.fullmatch(r"\s*(\d{1,2})\s*[/.-]\s*(\d{1,2})\s*", g["start"])):
        start = parse_date(f"{bare.group(1)}/{bare.group(2)}/{end.year}")  # "từ ngày 01/7 đến 14/9/2025"
    return start, end


def _period_phrase(title: str) -> tuple[regex.Match, PeriodPhrase, int | None] | None:
    """The first period phrase in the title and the year written after it."""
    hits = [(m, spec) for rx, spec in rx().periods if (m := rx.search(title))]
    if not hits:
        return None
    m, spec = min(hits, key=lambda h: (h[0].start(), -len(h[0].group(0))))
    y = YEAR_RE.search(title, m.end())
    return m, spec, int(y.group(1)) if y else None


def _year_label(title: str, m: regex.Match, year: int | None) -> str | None:
    """'6 tháng đầu năm 2022', 'tháng 8/2025' when the year follows the phrase directly."""
    if year is None:
        return None
    tail = regex.match(r"\s*(?:năm\s+|/\s*)?\d{4}", title[m.end():])
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
    """Dates of the "(Số liệu tính từ ngày … đến ngày …)" line under the title (also
    "Thời gian lấy số liệu: từ ngày …", "(Kỳ báo cáo từ 10/12/2023 - 9/6/2024)")."""
    for _pos, line in islice(lines(text, after), 4):
        s = line.strip()
        data = rx().data_line.match(s)
        if not ((s.startswith("(") or data) and (regex.search(r"(?i)\bđến\b", s) or data)):
            continue
        dates = [d for _, _, d in find_dates(s)]
        if len(dates) >= 2 and regex.search(r"(?i)\btừ\b", s) and dates[0] <= dates[1]:
            return dates[0], dates[1]
        if dates:
            return None, dates[-1]
    return None, None
