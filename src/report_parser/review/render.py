"""The review page as one self-contained HTML file: CSS, JS and page images inline, no network."""
from __future__ import annotations

import json
from html import escape
from importlib import resources

from .. import corrections
from ..aggregate import label as indicator_label
from ..models import FormTable, Report
from .locate import PageChars
from .marks import Mark
from .pages import DrawnPage, TextTable
from .words import ReviewWords, words

# a mark's kind -> the review.yaml table that lists its records (whose title names the kind in the legend)
KIND_TABLES = (("indicator", "indicators"), ("reference", "references"), ("row", "rows"))
_ORDER = {"error": 0, "warning": 1, "info": 2}


def _asset(name: str) -> str:
    return resources.files(__package__).joinpath(name).read_text(encoding="utf-8")


def page_html(report: Report, marks: list[Mark], drawn: list[DrawnPage] | None,
              text_pages: list[PageChars] | None, *,
              tables: list[TextTable] | None = None, fixes: dict | None = None) -> str:
    """The page; ``fixes`` (the store's corrections of this report, see :func:`corrections.fixes`)
    are filled in the form, so the officer sees what is already corrected."""
    w = words()
    title = report.report.title or report.report.type or w.page.report
    recs = records(report)
    data = {"report": {"sha256": report.source.sha256, "path": report.source.path}, "records": recs,
            "stored": _stored(recs, fixes or {}), "words": w.page.script.model_dump()}
    pages = _drawn(drawn, marks) if drawn is not None else _texts(text_pages or [], marks, tables or [])
    return "".join([
        '<!DOCTYPE html><html lang="vi"><head><meta charset="utf-8">',
        '<meta http-equiv="Content-Security-Policy" content="default-src \'none\'; img-src data:; '
        'style-src \'unsafe-inline\'; script-src \'unsafe-inline\'">',
        f"<title>{escape(title)} – {escape(_file_name(report))}</title><style>{_asset('review.css')}</style></head>",
        f"<body><header><h1>{escape(title)}</h1><div class=\"file\">{escape(report.source.path)}</div></header>",
        f'<main><div id="pages">{pages}</div><div id="side">{_side(report)}</div></main>',
        '<div id="info" role="dialog"></div>',
        f'<script type="application/json" id="review-data">{_json(data)}</script>',
        f"<script>{_asset('review.js')}</script></body></html>"])


def _file_name(report: Report) -> str:
    return report.source.path.replace("\\", "/").rsplit("/", 1)[-1]


def _json(data) -> str:
    return json.dumps(data, ensure_ascii=False).replace("</", "<\\/")


def _attrs(m: Mark) -> str:
    sev = f' data-severity="{m.severity}"' if m.severity else ""
    return f'class="mark" data-kind="{m.kind}" data-id="{m.id}" data-page="{m.page}"{sev}'


def _drawn(pages: list[DrawnPage], marks: list[Mark]) -> str:
    out = []
    for p in pages:
        n = p.chars.number
        boxes = "".join(
            f'<div {_attrs(m)} style="left:{r[0] * 100:.3f}%;top:{r[1] * 100:.3f}%;'
            f'width:{(r[2] - r[0]) * 100:.3f}%;height:{(r[3] - r[1]) * 100:.3f}%"></div>'
            for m in marks if m.page == n for r in m.rects)
        out.append(f'<section class="page" id="page-{n}" data-page="{n}"><img src="{p.image}" width="{p.width}" '
                   f'height="{p.height}" alt="Trang {n}"><span class="no">{n}</span>{boxes}</section>')
    return "".join(out)


def _texts(pages: list[PageChars], marks: list[Mark], tables: list[TextTable]) -> str:
    return "".join(f'<section class="page text" id="page-{p.number}" data-page="{p.number}"><span class="no">'
                   f'{p.number}</span>{_page_text(p, [m for m in marks if m.page == p.number and m.span], tables)}'
                   f"</section>" for p in pages)


def _page_text(page: PageChars, marks: list[Mark], tables: list[TextTable]) -> str:
    """The page's text with its marks; the tables wholly on the page drawn as tables."""
    end = page.base + len(page.text)
    out, cursor = [], page.base
    for t in sorted((t for t in tables if page.base <= t.start and t.end <= end), key=lambda t: t.start):
        if t.start < cursor:
            continue
        out.append(_spans_in(page, marks, cursor, t.start))
        out.append("<table class=\"doc\">" + "".join(
            "<tr>" + "".join("<td></td>" if c is None else f"<td>{_spans_in(page, marks, *c)}</td>" for c in row)
            + "</tr>" for row in t.rows) + "</table>")
        cursor = t.end
    out.append(_spans_in(page, marks, cursor, end))
    return "".join(out)


def _spans_in(page: PageChars, marks: list[Mark], a: int, b: int) -> str:
    """``_spans`` of the page's text from repaired offset a to b, with the marks cut to it."""
    lo, hi = a - page.base, b - page.base
    cut = [Mark(m.kind, m.id, m.page, span=(max(lo, m.span[0]) - lo, min(hi, m.span[1]) - lo), severity=m.severity)
           for m in marks if m.span and m.span[0] < hi and m.span[1] > lo]
    return _spans(page.text[lo:hi], cut)


