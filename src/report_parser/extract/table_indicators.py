"""Catalogue indicators from appendix form rows and per-field results grids.

The map is data (``patterns/form_rows.yaml``). A form row maps by its label,
because provinces number their forms differently; the form/row key where the
standard template prints it breaks ties (a label fitting two entries, two rows
giving one code). A rate code takes only a row in "%". A per-field grid (one
row per lĩnh vực) gives one indicator per cell with ``dimension.field``; its
total row gives the indicators without a dimension. Every value is reported
with ``source: "table"`` and ``table: "FORM/CODE"`` so the text's figures and
the tables' can be compared.
"""
from __future__ import annotations


from collections import Counter
from collections.abc import Iterator

import regex
from pydantic import ConfigDict, Field

from .. import catalogue, levels, patterns
from ..models import FormRow, FormTable, GridRow, GridTable, Indicator
from . import scope
from .fields import canonical_field
from .table_cells import cell_value, clean, vocab


EARLY = "dossiers.early"


class RowRule(patterns.Schema):
    model_config = ConfigDict(extra="forbid")  # a misspelt key (a district overlay's) is an error
    code: str
    label: str
    at: list[str] = Field(default_factory=list)
    parent: str | None = None
    parent_not: str | None = None
    split_code: str | None = None


class ColumnRule(patterns.Schema):
    model_config = ConfigDict(extra="forbid")  # a misspelt key (a district overlay's) is an error
    code: str | None
    header: str
    split_code: str | None = None
    beside: str | None = None  # the rule holds only in a grid with another column that fits this


class GridSpec(patterns.Schema):
    model_config = ConfigDict(extra="forbid")  # a misspelt key (a district overlay's) is an error
    field_column: str
    columns: list[ColumnRule]


class FormRowsSpec(patterns.Schema):
    model_config = ConfigDict(extra="forbid")  # a misspelt key (a district overlay's) is an error
    rows: list[RowRule]
    label_drop: list[str] = Field(default_factory=list)
    abbreviations: dict[str, str] = Field(default_factory=dict)
    subset_parent: str | None = None  # the YAML anchor the rules' ``parent_not`` refer to (not read here)
    short_label_words: int = 0
    short_label_not: str | None = None  # a label that names its own measure ("Số …", "Tỷ lệ …")
    count_lead: str | None = None
    under_heading: str | None = None
    after_sibling: list[str] = Field(default_factory=list)
    bare_rate: str | None = None
    grid: GridSpec
    form_indicator_tiers: list[levels.Tier] = Field(default_factory=lambda: ["commune", "district", "province"])


@patterns.memoised
def _spec() -> tuple[FormRowsSpec, list[regex.Pattern], list[tuple[regex.Pattern | None, regex.Pattern | None]],
                    list[regex.Pattern]]:
    spec = patterns.load("form_rows.yaml", FormRowsSpec)
    labels = [regex.compile(r.label, regex.I) for r in spec.rows]
    parents = [(regex.compile(r.parent, regex.I) if r.parent else None,
                regex.compile(r.parent_not, regex.I) if r.parent_not else None) for r in spec.rows]
    headers = [regex.compile(c.header, regex.I) for c in spec.grid.columns]
    for other in (spec.bare_rate, *(c.beside for c in spec.grid.columns)):  # compiled where used: a broken
        if other:  # one is an error at load, not in the middle of a report's forms
            regex.compile(other)
    return spec, labels, parents, headers


@patterns.memoised
def _label_rewrites() -> list[tuple[regex.Pattern, str]]:
    """What a label loses or has spelled out before it is matched (form_rows.yaml ``label_drop``:
    notes in parentheses, a trailing colon; ``abbreviations``: "HS" -> "hồ sơ")."""
    spec = _spec()[0]
    out = [(regex.compile(p, regex.I), " ") for p in spec.label_drop]
    out += [(regex.compile(rf"(?<!\p{{L}}){regex.escape(k)}(?!\p{{L}})", regex.I), v) for k, v in spec.abbreviations.items()]
    return out


def _label_texts(label: str) -> set[str]:
    """A row's label as its rules read it: casefolded as printed, and with its notes dropped and
    abbreviations spelled out (a note may say what the row counts: "(sử dụng chữ ký số …)")."""
    return {clean(label).casefold(), _rewritten(label)}


def _rewritten(label: str) -> str:
    text = clean(label).casefold()
    for rx, repl in _label_rewrites():
        text = rx.sub(repl, text)
    return " ".join(text.split())


