"""Catalogue indicators: the figures of the running text that state a catalogue
measure for the reporting commune, plus the appendix rows (``table_indicators``).

The phrasings are data (``patterns/indicators.yaml``, compiled by
:mod:`.indicator_rules`); this module cuts a paragraph into clauses
(:mod:`.clauses`) and asks the rules, in order, which code a figure states. Clauses matter because one sentence usually carries a whole breakdown:
"đã tiếp nhận 1224 hồ sơ. Trong đó: 539 hồ sơ tiếp nhận online, 676 hồ sơ tiếp
nhận trực tiếp ..." — each figure must be read with its own words, and with the
clause it breaks down. Targets (plans, "phấn đấu"), other bodies' figures and
the appendix never become text indicators.

A figure is read with the words nearest to it: its clause up to the next figure,
cut where the next figure's predicate starts ("24 nhiệm vụ ... đã hoàn thành
05/24"); a weak "đạt 78%" with the figure it qualifies; office and system names
blanked. The scope (``scope.py``) decides whose figure it is. A sentence that gives
one code several values it does not tell apart is left out (precision first).
"""
from __future__ import annotations

from bisect import bisect_left
from dataclasses import dataclass, replace

import regex

from .. import catalogue, patterns
from ..models import Indicator
from . import Context, scope, table_indicators
from .clauses import Segment, Segmenter, is_weak
from .fields import canonical_field
from .figures import body_quantities
from .indicator_rules import Compiled, Rule, Unless, compiled
from .numbers import Quantity, last_unit_noun

_LETTER = regex.compile(r"\p{L}")
_WORD_NEXT = regex.compile(r"\s*\p{L}")


# --------------------------------------------------------------------------- reading one figure
@dataclass
class Reading:
    """A figure with the text it is read with."""

    q: Quantity
    local: str
    left: str  # local text before the figure
    context: str
    unit: str | None
    seg: Segment | None = None
    text: str = ""  # the document's text, for the clause the figure's clause breaks down
    wide: str = ""  # its clause from the start: a rate's words before a count ("tỷ lệ hài lòng qua 318 lượt ... đạt 99,7%")


def _unit(text: str, q: Quantity, left: str, seg: Segment) -> str | None:
    unit = q.unit
    if unit is None and not _WORD_NEXT.match(text[q.end:q.end + 3]):
        unit = last_unit_noun(left)  # "cán bộ, công chức được giao là 20," (a noun after it is no unit)
    if unit is None and seg.parent and seg.parent.figs:
        unit = seg.parent.figs[0].unit
    return unit


def _plain(text: str, cp: Compiled) -> str:
    """Office and system names blanked, one-stop places read as "một cửa"."""
    return cp.one_stop.sub(" một cửa ", cp.names.sub(" ", text))


def _coordinated(st: str, seg: Segment, cp: Compiled) -> list[tuple[int, int]]:
    """For each figure of a clause, the span of its text: from the figure before it to the figure after it,
    but cut at a coordinator right before the next figure when words follow this one ("259 hồ sơ đúng hạn
    và chỉ 8 hồ sơ quá hạn": the words between are the first figure's, the second's come after it)."""
    spans = [[0, len(st)] for _ in seg.figs]
    for i, (a, b) in enumerate(zip(seg.figs, seg.figs[1:])):
        lo, at = seg.offset(a.end), seg.offset(b.start)
        m = cp.coordinator.search(st, lo, at)
        cut = m.start() if m and _LETTER.search(st[lo:m.start()]) else None
        spans[i][1], spans[i + 1][0] = (cut, cut) if cut is not None else (at, lo)
    return [(lo, hi) for lo, hi in spans]


