"""The suite's regression guard: every document of ../shared with a gold file (the sample,
corpus/communes and corpus/real, each format that exists) is parsed and scored with the
reference scorer ../shared/eval/score.py; a measure below its floor fails, so a later
change cannot quietly lose a layout that works today.

FLOORS holds, per document (the gold's stem) and measure, the score reached when the floor
was set; raise a floor when a change lifts a score, never lower one to make a change pass.
Measures are score.py's (meta, ref_recall, ref_precision, ind_recall, ind_precision,
table_cells, table_filled, checks_recall) plus ``false_alarms_max``. Add your measure's
floors to the documents' rows; a measure the gold does not score is not checked.
Skipped when ../shared is not beside the checkout.
"""
from __future__ import annotations

import functools
import importlib.util
import json
from pathlib import Path

import pytest

from conftest import SHARED, needs_shared, needs_tesseract

pytestmark = needs_shared

SEED = "000_9a22ec702aaf6147"

# document (gold stem) -> measure -> floor (false_alarms_max is a ceiling)
FLOORS: dict[str, dict[str, float]] = {
    SEED: {"meta": 1.0, "ind_recall": 1.0, "ind_precision": 1.0, "false_alarms_max": 0},
    "hongphong-2020-h1": {"meta": 1.0, "ind_recall": 1.0, "ind_precision": 1.0, "false_alarms_max": 0},
    "quangphu-2024-q1": {"meta": 1.0, "ind_recall": 1.0, "ind_precision": 1.0, "false_alarms_max": 0},
    "tranphu-2024-10": {"meta": 1.0, "ind_recall": 1.0, "ind_precision": 1.0, "false_alarms_max": 0},
    "05_tinh_LamDong_CCHC-quyI_2026": {"meta": 1.0, "ind_recall": 1.0, "ind_precision": 1.0},
    "06_tinh_LamDong_CCHC-nam_2025": {"meta": 1.0},
    "06_tinh_LamDong_CCHC-nam_2025.forms": {"table_cells": 1.0, "table_filled": 1.0},
    "07_tinh_LamDong_PhuLuc-BC-CCHC-nam_2025": {"table_cells": 1.0, "table_filled": 1.0},
    "08_tinh_LamDong_ToTrinh-BC-CCHC-nam_2025": {"meta": 1.0},
    "09_tinh_LamDong_DeAn06-thang8_2025": {"meta": 1.0},
    "12_tinh_LamDong_TuChamDiem-PARIndex_2025": {"meta": 1.0},
    "13_tinh_LamDong_MoHinhThiDiemCCHC-QD787_2025": {"meta": 1.0},
    "19_phuong_Phuong1-VungTau-BRVT_CV397-DVCTT-ChungThuc_2025": {"meta": 1.0},
    "27_tinh_LamDong_KH-KiemTraCCHC_2026": {"meta": 1.0},
    "28_tinh_LamDong_TB-KetLuan-HoiNghiCCHC_2026": {"meta": 1.0},
}
FORMATS = (".txt", ".docx", ".pdf", ".doc")


def _stem(gold: Path) -> str:
    return gold.name[: -len(".gold.json")]


def cases() -> list:
    """(gold, document) pairs as the scoreboard (eval/devscore.py) lists them; the sample's scan
    only with OCR."""
    if not SHARED.is_dir():
        return []
    out = []
    seed_gold = SHARED / "gold" / f"{SEED}.gold.json"
    rendered = SHARED / "corpus" / "rendered"
    for doc in (SHARED / "seeds" / f"{SEED}.txt", rendered / "le-hong-2022-h1.docx", rendered / "le-hong-2022-h1.pdf"):
        out.append(pytest.param(seed_gold, doc, id=doc.name))
    scan = rendered / "le-hong-2022-h1-scanned.pdf"
    out.append(pytest.param(seed_gold, scan, id=scan.name, marks=[pytest.mark.ocr, pytest.mark.slow, needs_tesseract]))
    for gold in sorted((SHARED / "gold" / "communes").glob("*.gold.json")):
        for ext in FORMATS:
            doc = SHARED / "corpus" / "communes" / (_stem(gold) + ext)
            if doc.exists():
                out.append(pytest.param(gold, doc, id=doc.name))
    for gold in sorted((SHARED / "gold" / "real").glob("*.gold.json")):
        doc = SHARED / "corpus" / "real" / json.loads(gold.read_text(encoding="utf-8"))["document"]
        out.append(pytest.param(gold, doc, id=gold.name[: -len(".gold.json")]))
    return out


@functools.lru_cache(maxsize=1)
def _scorer():
    spec = importlib.util.spec_from_file_location("shared_score", SHARED / "eval" / "score.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


@functools.lru_cache(maxsize=None)
def _parsed(path: Path) -> dict:
    from report_parser.pipeline import parse

    return json.loads(parse(path).model_dump_json())


def test_every_gold_has_a_floor_row():
    """A new gold file in ../shared gets its row here (empty until someone sets floors)."""
    stems = {_stem(g) for d in ("communes", "real") for g in (SHARED / "gold" / d).glob("*.gold.json")}
    assert stems <= set(FLOORS), sorted(stems - set(FLOORS))


@pytest.mark.parametrize("gold, doc", cases())
def test_gold_scores_stay_above_their_floors(gold: Path, doc: Path):
    floors = FLOORS.get(_stem(gold), {})
    result = _scorer().score(json.loads(gold.read_text(encoding="utf-8")), _parsed(doc))
    flat = {k: v for part in result.values() for k, v in part.items() if not k.startswith("_")}
    misses = {k: v for part in result.values() for k, v in part.items() if k in ("_wrong", "_missed", "_false")}
    below = {k: round(flat[k], 3) for k, floor in floors.items() if k in flat and flat[k] < floor}
    if "false_alarms_max" in floors and flat.get("false_alarms", 0) > floors["false_alarms_max"]:
        below["false_alarms"] = flat["false_alarms"]
    assert not below, f"{doc.name}: below the floor {below} (floors {floors}); misses: {misses}"
