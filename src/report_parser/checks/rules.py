"""The consistency rules as data (``patterns/checks.yaml``), validated when loaded.

Relations between catalogue codes and the phrasing of every message live in the
YAML file (the names an officer knows the measures by are the catalogue's), so that a district adds a
rule or rewords a message without touching Python.
"""
from __future__ import annotations

import functools
from typing import Literal

import regex
from pydantic import ConfigDict, Field

from .. import catalogue, patterns
from ..models import Severity


class _Rule(patterns.Schema):
    model_config = ConfigDict(extra="forbid")


class SumRule(_Rule):
    id: str
    total: str
    parts: list[str]
    also: list[str] = Field(default_factory=list)
    maybe: list[str] = Field(default_factory=list)
    readings: list[list[str]] = Field(default_factory=list)  # other part lists that settle it
    relation: Literal["=", "<="] = "="
    severity: Severity = "error"

    @property
    def codes(self) -> list[str]:
        return [self.total, *self.parts, *self.also, *self.maybe, *(c for r in self.readings for c in r)]


class RateRule(_Rule):
    rate: str
    numerator: str
    denominators: list[str]
    bounds: list[str] = Field(default_factory=list)  # bases the rate is at least numerator / base of
    numerator_parts: list[list[str]] = Field(default_factory=list)  # parts giving the numerator when it is not stated
    severity: Severity = "error"


class Breakdown(_Rule):
    dimension: str
    label: str
    codes: list[str]


class FormRateOverride(_Rule):
    form: str
    row: str
    numerator: str
    denominator: str


class FormRates(_Rule):
    denominator: str
    numerator: str
    overrides: list[FormRateOverride] = Field(default_factory=list)


class RowMatch(_Rule):
    name: str
    label: str
    parent: str | None = None


class RowBound(_Rule):
    id: str
    code: str
    relation: Literal[">=", "nonzero"]
    rows: list[RowMatch]
    severity: Severity = "warning"


class IssueRule(_Rule):
    severity: Severity = "warning"
    message: str


class Messages(_Rule):
    sum_differs: str
    sum_exceeds: str
    rate_differs: str
    rate_claim: str
    rate_below_bound: str
    breakdown_item: str
    text_vs_table: str
    text_vs_table_item: str
    table_of_form: str
    table_unnamed: str
    table_row: str
    text_conflict: str
    row_bounds: str
    row_at_least: str
    row_nonzero: str
    form_rate: str
    percent_over_100: str
    coded_answer: str
    cell_text: str
    period_after_report: str
    period_start_after_report: str
    where_dimension: str
    where_form_row: str
    ratio_rate: str = "{ratio} ghi {stated}% nhưng {part}/{whole} = {computed}%"


class RatioRates(_Rule):
    """A rate written right after its own ratio (checks/ratios.py): regexes searched in the text
    between them (``link`` must match, ``gap_not`` must not) and matched at the start of the
    text after the percent (``after_not``: a rate of another base; ``after``: what may follow a rate
    of the ratio itself)."""
    link: str
    gap_not: str
    after_not: str
    after: str = ""  # when given, the text after the percent must open like this
    severity: Severity = "warning"

    def model_post_init(self, _context) -> None:
        for p in (self.link, self.gap_not, self.after_not, self.after):
            regex_of(p)


class CheckRules(_Rule):
    sums: list[SumRule]
    rates: list[RateRule]
    breakdowns: list[Breakdown]
    form_rates: FormRates
    row_bounds: list[RowBound]
    coded_choice: str
    reference_issues: dict[str, IssueRule]
    reference_issue_default: IssueRule
    messages: Messages
    qualifiers: dict[str, str]
    dimension_labels: dict[str, str]
    alternates: list[list[str]] = Field(default_factory=list)
    ratio_rates: RatioRates | None = None
    averaged_rate: str = "(?!x)x"  # words before a percent that make it an average of units' rates

    def model_post_init(self, _context) -> None:
        """The patterns the checks compile where they use them, compiled now: a broken one (a district
        overlay's) is an error when the file is loaded, not in the middle of a report's checks; and
        every measure a rule names is a catalogue code (a misspelt one was a rule that never fired)."""
        regex_of(self.coded_choice)
        regex_of(self.averaged_rate, regex.I)
        for m in (m for bound in self.row_bounds for m in bound.rows):
            for p in (m.label, m.parent):
                if p:
                    regex_of(p, regex.I)
        unknown = sorted(set(self.codes()) - set(catalogue.entries()))
        if unknown:
            raise ValueError(f"{', '.join(unknown)}: no code of the indicator catalogue (catalogue.yaml)")

    def codes(self) -> list[str]:
        """Every catalogue code the rules name."""
        rates = [c for r in self.rates for c in (r.rate, r.numerator, *r.denominators, *r.bounds,
                                                  *(c for part in r.numerator_parts for c in part))]
        return [*(c for r in self.sums for c in r.codes), *rates, *(c for b in self.breakdowns for c in b.codes),
                *(b.code for b in self.row_bounds), *(c for pair in self.alternates for c in pair)]

    def name(self, code: str) -> str:
        """The officer's name for a catalogue code (the code itself when unnamed)."""
        return catalogue.short(code)


def load() -> CheckRules:
    return patterns.load("checks.yaml", CheckRules)


@functools.lru_cache(maxsize=512)
def regex_of(pattern: str, flags: int = 0) -> regex.Pattern:
    """A rule's pattern (``coded_choice``, a row matcher's label) compiled once: keyed by its own text,
    so it is the same whatever the rules object (a call with the string compiles it on every row)."""
    return regex.compile(pattern, flags)