def _raw_readings(ctx: Context, segs: list[Segment], cp: Compiled) -> list[tuple[Reading, Segment]]:
    """Each figure with its clause text between its neighbours; office and system names
    ("Bộ phận Tiếp nhận và Trả kết quả") are blanked, their words are no actions."""
    text = ctx.text
    out = []
    plain: dict[str, str] = {}  # the figures of a clause share its context: blanked once
    for seg in segs:
        st = seg.text(text)
        parent_text = seg.parent.text(text) if seg.parent else ""
        spans = _coordinated(st, seg, cp)
        for i, q in enumerate(seg.figs):
            context = " ".join(x for x in (st, parent_text, seg.topic, ctx.sentence(q.start)) if x)
            lo, hi = spans[i]
            if i + 1 < len(seg.figs):  # "24 nhiệm vụ ... đã hoàn thành 05/24": the predicate is the next figure's
                at_end = seg.offset(q.end)
                cut = cp.predicate.search(st, at_end, hi)
                hi = cut.start() if cut else hi
            left = st[lo:seg.offset(q.start)]
            if context not in plain:
                plain[context] = _plain(context, cp)
            out.append((Reading(q, _plain(st[lo:hi], cp), left, plain[context],
                                _unit(text, q, left, seg), seg, text, _plain(st[:hi], cp)), seg))
    return out


def _restates(r: Reading, seg: Segment, ctx: Context, cp: Compiled) -> bool:
    """A count alone in a parenthesis after a clause without a number gives that clause its number."""
    return (r.q.kind == "count" and r.q.unit is not None and seg.parent is not None and not seg.parent.figs
            and is_weak(r.local.strip(" ()"), ctx.text[r.q.start:r.q.end], cp))


def _qualified(out: list[Reading], r: Reading, text: str) -> Reading | None:
    """The figure a weak one qualifies: the last before it that is not inside a parenthesis closed
    before it ("đúng hạn 15.539 hồ sơ (trong đó ... 9 hồ sơ đang giải quyết quá hạn), đạt tỷ lệ 97,93%")."""
    for before in reversed(out):
        between = text[before.q.end:r.q.start]
        if between.count(")") <= between.count("("):
            return before
    return None


def _readings(ctx: Context, segs: list[Segment], cp: Compiled) -> list[Reading]:
    """A weak figure ("đạt 78%", "(chiếm 52,1%)") is read with the figure right before it in its
    sentence, which it qualifies, or else with the clause its own clause breaks down."""
    raw = sorted(_raw_readings(ctx, segs, cp), key=lambda rs: rs[0].q.start)
    out: list[Reading] = []
    for n, (r, seg) in enumerate(raw):
        if _restates(r, seg, ctx, cp):  # "đa số HS được tiếp nhận trực tiếp (7,7 ngàn HS)"
            before = " ".join(ctx.text[s:min(e, r.q.start)] for s, e in seg.parent.pieces if s < r.q.start)
            r = replace(r, local=_plain(before, cp) + " " + r.local)
        elif (r.q.kind == "percent" or r.q.unit is None) and is_weak(r.local, ctx.text[r.q.start:r.q.end], cp):
            before = _qualified(out, r, ctx.text)
            if before and before.q.kind == "percent":
                anchor, r = "", Reading(r.q, "", r.left, r.context, r.unit, seg, r.text)  # a share of a share
            elif before and ctx.structure.sentence_at(before.q.start) is ctx.structure.sentence_at(r.q.start):
                anchor = before.local
            else:
                anchor = _plain(seg.parent.text(ctx.text), cp) if seg.parent else ""
            r = Reading(r.q, anchor + " " + r.local, r.left, r.context, r.unit, seg, r.text, r.wide)
        out.append(r)
    return out


def _rules(r: Reading, cp: Compiled) -> list[tuple[Rule, float | int]]:
    """(rule, value) pairs a figure states: one for its value, and one for a ratio's whole. A rate
    that its own words do not name is read with its whole clause."""
    if cp.respectively.search(r.left):  # "đạt lần lượt 51,3% và 54,8%": which is which is left open
        return []
    found = _first_rules(r, cp)
    if not found and r.q.kind == "percent" and r.local and r.wide != r.local:
        found = _first_rules(replace(r, local=r.wide), cp)
    return found


def _first_rules(r: Reading, cp: Compiled) -> list[tuple[Rule, float | int]]:
    found: list[tuple[Rule, float | int]] = []
    takes = ["part", "whole"] if r.q.kind == "ratio" else ["part"]
    near = r.local + " " + (r.seg.parent.text(r.text) if r.seg and r.seg.parent else "")
    for take in takes:
        for rule in cp.admitting(take, r.q.kind, r.unit):
            if rule.words_fit(r.local, r.context, near):
                value = r.q.whole if take == "whole" else r.q.value
                found.append((rule.rule, value))  # and the measures sharing the number ("tiếp nhận và giải quyết")
                found.extend((rule.rule.model_copy(update={"code": c, "also": []}), value) for c in rule.rule.also)
                break
    return found


