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
from ..vietnamese import fold_phrase
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
    _two_bodies(out)
    return out


def _two_bodies(refs: list[Reference]) -> None:
    """One symbol with two dates from two bodies neither of which names the other ("08/KH-UBND"
    of UBND huyện Ninh Giang and of UBND xã Hồng Phong): two documents, no date conflict.
    ("Tỉnh ủy" and "Ban Thường vụ Tỉnh ủy Trà Vinh" may be one body: the conflict stays.)"""
    by_symbol: dict[str, list[Reference]] = {}
    for r in refs:
        if r.symbol and "date-conflict" in r.issues:
            by_symbol.setdefault(symbol_key(r.symbol), []).append(r)
    for same in by_symbol.values():
        bodies = [fold_phrase(r.issuer) if r.issuer else "" for r in same]
        if len(same) > 1 and all(bodies) and all(a not in b and b not in a for i, a in enumerate(bodies) for b in bodies[i + 1:]):
            for r in same:
                r.issues.remove("date-conflict")
