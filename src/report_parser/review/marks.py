"""What the review page marks: every indicator, reference mention, form row and check of a
report, located on its page (boxes on a drawn page, a span of a page drawn as text).

Ids name the record in the report JSON: ``ind-K`` (indicators[K]), ``ref-K``
(references[K]), ``row-T-R`` (tables[T].rows[R]), ``chk-K`` (checks[K]); the
page's marks and its table rows carry the same ids.
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field

from ..document import Document
from ..models import FormTable, Report
from . import locate
from .locate import Box, PageChars

_NUMBER = re.compile(r"\d(?:[\d.,]*\d)?")
_EVIDENCE_PREFIX = re.compile(r"^\((?:[^()]*?)tr\. (\d+)\)\s*")


@dataclass
class Mark:
    kind: str  # indicator | reference | row | check
    id: str
    page: int
    rects: list[Box] = field(default_factory=list)  # a drawn page
    span: tuple[int, int] | None = None  # a page drawn as text: offsets into its text
    severity: str | None = None


class Locator:
    """Finds records on the pages: by offsets where the page's text is the parser's, by search elsewhere."""

    def __init__(self, doc: Document, pages: list[PageChars], drawn: bool):
        self.doc, self.drawn = doc, drawn
        self.pages = {p.number: p for p in pages}

    def place(self, kind: str, id_: str, page: int | None, span: tuple[int, int] | None) -> Mark | None:
        if page is None or span is None or page not in self.pages:
            return None
        pc = self.pages[page]
        if not self.drawn:
            return Mark(kind, id_, page, span=span)
        boxes = locate.rects(pc, *span)
        return Mark(kind, id_, page, rects=boxes) if boxes else None

    def by_offsets(self, start: int, end: int, needle_context: str | None) -> tuple[int | None, tuple[int, int] | None]:
        """A span of the repaired text on its page: exact where the page's text is the one parsed,
        found again (the text, then its number) on an OCR'd or field-stamped page."""
        doc = self.doc
        if not self.drawn:
            page = doc.page_of(start)
            return page, (start - self.pages[page].base, end - self.pages[page].base)
        raw_a = doc.raw_offset(start)
        page = doc.raw_page_of(raw_a)
        pc = self.pages.get(page)
        if pc is None:
            return None, None
        base = doc.page_starts[page - 1]
        if pc.text == doc.pages[page - 1]:
            return page, (raw_a - base, doc.raw_offset(max(start, end - 1)) + 1 - base)
        needle = doc.text[start:end]
        hit = locate.find_near(pc, needle, needle_context)
        if hit is None and (num := _NUMBER.search(needle)):
            hit = locate.find_near(pc, num.group(), needle_context)
        return page, hit

    def row(self, page: int | None, label: str, raw: str | None) -> tuple[int | None, tuple[int, int] | None]:
        order = [page] if self.drawn else [page] + [p for p in self.pages if p != page]
        for p in order:
            pc = self.pages.get(p)
            if pc is None:
                continue
            hit = locate.find_row_value(pc, label, raw) if raw else locate.label_span(pc, label)
            if hit:
                return p, hit
        return page, None

    def text(self, page: int | None, needle: str, context: str | None = None) -> tuple[int | None, tuple[int, int] | None]:
        pc = self.pages.get(page) if page else None
        return page, (locate.find_near(pc, needle, context) if pc else None)


def build(report: Report, doc: Document, pages: list[PageChars], drawn: bool) -> list[Mark]:
    loc = Locator(doc, pages, drawn)
    marks: list[Mark] = []
    rows = _rows(report, loc, marks)
    _indicators(report, loc, rows, marks)
    _references(report, loc, marks)
    _checks(report, loc, rows, marks)
    return marks


def _rows(report: Report, loc: Locator, marks: list[Mark]) -> dict[str, list[Mark]]:
    """Form rows: the value cell on the row's line (the label when the row has no value)."""
    by_code: dict[str, list[Mark]] = {}
    for t, table in enumerate(report.tables):
        if not isinstance(table, FormTable):
            continue
        for r, row in enumerate(table.rows):
            page, span = loc.row(row.page or table.page, row.label, row.raw)
            m = loc.place("row", f"row-{t}-{r}", page, span)
            if m:
                marks.append(m)
                by_code.setdefault(f"{table.form}/{row.code}", []).append(m)
    return by_code


def _indicators(report: Report, loc: Locator, rows: dict[str, list[Mark]], marks: list[Mark]) -> None:
    for k, ind in enumerate(report.indicators):
        id_ = f"ind-{k}"
        if ind.start is not None and ind.end is not None:
            page, span = loc.by_offsets(ind.start, ind.end, ind.evidence)
            m = loc.place("indicator", id_, page, span)
            if m:
                marks.append(m)
            continue
        for src in rows.get(ind.table or "", []):  # read from a form row: where that row's value is
            marks.append(Mark("indicator", id_, src.page, list(src.rects), src.span))


def _references(report: Report, loc: Locator, marks: list[Mark]) -> None:
    for k, ref in enumerate(report.references):
        for mt in ref.mentions:
            page, span = loc.by_offsets(mt.start, mt.end, mt.text)
            if span is None:
                page, span = loc.text(mt.page, ref.symbol or mt.text)
            m = loc.place("reference", f"ref-{k}", page, span)
            if m:
                marks.append(m)


def _checks(report: Report, loc: Locator, rows: dict[str, list[Mark]], marks: list[Mark]) -> None:
    """A check is marked where the values it concerns are; failing that, on its evidence."""
    by_id: dict[str, list[Mark]] = {}
    for m in marks:
        by_id.setdefault(m.id, []).append(m)
    for k, c in enumerate(report.checks):
        found = _check_sources(report, c, rows, by_id)
        if not found:
            found = [m for e in c.evidence if (m := _evidence_mark(loc, e))]
        for src in found:
            marks.append(Mark("check", f"chk-{k}", src.page, list(src.rects), src.span, c.severity))


def _check_sources(report: Report, c, rows: dict[str, list[Mark]], by_id: dict[str, list[Mark]]) -> list[Mark]:
    out: list[Mark] = []
    for code in c.indicators:
        if code.startswith("table:"):
            out += rows.get(code.removeprefix("table:"), [])
            continue
        for k in _check_indicators(report, c, code):
            out += by_id.get(f"ind-{k}", [])
    for k, ref in enumerate(report.references):
        if ref.symbol in c.references or ref.number in c.references:
            out += by_id.get(f"ref-{k}", [])
    return out


def _check_indicators(report: Report, c, code: str) -> list[int]:
    """The indicators of ``code`` a check is about: those of its pages, and of them the ones read
    from the sentences it quotes when there are such (a field's figures, not every field's)."""
    found = [k for k, ind in enumerate(report.indicators)
             if ind.code == code and (not c.pages or ind.page in c.pages)]
    quoted = [_EVIDENCE_PREFIX.sub("", e) for e in c.evidence]
    narrowed = [k for k in found if (ev := report.indicators[k].evidence) and any(ev in q for q in quoted)]
    return narrowed or found


def _evidence_mark(loc: Locator, evidence: str) -> Mark | None:
    m = _EVIDENCE_PREFIX.match(evidence)
    if not m:
        return None
    page, sentence = int(m.group(1)), evidence[m.end():]
    pc = loc.pages.get(page)
    where = locate.find_context(pc, sentence) if pc else None
    if where is None:
        return None
    a = where[0]
    return loc.place("check", "", page, (a, min(len(pc.text), a + min(len(sentence), 80))))
