"""Administrative places: a report's commune, district and province as official names and codes.

A district office groups its communes' reports, so every stored report needs a
stable key for "which commune" and "which district". Names in reports vary
("xã Lê Hồng", "Lê Hồng", "UBND xã Lê Hồng"), so they are resolved with the
PyPI package ``vietnamadminunits``: LEGACY mode (63 provinces with districts,
the units as they were before 1 July 2025) gives the ward/district/province
codes, and its 2025 converter gives the commune and province after the 2025
merger (no districts any more). A report written after the merger names only
commune and province; it is parsed in FROM_2025 mode.

The office's own roster of communes is :mod:`.units` (it builds on this module).
"""
from __future__ import annotations

import contextlib
import datetime as dt
import functools
import importlib.util
import re
import sqlite3
import unicodedata
from dataclasses import dataclass
from typing import Any, Callable
from pathlib import Path

from pydantic import ConfigDict

from . import patterns
from .levels import of_tier, tiers
from .vietnamese import unaccent


@functools.lru_cache(maxsize=1)
def _dataset() -> str:
    """The SQLite file of the package's unit tables, found without importing the package
    (its address parser loads geopy, requests, shapely and JSON tables: 0.5-1 s of every
    parse that only looks a name up)."""
    spec = importlib.util.find_spec("vietnamadminunits")
    if spec is None or not spec.submodule_search_locations:
        raise ModuleNotFoundError("vietnamadminunits is not installed")
    return str(Path(next(iter(spec.submodule_search_locations))) / "data" / "dataset.db")


def _query(sql: str) -> list[dict]:
    """``vietnamadminunits.database.query``: rows of the package's tables as dicts (read-only)."""
    with contextlib.closing(sqlite3.connect(f"file:{_dataset()}?mode=ro", uri=True)) as conn:
        conn.row_factory = sqlite3.Row
        return [dict(r) for r in conn.execute(sql).fetchall()]

class _Prefixes(patterns.Schema):
    """The part of metadata.yaml this module reads: the bodies ("UBND", "Ủy ban nhân dân") and the
    level abbreviations ("TP") that may stand before a unit's name (the rest is the metadata reader's)."""

    model_config = ConfigDict(extra="ignore")
    bodies: dict[str, str]
    level_abbrevs: dict[str, str] = {}


@patterns.memoised
def _prefix() -> re.Pattern:
    """"UBND xã ", "Ủy ban nhân dân thành phố ", "TP. ": what stands before a unit's own name
    (the bodies of metadata.yaml, the level words of levels.yaml and their abbreviations)."""
    v = patterns.load("metadata.yaml", _Prefixes)
    levels = patterns.alternation(tiers()) + "|" + "|".join(
        re.escape(a.lower()) + r"\.?" for a in sorted(v.level_abbrevs, key=lambda a: (-len(a), a)))
    return re.compile(rf"^(?:{patterns.alternation(v.bodies)})?\s*(?:{levels})\s+", re.IGNORECASE)


def fold(name: str | None) -> str:
    """A matching key for a unit name: no prefix, no tones, no spaces ('Xã Lê Hồng' -> 'lehong')."""
    if not name:
        return ""
    text = unicodedata.normalize("NFC", name).strip().lower()
    return "".join(c for c in unaccent(_prefix().sub("", text)) if c.isalnum())


def bare(name: str | None) -> str | None:
    """'UBND xã Lê Hồng' -> 'Lê Hồng': the proper name without the level word."""
    if not name:
        return None
    return _prefix().sub("", unicodedata.normalize("NFC", name).strip()) or None


@dataclass
class AdminUnit:
    """A commune resolved to official names and codes (legacy and after the 2025 merger)."""

    unit: str | None = None            # short name as officially spelled, e.g. "Lê Hồng"
    level: str | None = None           # "xã" | "phường" | "thị trấn"
    district: str | None = None        # legacy district short name, e.g. "Thanh Miện"
    province: str | None = None        # legacy province short name, e.g. "Hải Dương"
    unit_code: str | None = None       # legacy ward code, e.g. "11266"
    district_code: str | None = None   # e.g. "300"
    province_code: str | None = None   # e.g. "30"
    unit_2025: str | None = None       # commune after 1 July 2025, e.g. "Bắc Thanh Miện"
    province_2025: str | None = None   # e.g. "Hải Phòng"
    unit_code_2025: str | None = None
    province_code_2025: str | None = None
    resolved: bool = False             # True when the package recognised the commune

    @property
    def key(self) -> str:
        """Identity of the commune across reports: its code, else its folded names."""
        if self.unit_code:
            return self.unit_code
        return "/".join(fold(x) for x in (self.unit, self.district, self.province))


