"""The indicator catalogue (``patterns/catalogue.yaml``): every code once, with its
name, unit, kind and how the district combines it.

This is the one place that says whether a code is a rate, what it is called and
which counts make it; the text rules, the checks, the aggregate sheets and the JSON
Schema read it from here.
"""
from __future__ import annotations

from typing import Literal

from pydantic import ConfigDict, model_validator

from . import patterns


class Entry(patterns.Schema):
    model_config = ConfigDict(extra="forbid", frozen=True)

    name: str                     # Vietnamese name, the column header of the district's sheets
    short: str                    # the officer's term inside a sentence (check messages)
    unit: str
    kind: Literal["count", "rate", "money"]
    aggregation: Literal["sum", "recompute", "mean"]
    of: tuple[str, str] | None = None   # a rate's (numerator, denominator) counts

    @property
    def label(self) -> str:
        return self.name

    @model_validator(mode="after")
    def _consistent(self) -> "Entry":
        if (self.aggregation == "recompute") != (self.of is not None):
            raise ValueError("aggregation 'recompute' needs `of: [numerator, denominator]` and only it has one")
        if self.kind != "rate" and self.aggregation != "sum":
            raise ValueError(f"a {self.kind} is summed (aggregation: sum)")
        if self.kind == "rate" and self.aggregation == "sum":
            raise ValueError("a rate is never summed (recompute or mean)")
        return self


class Catalogue(patterns.Schema):
    model_config = ConfigDict(extra="forbid")

    rate_units: list[str]
    indicators: dict[str, Entry]

    @model_validator(mode="after")
    def _rates_of_known_counts(self) -> "Catalogue":
        for code, e in self.indicators.items():
            for part in e.of or ():
                if part not in self.indicators or self.indicators[part].kind == "rate":
                    raise ValueError(f"{code}: `of` names {part!r}, which is no count of the catalogue")
        return self


def load() -> Catalogue:
    return patterns.load("catalogue.yaml", Catalogue)


def entries() -> dict[str, Entry]:
    return load().indicators


def get(code: str) -> Entry | None:
    return entries().get(code)


def is_rate(code: str) -> bool:
    """Whether a catalogue code is a rate (percentage)."""
    e = get(code)
    return e is not None and e.kind == "rate"


def is_rate_unit(unit: str | None) -> bool:
    """Whether a table row's unit ("%", "Tỷ lệ") makes it a rate row."""
    u = (unit or "").strip().casefold()
    return bool(u) and u in {x.casefold() for x in load().rate_units}


def unit(code: str) -> str | None:
    e = get(code)
    return e.unit if e else None


def name(code: str) -> str:
    """The column header of a code (the code itself when not catalogued)."""
    e = get(code)
    return e.name if e else code


def short(code: str) -> str:
    """The officer's term for a code inside a sentence (the code itself when not catalogued)."""
    e = get(code)
    return e.short if e else code


# --------------------------------------------------------------------------- documentation
_KINDS = {"count": "số lượng", "rate": "tỷ lệ", "money": "tiền"}
_AGGREGATIONS = {"sum": "tổng", "recompute": "tính lại từ tổng tử số / tổng mẫu số", "mean": "trung bình"}


def markdown() -> str:
    """``docs/catalogue.md``: the catalogue as a table (``scripts/catalogue_doc.py`` writes it)."""
    lines = ["# Indicator catalogue", "",
             "Generated from `patterns/catalogue.yaml` by `scripts/catalogue_doc.py`; do not edit by hand",
             "(a test fails when this page is not current). Rates are percentages (85 means 85 %).", "",
             "| code | name | unit | kind | aggregation | numerator / denominator |",
             "|---|---|---|---|---|---|"]
    for code, e in entries().items():
        of = f"`{e.of[0]}` / `{e.of[1]}`" if e.of else ""
        lines.append(f"| `{code}` | {e.name} | {e.unit} | {e.kind} ({_KINDS[e.kind]}) "
                     f"| {e.aggregation} ({_AGGREGATIONS[e.aggregation]}) | {of} |")
    units = ", ".join(f'"{u}"' for u in load().rate_units)
    lines += ["", f"A table row whose unit is one of {units} is a rate row.", ""]
    return "\n".join(lines)


def document_schema(schema: dict) -> dict:
    """Name the catalogue codes in the JSON Schema of ``Indicator.code`` (documentation only:
    a district's own codes stay valid)."""
    prop = schema.get("$defs", {}).get("Indicator", {}).get("properties", {}).get("code")
    if prop is not None:
        prop["description"] = ("a code of the indicator catalogue (patterns/catalogue.yaml, docs/catalogue.md): "
                               + "; ".join(f"{c} = {e.name} ({e.unit})" for c, e in entries().items()))
        prop["examples"] = list(entries())
    return schema
