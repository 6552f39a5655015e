"""Rules between catalogue indicators: sums, rates, claims, per-field breakdowns,
the same measure stated twice.

A measure may be stated more than once. Relations use the text's value and a
form's only where the text is silent (a rate from a form: the form's values first);
a form that contradicts the text is reported once, by the text-vs-table rule, not
again by every relation it feeds. A measure stated twice in the text satisfies a
relation when either value does.
"""
from __future__ import annotations

from collections import defaultdict
from collections.abc import Sequence

from .. import catalogue
from ..models import Check, Indicator
from .rules import CheckRules, RateRule, SumRule
from .values import (DimKey, Facts, agrees, combinations, computed_fmt, decimals_of, dim_key, fmt,
                     make_check, preferred, same_statement)

EPS = 1e-6
MAX_CONFLICTING = 2  # distinct text values of one measure that can still be one slip
# a whole and its parts, or two statements of one measure, further apart than this factor
# are figures of different scopes (a part, another period), not a slip: no check
SCOPE_RATIO = 2.0
# per-field figures short of their total by more than this share list some fields only ("Kết quả
# một số lĩnh vực chủ yếu như sau": 500 of 520); a slip in one field's count (224 written for 244
# of 1.224) is a smaller share
LISTED_SHORT = 0.03


def where(dim: DimKey, rules: CheckRules) -> str:
    """The message prefix naming a dimension ("Lĩnh vực Hộ tịch: "), empty for the whole unit."""
    return "".join(rules.messages.where_dimension.format(
        label=rules.dimension_labels.get(key, key), value=value) for key, value in dim)


def stated(ind: Indicator, rules: CheckRules) -> str:
    """A value as the report states it, with its qualifier word ("trên 80")."""
    word = rules.qualifiers.get(ind.qualifier or "", "")
    return f"{word} {fmt(ind.value)}".strip()


# ---------------------------------------------------------------- sums
def _sum_options(values: Sequence[float], n_maybe: int) -> list[float]:
    """The sums the relation allows: without and (when given) with the 'maybe' parts."""
    base = sum(values[1:len(values) - n_maybe])
    return [base] + ([base + sum(values[len(values) - n_maybe:])] if n_maybe else [])


def _sum_holds(rule: SumRule, values: Sequence[float], n_maybe: int, partial: bool) -> bool:
    total, options = values[0], _sum_options(values, n_maybe)
    if rule.relation == "<=" or partial:
        return min(options) <= total + EPS
    return any(abs(o - total) <= EPS for o in options)


def _scopes_apart(a: float, b: float) -> bool:
    """Two figures too far apart to be one measure of one body: a slip changes a figure a
    little, a figure of another scope (a part, another period) changes it many times."""
    lo, hi = sorted((abs(a), abs(b)))
    return lo > 0 and hi > SCOPE_RATIO * lo


def _sum_inputs(rule: SumRule, dim: DimKey, facts: Facts) -> tuple[list, int, bool] | None:
    """(options per input: total, parts, given 'also' and 'maybe' parts; how many 'maybe';
    whether an 'also' or 'maybe' part is missing), None when a required input is."""
    total = facts.exact(rule.total, dim)
    parts = [facts.exact(c, dim) for c in rule.parts]
    if not total or not all(parts):
        return None
    also = [facts.exact(c, dim) for c in rule.also]
    maybe = [facts.exact(c, dim) for c in rule.maybe]
    partial = not all(also + maybe)
    maybes = [v for v in maybe if v]
    return [total, *parts, *(v for v in also if v), *maybes], len(maybes), partial


def _sum_message(rule: SumRule, dim: DimKey, pick: tuple[Indicator, ...], n_maybe: int,
                 rules: CheckRules) -> str | None:
    """The finding for the preferred values, None when they are too far apart to be one scope."""
    values = [i.value for i in pick]
    sums = _sum_options(values, n_maybe)
    shown = min(sums, key=lambda s: abs(s - values[0]))
    if _scopes_apart(shown, values[0]):
        return None
    used = pick[1:] if shown == sums[-1] else pick[1:len(pick) - n_maybe]
    parts_text = " + ".join(f"{rules.name(i.code)} {fmt(i.value)}" for i in used)
    template = rules.messages.sum_exceeds if min(sums) > values[0] else rules.messages.sum_differs
    return template.format(where=where(dim, rules), total_name=rules.name(rule.total),
                           total=fmt(values[0]), parts=parts_text, sum=fmt(shown))


