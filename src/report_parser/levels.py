"""Administrative levels (``patterns/levels.yaml``): each level word once, with its tier.

The contract's enum (:data:`report_parser.models.Level`) is read from our own file
(:func:`shipped`), so it does not change with a district's overlay; everything else
reads the active :class:`~report_parser.patterns.Patterns` (:func:`tiers`).
"""
from __future__ import annotations

from typing import Literal

from pydantic import ConfigDict

from . import patterns

Tier = Literal["commune", "district", "province"]
FILE = "levels.yaml"


class LevelSpec(patterns.Schema):
    model_config = ConfigDict(extra="forbid")
    levels: dict[str, Tier]


# the words of shipped() when the command line's pattern cache holds them (filled by
# pattern_cache.preload from a file made from these very files and code, before models is imported)
KNOWN: list[tuple[str, ...]] = []


def shipped() -> tuple[str, ...]:
    """The level words of our own ``patterns/levels.yaml`` (the contract's enum), in file order."""
    if KNOWN:
        return KNOWN[0]
    raw = patterns._read(patterns.base_dir() / FILE)
    return tuple(LevelSpec.model_validate(raw).levels)


def tiers() -> dict[str, Tier]:
    """Level word -> tier, from the active Patterns."""
    return patterns.load(FILE, LevelSpec).levels


def of_tier(*wanted: Tier) -> tuple[str, ...]:
    """The level words of the given tiers ("commune" -> xã, phường, thị trấn, đặc khu)."""
    return tuple(w for w, t in tiers().items() if t in wanted)