# --------------------------------------------------------------------------- the extractor
def _indicator(ctx: Context, code: str, value, start: int, end: int, dimension: dict[str, str],
               qualifier: str | None, cp: Compiled) -> Indicator:
    return Indicator(code=code, value=value, unit=catalogue.unit(code),
                     dimension=dict(dimension), qualifier=qualifier,
                     source="text", page=ctx.page_of(start), evidence=ctx.sentence(start),
                     start=start, end=end, section=ctx.section(start))


def _excluded_section(ctx: Context, offset: int, cp: Compiled, period=None) -> bool:
    """The appendix, and sections of plans: a title in the target words, or naming a later period."""
    return ctx.structure.in_appendix(offset) or ctx.structure.in_part_heading(offset) or any(
        _target_title(ctx, t, cp) or scope.names_later_period(t, period, ctx.cache) for t in ctx.structure.titles_at(offset))


def _target_title(ctx: Context, title: str, cp: Compiled) -> bool:
    """A section title in the target words, asked once per document (``ctx.cache``)."""
    key = ("target_title", title)
    if key not in ctx.cache:
        ctx.cache[key] = bool(cp.target_sections.search(title))
    return ctx.cache[key]


def _sentence_before(ctx: Context, offset: int) -> str:
    """The text of the figure's sentence before it (a heading joined to it by the repair is not of it)."""
    sent = ctx.structure.sentence_at(offset)
    start = max(sent.start if sent else offset, _heading_end(ctx))
    return ctx.text[min(start, offset):offset]


def _is_target(ctx: Context, offset: int, cp: Compiled) -> bool:
    return bool(cp.targets.search(_sentence_before(ctx, offset)))


def _scope(ctx: Context, offset: int, left: str, body: int | None, after: str = "",
           siblings: list[tuple[int, int]] = ()) -> scope.Scope:
    """Whose figure (the body's own, a part's, another body's or period's) from its sentence before it,
    without the other items of its breakdown (``siblings``: "trong đó ... của UBND TP có 63.273 hồ sơ, ... của
    UBND các xã có 53.110 hồ sơ; và đã giải quyết 116.008 hồ sơ" — the last is not the communes')."""
    before = _sentence_before(ctx, offset)
    start = offset - len(before)
    opening = before
    for s, e in siblings:
        if start <= s < offset:
            e = min(e, offset)
            before = before[:s - start] + " " * (e - s) + before[e - start:]
    sent = ctx.structure.sentence_at(offset)
    whole = ctx.text[start:sent.end] if sent else ""
    found = scope.scope_of(before, left, body, after, _previous_sentence(ctx, start), opening, whole, clauses=True)
    if found.verdict == "own":  # a section about a part ("5. Mô hình …") makes its plain figures the part's
        return scope.section_part(ctx.structure.titles_at(offset), body) or found
    return found


def _previous_sentence(ctx: Context, start: int) -> str:
    """The sentence before the one starting at ``start`` when both are of one paragraph, else ""."""
    gap = ctx.text[:start].rstrip(" \t")
    prev = ctx.structure.sentence_at(len(gap) - 1) if gap and gap[-1] != "\n" else None
    if prev is None:
        return ""
    begin = max(prev.start, _heading_end(ctx))  # a heading joined to the text by the repair is not of it
    if "\n" in ctx.text[begin:start].rstrip():
        return ""
    return ctx.text[begin:start]


def _siblings(segs: list[Segment]) -> dict[int, list[tuple[int, int]]]:
    """For each clause inside a breakdown, the spans of the other items of the same breakdown."""
    by_parent: dict[int, list[Segment]] = {}
    for seg in segs:
        if seg.parent is not None:
            by_parent.setdefault(id(seg.parent), []).append(seg)
    return {id(seg): [p for other in group if other is not seg for p in other.pieces]
            for group in by_parent.values() for seg in group}