def _another_reading_holds(rule: SumRule, dim: DimKey, facts: Facts) -> bool:
    """The total is the sum of the parts of one of the rule's other readings (an ambiguous word
    read the other way: "đúng hạn 510 hồ sơ (trước hạn 480 hồ sơ)" counts the early ones)."""
    for codes in rule.readings:
        options = [facts.exact(rule.total, dim)] + [facts.exact(c, dim) for c in codes]
        if all(options) and any(abs(sum(i.value for i in c[1:]) - c[0].value) <= EPS
                                for c in combinations(options)):
            return True
    return False


def _stated_together(options: list, combos: list) -> tuple[Indicator, ...] | None:
    """The values to report of a relation no combination satisfies. When a measure is given
    several values (two periods, a part and the whole), only values one sentence states
    together are known to belong together: the first such combination, None when there is none."""
    if all(len({i.value for i in o if i.source == "text"}) <= 1 for o in options):
        return preferred(options)
    together = [c for c in combos if len({i.evidence for i in c if i.source == "text"}) <= 1]
    return preferred([[i] for i in together[0]]) if together else None


def _check_sum(rule: SumRule, dim: DimKey, facts: Facts, rules: CheckRules) -> Check | None:
    found = _sum_inputs(rule, dim, facts)
    if found is None:
        return None
    options, n_maybe, partial = found
    combos = combinations(options)
    if not combos or any(_sum_holds(rule, [i.value for i in c], n_maybe, partial) for c in combos):
        return None
    if _another_reading_holds(rule, dim, facts):
        return None
    pick = _stated_together(options, combos)
    if pick is None:
        return None
    message = _sum_message(rule, dim, pick, n_maybe, rules)
    return make_check(rule.id, rule.severity, message, pick) if message else None


def check_sums(facts: Facts, rules: CheckRules) -> list[Check]:
    out = []
    for rule in rules.sums:
        for dim in facts.dims([rule.total]):
            check = _check_sum(rule, dim, facts, rules)
            if check:
                out.append(check)
    return out


# ---------------------------------------------------------------- rates
def _preferred_pair(pairs: list[tuple[Indicator, Indicator]], source: str) -> tuple[Indicator, Indicator]:
    """The (numerator, denominator) to report: both from ``source`` when possible."""
    return next(((n, d) for n, d in pairs if n.source == source and d.source == source), pairs[0])


def _counts_of(code: str, dim: DimKey, rate: Indicator, facts: Facts, tied: bool) -> list[Indicator]:
    """The counts of ``code`` a stated rate may agree with; ``tied``: those it may be called wrong
    on, the counts of the rate's own sentence, else the report's one value of the measure. A
    measure the text gives several values of (two periods, a part's and the whole's: "tháng 9 ...
    6.302 hồ sơ", "quý III ... 16.234 hồ sơ") is not known to be the rate's, apart from its own
    sentence."""
    counts = facts.exact(code, dim, rate.source)
    if not tied or rate.source != "text" or len(counts) <= 1:
        return counts
    return [c for c in counts if c.evidence and c.evidence == rate.evidence]


def _summed(rule: RateRule, dim: DimKey, rate: Indicator, facts: Facts, tied: bool) -> list[Indicator]:
    """A numerator the report gives only as its parts ("trước hạn 352 hồ sơ, đúng hạn 29 hồ sơ" for
    the dossiers on time), each part stated once: their sum, under the numerator's code."""
    out = []
    for parts in rule.numerator_parts:
        found = [_counts_of(code, dim, rate, facts, tied) for code in parts]
        if all(len(f) == 1 for f in found):
            value = sum(f[0].value for f in found)
            out.append(found[0][0].model_copy(update={"code": rule.numerator, "value": value}))
    return out


def _rate_pairs(rule: RateRule, dim: DimKey, rate: Indicator, facts: Facts,
                tied: bool = False) -> list[tuple[Indicator, Indicator]]:
    """(numerator, base) pairs; a numerator above its base (a rate over 100 %) is a figure of
    another scope and pairs with nothing."""
    codes = [*rule.denominators, *rule.bounds]
    nums = _counts_of(rule.numerator, dim, rate, facts, tied) or _summed(rule, dim, rate, facts, tied)
    dens = [d for code in codes for d in _counts_of(code, dim, rate, facts, tied) if d.value > 0]
    return [(n, d) for n in nums for d in dens if n.value <= d.value + EPS]


def _below(least: float, rate: Indicator) -> bool:
    """A stated rate (with its qualifier) that cannot reach ``least``, the rate on the largest base."""
    if rate.qualifier in (">", ">="):
        return False
    return rate.value < least and not agrees(least, rate.value, rate.qualifier)


