"""Whose figure is it, and of which period: the scope of a figure of the running text.

A report states its own figures beside those of wider bodies ("toàn huyện" in a
commune's report), of its parts ("các sở, ngành" and "cấp xã" in a province's
report, one pilot model), of other periods ("so với cùng kỳ năm 2023 (tiếp nhận 913
hồ sơ)") and changes ("tăng 112 hồ sơ"). Only the body's own figures are plain
indicators; a part's keeps ``dimension.scope``; the rest are no indicators. The
markers are data (``patterns/scope.yaml``); the marker nearest before a figure in its
sentence decides, by its kind and level against the reporting body's level.
"""
from __future__ import annotations

from dataclasses import dataclass
from typing import Literal

import regex
from pydantic import ConfigDict

from .. import levels as _levels
from .. import patterns

MarkerKind = Literal["tiers", "tier", "territory", "units", "departments", "government", "agency", "pilot", "subunit",
                     "category"]
Verdict = Literal["own", "part", "other"]
SAME_PERIOD_DAYS = 31  # bounds this close are one period written two ways (Nghị định 09's 15th, the calendar's 1st)


class Marker(patterns.Schema):
    model_config = ConfigDict(extra="forbid")

    kind: MarkerKind
    pattern: str


class ScopeSpec(patterns.Schema):
    model_config = ConfigDict(extra="forbid")

    tier_ranks: dict[str, int]
    more_levels: dict[str, str]
    markers: list[Marker]
    document_issuer: str
    continuations: str
    openers: str
    named_unit: str
    other_periods: list[str]
    changes: str
    period_opener: str | None = None
    part_sections: str | None = None
    cumulative: str | None = None
    own_period: str | None = None


@dataclass
class CompiledScope:
    levels: dict[str, int]
    markers: regex.Pattern  # one alternation, a named group per marker
    kinds: list[MarkerKind]
    issuer_before: regex.Pattern
    continuations: regex.Pattern
    openers: regex.Pattern
    named_unit: regex.Pattern
    other_periods: regex.Pattern
    changes: regex.Pattern
    period_opener: regex.Pattern | None = None
    part_sections: regex.Pattern | None = None
    cumulative: regex.Pattern | None = None
    own_period: regex.Pattern | None = None


_source = patterns.spaced


@patterns.memoised
def compiled() -> CompiledScope:
    spec = patterns.load("scope.yaml", ScopeSpec)
    ranks = {w: spec.tier_ranks[t] for w, t in {**_levels.tiers(), **spec.more_levels}.items() if t in spec.tier_ranks}
    level = "(?P<level{n}>" + _source(patterns.alternation(ranks).replace("\\ ", " ")) + ")"
    parts = []
    for n, m in enumerate(spec.markers):
        body = _source(m.pattern).replace("{level}", level.format(n=n)).replace("(?P<level>", f"(?P<level{n}>")
        parts.append(f"(?P<m{n}>{body})")
    words = r"(?<![\p{L}\p{N}])(?:" + "|".join(parts) + r")(?![\p{L}\p{N}])"
    periods = "|".join(f"(?:{_source(p)})" for p in spec.other_periods)
    return CompiledScope({k.casefold(): v for k, v in ranks.items()}, regex.compile(words, regex.I),
                         [m.kind for m in spec.markers],
                         regex.compile(r"(?<![\p{L}])" + _source(spec.document_issuer) + r"\s+$", regex.I),
                         regex.compile(r"\s*(?:" + _source(spec.continuations) + ")", regex.I),
                         regex.compile(r"[\s\-+•*]*(?:" + _source(spec.openers) + r")\s+", regex.I),
                         regex.compile(r"(?<![\p{L}])" + _source(spec.named_unit).replace("{level}", level.format(n="")),
                                       regex.I),
                         regex.compile(r"(?<![\p{L}])(?:" + periods + r")(?![\p{L}])", regex.I),
                         regex.compile(r"(?<![\p{L}])" + _source(spec.changes), regex.I),
                         _optional(spec.period_opener), _optional(spec.part_sections),
                         _optional(_whole_words(spec.cumulative)), _optional(_whole_words(spec.own_period)))


def _whole_words(p: str | None) -> str | None:
    return None if p is None else r"(?<![\p{L}])(?:" + p + r")(?![\p{L}])"


def _optional(p: str | None) -> regex.Pattern | None:
    return regex.compile(_source(p), regex.I) if p else None


def body_level(level: str | None) -> int | None:
    """The tier of the reporting body from its issuer level (contract's ``issuer.level``)."""
    if not level:
        return None
    return compiled().levels.get(level.casefold())


