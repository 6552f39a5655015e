"""Statistic forms rebuilt from flattened text (a .txt export where each table became lines).

A form starts at its "Biểu mẫu N" heading (the next line is its title); its
header block ("Kết quả thống kê", "STT", "Chỉ tiêu thống kê", ...) is skipped up
to the first row code, also when a continuation page repeats it. A row starts
at its code ("3.3.1.", "1.4", "5.1", a code alone on its line) and takes every
following line up to the next code: label (over several lines), unit, value and
note, split by :func:`.table_cells.split_flat_row`. The raw text is used, not
the repaired text, because the repair joins lines into paragraphs.
"""
from __future__ import annotations

from dataclasses import dataclass, field

import regex

from ..document import Document
from ..models import FormRow, FormTable
from .table_cells import cell_value, clean, flat_code, split_flat_row, vocab
from .. import patterns


@patterns.memoised
def _regexes() -> tuple[regex.Pattern, regex.Pattern, regex.Pattern]:
    v = vocab()
    heading = regex.compile(v.form_heading)
    header = regex.compile("|".join(f"(?:{p})" for p in v.header_starts))
    end = regex.compile("|".join(f"(?:{p})" for p in v.form_end))
    return heading, header, end


@dataclass
class _Row:
    code: str
    offset: int
    parts: list[str] = field(default_factory=list)


@dataclass
class _Form:
    number: str
    offset: int
    title: str | None = None
    title_pending: bool = True
    in_header: bool = True
    rows: list[_Row] = field(default_factory=list)


_LINE_END = regex.compile(r"\r\n|\n|\f")


def _line_offsets(raw: str):
    """(raw offset, line) pairs computed exactly from the separators found."""
    pos = 0
    for m in _LINE_END.finditer(raw):
        yield pos, raw[pos:m.start()]
        pos = m.end()
    yield pos, raw[pos:]


_LONE_NUMBER = regex.compile(r"\d[\d.,]*%?")


def _cell_lines(parts: list[str], flat: tuple) -> tuple[str, str | None, str | None, str | None] | None:
    """(label, unit, raw value, note) of a row exported one cell a line (LibreOffice's text
    export: label / unit / value / note lines), when the flat split took its value from inside
    the note ("1.647" / "Cấp tỉnh: 271" / "Cấp xã: 1.376") or found none after a note. The value
    is the first line that is a number alone, after the label; only notes (words) follow it."""
    raw = flat[2]
    if raw is not None and raw in parts:
        return None
    k = next((i for i in range(1, len(parts)) if _LONE_NUMBER.fullmatch(parts[i])), None)
    if k is None or not all(regex.search(r"\p{L}", p) for p in parts[k + 1:]):
        return None
    unit = parts[k - 1] if k >= 2 and not regex.search(r"\d", parts[k - 1]) else None
    label = " ".join(parts[:k - 1] if unit else parts[:k])
    return label, unit, parts[k], " ".join(parts[k + 1:]) or None


def _to_row(r: _Row, doc: Document) -> FormRow:
    flat = split_flat_row(" ".join(r.parts))
    label, unit, raw, note = (len(r.parts) >= 3 and _cell_lines(r.parts, flat)) or flat
    return FormRow(code=r.code, label=label, unit=unit, value=cell_value(raw, unit), raw=raw,
                   note=note, page=doc.raw_page_of(r.offset))


def _to_form(f: _Form, doc: Document) -> FormTable:
    rows = [_to_row(r, doc) for r in f.rows]
    pages = sorted({r.page for r in rows if r.page})
    return FormTable(form=f.number, title=f.title, page=doc.raw_page_of(f.offset), pages=pages, rows=rows)


def _step(form: _Form, offset: int, line: str, header: regex.Pattern) -> None:
    """Feed one non-empty line of the current form."""
    if header.search(line):
        form.in_header = True
        form.title_pending = False
        return
    if coded := flat_code(line):
        code, rest = coded
        form.rows.append(_Row(code, offset, [rest] if rest else []))
        form.in_header = form.title_pending = False
        return
    if form.title_pending:
        form.title, form.title_pending = line, False
    elif not form.in_header and form.rows:
        form.rows[-1].parts.append(line)


def forms_from_text(doc: Document, skip: set[str] | frozenset[str] = frozenset()) -> list[FormTable]:
    """Every "Biểu mẫu" form of a document whose tables exist only as text lines (but the forms
    numbered in ``skip``: those the caller has already, not read at all)."""
    heading, header, end = _regexes()
    forms: list[_Form] = []
    current: _Form | None = None
    for offset, line in _line_offsets(doc.raw_text):
        s = clean(line)
        if not s:
            continue
        if m := heading.match(s):
            current = _Form(m.group(1), offset)
            forms.append(current)
            rest = s[m.end():].strip(" :.-")
            if rest:
                current.title, current.title_pending = rest, False
        elif current is not None and end.search(s):
            current = None
        elif current is not None:
            _step(current, offset, s, header)
    return [_to_form(f, doc) for f in forms if f.rows and f.number not in skip]