def _after(ctx: Context, r: Reading) -> str:
    """The words right after a figure ("788 dịch vụ công cấp tỉnh, 1.068 dịch vụ công cấp huyện": a tier
    named there makes it a part's, see ``scope._part_after``)."""
    return ctx.text[r.q.num_end:r.q.num_end + 60]  # from the number: its noun and a category ("công chức cấp xã")


_HEADING = regex.compile(r"[ \t]*([^\n]{1,200}?[^\n.;:!?\s])[ \t]*\n(?=[ \t]*\p{Lu})")


def _heading_end(ctx: Context) -> int:
    """End, in the repaired text, of the document's first line when it is a heading joined to the text
    by the repair: no final stop, and the next line starts a sentence ("Tỷ lệ hồ sơ giải quyết đúng hạn
    đạt 99,4%" over a news text). A heading sums up; its figures are read where the text states them."""
    if "heading_end" not in ctx.cache:
        m = _HEADING.match(ctx.doc.raw_text)
        ctx.cache["heading_end"] = ctx.doc.offset_of_raw(m.end(1)) if m else 0
    return ctx.cache["heading_end"]


def _inline_field(left: str, cp: Compiled) -> str | None:
    """A field named in the clause before the figure: "tỷ lệ giải quyết đúng hạn lĩnh vực đất đai đạt 99,27%"."""
    m = cp.inline_field.search(left) if cp.inline_field else None
    return canonical_field(m.group("field")) if m else None


def _field_after(after: str, cp: Compiled) -> str | None:
    """A field named right after the figure's noun: "9.700 hồ sơ liên quan đến lĩnh vực đất đai"."""
    m = cp.field_after.match(after) if cp.field_after else None
    return canonical_field(m.group("field")) if m else None


def _field(ctx: Context, start: int, end: int, cp: Compiled) -> str | None:
    m = cp.field_line.match(ctx.text[start:end])
    return canonical_field(m.group("field")) if m else None


def _blocks(ctx: Context) -> list[tuple[int, int]]:
    """Paragraphs, with a line the text repair left broken mid-sentence ("... dịch vụ công trực" /
    "tuyến mức độ 3,4 ...") joined back to the one before, so the clause is read whole."""
    out: list[tuple[int, int]] = []
    text = ctx.text
    skip = _heading_end(ctx)
    for p in ctx.structure.paragraphs:
        start = max(p.start, skip)
        if start >= p.end:
            continue
        first = text[start:start + 1]
        if out and (first.islower() or first.isdigit()) and text[out[-1][1] - 1] not in ".;!?:":
            out[-1] = (out[-1][0], p.end)
        else:
            out.append((start, p.end))
    return out


def _dimension(field_name: str | None, where: scope.Scope) -> dict[str, str]:
    out = {"field": field_name} if field_name else {}
    if where.verdict == "part" and where.name:
        out["scope"] = where.name
    return out


def _kept(where: scope.Scope, body: int | None, parts: bool) -> bool:
    """The body's own figures; a part's only when asked for and the body is known (a part of what, otherwise?)."""
    return where.verdict == "own" or (parts and where.verdict == "part" and body is not None)


@patterns.memoised
def _item_name() -> regex.Pattern:
    """The name of an item of a breakdown, after the breakdown's opener (indicators.yaml ``openers``)."""
    openers = "|".join(f"(?:{patterns.spaced(p)})" for p in compiled().spec.openers)
    return regex.compile(r"^[\s(,;:]*(?:(?i:" + openers + r")[\s,:]*)?(?P<name>\p{Lu}[\p{L}\p{N}\s,\-]{1,120}?)[\s:]*$")


