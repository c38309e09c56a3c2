"""Trauma-Informed Wales site toolkit: data, language handling and checks shared by the macros,
the build hooks, the tools and the tests."""

from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
LANGS = ("en", "cy")
DEFAULT_LANG = "en"
ENDONYMS = {"en": "English", "cy": "Cymraeg"}
