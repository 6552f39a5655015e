"""The communes a batch resolved and the unit tables, kept for the next batch (commune_cache): what
it holds, that the workers take a commune from it instead of resolving, and that a broken or
turned-off cache changes nothing but speed."""
from __future__ import annotations

import dataclasses
import os
import pickle
import subprocess
import sys
from pathlib import Path

import pytest

from report_parser import commune_cache, pattern_cache, places
from report_parser.places import AdminUnit, official_name, resolve
from report_parser.store import open_store

ROOT = Path(__file__).resolve().parents[1]
SAMPLE = ROOT / "samples" / "le-hong-2022-h1.txt"
LE_HONG = ("Lê Hồng", "Thanh Miện", "Hải Dương", "xã")


def fields(unit: AdminUnit) -> dict:
    return dataclasses.asdict(unit)


@pytest.fixture
def cache(tmp_path, monkeypatch):
    monkeypatch.setenv(pattern_cache.ENV, str(tmp_path / "cache"))
    monkeypatch.setattr(commune_cache, "KNOWN", {})
    return tmp_path / "cache"


def test_saved_communes_are_loaded_back_and_only_new_ones_are_written(cache):
    assert commune_cache.load() == 0  # no file yet
    unit = resolve(*LE_HONG)
    commune_cache.save({LE_HONG: fields(unit)})
    [path] = cache.glob("communes-*.pickle")
    assert commune_cache.load() == 1 and commune_cache.KNOWN[LE_HONG] == fields(unit)
    stamp = path.stat().st_mtime_ns
    commune_cache.save({LE_HONG: fields(unit)})  # nothing new: the file is left alone
    assert path.stat().st_mtime_ns == stamp


def test_a_broken_file_is_ignored_and_replaced(cache):
    commune_cache.save({LE_HONG: fields(resolve(*LE_HONG))})
    [path] = cache.glob("communes-*.pickle")
    path.write_bytes(b"not a pickle")
    assert commune_cache.load() == 0
    commune_cache.save({LE_HONG: fields(resolve(*LE_HONG))})
    assert commune_cache.load() == 1


def test_the_unit_tables_are_saved_once_and_read_back_alike(cache, monkeypatch):
    commune_cache.load()
    [path] = cache.glob("units-*.pickle")
    tables = places.tables()
    monkeypatch.setattr(places, "_TABLES", {})
    monkeypatch.setattr(places, "_official_units", lambda tier: pytest.fail("the tables were read again"))
    commune_cache.load()
    assert places._TABLES == tables and official_name("Lê Hồng", "xã", "Hải Dương") == "Lê Hồng"
    assert [p.name for p in cache.glob("units-*.pickle")] == [path.name]


def test_no_file_when_the_cache_is_turned_off(tmp_path, monkeypatch):
    monkeypatch.setenv(pattern_cache.ENV, "")
    monkeypatch.setattr(commune_cache, "KNOWN", {})
    commune_cache.save({LE_HONG: fields(resolve(*LE_HONG))})
    assert commune_cache.load() == 0


def _batch(src: Path, out: Path, cache: Path) -> None:
    env = {**os.environ, pattern_cache.ENV: str(cache)}
    done = subprocess.run([sys.executable, "-m", "report_parser", "batch", str(src), "--out", str(out),
                           "--workers", "1"], env=env, capture_output=True, text=True, timeout=300)
    assert done.returncode == 0, done.stderr


def _unit_code(out: Path) -> str:
    db = open_store(out / "district.sqlite")
    try:
        return db.execute("SELECT unit_code FROM reports").fetchone()[0]
    finally:
        db.close()


@pytest.mark.slow
def test_a_batch_keeps_its_communes_and_the_next_batch_takes_them_from_the_cache(tmp_path):
    src = tmp_path / "in"
    src.mkdir()
    (src / "r.txt").write_bytes(SAMPLE.read_bytes())
    cache = tmp_path / "cache"
    _batch(src, tmp_path / "o1", cache)
    [path] = cache.glob("communes-*.pickle")
    held = pickle.loads(path.read_bytes())
    assert _unit_code(tmp_path / "o1") == "11266" and [u["unit_code"] for u in held.values()] == ["11266"]
    # the next batch's workers look the commune up in the file (here: planted) instead of resolving it
    planted = fields(AdminUnit(unit="Lê Hồng", level="xã", unit_code="00001", resolved=True))
    path.write_bytes(pickle.dumps({k: planted for k in held}))
    _batch(src, tmp_path / "o2", cache)
    assert _unit_code(tmp_path / "o2") == "00001"
