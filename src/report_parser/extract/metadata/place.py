"""The places above the issuer: district and province named in the body ("huyện Thanh
Miện", "tỉnh Hải Dương", the "Kính gửi:" line), completed from the official units as
they were on the report's date: before 1 July 2025 the legacy commune, district and
province; after it no district and the merged province."""
from __future__ import annotations

import datetime as dt

import regex

from ... import patterns
from ...models import Issuer
from ...places import MERGER, locate, province_of_district
from .vocab import PROPER, rx, vocab


def complete_places(issuer: Issuer, body: str, on: dt.date | None) -> None:
    """District and province of ``issuer`` from ``body`` and the official units on ``on``."""
    v = vocab()
    after_merger = on is not None and on >= MERGER
    if issuer.level in v.below_district and not issuer.district and not after_merger:
        issuer.district = _most_named(body, v.district_levels)
    if issuer.level in v.below_district + v.district_levels and not issuer.province:
        issuer.province = _most_named(body, ["tỉnh"])
    _own_unit_as_place(issuer)
    if issuer.level in v.below_district and issuer.unit:
        _locate(issuer, on)
    elif issuer.level in v.district_levels and issuer.unit and not issuer.province \
            and not (on is not None and on >= MERGER):  # no district tier after the merger
        issuer.province = province_of_district(issuer.unit, issuer.level)
    if after_merger:
        issuer.district = None


def place_at(issuer: Issuer, level: str, place: str) -> None:
    v = vocab()
    if level == "tỉnh" or (level == "thành phố" and place in v.central_cities):
        issuer.province = issuer.province or place
    elif level in v.district_levels:
        issuer.district = issuer.district or place


def _own_unit_as_place(issuer: Issuer) -> None:
    """A province's or a district's own unit is its province or district."""
    v = vocab()
    if issuer.level == "tỉnh" and not issuer.province:
        issuer.province = issuer.unit
    if issuer.level in v.district_levels and not issuer.district and issuer.unit \
            and issuer.unit not in v.central_cities:
        issuer.district = issuer.unit


def _locate(issuer: Issuer, on: dt.date | None) -> None:
    """District and province of a commune from the official units, when the commune
    and a unit above it identify one place."""
    found = locate(issuer.unit, issuer.level, issuer.district, issuer.province, on)
    if found:
        issuer.district = issuer.district or found[0]
        issuer.province = found[1] if on is not None and on >= MERGER else issuer.province or found[1]


def _most_named(body: str, levels: list[str]) -> str | None:
    """The place most often named after one of ``levels`` ("huyện Thanh Miện")."""
    counts: dict[str, int] = {}
    for lv in levels:
        for m in _named_rx()[lv].finditer(body):
            name = _without_opener(m.group(1), body, m.start(1))
            counts[name] = counts.get(name, 0) + 1
    return max(counts, key=counts.get) if counts else None


def _without_opener(name: str, text: str, start: int) -> str:
    """A place name without the capitalised first word of the next sentence that joined
    lines glue to it ("Thái Nguyên Thực hiện …" -> "Thái Nguyên")."""
    words = name.split(" ")
    if len(words) > 1:
        last = start + len(name) - len(words[-1])
        if rx().opener_start.match(text[last:last + 40]):
            return " ".join(words[:-1])
    return name


@patterns.memoised
def _named_rx() -> dict[str, regex.Pattern]:
    """A place named after each level word ("huyện Thanh Miện")."""
    return {lv: regex.compile(rf"(?<!\p{{L}}){regex.escape(lv)}\s+({PROPER})(?=\W|$)") for lv in vocab().levels}