@patterns.memoised
def _rules_by_rate() -> dict[bool, list[tuple[RowRule, regex.Pattern, tuple]]]:
    """The row rules (rule, label, parent patterns) of each kind, in their order: a rate rule (its code
    a rate) takes a row in "%", a count rule a row in any other unit."""
    spec, labels, parents, _ = _spec()
    out: dict[bool, list[tuple[RowRule, regex.Pattern, tuple]]] = {True: [], False: []}
    for rule, lab, par in zip(spec.rows, labels, parents):
        out[catalogue.is_rate(rule.code)].append((rule, lab, par))
    return out


# --------------------------------------------------------------------------- forms
def _matches(texts: set[str], row: FormRow, key: str, parent_label: str) -> list[tuple[RowRule, bool]]:
    rules = _rules_by_rate()[catalogue.is_rate_unit(clean(row.unit))]  # the rules of the row's kind only
    found = []
    for rule, lab, par in rules:
        search = lab.search  # a plain loop: this runs for every rule on every form row
        for t in texts:
            if search(t):
                if _parent_fits(par, parent_label):
                    found.append((rule, key in rule.at))
                break
    return found


def _is_short(label: str) -> bool:
    """A label too short to say what it counts ("Quá hạn", "Trực tuyến"): a few words, and not
    one that names its own measure ("Số phiếu thu về": form_rows.yaml ``short_label_not``)."""
    spec = _spec()[0]
    text = clean(label)
    not_short = _short_label_not()
    own = not_short.search(text) if not_short is not None else None
    return len(text.split()) <= spec.short_label_words and own is None


@patterns.memoised
def _short_label_not() -> regex.Pattern | None:
    spec = _spec()[0]
    return regex.compile(spec.short_label_not, regex.I) if spec.short_label_not else None


def _rule_for(row: FormRow, key: str, parent_label: str, sibling_label: str = "",
              previous_label: str = "") -> tuple[RowRule, bool] | None:
    """The rule a row maps by (label first; the form/row key breaks ties) and whether it is keyed.
    A label that fits no rule is read as its form means it (:func:`_readings`). A row whose
    label fits rules of two codes and no rule keyed at it could be either: none."""
    parent = clean(parent_label).casefold()
    found: list[tuple[RowRule, bool]] = []
    for texts in _readings(row, parent_label, sibling_label, previous_label):
        found = _matches(texts, row, key, parent)
        if found:
            break
    keyed = next((f for f in found if f[1]), None)
    if keyed is not None:
        return keyed
    if not found or len({rule.code for rule, _ in found}) > 1:
        return None
    return found[0]


def _readings(row: FormRow, parent_label: str, sibling_label: str, previous_label: str = "") -> Iterator[set[str]]:
    """The label as printed, then (form_rows.yaml) what a short label means under its parent ("Số
    hồ sơ đã giải quyết" / "Quá hạn"); a "Số …" label under a heading row, read within it ("Kế
    hoạch CCHC" / "Số nhiệm vụ" = "Số nhiệm vụ trong kế hoạch CCHC"); a short label that goes
    on from its first sibling ("Số nhiệm vụ" / "Đã hoàn thành"); a count's label without its
    "Số" ("Thủ tục hành chính được công bố")."""
    spec = _spec()[0]
    label = _rewritten(row.label)
    yield _label_texts(row.label)
    short, named = _is_short(row.label), _names_measure(row.label)
    if parent_label and short:
        yield _label_texts(f"{parent_label} {label}")
    if parent_label and spec.under_heading and named and len(label.split()) <= spec.short_label_words:
        yield _label_texts(f"{label} {spec.under_heading} {_rewritten(parent_label)}")
    if sibling_label and short and label.partition(" ")[0] in spec.after_sibling:
        yield _label_texts(f"{_rewritten(sibling_label)} {label}")
    if _lacks_count_lead(row, label, named):
        yield {f"{spec.count_lead} {label}"}
    done = _done_part(previous_label)
    if done and spec.bare_rate and regex.fullmatch(spec.bare_rate, label):
        yield {f"{label} {done}"}  # "Đã hoàn thành" / "Tỷ lệ" = "tỷ lệ hoàn thành"


def _done_part(label: str) -> str | None:
    """What a row opening with one of form_rows.yaml ``after_sibling`` says is done ("Đã hoàn
    thành" -> "hoàn thành")."""
    head, _, rest = _rewritten(label).partition(" ") if label else ("", "", "")
    return rest if rest and head in _spec()[0].after_sibling else None