def _named_items(ctx: Context, coded: list) -> list:
    """Items of a breakdown named by a field or a service, stating their whole's measure: "Tổng số phiếu
    điều tra là 3.774 phiếu, trong đó Đăng ký kết hôn 907 phiếu, Chứng thực 1.485 phiếu" give
    ``dimension.field``."""
    codes_of: dict[int, set[str]] = {}
    for r, rule, _, _ in coded:
        codes_of.setdefault(id(r.seg), set()).add(rule.code)
    out = []
    for r, rule, value, dim in coded:
        parent = r.seg.parent if r.seg is not None else None
        if parent is not None and "field" not in dim and rule.code in codes_of.get(id(parent), ()):
            before = " ".join(ctx.text[s:min(e, r.q.start)] for s, e in r.seg.pieces if s < r.q.start)
            m = _item_name().match(before)
            if m and len(m.group("name").split()) <= 20:
                dim = {**dim, "field": canonical_field(m.group("name"))}
        out.append((r, rule, value, dim))
    return out


def _unambiguous(ctx: Context, coded: list) -> list:
    """One sentence giving one code (same dimension) several values is a list by something the
    rules do not read ("Đăng ký kết hôn hài lòng 83,13%, ... Chứng thực hài lòng 82,71%"): those
    values are left out, but for the one whose breakdown the others are ("3.774 phiếu, trong đó ...")."""
    groups: dict[tuple, list] = {}
    for item in coded:
        r, code, value, dim, _ = item
        sent = ctx.structure.sentence_at(r.q.start)
        groups.setdefault((id(sent), code, tuple(sorted(dim.items()))), []).append(item)
    drop: set[int] = set()
    for items in groups.values():
        if len({float(i[2]) for i in items}) < 2:
            continue
        heads = [i for i in items if all(j is i or float(j[2]) == float(i[2]) or _under(j[0], i[0]) for j in items)]
        drop.update(id(i) for i in items if len(heads) != 1 or i is not heads[0])
    return [i for i in coded if id(i) not in drop]


def _under(r: Reading, head: Reading) -> bool:
    return r.seg is not None and r.seg.parent is head.seg and head.seg is not None


def _part_of_stated(r: Reading, code: str, in_clause: dict[int, list[tuple[int, str]]], above: dict[int, set[str]],
                    parts_of: dict[str, list[str]]) -> bool:
    """A figure of a code that ``parts_of`` makes a part of a code stated by the figure's parent clause,
    or by an earlier figure of its own clause ("đang tiếp tục giải quyết là hơn 100 hồ sơ và chỉ có 1 hồ sơ
    quá hạn": the 1 is overdue among the pending files)."""
    if r.seg is None:
        return False
    stated = set(above.get(id(r.seg.parent), set())) if r.seg.parent else set()
    stated.update(c for start, c in in_clause.get(id(r.seg), ()) if start < r.q.start and c != code)
    return any(code in parts_of.get(c, ()) for c in stated)


def _breakdown_unless(coded: list, parts_of: dict[str, list[str]]) -> list:
    """What a figure's breakdown (after "trong đó" or in parentheses) changes. A rule's ``unless``
    within it: "tổng số hồ sơ tiếp nhận trong kỳ là 1.025 hồ sơ, trong đó kỳ trước chuyển sang 06 hồ
    sơ" is the total, as its breakdown names the carried-over part. And ``parts_of``: the parts of a
    pending count ("đang giải quyết 5.998 hồ sơ, trong đó ... đã quá hạn 1.481", or later in its own
    clause) state no late count."""
    below: dict[int, set[str]] = {}
    above: dict[int, set[str]] = {}
    in_clause: dict[int, list[tuple[int, str]]] = {}
    for r, rule, _, _ in coded:
        if r.seg is not None:
            above.setdefault(id(r.seg), set()).add(rule.code)
            in_clause.setdefault(id(r.seg), []).append((r.q.start, rule.code))
            if r.seg.parent is not None:
                below.setdefault(id(r.seg.parent), set()).add(rule.code)
    out = []
    for r, rule, value, dim in coded:
        if _part_of_stated(r, rule.code, in_clause, above, parts_of):
            continue
        u = rule.unless
        if u and u.within == "breakdown":
            code = u.code if u.present in below.get(id(r.seg), set()) else rule.code
            if code:
                out.append((r, code, value, dim, None))
        else:
            out.append((r, rule.code, value, dim, u))
    return out