def _unleveled(kind: MarkerKind, body: int | None) -> Verdict | None:
    """Verdicts that do not depend on the marker's level."""
    if kind == "tiers":
        return "own"
    if kind in ("pilot", "subunit"):
        return "part"
    if body is None:
        return "part" if kind in ("tier", "units") else "own"
    if kind == "departments":
        return "part" if body >= 3 else "other"
    return "other" if kind == "agency" else None


def _leveled(kind: MarkerKind, marker: int, body: int) -> Verdict:
    """A marker of tier ``marker`` in the report of a body of tier ``body``."""
    if marker > body:
        return "other"
    if kind == "territory":
        return "own"
    if kind == "government":
        return "own" if marker == body else "other"
    if kind == "tier":
        return "own" if body == 1 and marker == 1 else "part"
    return "part" if marker < body else "other"  # units: "các xã" of a district; other communes for a commune


def _verdict(kind: MarkerKind, marker: int | None, body: int | None) -> Verdict:
    """What a marker before a figure makes of it, for a body of tier ``body`` (None: unknown)."""
    fixed = _unleveled(kind, body)
    return fixed if fixed is not None or body is None else _leveled(kind, marker or 0, body)


@dataclass(frozen=True)
class Scope:
    verdict: Verdict
    name: str | None = None  # the part as written ("các sở, ngành", "cấp xã")


def _last_marker(before: str, cs: CompiledScope) -> regex.Match | None:
    last = None
    for m in cs.markers.finditer(before):
        if cs.kinds[_index(m)] == "government" and cs.issuer_before.search(before, 0, m.start()):
            continue  # "Kế hoạch số 385/KH-UBND của UBND thành phố": the document's issuer
        if cs.kinds[_index(m)] == "category":
            continue  # "cán bộ, công chức cấp xã": a kind of staff, not the communes' tier
        last = m
    return last


def _index(m: regex.Match) -> int:
    return next(int(k[1:]) for k, v in m.groupdict().items() if v is not None and k.startswith("m"))


_AFTER_KINDS = ("tier", "units", "departments")
_CLAUSE_MARK = regex.compile(r"[,;:().!?\n]")
_AFTER_WORDS = 4  # the figure's noun ("dịch vụ công", "biên chế"), not a phrase after it ("... cho 18 huyện")


def _part_after(after: str, cs: CompiledScope) -> regex.Match | None:
    """A tier named right after a figure's noun: "(gồm 3.585 biên chế cấp tỉnh, 6.233 ... cấp xã)", "788 dịch vụ
    công cấp tỉnh, 1.068 dịch vụ công cấp huyện". The first marker counts when no clause mark and at most
    ``_AFTER_WORDS`` words come before it: it is looked for at those positions only (the leftmost there is the
    search's; one further on would be refused)."""
    cut = _CLAUSE_MARK.search(after)
    for q in range((cut.start() if cut else len(after)) + 1):
        if len(after[:q].split()) > _AFTER_WORDS:
            break
        m = cs.markers.match(after, q)
        if m is not None:
            return m if cs.kinds[_index(m)] in _AFTER_KINDS else None
    return None


_RANK = {"own": 0, "part": 1, "other": 2}
_OPENING_KINDS = ("tier", "units", "departments", "pilot", "subunit")


def _opening_marker(before: str, cs: CompiledScope) -> regex.Match | None:
    """A part named where the sentence opens ("Với cấp xã, toàn tỉnh quý I tiếp nhận 264.610 hồ sơ", "Đối với 02
    dịch vụ công liên thông ...: Trong tháng, toàn tỉnh phát sinh ..."): it governs the figures after it, even
    past a later marker of the whole body ("toàn tỉnh" there counts over that part only)."""
    o = cs.openers.match(before)
    m = cs.markers.match(before, o.end()) if o else None
    return m if m and cs.kinds[_index(m)] in _OPENING_KINDS else None


def _marker_scope(m: regex.Match, cs: CompiledScope, body: int | None) -> Scope:
    n = _index(m)
    level = m.group(f"level{n}") if f"level{n}" in m.groupdict() else None
    verdict = _verdict(cs.kinds[n], cs.levels.get(" ".join(level.split()).casefold()) if level else None, body)
    return Scope(verdict, " ".join(m.group(0).split()) if verdict == "part" else None)


def _with_opening(m: regex.Match, found: Scope, opening: str, cs: CompiledScope, body: int | None) -> Scope:
    """The scope ``found`` from the marker ``m`` nearest the figure, unless a part named where the sentence opens
    makes it less the body's own."""
    first = _opening_marker(opening, cs)
    if first is None or first.start() == m.start():
        return found
    opened = _marker_scope(first, cs, body)
    return opened if _RANK[opened.verdict] > _RANK[found.verdict] else found


