"""The district's tables, computed from the store: what an officer used to retype into Excel.

Every table is a :class:`Sheet` (Vietnamese column titles plus a stable code per
column) so that :mod:`report_parser.export` can write it as XLSX, CSV or JSON
without knowing what it means.

Sums are exact: one value per report, code and field (an exact figure before a
bound such as "trên 99%"; the text value when the report gives the figure both
in its text and in a form table, since the text is what the commune wrote in
its own words; the form value otherwise). A rate is
never averaged on its own: it is recomputed from the summed numerators and
denominators of the communes that give both (``patterns/catalogue.yaml`` says
which counts make each rate), and shown next to the plain mean of the stated
rates so that an officer sees when the two disagree.
"""
from __future__ import annotations

import json
import re
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Callable

from pydantic import ConfigDict

from . import catalogue as _catalogue
from . import corrections, patterns
from .places import AdminUnit, fold, resolve
from .units import Roster

if TYPE_CHECKING:
    from .database import Database, Row

_YEAR_IN_SYMBOL = re.compile(r"/(?:19|20)\d\d/")
UNKNOWN_GROUP = "(không xác định)"
OUTSIDE_ROSTER = "(ngoài danh sách)"
ALL = "Toàn bộ"


def catalogue() -> dict[str, _catalogue.Entry]:
    """The indicator catalogue (``patterns/catalogue.yaml``), in its order."""
    return _catalogue.entries()


def is_rate(code: str) -> bool:
    return _catalogue.is_rate(code)


def label(code: str) -> str:
    return _catalogue.name(code)


@dataclass
class Column:
    title: str   # Vietnamese header, first header row
    code: str    # stable key, second header row (indicator code, group code, ...)


@dataclass
class Sheet:
    name: str
    columns: list[Column]
    rows: list[list] = field(default_factory=list)
    # (row index, column index) -> a note on that cell (a value an officer corrected)
    notes: dict[tuple[int, int], str] = field(default_factory=dict)


class _SheetWords(patterns.Schema):
    model_config = ConfigDict(extra="forbid")
    title: str
    columns: dict[str, str]


class SheetVocab(patterns.Schema):
    """``patterns/sheets.yaml``: every word of the spreadsheet but the indicators' names."""

    model_config = ConfigDict(extra="forbid")
    sheets: dict[str, _SheetWords]
    rows: dict[str, tuple[str, str]]
    methods: dict[str, str]
    suffixes: dict[str, str]
    status: dict[str, str]


def words() -> SheetVocab:
    return patterns.load("sheets.yaml", SheetVocab)


def _sheet(key: str, *codes: str, extra: list[Column] = ()) -> Sheet:
    """An empty sheet titled from sheets.yaml, with its headed columns then ``extra`` ones."""
    w = words().sheets[key]
    return Sheet(w.title, [Column(w.columns[c], c) for c in codes] + list(extra))


@dataclass
class Group:
    code: str
    name: str


@dataclass
class StoredReport:
    """One stored report as the aggregation needs it."""

    id: int
    row: Row
    unit: AdminUnit
    group: Group
    values: dict[tuple[str, str | None], float]   # (code, field) -> value
    fixes: dict[tuple[str, str], corrections.Fix] = field(default_factory=dict)  # the officer's corrections
    corrected: dict[tuple[str, str | None], corrections.Fix] = field(default_factory=dict)  # values they changed

    def get(self, code: str, field_: str | None = None) -> float | None:
        return self.values.get((code, field_))


@dataclass
class Aggregate:
    by: str
    period: str | None
    reports: list[StoredReport]
    groups: list[Group]
    missing: list[tuple[Group, str, str | None]]   # roster communes without a report: group, name, code
    sheets: list[Sheet]


# --------------------------------------------------------------------------- loading

def _unit_of(row: Row) -> AdminUnit:
    return AdminUnit(unit=row["unit"], level=row["level"], district=row["district"], province=row["province"],
                     unit_code=row["unit_code"], district_code=row["district_code"],
                     province_code=row["province_code"], unit_2025=row["unit_2025"],
                     province_2025=row["province_2025"], unit_code_2025=row["unit_code_2025"],
                     province_code_2025=row["province_code_2025"], resolved=bool(row["unit_code"]))


