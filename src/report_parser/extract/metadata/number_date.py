"""Number, symbol, place and date of the report: "Số: 165/BC-UBND", "Lê Hồng, ngày
13 tháng 6 năm 2022", else the appendix line "(Kèm theo Báo cáo số 165/BC-UBND
ngày 13/6/2022)". A draft's blank number or day gives None (the symbol keeps its
printed part, "/BC-SNV")."""
from __future__ import annotations

import datetime as dt

import regex

from ...models import ReportMeta
from ...vietnamese import fold_phrase
from .. import Context
from ..dates import parse_date
from ..references_grammar import grammar
from .title import type_names
from .vocab import BLANK_OR_NUMBER, NUMBER_RE, PLACE_DATE_RE, PLACEHOLDER, SYMBOL_TAIL


def canonical_symbol(num: str | None, tail: str) -> str:
    """"1961" + "/QĐ-UBND"; a text layer that lost its hyphens ("1961/QĐUBND") is read as
    the reference grammar reads it ("1961/QĐ-UBND")."""
    symbol = (num or "") + regex.sub(r"\s+", "", tail)
    if num and "-" not in symbol and (read := grammar().parse_symbol(symbol)) and read.number == num:
        return read.symbol
    return symbol


def number_from(header: str, meta: ReportMeta) -> None:
    m = NUMBER_RE.search(header)
    if m:
        _set_symbol(meta, m.group("num"), m.group("tail"))


def _set_symbol(meta: ReportMeta, num: str | None, tail: str) -> None:
    """Number and symbol; a draft's blank number ("Số:      /BC-UBND") leaves both None and
    keeps the printed part in ``symbol_printed``."""
    meta.number = num
    meta.symbol = canonical_symbol(num, tail) if num else None
    meta.symbol_printed = canonical_symbol(num, tail)


def place_date_from(header: str, meta: ReportMeta) -> None:
    m = PLACE_DATE_RE.search(header)
    if not m:
        return
    place = m.group("place").strip()
    meta.place = None if regex.fullmatch(PLACEHOLDER, place) else place
    day, month = (BLANK_OR_NUMBER.match(m.group(g)) for g in ("d", "m"))
    if day and month and day.group(1) and month.group(1):
        meta.date = parse_date(f"{day.group(1)}/{month.group(1)}/{m.group('y')}")


def written_month(header: str) -> dt.date | None:
    """The first day of the month a draft is dated in when its day is left blank
    ("Lâm Đồng, ngày    tháng 8 năm 2025" -> 2025-08-01; no month -> 1 January)."""
    m = PLACE_DATE_RE.search(header)
    if not m:
        return None
    month = BLANK_OR_NUMBER.match(m.group("m"))
    number = int(month.group(1)) if month and month.group(1) else 1
    return dt.date(int(m.group("y")), number if 1 <= number <= 12 else 1, 1)


def appendix_line(ctx: Context, meta: ReportMeta) -> None:
    """Fill type/number/symbol/date from "(Kèm theo Báo cáo số 165/BC-UBND ngày
    13/6/2022)" when the header did not give them (a text export without header)."""
    if meta.number and meta.date and meta.type:
        return
    for lead in grammar().appendix_re.finditer(ctx.text):
        m = _APPENDIX_NUMBER.match(ctx.text, lead.end())
        if m is None:
            continue
        name = type_names()[fold_phrase(lead.group("tw"))]
        if meta.type and fold_phrase(meta.type) != fold_phrase(name):
            continue
        meta.type = meta.type or name
        if not meta.number and (m.group("num") or not meta.symbol_printed):
            _set_symbol(meta, m.group("num"), m.group("tail"))
        if meta.date is None:
            meta.date = parse_date(m.group("rest"))
        return


# what follows the appendix line's type name (references.yaml ``attached_to``): " số 165/BC-UBND ngày …"
_APPENDIX_NUMBER = regex.compile(rf"(?i)\s+số\s*(?P<num>\d+[a-z]?)?\s*(?P<tail>{SYMBOL_TAIL})(?P<rest>[^)\n]*)")
