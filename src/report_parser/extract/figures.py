"""Every quantity of the running text (not the appendix forms, which are tables),
with its unit noun, kind, sentence, section path, page and span, so that a number
no catalogue code covers is still visible to the district."""
from __future__ import annotations

import bisect
import re
from collections.abc import Callable

from ..models import Figure
from . import Context
from .numbers import Quantity, find_quantities, parse_number
from .table_plain import row_spans

# the first number of a figure's text, its thousands groups split by dots, commas or single spaces
_NUMBER = re.compile(r"\d[\d.,]*(?: \d{3}(?!\d))*")


def _in_text_table(ctx: Context) -> Callable[[int], bool]:
    """Whether an offset lies in a pipe or tab table of a text export (a Word or PDF reader
    gives its tables apart: they are never running text there either)."""
    if ctx.doc.tables:
        return lambda _offset: False
    spans = row_spans(ctx.doc.raw_text, ctx.cache)
    starts = [s for s, _ in spans]

    def inside(offset: int) -> bool:
        raw = ctx.doc.raw_offset(offset)
        i = bisect.bisect_right(starts, raw) - 1
        return i >= 0 and raw < spans[i][1]
    return inside


def body_quantities(ctx: Context) -> list[Quantity]:
    """The quantities of the running text before the appendix (a table's cells are the table's),
    found once per document (shared via ``ctx.cache``)."""
    if "body_quantities" not in ctx.cache:
        in_table = _in_text_table(ctx)
        body_end = ctx.structure.appendix_start  # the appendix's are left out: not read at all
        ctx.cache["body_quantities"] = [q for q in find_quantities(ctx.text, body_end)
                                        if not ctx.structure.in_appendix(q.start) and not in_table(q.start)]
    return ctx.cache["body_quantities"]


def written_scale(text: str, value: float) -> float | None:
    """How many units the number as written stands for when a scale word multiplies it
    ("4,52 ngàn HS" -> 1000, "23.997 tỷ đồng" -> 1000 in triệu đồng), None when it is written out."""
    m = _NUMBER.search(text)
    literal = parse_number(m.group().rstrip(".,")) if m else None
    scale = abs(value / literal) if literal else None
    return round(scale, 3) if scale is not None and scale >= 1000 - 1e-6 else None


def _figure(ctx: Context, q: Quantity) -> Figure:
    text = " ".join(q.text.split())
    return Figure(value=q.value, unit=q.unit, kind=q.kind, text=text,
                  section=ctx.section(q.start), page=ctx.page_of(q.start), start=q.start, end=q.end,
                  sentence=ctx.sentence(q.start), qualifier=q.qualifier, whole=q.whole,
                  scale=written_scale(text, q.value))


def extract(ctx: Context) -> list[Figure]:
    return [_figure(ctx, q) for q in body_quantities(ctx)]