def _named(code: str | None, name: str | None) -> Group:
    """A group by its code and name; without a name it is the unknown group."""
    return Group(code or name or UNKNOWN_GROUP, name or UNKNOWN_GROUP)


_GROUPINGS: dict[str, Callable[[AdminUnit], Group]] = {
    "district": lambda u: _named(u.district_code, ", ".join(x for x in (u.district, u.province) if x)),
    "province": lambda u: _named(u.province_code, u.province),
    "unit": lambda u: Group(u.unit_code or u.key, " ".join(x for x in (u.level, u.unit) if x) or UNKNOWN_GROUP),
}


def group_of(unit: AdminUnit, by: str, roster: Roster | None) -> Group:
    """The group a commune falls in for ``--by``: district, province, unit or a roster column."""
    if by in _GROUPINGS:
        return _GROUPINGS[by](unit)
    entry = roster.find(unit) if roster else None
    if entry is None:
        return Group(OUTSIDE_ROSTER, OUTSIDE_ROSTER)
    value = entry.columns.get(by) or UNKNOWN_GROUP
    return Group(value, value)


def report_values(conn: Database, report_id: int, fixes: dict | None = None,
                  corrected: dict | None = None) -> dict[tuple[str, str | None], float]:
    """One value per (code, field): an exact value before a bound ('trên 99%'), the text before
    the table, and the first one the report states; an officer's correction (``fixes``) in place
    of the value read, recorded in ``corrected``. A part's figure (``dimension.scope``: the
    departments of a province, a pilot model) is never the body's own: it is left out here
    and listed on its own sheet."""
    out: dict[tuple[str, str | None], float] = {}
    rows = conn.execute("SELECT code, field, dimension, value, table_row, page FROM indicators WHERE report_id = ?"
                        " ORDER BY qualifier IS NOT NULL, CASE source WHEN 'text' THEN 0 ELSE 1 END, pos",
                        (report_id,))
    for r in rows:
        fix = _indicator_fix(fixes or {}, r)
        key = (r["code"], r["field"])
        if key in out or fix and fix.action == "not_indicator" or _scope_of(r["dimension"]) is not None:
            continue
        out[key] = fix.value if fix else r["value"]
        if fix and corrected is not None:
            corrected[key] = fix
    return out


def _scope_of(dimension: str | None) -> str | None:
    """The part of the body a stored indicator is about (its ``dimension.scope``), if any."""
    return json.loads(dimension).get("scope") if dimension else None


def _indicator_fix(fixes: dict, r) -> corrections.Fix | None:
    """The correction of an indicator, or of the form row it was read from."""
    fix = fixes.get(("indicator", corrections.indicator_key(r["code"], r["field"], r["table_row"], r["page"])))
    if fix is None and r["table_row"]:
        form, _, code = r["table_row"].partition("/")
        fix = fixes.get(("row", corrections.row_key(form, code)))
    return fix


def load_reports(conn: Database, by: str, period: str | None,
                 roster: Roster | None) -> list[StoredReport]:
    sql, args = "SELECT * FROM reports", ()
    if period:
        sql, args = sql + " WHERE period_key = ?", (period,)
    out = []
    # NULLS FIRST: SQLite's order of missing names and dates; PostgreSQL puts them last otherwise
    order = " ORDER BY district NULLS FIRST, unit NULLS FIRST, date NULLS FIRST, path, sha256"
    for row in conn.execute(sql + order, args).fetchall():
        unit = _unit_of(row)
        fixes, corrected = corrections.fixes(conn, row["sha256"]), {}
        values = report_values(conn, row["id"], fixes, corrected)
        out.append(StoredReport(row["id"], row, unit, group_of(unit, by, roster), values, fixes, corrected))
    return out


def periods(conn: Database) -> list[str]:
    return [r[0] for r in conn.execute("SELECT DISTINCT period_key FROM reports ORDER BY period_key")]


# --------------------------------------------------------------------------- arithmetic

def number(x: float | None) -> int | float | None:
    """Counts as int when whole (so Excel shows 1,224 not 1,224.0)."""
    if x is None:
        return None
    return int(x) if float(x).is_integer() else x


