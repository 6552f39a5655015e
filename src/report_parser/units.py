"""The office's roster of communes (``--units units.csv``): commune code or name -> group.

Since there are no districts after 2025, the office chooses the grouping key:
legacy district, province, the commune itself, or a column of its own roster,
see :class:`Roster`. Resolving a unit's name to official names and codes is
:mod:`.places`; its names are re-exported here for the modules that group reports.
"""
from __future__ import annotations

import csv
from dataclasses import dataclass
from pathlib import Path

from . import limits
from .errors import UnreadableInput
from .places import AdminUnit, bare, communes_of, fold, official_name, resolve

__all__ = ["AdminUnit", "Roster", "RosterEntry", "bare", "communes_of", "fold", "official_name", "resolve"]

# --------------------------------------------------------------------------- roster

_CODE_COLUMNS = ("code", "ma", "maxa", "macode", "unitcode", "wardcode")
_NAME_COLUMNS = ("name", "commune", "unit", "ward", "xa", "ten", "tenxa", "donvi")


@dataclass
class RosterEntry:
    name: str
    code: str | None
    columns: dict[str, str]


class Roster:
    """The office's own list of communes (``units.csv``): commune code or name -> group columns.

    The CSV needs a header with a name column (``name``/``commune``/``xã``/``tên``)
    and/or a code column (``code``/``mã``); every other column is a grouping column
    usable with ``aggregate --by COLUMN``. A ``district`` column, when present, also
    disambiguates communes of the same name.
    """

    def __init__(self, entries: list[RosterEntry], group_columns: list[str]):
        self.entries = entries
        self.group_columns = group_columns
        self._by_code = {e.code: e for e in entries if e.code}
        by_name: dict[str, list[RosterEntry]] = {}
        for e in entries:
            by_name.setdefault(fold(e.name), []).append(e)
        self._by_name = by_name

    @classmethod
    def load(cls, path: str | Path) -> "Roster":
        path = Path(path)
        data = limits.read_regular(path, limits.MAX_UNITS_BYTES)
        try:
            text = data.decode("utf-8-sig")
        except UnicodeDecodeError as e:
            raise UnreadableInput(f"{path}: cannot read the units roster ({e})") from None
        if text.count("\n") > limits.MAX_UNITS_ROWS:
            raise limits.over(path, "the units roster has", text.count("\n"), limits.MAX_UNITS_ROWS, "lines")
        reader = csv.DictReader(text.splitlines(), dialect=_dialect(text))
        try:
            return cls._read(path, reader)
        except csv.Error as e:  # e.g. a cell longer than the csv module's field limit (128 KB)
            raise UnreadableInput(f"{path}: the units roster is not a readable CSV ({e})") from None

    @classmethod
    def _read(cls, path: Path, reader: csv.DictReader) -> "Roster":
        header = reader.fieldnames or []
        code_col, name_col = _column(header, _CODE_COLUMNS), _column(header, _NAME_COLUMNS)
        if not (code_col or name_col):
            raise UnreadableInput(f"{path}: the roster needs a 'name' or 'code' column (found: {', '.join(header)})")
        groups = [h for h in header if h not in (code_col, name_col)]
        entries = []
        for row in reader:
            _check_cells(path, reader.line_num, row)
            name, code = _cell(row, name_col), _cell(row, code_col)
            if name or code:
                entries.append(RosterEntry(name=name or code, code=code or None,
                                           columns={g: _cell(row, g) for g in groups}))
        return cls(entries, groups)

    def find(self, unit: AdminUnit) -> RosterEntry | None:
        """The roster entry of a resolved commune: by code, else by name (and district when ambiguous)."""
        if unit.unit_code and unit.unit_code in self._by_code:
            return self._by_code[unit.unit_code]
        hits = self._by_name.get(fold(unit.unit), [])
        if len(hits) > 1:
            hits = [e for e in hits if fold(e.columns.get("district")) == fold(unit.district)] or hits
        return hits[0] if len(hits) == 1 else None


def _column(header: list[str], names) -> str | None:
    """The first header cell that is one of ``names`` (folded)."""
    return next((h for h in header if fold(h) in names), None)


def _cell(row: dict, column: str | None) -> str:
    return (row.get(column) or "").strip() if column else ""


def _check_cells(path: Path, line: int, row: dict) -> None:
    longest = max((len(v) for v in row.values() if isinstance(v, str)), default=0)
    if longest > limits.MAX_UNITS_CELL_CHARS:
        raise limits.over(path, f"line {line} of the units roster has a cell of", longest,
                          limits.MAX_UNITS_CELL_CHARS, "characters")


def _dialect(text: str):
    try:
        return csv.Sniffer().sniff(text[:4096], delimiters=",;\t")
    except csv.Error:
        return csv.excel