def _address(*parts: str | None) -> str:
    return ", ".join(p for p in parts if p)


@functools.lru_cache(maxsize=4096)
def resolve(unit: str | None, district: str | None, province: str | None,
            level: str | None = None) -> AdminUnit:
    """Resolve a commune named in a report; unknown names are kept as written (``resolved=False``)."""
    from vietnamadminunits import ParseMode, convert_address, parse_address

    written = AdminUnit(unit=bare(unit), level=level, district=bare(district), province=bare(province))
    if not unit:
        return written
    ward = f"{level} {bare(unit)}" if level in of_tier("commune") else unit
    legacy = parse_address(_address(ward, district, province), mode=ParseMode.LEGACY)
    if not legacy.ward_code and not district and province:
        legacy = _legacy_without_district(bare(unit), bare(province), level) or legacy
    if legacy.ward_code and _same_commune(bare(unit), legacy.ward_code, legacy.short_ward):
        result = AdminUnit(unit=legacy.short_ward, level=(legacy.ward_type or "").lower() or level,
                           district=legacy.short_district, province=legacy.short_province,
                           unit_code=legacy.ward_code, district_code=legacy.district_code,
                           province_code=legacy.province_code, resolved=True)
        new = convert_address(_address(legacy.ward, legacy.district, legacy.province))
        result.unit_2025, result.province_2025 = new.short_ward, new.short_province
        result.unit_code_2025, result.province_code_2025 = new.ward_code, new.province_code
        return result
    if not district and province:  # a report written after the 2025 merger: commune + province only
        new = parse_address(_address(ward, province), mode=ParseMode.FROM_2025)
        if new.ward_code:
            written.unit, written.province = new.short_ward, new.short_province
            written.unit_2025, written.province_2025 = new.short_ward, new.short_province
            written.unit_code_2025, written.province_code_2025 = new.ward_code, new.province_code
            written.unit_code, written.province_code = f"2025:{new.ward_code}", f"2025:{new.province_code}"
            written.resolved = True
    return written


# the 2025 reorganisation: communes merged, districts abolished, 63 provinces -> 34
MERGER = dt.date(2025, 7, 1)


def locate(unit: str | None, level: str | None, district: str | None = None, province: str | None = None,
           on: dt.date | None = None) -> tuple[str | None, str] | None:
    """``(district, province)`` of a commune named with a unit above it, as the units
    were on the date ``on``: a legacy commune within the named district and/or
    province (before 1 July 2025, or no date), else a commune of the merged units
    within the named province (district None). None unless exactly one place fits."""
    if not unit or level not in of_tier("commune") or not (district or province):
        return None
    merged = on is not None and on >= MERGER
    if merged and not province:
        return None
    want = (level, "" if merged else fold(district), fold(province))
    hits = {(d or None, p) for lv, d, dk, p, pk in _wards(tuple(sorted(_ward_keys(unit, level))), merged)
            if _fits((lv, dk, pk), want)}
    return hits.pop() if len(hits) == 1 else None


def province_of_district(unit: str | None, level: str | None) -> str | None:
    """The province of a legacy district-tier unit ("huyện Bắc Hà" -> "Lào Cai"), when exactly one
    province has a unit of that level and name; None otherwise."""
    if not unit or level not in of_tier("district"):
        return None
    key = fold(unit)
    provinces = {prov for lv, _short, prov, _dist, k in _folded_units("district") if lv == level and k == key}
    if len(provinces) != 1:
        return None
    (prov,) = provinces
    return next((short for _lv, short, _p, _d, k in _folded_units("province") if k == prov), None)


def _fits(have: tuple[str, str, str], want: tuple[str, str, str]) -> bool:
    """(level, district key, province key) agree where ``want`` names them ('' = unnamed)."""
    return have[0] == want[0] and all(not w or h == w for h, w in zip(have[1:], want[1:]))


def _ward_keys(unit: str, level: str) -> set[str]:
    """The package's short keys a commune may have: 'lehong', and for a numbered ward
    its level word too ('phuong1')."""
    return {fold(unit), "".join(c for c in unaccent(f"{level}{bare(unit)}".lower()) if c.isalnum())}


