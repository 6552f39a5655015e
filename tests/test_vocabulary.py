"""Vocabulary is data: the words the code used to hold are read from patterns/, each in one place."""
from __future__ import annotations

import subprocess
import sys
import typing
from pathlib import Path

import pytest

from report_parser import levels, patterns, structure
from report_parser.document import Document
from report_parser.models import Issuer, Level, ReportMeta
from report_parser.patterns import Patterns

from test_references import refs_of

ROOT = Path(__file__).resolve().parents[1]


def test_the_contract_levels_are_the_levels_file():
    assert typing.get_args(Level) == levels.shipped()
    assert "đặc khu" in levels.shipped() and levels.tiers()["đặc khu"] == "commune"
    assert Issuer(name="Ủy ban nhân dân đặc khu Phú Quốc", level="đặc khu").level == "đặc khu"


def test_a_special_zone_issuer_gets_its_place_like_a_commune():
    """'UBND đặc khu' in a report of the special zone names it, as 'UBND xã' does in a commune's."""
    meta = ReportMeta(issuer=Issuer(name="Ủy ban nhân dân đặc khu Côn Đảo", level="đặc khu", unit="Côn Đảo"))
    refs = refs_of("Thực hiện Kế hoạch số 12/KH-UBND ngày 02/3/2026 của UBND đặc khu về cải cách hành chính.", meta)
    assert [r.issuer for r in refs] == ["Ủy ban nhân dân đặc khu Côn Đảo"]


def _sentences(text: str) -> list[str]:
    doc = Document(path=Path("s.txt"), format="txt", sha256="0", size=len(text), pages=[text])
    doc.text = text
    s = structure.analyse(doc)
    return [text[x.start:x.end] for x in s.sentences]


def test_abbreviations_come_from_the_structure_file(tmp_path):
    text = "Giao Th.Tr. Nguyễn Văn A chủ trì. Báo cáo kết quả về xã."
    assert len(_sentences(text)) == 3  # "Th.Tr." ends a sentence by default
    (tmp_path / "structure.yaml").write_text('abbreviations: ["Tr"]\n', encoding="utf-8")
    with patterns.using(Patterns(overlay=[tmp_path])):
        assert len(_sentences(text)) == 2


def test_the_form_heading_is_the_table_vocabularys():
    m = structure._form().match("BIỂU SỐ 03: Kết quả giải quyết thủ tục hành chính")
    assert m and m.group(1) == "03" and m.group(2).startswith("Kết quả")


def test_the_word_list_counter_runs():
    r = subprocess.run([sys.executable, str(ROOT / "scripts" / "count_word_lists.py")], capture_output=True,
                       text=True, timeout=60)
    assert r.returncode == 0 and "Vietnamese word lists of more than 3 entries" in r.stdout
    assert r.stdout.rstrip().endswith(" 0 in all"), r.stdout  # vocabulary is data in patterns/, not in src/


def test_a_unit_name_loses_the_body_and_level_words_of_the_patterns_files():
    """places' prefix was a regex word list of its own (UBND, HĐND, the levels): it is metadata.yaml's
    bodies and level abbreviations and levels.yaml's words now, so a council, a special zone or a
    "TX" are stripped like a "UBND xã"."""
    from report_parser import places

    assert places.bare("UBND xã Lê Hồng") == "Lê Hồng"
    assert places.bare("Hội đồng nhân dân xã Lê Hồng") == "Lê Hồng"
    assert places.bare("đặc khu Phú Quốc") == "Phú Quốc"
    assert places.bare("TP. Đà Lạt") == "Đà Lạt" and places.fold("TX Sơn Tây") == "sontay"


def test_the_words_that_make_a_number_no_quantity_come_from_the_units_file(tmp_path):
    from report_parser.extract.numbers import find_quantities

    text = "tại lô 5 có 12 hồ sơ; ngày 5 có 7 hồ sơ."
    assert [q.value for q in find_quantities(text)] == [5, 12, 7]
    (tmp_path / "units.yaml").write_text("not_quantities:\n  before: [lô]\n", encoding="utf-8")
    with patterns.using(Patterns(overlay=[tmp_path])):
        assert [q.value for q in find_quantities(text)] == [12, 7]


def test_a_glued_money_word_must_be_a_money_word(tmp_path):
    from report_parser.extract.numbers import find_quantities

    (tmp_path / "units.yaml").write_text("glued_money: [nghìn]\n", encoding="utf-8")
    with patterns.using(Patterns(overlay=[tmp_path])), pytest.raises(patterns.PatternError, match="glued_money"):
        find_quantities("10nghìn")


