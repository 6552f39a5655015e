"""Vietnamese numbers: one parser for a cell or token, one finder for running text.

Vietnamese writes ``1.224`` for one thousand two hundred twenty-four and
``99,9`` for ninety-nine point nine, pads counts with zeros (``01``), writes
ratios as ``24/28`` and money in several scales (``10 tỷ đồng``, ``5.236 triệu
đồng``, ``50.000.000 đồng``). Reports are also full of digits that are *not*
quantities: dates, years, document symbols (``309/KH-UBND``), section numbers
(``3.3.1.``), ``ISO 9001:2015`` and ``mức độ 3,4`` (levels 3 and 4, not 3.4).
Both the tables and the figures extractors use this module so that every
number in the output is read the same way. The vocabulary (unit nouns, money
scales, qualifier words) is data in ``patterns/units.yaml``.
"""
from __future__ import annotations

from dataclasses import dataclass

import regex
from pydantic import ConfigDict, Field, model_validator

from .. import patterns
from ..models import Qualifier
from ..numerals import parse_number  # noqa: F401  (its home is the base layer: checks read it too)


class NotQuantities(patterns.Schema):
    """``not_quantities`` of ``patterns/units.yaml``: words around a number that make it no quantity."""

    model_config = ConfigDict(extra="forbid")
    before: list[str]
    document_types: list[str]
    document_types_with_so: list[str]
    articles: list[str]
    list_separators: list[str]
    levels: list[str]
    level_separators: list[str]
    periods_after: list[str]
    dates_before: list[str]


class UnitsSpec(patterns.Schema):
    """``patterns/units.yaml``."""

    model_config = ConfigDict(extra="forbid")  # a misspelt key (a district overlay's) is an error
    nouns: dict[str, str]
    money: dict[str, float]
    qualifiers: dict[str, Qualifier]
    count_scales: dict[str, int] = {}  # "37 ngàn hồ sơ", "84,5 triệu hồ sơ": before a unit noun
    count_scales_alone: dict[str, int] = {}  # "gần 27 ngàn": without a noun (else "5 triệu" is money)
    glued_money: list[str]  # "10tỷ", "500.000đ": money words written right after the digits
    currency: list[str] = Field(min_length=1)  # "đồng", "đ": the money itself, after a scale
    number_words: dict[str, int] = {}  # "chỉ tám hồ sơ quá hạn": a count spelled out, before a unit noun
    number_words_not_before: list[str] = []  # "hai bộ", "ba ngày": a spelled number there is no count
    not_quantities: NotQuantities

    @model_validator(mode="after")
    def _glued_are_money(self) -> "UnitsSpec":
        for key in ("glued_money", "currency"):
            unknown = [w for w in getattr(self, key) if w not in self.money]
            if unknown:
                raise ValueError(f"{key} words that are no money word: {', '.join(unknown)}")
        return self


@dataclass(frozen=True)
class Quantity:
    """One quantity of a text: ``start``/``end`` span the number and its unit."""

    start: int
    end: int
    value: float | int
    unit: str | None  # canonical unit noun, "%" or "triệu đồng"
    kind: str  # count | percent | ratio | money | other
    qualifier: str | None = None  # ">" "<" "≈" ">=" "<=" from "trên", "dưới", "khoảng" ...
    whole: float | int | None = None  # for a ratio "24/28": 28
    text: str = ""
    num_start: int = 0  # span of the number itself (without qualifier or unit)
    num_end: int = 0


# --------------------------------------------------------------------------- one token
# possessive runs: a cell of long runs of spaces or of row codes ("3.3.1.2.") must not backtrack quadratically
def to_million(value: float | int, scale: float) -> float | int:
    """``value`` in a money unit of ``scale`` (triệu đồng per unit) as triệu đồng."""
    out = round(value * scale, 6)
    return int(out) if float(out).is_integer() else out


# --------------------------------------------------------------------------- vocabulary
@patterns.memoised
def _vocab() -> tuple[UnitsSpec, regex.Pattern, regex.Pattern, regex.Pattern]:
    spec = patterns.load("units.yaml", UnitsSpec)
    nouns = regex.compile(r"\s*(" + patterns.alternation(spec.nouns) + r")(?![\p{L}\p{N}])", regex.I)
    money = regex.compile(r"\s*(" + patterns.alternation(spec.money) + r")(?![\p{L}\p{N}])", regex.I)
    quals = regex.compile(r"(?:^|(?<![\p{L}]))(" + patterns.alternation(spec.qualifiers) + r")\s*$", regex.I)
    return spec, nouns, money, quals


