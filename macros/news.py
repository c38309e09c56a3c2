"""The news index (docs/<lang>/news/index.md calls `{{ news_index() }}`): every post in the page's
language, newest first, with its date in that language (Welsh month names), its summary and tags,
and a link to the language's Atom feed. Posts are read and checked by tiw.publishing.news."""

from __future__ import annotations

from mkdocs.utils import get_relative_url

from macros.context import MacroContext
from tiw.build import fragments
from tiw.build.language import site_path
from tiw.core.dates import format_date
from tiw.publishing.news import FEED_URL, load_posts

__all__ = ["news_index"]


def news_index(ctx: MacroContext):
    def news_index() -> str:
        lang = ctx.lang
        feed = get_relative_url(site_path(FEED_URL, lang), ctx.page.url or ".")
        posts = [
            {
                "url": ctx.url(post.src),
                "title": post.title,
                "iso": post.date.isoformat(),
                "date": format_date(post.date, lang),
                "summary": post.summary,
                "tags": post.tags,
            }
            for post in load_posts()[lang]
        ]
        return fragments.render("news-index.html", t=ctx.t, feed=feed, posts=posts)

    return news_index
