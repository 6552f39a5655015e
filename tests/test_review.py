"""The review page without a browser: every record marked on its page, the text under the boxes
is the value read, a page drawn as text marks the right spans, and the store's index."""
from __future__ import annotations

import os
import re
from html.parser import HTMLParser

import pytest

from report_parser.models import FormTable
from report_parser.pipeline import parse_with_context
from report_parser.review import marks as review_marks, page_for
from report_parser.review.locate import PageChars, find_near, find_row_value, rects as locate_rects
from report_parser.review.marks import Mark
from report_parser.review.pages import text_pages
from report_parser.review.render import _spans

from conftest import SAMPLE_DOCX, SAMPLE_PDF, SAMPLE_SCAN, SAMPLE_TXT, needs_tesseract
import review_measure as measure


@pytest.fixture(scope="module")
def pdf_page():
    report, ctx = parse_with_context(SAMPLE_PDF)
    return report, page_for(report, ctx.doc, SAMPLE_PDF)


def test_every_record_of_the_sample_pdf_is_marked_on_its_page(pdf_page):
    report, html = pdf_page
    boxes = measure.boxes(html)
    assert measure.coverage(report, boxes) == []
    kinds = {b.kind for b in boxes}
    assert kinds == {"indicator", "reference", "row", "check"}
    # every check of the sample concerns values or documents, and is marked where they are
    assert {b.id for b in boxes if b.kind == "check"} == {f"chk-{k}" for k in range(len(report.checks))}


def test_the_text_under_95_percent_of_the_sample_pdf_marks_is_the_value(pdf_page):
    report, html = pdf_page
    ok, total, bad = measure.agreement(report, measure.boxes(html), measure.pdf_text_under(SAMPLE_PDF))
    assert total >= 200 and ok / total >= 0.95, bad[:10]


def test_the_page_is_self_contained(pdf_page):
    _, html = pdf_page
    assert not re.search(r"""(?:src|href)=["'](?!data:|#)""", html)  # no file, no URL: images are data: URLs
    assert "http://" not in html.split("<body>")[1].split('<script type="application/json"')[0]
    assert html.count("<img ") == 19


def _subset(path, pages, out):
    import pypdfium2 as pdfium

    new = pdfium.PdfDocument.new()
    new.import_pages(pdfium.PdfDocument(str(path)), pages)
    new.save(str(out))
    return out


@pytest.mark.ocr
@pytest.mark.slow
@needs_tesseract
@pytest.mark.parametrize("pages", [
    [0, 5, 13],
    pytest.param(list(range(19)), marks=pytest.mark.skipif(os.environ.get("REPORT_PARSER_FULL_OCR") != "1",
                                                           reason="set REPORT_PARSER_FULL_OCR=1 (~1-3 min)"))])
def test_the_scanned_sample_is_marked_with_ocr_word_boxes(tmp_path, pages):
    """Pages of the scan (three: header and citations, text figures, a form; or all 19), marked
    with Tesseract's word boxes; the text under each box is read in the born-digital PDF of the
    same pages (the scan is a print of it), so the measure does not trust the OCR it checks."""
    scan = _subset(SAMPLE_SCAN, pages, tmp_path / "scan.pdf")
    layer = _subset(SAMPLE_PDF, pages, tmp_path / "layer.pdf")
    report, ctx = parse_with_context(scan)
    assert ctx.doc.ocr_pages == list(range(1, len(pages) + 1))
    boxes = measure.boxes(page_for(report, ctx.doc, scan))
    assert len(report.indicators) >= 10 and len(report.references) >= 5
    missing = measure.coverage(report, boxes)
    ok, total, bad = measure.agreement(report, boxes, measure.pdf_text_under(layer))
    assert len(missing) <= 0.05 * len(measure.expected(report)), missing
    assert ok / total >= 0.85, bad[:10]


