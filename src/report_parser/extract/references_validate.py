"""Annotate: what is wrong with how a report cites one document.

Each rule reads the citations of one document (and the report's date) and
names a problem a district officer should check, as a short code in the
record's ``issues``:

- ``type-symbol-mismatch``: the type word is not the symbol's type ("Quyết định
  số 04/KH-UBND");
- ``impossible-date``: a date that is not in the calendar ("31/02/2022");
- ``date-after-report``: the cited document is dated after the report itself;
- ``symbol-year-mismatch``: a normative symbol's year is not its date's year
  ("130/2005/NĐ-CP ngày 01/01/2006");
- ``date-conflict``: one symbol written with two different dates (set when the
  citations are split into records, see :mod:`references_resolve`);
- ``subject-conflict``: one document given two different subjects ("Luật Cán
  bộ, công chức số 89/2025/QH15" and "Luật Ngân sách nhà nước số 89/2025/QH15").
"""
from __future__ import annotations

import datetime as dt

import regex

from .references_find import Citation
from .references_grammar import grammar

_SAME_SUBJECT = 0.5  # share of the shorter subject's words found in the longer one


def _words(subject: str) -> set[str]:
    filler = grammar().spec.subject_filler
    return {w for w in regex.findall(r"[\p{L}\d/-]+", subject.casefold()) if w not in filler}


def subjects_differ(a: str, b: str) -> bool:
    """True when two subjects cannot be the same document's: they share fewer
    than half the words of the shorter one (rewording and abbreviation pass:
    "về thực hiện cải cách hành chính … 2021-2025" / "về thực hiện công tác CCHC … 2021-2025")."""
    wa, wb = _words(a), _words(b)
    if not wa or not wb:
        return False
    return len(wa & wb) / min(len(wa), len(wb)) < _SAME_SUBJECT


def _date_issues(cites: list[Citation], date: dt.date | None, report_date: dt.date | None,
                 kind: str | None, year: int | None) -> list[str]:
    """impossible-date, date-after-report, symbol-year-mismatch."""
    out = []
    if any(c.date_written is not None and c.date_written.impossible for c in cites):
        out.append("impossible-date")
    if date is not None and report_date is not None and date > report_date:
        out.append("date-after-report")
    if kind == "normative" and year is not None and date is not None and date.year != year:
        out.append("symbol-year-mismatch")
    return out


def issues_of(cites: list[Citation], date: dt.date | None, report_date: dt.date | None,
              kind: str | None, year: int | None) -> list[str]:
    """The issues of one document from its citations (in reading order)."""
    out = ["type-symbol-mismatch"] if any(c.mismatch for c in cites) else []
    out += _date_issues(cites, date, report_date, kind, year)
    subjects = [c.subject for c in cites if c.subject]
    if any(subjects_differ(subjects[0], s) for s in subjects[1:]):
        out.append("subject-conflict")
    return out
