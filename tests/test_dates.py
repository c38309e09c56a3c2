"""Dates read naturally in each language (tiw/dates.py, Babel's CLDR data)."""

import datetime as dt

import pytest

from tiw.core.dates import MONTHS, format_date

WELSH_MONTHS = [
    "Ionawr",
    "Chwefror",
    "Mawrth",
    "Ebrill",
    "Mai",
    "Mehefin",
    "Gorffennaf",
    "Awst",
    "Medi",
    "Hydref",
    "Tachwedd",
    "Rhagfyr",
]


@pytest.mark.parametrize(("lang", "expected"), [("en", "26 November 2026"), ("cy", "26 Tachwedd 2026")])
def test_day_month_year_in_each_language(lang, expected):
    assert format_date(dt.date(2026, 11, 26), lang) == expected
    assert format_date("2026-11-26", lang) == expected


def test_every_welsh_month_is_written_out_in_welsh():
    assert MONTHS["cy"] == WELSH_MONTHS
    for month, name in enumerate(WELSH_MONTHS, start=1):
        assert format_date(dt.date(2027, month, 3), "cy") == f"3 {name} 2027"


def test_single_digit_days_have_no_leading_zero():
    assert format_date(dt.date(2026, 3, 4), "en") == "4 March 2026"
