"""The report's own metadata (issuer, number, date, title, period, signer, recipients)."""
from __future__ import annotations

from ..models import ReportMeta
from . import Context


def extract(ctx: Context) -> ReportMeta:
    return ReportMeta()
