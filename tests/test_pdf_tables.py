"""PDF ruled tables: only table pages are laid out, continued tables are joined."""
from __future__ import annotations

import subprocess
import sys
import unicodedata
from pathlib import Path

import pdfplumber.page
import pytest

from report_parser.document import Document, RawTable
from report_parser.ingest import read
from report_parser.ingest.pdf_tables import _is_data_table, _join_continuations
from report_parser.ingest.pdf_tables import _plumber_tables as _plumber_page_tables
from conftest import REAL, SAMPLE_PDF, SHARED, needs_shared


@pytest.fixture(scope="module")
def sample_pdf():
    return read(SAMPLE_PDF)


def _laid_out(monkeypatch) -> list[int]:
    """Pages pdfplumber lays out (pdfminer interprets their content) on first use of ``layout``."""
    laid_out: list[int] = []
    original = pdfplumber.page.Page.layout

    def counting(self):
        if not hasattr(self, "_layout"):
            laid_out.append(self.page_number)
        return original.fget(self)

    monkeypatch.setattr(pdfplumber.page.Page, "layout", property(counting))
    return laid_out


def test_tables_are_read_from_the_open_pages_without_pdfminer(monkeypatch):
    """The ruled grid comes from pypdfium2's objects: pdfminer interprets no page at all."""
    laid_out = _laid_out(monkeypatch)
    doc = read(SAMPLE_PDF)
    assert doc.page_count == 19
    assert doc.table_pages == list(range(11, 20))  # the appendix forms, nothing of the body
    assert len(doc.tables) == 7 and laid_out == []


def _plumber_tables(path: Path, doc) -> list[RawTable]:
    return _join_continuations(_plumber_page_tables(path, path.read_bytes(), doc.table_pages, doc))


# the PDFs with ruled tables: the sample's forms, a commune's, two real reports' (01: a
# table over three pages with merged header cells; 13: four grids on three pages)
RULED_PDFS = [SAMPLE_PDF] + [pytest.param(SHARED / "corpus" / sub / name, marks=needs_shared, id=name[:12])
                             for sub, name in [("communes", "hongphong-2020-h1.pdf"),
                                               ("real", "01_vinhlong_SNV_BC_tong_ket_dao_tao_boi_duong_2021_2025.pdf"),
                                               ("real", "13_tinh_LamDong_MoHinhThiDiemCCHC-QD787_2025.pdf")]]


@pytest.mark.parametrize("path", RULED_PDFS)
def test_grid_tables_equal_pdfplumbers_own(path):
    """Cells, rows, pages and offsets read by our finder from pypdfium2's edges and character
    boxes are the ones pdfplumber finds when it lays the pages out itself (boxes of capitals
    with stacked marks, "CHỈ", and of descenders stay on their line; pdfium's word spaces kept)."""
    doc = read(path, ocr="never")
    assert doc.tables
    ours, theirs = doc.tables, _plumber_tables(path, doc)
    assert [t.rows for t in ours] == [t.rows for t in theirs]
    assert [(t.pages, t.offset) for t in ours] == [(t.pages, t.offset) for t in theirs]
    assert all(max(abs(a - b) for a, b in zip(x.bbox, y.bbox)) < 0.01 for x, y in zip(ours, theirs))


class _LayoutPage:
    """What pdfplumber's TableFinder reads of a page, from our :class:`PageLayout`."""

    def __init__(self, layout):
        self.edges, self.chars = layout.edges, _plumber_chars(layout.chars)
        self.bbox = (0, 0, layout.width, layout.height)


def _plumber_chars(chars) -> list[dict]:
    """Our character tuples as pdfplumber's char dicts."""
    return [{"x0": x0, "top": top, "x1": x1, "bottom": bottom, "doctop": top, "text": t, "upright": True}
            for x0, top, x1, bottom, t in chars]


def _layouts(path: Path):
    import pypdfium2 as pdfium

    from report_parser.ingest.pdf import is_table_page
    from report_parser.ingest.pdf_grid import page_layout

    pdf = pdfium.PdfDocument(path)
    try:
        for i, page in enumerate(pdf, 1):
            tp = page.get_textpage()
            if is_table_page(page):
                yield page_layout(page, tp, i)
            tp.close()
            page.close()
    finally:
        pdf.close()