def _spans(text: str, marks: list[Mark]) -> str:
    """The text with each mark as a span around its characters, nested properly (a mark that
    crosses another is cut in pieces, each with the mark's id)."""
    marks = [m for m in marks if m.span and 0 <= m.span[0] < m.span[1] <= len(text)]
    cuts = sorted({0, len(text)} | {x for m in marks for x in m.span})  # type: ignore[union-attr]
    ranked = sorted(range(len(marks)), key=lambda k: (marks[k].span[0], -marks[k].span[1], k))  # type: ignore[index]
    out, stack = [], []
    for a, b in zip(cuts, cuts[1:]):
        cover = [k for k in ranked if marks[k].span[0] <= a and b <= marks[k].span[1]]  # type: ignore[index]
        keep = 0
        while keep < min(len(stack), len(cover)) and stack[keep] == cover[keep]:
            keep += 1
        out.append("</span>" * (len(stack) - keep))
        out.extend(f"<span {_attrs(marks[k])}>" for k in cover[keep:])
        stack = cover
        out.append(escape(text[a:b]))
    out.append("</span>" * len(stack))
    return "".join(out)


# --------------------------------------------------------------------------- the side panel

def _side(report: Report) -> str:
    f = words().page.form
    toolbar = (f'<div class="toolbar"><button type="button" id="download">{escape(f.download)}</button> '
               f'<span id="count"></span><br><small>{escape(f.help)} '
               '<code>parse-report correct --db … corrections.json</code>.</small></div>')
    return "".join([_meta(report), _legend(), toolbar, _checks(report), _indicators(report), _rows(report),
                    _references(report)])


def _meta(report: Report) -> str:
    m, src, w = report.report, report.source, words().page.meta
    ocr = f", {w.ocr_pages} {', '.join(map(str, src.ocr_pages))}" if src.ocr_pages else ""
    items = [(w.type, m.type), (w.symbol, m.symbol or m.number), (w.date, _d(m.date)), (w.issuer, m.issuer.name),
             (w.period, m.period.label), (w.signer, m.signer.name),
             (w.file, f"{src.format}, {src.pages} {w.pages}{ocr}")]
    return f'<h2>{escape(w.title)}</h2><dl class="meta">' + "".join(
        f"<dt>{escape(k)}</dt><dd>{escape(str(v))}</dd>" for k, v in items if v) + "</dl>"


def _legend() -> str:
    w = words()
    kinds = "".join(f'<span><i class="mark" data-kind="{k}" style="position:static"></i>{w.tables[t].title}</span>'
                    for k, t in KIND_TABLES)
    sev = "".join(f'<span><i class="mark" data-kind="check" data-severity="{k}" style="position:static"></i>'
                  f"{w.tables['checks'].title}: {t}</span>" for k, t in w.severities.items())
    return f'<div class="legend">{kinds}{sev}</div>'


def _d(d) -> str | None:
    return d.strftime("%d/%m/%Y") if d else None


def _num(v) -> str:
    if v is None:
        return ""
    if isinstance(v, float) and not v.is_integer():
        return f"{v:,.2f}".rstrip("0").replace(",", " ").replace(".", ",")
    return f"{int(v):,}".replace(",", ".")


def _fix_cell(drop: bool = False) -> str:
    f = words().page.form
    box = f' <label><input type="checkbox" class="drop"> {escape(f.drop)}</label>' if drop else ""
    return f'<td><input class="fix" inputmode="decimal" placeholder="{escape(f.fix)}">{box}</td>'


def _table(title: str, head: list[str], rows: list[str]) -> str:
    if not rows:
        return ""
    return (f"<h2>{title} ({len(rows)})</h2><table><thead><tr>" + "".join(f"<th>{h}</th>" for h in head)
            + "</tr></thead><tbody>" + "".join(rows) + "</tbody></table>")


def _headed(key: str, rows: list[str], correctable: bool = False) -> str:
    """The table ``key`` of review.yaml with its title and headers (and the edit column of a correctable one)."""
    w = words()
    t = w.tables[key]
    return _table(t.title, t.columns + ([w.edit_column] if correctable else []), rows)


def _indicators(report: Report) -> str:
    rows = []
    for k, i in enumerate(report.indicators):
        scope = ", ".join(f"{v}" for v in i.dimension.values())
        rows.append(f'<tr data-id="ind-{k}" data-kind="indicator"><td>{escape(indicator_label(i.code))}<br>'
                    f"<small><code>{escape(i.code)}</code></small></td><td class=\"num\">{escape(i.qualifier or '')}"
                    f"{_num(i.value)}</td><td>{escape(i.unit or '')}</td><td>{escape(scope)}</td>"
                    f"<td>{i.page or ''}</td>{_fix_cell(drop=True)}</tr>")
    return _headed("indicators", rows, correctable=True)


