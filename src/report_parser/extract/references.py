"""Cited documents: every plan, decision, letter and law the report cites.

Three steps, as eyecite does for court citations: *find* every citation in the
repaired text with the grammar of ``patterns/references.yaml``
(:mod:`references_find`), *resolve* the citations of one document into one
record (:mod:`references_resolve`), *annotate* each record with what is wrong
with how it is cited (:mod:`references_validate`). Offsets of mentions point
into ``ctx.text``.
"""
from __future__ import annotations

from ..models import Reference, ReportMeta
from . import Context
from .references_find import find_citations
from .references_grammar import grammar
from .references_resolve import group_citations, record_fields, symbol_key


def extract(ctx: Context, meta: ReportMeta) -> list[Reference]:
    g = grammar()
    cites = find_citations(ctx.text, g)
    # the report's own number as written in its header or appendix, for other extractors
    ctx.cache["references.own_symbols"] = sorted({symbol_key(c.symbol) for c in cites
                                                  if c.own and c.symbol})
    out = []
    for group, conflict in group_citations(cites, meta):
        mentions = [ctx.mention(c.start, c.end) for c in group]
        out.append(Reference(**record_fields(group, conflict, meta, g, mentions)))
    return out
