"""Catalogue indicators from appendix form rows (filled by the tables work)."""
from __future__ import annotations

from ..models import Indicator


def from_tables(tables: list) -> list[Indicator]:
    return []
