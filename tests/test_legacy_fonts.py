"""TCVN3 (ABC) and VNI text: the tables letter by letter, detection per line, and whole documents."""
from __future__ import annotations

import unicodedata

import pytest

from report_parser import legacy_fonts as lf
from report_parser.document import RawTable
from report_parser.normalize import Tracked, repair_text

from conftest import FIXTURES, SAMPLE_TXT

TONES = ("", "\u0301", "\u0300", "\u0309", "\u0303", "\u0323")
BASES = "a ă â e ê i o ô ơ u ư y".split()
LETTERS = [unicodedata.normalize("NFC", b + t) for b in BASES for t in TONES] + ["đ"]


def test_tables_cover_every_vietnamese_letter_with_every_tone_both_cases():
    assert len(LETTERS) == 73
    marked = [c for c in LETTERS if c not in "aeiouy"]
    for table in (lf.TCVN3, lf.VNI):
        for c in marked:
            assert c in table and c.upper() in table, c
    # every lower-case letter has its own code, so decoding is one-to-one
    assert len({lf.TCVN3[c] for c in marked}) == len(marked)
    assert len({lf.VNI[c] for c in marked}) == len(marked)


@pytest.mark.parametrize("letter", LETTERS)
def test_tcvn3_round_trip_each_letter_lower_and_upper(letter):
    for word in (f"x{letter}n", f"X{letter.upper()}N", f"{letter}"):
        assert lf.decode_tcvn3(lf.encode(word, lf.TCVN3)) == word


@pytest.mark.parametrize("letter", LETTERS)
def test_vni_round_trip_each_letter_lower_and_upper(letter):
    for word in (f"x{letter}n", f"X{letter.upper()}N", letter, letter.upper()):
        assert lf.decode_vni(lf.encode(word, lf.VNI)) == word


def test_known_codes_of_the_standards():
    # TCVN3: ư is stored as a soft hyphen, Đ as "§", đ as "®"; VNI: a base letter and a mark
    assert lf.TCVN3["ư"] == "\u00ad" and lf.TCVN3["Đ"] == "§" and lf.TCVN3["đ"] == "®"
    assert [lf.TCVN3[c] for c in "àáảãạ"] == list("µ¸¶·¹")
    assert lf.TCVN3["ộ"] == "é" and lf.TCVN3["ĩ"] == "Ü" and lf.TCVN3["ệ"] == "Ö"
    assert lf.VNI["ộ"] == "oä" and lf.VNI["ơ"] == "ô" and lf.VNI["ư"] == "ö" and lf.VNI["Đ"] == "Ñ"
    assert lf.VNI["ĩ"] == "ó" and lf.VNI["ỵ"] == "î" and lf.VNI["Ặ"] == "AË"


def test_issue_examples_decode():
    assert lf.decode_tcvn3("Céng hoµ x· héi chñ nghÜa ViÖt Nam") == "Cộng hoà xã hội chủ nghĩa Việt Nam"
    assert lf.decode_tcvn3("§éc lËp - Tù do - H¹nh phóc") == "Độc lập - Tự do - Hạnh phúc"
    assert lf.decode_tcvn3("CéNG HOµ X· HéI CHñ NGHÜA VIÖT NAM") == "CỘNG HOÀ XÃ HỘI CHỦ NGHĨA VIỆT NAM"
    assert lf.decode_tcvn3("Tr\u00adêng ®¹i häc") == "Trường đại học"
    assert lf.decode_vni("Coäng hoøa xaõ hoäi chuû nghóa Vieät Nam") == "Cộng hòa xã hội chủ nghĩa Việt Nam"
    assert lf.decode_vni("UÛY BAN NHAÂN DAÂN") == "ỦY BAN NHÂN DÂN"


def test_detection_from_the_words_not_the_font():
    assert lf.detect("Céng hoµ x· héi chñ nghÜa ViÖt Nam") == "tcvn3"
    assert lf.detect("Coäng hoøa xaõ hoäi chuû nghóa Vieät Nam") == "vni"
    # Unicode Vietnamese shares é, ô, ã with both tables but its words already are syllables
    assert lf.detect("Cộng hòa xã hội chủ nghĩa Việt Nam") is None
    assert lf.detect("Báo cáo tình hình thực hiện công tác") is None
    assert lf.detect("UBND xã Lê Hồng, 165/BC-UBND") is None
    assert lf.detect("Plain ASCII text 2022") is None
    # "Sè" is a syllable and so is its TCVN3 reading "Số": the document's encoding decides
    assert lf.detect("Sè: 165/BC-UBND") is None
    assert lf.detect("Sè: 165/BC-UBND", "tcvn3") == "tcvn3"


def test_mixed_document_converts_only_the_legacy_lines():
    text = "Cộng hòa xã hội chủ nghĩa Việt Nam\nB¸o c¸o t×nh h×nh thùc hiÖn c«ng t¸c c¶i c¸ch\nSè: 165/BC-UBND"
    t = Tracked(text)
    assert lf.repair_document(t, [], text) == ["tcvn3"]
    assert t.text == "Cộng hòa xã hội chủ nghĩa Việt Nam\nBáo cáo tình hình thực hiện công tác cải cách\nSố: 165/BC-UBND"
    assert len(t.origin) == len(t.text)


def test_repair_text_records_the_kind():
    text, repairs = repair_text("Coäng hoøa xaõ hoäi chuû nghóa Vieät Nam\nÑoäc laäp - Töï do - Haïnh phuùc\n")
    assert text.split() == "Cộng hòa xã hội chủ nghĩa Việt Nam Độc lập - Tự do - Hạnh phúc".split()
    assert "vni" in repairs and "tcvn3" not in repairs


def test_table_cells_are_converted_with_the_text():
    tables = [RawTable(page=1, rows=[["STT", "ChØ tiªu thèng kª", None], ["1.", "Sè v¨n b¶n", "20"]], source="docx")]
    raw = "B¸o c¸o t×nh h×nh thùc hiÖn c«ng t¸c c¶i c¸ch hµnh chÝnh\nChØ tiªu thèng kª"
    assert lf.repair_document(Tracked(""), tables, raw) == ["tcvn3"]  # the cells' kind
    assert tables[0].rows == [["STT", "Chỉ tiêu thống kê", None], ["1.", "Số văn bản", "20"]]


def test_unicode_sample_is_left_alone():
    _, repairs = repair_text(SAMPLE_TXT.read_text(encoding="utf-8"))
    assert "tcvn3" not in repairs and "vni" not in repairs


def _without_source(report) -> dict:
    return report.model_dump(exclude={"source"})


def test_tcvn3_and_vni_twins_parse_into_the_unicode_twins_report():
    from report_parser import parse

    unicode_twin = parse(FIXTURES / "le-hong-part.docx")
    tcvn3 = parse(FIXTURES / "le-hong-part.tcvn3.docx")
    vni = parse(FIXTURES / "le-hong-part.vni.docx")
    assert "tcvn3" in tcvn3.source.repairs and "vni" in vni.source.repairs
    assert unicode_twin.report.symbol == "165/BC-UBND" and len(unicode_twin.references) >= 20
    assert _without_source(tcvn3) == _without_source(unicode_twin)
    assert _without_source(vni) == _without_source(unicode_twin)
