"""Text repair: each repair kind, and offsets that still map to pages."""
from __future__ import annotations

from pathlib import Path

import pytest

from report_parser.document import Document
from report_parser.normalize import Tracked, repair, repair_text

import regex


def doc_of(*pages: str) -> Document:
    return Document(path=Path("t.txt"), format="txt", sha256="", size=0, pages=list(pages))


@pytest.mark.parametrize("raw, want, kind", [
    ("trang thiết bi \u0323tại xã", "trang thiết bị tại xã", "combining-marks"),
    ("cơ sở vât chất, trang thiết bi ̣tại xã", "cơ sở vât chất, trang thiết bị tại xã", "combining-marks"),
    ("Nghi\u0323 đi\u0323nh", "Nghị định", "nfc"),
    ("n\u01cem 2022", "năm 2022", "a-caron"),
    ("\u01cdN", "ĂN", "a-caron"),
    ("Kế hoạch số 01/KH\u2013BCĐ", "Kế hoạch số 01/KH-BCĐ", "dashes"),
    ("“Đề án nâng cao”", '"Đề án nâng cao"', "quotes"),
    ("Ngh ị định số 30", "Nghị định số 30", "split-words"),
    ("trong n ăm 2022", "trong năm 2022", "split-words"),
    ("thự c hiện", "thực hiện", "split-words"),
    ("ban hành 01/KH\ufffe\r\nBCĐ ngày", "ban hành 01/KH-BCĐ ngày", "line-end-hyphen"),
    ("Quyết định số 44/QĐ-\nHĐND ngày 27/10/2025", "Quyết định số 44/QĐ-HĐND ngày 27/10/2025", "paragraphs"),
    ("Nghị định số 78/2025/\nNĐ-CP", "Nghị định số 78/2025/NĐ-CP", "paragraphs"),
    ("UBND xã đã ban\r\nhành kế hoạch", "UBND xã đã ban hành kế hoạch", "paragraphs"),
    ("- Năm 2022, công tác chính \n\nquyền xã quan tâm", "- Năm 2022, công tác chính quyền xã quan tâm", "paragraphs"),
])
def test_each_repair(raw, want, kind):
    text, repairs = repair_text(raw)
    assert text == want
    assert kind in repairs


@pytest.mark.parametrize("raw", [
    "UBND xã Lê Hồng",        # acronyms and two valid syllables are never joined
    "Vi ệt",                  # both halves are syllables: not certain, left alone
    "Văn bản Văn bản 0",
])
def test_no_false_join(raw):
    assert repair_text(raw)[0] == raw


def test_blocks_keep_their_line_breaks():
    raw = ("cụ thể:\n+ Kế hoạch số 310/KH-UBND;\n- Đài truyền thanh\nI. CÔNG TÁC CHỈ ĐẠO\n"
           "1. Ban hành Kế hoạch\na. Về công tác kiểm soát\n3.3.1. Số vấn đề\nTM. ỦY BAN NHÂN DÂN\nCHỦ TỊCH\n"
           "Bùi Văn Tiến\nLê Hồng, ngày 13 tháng 6 năm 2022\nNgày 13/4/2026, Sở Tư pháp")
    assert repair_text(raw)[0].split("\n") == [
        "cụ thể:", "+ Kế hoạch số 310/KH-UBND;", "- Đài truyền thanh", "I. CÔNG TÁC CHỈ ĐẠO",
        "1. Ban hành Kế hoạch", "a. Về công tác kiểm soát", "3.3.1. Số vấn đề", "TM. ỦY BAN NHÂN DÂN",
        "CHỦ TỊCH", "Bùi Văn Tiến", "Lê Hồng, ngày 13 tháng 6 năm 2022", "Ngày 13/4/2026, Sở Tư pháp"]


def test_number_inside_sentence_is_not_a_heading():
    # real 04: "khoản 1 và khoản\n2 Điều này" is one sentence
    assert repair_text("quy định tại khoản 1 và khoản\n2 Điều này thì")[0] == \
        "quy định tại khoản 1 và khoản 2 Điều này thì"


def test_page_furniture_removed_and_offsets_map_to_pages():
    header = "Báo cáo CCHC xã Lê Hồng"
    pages = [f"{header}\nTrang một có nội dung\nđầu tiên của báo cáo\nthêm dòng\n{i}" for i in range(1, 5)]
    pages[2] = f"{header}\nKế hoạch số 309/KH-UBND ngày 31/12/2021\nthêm dòng\nthêm nữa\n3"
    doc = repair(doc_of(*pages))
    assert header not in doc.text
    assert "page-furniture" in doc.repairs
    assert not regex.search(r"(?m)^\d$", doc.text)
    i = doc.text.index("309/KH-UBND")
    assert doc.page_of(i) == 3
    assert doc.page_of(0) == 1
    assert doc.page_of(len(doc.text) - 1) == 4


def test_tracked_sub_keeps_origin():
    t = Tracked("ab  cd\r\nef")
    t.sub(regex.compile(r"\r\n"), "\n")
    t.sub(regex.compile(r" +"), " ")
    assert t.text == "ab cd\nef"
    assert [t.origin[t.text.index(c)] for c in "abcdef"] == [0, 1, 4, 5, 8, 9]


def test_origin_is_monotonic_on_the_sample():
    from report_parser.pipeline import build_context
    from conftest import SAMPLE_PDF

    ctx = build_context(SAMPLE_PDF)
    assert all(a <= b for a, b in zip(ctx.doc.origin, ctx.doc.origin[1:]))
    assert len(ctx.doc.origin) == len(ctx.text)
    i = ctx.text.index("PHỤ LỤC")
    assert ctx.page_of(i) == 11


def test_output_is_nfc():
    import unicodedata
    text, _ = repair_text("Cơ sở vật chất\u0301 ho\u0300a")
    assert unicodedata.is_normalized("NFC", text)


def test_sentence_broken_across_a_page_break_is_joined():
    # rendered sample PDF: "… đồng bộ các mục" ends page 1, "tiêu, nhiệm vụ …" starts page 2
    doc = repair(doc_of("UBND xã đã ban hành các văn bản trên các lĩnh vực đồng bộ các mục",
                        "tiêu, nhiệm vụ đề ra trên địa bàn, cụ thể:\n+ Kế hoạch số 310/KH-UBND;"))
    assert doc.text.split("\n")[0].endswith("đồng bộ các mục tiêu, nhiệm vụ đề ra trên địa bàn, cụ thể:")
    assert doc.page_of(doc.text.index("tiêu, nhiệm")) == 2