def _lookup(mapping: dict[str, object], written: str):
    if written in mapping:
        return mapping[written]
    low = written.casefold()
    return next(v for k, v in mapping.items() if k.casefold() == low)


def last_unit_noun(text: str) -> str | None:
    """The canonical unit of the last unit noun written in ``text`` ("Tổng số hồ sơ tiếp nhận là" -> "hồ sơ").

    A number written without its noun ("được giao là 20") takes the noun its clause named before it.
    """
    spec, nouns, _, _ = _vocab()
    found = None
    pos = 0
    while m := nouns.search(text, pos):
        if m.start(1) == 0 or not text[m.start(1) - 1].isalpha():
            found = m.group(1)
        pos = m.end()
    return str(_lookup(spec.nouns, found)) if found else None


def parse_money(s: str | None) -> float | int | None:
    """The first money amount of a text in triệu đồng: ``"10 tỷ đồng/0%"`` -> 10000."""
    for q in find_quantities(s or ""):
        if q.kind == "money":
            return q.value
    return None


# --------------------------------------------------------------------------- running text
_SLASHED = regex.compile(
    r"(?<![\p{L}\p{N}.,/:_-])\d[\d.,]*(?:/[\p{L}\p{N}][\p{L}\p{N}\-]*(?:\.[\p{L}\p{N}][\p{L}\p{N}\-]*)*)+")
_PERCENT = regex.compile(r"\s?(%|phần\s+trăm)")
_DOC_NUMBER_BEFORE = regex.compile(r"(?:^|(?<![\p{L}]))số\s*$", regex.I)
# "Đề án Bến Tre 50", "Quận 1": a number glued to a proper name
_NAME_BEFORE = regex.compile(r"(?<![\p{L}])\p{Lu}\p{Ll}+ $")
_TOTAL_BEFORE = regex.compile(r"(?:^|(?<![\p{L}]))tổng\s+số\s*$", regex.I)
_ENUMERATOR_AFTER = regex.compile(r"[.)](?:\s|$)")
_SPELLED_OUT = regex.compile(r"\s*\((?:\p{Ll}+\s*){1,6}\)")


def _words(words: list[str]) -> str:
    """An alternation of vocabulary words in which a space stands for any run of spaces."""
    return patterns.alternation(words).replace(r"\ ", r"\s+")


@dataclass(frozen=True)
class _Running:
    """The regexes of numbers in running text, built from ``units.yaml``."""

    num: regex.Pattern
    not_quantity_before: regex.Pattern  # "ngày 5", "Điều 3", "ISO 9001": a name, date part or reference
    doc_type_number_before: regex.Pattern  # "Nghị định 30", "Kế hoạch số 45"
    reference_list_before: regex.Pattern  # "các điều 13, 14, 15 và 24": the rest of a list of articles
    levels: regex.Pattern  # "mức độ 3,4", "mức độ 3 và 4", "mức độ 3, mức độ 4": lists of levels
    period_after: regex.Pattern  # "6 tháng"
    date_words_before: regex.Pattern  # "từ 01/3"


@patterns.memoised
def _running() -> _Running:
    spec = _vocab()[0]
    nq = spec.not_quantities
    word_start = r"(?:^|(?<![\p{L}]))"
    seps = _words(nq.list_separators)
    level = _words(nq.levels)
    return _Running(
        num=regex.compile(
            r"(?<![\p{L}\p{N}.,/:_-])"
            r"(?:\d{1,3}(?:\.\d{3})+(?:,\d+)?|\d{1,3}(?:,\d{3}){2,}(?:\.\d+)?|\d+(?:[.,]\d+)?)"
            r"(?![\p{N}_]|[.,:/]\p{N})"
            r"(?:(?![\p{L}])|(?=(?:" + patterns.alternation(spec.glued_money) + r")(?![\p{L}])))"),
        not_quantity_before=regex.compile(word_start + r"(?:" + _words(nq.before) + r")[\s-]*$", regex.I),
        doc_type_number_before=regex.compile(
            r"(?:(?:" + _words(nq.document_types) + r")(?:\s+số)?|(?:" + _words(nq.document_types_with_so)
            + r")\s+số)\s*$", regex.I),
        reference_list_before=regex.compile(
            word_start + r"(?:" + _words(nq.articles) + r")\s+(?:\d+[a-zđ]?\s*(?:" + seps + r")\s*)+$", regex.I),
        levels=regex.compile(
            r"(?:" + level + r")\s*\d(?:\s*(?:" + seps + "|" + _words(nq.level_separators) + r")\s*(?:(?:"
            + level + r")\s*)?\d)*(?![\p{N}%])", regex.I),
        period_after=regex.compile(r"\s*(?:" + _words(nq.periods_after) + r")(?![\p{L}])", regex.I),
        date_words_before=regex.compile(word_start + r"(?:" + _words(nq.dates_before) + r")\s*$", regex.I),
    )