def _named_unit(before: str, sentence: str, cs: CompiledScope, body: int | None) -> tuple[int, Scope] | None:
    """A unit named right before the figure when its sentence names two or more units of that tier ("Huyện Lập
    Thạch ... đứng vị trí thứ nhất với tỷ lệ chậm, quá hạn 0,33%; huyện Sông Lô và huyện Tam Dương ..."): units
    compared, the figure is that unit's, not the body's own (its position, and its verdict as "các huyện")."""
    found = list(cs.named_unit.finditer(before))
    if not found:
        return None
    last = found[-1]
    tier = cs.levels.get(" ".join(last.group("level").split()).casefold())
    names = {" ".join(m.group("name").split()).casefold() for m in cs.named_unit.finditer(sentence or before)
             if cs.levels.get(" ".join(m.group("level").split()).casefold()) == tier}
    if len({n for n in names if not any(o != n and o.startswith(n + " ") for o in names)}) < 2:
        return None  # "Quy Nhơn" and "Quy Nhơn Tây" may be one unit, a name cut short or run on
    verdict = _verdict("units", tier, body)
    return last.start(), Scope(verdict, " ".join(last.group(0).split()) if verdict == "part" else None)


def _governing(before: str, pattern: regex.Pattern, clauses: bool) -> regex.Match | None:
    """The last match of a marker of another span (``pattern``) in the sentence before a figure, when it governs
    the figure. In a running text's sentence (``clauses``) it governs the figure in its own clause; after a ";"
    the sentence goes on with the report's items again ("…; cùng kỳ năm 2023 tiếp nhận 350 hồ sơ; … hiện có 20
    người"), unless the marker opens a list (":" before that ";": "So với cùng kỳ năm 2023: …; …")."""
    last = None
    for last in pattern.finditer(before):
        pass
    if last is None or not clauses:
        return last
    rest = before[last.end():]
    cut = rest.find(";")
    return last if cut < 0 or ":" in rest[:cut] else None


def _other_period_before(before: str, cs, clauses: bool) -> bool:
    """A marker of another period ("cùng kỳ năm 2023 …") governing the figure (see ``_governing``)."""
    return _governing(before, cs.other_periods, clauses) is not None


def cumulative_flow(before: str, period, dated=None, previous: str = "") -> bool:
    """A cumulative marker ("lũy kế từ đầu năm đến nay, …", "Lũy kế 10 tháng năm 2024, …", scope.yaml
    ``cumulative``) governs the figure's clause (``before``: its sentence before it) and its span is not the
    report's ``period``: a flow counted over it is no figure of the report (a stock stated under it is). The span
    is the one it names, else from the year's start to the report's end (a monthly report's October against
    "lũy kế từ đầu năm"; in a half-year's or a year's report the same span, its own). A sentence that goes on with
    the one before it (``previous``, of its paragraph: "Trong đó, giải quyết trước hạn 3.702 hồ sơ") without a
    phrase of its own before a comma ("Trong tháng, đã …") counts over that one's span."""
    cs = compiled()
    if cs.cumulative is None or period is None or period.start is None or period.end is None:
        return False
    m = _governing(before, cs.cumulative, True)
    if m is not None:  # "…, riêng trong tháng tiếp nhận 395 hồ sơ": the report's period again
        return not (cs.own_period and cs.own_period.search(before, m.end())) and _other_span(m, period, dated)
    going_on = cs.continuations.match(before) if previous else None
    return going_on is not None and "," not in going_on.group(0) and cumulative_flow(previous, period, dated)


def _other_span(m: regex.Match, period, dated=None) -> bool:
    """The span of a cumulative marker ``m`` is not the report's ``period`` (see ``cumulative_flow``)."""
    if m.group("span"):
        p = _period_named(m.group("span"), dated or period.end)
        if p.start is not None and p.end is not None:
            return _differs(p, period)
    return abs((period.start - period.end.replace(month=1, day=1)).days) > SAME_PERIOD_DAYS


def scope_of(sentence_before: str, left: str, body: int | None, after: str = "", previous: str = "",
             opening: str | None = None, sentence: str = "", clauses: bool = False) -> Scope:
    """The scope of a figure from its sentence before it, the words right before it and, for an item
    of a breakdown, the words right after it (``after``, up to the end of its clause); a sentence that
    goes on with the one before it (``previous``, of the same paragraph) without a marker of its own
    has that one's scope. ``opening``: the sentence before the figure as written, when
    ``sentence_before`` has words blanked (the other items of its breakdown); it tells whether the
    sentence goes on with the one before. ``sentence``: the whole sentence (the units it names).
    ``clauses``: a running text's sentence, whose ";" clauses a marker of another period does not cross."""
    cs = compiled()
    if cs.changes.search(left) or _other_period_before(sentence_before, cs, clauses):
        return Scope("other")
    m = _part_after(after, cs) or _last_marker(sentence_before, cs)
    named = _named_unit(sentence_before, sentence, cs, body)
    if m is None and named is not None:
        return named[1]
    if m is None:
        if previous and cs.continuations.match(sentence_before if opening is None else opening):
            return scope_of(previous, "", body)
        return Scope("own")
    found = named[1] if named is not None and m.string is sentence_before and named[0] > m.start() else None
    return _with_opening(m, found or _marker_scope(m, cs, body), sentence_before if opening is None else opening,
                         cs, body)