def test_a_text_report_is_marked_on_its_spans():
    report, ctx = parse_with_context(SAMPLE_TXT)
    pages = text_pages(ctx.doc)
    found = review_marks.build(report, ctx.doc, pages, drawn=False)
    by_page = {p.number: p for p in pages}
    inds = [m for m in found if m.kind == "indicator"]
    assert len({m.id for m in inds}) == len(report.indicators)
    for m in inds:
        ind = report.indicators[int(m.id.split("-")[1])]
        shown = by_page[m.page].text[m.span[0]:m.span[1]]
        assert measure.shows(shown, ind.value) or ind.source == "table", (ind.code, shown)
    rows = [(t, r) for t, tb in enumerate(report.tables) if isinstance(tb, FormTable) for r in range(len(tb.rows))]
    assert {m.id for m in found if m.kind == "row"} == {f"row-{t}-{r}" for t, r in rows}


def test_a_word_report_draws_its_forms_as_tables_with_the_marks_in_their_cells():
    report, ctx = parse_with_context(SAMPLE_DOCX)
    html = page_for(report, ctx.doc, SAMPLE_DOCX)
    forms = [t for t in report.tables if isinstance(t, FormTable)]
    assert html.count('<table class="doc">') >= len(forms) == 7
    # the value of form 3's row 1.1 stands in its own cell, marked
    t = next(k for k, tb in enumerate(report.tables) if isinstance(tb, FormTable) and tb.form == "3")
    r = next(k for k, row in enumerate(report.tables[t].rows) if row.code == "1.1")
    assert re.search(rf'<td><span class="mark" data-kind="row" data-id="row-{t}-{r}" data-page="\d+">(<span [^>]*>)?143</span>',
                     html)
    p = _Nesting()
    p.feed(html.split('<div id="pages">')[1].split('</div><div id="side">')[0])
    assert p.ok and p.depth == 0


class _Nesting(HTMLParser):
    def __init__(self):
        super().__init__()
        self.depth, self.text, self.ok = 0, "", True

    def handle_starttag(self, tag, attrs):
        self.depth += 1

    def handle_endtag(self, tag):
        self.depth -= 1
        self.ok &= self.depth >= 0

    def handle_data(self, data):
        self.text += data


def test_crossing_marks_are_cut_into_properly_nested_spans():
    text = "Đã giải quyết 1221 hồ sơ, trong đó 1220 hồ sơ đúng hạn"
    marks = [Mark("indicator", "ind-0", 1, span=(14, 25)), Mark("check", "chk-0", 1, span=(19, 40)),
             Mark("reference", "ref-0", 1, span=(0, 55))]
    html = _spans(text, marks)
    p = _Nesting()
    p.feed(html)
    assert p.ok and p.depth == 0 and p.text == text
    assert html.count('data-id="chk-0"') == 2 and html.count('data-id="ind-0"') == 1


def test_a_form_row_value_is_found_on_its_label_line():
    # two rows print the same figure: the one on the label's line is taken
    text = "Số hồ sơ tiếp nhận 0 Số hồ sơ giải quyết 0"
    boxes = [(i / 100, 0.1, (i + 1) / 100, 0.12) if i < 21 else (i / 100, 0.2, (i + 1) / 100, 0.22)
             for i in range(len(text))]
    page = PageChars(1, text, [None if c == " " else b for c, b in zip(text, boxes)])
    assert find_row_value(page, "Số hồ sơ giải quyết", "0") == (41, 42)
    assert find_row_value(page, "Số hồ sơ tiếp nhận", "0") == (19, 20)
    # a number is never found inside a longer one
    assert find_near(PageChars(1, "tiếp nhận 1224 hồ sơ, 224 hộ tịch"), "224") == (22, 25)


def test_a_turned_pdf_page_is_marked_where_it_is_shown(tmp_path):
    """A page with /Rotate 90 (landscape forms are often printed so): the boxes are turned with it."""
    import pypdfium2 as pdfium

    from report_parser.review.pages import pdf_pages
    from report_parser.ingest import read

    turned = _subset(SAMPLE_PDF, [0], tmp_path / "turned.pdf")
    pdf = pdfium.PdfDocument(str(turned))
    pdf[0].set_rotation(90)
    pdf.save(str(tmp_path / "turned90.pdf"))
    path = tmp_path / "turned90.pdf"
    page = pdf_pages(path, read(path))[0]
    assert page.width > page.height  # drawn turned
    a = page.chars.text.index("165/BC-UBND")
    x0, y0, x1, y1 = locate_rects(page.chars, a, a + 11)[0]
    assert y1 - y0 > x1 - x0  # the symbol runs down the turned page, near its right edge
    assert x0 > 0.8 and y0 < 0.4


