"""Small helpers on a page being built, each in one place: whether it is the 404 page, and
putting generated HTML right after the page's title."""

from __future__ import annotations

import re

_H1_END = re.compile(r"</h1>", re.I)


def is_404(file) -> bool:
    """The "page not found" page (docs/<lang>/404.md), of either language."""
    return (file.src_uri or "").endswith("404.md")


def insert_after_title(content: str, html: str) -> str:
    """`html` right after the page's first heading (its title), or at the top if it has none."""
    m = _H1_END.search(content)
    return content[: m.end()] + html + content[m.end() :] if m else html + content
