"""Quantities in the running text (filled by the figures extractor)."""
from __future__ import annotations

from ..models import Figure
from . import Context


def extract(ctx: Context) -> list[Figure]:
    return []