def test_the_currency_words_are_the_units_files(tmp_path):
    """"đồng" and "đ" after a scale make money (units.yaml ``currency``), for a figure in a sentence
    and for the value of a flattened form row ("1,5 tỷ đ" was cut to "1,5" with "tỷ đ" as its note)."""
    from report_parser.extract.numbers import find_quantities
    from report_parser.extract.table_cells import _split_tail

    found = find_quantities("chi phí gần 27 ngàn đồng mỗi hồ sơ; gần 27 ngàn hồ sơ")
    assert [(q.value, q.kind) for q in found] == [(0.027, "money"), (27000, "count")]
    assert _split_tail("1,5 tỷ đồng vốn ngân sách") == ("1,5 tỷ đồng", "vốn ngân sách")
    assert _split_tail("1,5 tỷ đ vốn") == ("1,5 tỷ đ", "vốn")
    assert _split_tail("5 đạt yêu cầu") == ("5", "đạt yêu cầu")
    (tmp_path / "units.yaml").write_text("currency: [đôla]\n", encoding="utf-8")
    with patterns.using(Patterns(overlay=[tmp_path])), pytest.raises(patterns.PatternError, match="currency"):
        find_quantities("5 triệu đồng")


def test_a_districts_heading_word_keeps_its_line(tmp_path):
    """The heading words a broken line is never joined into are structure.yaml's."""
    from report_parser.normalize import repair_text

    text = "Kết quả thực hiện trong kỳ báo cáo như sau\nTiết 2 kết quả khác của xã"
    assert "như sau Tiết 2" in repair_text(text)[0]
    (tmp_path / "structure.yaml").write_text('block_headings: ["Tiết"]\n', encoding="utf-8")
    with patterns.using(Patterns(overlay=[tmp_path])):
        assert "như sau\nTiết 2" in repair_text(text)[0]


def test_a_title_and_a_signature_block_end_at_structure_words(tmp_path):
    """A title stops before a numbered block heading ("Điều 2") and a signature block at an
    appendix heading ("Phụ lục II"): structure.yaml's block_headings and appendix/form headings, not
    words of their own in metadata/title.py and signature.py."""
    from report_parser.extract.metadata.signature import _ends_block
    from report_parser.extract.metadata.title import read_title

    title = "BÁO CÁO\nKết quả cải cách hành chính quý I năm 2024\n{} 2 kết quả khác\nnữa"
    assert read_title(title.format("Điều"), 7)[0] == "Kết quả cải cách hành chính quý I năm 2024"
    assert read_title(title.format("Tiết"), 7)[0].endswith("Tiết 2 kết quả khác nữa")
    assert _ends_block("Phụ lục II") and _ends_block("BIỂU MẪU 1") and not _ends_block("Bảng kê 1")
    (tmp_path / "structure.yaml").write_text('block_headings: ["Tiết"]\nform_headings: ["Bảng kê"]\n',
                                             encoding="utf-8")
    with patterns.using(Patterns(overlay=[tmp_path])):
        assert read_title(title.format("Tiết"), 7)[0] == "Kết quả cải cách hành chính quý I năm 2024"
        assert _ends_block("Bảng kê 1")


def test_a_misspelt_structure_key_is_refused_whichever_stage_reads_the_file_first(tmp_path):
    """normalize and structure had a schema each of structure.yaml (normalize's ignored unknown keys);
    there is one now (structure_words), so a district's misspelt key fails at load in one line."""
    from report_parser.normalize import repair_text
    from report_parser.pipeline import check_patterns

    (tmp_path / "structure.yaml").write_text('block_heading: ["Tiết"]\n', encoding="utf-8")
    p = Patterns(overlay=[tmp_path])
    with patterns.using(p), pytest.raises(patterns.PatternError, match="structure.yaml: block_heading"):
        repair_text("Kết quả như sau\nTiết 2 kết quả")
    with pytest.raises(patterns.PatternError, match="structure.yaml"):
        check_patterns(Patterns(overlay=[tmp_path]))


