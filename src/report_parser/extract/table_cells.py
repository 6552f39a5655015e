"""Cells of appendix statistic forms: row codes, coded answers, units and values.

The rules of the contract for a form's "Số lượng/Tỷ lệ" cell: an empty cell is
``None`` (not 0); a coded answer ("Có = 1; Không = 0" in the unit column) has
the chosen code as its value; a money cell written in another scale than its
row's unit ("10 tỷ đồng/0%" in a "Triệu đồng" row) is converted to the row's
unit; a unit printed again before the number ("Văn bản 0" under "Văn bản") is
not part of the value. Numbers themselves are read by the shared parser in
:mod:`.numbers`. The vocabulary is ``patterns/table_units.yaml``.
"""
from __future__ import annotations


import regex
from pydantic import ConfigDict

from .. import catalogue, patterns
from ..vietnamese import one_line
from . import numbers


class TableVocab(patterns.Schema):
    """``patterns/table_units.yaml``."""

    model_config = ConfigDict(extra="forbid")  # a misspelt key (a district overlay's) is an error
    units: list[str]
    columns: dict[str, list[str]]
    form_roles: list[str]
    form_heading: str
    header_starts: list[str]
    form_end: list[str]
    layout_markers: list[str]
    label_number_words: list[str]
    total_rows: list[str]


def vocab() -> TableVocab:
    return patterns.load("table_units.yaml", TableVocab)


clean = one_line  # a cell's text as one NFC line (shared with the checks, from the base layer)


# --------------------------------------------------------------------------- row codes
# "3.3.1", "1.4", "5.1.", "2." in a flattened line: a dot inside or after the number
# (OCR may double the trailing dot: "4.4...")
_FLAT_CODE = regex.compile(r"^(\d{1,2}(?:\.\d{1,2}){1,3}\.*|\d{1,2}\.+)(?=\s|$)")
_CELL_CODE = regex.compile(r"^(?:(?:\d{1,2}|[IVXLC]{1,6})(?:\.\d{1,2}){0,3}|[a-zđA-Z])\.?$")
_SPACE_RUNS = regex.compile(r"\s+")
_TRAILING_NUMBER = regex.compile(r"\s(\d[\d.,]*%?)$")


def row_code(cell: str | None) -> str | None:
    """The STT of a form row as printed, without spaces and the trailing dot ("3.3.1\\n." -> "3.3.1")."""
    s = _SPACE_RUNS.sub("", cell or "")
    return s.rstrip(".") if s and _CELL_CODE.match(s) else None


def flat_code(line: str) -> tuple[str, str] | None:
    """(code, rest of the line) when a flattened line starts with a form row code."""
    s = line.strip()
    m = _FLAT_CODE.match(s)
    return (m.group(1).rstrip("."), s[m.end():].strip().lstrip("_. ")) if m else None


# --------------------------------------------------------------------------- coded answers
_OPTION = regex.compile(r"(?P<label>[^=;,\s][^=;,]*?)\s*=\s*(?P<code>\d{1,2})(?!\d)\s*[;,]?")
_FIRST_EQUALS = regex.compile(r"\s*=\s*\d")


def coded_options(text: str | None) -> list[tuple[str, int]]:
    """The options of a coded answer ("Chưa = 0 Hoàn thành = 1" -> [("Chưa", 0), ("Hoàn thành", 1)])."""
    found = [(clean(m.group("label")), int(m.group("code"))) for m in _OPTION.finditer(clean(text))]
    return found if len(found) >= 2 else []


def coded_value(raw: str, options: list[tuple[str, int]]) -> int | None:
    """The chosen code: the number written in the cell, or the option it names."""
    value = numbers.parse_number(raw)
    if isinstance(value, int):
        return value
    folded = clean(raw).casefold()
    return next((code for label, code in options if label.casefold() == folded), None)


def split_coded(text: str) -> tuple[str, str, str] | None:
    """(label, options, tail) of a flattened coded row: "... tổ chức Có = 1; Không = 0 1"."""
    m = _FIRST_EQUALS.search(text)
    if not m:
        return None
    words = text[:m.start()].split(" ")
    # the first option's name is the shortest capitalised run of at most three words before "="
    for k in range(1, min(3, len(words)) + 1):
        if words[-k][:1].isupper():
            break
    else:
        return None
    opt_start = len(" ".join(words[:-k]))
    options, end = [], opt_start
    for om in _OPTION.finditer(text, opt_start):
        if text[end:om.start()].strip():
            break
        options.append(om)
        end = om.end()
    if len(options) < 2:
        return None
    return text[:opt_start].strip(), text[opt_start:end].strip(), text[end:].strip()


# --------------------------------------------------------------------------- units and values
@patterns.memoised
def _unit_regex() -> regex.Pattern:
    alt = patterns.alternation(vocab().units)
    return regex.compile(r"(?<![\p{L}\p{N}(])(" + alt + r")(?![\p{L}\p{N}])")