def _names_measure(label: str) -> bool:
    """The label opens with its measure ("Số …", "Tỷ lệ …": form_rows.yaml ``short_label_not``)."""
    own = _short_label_not()
    return own is not None and own.search(clean(label)) is not None


def _lacks_count_lead(row: FormRow, label: str, named: bool) -> bool:
    lead = _spec()[0].count_lead
    return bool(lead) and not named and not catalogue.is_rate_unit(clean(row.unit)) \
        and not label.startswith(f"{lead} ")


def _parent_fits(par: tuple[regex.Pattern | None, regex.Pattern | None], parent_label: str) -> bool:
    """A rule's ``parent`` must match the parent row's label, its ``parent_not`` must not."""
    must, must_not = par
    return (must is None or bool(must.search(parent_label))) and not (must_not and must_not.search(parent_label))


def _split(hits: list[tuple[FormRow, tuple[RowRule, bool]]]) -> list[tuple[FormRow, tuple[RowRule, bool]]]:
    """When a form counts the early dossiers on a row of their own beside (same parent) its
    "đúng hạn" row, that row counts only the on-time part (a rule's ``split_code``), as in a grid."""
    early = {row.code.rpartition(".")[0] for row, (rule, _k) in hits if rule.code == EARLY}
    return [(row, (rule.model_copy(update={"code": rule.split_code})
                   if rule.split_code and row.code.rpartition(".")[0] in early else rule, keyed))
            for row, (rule, keyed) in hits]


def _row_scope(row: FormRow, labels: dict[str, str], body: int | None) -> scope.Scope:
    """Whose figure a row gives, from its label and its parents' ("3.1. Tỷ lệ hồ sơ TTHC do
    các sở, ngành tiếp nhận ..." in a province's form is a part); unknown body: its own."""
    if body is None:
        return scope.Scope("own")
    chain, code = [row.label], row.code
    while "." in code:
        code = code.rpartition(".")[0]
        chain.insert(0, labels.get(code, ""))
    return scope.scope_of(" ; ".join(clean(x) for x in chain), "", body)


def _form_hits(table: FormTable) -> list[tuple[FormRow, tuple[RowRule, bool]]]:
    labels = {r.code: r.label for r in table.rows}
    first_child: dict[str, str] = {}  # parent code -> its first row's label
    for r in table.rows:
        first_child.setdefault(r.code.rpartition(".")[0], r.label)
    hits = []
    previous: dict[str, str] = {}  # parent code -> the label of the row read last under it
    for row in table.rows:
        up = row.code.rpartition(".")[0]
        before, previous[up] = previous.get(up, ""), row.label
        if row.value is None:
            continue
        sibling = first_child.get(up, "") if up and first_child.get(up) != row.label else ""
        hit = _rule_for(row, f"{table.form}/{row.code}", labels.get(up, ""), sibling, before if up else "")
        if hit is not None:
            hits.append((row, hit))
    return _split(hits)


def _form_indicators(table: FormTable, body: int | None = None) -> list[tuple[Indicator, bool]]:
    labels = {r.code: r.label for r in table.rows}
    out = []
    for row, (rule, keyed) in _form_hits(table):
        key = f"{table.form}/{row.code}"
        where = _row_scope(row, labels, body)
        if where.verdict == "other":
            continue
        out.append((Indicator(code=rule.code, value=row.value, unit=catalogue.unit(rule.code), source="table",
                              dimension={"scope": where.name} if where.verdict == "part" else {},
                              page=row.page, evidence=f"{row.code}. {row.label}: {row.raw}",
                              section=f"PL.BM{table.form}" if table.form else None, table=key), keyed))
    return out


# --------------------------------------------------------------------------- grids
def _column_rule(column: str, others: list[str]) -> ColumnRule | None:
    """The first rule whose header fits the column (and whose ``beside`` fits one of the grid's
    ``others`` columns); a rule without a code says the column is no catalogue measure."""
    spec, _, _, headers = _spec()
    text = clean(column).casefold()
    rule = next((c for c, h in zip(spec.grid.columns, headers) if h.search(text) and _beside(c, others)), None)
    return rule if rule is not None and rule.code else None


def _beside(rule: ColumnRule, others: list[str]) -> bool:
    return rule.beside is None or any(regex.search(rule.beside, clean(o).casefold()) for o in others)