def level_spans(text: str) -> list[tuple[int, int]]:
    """Spans of service-level lists ("mức độ 3,4"): their digits and commas are no numbers or clause breaks."""
    return _level_spans(text, len(text))


def _level_spans(text: str, end: int) -> list[tuple[int, int]]:
    """:func:`level_spans` of the lists starting before ``end``."""
    out = []
    for m in _running().levels.finditer(text):
        if m.start() >= end:
            break
        out.append(m.span())
    return out


class _Taken:
    """Spans already read (slashed tokens, level lists), asked in increasing positions: one
    pass over them for all the numbers of a text, not a scan of every span for each number."""

    def __init__(self, spans: list[tuple[int, int]]):
        self._spans = sorted(spans)
        self._i = 0
        self._reach = -1  # the furthest end of the spans starting at or before the last position

    def __contains__(self, pos: int) -> bool:
        while self._i < len(self._spans) and self._spans[self._i][0] <= pos:
            self._reach = max(self._reach, self._spans[self._i][1])
            self._i += 1
        return pos < self._reach


@patterns.memoised
def _scales() -> tuple[regex.Pattern, regex.Pattern]:
    spec = _vocab()[0]
    money = patterns.alternation(spec.currency)  # "5 triệu đồng" is money, no count of 5 million
    out = []
    for words in (spec.count_scales, spec.count_scales_alone):
        alt = patterns.alternation(words) if words else r"(?!x)x"
        out.append(regex.compile(rf"\s*({alt})(?![\p{{L}}\p{{N}}])(?!\s*(?:{money})(?![\p{{L}}]))", regex.I))
    return out[0], out[1]


def _count_scale(text: str, end: int) -> tuple[str | None, int, float] | None:
    """(unit, end, multiplier) of "ngàn hồ sơ" / "triệu hồ sơ" / a lone "ngàn" after a number."""
    spec, nouns, _, _ = _vocab()
    with_noun, alone = _scales()
    m = with_noun.match(text, end)
    if m and (n := nouns.match(text, m.end())):
        return str(_lookup(spec.nouns, n.group(1))), n.end(), float(_lookup(spec.count_scales, m.group(1)))
    if m := alone.match(text, end):
        return None, m.end(), float(_lookup(spec.count_scales_alone, m.group(1)))
    return None


def _after_unit(text: str, end: int) -> tuple[str | None, str, int, float | None]:
    """(unit, kind, end, scale) of what follows a number ending at ``end``: the scale is money's
    to triệu đồng, or a count's multiplier ("10,18 ngàn hồ sơ")."""
    spec, nouns, money, _ = _vocab()
    if m := _PERCENT.match(text, end):
        return "%", "percent", m.end(), None
    if scaled := _count_scale(text, end):
        return scaled[0], "count", scaled[1], scaled[2]
    if m := money.match(text, end):
        return "triệu đồng", "money", m.end(), float(_lookup(spec.money, m.group(1)))
    spelled = _SPELLED_OUT.match(text, end)  # "20 (hai mươi) ngày"
    if m := nouns.match(text, spelled.end() if spelled else end):
        return str(_lookup(spec.nouns, m.group(1))), "count", m.end(), None
    return None, "count", end, None


def _qualifier(text: str, start: int) -> str | None:
    spec, _, _, quals = _vocab()
    m = quals.search(text[max(0, start - 20):start])
    return str(_lookup(spec.qualifiers, m.group(1))) if m else None


def _is_enumerator(text: str, start: int, end: int) -> bool:
    line_start = text.rfind("\n", 0, start) + 1
    lead = text[line_start:start].strip()
    if (lead in ("", "-", "+", "*", "•", "(") or lead[-1:] in "\"'") and _ENUMERATOR_AFTER.match(text, end):
        return True
    return text[start - 1:start] == "(" and text[end:end + 1] == ")"


_NUMERAL = regex.compile(r"[\d.,]+")
_YEAR = regex.compile(r"(?:19|20)\d\d")
_NON_DIGITS = regex.compile(r"\D")


