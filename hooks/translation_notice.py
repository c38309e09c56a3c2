"""Build hook: tell Welsh readers when the English page has changed since the translation.

A Welsh page records the commit of the English page it was translated from (`default_lang_commit`
in its front matter, see tiw/translation/freshness.py). When git shows that the English page has changed since
then, the Welsh page gets a notice, in Welsh, under its title: the English version has been
updated since this translation, with a link to it. No notice when the page is up to date.

Freshness comes from git at build time, with git's answers cached for the build (one set of calls
per distinct stamp, not per page). Without git (a build from a tarball, no git program, a shallow
clone) there is no notice, and the build logs one INFO line saying why.
"""

from __future__ import annotations

import logging
from pathlib import Path

from mkdocs.utils import get_relative_url

from tiw.build import fragments, state
from tiw.build.language import build_language, counterpart_urls, is_fallback
from tiw.build.page_html import insert_after_title
from tiw.translation.freshness import OUTDATED, TARGET_LANG, UNKNOWN, Freshness

log = logging.getLogger("mkdocs.hooks.translation_notice")


def _build() -> dict:
    # A new build (and every rebuild under `mkdocs serve`) asks git afresh: the store is new then.
    return state.store("translation_notice")


def _told(detail: str) -> bool:
    """Whether `detail` was already logged in this build (and remember it)."""
    told = _build().setdefault("told", set())
    seen = detail in told
    told.add(detail)
    return seen


def _freshness(config) -> Freshness:
    if _build().get("freshness") is None:
        f = Freshness(Path(config.docs_dir).parent)
        if not f.available and not _told(f.git.reason):
            log.info(
                f"Translation notices are off for this build: {f.git.reason}, so whether a Welsh page "
                "is behind its English source cannot be known."
            )
        _build()["freshness"] = f
    return _build()["freshness"]


def notice_html(page, lang: str = TARGET_LANG) -> str:
    """The notice for an outdated page, linking to its English counterpart."""
    ui = state.site().ui
    english = counterpart_urls(page)["en"]
    href = get_relative_url(english or ".", page.url or ".")
    if english.endswith("/") and not href.endswith("/"):
        href += "/"
    return fragments.render(
        "translation-notice.html",
        title=ui["translation_outdated_title"][lang],
        body=ui["translation_outdated_body"][lang],
        href=href,
        link=ui["translation_outdated_link"][lang],
    )


def on_page_content(html_content, page, config, files):
    if build_language(page) != TARGET_LANG or is_fallback(page):
        return html_content
    f = _freshness(config)
    if not f.available:
        return html_content
    src = page.file.src_uri
    src = src[len(TARGET_LANG) + 1 :] if src.startswith(f"{TARGET_LANG}/") else src
    page_state = f.page_state(src)
    if page_state.state == UNKNOWN and not _told(page_state.detail):
        log.info(f"Translation notice for docs/{TARGET_LANG}/{src} cannot be decided: {page_state.detail}.")
    if page_state.state != OUTDATED:
        return html_content
    return insert_after_title(html_content, notice_html(page))
