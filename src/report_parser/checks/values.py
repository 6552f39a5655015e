"""Stated values and how to compare them: precision, rounding-aware agreement,
number formatting for messages, and the index of indicators by code and dimension.

A report writes "85 %" for 24/28 = 85,71 %: officers truncate as often as they
round, so a stated value agrees with a computed one when the computed value
rounds *or* truncates to it at the precision the value is written with.
"""
from __future__ import annotations

import itertools
import math
from collections import Counter, defaultdict
from collections.abc import Iterable, Sequence
from decimal import ROUND_DOWN, ROUND_HALF_UP, Decimal

import regex

from ..models import Check, Figure, FormRow, Indicator

DimKey = tuple[tuple[str, str], ...]
NO_DIM: DimKey = ()
MAX_COMBINATIONS = 512  # beyond this a relation over conflicting values is left silent
BARE_RUN = 6  # this many numbers without a unit in one sentence are a table flattened into text


def decimals_of(value: float | int) -> int:
    """Digits after the decimal point as written (99.9 -> 1, 85 -> 0, 85.0 -> 0)."""
    if float(value).is_integer():
        return 0
    text = repr(float(value))
    return len(text.split(".")[1]) if "." in text and "e" not in text else 6


def _dec(value: float | int) -> Decimal:
    return Decimal(repr(value)) if isinstance(value, float) else Decimal(value)


def agrees(computed: float, stated: float | int, qualifier: str | None = None) -> bool:
    """True when ``stated`` (with its qualifier) is a fair statement of ``computed``."""
    quantum = Decimal(1).scaleb(-decimals_of(stated))
    c, s = _dec(computed), _dec(stated).quantize(quantum)
    if s in (c.quantize(quantum, ROUND_HALF_UP), c.quantize(quantum, ROUND_DOWN)):
        return True
    if qualifier in (">", ">="):
        return c >= s
    if qualifier in ("<", "<="):
        return c <= s
    if qualifier == "≈":
        return abs(c - s) <= max(quantum, abs(s) * Decimal("0.05"))
    return False


def same_statement(a: Indicator, b: Indicator) -> bool:
    """Two stated values of one measure that can both be true (each at its own precision)."""
    return agrees(a.value, b.value, b.qualifier) or agrees(b.value, a.value, a.qualifier)


def fmt(value: float | int, decimals: int | None = None) -> str:
    """A number as the scorer and an officer read it: 1224, 99,9, 44,04."""
    if decimals is None:
        decimals = min(decimals_of(value), 2)
    text = str(_dec(value).quantize(Decimal(1).scaleb(-decimals), ROUND_HALF_UP))
    return text.replace(".", ",")


def computed_fmt(computed: float, stated: float | int) -> str:
    """A computed rate one digit finer than the stated one, so the gap is visible
    (trailing zeros dropped: 1221/1221 is "100", not "100,00")."""
    text = fmt(computed, decimals_of(stated) + 1)
    return text.rstrip("0").rstrip(",") if "," in text else text


def dim_key(dimension: dict[str, str]) -> DimKey:
    return tuple(sorted(dimension.items()))


def ind_ids(ind: Indicator) -> list[str]:
    """How a check names an indicator: its code, and its form row when it came from one."""
    return [ind.code] + ([f"table:{ind.table}"] if ind.table else [])


def ind_evidence(ind: Indicator) -> str | None:
    where = f"Biểu mẫu {ind.table.replace('/', ', dòng ')}" if ind.table else None
    page = f"tr. {ind.page}" if ind.page else None
    head = ", ".join(x for x in (where, page) if x)
    body = ind.evidence or (f"{ind.code} = {fmt(ind.value)}" if where else None)
    if body is None:
        return None
    return f"({head}) {body}" if head else body


def row_evidence(form: str | None, row: FormRow) -> str:
    page = f", tr. {row.page}" if row.page else ""
    value = row.raw if row.raw is not None else "(trống)"
    unit = f" {row.unit}" if row.unit else ""
    return f"(Biểu mẫu {form}, dòng {row.code}{page}) {row.label}: {value}{unit}"


