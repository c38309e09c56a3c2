"""Which language a page is in, and where its counterpart in the other language lives.

static-i18n builds the site once per language. A page's *build* language is the language being
built (`file.locale_alternate_of`); its *content* language is the language of the Markdown file
it came from (`file.locale`). They differ only on a fallback page (an English file served inside
the Welsh build), which the site marks and the tests refuse.
"""

from __future__ import annotations

from pathlib import Path

from tiw import DEFAULT_LANG, LANGS


def build_language(page) -> str:
    f = page.file
    return getattr(f, "locale_alternate_of", None) or getattr(f, "locale", None) or DEFAULT_LANG


def content_language(page) -> str:
    return getattr(page.file, "locale", None) or build_language(page)


def is_fallback(page) -> bool:
    return content_language(page) != build_language(page)


def site_path(url: str, lang: str) -> str:
    """A page URL (site-relative, as MkDocs gives it) in the given language build."""
    url = url.lstrip("/")
    if lang == DEFAULT_LANG:
        return url
    return url if url.startswith(f"{lang}/") or url == lang else f"{lang}/{url}"


def absolute_url(site_url: str | None, site_rel: str) -> str:
    """An absolute address on the site: site_url (from SITE_URL when deployed) + a site-relative
    URL as MkDocs gives it (the home page's "", "." or "./" become the site root)."""
    base = (site_url or "/").rstrip("/") + "/"
    return base + clean_url(site_rel).lstrip("/")


def counterpart_urls(page) -> dict[str, str]:
    """Site-relative URL of this page in each language, from static-i18n's alternates map."""
    alternates = getattr(page.file, "alternates", {}) or {}
    urls = {}
    for lang in LANGS:
        alt = alternates.get(lang)
        urls[lang] = site_path(alt.url if alt is not None else page.url, lang)
    return urls


def clean_url(site_rel: str) -> str:
    """MkDocs gives the home page's URL as "" or "./": make it ""."""
    return "" if site_rel in ("", ".", "./") else site_rel


def source_path(page, docs_dir) -> tuple[str, str] | None:
    """(language folder, path under it) of a page's Markdown file, e.g. ("cy", "news/index.md"),
    from its real location, whatever static-i18n did to its URI; None for a generated page."""
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