@pytest.mark.parametrize("path", RULED_PDFS)
def test_finder_cells_and_texts_equal_pdfplumbers_on_the_same_edges(path):
    """On every table page, every grid our finder draws (boxed paragraphs and one-row grids
    included, before they are judged) has pdfplumber's TableFinder's cells to the last bit,
    and every cell pdfplumber's text; so does the text between tables."""
    from pdfplumber.table import TableFinder
    from pdfplumber.utils import extract_text, within_bbox

    from report_parser.ingest import pdf_chars, pdf_ruling

    pages = 0
    for layout in _layouts(path):
        pages += 1
        theirs = TableFinder(_LayoutPage(layout)).tables
        ours = pdf_ruling.find(layout.edges)
        assert [t.cells for t in theirs] == ours
        assert [[r.cells for r in t.rows] for t in theirs] == [[c for _, c in pdf_ruling.rows(t)] for t in ours]
        for t in ours:
            for cell in (c for _, row in pdf_ruling.rows(t) for c in row if c):
                inside = [c for c in layout.chars if cell[0] <= (c[0] + c[2]) / 2 < cell[2]
                          and cell[1] <= (c[1] + c[3]) / 2 < cell[3]]
                assert pdf_chars.text(inside) == unicodedata.normalize("NFC", extract_text(_plumber_chars(inside)))
            above = (0, 0, layout.width, pdf_ruling.bbox(t)[1])
            assert pdf_chars.text_within(layout.chars, above) == unicodedata.normalize(
                "NFC", extract_text(within_bbox(_plumber_chars(layout.chars), above)))
    assert pages