@functools.lru_cache(maxsize=1024)
def _wards(keys: tuple[str, ...], merged: bool) -> tuple[tuple[str, str, str, str, str], ...]:
    """(level, district, district key, province, province key) of the legacy communes, or of
    the communes after the 2025 merger (no district), with one of the short ``keys``: asked
    of the package's tables for these keys (reading all ten thousand into an index cost a
    tenth of a one-file run; this costs a few milliseconds a name)."""
    keys = tuple(k for k in keys if k)
    if not keys:
        return ()
    # fold() keeps only letters and digits, so the keys are safe inside the SQL text
    where = f"wardShortKey IN ({', '.join(repr(k) for k in keys)})"
    sql = (f"SELECT wardType AS t, '' AS d, '' AS dk, provinceShort AS p, provinceShortKey AS pk "
           f"FROM admin_units WHERE {where}") if merged else (
        f"SELECT wardType AS t, districtShort AS d, districtShortKey AS dk, provinceShort AS p, "
        f"provinceShortKey AS pk FROM admin_units_legacy WHERE {where}")
    return tuple(((r["t"] or "").lower(), r["d"] or "", r["dk"] or "", r["p"], r["pk"]) for r in _query(sql))


_TABLES: dict[tuple, Any] = {}  # the unit tables this process has read (tables(), restore_tables())


def _table(key: tuple, build: Callable[[], Any]) -> Any:
    if key not in _TABLES:
        _TABLES[key] = build()
    return _TABLES[key]


def _same_commune(name: str, ward_code: str, official: str) -> bool:
    """Guard against the package's fuzzy match ('Hồng Phúc' must not become 'Kiến Phúc'):
    the written name must be the official one or one of its recorded former names."""
    if fold(name) == fold(official):
        return True
    rows = _query(f"SELECT wardKeywords FROM admin_units_legacy WHERE wardCode = '{ward_code}'")
    return any(fold(name) in (r["wardKeywords"] or "") for r in rows)


def _legacy_without_district(unit: str, province: str, level: str | None):
    """A legacy commune named with its province only: unique within the province, or None."""
    from vietnamadminunits import ParseMode, parse_address
    # fold() keeps only letters and digits, so the keys are safe inside the SQL text
    rows = _query("SELECT DISTINCT ward, district, province, wardType FROM admin_units_legacy "
                 f"WHERE wardShortKey = '{fold(unit)}' AND provinceShortKey = '{fold(province)}'")
    hits = [r for r in rows if not level or (r["wardType"] or "").lower() == level]
    if len(hits) != 1:
        return None
    h = hits[0]
    return parse_address(_address(h["ward"], h["district"], h["province"]), mode=ParseMode.LEGACY)


def communes_of(district: str, province: str) -> list[AdminUnit]:
    """Every legacy commune (xã, phường, thị trấn) of a district, in code order."""
    rows = _query("SELECT DISTINCT wardShort, wardType, districtShort, provinceShort, wardCode, districtCode, "
                 "provinceCode FROM admin_units_legacy "
                 f"WHERE districtShortKey = '{fold(district)}' AND provinceShortKey = '{fold(province)}'")
    out = [AdminUnit(unit=r["wardShort"], level=(r["wardType"] or "").lower(), district=r["districtShort"],
                     province=r["provinceShort"], unit_code=r["wardCode"], district_code=r["districtCode"],
                     province_code=r["provinceCode"], resolved=True)
           for r in rows]
    return sorted(out, key=lambda u: int(u.unit_code) if (u.unit_code or "").isdigit() else 0)


# --------------------------------------------------------------------------- official spelling



def official_name(name: str | None, level: str, province: str | None = None,
                  district: str | None = None) -> str | None:
    """The official spelling of a unit named with its level word, or None.

    OCR reads a caps header badly ("UBND TỈNH VNHLONG", "VÏNHLONG"): the name is
    compared accent-, case- and space-insensitively with the official names of
    that level (legacy and 2025), within ``province``/``district`` when given. An
    exact key wins; else the one official spelling at the smallest distance
    within a small edit budget. Ambiguous or far names give None (keep the text);
    a commune is only matched loosely inside a named province or district, since
    the country has thousands of near-identical commune names.
    """
    key = fold(name)
    names = _official_names(level, fold(province), fold(district))
    if not key or not names:
        return None
    if key in names:
        return _only(names[key])
    budget = _edit_budget(key)
    if budget == 0 or (level in of_tier("commune") and not (province or district)):
        return None
    by_distance: dict[int, set[str]] = {}
    for other, spellings in names.items():
        d = _distance(key, other, budget)
        if d <= budget:
            by_distance.setdefault(d, set()).update(spellings)
    return _only(by_distance[min(by_distance)]) if by_distance else None


