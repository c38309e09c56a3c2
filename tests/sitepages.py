"""Helpers for reading the built site (site/) in tests."""

from __future__ import annotations

import os
import re
from dataclasses import dataclass
from functools import cache
from pathlib import Path

from tiw import LANGS, ROOT

# TIW_SITE lets a second checkout or a helper test a build written elsewhere.
SITE = Path(os.environ.get("TIW_SITE", ROOT / "site"))
DOCS = ROOT / "docs"


@dataclass(frozen=True)
class BuiltPage:
    lang: str
    src: str  # path under docs/<lang>/, e.g. framework/purpose.md
    html_path: Path  # file in site/
    url: str  # site-relative URL, e.g. cy/framework/purpose/

    @property
    def html(self) -> str:
        return self.html_path.read_text(encoding="utf-8")


def _url_for(lang: str, src: str) -> tuple[str, Path]:
    stem = src[:-3]
    prefix = "" if lang == "en" else f"{lang}/"
    if stem == "404":
        return prefix + "404.html", SITE / prefix / "404.html"
    if stem == "index":
        rel = ""
    elif stem.endswith("/index"):
        rel = stem[: -len("index")]
    else:
        rel = stem + "/"
    return prefix + rel, SITE / prefix / rel / "index.html"


@cache
def source_pages(lang: str) -> tuple[str, ...]:
    return tuple(sorted(p.relative_to(DOCS / lang).as_posix() for p in (DOCS / lang).rglob("*.md")))


def built_pages(lang: str | None = None) -> list[BuiltPage]:
    out = []
    for code in [lang] if lang else LANGS:
        for src in source_pages(code):
            url, path = _url_for(code, src)
            out.append(BuiltPage(code, src, path, url))
    return out


def text_of(html: str) -> str:
    """The visible text of a page's main content (article), tags removed, spaces collapsed."""
    m = re.search(r"<article[^>]*>(.*)</article>", html, re.S)
    body = m.group(1) if m else html
    body = re.sub(r"<(script|style)[^>]*>.*?</\1>", " ", body, flags=re.S)
    body = re.sub(r"</?(?:a|em|strong|span|abbr|code|b|i|dfn|small|mark)\b[^>]*>", "", body)  # inline: no space
    body = re.sub(r"<[^>]+>", " ", body)
    import html as h

    text = re.sub(r"\s+", " ", h.unescape(body)).strip()
    return re.sub(r" ([,.;:!?)])", r"\1", text)  # an inline tag left a space before punctuation
