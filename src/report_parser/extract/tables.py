"""Appendix statistic forms and grids (filled by the tables extractor)."""
from __future__ import annotations

from . import Context


def extract(ctx: Context) -> list:
    return []