def _rate_finding(rule: RateRule, rate: Indicator, pairs: list[tuple[Indicator, Indicator]]
                  ) -> tuple[str, tuple[Indicator, Indicator]] | None:
    """(kind of finding, the pair to show), None when the rate is consistent with its counts:
    equal to numerator / base on one base (a bound too: some reports compute on what they
    received), else at least numerator / bound on every bound."""
    if any(agrees(100 * n.value / d.value, rate.value, rate.qualifier) for n, d in pairs):
        return None
    exact = [p for p in pairs if p[1].code in rule.denominators]
    if exact:
        return ("claim" if rate.qualifier else "differs"), _preferred_pair(exact, rate.source)
    if pairs and all(_below(100 * n.value / d.value, rate) for n, d in pairs):
        return "below", _preferred_pair(pairs, rate.source)
    return None


def _check_rate(rule: RateRule, dim: DimKey, rate: Indicator, facts: Facts,
                rules: CheckRules) -> Check | None:
    if any(agrees(100 * n.value / d.value, rate.value, rate.qualifier)
           for n, d in _rate_pairs(rule, dim, rate, facts)):
        return None
    finding = _rate_finding(rule, rate, _rate_pairs(rule, dim, rate, facts, tied=True))
    if finding is None:
        return None
    kind, (num, den) = finding
    computed = 100 * num.value / den.value
    m = rules.messages
    template = {"claim": m.rate_claim, "differs": m.rate_differs, "below": m.rate_below_bound}[kind]
    message = template.format(
        where=where(dim, rules), rate_name=rules.name(rule.rate),
        qualifier=rules.qualifiers.get(rate.qualifier or "", ""), stated=fmt(rate.value),
        numerator_name=rules.name(num.code), denominator_name=rules.name(den.code),
        numerator=fmt(num.value), denominator=fmt(den.value),
        computed=computed_fmt(computed, rate.value))
    rule_id = "rate-claim" if kind == "claim" else "rate-mismatch"
    return make_check(rule_id, _rate_severity(rule, kind, computed, rate), message, [rate, num, den])


def _rate_severity(rule: RateRule, kind: str, computed: float, rate: Indicator) -> str:
    """A rate off by no more than one unit of its last written digit is shown as information:
    reports round the last of several rates so that they total 100 % ("trước hạn 48,2%; đúng
    hạn 51,2%; quá hạn 0,6%" with 99.558 of 206.885 = 48,12 %). Not when the counts say all or
    none (1221 of 1221 on time stated as 99,9 %): that hides a dossier, not a rounding."""
    near = abs(computed - rate.value) <= 10 ** -decimals_of(rate.value) + EPS
    if kind == "differs" and near and EPS < computed < 100 - EPS:
        return "info"
    return rule.severity


def check_rates(facts: Facts, rules: CheckRules, checked_rows: set[str]) -> list[Check]:
    """Stated rates against their counts; rates from form rows already checked
    against their own count rows (``checked_rows``) are not reported twice."""
    out = []
    for rule in rules.rates:
        for dim in facts.dims([rule.rate]):
            for rate in facts.all(rule.rate, dim):
                if rate.source == "table" and rate.table in checked_rows:
                    continue
                check = _check_rate(rule, dim, rate, facts, rules)
                if check:
                    out.append(check)
    return out


# ---------------------------------------------------------------- breakdowns
def _fields_hold(total: float, fields_sum: float, complete: bool) -> bool:
    """Per-field figures agree with their total: never above it; when every field of the report
    states the measure, equal to it, or short of it by more than a slip (the report lists
    only its main fields: "một số lĩnh vực chủ yếu")."""
    if fields_sum > total + EPS:
        return False
    return not complete or abs(fields_sum - total) <= EPS or total - fields_sum > LISTED_SHORT * total


def _breakdown_item(code: str, key: str, label: str, fields: list[str], facts: Facts,
                    rules: CheckRules) -> tuple[str, list[Indicator], bool] | None:
    """The mismatch of one code's per-field values with its total: (text, inputs, exceeds)."""
    totals = facts.exact(code)
    given = [(f, facts.exact(code, ((key, f),))) for f in fields]
    given = [(f, v) for f, v in given if v]
    if not totals or not given:
        return None
    complete = len(given) == len(fields)
    options = [totals] + [v for _, v in given]
    combos = combinations(options)
    if not combos or any(_fields_hold(c[0].value, sum(i.value for i in c[1:]), complete) for c in combos):
        return None
    pick = preferred(options)
    s = sum(i.value for i in pick[1:])
    parts = " + ".join(f"{f} {fmt(i.value)}" for (f, _), i in zip(given, pick[1:]))
    text = rules.messages.breakdown_item.format(name=rules.name(code), label=label, parts=parts,
                                                sum=fmt(s), total=fmt(pick[0].value))
    return text, list(pick), s > pick[0].value + EPS


