"""Build hook: sharing and findability.

- Open Graph and description values for every page, in the page's language (`tiw_og`, rendered
  by overrides/main.html): og:title, og:description, og:url (the canonical address), og:locale
  (en_GB / cy_GB) with the other language as og:locale:alternate, og:site_name, og:type.
- After both languages are built: sitemap.xml (+ .gz) listing every page of both languages with
  hreflang alternates and the git date of its last change, and robots.txt pointing to it (these
  replace static-i18n's sitemap, which lists only English addresses, the 404 page, and the build
  date as every page's lastmod).
- Redirect pages for moved pages (data/redirects.yml), in both languages.
"""

from __future__ import annotations

from pathlib import Path

from mkdocs.exceptions import PluginError

from tiw import LANGS
from tiw.build import state
from tiw.build.language import absolute_url, build_language, clean_url, counterpart_urls
from tiw.build.page_html import is_404
from tiw.build.sequence import is_first_build, is_last_build
from tiw.core.errors import DataError
from tiw.publishing.findability import OG_LOCALE, SitemapEntry, load_redirects, write_redirects, write_sitemap
from tiw.publishing.news import is_post


def _store() -> dict:
    return state.store("findability")


def on_config(config):
    if is_first_build(config):
        _store()["entries"] = {}
        try:
            _store()["redirects"] = load_redirects(docs_dir=Path(config.docs_dir))
        except DataError as exc:
            raise PluginError(f"data/redirects.yml has a problem:\n{exc}") from None
    return config


def on_page_context(context, page, config, nav):
    lang = build_language(page)
    urls = {code: clean_url(url) for code, url in counterpart_urls(page).items()}
    description = (page.meta or {}).get("description") or config.site_description or ""
    is_home = urls[lang].rstrip("/") in ("", lang)
    context["tiw_og"] = {
        "title": config.site_name if is_home else (page.title or config.site_name),
        "description": " ".join(str(description).split()),
        "url": absolute_url(config.site_url, urls[lang]),
        "locale": OG_LOCALE[lang],
        "alternates": [OG_LOCALE[code] for code in LANGS if code != lang],
        "site_name": config.site_name,
        "type": "article" if is_post(urls["en"].rstrip("/") + ".md") else "website",
    }
    if not is_404(page.file):
        updated = context.get("tiw_updated")
        _store()["entries"][urls[lang]] = SitemapEntry(
            url=urls[lang], alternates=urls, lastmod=updated["iso"] if updated else None
        )
    return context


def on_post_build(config):
    if not is_last_build(config):
        return
    site_dir = Path(config.site_dir)
    write_sitemap(site_dir, list(_store()["entries"].values()), config.site_url or "/")
    ui = state.site().ui
    write_redirects(
        site_dir,
        _store()["redirects"],
        config.site_url or "/",
        {key: ui[key] for key in ("redirect_title", "redirect_text")},
        docs_dir=Path(config.docs_dir),
    )