def total(reports: list[StoredReport], code: str, field_: str | None = None) -> int | float | None:
    vals = [v for r in reports if (v := r.get(code, field_)) is not None]
    return number(sum(vals)) if vals else None


def recomputed_rate(reports: list[StoredReport], code: str, field_: str | None = None) -> float | None:
    """100 x sum(numerator) / sum(denominator) over the reports that give both."""
    info = catalogue().get(code)
    if not info or not info.of:
        return None
    num_code, den_code = info.of
    pairs = [(r.get(num_code, field_), r.get(den_code, field_)) for r in reports]
    pairs = [(n, d) for n, d in pairs if n is not None and d is not None]
    den = sum(d for _, d in pairs)
    return 100.0 * sum(n for n, _ in pairs) / den if den else None


def mean_stated(reports: list[StoredReport], code: str, field_: str | None = None) -> float | None:
    vals = [v for r in reports if (v := r.get(code, field_)) is not None]
    return sum(vals) / len(vals) if vals else None


def _codes(reports: list[StoredReport], with_field: bool) -> list[str]:
    """Catalogue order first, then any other code the reports hold."""
    present = {c for r in reports for (c, f) in r.values if (f is not None) == with_field}
    if not with_field:  # a rate is shown when its counts are, even if no report states it
        present |= {c for c, i in catalogue().items() if i.of and i.of[0] in present and i.of[1] in present}
    order = list(catalogue())
    return [c for c in order if c in present] + sorted(present - set(order))


# --------------------------------------------------------------------------- sheets

def _by_group(reports: list[StoredReport], groups: list[Group]) -> list[tuple[Group, list[StoredReport]]]:
    return [(g, [r for r in reports if r.group.code == g.code]) for g in groups] + [(Group(ALL, ALL), reports)]


def summary_sheet(reports, groups, missing) -> Sheet:
    """'Tổng hợp': one row per indicator, one column per group, totals and recomputed rates."""
    parts = _by_group(reports, groups)
    w = words()
    sheet = _sheet("summary", "indicator", "code", "unit", "method", extra=[Column(g.name, g.code) for g, _ in parts])
    sheet.rows.append([w.rows["reports"][0], "reports", w.rows["reports"][1], w.methods["count"]]
                      + [len(rs) for _, rs in parts])
    if missing:
        miss = [sum(1 for g, _, _ in missing if g.code == grp.code) for grp in groups] + [len(missing)]
        sheet.rows.append([w.rows["missing"][0], "missing", w.rows["missing"][1], w.methods["count"]] + miss)
    for code in _codes(reports, with_field=False):
        info, unit = _catalogue.get(code), _catalogue.unit(code)
        if not is_rate(code):
            sheet.rows.append([label(code), code, unit, w.methods["sum"]] + [total(rs, code) for _, rs in parts])
            _note_fixes(sheet, [rs for _, rs in parts], lambda r: r.corrected.get((code, None)), first_column=4)
            continue
        if info and info.aggregation == "recompute":
            sheet.rows.append([f"{label(code)} {w.suffixes['recomputed']}", code, "%", w.methods["recompute"]]
                              + [recomputed_rate(rs, code) for _, rs in parts])
        sheet.rows.append([f"{label(code)} {w.suffixes['mean_stated']}", f"{code}:mean", "%", w.methods["mean"]]
                          + [mean_stated(rs, code) for _, rs in parts])
    return sheet


def commune_sheet(reports, missing, by: str) -> Sheet:
    """'Theo xã': one row per report (and per roster commune that sent none), one column per indicator."""
    codes = [c for c in _codes(reports, with_field=False) if any(r.get(c) is not None for r in reports)]
    w = words()
    sheet = _sheet("communes", "group", "unit", "unit_code", "district", "province", "unit_2025", "symbol", "date",
                   "period", "path", "status")
    sheet.columns[0].code = by
    head = list(sheet.columns)
    sheet.columns += [Column(label(c), c) for c in codes]
    for r in sorted(reports, key=lambda r: (r.group.name, r.unit.unit or "")):
        row = r.row
        sheet.rows.append([r.group.name, r.unit.unit, r.unit.unit_code, r.unit.district, r.unit.province,
                           r.unit.unit_2025, row["symbol"] or row["number"], _date(row["date"]), row["period_key"],
                           row["path"], w.status["reported"]] + [number(r.get(c)) for c in codes])
        for j, c in enumerate(codes):
            if (c, None) in r.corrected:
                sheet.notes[(len(sheet.rows) - 1, len(head) + j)] = r.corrected[(c, None)].note()
    for g, name, code in missing:
        sheet.rows.append([g.name, name, code, None, None, None, None, None, None, None, w.status["missing"]]
                          + [None] * len(codes))
    return sheet


