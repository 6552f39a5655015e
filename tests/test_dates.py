from __future__ import annotations

import datetime as dt

import pytest

from report_parser.extract.dates import find_dates, iter_dates, parse_date

D = dt.date


@pytest.mark.parametrize("text, expected", [
    ("ngày 15 tháng 10 năm 2021", D(2021, 10, 15)),
    ("Ngày 15 tháng 10 năm 2021", D(2021, 10, 15)),
    ("ngày 15\ntháng 10 năm 2021", D(2021, 10, 15)),
    ("15 tháng 10 năm 2021", D(2021, 10, 15)),
    ("ngày 09/6/2021", D(2021, 6, 9)),
    ("09/6/2021", D(2021, 6, 9)),
    ("29 /5/2025", D(2025, 5, 29)),
    ("29/ 5 /2025", D(2025, 5, 29)),
    ("15.10.2021", D(2021, 10, 15)),
    ("15-10-2021", D(2021, 10, 15)),
    ("Lê Hồng, ngày 13 tháng 6 năm 2022", D(2022, 6, 13)),
    ("(Số liệu tính từ ngày 10/12/2021 đến ngày 09/6/2022)", D(2021, 12, 10)),
    ("Kế hoạch số 309/KH-UBND ngày 31/12/2021 về", D(2021, 12, 31)),
    ("Ngày 08/02/2022 UBND xã ban hành", D(2022, 2, 8)),
])
def test_parse_date(text, expected):
    assert parse_date(text) == expected


@pytest.mark.parametrize("text", [
    "130/2005/NĐ-CP",            # a normative symbol is not a date
    "01/2020/TT-VPCP",
    "đã hoàn thành 24/28 nhiệm vụ",
    "giai đoạn 2021-2025",
    "ngày 09/6",                  # no year
    "tháng 6/2022",
    "1.224.12.2021",              # a number, not a date
    "31/02/2022",                 # impossible
    "15/13/2021",
    "12/5/1800",                  # out of range year
    "",
])
def test_not_a_date(text):
    assert parse_date(text) is None


def test_find_dates_spans_include_keyword():
    text = "Từ ngày 10/12/2021 đến ngày 09/6/2022, HĐND"
    got = find_dates(text)
    assert [(text[s:e], d) for s, e, d in got] == [
        ("ngày 10/12/2021", D(2021, 12, 10)), ("ngày 09/6/2022", D(2022, 6, 9))]


def test_find_dates_range_with_dash():
    got = [d for _, _, d in find_dates("từ 01/01/2022-31/12/2022")]
    assert got == [D(2022, 1, 1), D(2022, 12, 31)]


def test_impossible_dates_are_reported_by_iter_dates():
    (m,) = list(iter_dates("ngày 31/6/2022"))
    assert (m.day, m.month, m.year, m.date, m.impossible, m.has_keyword) == (
        31, 6, 2022, None, True, True)
    assert find_dates("ngày 31/6/2022") == []


def test_iter_dates_window():
    text = "ngày 01/01/2022 và ngày 02/02/2022"
    assert [m.date for m in iter_dates(text, start=10)] == [D(2022, 2, 2)]