def check_breakdowns(facts: Facts, rules: CheckRules) -> list[Check]:
    """Per-field figures against the unit's totals: one check per breakdown, listing
    every measure whose fields do not add up (they usually share one cause)."""
    out = []
    for bd in rules.breakdowns:
        fields = facts.field_values(bd.dimension, bd.codes)
        items = [it for code in bd.codes
                 if (it := _breakdown_item(code, bd.dimension, bd.label, fields, facts, rules))]
        if items:
            severity = "error" if any(exceeds for _, _, exceeds in items) else "warning"
            out.append(make_check("breakdown-sum", severity, "; ".join(t for t, _, _ in items),
                                  [i for _, inds, _ in items for i in inds]))
    return out


# ---------------------------------------------------------------- same measure twice
def _form_of(ind: Indicator) -> str:
    return ind.table.split("/")[0] if ind.table else ""


def _alternate_texts(code: str, dim: DimKey, facts: Facts, rules: CheckRules) -> list[Indicator]:
    """The text's values of the codes reports write for ``code`` ("tổng số hồ sơ tiếp nhận" with or
    without the carried-over ones; "đúng hạn" with or without the early ones)."""
    others = {c for group in rules.alternates if code in group for c in group} - {code}
    return [i for c in sorted(others) for i in facts.all(c, dim) if i.source == "text"]


def _contradicting_rows(facts: Facts, rules: CheckRules) -> dict[str, list[tuple[Indicator, list[Indicator]]]]:
    """Per form, each table value that no text value of the same measure and dimension states
    (a value many times apart from the text's is of another scope and left out; one the text
    states under an alternate code is the same statement)."""
    groups: dict[str, list[tuple[Indicator, list[Indicator]]]] = defaultdict(list)
    for code, dim in facts.keys():
        values = facts.all(code, dim)
        texts = [i for i in values if i.source == "text"]
        agreeing = texts + _alternate_texts(code, dim, facts, rules)
        for tab in (i for i in values if i.source == "table"):
            if texts and not any(same_statement(tab, t) or _scopes_apart(tab.value, t.value) for t in agreeing):
                groups[_form_of(tab)].append((tab, texts))
    return groups


def _text_vs_table_item(tab: Indicator, texts: list[Indicator], rules: CheckRules) -> str:
    m = rules.messages
    row = tab.table.split("/", 1)[1] if tab.table else None
    return m.text_vs_table_item.format(
        where=(m.table_row.format(row=row) if row else "") + where(dim_key(tab.dimension), rules),
        name=rules.name(tab.code), table_value=fmt(tab.value),
        text_values=", ".join(stated(t, rules) for t in texts))


def check_text_vs_table(facts: Facts, rules: CheckRules) -> list[Check]:
    """A form row that contradicts the text: one check per form, listing the rows."""
    out = []
    m = rules.messages
    for form, pairs in _contradicting_rows(facts, rules).items():
        items = [_text_vs_table_item(tab, texts, rules) for tab, texts in pairs]
        table = m.table_of_form.format(form=form) if form else m.table_unnamed
        inds = [i for tab, texts in pairs for i in (tab, *texts)]
        out.append(make_check("text-vs-table", "warning",
                              m.text_vs_table.format(table=table, items="; ".join(items)), inds))
    return out


def check_text_conflicts(facts: Facts, rules: CheckRules) -> list[Check]:
    """One measure given two different values in the text: shown to the officer as
    information, since a sentence may speak of another scope than the extractor saw.
    More values than two are a measure reported per year or per group (a multi-year
    review), not a slip, and stay silent."""
    out = []
    for code, dim in facts.keys():
        texts = [i for i in facts.all(code, dim) if i.source == "text"]
        differ = any(not same_statement(a, b) for k, a in enumerate(texts) for b in texts[k + 1:])
        if differ and len(texts) <= MAX_CONFLICTING:
            message = rules.messages.text_conflict.format(
                where=where(dim, rules), name=rules.name(code),
                values=", ".join(stated(t, rules) for t in texts))
            out.append(make_check("text-conflict", "info", message, texts))
    return out


def check_percent_indicators(facts: Facts, rules: CheckRules, flagged_rows: set[str]) -> list[Check]:
    """A rate above 100 % (rows already flagged in their form are not repeated)."""
    out = []
    for code, dim in facts.keys():
        for ind in facts.all(code, dim):
            if catalogue.is_rate(code) and ind.value > 100 and not (ind.table and ind.table in flagged_rows):
                message = rules.messages.percent_over_100.format(
                    where=where(dim, rules), name=rules.name(code), value=fmt(ind.value))
                out.append(make_check("percent-over-100", "warning", message, [ind]))
    return out