def _only(spellings: set[str] | frozenset[str]) -> str | None:
    return next(iter(spellings)) if len(spellings) == 1 else None


def _edit_budget(key: str) -> int:
    """Edits allowed for a folded name: none for a short one (too many neighbours)."""
    return 0 if len(key) < 5 else 1 if len(key) < 10 else 2


def _distance(a: str, b: str, budget: int) -> int:
    """Levenshtein distance, or ``budget + 1`` as soon as it must exceed ``budget``."""
    if abs(len(a) - len(b)) > budget:
        return budget + 1
    row = list(range(len(b) + 1))
    for i, ca in enumerate(a, 1):
        prev, row[0] = row[0], i
        for j, cb in enumerate(b, 1):
            prev, row[j] = row[j], min(row[j] + 1, row[j - 1] + 1, prev + (ca != cb))
        if min(row) > budget:
            return budget + 1
    return row[-1]


def _official_names(level: str, province_key: str, district_key: str) -> dict[str, frozenset[str]]:
    """Folded key -> official short spellings of the units of one level word, within
    a province and a district when their keys are given; kept with the active patterns
    (the folding reads them), so the command line's pattern cache keeps them between
    runs (reading and folding the ten thousand names was a sixth of a one-file run)."""
    return patterns.current().memo(f"{__name__}._official_names:{level}|{province_key}|{district_key}",
                                   lambda: _names_of(level, province_key, district_key))


def _names_of(level: str, province_key: str, district_key: str) -> dict[str, frozenset[str]]:
    out: dict[str, set[str]] = {}
    tiers = ("commune",) if level in of_tier("commune") else ("province",) if level == "tỉnh" \
        else ("province", "district")  # "thành phố": of province rank or of a province
    for tier in tiers:
        for lv, short, prov, dist, key in _folded_units(tier):
            if lv == level and (not province_key or prov in ("", province_key)) \
                    and (not district_key or dist in ("", district_key)):
                out.setdefault(key, set()).add(short)
    return {k: frozenset(v) for k, v in out.items()}


_TIER_QUERIES = {
    "province": ["SELECT DISTINCT province AS full, provinceShort AS short, '' AS prov, '' AS dist "
                 "FROM admin_units_legacy",
                 "SELECT DISTINCT province AS full, provinceShort AS short, '' AS prov, '' AS dist "
                 "FROM admin_units"],
    "district": ["SELECT DISTINCT districtType AS type, districtShort AS short, provinceShortKey AS prov, "
                 "'' AS dist FROM admin_units_legacy"],
    "commune": ["SELECT DISTINCT wardType AS type, wardShort AS short, provinceShortKey AS prov, "
                "districtShortKey AS dist FROM admin_units_legacy",
                "SELECT DISTINCT wardType AS type, wardShort AS short, provinceShortKey AS prov, "
                "'' AS dist FROM admin_units"],
}


@functools.lru_cache(maxsize=None)
def _official_units(tier: str) -> frozenset[tuple[str, str, str, str]]:
    """``(level word, short name, province key, district key)`` of every province,
    legacy district or commune (legacy and 2025) the package knows."""
    units = set()
    for sql in _TIER_QUERIES[tier]:
        for r in _query(sql):
            level = _level_word(r["full"], r["short"]) if "full" in r else (r["type"] or "").lower()
            units.add((level, r["short"], r["prov"] or "", r["dist"] or ""))
    return frozenset(u for u in units if u[0] and u[1])


def _folded_units(tier: str) -> tuple[tuple[str, str, str, str, str], ...]:
    """:func:`_official_units` with each short name's :func:`fold` key (folded once, not per lookup)."""
    return _table(("folded", tier), lambda: tuple((lv, short, prov, dist, fold(short))
                                                  for lv, short, prov, dist in _official_units(tier)))


def tables() -> dict[tuple, Any]:
    """Every unit table, read now (a batch's fork server, so that no worker reads them on its first
    file); picklable, for :func:`restore_tables` in another process with the same data and patterns."""
    for tier in _TIER_QUERIES:
        _folded_units(tier)
    return dict(_TABLES)


def restore_tables(saved: dict[tuple, Any]) -> None:
    _TABLES.update(saved)


def _level_word(full: str | None, short: str | None) -> str:
    """'Tỉnh Vĩnh Long', 'Vĩnh Long' -> 'tỉnh'."""
    full, short = full or "", short or ""
    return full[:len(full) - len(short)].strip().lower() if short and full.endswith(short) else ""