def field_sheet(reports, groups) -> Sheet:
    """'Lĩnh vực': per group and procedure field, the summed counts (and mean stated rates)."""
    codes = _codes(reports, with_field=True)
    mean = words().suffixes["mean"]
    sheet = _sheet("fields", "group", "field", "reports",
                   extra=[Column(label(c) + (f" {mean}" if is_rate(c) else ""), c) for c in codes])
    fields = sorted({f for r in reports for (_, f) in r.values if f is not None})
    for g, rs in _by_group(reports, groups):
        for f in fields:
            having = [r for r in rs if any(ff == f for (_, ff) in r.values)]
            if having:
                sheet.rows.append([g.name, f, len(having)] + [
                    mean_stated(having, c, f) if is_rate(c) else total(having, c, f) for c in codes])
    return sheet


def form_sheet(conn: Database, reports, groups) -> Sheet:
    """'Biểu mẫu': every row of the statistic forms, summed per group (a '%' row is averaged)."""
    parts = _by_group(reports, groups)
    w = words()
    sheet = _sheet("forms", "form", "code", "label", "unit", "method", extra=[Column(g.name, g.code) for g, _ in parts])
    sheet.columns.append(Column(w.sheets["forms"].columns["reports"], "reports"))
    rows = _form_rows(conn, reports)
    for (form, code), e in sorted(rows.items(), key=lambda kv: (_natural(kv[0][0]), _natural(kv[0][1]))):
        percent = _catalogue.is_rate_unit(e["unit"])
        cells = []
        for _, rs in parts:
            vals = [e["values"][r.id] for r in rs if r.id in e["values"]]
            cells.append(None if not vals else (sum(vals) / len(vals) if percent else number(sum(vals))))
        sheet.rows.append([form, code, e["label"], e["unit"], w.methods["mean" if percent else "sum"]]
                          + cells + [len(e["values"])])
        fixed = e["fixed"]
        _note_fixes(sheet, [rs for _, rs in parts], lambda r: fixed.get(r.id), first_column=5)
    return sheet


def _form_rows(conn: Database, reports: list[StoredReport]) -> dict[tuple[str, str], dict]:
    """(form, row code) -> label, unit, each report's value (an officer's correction in place of the
    value read) and the corrections, by report id."""
    rows: dict[tuple[str, str], dict] = {}
    by_id = {r.id: r for r in reports}
    for t in _in_report_order(conn.execute("SELECT report_id, form, code, label, unit, value, table_index, "
                                           "row_index FROM table_rows WHERE kind = 'form' AND code IS NOT NULL"),
                              reports, lambda t: (t["table_index"], t["row_index"])):
        entry = rows.setdefault((t["form"] or "", t["code"]),
                                {"label": t["label"], "unit": t["unit"], "values": {}, "fixed": {}})
        fix = by_id[t["report_id"]].fixes.get(("row", corrections.row_key(t["form"], t["code"])))
        fixed = fix is not None and fix.action == "value" and t["report_id"] not in entry["values"]
        value = fix.value if fixed else t["value"]
        if value is not None and t["report_id"] not in entry["values"]:
            entry["values"][t["report_id"]] = value
            if fixed:
                entry["fixed"][t["report_id"]] = fix
    return rows


def _in_report_order(rows, reports: list[StoredReport], within: Callable) -> list:
    """The rows of the selected reports, report by report in the sheets' order, each report's rows in
    their own order (``within``). Not by row id: the import order differs between two batches of the
    same files (parallel workers) and between engines, the sheets must not."""
    rank = {r.id: n for n, r in enumerate(reports)}
    return sorted((x for x in rows if x["report_id"] in rank), key=lambda x: (rank[x["report_id"]], within(x)))


