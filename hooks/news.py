"""Build hook: news in the project's own code (the Material blog plugin breaks under static-i18n).

- At build start every post is checked (tiw.publishing.news.load_posts): a post missing its twin in the other
  language, a date or a title, or a malformed one, stops the build with a message naming the file.
- A post dated after the build date is held back: not listed, not in the feed, its page not built;
  the build says so with an INFO line, and the first build on or after its date publishes it (the
  deploy workflow rebuilds on a schedule for this, README.md).
- A post page gets its date (in its language, Welsh month names) and tags under its heading, and a
  link back to the news index; its summary is its description unless it has one.
- Every page advertises its language's Atom feed in <head> (`tiw_feed`, see overrides/main.html).
- After each language is built, its feed is written to news/feed.xml (cy/news/feed.xml), with
  absolute links from site_url.
"""

from __future__ import annotations

import logging
from pathlib import Path

from mkdocs.exceptions import PluginError
from mkdocs.utils import get_relative_url

from tiw.build import fragments, state
from tiw.build.language import absolute_url, build_language, site_path, source_path
from tiw.build.page_html import insert_after_title
from tiw.build.sequence import current_language
from tiw.core.dates import format_date
from tiw.core.errors import DataError
from tiw.publishing.news import FEED_URL, INDEX_URL, POSTS_DIR, atom_feed, held_back, is_post, load_posts

log = logging.getLogger("mkdocs.hooks.news")


def _store() -> dict:
    return state.store("news")


def on_config(config):
    try:
        _store()["posts"] = load_posts(Path(config.docs_dir))
        _store()["held"] = held_back(Path(config.docs_dir))
    except DataError as exc:
        raise PluginError(f"A news post has a problem:\n{exc}") from None
    for post in _store()["held"]:
        if post.lang == "en":
            log.info(
                f"News post {post.src} (both languages) is dated {post.date.isoformat()}: held back "
                "until a build on or after that date."
            )
    return config


def on_files(files, config):
    """Leave the held-back posts' pages out of the build (both languages)."""
    held = {f"{POSTS_DIR}/{p.path.name}" for p in _store().get("held", [])}
    for file in list(files):
        src = file.src_uri
        if any(src == h or src.endswith("/" + h) for h in held):
            files.remove(file)
    return files


def _post_for(page, config):
    where = source_path(page, config.docs_dir)
    if not where or not is_post(where[1]):
        return None
    lang, src = where
    return next((p for p in _store().get("posts", {}).get(lang, []) if p.src == src), None)


def on_page_markdown(markdown, page, config, files):
    post = _post_for(page, config)
    if post and not page.meta.get("description"):
        page.meta["description"] = post.summary
    return markdown


def on_page_content(html_content, page, config, files):
    post = _post_for(page, config)
    if not post:
        return html_content
    ui = state.site().ui
    lang = post.lang
    before, _, after = ui["news_published"][lang].partition("{date}")
    meta = fragments.render_macro(
        "news-post.html",
        "meta",
        published=(before, after),
        iso=post.date.isoformat(),
        date=format_date(post.date, lang),
        tags_label=ui["news_tags"][lang],
        tags=post.tags,
    )
    back = get_relative_url(site_path(INDEX_URL, build_language(page)), page.url or ".")
    back = back if back.endswith("/") else back + "/"
    tail = fragments.render_macro("news-post.html", "back", href=back, label=ui["news_all"][lang])
    return insert_after_title(html_content, meta) + tail


def on_page_context(context, page, config, nav):
    lang = build_language(page)
    context["tiw_feed"] = {
        "href": absolute_url(config.site_url, site_path(FEED_URL, lang)),
        "title": state.site().ui["news_feed_title"][lang],
        "lang": lang,
    }
    return context


def on_post_build(config):
    lang = current_language(config)
    ui = state.site().ui
    feed = atom_feed(
        lang,
        _store().get("posts", {}).get(lang, []),
        config.site_url or "/",
        title=ui["news_feed_title"][lang],
        subtitle=ui["news_feed_subtitle"][lang],
        author=config.site_author or config.site_name,
    )
    out = Path(config.site_dir) / site_path(FEED_URL, lang)
    out.parent.mkdir(parents=True, exist_ok=True)
    out.write_bytes(feed)