def _money_scale(unit: str | None) -> float | None:
    """Triệu đồng per one of the row's unit, when the row's unit is money."""
    money = patterns.load("units.yaml", numbers.UnitsSpec).money
    u = clean(unit).casefold()
    return next((float(v) for k, v in money.items() if k.casefold() == u), None)


def strip_unit(raw: str, unit: str | None) -> str:
    """The cell without its row's unit printed again in front ("Văn bản 0" -> "0")."""
    s, u = clean(raw), clean(unit)
    while u and s.casefold().startswith(u.casefold()) and s[len(u):len(u) + 1] in ("", " "):
        s = s[len(u):].strip()
    return s


def _integral(v: float | int) -> float | int:
    return int(v) if isinstance(v, float) and v.is_integer() else v


# a grouped number a narrow cell wrapped inside its last group: "17.454.00" / "0"
_WRAPPED_NUMBER = regex.compile(r"(\d{1,3}(?:\.\d{3})*\.\d{0,2}) (\d{1,3}(?:[.,]\d+)*)")
_GROUPED = regex.compile(r"\d{1,3}(?:\.\d{3})+(?:,\d+)?")


def _unwrapped(text: str) -> str:
    """The number of a cell whose last digits went to the next line, joined again; other
    text as it is (two numbers in one cell stay two: only a cut group is joined)."""
    m = _WRAPPED_NUMBER.fullmatch(text)
    return m.group(1) + m.group(2) if m and _GROUPED.fullmatch(m.group(1) + m.group(2)) else text


_RATIO = regex.compile(r"(\d[\d.]*)\s*/\s*(\d[\d.]*)")


def _ratio_as_rate(text: str, unit: str | None) -> float | int | None:
    """A rate row's cell written as the ratio it is ("12/12" under "%"): the percentage."""
    m = _RATIO.fullmatch(text)
    if not m or not catalogue.is_rate_unit(unit):
        return None
    part, whole = numbers.parse_number(m.group(1)), numbers.parse_number(m.group(2))
    if not isinstance(part, int) or not isinstance(whole, int) or not 0 < whole or part > whole:
        return None
    return _integral(round(100 * part / whole, 2))


def cell_value(raw: str | None, unit: str | None) -> float | int | None:
    """The value of a form's "Số lượng/Tỷ lệ" cell in its row's unit, None when it holds none."""
    text = _unwrapped(strip_unit(raw or "", unit))
    if not text:
        return None
    if options := coded_options(unit):
        return coded_value(text, options)
    if (rate := _ratio_as_rate(text, unit)) is not None:
        return rate
    value = numbers.parse_number(text)
    if value is not None:
        return value
    scale = _money_scale(unit)
    if scale and (million := numbers.parse_money(text)) is not None:
        return _integral(round(million / scale, 6))
    found = numbers.find_quantities(text)
    return found[0].value if found and found[0].start == 0 else None


# --------------------------------------------------------------------------- flattened rows
@patterns.memoised
def _value_tail() -> regex.Pattern:
    """A value and its money unit ("1,5 tỷ đồng"), then the note; the currency words and the scales
    are units.yaml's (``currency``; the words its money units write before one: tỷ, triệu, nghìn...)."""
    spec = patterns.load("units.yaml", numbers.UnitsSpec)
    scales = [k.removesuffix(f" {c}") for k in spec.money for c in spec.currency if k.endswith(f" {c}")]
    money = patterns.alternation(spec.currency)
    return regex.compile(
        rf"^(\S+(?:\s+(?:{patterns.alternation(scales)})?\s*(?:{money})(?![\p{{L}}])\S*)?)\s*(.*)$")


def _split_tail(tail: str) -> tuple[str | None, str | None]:
    """(raw value, note) of what follows the unit in a flattened row."""
    if not tail:
        return None, None
    m = _value_tail().match(tail)
    return m.group(1), (m.group(2) or None)


def _trailing_number(label: str) -> tuple[str, str | None]:
    """A row without a unit may end with its value ("Tuyển dụng công chức, viên chức 0")."""
    m = _TRAILING_NUMBER.search(label)
    if not m:
        return label, None
    before = label[:m.start()].casefold()
    if any(before.endswith(" " + w.casefold()) or before == w.casefold() for w in vocab().label_number_words):
        return label, None
    return label[:m.start()].strip(), m.group(1)


def split_flat_row(text: str) -> tuple[str, str | None, str | None, str | None]:
    """(label, unit, raw value, note) of a form row whose cells were flattened into one line."""
    text = clean(text)
    if coded := split_coded(text):
        label, options, tail = coded
        raw, note = _split_tail(tail)
        return label, options, raw, note
    for m in _unit_regex().finditer(text):
        unit = m.group(1)
        tail = strip_unit(text[m.end():], unit)
        if not tail or tail[:1].isdigit():
            raw, note = _split_tail(tail)
            return text[:m.start()].strip(), unit, raw, note
    label, raw = _trailing_number(text)
    return label, None, raw, None