def _natural(code: str) -> tuple:
    return tuple(int(p) if p.isdigit() else 0 for p in code.replace(" ", "").split(".") if p)


def references_sheet(conn: Database, reports, min_communes: int = 2) -> Sheet:
    """'Văn bản': documents cited by at least ``min_communes`` communes, most cited first."""
    sheet = _sheet("references", "type", "symbol", "date", "issuer", "subject", "communes", "mentions", "unit_names")
    by_id = {r.id: r for r in reports}
    cited: dict[tuple, dict] = {}
    for ref in _in_report_order(conn.execute("SELECT r.*, (SELECT COUNT(*) FROM mentions m WHERE m.ref_id = r.id)"
                                             " AS n FROM refs r"), reports, lambda ref: ref["id"]):
        rep = by_id[ref["report_id"]]
        key = _reference_key(ref, rep)
        e = cited.setdefault(key, {"ref": ref, "communes": {}, "mentions": 0})
        e["communes"][rep.unit.key] = rep.unit.unit or rep.row["path"]
        e["mentions"] += max(1, ref["n"])
    for e in sorted(cited.values(), key=lambda e: (-len(e["communes"]), -e["mentions"])):
        if len(e["communes"]) >= min_communes:
            r = e["ref"]
            sheet.rows.append([r["type"], r["symbol"] or r["number"], _date(r["date"]), r["issuer"], r["subject"],
                               len(e["communes"]), e["mentions"], ", ".join(sorted(e["communes"].values()))])
    return sheet


def _reference_key(ref: Row, rep: StoredReport) -> tuple:
    """Which citations are the same document. A normative symbol carries its year and is unique
    nationwide ('130/2005/NĐ-CP'); a local one ('309/KH-UBND') is unique only per issuer, and
    without a named issuer it is the commune's own document."""
    symbol = ref["symbol"] or ref["number"]
    if ref["symbol"] and _YEAR_IN_SYMBOL.search(ref["symbol"]):
        return (ref["symbol"],)
    return (ref["type"], symbol, ref["date"], fold(ref["issuer"]) if ref["issuer"] else f"own:{rep.unit.key}")


def _note_fixes(sheet: Sheet, groups: list[list[StoredReport]], fix_of: Callable, first_column: int) -> None:
    """Mark the cells of the last row (one per group) whose figure includes a value an officer corrected
    (``fix_of(report)``: that report's correction of the row's value, or None)."""
    for j, rs in enumerate(groups):
        fixed = [f.note() for r in rs if (f := fix_of(r)) is not None]
        if fixed:
            sheet.notes[(len(sheet.rows) - 1, first_column + j)] = "Gồm giá trị đã sửa: " + "; ".join(fixed)


def checks_sheet(conn: Database, reports, dismissed: bool = False) -> Sheet:
    """'Kiểm tra': every consistency finding of every report, errors first (one an officer accepted
    carries a note); with ``dismissed``, 'Kiểm tra đã bỏ qua': the findings an officer dismissed."""
    sheet = _sheet("dismissed_checks" if dismissed else "checks", "group", "unit", "symbol", "severity", "rule",
                   "message", "indicators", "evidence", "path")
    by_id = {r.id: r for r in reports}
    order = {"error": 0, "warning": 1, "info": 2}
    found = []
    for c in _in_report_order(conn.execute("SELECT * FROM checks"), reports, lambda c: c["pos"] or 0):
        r = by_id[c["report_id"]]
        fix = r.fixes.get(("check", f"{c['rule']}|{c['message']}"))
        if (fix is not None and fix.action == "dismiss") == dismissed:
            found.append(([r.group.name, r.unit.unit, r.row["symbol"] or r.row["number"], c["severity"], c["rule"],
                           c["message"], ", ".join(json.loads(c["indicators"] or "[]")),
                           " | ".join(json.loads(c["evidence"] or "[]")), r.row["path"]], fix))
    found.sort(key=lambda rf: (order.get(rf[0][3], 3), rf[0][0], rf[0][1] or ""))
    sheet.rows = [row for row, _ in found]
    for i, (_, fix) in enumerate(found):
        if fix is not None:
            verdict = "Đã bỏ qua" if fix.action == "dismiss" else "Đã xác nhận"
            sheet.notes[(i, 3)] = verdict + fix.note().removeprefix("Đã sửa")
    return sheet