def test_a_born_digital_pdf_does_not_import_pdfplumber():
    """The default PDF path reads tables without pdfplumber and pdfminer (their import
    alone cost more than the rest of a run)."""
    code = ("import sys; from report_parser import parse; parse(sys.argv[1]); "
            "print(sorted({m.split('.')[0] for m in sys.modules} & {'pdfplumber', 'pdfminer'}))")
    out = subprocess.run([sys.executable, "-c", code, str(SAMPLE_PDF)], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "[]"


def test_a_turned_page_goes_to_pdfplumber(monkeypatch, tmp_path):
    """A page with /Rotate is what the grid does not read: pdfplumber lays out that page only."""
    import pypdfium2 as pdfium

    pdf = pdfium.PdfDocument(SAMPLE_PDF)
    pdf[12].set_rotation(90)
    turned = tmp_path / "turned.pdf"
    pdf.save(turned)
    pdf.close()
    laid_out = _laid_out(monkeypatch)
    doc = read(turned, ocr="never")
    assert laid_out == [13]
    assert any(13 in t.pages for t in doc.tables)


def test_form_split_over_a_page_break_is_one_table(sample_pdf):
    first = sample_pdf.tables[0]
    assert len(sample_pdf.tables) == 7  # seven forms, two of them over two pages
    assert sorted(set(first.pages)) == [11, 12]
    assert first.rows[-1][0] == "6." and first.pages[-1] == 12  # row 6 alone on page 12, no header there
    last = sample_pdf.tables[-1]
    assert sorted(set(last.pages)) == [18, 19] and len(last.rows) == 31


def test_wrapped_cells_and_merged_header_cells(sample_pdf):
    rows = sample_pdf.tables[0].rows
    assert rows[0][3] == "Kết quả thống\nkê" and rows[0][4] is None  # merged over two columns
    assert rows[1][:3] == [None, None, None]  # merged down from the first header row
    assert rows[2][1].startswith("Số văn bản chỉ đạo CCHC đã ban hành\n(Kết luận")


def test_table_offset_points_after_its_heading(sample_pdf):
    t = sample_pdf.tables[1]
    before = sample_pdf.raw_text[t.offset - 40:t.offset]
    assert "Biểu mẫu 2" in before and sample_pdf.raw_text[t.offset:].startswith("STT")


def test_boxed_paragraphs_are_not_tables():
    assert not _is_data_table([["- Theo quy định việc mở các lớp"], ["dưỡng cán bộ, công chức"]])
    assert not _is_data_table([[None, "đào tạo ở nước ngoài"], ["khoa học kỹ thuật", None],
                               ["tỉnh; đào tạo", None]])
    assert _is_data_table([["Năm", "Tổng"], ["2019", "42"], ["2020", "30"]])


def _doc(pages: list[str]) -> Document:
    from pathlib import Path
    return Document(path=Path("x.pdf"), format="pdf", sha256="", size=0, pages=pages)


def _raw(page: int, rows, bbox=(85.0, 100.0, 538.0, 780.0)) -> RawTable:
    return RawTable(page=page, rows=rows, source="pdfplumber", offset=0, pages=[page] * len(rows), bbox=bbox)


HEADER = [["STT", "Chỉ tiêu", "Đơn vị tính", "Số lượng", "Ghi chú"]]


def test_header_repeated_on_the_continuation_page_is_dropped():
    a = _raw(1, HEADER + [["1.", "Số văn bản", "Văn bản", "20", ""]])
    b = _raw(2, HEADER + [["2.", "Tỷ lệ", "%", "85", ""]], bbox=(85.0, 57.0, 538.0, 300.0))
    joined = _join_continuations([(a, ""), (b, "2")])  # only a page number above
    assert len(joined) == 1
    assert [r[0] for r in joined[0].rows] == ["STT", "1.", "2."]
    assert joined[0].pages == [1, 1, 2]


def test_a_new_heading_starts_a_new_table():
    a = _raw(1, HEADER + [["1.", "Số văn bản", "Văn bản", "20", ""]])
    b = _raw(2, HEADER + [["1.", "Số VBQPPL", "Văn bản", "0", ""]])
    assert len(_join_continuations([(a, ""), (b, "Biểu mẫu 2\nCải cách thể chế")])) == 2


def test_other_columns_do_not_continue():
    a = _raw(1, HEADER + [["1.", "Số văn bản", "Văn bản", "20", ""]])
    b = _raw(2, [["Năm", "Tổng"], ["2019", "42"]])
    assert len(_join_continuations([(a, ""), (b, "")])) == 2


@needs_shared
def test_highlighted_paragraphs_are_not_table_pages():
    """02 (UBND Vĩnh Long 811/BC-UBND): shaded one-column boxes behind paragraphs."""
    doc = read(REAL / "02_vinhlong_UBND_811-BC-UBND_tiep_thu_giai_trinh_tham_tra.pdf", ocr="never")
    assert doc.table_pages == [] and doc.tables == []


def _edge(orientation: str, at: float, start: float, end: float) -> dict:
    if orientation == "h":
        return {"x0": start, "x1": end, "top": at, "bottom": at, "doctop": at, "width": end - start,
                "height": 0.0, "orientation": "h", "object_type": "line"}
    return {"x0": at, "x1": at, "top": start, "bottom": end, "doctop": start, "width": 0.0,
            "height": end - start, "orientation": "v", "object_type": "line"}


def _drawn_grid(rng) -> list[dict]:
    """A ruled grid as a PDF producer draws one: rules a little off their line (snapped),
    drawn in pieces with small gaps (joined), some cells merged (a rule left out), stray
    short ticks and an underline (filtered), sometimes a second grid below."""
    edges = []
    for top in (rng.uniform(40, 80), rng.uniform(420, 460))[:rng.choice((1, 2))]:
        xs = sorted(rng.sample(range(50, 550), rng.randint(3, 7)))
        ys = [top + 18.0 * i + rng.uniform(0, 6) for i in range(rng.randint(2, 9))]
        for y in ys:
            cut = rng.uniform(xs[0] + 1, xs[-1] - 1)
            for a, b in ((xs[0], cut - rng.uniform(0, 2.9)), (cut, xs[-1])) if rng.random() < 0.3 else ((xs[0], xs[-1]),):
                edges.append(_edge("h", y + rng.uniform(-1.4, 1.4), a + rng.uniform(-0.5, 0.5), b))
        for x in xs:
            for a, b in zip(ys, ys[1:]):
                if rng.random() < 0.12 and x not in (xs[0], xs[-1]):
                    continue  # a merged cell
                edges.append(_edge("v", x + rng.uniform(-1.4, 1.4), a + rng.uniform(-0.4, 0.4), b))
        edges.append(_edge("v", xs[0] + 5, ys[0] + 2, ys[0] + 4))  # a tick shorter than 3 points
        edges.append(_edge("h", ys[-1] + 30, 60, 200))  # an underline below the grid
    rng.shuffle(edges)
    return edges


@pytest.mark.parametrize("seed", range(40))
def test_finder_equals_pdfplumbers_on_drawn_grids(seed):
    """Snapping (a moved rule keeps its length: x + (mean - x), the same floats), joining,
    filtering, crossings, cells, tables and rows: pdfplumber's TableFinder and ours agree to
    the last bit on grids drawn the ways producers draw them."""
    import random

    from pdfplumber.table import TableFinder

    from report_parser.ingest import pdf_ruling

    edges = _drawn_grid(random.Random(seed))
    page = type("Page", (), {"edges": edges, "chars": [], "bbox": (0, 0, 612, 792)})()
    theirs = TableFinder(page).tables
    ours = pdf_ruling.find(edges)
    assert [t.cells for t in theirs] == ours
    assert [[r.cells for r in t.rows] for t in theirs] == [[c for _, c in pdf_ruling.rows(t)] for t in ours]
    assert [t.bbox for t in theirs] == [pdf_ruling.bbox(t) for t in ours]


def _typed_chars(rng) -> list[tuple]:
    """Characters of a few lines as a cell holds them: words apart by a gap or a space, a
    letter a little above its line (a stacked mark), a ligature, lines close together."""
    chars, top = [], rng.uniform(100, 120)
    for _ in range(rng.randint(1, 4)):
        x = rng.uniform(60, 70)
        for word in rng.sample(["Số", "văn", "bản", "ﬁ", "12.345", "(%)", "CHỈ", "tiêu", "-"], rng.randint(1, 5)):
            for ch in word:
                t = top + rng.choice((0, 0, 0, -1.5, 2.9))
                chars.append((x, t, x + 5, t + 12, ch))
                x += 5 + rng.choice((0, 0, 0.5, 2.9))
            if rng.random() < 0.5:
                chars.append((x, top, x + 2.5, top + 12, " "))
            x += rng.choice((0, 2.5, 3.5, 8))
        top += rng.choice((3.5, 12, 14))
    rng.shuffle(chars)
    return chars


@pytest.mark.parametrize("seed", range(40))
def test_cell_text_equals_pdfplumbers_extract_text(seed):
    import random

    from pdfplumber.utils import extract_text

    from report_parser.ingest import pdf_chars

    chars = _typed_chars(random.Random(seed))
    assert pdf_chars.text(chars) == unicodedata.normalize("NFC", extract_text(_plumber_chars(chars)))



@pytest.mark.parametrize("overlap", [False, True])
def test_row_cells_take_the_characters_their_centres_are_in(overlap):
    """A row's characters go to the cell holding their centre, in their order on the page
    (found by bisection over the row's centres sorted across; two cells of a row may
    overlap, a cell may be shorter than its row); a centre on a cell's right or bottom
    edge is outside it."""
    from report_parser.ingest import pdf_chars, pdf_ruling
    from report_parser.ingest.pdf_grid import PageLayout
    from report_parser.ingest.pdf_tables import _GridPage, _GridTable

    chars = [(x - 2, y - 5, x + 2, y + 5, t) for x, y, t in
             [(15, 15, "a"), (30, 15, "b"), (20, 12, "c"), (50, 15, "d"), (15, 30, "e"), (18, 15, "f"),
              (70, 40, "g"), (40, 25, "h"), (35, 14, "i")]]
    cells = [(10, 10, 20, 20), (20, 10, 40, 20), (40, 10, 60, 20), (10, 20, 40, 40), (40, 20, 60, 40)]
    if overlap:
        cells.append((30, 10, 60, 30))

    def centred(cell):
        return [c for c in chars if cell[0] <= (c[0] + c[2]) / 2 < cell[2] and cell[1] <= (c[1] + c[3]) / 2 < cell[3]]

    rows = _GridTable(cells, _GridPage(PageLayout(1, 100, 100, [], chars))).extract()
    assert rows == [[cell and pdf_chars.text(centred(cell)) for cell in row] for _, row in pdf_ruling.rows(cells)]
    if overlap:
        assert rows == [["af", "c bi", "bi d\nh", "d"], ["e", None, None, "h"]]
    else:
        assert rows == [["af", "c bi", "d"], ["e", None, "h"]]


@pytest.mark.parametrize("path", RULED_PDFS)
def test_the_characters_of_a_text_object_share_its_matrix_and_size(path):
    """page_chars asks pdfium for a character's matrix and font size once per text object:
    that holds only while pdfium gives every character of an object the object's (a newer
    pdfium that did not would move characters off their lines)."""
    import ctypes

    import pypdfium2 as pdfium
    import pypdfium2.raw as pdfium_c

    pdf = pdfium.PdfDocument(path)
    seen: dict[int, tuple] = {}
    m = pdfium_c.FS_MATRIX()
    shared = 0
    try:
        for page in pdf:
            tp = page.get_textpage()
            for i in range(pdfium_c.FPDFText_CountChars(tp.raw)):
                obj = pdfium_c.FPDFText_GetTextObject(tp.raw, i)
                if not obj or pdfium_c.FPDFText_IsGenerated(tp.raw, i) == 1:
                    continue
                assert pdfium_c.FPDFText_GetMatrix(tp.raw, i, m)
                placed = ((m.a, m.b, m.c, m.d, m.e, m.f), pdfium_c.FPDFText_GetFontSize(tp.raw, i))
                first = seen.setdefault(ctypes.addressof(obj.contents), placed)
                assert first == placed
                shared += first is not placed
            seen.clear()  # an object's address may come back on another page
            tp.close()
            page.close()
    finally:
        pdf.close()
    assert shared > 1000  # most characters share an object with the one before


def _rounding_edge_chars(seed: int) -> list[tuple]:
    """Characters on lines whose tops lie 3 points apart give or take a rounding (a top
    plus 3 may round onto a top that is more than 3 above it by subtraction), spaces
    and gaps between them: where pdf_chars.text's shortcuts for flat lines must step aside."""
    import random

    rng = random.Random(seed)
    base = rng.choice([63.017675520419424, rng.uniform(50, 100), rng.uniform(0, 3)])
    chars = []
    for _ in range(rng.randint(2, 14)):
        top = base + rng.choice([0, 0, 0.5, 2.9, 3.0, 3.1, 6.0, 12, 14]) + rng.choice([0, 0, 1e-14, -1e-14, 3.0])
        x0 = rng.choice([rng.uniform(0, 60), 10, 15, 20, 25])
        chars.append((x0, top, x0 + rng.choice([0, 2.5, 5, 6]), top + 12, rng.choice("xyđ79 ")))
    return chars


@pytest.mark.parametrize("seed", [43629] + list(range(60)))
def test_cell_text_on_lines_three_points_apart_equals_pdfplumbers(seed):
    """A real case (seed 43629 of the fuzzing): 'x' at 66.01767552041943 and '7' at
    63.017675520419424 are one line by the cluster's test (63.01... + 3 rounds onto 66.01...)
    but a word cut by the words' test (their difference is 3.0000000000000053): 'x 7 6'."""
    import random

    from pdfplumber.utils import extract_text

    from report_parser.ingest import pdf_chars

    if seed == 43629:
        chars = [(18.0568130627687, 91.02767552041944, 23.0568130627687, 103.02767552041944, "9"),
                 (36.31247095254794, 63.017675520419424, 36.31247095254794, 75.01767552041943, "7"),
                 (23.110511853808365, 77.00767552041943, 28.110511853808365, 87.00767552041943, "y"),
                 (31.078624066064535, 66.01767552041943, 36.078624066064535, 76.01767552041943, "x"),
                 (58.34294755989186, 63.52767552041942, 63.34294755989186, 73.52767552041942, "6"),
                 (58.73277137872685, 77.01767552041943, 64.73277137872685, 89.01767552041943, "đ")]
        assert pdf_chars.text(chars) == "x 7 6\ny đ\n9"
    else:
        chars = _rounding_edge_chars(seed)
        random.Random(seed).shuffle(chars)
    assert pdf_chars.text(chars) == unicodedata.normalize("NFC", extract_text(_plumber_chars(chars)))
