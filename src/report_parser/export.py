"""Write the district's sheets as XLSX (openpyxl), CSV (UTF-8 with BOM) or JSON.

The XLSX is made for an officer who opens it in Excel or LibreOffice: two
header rows (the Vietnamese title, then the stable code: indicator code, group
code), the header frozen, an autofilter, and number formats: thousands
separators for counts, one decimal for rates, dd/mm/yyyy for dates. Every text
cell is written as data, never as a formula (see :func:`textsafe.cell`). CSV gets a
BOM because Excel otherwise reads UTF-8 Vietnamese as mojibake; since CSV holds
one table, the first sheet goes to OUT.csv and each other sheet to
OUT-<sheet>.csv beside it.
"""
from __future__ import annotations

import csv
import datetime as dt
import io
import json
from pathlib import Path

from .aggregate import Sheet
from .textsafe import cell as _cell
from .vietnamese import unaccent

COUNT_FORMAT = "#,##0"
RATE_FORMAT = "#,##0.0"
DATE_FORMAT = "dd/mm/yyyy"
HEADER_ROWS = 2


def write(sheets: list[Sheet], out: Path) -> list[Path]:
    """Write the sheets in the format the suffix names; returns the files written."""
    suffix = out.suffix.lower()
    out.parent.mkdir(parents=True, exist_ok=True)
    if suffix == ".xlsx":
        write_xlsx(sheets, out)
        return [out]
    if suffix == ".csv":
        return write_csv(sheets, out)
    if suffix == ".json":
        write_json(sheets, out)
        return [out]
    raise ValueError(f"{out}: unknown output format '{suffix}' (use .xlsx, .csv or .json)")


def write_xlsx(sheets: list[Sheet], out: Path) -> None:
    from openpyxl import Workbook
    from openpyxl.styles import Alignment, Font, PatternFill
    from openpyxl.utils import get_column_letter

    wb = Workbook()
    wb.remove(wb.active)
    bold, fill = Font(bold=True), PatternFill("solid", fgColor="DDEBF7")
    code_font = Font(italic=True, color="666666", size=9)
    for sheet in sheets:
        ws = wb.create_sheet(sheet.name)
        ws.append([_cell(c.title) for c in sheet.columns])
        ws.append([_cell(c.code) for c in sheet.columns])
        for cell in ws[1]:
            cell.font, cell.fill = bold, fill
            cell.alignment = Alignment(wrap_text=True, vertical="top")
        for cell in ws[2]:
            cell.font = code_font
        for row in sheet.rows:
            ws.append([_cell(v) for v in row])
        for row in ws.iter_rows(min_row=HEADER_ROWS + 1):
            for cell in row:
                cell.number_format = _format(cell.value)
        _mark_notes(ws, sheet)
        for i, col in enumerate(sheet.columns, start=1):
            ws.column_dimensions[get_column_letter(i)].width = _width(sheet, i - 1)
        ws.freeze_panes = ws.cell(row=HEADER_ROWS + 1, column=2 if len(sheet.columns) > 1 else 1)
        last = get_column_letter(max(1, len(sheet.columns)))
        ws.auto_filter.ref = f"A{HEADER_ROWS}:{last}{HEADER_ROWS + max(1, len(sheet.rows))}"
        _print_setup(ws)
    buffer = io.BytesIO()  # saved in memory first: a full disk fails the one write below, cleanly
    wb.save(buffer)
    out.write_bytes(buffer.getvalue())


CORRECTED_FILL = "FFF2CC"  # a light yellow: a value an officer corrected (the comment says who and when)


def _mark_notes(ws, sheet: Sheet) -> None:
    from openpyxl.comments import Comment
    from openpyxl.styles import PatternFill

    fill = PatternFill("solid", fgColor=CORRECTED_FILL)
    for (i, j), text in sheet.notes.items():
        cell = ws.cell(row=HEADER_ROWS + 1 + i, column=j + 1)
        cell.comment = Comment(text, "parse-report")
        cell.fill = fill


def _print_setup(ws) -> None:
    """Printed (or exported to PDF) landscape, one page wide, header rows repeated on every page."""
    ws.page_setup.orientation = "landscape"
    ws.page_setup.paperSize = ws.PAPERSIZE_A4
    ws.sheet_properties.pageSetUpPr.fitToPage = True
    ws.page_setup.fitToWidth, ws.page_setup.fitToHeight = 1, 0
    ws.print_title_rows = f"1:{HEADER_ROWS}"


def _format(value) -> str:
    if isinstance(value, bool):
        return "General"
    if isinstance(value, int):
        return COUNT_FORMAT
    if isinstance(value, float):
        return RATE_FORMAT
    if isinstance(value, dt.date):
        return DATE_FORMAT
    return "General"


def _width(sheet: Sheet, i: int) -> float:
    """Wide enough for the longest of the first rows, within reason (long texts wrap)."""
    texts = [sheet.columns[i].code] + [_shown(row[i]) for row in sheet.rows[:200] if i < len(row)]
    longest = max((len(t) for t in texts), default=8)
    title_words = max((len(w) for w in sheet.columns[i].title.split()), default=8)
    return float(min(60, max(8, title_words + 2, min(longest, 60) + 2)))


def _shown(value) -> str:
    if isinstance(value, float):
        return f"{value:,.1f}"
    if isinstance(value, int):
        return f"{value:,}"
    if isinstance(value, dt.date):
        return "00/00/0000"
    return "" if value is None else str(value)


def _plain(value):
    if isinstance(value, dt.date):
        return value.isoformat()
    return value


def slug(name: str) -> str:
    """'Theo xã' -> 'theo-xa' (file names without diacritics travel better)."""
    text = unaccent(name).lower()
    return "-".join("".join(c if c.isalnum() else " " for c in text).split())


def write_csv(sheets: list[Sheet], out: Path) -> list[Path]:
    written = []
    for n, sheet in enumerate(sheets):
        path = out if n == 0 else out.with_name(f"{out.stem}-{slug(sheet.name)}{out.suffix}")
        with path.open("w", encoding="utf-8-sig", newline="") as f:
            w = csv.writer(f)
            w.writerow([_cell(c.title) for c in sheet.columns])
            w.writerow([_cell(c.code) for c in sheet.columns])
            w.writerows([[_cell(_plain(v)) for v in row] for row in sheet.rows])
        written.append(path)
    return written


def write_json(sheets: list[Sheet], out: Path) -> None:
    """One object per sheet: its columns (title + code) and rows keyed by column code."""
    data = {s.name: {"columns": [{"title": c.title, "code": c.code} for c in s.columns],
                     "rows": [{c.code: _plain(v) for c, v in zip(s.columns, row)} for row in s.rows]}
            for s in sheets}
    out.write_text(json.dumps(data, ensure_ascii=False, indent=2) + "\n", encoding="utf-8")
