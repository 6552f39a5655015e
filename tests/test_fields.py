"""Procedure-field names: one name per lĩnh vực, from patterns/fields.jsonl (spaCy patterns)."""
from __future__ import annotations

import pytest

from report_parser.extract.fields import canonical_field, fold


@pytest.mark.parametrize("written, name", [
    ("Hộ tịch", "Hộ tịch"),
    ("Hộ Tịch", "Hộ tịch"),
    ("Lĩnh vực Chứng thực", "Chứng thực"),
    ("+ Lĩnh vực Bảo trợ xã hội:", "Bảo trợ xã hội"),
    ("BTXH", "Bảo trợ xã hội"),                                   # a token pattern (Matcher)
    ("Tư pháp - Hộ tịch (khai sinh, khai tử)", "Tư pháp - Hộ tịch"),  # phrase inside longer text
    ("Tư pháp hộ tịch", "Tư pháp - Hộ tịch"),  # the civil servant's whole field, not only Hộ tịch
    ("Lao động, thương binh và xã hội", "Lao động - Thương binh và Xã hội"),
    ("Văn hoá", "Văn hóa"),                                       # old tone placement
    ("Thuỷ lợi", "Thủy lợi"),
    ("Quốc tịch", "Quốc tịch"),                                   # unknown: kept as written
    ("Giải quyết các vấn đề khác về hộ tịch của công dân trong xã hội",
     "Giải quyết các vấn đề khác về hộ tịch của công dân trong xã hội"),  # a mere mention: kept
])
def test_canonical_field(written, name):
    assert canonical_field(written) == name


def test_fold_keeps_length():
    for s in ("Văn hoá", "Thuỷ lợi", "HOÀ GIẢI"):
        assert len(fold(s)) == len(s)


def test_district_adds_a_field_by_overlay(tmp_path):
    from report_parser import patterns

    (tmp_path / "fields.jsonl").write_text(
        '{"label": "Quốc tịch", "pattern": "quốc tịch"}\n'
        '{"label": "Quốc tịch", "pattern": [{"LOWER": "qt"}]}\n', encoding="utf-8")
    with patterns.using(patterns.Patterns(overlay=[tmp_path])):
        assert canonical_field("QT") == "Quốc tịch"
        assert canonical_field("Hộ Tịch") == "Hộ tịch"  # ours are still there
    assert canonical_field("QT") == "QT"  # the default vocabulary is untouched


def test_invalid_pattern_file_names_the_problem(tmp_path):
    from report_parser import patterns
    from report_parser.extract import fields

    (tmp_path / "fields.jsonl").write_text('{"label": "X", "pattern": ""}\n', encoding="utf-8")
    with patterns.using(patterns.Patterns(overlay=[tmp_path])):
        with pytest.raises(patterns.PatternError, match="fields.jsonl"):
            fields._vocabulary()


def test_a_bad_token_pattern_is_one_pattern_error(tmp_path):
    """spaCy's multi-line MatchPatternError becomes one line naming the file and the label."""
    from report_parser import patterns
    from report_parser.pipeline import check_patterns

    (tmp_path / "fields.jsonl").write_text('{"label": "Quốc tịch", "pattern": [{"LOWER": {"INN": ["qt"]}}]}\n',
                                           encoding="utf-8")
    with pytest.raises(patterns.PatternError, match="fields.jsonl.*'Quốc tịch'.*INN") as e:
        check_patterns(patterns.Patterns(overlay=[tmp_path]))
    assert "\n" not in str(e.value)


def test_grid_rows_use_the_vocabulary():
    from report_parser.extract.table_indicators import from_tables
    from report_parser.models import GridRow, GridTable

    grid = GridTable(title="Kết quả giải quyết TTHC", columns=["STT", "Lĩnh vực", "Tổng số hồ sơ tiếp nhận"],
                     rows=[GridRow(cells=["1", "Hộ Tịch", "224"]), GridRow(cells=["2", "BTXH", "107"])])
    fields_found = {i.dimension.get("field") for i in from_tables([grid]) if i.dimension}
    assert fields_found == {"Hộ tịch", "Bảo trợ xã hội"}
