"""Form rows that bound a measure the text states, though they are no catalogue code
of their own: Biểu mẫu 7's dossiers of level-3/4 online services (6.7.1, 6.7.2)
hold every dossier filed online, so "0" there contradicts "539 hồ sơ tiếp nhận
online" in the text.
"""
from __future__ import annotations

from collections import defaultdict

import regex

from ..models import Check, FormRow, FormTable, Indicator
from ..vietnamese import one_line as clean
from .rules import CheckRules, RowBound, RowMatch, regex_of
from .values import Facts, fmt, make_check, row_evidence


def _matches(match: RowMatch, row: FormRow, parent: FormRow | None) -> bool:
    if not regex_of(match.label, regex.I).search(clean(row.label)):
        return False
    return match.parent is None or (parent is not None and bool(
        regex_of(match.parent, regex.I).search(clean(parent.label))))


def _rows_of(match: RowMatch, tables: list) -> list[tuple[str, FormRow]]:
    """(form, row) of every filled row the matcher finds in the report's forms."""
    out = []
    for table in tables:
        if not isinstance(table, FormTable):
            continue
        by_code = {r.code: r for r in table.rows}
        for row in table.rows:
            parent = by_code.get(row.code.rpartition(".")[0])
            if row.value is not None and _matches(match, row, parent):
                out.append((table.form or "?", row))
    return out


def _items(bound: RowBound, text: Indicator, tables: list,
           rules: CheckRules) -> list[tuple[str, str, list[FormRow]]]:
    """(form, message item, rows) for each way the form contradicts the text's value."""
    m, name, value = rules.messages, rules.name(bound.code), fmt(text.value)
    out = []
    for match in bound.rows:
        found = _rows_of(match, tables)
        if bound.relation == ">=":
            out += [(form, m.row_at_least.format(row=row.code, row_name=match.name, value=fmt(row.value),
                                                 name=name, text_value=value), [row])
                    for form, row in found if row.value < text.value]
        elif found and text.value > 0 and all(row.value == 0 for _, row in found):
            rows = "dòng " + ", ".join(row.code for _, row in found)
            out.append((found[0][0], m.row_nonzero.format(rows=rows, row_name=match.name, name=name,
                                                          text_value=value), [r for _, r in found]))
    return out


def check_row_bounds(tables: list, facts: Facts, rules: CheckRules) -> list[Check]:
    """One check per form, listing every row that contradicts the text."""
    groups: dict[str, list[tuple[str, list[FormRow], Indicator]]] = defaultdict(list)
    for bound in rules.row_bounds:
        texts = [i for i in facts.exact(bound.code) if i.source == "text"]
        if texts:
            for form, item, rows in _items(bound, texts[0], tables, rules):
                groups[form].append((item, rows, texts[0]))
    out = []
    for form, items in groups.items():
        rows = [(r, form) for _, rs, _ in items for r in rs]
        message = rules.messages.row_bounds.format(form=form, items="; ".join(i for i, _, _ in items))
        out.append(make_check("form-vs-text", "warning", message,
                              inds=list({id(t): t for _, _, t in items}.values()),
                              extra_ids=[f"table:{f}/{r.code}" for r, f in rows],
                              evidence=[row_evidence(f, r) for r, f in rows],
                              pages=[r.page for r, _ in rows if r.page]))
    return out