def scope_sheet(conn: Database, reports) -> Sheet:
    """'Phạm vi': the figures of a part of a reporting body (dimension.scope), one row each, as
    stated: never summed, nor with the body's own figures."""
    sheet = _sheet("scope", "group", "unit", "symbol", "scope", "indicator", "code", "unit_of", "value", "source", "path")
    by_id = {r.id: r for r in reports}
    rows = conn.execute("SELECT report_id, pos, code, value, unit, dimension, source FROM indicators"
                        " WHERE dimension IS NOT NULL")
    for i in _in_report_order(rows, reports, lambda i: i["pos"] or 0):
        if (part := _scope_of(i["dimension"])) is not None:
            r = by_id[i["report_id"]]
            sheet.rows.append([r.group.name, r.unit.unit, r.row["symbol"] or r.row["number"], part, label(i["code"]),
                               i["code"], i["unit"], number(i["value"]), i["source"], r.row["path"]])
    return sheet


def errors_sheet(conn: Database) -> Sheet:
    """'Tệp lỗi': files the batch could not parse, with the reason."""
    sheet = _sheet("errors", "path", "error", "message", "at")
    sheet.rows = [[r["path"], r["error"], r["message"], r["at"]]
                  for r in conn.execute("SELECT * FROM import_errors ORDER BY path")]
    return sheet


def _date(iso: str | None):
    import datetime as dt

    return dt.date.fromisoformat(iso) if iso else None


# --------------------------------------------------------------------------- entry point

def missing_communes(reports: list[StoredReport], roster: Roster, by: str) -> list[tuple[Group, str, str | None]]:
    """Roster communes that sent no report (for the selected period), with their group."""
    seen = {id(e) for r in reports if (e := roster.find(r.unit)) is not None}
    return [(_roster_group(e, by, roster), e.name, e.code) for e in roster.entries if id(e) not in seen]


def _roster_group(entry, by: str, roster: Roster) -> Group:
    if by in ("district", "province", "unit"):
        unit = resolve(entry.name, entry.columns.get("district"), entry.columns.get("province"))
        return group_of(unit, by, roster)
    value = entry.columns.get(by) or UNKNOWN_GROUP
    return Group(value, value)


def aggregate(conn: Database, *, by: str = "district", period: str | None = None,
              roster: Roster | None = None) -> Aggregate:
    """All the district's tables for one grouping key and (optionally) one period."""
    if by not in ("district", "province", "unit") and (roster is None or by not in roster.group_columns):
        cols = ", ".join(roster.group_columns) if roster else "none: pass --units units.csv"
        raise ValueError(f"--by {by}: not district, province, unit or a column of the roster ({cols})")
    with conn.snapshot():  # one state of the store for every sheet, while batches keep importing
        return _aggregate(conn, load_reports(conn, by, period, roster), by, period, roster)


def _aggregate(conn: Database, reports: list[StoredReport], by: str, period: str | None,
               roster: Roster | None) -> Aggregate:
    missing = missing_communes(reports, roster, by) if roster else []
    groups: dict[str, Group] = {}
    for g in [r.group for r in reports] + [g for g, _, _ in missing]:
        groups.setdefault(g.code, g)
    ordered = sorted(groups.values(), key=lambda g: (g.name in (UNKNOWN_GROUP, OUTSIDE_ROSTER), g.name))
    sheets = [summary_sheet(reports, ordered, missing), commune_sheet(reports, missing, by),
              field_sheet(reports, ordered), form_sheet(conn, reports, ordered),
              references_sheet(conn, reports), checks_sheet(conn, reports), checks_sheet(conn, reports, dismissed=True),
              errors_sheet(conn)]
    parts = scope_sheet(conn, reports)
    if parts.rows:  # only reports that state a part's figures (a province's departments, a pilot)
        sheets.insert(4, parts)
    return Aggregate(by, period, reports, ordered, missing, sheets)
