"""Rules about the report as a document: its reporting period against its date,
and the problems the references extractor found in cited documents.
"""
from __future__ import annotations

import calendar
import datetime as dt

from .. import periods
from ..models import Check, Reference, Report
from .rules import CheckRules
from .values import make_check

QUARTER_END_MONTHS = (3, 6, 9, 12)


def vn_date(d: dt.date | None) -> str:
    return d.strftime("%d/%m/%Y") if d else "?"


def _ref_name(ref: Reference) -> str:
    return ref.symbol or " ".join(x for x in (ref.type, ref.number and f"số {ref.number}") if x) or "?"


def _other_documents(issue: str, same: list[Reference]) -> bool:
    """One symbol without a year ("03-ĐA/TU") dated in two different years names two documents,
    not a slip: such numbers restart every year or term, and a merged province cites the
    documents of its former provinces."""
    years = {r.date.year for r in same if r.date}
    return issue == "date-conflict" and len(years) > 1 and not any(r.year for r in same)


def _by_issue(refs: list[Reference]) -> dict[tuple[str, str], list[Reference]]:
    """The references of each (issue, document): one symbol cited with two dates is two
    references with one issue, and one finding."""
    groups: dict[tuple[str, str], list[Reference]] = {}
    for k, ref in enumerate(refs):
        for issue in ref.issues:
            groups.setdefault((issue, ref.symbol or f"#{k}"), []).append(ref)
    return groups


def check_references(report: Report, rules: CheckRules) -> list[Check]:
    """Each issue of each cited document, in the officer's words, once per document."""
    out = []
    for (issue, _), same in _by_issue(report.references).items():
        if _other_documents(issue, same):
            continue
        ref = same[0]
        rule = rules.reference_issues.get(issue, rules.reference_issue_default)
        message = rule.message.format(symbol=_ref_name(ref), type=ref.type or "?",
                                      date=vn_date(ref.date), report_date=vn_date(report.report.date),
                                      issue=issue)
        mentions = [m for r in same for m in r.mentions]
        evidence = [f"(tr. {m.page}) {m.text}" if m.page else m.text for m in mentions]
        out.append(make_check(f"reference-{issue}", rule.severity, message, evidence=evidence,
                              pages=[m.page for m in mentions if m.page],
                              references=[ref.symbol] if ref.symbol else []))
    return out


def _is_conventional_period_end(d: dt.date) -> bool:
    """A day a period named only in words ("6 tháng đầu năm") ends on: a quarter's last
    day, or the cut-off of the reporting convention the metadata uses (the 14th,
    patterns/metadata.yaml ``period_bounds``)."""
    if d.month in QUARTER_END_MONTHS and d.day == calendar.monthrange(d.year, d.month)[1]:
        return True
    return periods.is_conventional_end(d)


def check_period(report: Report, rules: CheckRules) -> list[Check]:
    """A period that ends after the report is dated. Reports often give estimates to the end
    of a quarter or year ("ước thực hiện đến 31/12"), and a period named only in words
    gets a conventional end, so such an end is only info; explicit dates are a slip."""
    meta, m = report.report, rules.messages
    date, period = meta.date, meta.period
    if date is None:
        return []
    if period.start and period.start > date:
        message = m.period_start_after_report.format(start=vn_date(period.start), date=vn_date(date))
        return [make_check("period-after-report", "error", message)]
    if period.end and period.end > date:
        severity = "info" if _is_conventional_period_end(period.end) else "warning"
        message = m.period_after_report.format(end=vn_date(period.end), date=vn_date(date))
        return [make_check("period-after-report", severity, message)]
    return []