def test_review_command_writes_the_page_and_refuses_bad_usage_with_one_line(tmp_path):
    import subprocess
    import sys

    cli = [sys.executable, "-m", "report_parser", "review"]
    out = tmp_path / "review.html"
    r = subprocess.run(cli + [str(SAMPLE_TXT), "-o", str(out)], capture_output=True, text=True, timeout=120)
    assert r.returncode == 0 and out.stat().st_size > 10_000 and 'data-kind="indicator"' in out.read_text("utf-8")
    for args, words in (([], "either a report FILE or --db"), ([str(SAMPLE_TXT)], "-o/--output is required"),
                        (["--db", str(tmp_path / "none.sqlite"), "-o", str(tmp_path)], "no such store")):
        r = subprocess.run(cli + args, capture_output=True, text=True, timeout=120)
        assert r.returncode == 2 and r.stderr.count("\n") == 1 and words in r.stderr, r.stderr


def test_a_stores_page_draws_its_file_only_as_an_import_reads_it(monkeypatch):
    """review/district hashed the whole file itself (no size limit); it reads it with
    ingest.file_info now: a file over the input limit gives the page without its pages."""
    from report_parser import limits
    from report_parser.ingest import file_info
    from report_parser.review.district import _page

    report, _ = parse_with_context(SAMPLE_TXT)
    sha256 = file_info(SAMPLE_TXT)[1]
    assert "data-page=" in _page(report, str(SAMPLE_TXT), sha256, {})
    assert "data-page=" not in _page(report, str(SAMPLE_TXT), "0" * 64, {})  # changed since the import
    monkeypatch.setattr(limits, "MAX_INPUT_BYTES", SAMPLE_TXT.stat().st_size - 1)
    assert "data-page=" not in _page(report, str(SAMPLE_TXT), sha256, {})


def test_what_a_click_shows_is_labelled_by_review_yaml(tmp_path):
    """The field labels and a form row's title were Vietnamese strings in render.py: review.yaml's
    ``fields`` now; a title naming an unknown placeholder is refused when the file is loaded."""
    from report_parser import patterns
    from report_parser.review.render import records

    report, _ = parse_with_context(SAMPLE_DOCX)
    row = next(v for k, v in records(report).items() if k.startswith("row-"))
    assert row["title"].startswith("Biểu mẫu ") and ", dòng " in row["title"]
    (tmp_path / "review.yaml").write_text('fields: {row_title: "Mẫu {form} – {code}"}\n', encoding="utf-8")
    with patterns.using(patterns.Patterns(overlay=[tmp_path])):
        row = next(v for k, v in records(report).items() if k.startswith("row-"))
    assert row["title"].startswith("Mẫu ") and " – " in row["title"]
    (tmp_path / "review.yaml").write_text('fields: {form_source: "biểu {bảng}"}\n', encoding="utf-8")
    with patterns.using(patterns.Patterns(overlay=[tmp_path])), pytest.raises(patterns.PatternError,
                                                                               match="form_source"):
        records(report)


def test_the_pages_own_words_are_review_yamls_and_reach_its_script(tmp_path):
    """The side panel's labels, the corrections form and what review.js says were Vietnamese strings
    in render.py and review.js: review.yaml's ``page`` now, the script's passed in the page's data."""
    import json

    from report_parser import patterns

    report, ctx = parse_with_context(SAMPLE_TXT)
    (tmp_path / "review.yaml").write_text("page: {meta: {signer: Ký tên}, form: {dismiss: Không xét}, "
                                          "script: {changes: thay đổi}}\n", encoding="utf-8")
    with patterns.using(patterns.Patterns(overlay=[tmp_path])):
        html = page_for(report, ctx.doc, SAMPLE_TXT)
    data = json.loads(html.split('id="review-data">')[1].split("</script>")[0])
    assert data["words"]["changes"] == "thay đổi" and data["words"]["close"] == "Đóng"
    assert "<dt>Ký tên</dt>" in html and '<option value="dismiss">Không xét</option>' in html
    assert "WORDS.changes" in html and "sửa đổi\"" not in html
