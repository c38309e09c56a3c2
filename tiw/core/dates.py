"""Dates in each language's own format (Welsh month names written out, never English), from Babel's
CLDR data rather than a hand-written table."""

from __future__ import annotations

import datetime as dt

from babel.dates import format_date as _babel_format_date
from babel.dates import get_month_names

from tiw import LANGS

# "26 Tachwedd 2026": day, month name in full, year; the same pattern in both languages (CLDR's
# long Welsh format also reads "26 Tachwedd 2026", its English one would be "November 26, 2026"
# in en_US, so the pattern is stated rather than left to the locale).
PATTERN = "d MMMM y"
LOCALES = {"en": "en_GB", "cy": "cy_GB"}

MONTHS = {lang: [get_month_names("wide", locale=LOCALES[lang])[m] for m in range(1, 13)] for lang in LANGS}


def parse(value: str | dt.date) -> dt.date:
    return value if isinstance(value, dt.date) else dt.date.fromisoformat(str(value))


def format_date(value: str | dt.date, lang: str) -> str:
    """26 November 2026 / 26 Tachwedd 2026."""
    return _babel_format_date(parse(value), PATTERN, locale=LOCALES[lang])
