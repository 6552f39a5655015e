"""Consistency checks: where a report contradicts itself, in words a district officer
acts on.

Every rule is silent when one of its inputs is missing: a check is a claim about
the report, never about what the extractors failed to find.
"""
from __future__ import annotations

import regex

from ..models import Check, Report
from . import bounds, documents, forms, ratios, relations
from .rules import load, regex_of
from .values import Facts, as_checks_read_them

SEVERITY_ORDER = {"error": 0, "warning": 1, "info": 2}


def run_checks(report: Report) -> list[Check]:
    """All checks of a parsed report, errors first (the rules need only the report)."""
    rules = load()
    facts = Facts(as_checks_read_them(report.indicators, report.figures, regex_of(rules.averaged_rate, regex.I)))
    found = forms.check_forms(report.tables, rules)
    checks = [
        *documents.check_period(report, rules),
        *documents.check_references(report, rules),
        *relations.check_sums(facts, rules),
        *relations.check_rates(facts, rules, found.rate_rows),
        *relations.check_breakdowns(facts, rules),
        *relations.check_text_vs_table(facts, rules),
        *bounds.check_row_bounds(report.tables, facts, rules),
        *found.checks,
        *relations.check_percent_indicators(facts, rules, found.over_100),
        *relations.check_text_conflicts(facts, rules),
    ]
    flagged = {code for c in checks if c.rule.startswith("rate-") for code in c.indicators}
    checks += ratios.check_ratio_rates(report, rules, flagged)
    return sorted(checks, key=lambda c: SEVERITY_ORDER[c.severity])
