"""Build hook: on framework pages, the first use of a glossary term links to its definition in the
glossary (data/glossary.yml), so keyboard and screen-reader users reach the meaning the same way
as everyone else (a link, not a hover-only tooltip).

Only running text is touched (paragraphs and list items), never headings, links, captions or
figures, and only the first use on each page.
"""

from __future__ import annotations

import re

from mkdocs.utils import get_relative_url

from tiw.build import fragments, state
from tiw.build.language import build_language, content_language, site_path

# Words too common on every page to be worth a link at each first use.
SKIP_TERMS = {"trauma", "systems"}
SKIP_TAGS = {
    "a",
    "h1",
    "h2",
    "h3",
    "h4",
    "h5",
    "h6",
    "figcaption",
    "figure",
    "code",
    "pre",
    "dt",
    "summary",
    "button",
    "caption",
    "th",
    "nav",
    "label",
}
_TAG = re.compile(r"(<[^>]+>)")
_TAGNAME = re.compile(r"^</?\s*([a-zA-Z0-9]+)")


def _forms(term_text: str) -> str:
    """The words to look for: the term without a bracketed acronym ("Post Traumatic Stress Disorder")."""
    return re.sub(r"\s*\([^)]*\)", "", term_text).strip()


def on_page_content(html_content, page, config, files):
    src = page.file.src_uri.split("/", 1)[-1]
    if not src.startswith("framework/") or src.endswith("framework/glossary.md"):
        return html_content
    lang = content_language(page)
    terms = [t for t in state.site().glossary if t["glossary"] and t["id"] not in SKIP_TERMS]
    patterns = []
    for term in terms:
        words = _forms(term["term"][lang])
        if words:
            # The term as written, in lower case, or with a capital only to start a sentence; not
            # inside a proper name ("Trauma-Informed Wales", "Cymru sy'n Ystyriol o Drawma").
            forms = {words, words.lower(), words[:1].upper() + words[1:].lower()}
            alternatives = "|".join(re.escape(f).replace(r"\ ", r"\s+") for f in sorted(forms, key=len, reverse=True))
            patterns.append((term, re.compile(r"(?<![\w-])(" + alternatives + r")(?![\w-])(?!\s+[A-ZÂÊÎÔÛŴŶ])")))
    glossary_url = get_relative_url(site_path("framework/glossary/", build_language(page)), page.url)
    done: set[str] = set()
    parts = _TAG.split(html_content)
    skip_depth = 0
    for i, part in enumerate(parts):
        if part.startswith("<"):
            name = (_TAGNAME.match(part) or [None, ""])[1].lower()
            if name in SKIP_TAGS and not part.endswith("/>"):
                skip_depth += -1 if part.startswith("</") else 1
                skip_depth = max(skip_depth, 0)
            continue
        if skip_depth or not part.strip():
            continue
        spans = []  # matches found in the original text, so an inserted link is never re-scanned
        for term, pattern in patterns:
            if term["id"] in done:
                continue
            for m in pattern.finditer(part):
                if all(m.end() <= s0 or m.start() >= e0 for s0, e0, _ in spans):
                    spans.append((m.start(), m.end(), term))
                    done.add(term["id"])
                    break
        for start, end, term in sorted(spans, key=lambda x: x[0], reverse=True):
            link = fragments.render(
                "term-link.html", href=f"{glossary_url}#term-{term['id']}", text=fragments.markup(part[start:end])
            )
            part = part[:start] + link + part[end:]
        parts[i] = part
    return "".join(parts)
