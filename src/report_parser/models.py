"""The output contract (``../shared/CONTRACT.md``, schema version 1) as pydantic v2 models.

The models *are* the contract: ``Report.model_json_schema()`` is what
``parse-report schema`` prints. Fields may be added; the contract's fields are
never renamed or dropped.
"""
from __future__ import annotations

import datetime as dt
from typing import Annotated, Literal, Union

from pydantic import BaseModel, ConfigDict, Field

from . import levels as _levels

SCHEMA_VERSION = "1"

Level = Literal[_levels.shipped()]  # type: ignore[valid-type]  # patterns/levels.yaml, the one home of the words
PeriodKind = Literal["Q1", "Q2", "Q3", "Q4", "H1", "9M", "Y", "other"]
FigureKind = Literal["count", "percent", "ratio", "money", "other"]
Severity = Literal["error", "warning", "info"]
Qualifier = Literal[">", "<", "≈", ">=", "<="]  # "trên 80%" is ">" (units.yaml qualifiers give them)


def _list() -> list:
    """An empty list: a default factory pydantic reads the signature of cheaply (``list``'s own
    is parsed from its text signature by ``inspect``, ~0.2 ms for each field)."""
    return []


def _dict() -> dict:
    """An empty dict (see :func:`_list`)."""
    return {}


class _Model(BaseModel):
    model_config = ConfigDict(extra="forbid", validate_assignment=True)


class Source(_Model):
    path: str
    sha256: str
    format: str = Field(description="pdf | docx | txt | doc | odt | image")
    pages: int
    ocr: bool = False
    repairs: list[str] = Field(default_factory=_list, description="kinds of text repair applied")
    size: int | None = Field(None, description="file size in bytes")
    ocr_pages: list[int] = Field(default_factory=_list, description="1-based pages whose text came from OCR")
    ocr_confidence: dict[str, float] = Field(
        default_factory=_dict, description="mean Tesseract word confidence (0-100) per OCR'd page")
    warnings: list[str] = Field(default_factory=_list)


class Issuer(_Model):
    name: str | None = None
    level: Level | None = None
    unit: str | None = None
    district: str | None = None
    province: str | None = None
    parent: str | None = Field(None, description="the superior body printed above the issuer, e.g. 'UBND huyện Thanh Miện'")


class Period(_Model):
    start: dt.date | None = None
    end: dt.date | None = None
    label: str | None = None
    year: int | None = None
    kind: PeriodKind | None = None


class Signer(_Model):
    name: str | None = None
    position: str | None = None
    capacity: str | None = Field(None, description="TM. | KT. | Q. | TL. | TUQ. | null when signing in own name")


class ReportMeta(_Model):
    title: str | None = None
    type: str | None = None
    number: str | None = None
    symbol: str | None = None
    symbol_printed: str | None = Field(None, description="the symbol as printed, also a draft's whose number "
                                       "is blank ('/BC-UBND'; symbol and number are then null)")
    date: dt.date | None = None
    place: str | None = None
    issuer: Issuer = Field(default_factory=lambda: Issuer())
    period: Period = Field(default_factory=lambda: Period())
    signer: Signer = Field(default_factory=lambda: Signer())
    recipients: list[str] = Field(default_factory=_list)


class Mention(_Model):
    page: int | None
    start: int
    end: int
    text: str


class Reference(_Model):
    type: str | None
    number: str | None
    symbol: str | None = None
    date: dt.date | None = None
    issuer: str | None = None
    subject: str | None = None
    mentions: list[Mention] = Field(default_factory=_list)
    issues: list[str] = Field(default_factory=_list)
    kind: str | None = Field(None, description="administrative | normative | party | official_letter | untyped")
    issuer_code: str | None = Field(None, description="the issuer part of the symbol, e.g. UBND, NĐ-CP → CP")
    year: int | None = Field(None, description="year in a normative symbol (130/2005/NĐ-CP → 2005)")


class Indicator(_Model):
    code: str
    value: float | int
    unit: str | None = None
    dimension: dict[str, str] = Field(default_factory=_dict)
    qualifier: Qualifier | None = None
    source: Literal["text", "table"] = "text"
    page: int | None = None
    evidence: str | None = None
    start: int | None = None
    end: int | None = None
    section: str | None = None
    table: str | None = Field(None, description="for source=table: FORM/CODE of the row, e.g. 3/3.3.1")


class FormRow(_Model):
    code: str
    label: str
    unit: str | None = None
    value: float | int | None = None
    raw: str | None = None
    note: str | None = None
    page: int | None = None


class GridRow(_Model):
    cells: list[str | None]
    page: int | None = None


class FormTable(_Model):
    kind: Literal["form"] = "form"
    form: str | None = None
    title: str | None = None
    page: int | None = None
    pages: list[int] = Field(default_factory=_list)
    rows: list[FormRow] = Field(default_factory=_list)


class GridTable(_Model):
    kind: Literal["grid"] = "grid"
    form: str | None = None
    title: str | None = None
    page: int | None = None
    pages: list[int] = Field(default_factory=_list)
    columns: list[str] = Field(default_factory=_list)
    rows: list[GridRow] = Field(default_factory=_list)


Table = Annotated[Union[FormTable, GridTable], Field(discriminator="kind")]


class Figure(_Model):
    value: float | int
    unit: str | None = None
    kind: FigureKind = "other"
    text: str
    section: str | None = None
    page: int | None = None
    start: int
    end: int
    sentence: str | None = None
    qualifier: str | None = None
    whole: float | int | None = Field(None, description="for a ratio '24/28': the whole (28); value is the part")
    scale: float | None = Field(None, description="for a number written with a scale word ('4,52 ngàn hồ sơ', "
                                "'23.997 tỷ đồng'): how many units its written number stands for (1000); "
                                "such a number is rounded to its last written digit")


class Check(_Model):
    rule: str
    severity: Severity
    message: str
    indicators: list[str] = Field(default_factory=_list)
    references: list[str] = Field(default_factory=_list)
    evidence: list[str] = Field(default_factory=_list)
    pages: list[int] = Field(default_factory=_list)


class Report(_Model):
    schema_version: Literal["1"] = SCHEMA_VERSION
    source: Source
    report: ReportMeta = Field(default_factory=lambda: ReportMeta())
    references: list[Reference] = Field(default_factory=_list)
    indicators: list[Indicator] = Field(default_factory=_list)
    tables: list[Table] = Field(default_factory=_list)
    figures: list[Figure] = Field(default_factory=_list)
    checks: list[Check] = Field(default_factory=_list)

    def to_json(self, *, pretty: bool = False) -> str:
        return self.model_dump_json(indent=2 if pretty else None)
