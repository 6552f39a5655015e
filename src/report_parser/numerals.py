"""The value of a number as Vietnamese reports write it (base layer: extract and checks read it).

``"1.224"`` is 1224, ``"99,9"`` is 99.9, ``"01"`` is 1, ``"1.224,5"`` is 1224.5.
"""
from __future__ import annotations

import regex


_CLEAN = regex.compile(r"^\(?\s*+([+-]?)\s*+((?:[.,\s]*+\d)++)\s*+(%|phần trăm)?\s*+\)?$")


def _digits_value(sign: str, body: str, decimals: str | None) -> float | int:
    whole = int(body.lstrip("0") or "0")
    if decimals is None:
        return -whole if sign == "-" else whole
    value = round(float(f"{whole}.{decimals}"), len(decimals))
    return -value if sign == "-" else value


def _grouped(groups: list[str]) -> bool:
    """True when ``groups`` look like thousands groups: 1-3 digits, then threes."""
    return 1 <= len(groups[0]) <= 3 and all(len(g) == 3 for g in groups[1:])


def parse_number(s: str | None) -> float | int | None:
    """The value of a number token or table cell, or None when it is not one number.

    ``"1.224"`` and ``"1224"`` -> 1224; ``"99,9"`` -> 99.9; ``"01"`` -> 1;
    ``"84,4%"`` -> 84.4; ``"1.224,5"`` -> 1224.5; ``"1 224"`` -> 1224. A single
    comma is the Vietnamese decimal mark; a single dot before exactly three
    digits groups thousands, before other digit counts it is a decimal point.
    """
    if s is None:
        return None
    m = _CLEAN.match(s.strip())
    if not m:
        return None
    sign, body = m.group(1), m.group(2)
    if " " in body:
        parts = body.split()
        if not _grouped(parts) or any(not p.isdigit() for p in parts):
            return None
        body = "".join(parts)
    if "." in body and "," in body:
        return _both_marks(sign, body)
    mark = "." if "." in body else "," if "," in body else None
    return _digits_value(sign, body, None) if mark is None else _one_mark(sign, body, mark)


def _both_marks(sign: str, body: str) -> float | int | None:
    """"1.224,5" or "1,224.5": the last mark is the decimal one, the other groups thousands."""
    dec_mark = "," if body.rfind(",") > body.rfind(".") else "."
    group_mark = "." if dec_mark == "," else ","
    head, _, dec = body.rpartition(dec_mark)
    if dec_mark in head or not dec.isdigit() or not _grouped(head.split(group_mark)):
        return None
    return _digits_value(sign, head.replace(group_mark, ""), dec)


def _one_mark(sign: str, body: str, mark: str) -> float | int | None:
    """"1.224" (thousands), "99,9" or "2.5" (decimal), "1.224.000" (thousands)."""
    groups = body.split(mark)
    if any(not g for g in groups):
        return None
    if len(groups) > 2 or (mark == "." and _grouped(groups)):
        return _digits_value(sign, "".join(groups), None) if _grouped(groups) else None
    return _digits_value(sign, groups[0], groups[1])
