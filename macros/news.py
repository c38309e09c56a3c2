"""The news index (docs/<lang>/news/index.md calls `{{ news_index() }}`): every post in the page's
language, newest first, with its date in that language (Welsh month names), its summary and tags,
and a link to the language's Atom feed. Posts are read and checked by tiw.publishing.news."""
from __future__ import annotations

import html

from mkdocs.utils import get_relative_url

from macros.context import MacroContext
from tiw.build.language import site_path
from tiw.core.dates import format_date
from tiw.publishing.news import FEED_URL, load_posts

__all__ = ["news_index"]


def news_index(ctx: MacroContext):
    def news_index() -> str:
        e = html.escape
        lang = ctx.lang
        feed = get_relative_url(site_path(FEED_URL, lang), ctx.page.url or ".")
        out = [f'<div class="tiw-news">',
               f'<p class="tiw-news__feed"><a href="{e(feed)}" type="application/atom+xml">{e(ctx.t("news_feed_link"))}</a></p>']
        posts = load_posts()[lang]
        if not posts:
            out.append(f'<p>{e(ctx.t("news_none"))}</p></div>\n')
            return "\n".join(out)
        out.append('<ul class="tiw-news__list">')
        for post in posts:
            tags = (f'<p class="tiw-news__tags">{e(ctx.t("news_tags"))} {e(", ".join(post.tags))}</p>'
                    if post.tags else "")
            out.append(
                f'<li class="tiw-news__item">'
                f'<h2 class="tiw-news__title"><a href="{e(ctx.url(post.src))}">{e(post.title)}</a></h2>'
                f'<p class="tiw-news__date"><time datetime="{post.date.isoformat()}">{e(format_date(post.date, lang))}</time></p>'
                f'<p class="tiw-news__summary">{e(post.summary)}</p>{tags}</li>')
        out.append("</ul></div>\n")
        return "\n".join(out)
    return news_index