def as_checks_read_them(indicators: Iterable[Indicator], figures: Iterable[Figure],
                        averaged: regex.Pattern | None = None) -> list[Indicator]:
    """The indicators as the checks read them: those they may not take as exact marked approximate ("≈"), those
    that are no figures of the totals left out. A figure
    written in thousands or more is a rounded statement ("4,52 ngàn HS đúng hạn" of 4.561 resolved
    with 12 late is no contradiction); a bare number in a run of bare numbers is a flattened
    table's cell, whose column its sentence does not name ("... xử lý phản ánh, kiến nghị 100 6 464
    ... theo phân loại 0 0 630 ...", a score sheet read as text). A percent that ``averaged``
    finds in its clause before it is a mean of units' rates ("Tỷ lệ hồ sơ trực tuyến trung bình
    đạt 18,9%"), no ratio of the totals nor a claim about them: the checks leave it out."""
    figures = list(figures)
    bare = Counter(f.sentence for f in figures if f.unit is None)
    loose = {(f.start, f.end) for f in figures
             if f.scale or (f.unit is None and bare[f.sentence] >= BARE_RUN)}
    means = {(f.start, f.end) for f in figures if _averaged(f, averaged)}
    return [i.model_copy(update={"qualifier": "≈"})
            if i.source == "text" and i.qualifier is None and (i.start, i.end) in loose else i
            for i in indicators if i.source != "text" or (i.start, i.end) not in means]


def _averaged(f: Figure, averaged: regex.Pattern | None) -> bool:
    """Whether a percent's own clause (its sentence up to it, from the last "," or ";") calls it an average."""
    if averaged is None or f.kind != "percent" or not f.sentence or f.text not in f.sentence:
        return False
    before = f.sentence[:f.sentence.index(f.text)]
    clause = before[max(before.rfind(","), before.rfind(";")) + 1:]
    return bool(averaged.search(clause))


class Facts:
    """The report's indicators indexed by (code, dimension)."""

    def __init__(self, indicators: Iterable[Indicator]):
        self._by: dict[tuple[str, DimKey], list[Indicator]] = defaultdict(list)
        for ind in indicators:
            self._by[(ind.code, dim_key(ind.dimension))].append(ind)

    def all(self, code: str, dim: DimKey = NO_DIM) -> list[Indicator]:
        """Every stated value, text before table, one per distinct (value, qualifier, source)."""
        seen, out = set(), []
        for ind in sorted(self._by.get((code, dim), []), key=lambda i: i.source != "text"):
            key = (float(ind.value), ind.qualifier, ind.source)
            if key not in seen:
                seen.add(key)
                out.append(ind)
        return out

    def keys(self) -> list[tuple[str, DimKey]]:
        """Every (code, dimension) stated, in report order."""
        return list(self._by)

    def exact(self, code: str, dim: DimKey = NO_DIM, source: str = "text") -> list[Indicator]:
        """Stated values usable in arithmetic (no qualifier, one per distinct value), from
        ``source`` when it states the measure, else from the other source. A form row
        that contradicts the text is the text-vs-table rule's finding, not every relation's."""
        usable = [i for i in self.all(code, dim) if i.qualifier is None]
        own = [i for i in usable if i.source == source] or usable
        seen, out = set(), []
        for ind in own:
            if float(ind.value) not in seen:
                seen.add(float(ind.value))
                out.append(ind)
        return out

    def dims(self, codes: Sequence[str]) -> list[DimKey]:
        """Every dimension under which one of ``codes`` is stated, the whole unit first."""
        found = {dim for (code, dim) in self._by if code in codes}
        return sorted(found, key=lambda d: (len(d), d))

    def field_values(self, dimension: str, codes: Sequence[str]) -> list[str]:
        """Values of a single-key dimension (e.g. every 'lĩnh vực') among ``codes``, in report order."""
        out: list[str] = []
        for (code, dim) in self._by:
            if code in codes and len(dim) == 1 and dim[0][0] == dimension and dim[0][1] not in out:
                out.append(dim[0][1])
        return out


def combinations(options: Sequence[Sequence[Indicator]]) -> list[tuple[Indicator, ...]]:
    """Every choice of one stated value per input, the text-first choice first; none
    when the inputs conflict so much that the choices cannot all be tried."""
    if math.prod(len(o) for o in options) > MAX_COMBINATIONS:
        return []
    return list(itertools.product(*options))


def preferred(options: Sequence[Sequence[Indicator]], source: str = "text") -> tuple[Indicator, ...]:
    """The choice to report: values from ``source`` where there are any."""
    return tuple(next((i for i in opt if i.source == source), opt[0]) for opt in options)


def make_check(rule: str, severity: str, message: str, inds: Iterable[Indicator] = (),
               extra_ids: Iterable[str] = (), evidence: Iterable[str] = (),
               pages: Iterable[int] = (), references: Iterable[str] = ()) -> Check:
    """A check naming every indicator and row involved, with their evidence and pages."""
    inds = list(inds)
    ids = list(dict.fromkeys([x for i in inds for x in ind_ids(i)] + list(extra_ids)))
    ev = [e for e in (ind_evidence(i) for i in inds) if e] + list(evidence)
    pg = sorted({i.page for i in inds if i.page} | set(pages))
    message = message[:1].upper() + message[1:]
    return Check(rule=rule, severity=severity, message=message, indicators=ids,
                 references=list(references), evidence=list(dict.fromkeys(ev)), pages=pg)
