"""One search index per language, split from the combined index that static-i18n writes.

static-i18n gives the theme one search/search_index.json holding both languages' pages with
English settings. `split_index()` turns it into one index per language:
- search/search_index.json: English pages only, English settings (English stop words);
- cy/search/search_index.json: Welsh pages only, Welsh settings (lang "cy", which makes the
  theme's search worker load the Welsh pipeline: Welsh stop words and mutation folding), with
  locations relative to /cy/ (a Welsh page's search base is the Welsh root).
The entries themselves are not changed, so `combined_index()` can rebuild the index they replace,
byte for byte, to compare sizes (`index_sizes()`, for the benchmark and the tests).

Used by hooks/search_index.py; no MkDocs here.
"""

from __future__ import annotations

import gzip
import json
from pathlib import Path

from tiw import DEFAULT_LANG, LANGS

INDEX = "search/search_index.json"


def prefix(lang: str) -> str:
    """Where a language's pages live under the site root: "" for English, "cy/" for Welsh."""
    return "" if lang == DEFAULT_LANG else f"{lang}/"


def index_path(site_dir: str | Path, lang: str) -> Path:
    return Path(site_dir) / prefix(lang) / INDEX


def language_of(location: str) -> str:
    for lang in LANGS:
        if lang != DEFAULT_LANG and location.startswith(prefix(lang)):
            return lang
    return DEFAULT_LANG


def split_index(combined: dict, configs: dict[str, dict]) -> dict[str, dict]:
    """The per-language indexes for a combined index. `configs` gives each language's search
    settings (lang, separator, pipeline); the field boosts are kept from the combined index."""
    out = {}
    for lang in LANGS:
        config = {**configs[lang], "fields": combined["config"].get("fields", {})}
        out[lang] = {"config": config, "docs": []}
    for entry in combined["docs"]:
        lang = language_of(entry["location"])
        out[lang]["docs"].append({**entry, "location": entry["location"][len(prefix(lang)) :]})
    return out


def dumps(index: dict) -> bytes:
    """An index as the site serves it: compact JSON, UTF-8 (the theme's own writer escapes every
    non-ASCII letter to six bytes: â is \\u00e2; Welsh has many)."""
    return json.dumps(index, separators=(",", ":"), ensure_ascii=False).encode("utf-8")


def _theme_dumps(index: dict) -> bytes:
    """As the theme's search plugin writes an index (for rebuilding the combined one)."""
    return json.dumps(index, separators=(",", ":"), default=str).encode("utf-8")


def read_indexes(site_dir: str | Path) -> dict[str, dict]:
    return {lang: json.loads(index_path(site_dir, lang).read_text(encoding="utf-8")) for lang in LANGS}


def combined_index(indexes: dict[str, dict]) -> dict:
    """The combined index that the per-language ones replace: English settings, every language's
    entries in build order, locations from the site root."""
    docs = []
    for lang in LANGS:
        docs += [{**e, "location": prefix(lang) + e["location"]} for e in indexes[lang]["docs"]]
    return {"config": indexes[DEFAULT_LANG]["config"], "docs": docs}


def _gz(data: bytes) -> int:
    return len(gzip.compress(data, compresslevel=9, mtime=0))


def index_sizes(site_dir: str | Path) -> dict[str, dict[str, int]]:
    """Bytes of each language's search index as served, raw and gzipped (gzip -9), and that
    language's share of the combined index it replaces.

    A language's share is the combined index's size split in proportion to the bytes of each
    language's entries in it (so the settings, which every index needs, are split too, and the
    shares add up to the combined index). Returned as
    {"en": {"raw": .., "gzip": .., "share_raw": .., "share_gzip": ..}, "cy": {...},
     "combined": {"raw": .., "gzip": ..}}."""
    indexes = read_indexes(site_dir)
    combined = combined_index(indexes)
    combined_raw = _theme_dumps(combined)
    entry_bytes = {
        lang: len(_theme_dumps([{**e, "location": prefix(lang) + e["location"]} for e in indexes[lang]["docs"]]))
        for lang in LANGS
    }
    total_entries = sum(entry_bytes.values()) or 1
    sizes: dict[str, dict[str, int]] = {}
    for lang in LANGS:
        data = index_path(site_dir, lang).read_bytes()
        part = entry_bytes[lang] / total_entries
        sizes[lang] = {
            "raw": len(data),
            "gzip": _gz(data),
            "share_raw": int(len(combined_raw) * part),
            "share_gzip": int(_gz(combined_raw) * part),
        }
    sizes["combined"] = {"raw": len(combined_raw), "gzip": _gz(combined_raw)}
    return sizes


if __name__ == "__main__":  # python -m tiw.search.index [site_dir]
    import sys

    from tiw import ROOT

    site = Path(sys.argv[1]) if len(sys.argv) > 1 else ROOT / "site"
    sizes = index_sizes(site)
    print(f"{'index':<30} {'bytes':>9} {'gzipped':>9} {'share':>9} {'share gz':>9}")
    for lang in LANGS:
        s = sizes[lang]
        print(f"{index_path('', lang).as_posix():<30} {s['raw']:>9} {s['gzip']:>9} {s['share_raw']:>9} {s['share_gzip']:>9}")
    c = sizes["combined"]
    print(f"{'combined (replaced)':<30} {c['raw']:>9} {c['gzip']:>9}")
