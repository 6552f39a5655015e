"""The reporting-period convention (``period_bounds`` of ``patterns/metadata.yaml``):
Nghị định 09/2019/NĐ-CP has a period run from the 15th of the month before it starts
to the 14th of its last month. The metadata reader dates a period named only in words
by it; the checks recognise such a conventional end. Both read it from here, validated.
"""
from __future__ import annotations

import datetime as dt

from pydantic import ConfigDict

from . import patterns


class Bounds(patterns.Schema):
    model_config = ConfigDict(extra="forbid")
    start: tuple[int, int]  # (month, day)
    end: tuple[int, int]


class _Convention(patterns.Schema):
    """The part of metadata.yaml this module reads (the rest is the metadata reader's)."""

    model_config = ConfigDict(extra="ignore")
    period_bounds: dict[str, Bounds]


def bounds() -> dict[str, Bounds]:
    """Period kind (H1, Q3, Y, ...) -> its conventional (month, day) start and end."""
    return patterns.load("metadata.yaml", _Convention).period_bounds


def is_conventional_end(d: dt.date) -> bool:
    """Whether ``d`` is the day some period ends on by the convention (the 14th of June...)."""
    return any(b.end == (d.month, d.day) for b in bounds().values())
