"""Where a build hook is in static-i18n's sequence of builds.

static-i18n builds the default language (English) first; from inside that build's on_post_build it
builds each other language into the same site_dir, running every hook's events again. Hooks run
before static-i18n's own on_post_build (its priority is -100), so:
- a hook's on_post_build for `en` runs when the English pages are written, the Welsh not yet;
- its on_post_build for the last language (`cy`) runs when every page of both languages exists.
Work that needs the whole site (the sitemap, the PDFs' sizes) belongs in that last one.
"""
from __future__ import annotations

from tiw import DEFAULT_LANG, LANGS


def building_language(config) -> str:
    plugin = config.plugins.get("i18n") if hasattr(config, "plugins") else None
    return getattr(plugin, "current_language", None) or DEFAULT_LANG


def build_languages(config) -> list[str]:
    plugin = config.plugins.get("i18n") if hasattr(config, "plugins") else None
    langs = getattr(plugin, "build_languages", None)
    return list(langs) if langs else list(LANGS)


def is_first_build(config) -> bool:
    return building_language(config) == build_languages(config)[0]


def is_last_build(config) -> bool:
    return building_language(config) == build_languages(config)[-1]


def clean_url(site_rel: str) -> str:
    """MkDocs gives the home page's URL as "" or "./": make it ""."""
    return "" if site_rel in ("", ".", "./") else site_rel


def source_path(page, docs_dir) -> tuple[str, str] | None:
    """(language folder, path under it) of a page's Markdown file, e.g. ("cy", "news/index.md"),
    from its real location, whatever static-i18n did to its URI; None for a generated page."""
    from pathlib import Path

    src = getattr(page.file, "abs_src_path", None)
    if not src:
        return None
    try:
        parts = Path(src).resolve().relative_to(Path(docs_dir).resolve()).parts
    except ValueError:
        return None
    if len(parts) < 2 or parts[0] not in LANGS:
        return None
    return parts[0], "/".join(parts[1:])