def _coded(ctx: Context, segs: list[Segment], cp: Compiled, body: int | None, parts: bool,
           field_name: str | None) -> list:
    """(reading, rule, value, dimension) of each figure of the body (or of a part) that is no target nor an average
    (its clause says "mỗi ngày": "Trung bình mỗi ngày, trung tâm tiếp nhận hơn 400 hồ sơ")."""
    coded = []
    siblings = _siblings(segs)
    for r in _readings(ctx, segs, cp):
        where = _scope(ctx, r.q.start, r.left, body, _after(ctx, r), siblings.get(id(r.seg), ()))
        if not _is_target(ctx, r.q.start, cp) and _kept(where, body, parts) and not cp.averages.search(r.left):
            dim = _dimension(field_name or _inline_field(r.left, cp) or _field_after(_after(ctx, r), cp), where)
            coded.extend((r, rule, value, dim) for rule, value in _rules(r, cp))
    return coded


FLAT_ROW = 3  # this many figures with nothing but spaces between them are the cells of a flattened table row


def _row_cells(text: str, qs: list[Quantity]) -> set[int]:
    """Figures (by id) in a run of FLAT_ROW or more with only spaces between them: a table row flattened into the
    text ("Tỷ lệ TTHC cung cấp trực tuyến 2643 100% 2643 100% 1856 70,2% 736 27,8% Tỷ lệ đánh giá mức độ hài
    lòng", a score sheet's "… phản ánh, kiến nghị 100 6 464"): which column is which measure is unknown, and the
    words after a cell are the next row's label."""
    runs: list[list[Quantity]] = []
    for q in qs:
        if runs and not text[runs[-1][-1].end:q.start].strip():
            runs[-1].append(q)
        else:
            runs.append([q])
    return {id(q) for run in runs if len(run) >= FLAT_ROW for q in run}


def _period_turn(ctx: Context, sentences: list, period) -> tuple[int | None, str]:
    """Where the paragraph turns to another period than the report's, and whether it is another one ("other":
    "Quý III/2021, …" in a monthly bulletin) or a part of the report's ("sub": "Từ ngày 1/9 đến 30/9/2024, …" in a
    nine months' text)."""
    if period is None or period.kind is None:
        return None, "own"
    dated = period.end or period.start
    for s in sentences:
        verdict = scope.opening_period(ctx.text[s.start:s.end], period, dated)
        if verdict != "own":
            return s.start, verdict
    return None, "own"


def _period_free(coded: list, sub_from: int | None, cp: Compiled) -> list:
    """From a sub-period on, only the stocks ("Tháng 01/2025, UBND xã ban hành Kế hoạch … với 25 nhiệm vụ": the
    plan's tasks) are the report's; flows of a part of the period are no totals of it."""
    if sub_from is None:
        return coded
    return [c for c in coded if c[0].q.start < sub_from or cp.stocks.match(c[1].code)]


def _cumulative_free(ctx: Context, coded: list, period, cp: Compiled) -> list:
    """Without the flows counted since the year's start when that is not the report's period ("lũy kế từ đầu năm
    đến nay, phường tiếp nhận 3.950 hồ sơ" in October's report, and "Trong đó, …" going on with it); stocks stay
    ("lũy kế đến tháng 10 đã hoàn thành 24/30 nhiệm vụ": the plan's progress)."""
    if period is None or period.start is None:
        return coded
    return [c for c in coded if cp.stocks.match(c[1].code) or not _cumulative(ctx, c[0].q.start, period)]


def _cumulative(ctx: Context, offset: int, period) -> bool:
    before = _sentence_before(ctx, offset)
    return scope.cumulative_flow(before, period, previous=_previous_sentence(ctx, offset - len(before)))


