"""The Patterns object: one configuration of the vocabulary, made once and passed down the pipeline."""
from __future__ import annotations

from pathlib import Path

import pytest

from report_parser import patterns
from report_parser.extract import references_grammar
from report_parser.patterns import Patterns, PatternError
from report_parser.pipeline import parse

SAMPLE_TXT = Path(__file__).resolve().parents[1] / "samples" / "le-hong-2022-h1.txt"


def _issuers(report) -> set[str | None]:
    return {r.issuer for r in report.references if r.symbol and "SGTVT" in r.symbol}


def test_parse_uses_the_patterns_it_is_given(tmp_path):
    text = SAMPLE_TXT.read_text(encoding="utf-8") + "\nTheo Công văn số 77/SGTVT-QLGT ngày 02/3/2022.\n"
    src = tmp_path / "report.txt"
    src.write_text(text, encoding="utf-8")
    overlay = tmp_path / "district"
    overlay.mkdir()
    (overlay / "references.yaml").write_text("issuers:\n  SGTVT: Sở Giao thông vận tải\n", encoding="utf-8")
    assert _issuers(parse(src, patterns=Patterns(overlay=[overlay]))) == {"Sở Giao thông vận tải"}
    assert _issuers(parse(src)) == {None}  # the default object never saw the overlay


def test_compiled_artefacts_are_memoised_per_object():
    a, b = Patterns(), Patterns()
    with patterns.using(a):
        first = references_grammar.grammar()
        assert references_grammar.grammar() is first
    with patterns.using(b):
        assert references_grammar.grammar() is not first
    with patterns.using(a):
        assert references_grammar.grammar() is first


def test_the_overlay_merges_over_ours(tmp_path):
    (tmp_path / "units.yaml").write_text("nouns:\n  bộ hồ sơ mẫu: hồ sơ\n", encoding="utf-8")
    p = Patterns(overlay=[tmp_path, tmp_path / "missing"])
    assert p.overlay == [tmp_path]
    nouns = p.raw("units.yaml")["nouns"]
    assert nouns["bộ hồ sơ mẫu"] == "hồ sơ" and nouns["bộ hồ sơ"] == "hồ sơ"


def test_an_unknown_file_is_named(tmp_path):
    with pytest.raises(PatternError, match="nope.yaml"):
        Patterns().raw("nope.yaml")


def test_from_env_reads_the_district_folders(tmp_path, monkeypatch):
    monkeypatch.setenv(patterns.ENV_OVERLAY, str(tmp_path))
    assert Patterns.from_env().overlay == [tmp_path]


def test_the_checks_read_the_period_convention_validated(tmp_path):
    """checks/documents used to read metadata.yaml raw: a broken convention now fails at load, named."""
    import datetime as dt

    from report_parser import periods

    assert periods.is_conventional_end(dt.date(2022, 6, 14)) and not periods.is_conventional_end(dt.date(2022, 6, 13))
    (tmp_path / "metadata.yaml").write_text("period_bounds:\n  H1: {start: [12], end: [6, 14]}\n", encoding="utf-8")
    with patterns.using(Patterns(overlay=[tmp_path])):
        with pytest.raises(PatternError, match="metadata.yaml: period_bounds.H1.start"):
            periods.bounds()


def test_a_check_naming_no_catalogue_code_is_refused_at_load(tmp_path):
    """A district's misspelt code in checks.yaml was a rule that never fired, silently; now one error at load."""
    from report_parser.checks import rules

    with patterns.using(Patterns()):
        assert set(rules.load().codes()) >= {"dossiers.received", "dossiers.on_time"}
    (tmp_path / "checks.yaml").write_text("alternates:\n  - [dossiers.received, dossiers.recieved]\n", encoding="utf-8")
    with patterns.using(Patterns(overlay=[tmp_path])):
        with pytest.raises(PatternError, match="checks.yaml: dossiers.recieved: no code of the indicator catalogue"):
            rules.load()