def _rows(report: Report) -> str:
    rows = []
    for t, table in enumerate(report.tables):
        if not isinstance(table, FormTable):
            continue
        for r, row in enumerate(table.rows):
            fix = _fix_cell() if row.value is not None else "<td></td>"
            rows.append(f'<tr data-id="row-{t}-{r}" data-kind="row"><td>{escape(table.form or "")}</td>'
                        f"<td>{escape(row.code)}</td><td>{escape(row.label)}</td><td>{escape(row.unit or '')}</td>"
                        f'<td class="num">{escape(row.raw or "")}</td><td>{row.page or table.page or ""}</td>{fix}</tr>')
    return _headed("rows", rows, correctable=True)


def _references(report: Report) -> str:
    rows = [f'<tr data-id="ref-{k}" data-kind="reference"><td>{escape(r.type or "")}</td>'
            f"<td>{escape(r.symbol or r.number or '')}</td><td>{_d(r.date) or ''}</td><td>{escape(r.issuer or '')}</td>"
            f"<td>{', '.join(sorted({str(m.page) for m in r.mentions if m.page}))}</td></tr>"
            for k, r in enumerate(report.references)]
    return _headed("references", rows)


def _checks(report: Report) -> str:
    order = sorted(range(len(report.checks)), key=lambda k: (_ORDER.get(report.checks[k].severity, 3), k))
    f = words().page.form
    select = (f'<td><select class="verdict"><option value="">—</option><option value="accept">{escape(f.accept)}'
              f'</option><option value="dismiss">{escape(f.dismiss)}</option></select></td>')
    names = words().severities
    rows = [f'<tr data-id="chk-{k}" data-kind="check"><td class="sev-{c.severity}">{names.get(c.severity, c.severity)}'
            f"</td><td>{escape(c.message)}</td><td>{', '.join(map(str, c.pages))}</td>{select}</tr>"
            for k in order for c in [report.checks[k]]]
    return _headed("checks", rows)  # its last column is the verdict


# --------------------------------------------------------------------------- what a click shows

def records(report: Report) -> dict[str, dict]:
    """Per id: a title and the fields read, and for a correctable record its target, key and value."""
    w = words()
    out: dict[str, dict] = {}
    for k, i in enumerate(report.indicators):
        f = w.fields.indicator
        out[f"ind-{k}"] = {"title": indicator_label(i.code), "target": "indicator",
                           "key": corrections.key_of_indicator(i), "original": i.value,
                           "fields": _fields([(f.code, i.code), (f.value, f"{i.qualifier or ''}{_num(i.value)}"),
                                              (f.unit, i.unit), (f.scope, ", ".join(i.dimension.values())),
                                              (f.source, i.table and w.fields.form_source.format(table=i.table)
                                               or i.source),
                                              (f.page, i.page), (f.evidence, i.evidence)])}
    for k, r in enumerate(report.references):
        f = w.fields.reference
        out[f"ref-{k}"] = {"title": " ".join(x for x in (r.type, r.symbol or r.number) if x),
                           "fields": _fields([(f.date, _d(r.date)), (f.issuer, r.issuer), (f.subject, r.subject),
                                              (f.mentions, " | ".join(m.text for m in r.mentions)),
                                              (f.issues, "; ".join(r.issues))])}
    out.update(_row_records(report, w))
    for k, c in enumerate(report.checks):
        f = w.fields.check
        out[f"chk-{k}"] = {"title": f"{w.severities.get(c.severity, c.severity)}: {c.rule}", "target": "check",
                           "key": corrections.check_key(c), "original": None,
                           "fields": _fields([(f.message, c.message), (f.evidence, " | ".join(c.evidence))])}
    return out


def _row_records(report: Report, w: ReviewWords) -> dict[str, dict]:
    f = w.fields.row
    out = {}
    for t, table in enumerate(report.tables):
        if not isinstance(table, FormTable):
            continue
        for r, row in enumerate(table.rows):
            out[f"row-{t}-{r}"] = {"title": w.fields.row_title.format(form=table.form, code=row.code), "target": "row",
                                   "key": corrections.row_key(table.form, row.code), "original": row.value,
                                   "fields": _fields([(f.label, row.label), (f.unit, row.unit), (f.raw, row.raw),
                                                      (f.value, _num(row.value)), (f.note, row.note),
                                                      (f.page, row.page)])}
    return out


def _stored(recs: dict[str, dict], fixes: dict) -> dict[str, dict]:
    """Per id, the correction the store holds for that record."""
    out = {}
    for id_, rec in recs.items():
        fix = fixes.get((rec.get("target"), rec.get("key")))
        if fix is not None:
            out[id_] = {"action": fix.action, "value": fix.value, "note": fix.note()}
    return out


def _fields(pairs: list[tuple[str, object]]) -> list[tuple[str, str]]:
    return [(k, str(v)) for k, v in pairs if v not in (None, "")]
