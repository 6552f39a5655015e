"""The review pages of a whole store: ``review/index.html`` and one page per stored report.

The index lists every stored report (commune, period, number and date, file,
indicators, checks by severity, corrected values) and the communes of the
roster that sent none. A report's page draws the pages of its file when the file
is still where it was imported from (and unchanged); otherwise it shows what
was read, without the pages.
"""
from __future__ import annotations

from html import escape
from pathlib import Path

from ..aggregate import StoredReport, load_reports, missing_communes
from ..database import Database
from ..errors import ReportParserError
from ..export import slug
from ..ingest import file_info
from ..models import Report
from ..options import OcrMode
from ..units import Roster
from .render import _asset, _headed, page_html, words


def write_all(conn: Database, out: Path, *, period: str | None = None,
              roster: Roster | None = None, ocr: OcrMode | str = OcrMode.auto) -> list[Path]:
    """Write index.html and a page per report into ``out`` (``ocr``: how its file is read again
    to draw its pages); returns the pages written."""
    out.mkdir(parents=True, exist_ok=True)
    reports = load_reports(conn, "district", period, roster)
    written, rows = [], []
    for n, r in enumerate(reports, start=1):
        name = f"{n:03d}-{slug(r.unit.unit or Path(r.row['path']).stem) or 'bao-cao'}-{slug(r.row['period_key'])}.html"
        report = Report.model_validate_json(r.row["json"])
        (out / name).write_text(_page(report, r.row["path"], r.row["sha256"], r.fixes, ocr), encoding="utf-8")
        written.append(out / name)
        rows.append(_index_row(r, report, name))
    missing = missing_communes(reports, roster, "district") if roster else []
    (out / "index.html").write_text(_index(rows, [(g.name, name, code) for g, name, code in missing], period),
                                    encoding="utf-8")
    return written


def _page(report: Report, path: str, sha256: str, fixes: dict, ocr: OcrMode | str = OcrMode.auto) -> str:
    """The report's page, with its file's pages drawn when the file is there and unchanged (read
    as an import reads it: a regular file within the input size limit)."""
    from . import page_for
    from ..pipeline import build_context

    file = Path(path)
    try:
        if file.is_file() and file_info(file)[1] == sha256:
            return page_for(report, build_context(file, ocr=ocr).doc, file, fixes=fixes)
    except ReportParserError:
        pass
    return page_html(report, [], None, [], fixes=fixes)


def _index_row(r: StoredReport, report: Report, link: str) -> str:
    commune = " ".join(x for x in (r.unit.level, r.unit.unit) if x) or "?"
    date = report.report.date.strftime("%d/%m/%Y") if report.report.date else ""
    counts = [sum(1 for c in report.checks if c.severity == s) for s in ("error", "warning", "info")]
    counts.append(sum(1 for (target, _) in r.fixes if target != "check"))
    cells = "".join(f'<td class="num {cls}">{n or ""}</td>' for cls, n in zip(("sev-error", "sev-warning", "", ""),
                                                                             counts))
    return (f"<tr><td>{escape(commune)}</td><td>{escape(r.row['period_key'])}</td>"
            f"<td>{escape(r.row['symbol'] or r.row['number'] or '')}</td><td>{date}</td>"
            f'<td><a href="{escape(link)}">{escape(Path(r.row["path"]).name)}</a></td>'
            f'<td class="num">{len(report.indicators)}</td>{cells}</tr>')


def _index(rows: list[str], missing: list[tuple[str, str, str | None]], period: str | None) -> str:
    index = words().tables["index"]
    table = ("<table><thead><tr>" + "".join(f"<th>{h}</th>" for h in index.columns) + "</tr></thead><tbody>"
             + "".join(rows) + "</tbody></table>")
    gaps = _headed("missing", [f"<tr><td>{escape(g)}</td><td>{escape(n)}</td><td>{escape(c or '')}</td></tr>"
                               for g, n, c in missing])
    title = escape(index.title) + (f" – {escape(words().page.period)} {escape(period)}" if period else "")
    return ('<!DOCTYPE html><html lang="vi"><head><meta charset="utf-8">'
            '<meta http-equiv="Content-Security-Policy" content="default-src \'none\'; style-src \'unsafe-inline\'">'
            f"<title>{title}</title><style>{_asset('review.css')} body{{padding:0 16px}}</style></head>"
            f"<body><h1>{title} ({len(rows)})</h1>{table}{gaps}</body></html>")
