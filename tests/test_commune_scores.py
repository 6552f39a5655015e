"""Regression floors for the checks and tables of the commune reports of other provinces
(../shared/gold/communes, each in .txt, .docx and .pdf) and of a real provincial report:
what the issue-12 work reached may not slip back. Scored with the shared scorer."""
from __future__ import annotations

import json

import pytest
import regex

from conftest import REAL, SHARED, load_scorer, needs_shared

COMMUNES = SHARED / "corpus" / "communes"
GOLDS = SHARED / "gold" / "communes"

# report -> (checks_recall floor, false_alarms ceiling, table_cells floor or None)
FLOORS = {
    "hongphong-2020-h1": (1.0, 0, 1.0),
    "tranphu-2024-10": (1.0, 0, None),
    "quangphu-2024-q1": (1.0, 0, None),
}


@pytest.fixture(scope="module")
def scorer():
    return load_scorer()


@pytest.fixture(scope="module")
def parsed():
    from report_parser import parse

    cache: dict[str, dict] = {}

    def get(path):
        if str(path) not in cache:
            cache[str(path)] = json.loads(parse(path).to_json())
        return cache[str(path)]
    return get


@needs_shared
@pytest.mark.parametrize("fmt", ["txt", "docx", "pdf"])
@pytest.mark.parametrize("name", list(FLOORS))
def test_commune_checks_and_tables_keep_their_floors(scorer, parsed, name, fmt):
    gold = json.loads((GOLDS / f"{name}.gold.json").read_text(encoding="utf-8"))
    checks = scorer.score_checks(gold, parsed(COMMUNES / f"{name}.{fmt}"))
    recall, alarms, cells = FLOORS[name]
    assert checks["checks_recall"] >= recall, checks["_missed"]
    assert checks["false_alarms"] <= alarms, checks["_alarms"]
    if cells is not None:
        tables = scorer.score_tables(gold, parsed(COMMUNES / f"{name}.{fmt}"))
        assert tables["table_cells"] >= cells, tables.get("_wrong")


@needs_shared
def test_the_text_export_gives_the_same_table_rows_as_the_word_file(parsed):
    def rows(fmt):
        return [(t["form"], r["code"], r["label"], r["unit"], r["value"], r["note"])
                for t in parsed(COMMUNES / f"hongphong-2020-h1.{fmt}")["tables"] for r in t["rows"]]
    assert rows("txt") == rows("docx")


# the computed rate of a check message: "= 193457/14 = 1381835,71 %", "... chỉ là 99,5%"
_RATE = regex.compile(r"(?:= |chỉ là )(\d+(?:,\d+)?) ?%")


@needs_shared
def test_no_check_of_the_provincial_report_computes_a_rate_over_100_percent(parsed):
    """Lâm Đồng's 2025 report: a part's count (14 dossiers of a pilot model) once became the
    denominator of the province's rate ("193457/14 = 1381835,71 %")."""
    assert _RATE.findall("= 193457/14 = 1381835,71 %") == ["1381835,71"]  # the pattern reads the messages' rates
    path = next(REAL.glob("06_tinh_LamDong_CCHC-nam_2025.docx"))
    for check in parsed(path)["checks"]:
        computed = [float(x.replace(",", ".")) for x in _RATE.findall(check["message"])]
        assert all(x <= 100 for x in computed), check["message"]
