"""Figures: every quantity of the running text, none from the appendix forms."""
from __future__ import annotations

import pytest

from report_parser.extract import figures
from report_parser.pipeline import build_context

from conftest import SAMPLE_TXT


@pytest.fixture(scope="module")
def seed():
    ctx = build_context(SAMPLE_TXT)
    return ctx, figures.extract(ctx)


def test_no_figure_from_the_appendix(seed):
    ctx, figs = seed
    assert figs and all(f.start < ctx.structure.appendix_start for f in figs)
    assert not any((f.section or "").startswith("PL") for f in figs)


def test_figure_carries_unit_kind_sentence_section_and_span(seed):
    ctx, figs = seed
    f = next(f for f in figs if f.value == 1224 and f.section == "II.2.c")
    assert (f.unit, f.kind, f.text, f.page) == ("hồ sơ", "count", "1224 hồ sơ", 1)
    assert ctx.text[f.start:f.end] == "1224 hồ sơ"
    assert f.sentence.endswith("đã tiếp nhận 1224 hồ sơ.")


def test_ratio_percent_and_qualifier(seed):
    _, figs = seed
    ratio = next(f for f in figs if f.kind == "ratio" and f.whole == 28)
    assert (ratio.value, ratio.unit) == (24, "nhiệm vụ")
    over = [f for f in figs if f.qualifier == ">"]
    assert sorted(f.value for f in over) == [80, 99]
    assert any(f.kind == "percent" and f.value == 99.9 for f in figs)


def test_no_dates_years_symbols_or_levels(seed):
    _, figs = seed
    values = {f.value for f in figs}
    assert not values & {2021, 2022, 2025, 9001, 2015, 3.4, 309, 130}
    assert all(f.kind in ("count", "percent", "ratio", "money", "other") for f in figs)


def test_every_count_of_the_seed_text(seed):
    _, figs = seed
    counts = [(f.value, f.unit) for f in figs if f.kind == "count" and f.section == "II.2.c"]
    assert counts[:4] == [(116, "thủ tục"), (70, "thủ tục"), (46, "thủ tục"), (1224, "hồ sơ")]
    assert len(figs) == 70


def test_a_figure_written_with_a_scale_word_says_so():
    """'4,52 ngàn HS' stands for 4.520 rounded to tens (Bến Tre's center, 2021): scale 1000, which
    the checks read as a rounded figure; a number written out has none."""
    from report_parser.extract.figures import written_scale
    assert written_scale("4,52 ngàn HS", 4520) == 1000
    assert written_scale("23.997 tỷ đồng", 23997000) == 1000
    assert written_scale("1.089 HS", 1089) is None
    assert written_scale("1 224 hồ sơ", 1224) is None
    assert written_scale("272.152.000 đồng", 272.152) is None
