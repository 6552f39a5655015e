"""Resolve: join the citations of one document into one reference record.

Citations are grouped by their symbol (spaces and dash shapes ignored). A short
normative symbol ("Nghị định 141/NĐ-CP") joins the one full symbol with the
same number and codes ("141/2020/NĐ-CP"); a typed number without a symbol
("Nghị quyết số 19") joins the one document of that type and number. One
symbol written with two dates becomes one record per date, each flagged. The
report's own number ("Số: 165/BC-UBND", "(Kèm theo Báo cáo số 165/BC-UBND …)")
is not a reference.
"""
from __future__ import annotations

import datetime as dt
import unicodedata

import regex

from .. import levels, patterns
from ..models import Mention, ReportMeta
from ..vietnamese import fold_phrase
from .references_find import Citation
from .references_grammar import Grammar
from .references_validate import issues_of

Key = tuple


def symbol_key(symbol: str) -> str:
    """"6773/KH -UBND", "6773/KH-UBND" and "6773/kh-ubnd" are one symbol."""
    s = unicodedata.normalize("NFC", symbol).replace("\u00d0", "Đ")
    return regex.sub(r"\s+", "", s).upper()


def _number_key(number: str | None) -> str:
    return (number or "").lstrip("0") or "0"


def _key(c: Citation) -> Key:
    if c.symbol:
        return ("symbol", symbol_key(c.symbol))
    if c.number is None:  # a law cited by title and date
        return ("title", c.type.name if c.type else None, (c.subject or "").casefold())
    return ("number", c.type.name if c.type else None, _number_key(c.number))


def _own_keys(cites: list[Citation], meta: ReportMeta) -> set[Key]:
    own = {("symbol", symbol_key(c.symbol)) for c in cites if c.own and c.symbol}
    if meta.symbol:
        own.add(("symbol", symbol_key(meta.symbol)))  # a draft's blank number is no document's key
    if meta.type and meta.number:
        own.add(("number", meta.type, _number_key(meta.number)))
    return own


def _join_short_symbols(groups: dict[Key, list[Citation]]) -> None:
    """"141/NĐ-CP" joins "141/2020/NĐ-CP" when that is the only full symbol for it."""
    full: dict[str, list[Key]] = {}
    for k, cs in groups.items():
        if k[0] == "symbol" and cs[0].year:
            short = symbol_key(regex.sub(r"/(?:19|20)\d{2}/", "/", cs[0].symbol, count=1))
            full.setdefault(short, []).append(k)
    for k in [k for k in groups if k[0] == "symbol" and not groups[k][0].year]:
        targets = full.get(k[1], [])
        if len(targets) == 1:
            groups[targets[0]].extend(groups.pop(k))


def _join_numbers(groups: dict[Key, list[Citation]]) -> None:
    """"Nghị quyết số 19" joins "19/2018/NQ-HĐND" when that is the only one."""
    for k in [k for k in groups if k[0] == "number"]:
        targets = [t for t, cs in groups.items() if t[0] == "symbol" and cs[0].type
                   and cs[0].type.name == k[1] and _number_key(cs[0].number) == k[2]]
        if len(targets) == 1:
            groups[targets[0]].extend(groups.pop(k))


def _split_dates(cites: list[Citation]) -> list[tuple[list[Citation], bool]]:
    """One symbol with two dates: a normative symbol (it holds its year) is still
    one document, miswritten; any other may be two bodies' documents ("03-ĐA/TU"
    of two Tỉnh ủy), so one group per date, undated citations with the first.
    The flag says the dates conflict."""
    dates: list[dt.date] = []
    for c in cites:
        if c.date is not None and c.date not in dates:
            dates.append(c.date)
    if len(dates) < 2:
        return [(cites, False)]
    if any(c.year for c in cites):
        return [(cites, True)]
    parts: dict[dt.date, list[Citation]] = {d: [] for d in dates}
    for c in cites:
        parts[c.date if c.date is not None else dates[0]].append(c)
    return [(parts[d], True) for d in dates]


def group_citations(cites: list[Citation], meta: ReportMeta) -> list[tuple[list[Citation], bool]]:
    """The citations of each distinct document, in order of first mention, and
    whether its symbol came with conflicting dates."""
    own = _own_keys(cites, meta)
    groups: dict[Key, list[Citation]] = {}
    for c in cites:
        k = _key(c)
        if k not in own:
            groups.setdefault(k, []).append(c)
    _join_short_symbols(groups)
    _join_numbers(groups)
    out = []
    for cs in groups.values():
        out.extend(_split_dates(sorted(cs, key=lambda c: c.start)))
    return sorted(out, key=lambda g: g[0][0].start)


