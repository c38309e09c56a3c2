"""Dates in each language's own format (Welsh month names written out, never English)."""
from __future__ import annotations

import datetime as dt

MONTHS = {
    "en": ["January", "February", "March", "April", "May", "June", "July", "August",
           "September", "October", "November", "December"],
    "cy": ["Ionawr", "Chwefror", "Mawrth", "Ebrill", "Mai", "Mehefin", "Gorffennaf", "Awst",
           "Medi", "Hydref", "Tachwedd", "Rhagfyr"],
}


def parse(value: str | dt.date) -> dt.date:
    return value if isinstance(value, dt.date) else dt.date.fromisoformat(str(value))


def format_date(value: str | dt.date, lang: str) -> str:
    """26 November 2026 / 26 Tachwedd 2026."""
    d = parse(value)
    return f"{d.day} {MONTHS[lang][d.month - 1]} {d.year}"
