"""Build hook: language of parts (WCAG 3.1.2). On a Welsh page, English left in English is marked
lang="en", so a screen reader reads it with English pronunciation:

- an italic title (<em>) that the paired English page also has, word for word, in italics: a work
  with no Welsh title, cited under its English one (a translated title differs, so stays Welsh);
- an English name kept in English: the multi-word entries of translation/wordlist-cy.txt (the
  reviewed list of organisation and campaign names without a Welsh form, "Mapping & Gapping").

Text already inside an element with a lang attribute, and attributes, are not touched.
tests/test_language_of_parts.py checks the built Welsh pages: English words outside lang="en" fail.
"""

from __future__ import annotations

import html
import re
from functools import cache

import markdown

from tiw import ROOT
from tiw.build import fragments
from tiw.build.language import build_language
from tiw.translation.spelling import WordList

_TAG = re.compile(r"(<[^>]+>)")
_TAGNAME = re.compile(r"^</?\s*([a-zA-Z0-9]+)")
_EM = re.compile(r"<em>([^<]+)</em>")
_SKIP = {"script", "style", "code", "pre", "title"}


def _norm(text: str) -> str:
    return " ".join(html.unescape(text).replace("’", "'").split())


@cache
def _english_italics(src: str) -> frozenset[str]:
    """The italic texts of the English page docs/en/<src>."""
    path = ROOT / "docs" / "en" / src
    if not path.is_file():
        return frozenset()
    rendered = markdown.markdown(path.read_text(encoding="utf-8"), extensions=["attr_list", "md_in_html"])
    return frozenset(_norm(m) for m in _EM.findall(rendered))


@cache
def _phrase_pattern() -> re.Pattern | None:
    phrases = WordList.load().phrases
    if not phrases:
        return None
    alts = sorted((html.escape(p, quote=False) for p in phrases), key=len, reverse=True)
    return re.compile(r"(?<![\w&])(" + "|".join(r"\s+".join(map(re.escape, p.split())) for p in alts) + r")(?!\w)")


def _english(tag: str, page_html: str) -> str:
    return fragments.render("english-part.html", tag=tag, text=fragments.markup(page_html))


def mark_english(page_html: str, english_italics: frozenset[str]) -> str:
    """The Welsh page's HTML with its English titles and names marked lang="en"."""
    page_html = _EM.sub(lambda m: _english("em", m.group(1)) if _norm(m.group(1)) in english_italics else m.group(0), page_html)
    pattern = _phrase_pattern()
    if pattern is None:
        return page_html
    parts = _TAG.split(page_html)
    stack: list[tuple[str, bool]] = []  # open elements: (name, has a lang attribute or is skipped)
    for i, part in enumerate(parts):
        if part.startswith("<"):
            name = (_TAGNAME.match(part) or [None, ""])[1].lower()
            if part.startswith("</"):
                for j in range(len(stack) - 1, -1, -1):
                    if stack[j][0] == name:
                        del stack[j:]
                        break
            elif not part.endswith("/>") and name not in ("br", "img", "input", "hr", "meta", "link", "wbr", "source"):
                stack.append((name, " lang=" in part or name in _SKIP))
            continue
        if part.strip() and not any(marked for _, marked in stack):
            parts[i] = pattern.sub(lambda m: _english("span", m.group(1)), part)
    return "".join(parts)


def on_page_content(html_content, page, config, files):
    if build_language(page) != "cy":
        return html_content
    src = page.file.src_uri.split("/", 1)[-1] if page.file.src_uri.startswith("cy/") else page.file.src_uri
    return mark_english(html_content, _english_italics(src))
