"""Measures of a review page against its report: which records have a mark on the right page,
and whether the text under each box holds the value or symbol the mark stands for."""
from __future__ import annotations

import re
from dataclasses import dataclass

from report_parser.models import FormTable, Report

MARK = re.compile(r'<div class="mark" data-kind="(\w+)" data-id="([\w-]+)" data-page="(\d+)"[^>]*?'
                  r'style="left:([\d.]+)%;top:([\d.]+)%;width:([\d.]+)%;height:([\d.]+)%"')
NUMBER = re.compile(r"\d[\d.,]*")


@dataclass
class Box:
    kind: str
    id: str
    page: int
    rect: tuple[float, float, float, float]  # fractions of the page: x0, y0, x1, y1


def boxes(html: str) -> list[Box]:
    out = []
    for kind, id_, page, x, y, w, h in MARK.findall(html):
        x, y, w, h = (float(v) / 100 for v in (x, y, w, h))
        out.append(Box(kind, id_, int(page), (x, y, x + w, y + h)))
    return out


def expected(report: Report) -> dict[str, tuple[set[int], str | float]]:
    """id -> (the pages it belongs on, the value or symbol its box must show)."""
    out: dict[str, tuple[set[int], str | float]] = {}
    for k, i in enumerate(report.indicators):
        out[f"ind-{k}"] = ({i.page} if i.page else set(), i.value)
    for k, r in enumerate(report.references):
        out[f"ref-{k}"] = ({m.page for m in r.mentions if m.page}, r.symbol or r.number or r.mentions[0].text)
    for t, table in enumerate(report.tables):
        if isinstance(table, FormTable):
            for r, row in enumerate(table.rows):
                out[f"row-{t}-{r}"] = ({row.page or table.page}, row.raw or row.label.split()[0])
    return out


def numbers(text: str) -> set[float]:
    """Every number printed in a text, read the Vietnamese way (1.224 = 1224, 99,9 = 99.9)."""
    found = set()
    for tok in NUMBER.findall(text):
        tok = tok.rstrip(".,")
        plain = re.sub(r"\.(?=\d{3}(?!\d))", "", tok).replace(",", ".")
        try:
            found.add(float(plain))
        except ValueError:
            continue
    return found


def shows(text: str, want: str | float) -> bool:
    if isinstance(want, (int, float)):
        # a zero is often written as a word: "không có văn bản", "không nhận được phản ánh"
        return any(abs(n - want) < 1e-6 for n in numbers(text)) or want == 0 and "không" in text.lower()
    return "".join(want.split()).lower() in "".join(text.split()).lower()


def coverage(report: Report, marks: list[Box]) -> list[str]:
    """The ids of records without a mark on one of their pages."""
    placed = {(b.id, b.page) for b in marks}
    return [id_ for id_, (pages, _) in expected(report).items() if not any((id_, p) in placed for p in pages)]


def agreement(report: Report, marks: list[Box], text_under) -> tuple[int, int, list]:
    """How many record marks (not checks) show their value; ``text_under(page, rect)`` reads the page.
    A mark is a record's boxes on one page (a span that wraps has one box per line)."""
    want = expected(report)
    grouped: dict[tuple[str, int], list[Box]] = {}
    for b in marks:
        if b.id in want:
            grouped.setdefault((b.id, b.page), []).append(b)
    ok, bad = 0, []
    for (id_, page), bs in grouped.items():
        text = " ".join(text_under(page, b.rect) for b in bs)
        if shows(text, want[id_][1]):
            ok += 1
        else:
            bad.append((id_, want[id_][1], text))
    return ok, ok + len(bad), bad


def pdf_text_under(path):
    """A ``text_under`` reading the PDF's own text layer (pypdfium2) inside a box, slightly grown."""
    import pypdfium2 as pdfium

    pdf = pdfium.PdfDocument(str(path))
    cache = {}

    def read(page: int, rect) -> str:
        if page not in cache:
            p = pdf[page - 1]
            cache[page] = (p.get_size(), p.get_textpage())
        (w, h), tp = cache[page]
        x0, y0, x1, y1 = rect
        pad = 1.0
        return tp.get_text_bounded(left=x0 * w - pad, bottom=(1 - y1) * h - pad, right=x1 * w + pad,
                                   top=(1 - y0) * h + pad)
    return read
