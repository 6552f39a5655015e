"""A rate written right after its own ratio ("154/156 văn bản đi được ký số, đạt 98,7%",
"hoàn thành 24/30 nhiệm vụ (80%)"): the rate is the ratio's, whatever the measure (in the
catalogue or not), so a rate that is not part / whole is a contradiction inside one clause.

Only a ratio and the percent that follows it in the same sentence, joined by a link the rules
name (``ratio_rates.link``: ", đạt", "bằng", an opening bracket), are compared; a percent with a
qualifier ("trên 80%"), one said of another base ("so với cùng kỳ", ``ratio_rates.after_not``) or
a gap holding other words of a base (``ratio_rates.gap_not``) is left alone. A slip of one unit
of the rate's last written digit is not reported (rounding by hand)."""
from __future__ import annotations

from ..catalogue import is_rate
from ..models import Check, Figure, Indicator, Report
from .rules import CheckRules, regex_of
from .values import agrees, computed_fmt, decimals_of, fmt, make_check

# how far after a ratio its rate may be written (characters of the sentence between them)
MAX_GAP = 80


def _gap(ratio: Figure, rate: Figure) -> tuple[str, str] | None:
    """(text between the ratio and the percent, text after the percent) in their sentence."""
    s = ratio.sentence or ""
    if rate.sentence != ratio.sentence or not 0 <= rate.start - ratio.end <= MAX_GAP:
        return None
    at = s.find(ratio.text)
    while at >= 0:
        j = at + len(ratio.text) + rate.start - ratio.end
        if s[j:j + len(rate.text)] == rate.text:
            return s[at + len(ratio.text):j], s[j + len(rate.text):]
        at = s.find(ratio.text, at + 1)
    return None


def _linked(ratio: Figure, rate: Figure, rules: CheckRules) -> bool:
    spec = rules.ratio_rates
    if spec is None or ratio.kind != "ratio" or rate.kind != "percent" or rate.qualifier:
        return False
    if not ratio.whole or ratio.value > ratio.whole:
        return False
    texts = _gap(ratio, rate)
    if texts is None:
        return False
    gap, after = texts
    return bool(regex_of(spec.link).search(gap)) and not regex_of(spec.gap_not).search(gap) \
        and not regex_of(spec.after_not).match(after) and bool(regex_of(spec.after).match(after))


def _rate_indicators(rate: Figure, indicators: list[Indicator]) -> list[Indicator]:
    """The catalogue rates read from this percent (same value, its sentence as evidence)."""
    return [i for i in indicators if i.source == "text" and is_rate(i.code) and i.value == rate.value
            and i.evidence and rate.text in i.evidence]


def check_ratio_rates(report: Report, rules: CheckRules, flagged: set[str]) -> list[Check]:
    """Each ratio whose own rate, written after it, is not part / whole beyond a last-digit slip;
    a rate already reported by the catalogue's rate rules (``flagged`` codes) is not repeated."""
    out = []
    figures = sorted(report.figures, key=lambda f: f.start)
    for ratio, rate in zip(figures, figures[1:]):
        if not _linked(ratio, rate, rules):
            continue
        computed = 100 * ratio.value / ratio.whole
        if agrees(computed, rate.value) or abs(computed - rate.value) <= 10 ** -decimals_of(rate.value):
            continue
        inds = _rate_indicators(rate, report.indicators)
        if any(i.code in flagged for i in inds):
            continue
        message = rules.messages.ratio_rate.format(
            ratio=ratio.text, stated=fmt(rate.value), part=fmt(ratio.value), whole=fmt(ratio.whole),
            computed=computed_fmt(computed, rate.value))
        out.append(make_check("ratio-rate", rules.ratio_rates.severity, message, inds,
                              evidence=[] if inds else [ratio.sentence or ""],
                              pages=[p for p in (ratio.page,) if p]))
    return out