def test_a_special_zones_header_gives_its_level(tmp_path):
    """metadata.yaml had its own levels without "đặc khu": the header of a special zone's report
    named no level and no unit. The metadata reads patterns/levels.yaml now."""
    from report_parser.pipeline import parse

    src = tmp_path / "dk.txt"
    src.write_text("ỦY BAN NHÂN DÂN                    CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\n"
                   "ĐẶC KHU PHÚ QUỐC                         Độc lập - Tự do - Hạnh phúc\n"
                   "Số: 12/BC-UBND                     Phú Quốc, ngày 10 tháng 12 năm 2025\n\n"
                   "BÁO CÁO\nKết quả thực hiện công tác cải cách hành chính năm 2025\n\n"
                   "I. KẾT QUẢ THỰC HIỆN\n1. Công tác chỉ đạo\n"
                   "Ủy ban nhân dân đặc khu đã ban hành Kế hoạch số 05/KH-UBND ngày 02/7/2025.\n"
                   "II. PHƯƠNG HƯỚNG\n", encoding="utf-8")
    issuer = parse(src).report.issuer
    assert (issuer.level, issuer.unit, issuer.name) == ("đặc khu", "Phú Quốc", "Ủy ban nhân dân đặc khu Phú Quốc")


_NEW_KEYS = [  # keys added in session 4, each misspelt as a district's overlay might
    ("form_rows.yaml", "count_led: 'số'\n", "form_rows.yaml: count_led"),
    ("form_rows.yaml", "grid:\n  field_column: 'x'\n  columns:\n    - {code: null, header: 'x', besides: 'y'}\n",
     r"form_rows.yaml: grid\.columns\.\d+\.besides"),
    ("metadata.yaml", "signed_mark: ['Đã ký']\n", "metadata.yaml: signed_mark"),
    ("checks.yaml", "ratio_rates:\n  lnk: 'x'\n", "checks.yaml: ratio_rates.lnk"),
    ("scope.yaml", "period_openr: 'x'\n", "scope.yaml: period_openr"),
    ("indicators.yaml", "field_aftr: 'x'\n", "indicators.yaml: field_aftr"),
    ("units.yaml", "noun: {}\n", "units.yaml: noun"),
    ("table_units.yaml", "unit: []\n", "table_units.yaml: unit"),
    ("ocr_phrases.yaml", "knwon: []\n", "ocr_phrases.yaml: knwon"),
]
_BROKEN_REGEXES = [(name, content, r"does not compile \(missing \)") for name, content in [
    ("checks.yaml", "ratio_rates:\n  link: '(unclosed'\n  gap_not: 'x'\n  after_not: 'x'\n"),
    ("form_rows.yaml", "bare_rate: '(unclosed'\n"),
    ("checks.yaml", "coded_choice: '(unclosed'\n"),
    ("checks.yaml", "row_bounds:\n  - {id: x, code: dossiers.received, relation: '>=',\n"
                    "     rows: [{name: a, label: '(unclosed'}]}\n"),
    ("form_rows.yaml", "grid:\n  field_column: 'x'\n  columns:\n"
                       "    - {code: null, header: 'x', beside: '(unclosed'}\n"),
    ("form_rows.yaml", "label_drop: ['(unclosed']\n"),
    ("form_rows.yaml", "short_label_not: '(unclosed'\n"),
    ("table_units.yaml", "form_end: ['(unclosed']\n"),
]]
_UNUSABLE = [
    ("units.yaml", "qualifiers: {'chừng chừng': '~'}\n", "units.yaml: qualifiers.chừng chừng"),
    ("ocr_phrases.yaml", "restore: ['tổng']\n", "ocr_phrases.yaml: restore"),
]


@pytest.mark.parametrize("name, content, where", _NEW_KEYS + _BROKEN_REGEXES + _UNUSABLE)
def test_a_district_overlay_the_parse_cannot_use_is_one_error_at_load(tmp_path, name, content, where):
    """Each was silently no rule, or failed only in the middle of a report, or as an internal error: a
    misspelt key (form_rows, units, table_units, fields and ocr_phrases ignored unknown keys: "count_led"
    for "count_lead"); a broken regex compiled while checks.yaml validates (ratio_rates, which raised
    regex's own error) or only where a form or a check used it (form_rows' bare_rate, beside, label_drop,
    short_label_not; checks.yaml's coded_choice and row_bounds labels; table_units' form_end); a qualifier
    that is none of the contract's ("~": every report failed validation); a restore entry that is no word
    pair (an unpacking error at load). Each is a one-line PatternError when the overlay is checked."""
    from report_parser.pipeline import check_patterns

    (tmp_path / name).write_text(content, encoding="utf-8")
    with pytest.raises(patterns.PatternError, match=where) as e:
        check_patterns(Patterns(overlay=[tmp_path]))
    assert "\n" not in str(e.value)