def _paragraph(ctx: Context, start: int, end: int, qs: list[Quantity],
               cp: Compiled, body: int | None, parts: bool, period=None) -> list[tuple[Indicator, Unless | None]]:
    text = ctx.text
    sentences = ctx.structure.sentences_in(start, end)
    turn, verdict = _period_turn(ctx, sentences, period)
    if turn is not None:  # the rest of the paragraph is of another period (or a part of it: its flows)
        qs = [q for q in qs if q.start < turn or verdict == "sub"]
        sentences = [s for s in sentences if s.start < turn]
    sub_from = turn if verdict == "sub" else None
    sentence_starts = [s.start for s in sentences
                       if start < s.start and text[max(0, s.start - 8):s.start].rstrip()[-1:] in ".!?"]
    field_name = _field(ctx, start, end, cp)
    if not qs:  # no figure to read: only the zeros a negation states
        return _zeros(ctx, sentences, cp, field_name, body)
    out: list[tuple[Indicator, Unless | None]] = []
    segs = Segmenter(ctx.text, qs, sentence_starts, cp).run(start, end)
    cells = _row_cells(text, qs)
    coded = [c for c in _coded(ctx, segs, cp, body, parts, field_name) if id(c[0].q) not in cells]
    coded = _named_items(ctx, _cumulative_free(ctx, _period_free(coded, sub_from, cp), period, cp))
    for r, code, value, dim, unless in _unambiguous(ctx, _breakdown_unless(coded, cp.spec.parts_of)):
        out.append((_indicator(ctx, code, value, r.q.start, r.q.end, dim, r.q.qualifier, cp), unless))
    return out + _zeros(ctx, sentences, cp, field_name, body)


def _zeros(ctx: Context, sentences: list, cp: Compiled, field_name: str | None,
           body: int | None) -> list[tuple[Indicator, Unless | None]]:
    """Zeros stated by negation ("không có hồ sơ quá hạn"), the body's own for the period."""
    out: list[tuple[Indicator, Unless | None]] = []
    for s in sentences:
        if cp.zeros_any is not None and cp.zeros_any.search(ctx.text, s.start, s.end) is None:
            continue  # no zero pattern in the sentence (one scan instead of one per pattern)
        for codes, pattern in cp.zeros:
            if pattern.search(ctx.text, s.start, s.end) is None:
                continue  # the common case, without an iterator
            for m in pattern.finditer(ctx.text, s.start, s.end):
                where = _scope(ctx, m.start(), "", body)
                if not _is_target(ctx, m.start(), cp) and where.verdict == "own":
                    out.extend((_indicator(ctx, c, 0, m.start(), m.end(), _dimension(field_name, where), None, cp),
                                None) for c in codes)
    return out


def _apply_unless(found: list[tuple[Indicator, Unless | None]]) -> list[Indicator]:
    """A rule's ``unless``: the code changes (or goes) when its section states another code too."""
    stated = {(i.code, i.section, tuple(i.dimension.items())) for i, _ in found}
    out = []
    for ind, unless in found:
        if unless and (unless.present, ind.section, tuple(ind.dimension.items())) in stated:
            if unless.code is None:
                continue
            ind = ind.model_copy(update={"code": unless.code})
        out.append(ind)
    return out


def _dedupe(inds: list[Indicator]) -> list[Indicator]:
    seen, out = set(), []
    for i in inds:
        key = (i.code, tuple(sorted(i.dimension.items())), float(i.value))
        if key not in seen:
            seen.add(key)
            out.append(i)
    return out


def text_indicators(ctx: Context, level: str | None = None, parts: bool = True, period=None) -> list[Indicator]:
    """The catalogue values the running text states for the reporting body (issuer ``level``:
    "xã", "huyện", "tỉnh" ...; None when unknown), and when ``parts`` a part's with ``dimension.scope``
    (an official report's breakdown; a news text's quoted fragments of parts are left out); a paragraph
    turning to another ``period`` than the report's (a ``models.Period``) gives none from there."""
    cp = compiled()
    body = scope.body_level(level)
    qs = sorted(body_quantities(ctx), key=lambda q: q.start)
    starts = [q.start for q in qs]  # bisection keeps the pass linear on texts of thousands of lines
    out: list[tuple[Indicator, Unless | None]] = []
    for start, end in _blocks(ctx):
        if _excluded_section(ctx, start, cp, period):
            continue
        out.extend(_paragraph(ctx, start, end, qs[bisect_left(starts, start):bisect_left(starts, end)], cp, body,
                              parts, period))
    return _dedupe(_apply_unless(out))


def extract(ctx: Context, tables: list, level: str | None = None, parts: bool = True, period=None) -> list[Indicator]:
    """The indicators stated in the running text, then those read from the forms' rows."""
    return text_indicators(ctx, level, parts, period) + table_indicators.from_tables(tables, level)
