"""Build hook: the language navigation and hreflang alternates for every page, and the guard
against silent English fallbacks inside the Welsh site.

static-i18n pairs pages by path; from its map this hook gives the templates, per page:
- `tiw_languages`: the GOV.UK-style language navigation (endonyms, current language marked);
- `tiw_alternates`: absolute hreflang URLs for <head>, plus x-default (English);
- a fallback page (English file in the Welsh build) gets its content wrapped in lang="en" with a
  Welsh notice, and the `tiw-fallback` marker the test suite refuses.
"""

from __future__ import annotations

from tiw import DEFAULT_LANG, ENDONYMS, LANGS, ROOT
from tiw.build import fragments, state
from tiw.build.language import absolute_url, build_language, content_language, counterpart_urls, is_fallback, site_path

# (page under docs/<lang>/, its URL, ui.yml label) for the footer of every page.
FOOTER_LINKS = [
    ("get-help.md", "get-help/", "footer_get_help"),
    ("accessibility.md", "accessibility/", "footer_accessibility"),
]


def on_page_context(context, page, config, nav):
    lang = build_language(page)
    urls = counterpart_urls(page)
    context["tiw_lang"] = lang
    context["tiw_languages"] = [
        {"lang": code, "endonym": ENDONYMS[code], "link": urls[code], "current": code == lang} for code in LANGS
    ]
    alternates = [{"hreflang": code, "href": absolute_url(config.site_url, urls[code])} for code in LANGS]
    alternates.append({"hreflang": "x-default", "href": absolute_url(config.site_url, urls[DEFAULT_LANG])})
    context["tiw_alternates"] = alternates
    context["tiw_canonical"] = absolute_url(config.site_url, urls[lang])
    context["tiw_ui"] = {key: value[lang] for key, value in state.site().ui.items()}
    context["tiw_footer_links"] = [
        {"url": site_path(url, lang), "label": context["tiw_ui"][label]}
        for path, url, label in FOOTER_LINKS
        if (ROOT / "docs" / lang / path).is_file()
    ]
    return context


def on_page_content(html_content, page, config, files):
    if not is_fallback(page):
        return html_content
    ui = state.site().ui
    lang = build_language(page)
    return fragments.render(
        "fallback-notice.html",
        title=ui["fallback_notice_title"][lang],
        body=ui["fallback_notice"][lang],
        lang=content_language(page),
        content=fragments.markup(html_content),
    )
