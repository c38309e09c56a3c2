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


def current_language(config) -> str:
    """The language static-i18n is building now (was `building_language`; a page's own build
    language is tiw.build.language.build_language)."""
    plugin = config.plugins.get("i18n") if hasattr(config, "plugins") else None
    return getattr(plugin, "current_language", None) or DEFAULT_LANG


def build_languages(config) -> list[str]:
    plugin = config.plugins.get("i18n") if hasattr(config, "plugins") else None
    langs = getattr(plugin, "build_languages", None)
    return list(langs) if langs else list(LANGS)


def is_first_build(config) -> bool:
    return current_language(config) == build_languages(config)[0]


def is_last_build(config) -> bool:
    return current_language(config) == build_languages(config)[-1]
