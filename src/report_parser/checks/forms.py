"""Rules inside an appendix form ("Biểu mẫu"): a rate row against its count rows,
a percentage above 100, a coded answer outside its codes, a cell holding words.

These work on the rows as printed, so they hold even for rows that map to no
catalogue code.
"""
from __future__ import annotations

from dataclasses import dataclass, field

import regex

from .. import catalogue
from ..models import Check, FormRow, FormTable
from .rules import CheckRules, regex_of
from .values import agrees, computed_fmt, fmt, make_check, row_evidence

_LETTER = regex.compile(r"\p{L}")


@dataclass
class FormFindings:
    checks: list[Check] = field(default_factory=list)
    rate_rows: set[str] = field(default_factory=set)  # "FORM/CODE" of rate rows checked against their counts
    over_100: set[str] = field(default_factory=set)  # "FORM/CODE" of rows flagged above 100 %


def _is_rate(row: FormRow, rules: CheckRules) -> bool:
    return catalogue.is_rate_unit(row.unit)


def _count_rows(form: str, row: FormRow, rows: dict[str, FormRow],
                rules: CheckRules) -> tuple[FormRow | None, FormRow | None]:
    """(numerator, denominator) rows of a rate row: its override, else the child rows."""
    cfg = rules.form_rates
    for o in cfg.overrides:
        if o.form == form and o.row == row.code:
            return rows.get(o.numerator), rows.get(o.denominator)
    return rows.get(f"{row.code}.{cfg.numerator}"), rows.get(f"{row.code}.{cfg.denominator}")


def _row_id(form: str, row: FormRow) -> str:
    return f"table:{form}/{row.code}"


def _check_rate_row(form: str, row: FormRow, rows: dict[str, FormRow], rules: CheckRules,
                    found: FormFindings) -> None:
    num, den = _count_rows(form, row, rows, rules)
    if row.value is None or num is None or den is None or num.value is None or not den.value:
        return
    if _is_rate(num, rules) or _is_rate(den, rules) or num.value > den.value:
        return  # a "numerator" above its "denominator": the rows are not this rate's counts
    found.rate_rows.add(f"{form}/{row.code}")
    computed = 100 * num.value / den.value
    if agrees(computed, row.value):
        return
    message = rules.messages.form_rate.format(
        form=form, row=row.code, stated=fmt(row.value), numerator_row=num.code,
        denominator_row=den.code, numerator=fmt(num.value), denominator=fmt(den.value),
        computed=computed_fmt(computed, row.value))
    rows_used = [row, num, den]
    found.checks.append(make_check(
        "form-rate-row", "error", message, extra_ids=[_row_id(form, r) for r in rows_used],
        evidence=[row_evidence(form, r) for r in rows_used], pages=[r.page for r in rows_used if r.page]))


def _check_over_100(form: str, row: FormRow, rules: CheckRules, found: FormFindings) -> None:
    if row.value is None or row.value <= 100 or not _is_rate(row, rules):
        return
    found.over_100.add(f"{form}/{row.code}")
    message = rules.messages.percent_over_100.format(
        where=rules.messages.where_form_row.format(form=form, row=row.code),
        name=row.label, value=fmt(row.value))
    found.checks.append(make_check("percent-over-100", "warning", message,
                                   extra_ids=[_row_id(form, row)], evidence=[row_evidence(form, row)],
                                   pages=[row.page] if row.page else []))


def allowed_codes(row: FormRow, rules: CheckRules) -> list[int]:
    """The codes a coded row offers ("Có = 1; Không = 0" -> [1, 0]); empty when it offers none."""
    text = "\n".join(x for x in (row.label, row.unit, row.note) if x)
    codes = [int(m["code"]) for m in regex_of(rules.coded_choice).finditer(text)]
    return list(dict.fromkeys(codes)) if len(codes) >= 2 else []


def _check_coded(form: str, row: FormRow, rules: CheckRules, found: FormFindings) -> None:
    codes = allowed_codes(row, rules)
    if not codes or row.value is None or row.value in codes:
        return
    message = rules.messages.coded_answer.format(
        form=form, row=row.code, value=fmt(row.value), codes=", ".join(map(str, codes)))
    found.checks.append(make_check("coded-answer", "warning", message,
                                   extra_ids=[_row_id(form, row)], evidence=[row_evidence(form, row)],
                                   pages=[row.page] if row.page else []))


def _check_cell_text(form: str, row: FormRow, rules: CheckRules, found: FormFindings) -> None:
    """A value cell that says more than a number ("10 tỷ đồng/0%" in a "Triệu đồng" row):
    the officer sees how it was read. Information only: the reading may well be right."""
    if row.value is None or not row.raw or not _LETTER.search(row.raw) or allowed_codes(row, rules):
        return
    message = rules.messages.cell_text.format(form=form, row=row.code, raw=row.raw.strip(),
                                              unit=row.unit or "?", value=fmt(row.value))
    found.checks.append(make_check("cell-text", "info", message, extra_ids=[_row_id(form, row)],
                                   evidence=[row_evidence(form, row)], pages=[row.page] if row.page else []))


def check_forms(tables: list, rules: CheckRules) -> FormFindings:
    """Every form row; a form printed over several tables (page breaks) is one form."""
    forms: dict[str, list[FormRow]] = {}
    for table in tables:
        if isinstance(table, FormTable) and table.form:
            forms.setdefault(table.form, []).extend(table.rows)
    found = FormFindings()
    for form, form_rows in forms.items():
        rows = {r.code: r for r in form_rows}
        for row in form_rows:
            if _is_rate(row, rules):
                _check_rate_row(form, row, rows, rules, found)
                _check_over_100(form, row, rules, found)
            _check_coded(form, row, rules, found)
            _check_cell_text(form, row, rules, found)
    return found
