"""The words of the review pages (``patterns/review.yaml``): table titles and column headers,
severity names, and the labels of what a click on a mark shows; validated when loaded."""
from __future__ import annotations

from pydantic import ConfigDict, model_validator

from .. import patterns


class _TableWords(patterns.Schema):
    model_config = ConfigDict(extra="forbid")
    title: str
    columns: list[str]


class _Labels(patterns.Schema):
    model_config = ConfigDict(extra="forbid")


class _IndicatorLabels(_Labels):
    code: str
    value: str
    unit: str
    scope: str
    source: str
    page: str
    evidence: str


class _ReferenceLabels(_Labels):
    date: str
    issuer: str
    subject: str
    mentions: str
    issues: str


class _RowLabels(_Labels):
    label: str
    unit: str
    raw: str
    value: str
    note: str
    page: str


class _CheckLabels(_Labels):
    message: str
    evidence: str


class _FieldWords(_Labels):
    """What a click on a mark shows: field labels per kind of record, and two titles."""

    indicator: _IndicatorLabels
    reference: _ReferenceLabels
    row: _RowLabels
    check: _CheckLabels
    row_title: str    # {form}, {code}
    form_source: str  # {table}

    @model_validator(mode="after")
    def _placeholders(self) -> "_FieldWords":
        try:
            self.row_title.format(form="7", code="6.1")
            self.form_source.format(table="7/6.1")
        except (KeyError, IndexError, ValueError) as e:
            raise ValueError(f"row_title/form_source: only {{form}}, {{code}} and {{table}} may be named "
                             f"({e})") from None
        return self


class _MetaLabels(_Labels):
    title: str
    type: str
    symbol: str
    date: str
    issuer: str
    period: str
    signer: str
    file: str
    pages: str
    ocr_pages: str


class _FormWords(_Labels):
    download: str
    help: str
    fix: str
    drop: str
    accept: str
    dismiss: str


class _ScriptWords(_Labels):
    """What review.js says (passed to it in the page's data)."""

    not_found: str
    close: str
    invalid: str
    changes: str


class _PageWords(_Labels):
    report: str  # the page's title when the report has none
    period: str  # the store index's title: "… – kỳ 2022-H1"
    meta: _MetaLabels
    form: _FormWords
    script: _ScriptWords


class ReviewWords(patterns.Schema):
    """``patterns/review.yaml``: the page's table titles and column headers, severity names and labels."""

    model_config = ConfigDict(extra="forbid")
    tables: dict[str, _TableWords]
    edit_column: str
    severities: dict[str, str]
    fields: _FieldWords
    page: _PageWords


def words() -> ReviewWords:
    return patterns.load("review.yaml", ReviewWords)