# ------------------------------------------------------------------ issuers
@patterns.memoised
def _local() -> regex.Pattern:
    """A local body's name ending in its level word ("Ủy ban nhân dân xã")."""
    return regex.compile(rf"^(?P<head>.+?)\s+(?P<level>{patterns.alternation(levels.tiers())})$")


def _canonical_body(body: str, g: Grammar) -> str:
    """"Thủ tướng chính phủ" -> "Thủ tướng Chính phủ"; spaces collapsed."""
    body = " ".join(body.split())
    for name in g.spec.issuers.values():
        if name.casefold() == body.casefold():
            return name
    return body


def _with_place(body: str, meta: ReportMeta) -> str:
    """"UBND xã" in a report of UBND xã Lê Hồng is "UBND xã Lê Hồng", "UBND
    huyện" its district's; a province is never guessed (provinces merged in 2025,
    reports cite the former ones)."""
    m = _local().match(body)
    if m is None:
        return body
    level, iss = m.group("level"), meta.issuer
    commune, district = levels.of_tier("commune"), levels.of_tier("district")
    if level == iss.level and level in commune + district:
        place = iss.unit
    elif level in district and iss.level in commune:
        place = iss.district
    else:  # "Ủy ban nhân dân tỉnh" in a report that also cites a former province: unknown
        place = None
    return f"{body} {place}" if place else body


def _own_code(meta: ReportMeta, g: Grammar) -> str | None:
    """The issuer code of the report's own symbol, read as a cited one is:
    "165/BC-UBND" -> "UBND", "508/UBND-VP" -> "UBND"."""
    printed = meta.symbol or meta.symbol_printed  # a draft's "/BC-UBND" still names its issuer code
    own = g.parse_symbol(printed) if printed else None
    return own.issuer_code if own else None


def _folded(body: str, g: Grammar) -> str:
    """A body's name with local heads abbreviated: "Ủy ban nhân dân xã Lê Hồng",
    "Uỷ ban nhân dân xã Lê Hồng" and "UBND xã Lê Hồng" fold alike."""
    s = fold_phrase(unicodedata.normalize("NFC", body))
    for code in g.spec.local_issuers:
        name = g.spec.issuers.get(code)
        if name:
            s = s.replace(fold_phrase(name), code.casefold())
    return s


def issuer_of(cites: list[Citation], meta: ReportMeta, g: Grammar) -> str | None:
    """The body the text names for the document (written as the report's own
    issuer when it is that body), else the one its code names; a local code
    (UBND, HĐND) names the report's own issuer only when it is the report's own
    code."""
    for c in cites:
        if c.issuer:
            body = _with_place(_canonical_body(c.issuer, g), meta)
            own = meta.issuer.name
            return own if own and _folded(own, g) == _folded(body, g) else body
    code = next((c.issuer_code for c in cites if c.issuer_code), None)
    if code is None:
        typ = next((c.type for c in cites if c.type), None)
        return g.spec.issuer_by_type.get(typ.name) if typ else None
    if code in g.spec.local_issuers:
        return meta.issuer.name if code == _own_code(meta, g) else None
    names = [g.issuer_name(part) for part in code.split("-")]  # joint issuers of a TTLT
    return ", ".join(names) if all(names) else None


# ------------------------------------------------------------------ records
def record_fields(cites: list[Citation], conflict: bool, meta: ReportMeta, g: Grammar,
                  mentions: list[Mention]) -> dict:
    """The fields of one ``Reference`` from the citations of one document."""
    with_symbol = [c for c in cites if c.symbol]
    main = max(with_symbol, key=lambda c: c.year is not None) if with_symbol else cites[0]
    stated = next((c.stated for c in cites if c.stated), None)
    typ = stated or main.coded
    date = next((c.date for c in cites if c.date), None)
    issues = issues_of(cites, date, meta.date, main.kind, main.year)
    if conflict:
        issues.append("date-conflict")
    return dict(
        type=typ.name if typ else None,
        number=main.number,
        symbol=main.symbol,
        date=date,
        issuer=issuer_of(cites, meta, g),
        subject=next((c.subject for c in cites if c.subject), None),
        mentions=mentions,
        issues=issues,
        kind=main.kind,
        issuer_code=main.issuer_code,
        year=main.year,
    )