def _ratio(text: str, m: regex.Match) -> Quantity | None:
    """A slashed token that is a ratio ("24/28", "03/03"), not a date or a symbol."""
    parts = m.group(0).split("/")
    if len(parts) != 2 or not all(_NUMERAL.fullmatch(p) for p in parts):
        return None
    part, whole = parse_number(parts[0]), parse_number(parts[1])
    if part is None or whole is None or not whole or part > whole:
        return None
    if _YEAR.fullmatch(parts[1]) or _running().date_words_before.search(text[max(0, m.start() - 12):m.start()]):
        return None
    unit, kind, end, _ = _after_unit(text, m.end())
    if kind == "percent":
        return None
    return Quantity(m.start(), end, part, unit, "ratio", _qualifier(text, m.start()), whole,
                    text[m.start():end], m.start(), m.end())


def _name_or_reference(text: str, start: int, num_end: int) -> bool:
    """The number names a date part, an article, a document or an enumerator, whatever follows it."""
    before = text[max(0, start - 25):start]
    rx = _running()
    return bool(rx.not_quantity_before.search(before) or rx.doc_type_number_before.search(before)
                or _is_enumerator(text, start, num_end) or rx.reference_list_before.search(before))


def _bare_non_quantity(text: str, start: int, num_end: int, tok: str) -> bool:
    """A number without a unit that is no quantity: "Nghị quyết số 18", "Đề án Bến Tre 50", a year,
    "6 tháng đầu năm"."""
    before = text[max(0, start - 25):start]
    if _DOC_NUMBER_BEFORE.search(before) and not _TOTAL_BEFORE.search(before):
        return True
    if _NAME_BEFORE.search(before) and not _qualifier(text, start):
        return True
    if _YEAR.fullmatch(tok):
        return True
    spelled = _SPELLED_OUT.match(text, num_end)
    return bool(_running().period_after.match(text, spelled.end() if spelled else num_end))


def _single(text: str, m: regex.Match) -> Quantity | None:
    start, num_end = m.span()
    tok = m.group(0)
    value = parse_number(tok)
    if value is None or _name_or_reference(text, start, num_end):
        return None
    unit, kind, end, scale = _after_unit(text, num_end)
    if unit is None and _bare_non_quantity(text, start, num_end, tok):
        return None
    digits = _NON_DIGITS.sub("", tok)
    if digits.startswith("0") and len(digits) >= 8:
        return None  # a telephone number
    if unit is None and isinstance(value, float) and scale is None:
        kind = "other"  # a bare decimal is no count
    if scale is not None:
        value = to_million(value, scale)
    return Quantity(start, end, value, unit, kind, _qualifier(text, start), None,
                    text[start:end], start, num_end)


@patterns.memoised
def _spelled() -> regex.Pattern:
    spec = _vocab()[0]
    if not spec.number_words:
        return regex.compile(r"(?!x)x")
    skip = _words(spec.number_words_not_before) if spec.number_words_not_before else r"(?!x)x"
    return regex.compile(r"(?<![\p{L}\p{N}])(" + _words(list(spec.number_words)) + r")(?=\s+(?!(?:" + skip
                         + r")(?![\p{L}]))\p{L})", regex.I)


def _spelled_counts(text: str, end: int) -> list[Quantity]:
    """Counts spelled out before their unit noun ("chỉ tám hồ sơ quá hạn", "đã giải quyết sáu hồ sơ")."""
    spec = _vocab()[0]
    out = []
    for m in _spelled().finditer(text):
        if m.start() >= end:
            break
        unit, kind, end, _ = _after_unit(text, m.end())
        if unit is not None and kind == "count":
            out.append(Quantity(m.start(), end, int(_lookup(spec.number_words, m.group(1))), unit, "count",
                                _qualifier(text, m.start()), None, text[m.start():end], m.start(), m.end()))
    return out


def find_quantities(text: str, end: int | None = None) -> list[Quantity]:
    """Every quantity of ``text`` in order, with unit, kind, qualifier and ratio whole.

    Money is normalised to triệu đồng. Dates, years, document symbols, section
    numbers, ordinals, standards ("ISO 9001:2015") and service levels ("mức độ
    3,4") are not quantities and are left out. ``end``: only the quantities starting
    before it (each read from the whole text: the same as those of the full list).
    """
    end = len(text) if end is None else end
    out: list[Quantity] = []
    taken: list[tuple[int, int]] = []
    for m in _SLASHED.finditer(text):
        if m.start() >= end:
            break  # a span from here on only covers numbers from here on
        taken.append(m.span())
        if q := _ratio(text, m):
            out.append(q)
    taken.extend(_level_spans(text, end))
    inside = _Taken(taken)
    for m in _running().num.finditer(text):
        if m.start() >= end:
            break
        if m.start() in inside:
            continue
        if q := _single(text, m):
            out.append(q)
    out.extend(_spelled_counts(text, end))
    out.sort(key=lambda q: q.start)
    return out
