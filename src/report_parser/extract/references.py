"""Cited documents (filled by the references extractor)."""
from __future__ import annotations

from ..models import Reference, ReportMeta
from . import Context


def extract(ctx: Context, meta: ReportMeta) -> list[Reference]:
    return []
