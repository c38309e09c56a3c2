"""Translators' round trip with their own CAT tools: XLIFF 2.0 packages out and back, the site's
translation memory as TMX, and the termbase as TBX and CSV (TRANSLATING.md, `python -m tools.exchange`)."""
