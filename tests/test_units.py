"""Administrative units: names in reports resolved to official names and codes, and the office roster."""
from __future__ import annotations

import pytest

from report_parser.errors import UnreadableInput
from report_parser.places import bare, communes_of, fold, official_name, resolve
from report_parser.units import Roster


def test_fold_drops_level_word_tones_and_spaces():
    assert fold("Xã Lê Hồng") == "lehong"
    assert fold("UBND xã Lê Hồng") == "lehong"
    assert fold("Huyện Thanh Miện") == "thanhmien"
    assert fold("Đông Hưng") == "donghung"
    assert bare("Ủy ban nhân dân xã Lê Hồng") == "Lê Hồng"


def test_sample_commune_resolves_to_legacy_codes_and_2025_unit():
    u = resolve("Lê Hồng", "Thanh Miện", "Hải Dương", "xã")
    assert (u.unit, u.district, u.province) == ("Lê Hồng", "Thanh Miện", "Hải Dương")
    assert (u.unit_code, u.district_code, u.province_code) == ("11266", "300", "30")
    # since 1 July 2025 Lê Hồng is part of xã Bắc Thanh Miện, thành phố Hải Phòng
    assert (u.unit_2025, u.province_2025) == ("Bắc Thanh Miện", "Hải Phòng")
    assert u.resolved and u.key == "11266"


def test_commune_named_with_its_province_only_is_found_when_unique():
    u = resolve("Lê Hồng", None, "Hải Dương", "xã")
    assert (u.unit_code, u.district) == ("11266", "Thanh Miện")


def test_report_written_after_the_2025_merger_resolves_in_from_2025_mode():
    u = resolve("Bắc Thanh Miện", None, "Hải Phòng", "xã")
    assert u.resolved and u.district is None
    assert (u.unit_2025, u.province_2025, u.unit_code_2025) == ("Bắc Thanh Miện", "Hải Phòng", "11254")
    assert u.key == "2025:11254"


def test_unknown_commune_keeps_the_written_names_and_a_name_key():
    u = resolve("Xyz", "Abc", "Hải Dương", "xã")
    assert not u.resolved and u.unit_code is None
    assert (u.unit, u.district, u.province) == ("Xyz", "Abc", "Hải Dương")
    assert u.key == "xyz/abc/haiduong"


def test_communes_of_a_district_come_in_code_order():
    units = communes_of("Thanh Miện", "Hải Dương")
    names = [u.unit for u in units]
    assert "Lê Hồng" in names and names[0] == "Thanh Miện"  # the thị trấn has the lowest code
    assert [u.unit_code for u in units] == sorted(u.unit_code for u in units)
    assert {u.district_code for u in units} == {"300"}


@pytest.mark.parametrize("written,level,within,official", [
    ("VĨNH LONG", "tỉnh", (), "Vĩnh Long"),                          # caps, no edit
    ("Vnhlong", "tỉnh", (), "Vĩnh Long"),                            # OCR of real/05: one letter lost
    ("Vïnhlong", "tỉnh", (), "Vĩnh Long"),                           # OCR of real/05: a wrong mark
    ("Đa Nang", "thành phố", (), "Đà Nẵng"),
    ("Thanh Mlện", "huyện", ("Hải Dương",), "Thanh Miện"),
    ("Lê Hồnq", "xã", ("Hải Dương", "Thanh Miện"), "Lê Hồng"),
])
def test_official_name_of_a_misread_unit(written, level, within, official):
    assert official_name(written, level, *within) == official


def test_official_name_keeps_far_ambiguous_and_unscoped_names():
    assert official_name("Zzyzx Bay", "tỉnh") is None
    assert official_name("Quảng Nai", "tỉnh") is None     # one edit from Quảng Nam and Quảng Ngãi
    assert official_name("Vĩnh Lonq", "huyện") is None    # no district of that name: a province's
    assert official_name("Lê Hồnq", "xã") is None         # a commune only within its district/province
    assert official_name("Lê Hồng", "xã") == "Lê Hồng"    # an exact key is enough anywhere


def test_roster_matches_by_code_then_by_name_and_exposes_group_columns(tmp_path):
    p = tmp_path / "units.csv"
    p.write_text("\ufeffcode;name;district;cum\n11266;Lê Hồng;Thanh Miện;Cụm A\n;Tứ Cường;Thanh Miện;Cụm B\n",
                 encoding="utf-8")
    roster = Roster.load(p)
    assert roster.group_columns == ["district", "cum"]
    assert roster.find(resolve("Lê Hồng", "Thanh Miện", "Hải Dương", "xã")).columns["cum"] == "Cụm A"
    assert roster.find(resolve("Tứ Cường", "Thanh Miện", "Hải Dương", "xã")).columns["cum"] == "Cụm B"
    assert roster.find(resolve("Ngô Quyền", "Thanh Miện", "Hải Dương", "xã")) is None


def test_roster_uses_the_district_column_when_a_name_repeats(tmp_path):
    p = tmp_path / "units.csv"
    p.write_text("xã,district,group\nHồng Phong,Thanh Miện,G1\nHồng Phong,Ninh Giang,G2\n", encoding="utf-8")
    roster = Roster.load(p)
    assert roster.find(resolve("Hồng Phong", "Ninh Giang", "Hải Dương", "xã")).columns["group"] == "G2"


def test_roster_without_name_or_code_column_is_a_clear_error(tmp_path):
    p = tmp_path / "units.csv"
    p.write_text("foo,bar\n1,2\n", encoding="utf-8")
    with pytest.raises(UnreadableInput, match="needs a 'name' or 'code' column"):
        Roster.load(p)
