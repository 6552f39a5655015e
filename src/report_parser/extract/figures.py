"""Every quantity of the running text (not the appendix forms, which are tables),
with its unit noun, kind, sentence, section path, page and span, so that a number
no catalogue code covers is still visible to the district."""
from __future__ import annotations

from ..models import Figure
from . import Context
from .numbers import Quantity, find_quantities


def body_quantities(ctx: Context) -> list[Quantity]:
    """The quantities before the appendix, found once per document (shared via ``ctx.cache``)."""
    if "body_quantities" not in ctx.cache:
        ctx.cache["body_quantities"] = [q for q in find_quantities(ctx.text)
                                        if not ctx.structure.in_appendix(q.start)]
    return ctx.cache["body_quantities"]


def _figure(ctx: Context, q: Quantity) -> Figure:
    return Figure(value=q.value, unit=q.unit, kind=q.kind, text=" ".join(q.text.split()),
                  section=ctx.section(q.start), page=ctx.page_of(q.start), start=q.start, end=q.end,
                  sentence=ctx.sentence(q.start), qualifier=q.qualifier, whole=q.whole)


def extract(ctx: Context) -> list[Figure]:
    return [_figure(ctx, q) for q in body_quantities(ctx)]