def _grid_codes(columns: list[str]) -> list[ColumnRule | None]:
    """The rule of each column. A code that two columns give could be either of them: none."""
    found = [_column_rule(col, columns[:j] + columns[j + 1:]) for j, col in enumerate(columns)]
    if any(c is not None and c.code == EARLY for c in found):
        found = [c.model_copy(update={"code": c.split_code}) if c is not None and c.split_code else c
                 for c in found]
    codes = Counter(c.code for c in found if c is not None)
    return [c if c is not None and codes[c.code] == 1 else None for c in found]


_LISTING = regex.compile(r"\s*\([^()]*\)\s*$")


def _field_name(cell: str) -> str:
    """A grid row's field, without the fields it lists in brackets ("Các lĩnh vực khác (Nội vụ,
    Văn hoá - Thông tin, ...)" is "Các lĩnh vực khác", as the text's field lines read it)."""
    name = clean(cell)
    return canonical_field(_LISTING.sub("", name) or name)


def _is_total(cells: list[str], field_col: int) -> bool:
    words = {w.casefold() for w in vocab().total_rows}
    return any(clean(cells[j]).casefold().rstrip(":") in words for j in range(min(field_col + 1, len(cells))))


def _grid_row_indicators(table: GridTable, row: GridRow, field_col: int,
                         rules: list[ColumnRule | None]) -> list[Indicator]:
    cells = [c or "" for c in row.cells]
    total = _is_total(cells, field_col)
    field = _field_name(cells[field_col]) if field_col < len(cells) else ""
    if not total and not field:
        return []
    out = []
    for j, rule in enumerate(rules):
        if rule is None or j >= len(cells) or j == field_col:
            continue
        value = cell_value(cells[j], catalogue.unit(rule.code))
        if value is None:
            continue
        out.append(Indicator(code=rule.code, value=value, unit=catalogue.unit(rule.code),
                             dimension={} if total else {"field": field}, source="table", page=row.page,
                             evidence=f"{field or clean(cells[0])} | {table.columns[j]}: {clean(cells[j])}",
                             table=f"{table.form}/{clean(cells[0])}" if table.form else None))
    return out


def is_field_grid(columns: list[str]) -> bool:
    """Whether a grid has a procedure-field ("Lĩnh vực") column: a per-field results grid."""
    field_re = regex.compile(_spec()[0].grid.field_column, regex.I)
    return any(field_re.search(clean(c)) for c in columns)


def _grid_indicators(table: GridTable) -> list[Indicator]:
    """Indicators of a per-field results grid (a table with a "Lĩnh vực" column)."""
    spec, _, _, _ = _spec()
    field_re = regex.compile(spec.grid.field_column, regex.I)
    field_col = next((j for j, c in enumerate(table.columns) if field_re.search(clean(c))), None)
    if field_col is None:
        return []
    rules = _grid_codes(table.columns)
    return [i for row in table.rows for i in _grid_row_indicators(table, row, field_col, rules)]


# --------------------------------------------------------------------------- all tables
def _one_per_code(found: list[tuple[Indicator, bool]]) -> list[Indicator]:
    """One indicator per code and dimension: the row at a keyed position, else the first."""
    best: dict[tuple, tuple[Indicator, bool]] = {}
    for ind, keyed in found:
        k = (ind.code, tuple(sorted(ind.dimension.items())))
        if k not in best or (keyed and not best[k][1]):
            best[k] = (ind, keyed)
    return [ind for ind, _ in best.values()]


def forms_give_indicators(level: str | None) -> bool:
    """Whether the appendix forms of a report whose issuer has ``level`` give indicators
    (``form_indicator_tiers`` of form_rows.yaml; an unknown level gives them)."""
    tier = levels.tiers().get(level.casefold()) if level else None
    return tier is None or tier in _spec()[0].form_indicator_tiers


def from_tables(tables: list, level: str | None = None) -> list[Indicator]:
    """Catalogue indicators of the report's forms and per-field grids (``source: "table"``);
    a form row about a part of the reporting body (issuer ``level``) keeps ``dimension.scope``.
    A body whose forms are compilations over its tiers (form_rows.yaml ``form_indicator_tiers``)
    keeps its forms as tables only."""
    body = scope.body_level(level)
    forms = forms_give_indicators(level)
    found: list[tuple[Indicator, bool]] = []
    for t in tables:
        if isinstance(t, FormTable):
            if forms:
                found.extend(_form_indicators(t, body))
        elif isinstance(t, GridTable):
            found.extend((i, True) for i in _grid_indicators(t))
    return _one_per_code(found)
