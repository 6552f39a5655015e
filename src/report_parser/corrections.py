"""An officer's corrections: what the review page downloads and ``parse-report correct`` stores.

A correction never overwrites what the parser read: the stored report and its
rows stay as parsed, and the ``corrections`` table (store schema v2) says, for
one report file (its sha256), which record was corrected, how, by whom and when.
The aggregation reads the corrected value where there is one and marks the cell.

A record is named by a *key* that both the review page (from the report JSON)
and the aggregation (from the store's flat rows) can compute:

* indicator: ``code|field|table|page`` (``table`` is the form row, e.g. ``3/3.3.2``);
* form row: ``form|code``;
* check: ``rule|message``.

Actions: ``value`` (a new value), ``not_indicator`` (drop the indicator),
``accept`` / ``dismiss`` (a check).
"""
from __future__ import annotations

import datetime as dt
import json
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Literal, Optional, Union

from pydantic import BaseModel, ConfigDict, ValidationError

from .errors import EXIT_USAGE, ReportParserError
from .models import Check, FormTable, Indicator, Report

if TYPE_CHECKING:
    from .database import Database

Target = Literal["indicator", "row", "check"]
Action = Literal["value", "not_indicator", "accept", "dismiss"]
ACTIONS: dict[str, tuple[str, ...]] = {"indicator": ("value", "not_indicator"), "row": ("value",),
                                       "check": ("accept", "dismiss")}


class CorrectionError(ReportParserError):
    """A corrections file that cannot be applied (unreadable, or for a report not in the store)."""

    exit_code = EXIT_USAGE


class Item(BaseModel):
    model_config = ConfigDict(extra="ignore")
    target: Target
    key: str
    action: Action
    value: Optional[float] = None
    original: Union[float, str, None] = None
    label: Optional[str] = None


class ReportRef(BaseModel):
    model_config = ConfigDict(extra="ignore")
    sha256: str
    path: Optional[str] = None


class CorrectionsFile(BaseModel):
    model_config = ConfigDict(extra="ignore")
    report: ReportRef
    corrections: list[Item]


# --------------------------------------------------------------------------- keys

def indicator_key(code: str, field_: str | None, table: str | None, page: int | None) -> str:
    return f"{code}|{field_ or ''}|{table or ''}|{page or ''}"


def key_of_indicator(i: Indicator) -> str:
    return indicator_key(i.code, i.dimension.get("field"), i.table, i.page)


def row_key(form: str | None, code: str | None) -> str:
    return f"{form or ''}|{code or ''}"


def check_key(c: Check) -> str:
    return f"{c.rule}|{c.message}"


def report_keys(report: Report) -> dict[str, set[str]]:
    """Every key a correction of this report may name, by target."""
    return {"indicator": {key_of_indicator(i) for i in report.indicators},
            "row": {row_key(t.form, r.code) for t in report.tables if isinstance(t, FormTable) for r in t.rows},
            "check": {check_key(c) for c in report.checks}}


# --------------------------------------------------------------------------- reading

@dataclass(frozen=True)
class Fix:
    action: str
    value: float | None
    by: str | None
    at: str

    def note(self) -> str:
        who = f" bởi {self.by}" if self.by else ""
        return f"Đã sửa{who} lúc {self.at}"


def fixes(db: Database, sha256: str) -> dict[tuple[str, str], Fix]:
    """The corrections in force for one report file: (target, key) -> the latest one."""
    out: dict[tuple[str, str], Fix] = {}
    for r in db.execute("SELECT target, key, action, value, by, at FROM corrections WHERE sha256 = ? ORDER BY id",
                          (sha256,)):
        out[(r["target"], r["key"])] = Fix(r["action"], r["value"], r["by"], r["at"])
    return out


# --------------------------------------------------------------------------- applying

def load_file(path: Path) -> list[CorrectionsFile]:
    """One report's corrections (what the review page downloads) or a list of them."""
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except FileNotFoundError:
        raise CorrectionError(f"{path}: no such file") from None
    except (OSError, UnicodeDecodeError, json.JSONDecodeError) as e:
        raise CorrectionError(f"{path}: not a corrections file ({e})") from None
    try:
        return [CorrectionsFile.model_validate(d) for d in (data if isinstance(data, list) else [data])]
    except ValidationError as e:
        first = e.errors()[0]
        where = ".".join(str(x) for x in first["loc"])
        raise CorrectionError(f"{path}: not a corrections file ({where}: {first['msg']})") from None


def apply(db: Database, files: list[CorrectionsFile], *, by: str | None = None) -> int:
    """Record every correction, all or nothing; returns how many were recorded."""
    at = dt.datetime.now(dt.timezone.utc).isoformat(timespec="seconds")
    rows = []
    for f in files:
        stored = db.execute("SELECT json FROM reports WHERE sha256 = ?", (f.report.sha256,)).fetchone()
        if stored is None:
            raise CorrectionError(f"the report {f.report.path or f.report.sha256[:12]} is not in the store "
                                  f"(sha256 {f.report.sha256[:12]}…); import it with 'parse-report batch' first")
        keys = report_keys(Report.model_validate_json(stored["json"]))
        for item in f.corrections:
            _validate(item, keys, f.report.path)
            rows.append((f.report.sha256, item.target, item.key, item.action, _js(item.original),
                         item.value if item.action == "value" else None, item.label, by, at))
    with db.transaction(locks=[f"corrections:{f.report.sha256}" for f in files]):
        db.executemany("INSERT INTO corrections (sha256, target, key, action, original, value, label, by, at)"
                       " VALUES (?,?,?,?,?,?,?,?,?)", rows)
    return len(rows)


def _validate(item: Item, keys: dict[str, set[str]], path: str | None) -> None:
    if item.action not in ACTIONS[item.target]:
        raise CorrectionError(f"{path}: a {item.target} cannot be corrected with '{item.action}' "
                              f"(use {' or '.join(ACTIONS[item.target])})")
    if item.action == "value" and item.value is None:
        raise CorrectionError(f"{path}: the correction of {item.target} '{item.key}' has no value")
    if item.key not in keys[item.target]:
        raise CorrectionError(f"{path}: the stored report has no {item.target} '{item.key}' "
                              "(was the file parsed again since the review page was written?)")


def _js(value) -> str | None:
    return None if value is None else json.dumps(value, ensure_ascii=False)
