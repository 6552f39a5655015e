"""The indicator catalogue (patterns/catalogue.yaml) is the one home of every code:
each use of a code in patterns/ and src/ resolves to it, its docs page is current,
and the readers (text rules, table rules, checks, aggregate, JSON Schema) take from it."""
from __future__ import annotations

from pathlib import Path

import regex
import yaml

from report_parser import catalogue
from report_parser.checks import rules as check_rules

ROOT = Path(__file__).resolve().parents[1]


def _families() -> set[str]:
    return {code.split(".")[0] for code in catalogue.entries()}


def _code_uses(text: str) -> set[str]:
    fams = "|".join(sorted(_families()))
    return set(regex.findall(rf"(?<![\w.])(?:{fams})\.[a-z][a-z0-9_]*(?![\w])", text))


def _used_files() -> list[Path]:
    files = [p for p in (ROOT / "patterns").iterdir()
             if p.suffix in {".yaml", ".jsonl"} and p.name != "catalogue.yaml"]
    return files + sorted((ROOT / "src").rglob("*.py"))


def test_every_code_used_in_patterns_and_src_is_catalogued():
    known = set(catalogue.entries())
    missing = {f"{p.relative_to(ROOT)}: {code}" for p in _used_files()
               for code in _code_uses(p.read_text(encoding="utf-8")) - known}
    assert not missing, sorted(missing)


def test_uses_are_found_at_all():
    """The scan above sees the codes the rule files name (it would pass vacuously otherwise)."""
    text = (ROOT / "patterns" / "indicators.yaml").read_text(encoding="utf-8")
    assert {"dossiers.received", "staff.present", "plan.completion_rate"} <= _code_uses(text)
    assert "dossiers.bogus_code" in _code_uses("- {code: dossiers.bogus_code}")


def test_each_code_once_in_the_catalogue_file():
    text = (ROOT / "patterns" / "catalogue.yaml").read_text(encoding="utf-8")
    keys = regex.findall(r"(?m)^  ([a-z]+\.[a-z0-9_]+):", text)
    assert len(keys) == len(set(keys)) == len(catalogue.entries())


def test_no_other_patterns_file_defines_units_names_or_labels_of_codes():
    for name, key in (("indicators.yaml", "units"), ("checks.yaml", "names")):
        assert key not in yaml.safe_load((ROOT / "patterns" / name).read_text(encoding="utf-8"))
    assert not (ROOT / "patterns" / "aggregate.yaml").exists()
    form_rows = yaml.safe_load((ROOT / "patterns" / "form_rows.yaml").read_text(encoding="utf-8"))
    assert not any("unit" in r for r in form_rows["rows"] + form_rows["grid"]["columns"])


def test_docs_page_is_current():
    page = (ROOT / "docs" / "catalogue.md").read_text(encoding="utf-8")
    assert page == catalogue.markdown(), "run: .venv/bin/python scripts/catalogue_doc.py"


def test_rate_is_decided_by_the_catalogue():
    assert catalogue.is_rate("dossiers.online_rate") and catalogue.is_rate("esign.rate")
    assert not catalogue.is_rate("dossiers.received") and not catalogue.is_rate("finance.budget_plan")
    assert not catalogue.is_rate("dossiers.rate_of_something_unknown")
    assert catalogue.is_rate_unit("%") and catalogue.is_rate_unit(" Tỷ lệ ") and not catalogue.is_rate_unit("Hồ sơ")
    assert catalogue.get("finance.budget_plan").kind == "money"


def test_check_rate_rules_agree_with_the_catalogue_numerator_and_denominator():
    for rule in check_rules.load().rates:
        entry = catalogue.get(rule.rate)
        assert entry is not None and entry.kind == "rate", rule.rate
        if entry.of:
            assert entry.of == (rule.numerator, rule.denominators[0]), rule.rate


def test_check_messages_use_the_catalogue_short_name():
    assert check_rules.load().name("staff.quota") == catalogue.get("staff.quota").short == "số biên chế được giao"


def test_json_schema_documents_the_codes():
    from report_parser.models import Report

    schema = catalogue.document_schema(Report.model_json_schema())
    code = schema["$defs"]["Indicator"]["properties"]["code"]
    assert "dossiers.received = Tổng số hồ sơ tiếp nhận (hồ sơ)" in code["description"]
    assert code["examples"] == list(catalogue.entries())


def test_invalid_entries_are_refused():
    import pytest
    from pydantic import ValidationError

    with pytest.raises(ValidationError):
        catalogue.Entry(name="x", short="x", unit="%", kind="rate", aggregation="sum")
    with pytest.raises(ValidationError):
        catalogue.Entry(name="x", short="x", unit="%", kind="rate", aggregation="recompute")
    with pytest.raises(ValidationError):
        catalogue.Catalogue(rate_units=["%"], indicators={"a.rate": catalogue.Entry(
            name="x", short="x", unit="%", kind="rate", aggregation="recompute", of=("a.n", "a.d"))})