PeriodVerdict = Literal["own", "sub", "other"]


def opening_period(sentence: str, period, dated=None) -> PeriodVerdict:
    """Of which period a sentence speaks when it opens on a period phrase ("Quý III/2021, …", "Từ ngày 1/9 đến
    30/9/2024, …"), against the report's ``period`` (a ``models.Period``): "other" when that period is not the
    report's nor inside it (its figures, and those of the sentences after it in its paragraph, are no indicators),
    "sub" when it lies inside the report's (a month of a quarter: its flows are no totals of the report, a stock
    stated under it is), "own" otherwise. A year holding the report's period is its own ("Năm 2025, UBND xã ban hành
    kế hoạch với 30 nhiệm vụ" in a quarter's report)."""
    cs = compiled()
    m = cs.period_opener.match(sentence) if cs.period_opener and period is not None and period.kind else None
    if not m:
        return "own"
    p = _period_named(m.group("period"), dated)
    if p.kind is None or p.year is None or (p.kind == "Y" and p.year == period.year) or not _differs(p, period):
        return "own"
    return "sub" if _inside(p, period) or _up_to(p, period) else "other"


LATER_DAYS = 28  # a period that starts and ends at least this much after another comes after it


def _period_named(text: str, dated=None):
    """The period a phrase or a title names, read as the metadata reads a report's title."""
    from ..models import ReportMeta  # imported only when a period is read, not at every figure
    from .metadata.period import read_period

    return read_period("", 0, ReportMeta(title=text), 0, dated=dated)


def _title_period(title: str, cache: dict | None):
    key = ("title_period", title)
    if cache is None or key not in cache:
        found = _period_named(title)
        if cache is None:
            return found
        cache[key] = found
    return cache[key]


def names_later_period(title: str, period, cache: dict | None = None) -> bool:
    """A section's title names a period after the report's ("NHIỆM VỤ TRỌNG TÂM THÁNG 11 NĂM 2024" in
    October's report, "KẾ HOẠCH THỰC HIỆN 6 THÁNG CUỐI NĂM 2020" in the first half's): its figures are plans.
    ``cache``: a document's cache, so each title is read once."""
    if period is None or period.start is None or period.end is None:
        return False
    p = _title_period(title, cache)
    return p.start is not None and p.end is not None and (p.start - period.start).days >= LATER_DAYS \
        and (p.end - period.end).days >= LATER_DAYS


def _differs(p, period) -> bool:
    """Two periods differ when their bounds are more than a month apart at either end (a convention's 15th and a
    calendar's 1st are the same quarter), or, without bounds, when their kinds or years differ."""
    if None not in (p.start, p.end, period.start, period.end):
        return max(abs((p.start - period.start).days), abs((p.end - period.end).days)) > SAME_PERIOD_DAYS
    return p.kind != period.kind or (period.year is not None and p.year != period.year)


def _up_to(p, period) -> bool:
    """``p`` runs from the year's start up to the report's end, which starts later ("Từ ngày 01/01/2024 đến ngày
    31/10/2024, …" in October's report): a cumulative span, its flows are not the report's, its stocks (at the same
    date) are. (A quarter in its last month's bulletin is another period.)"""
    if None in (p.start, p.end, period.start, period.end):
        return False
    year_start = period.end.replace(month=1, day=1)
    return abs((p.start - year_start).days) <= SAME_PERIOD_DAYS < (period.start - year_start).days \
        and abs((p.end - period.end).days) <= SAME_PERIOD_DAYS


def _inside(p, period) -> bool:
    """``p`` lies within the report's ``period`` (with a month's slack at either end)."""
    if None in (p.start, p.end, period.start, period.end):
        return False
    return (p.start - period.start).days >= -SAME_PERIOD_DAYS and (period.end - p.end).days >= -SAME_PERIOD_DAYS


def section_part(titles: list[str], body: int | None) -> Scope | None:
    """A part named where a section's title opens ("5. Mô hình "Hồ sơ phi địa giới hành chính" đối với …"): the
    figures of the section with no marker of their own are that part's (a pilot's rate, not the body's)."""
    cs = compiled()
    if cs.part_sections is None:
        return None
    for title in titles:
        o = cs.part_sections.match(title)
        m = cs.markers.match(title, o.end()) if o else None
        if m and cs.kinds[_index(m)] in _OPENING_KINDS:
            return _marker_scope(m, cs, body)
    return None

