"""The content check: nothing an editor types may carry script, embed another site, or load a
third-party asset. It reads every page (front matter included), data file and catalogue entry as
text, before MkDocs renders anything, and names the file and line of each problem.

Why text and not the built HTML: the message must point at the line the editor wrote, and a page's
Markdown may pass raw HTML straight through. The built pages are checked again for inline script
by hooks/csp.py, whose policy allows none (the two checks are independent on purpose).
Code (fenced blocks and `inline code`) is skipped: Markdown escapes it, so it is shown, never run.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path
from urllib.parse import urlsplit

from tiw.core.errors import DataError, rel
from tiw.core.frontmatter import match_front_matter
from tiw.core.yamlfile import read_text

# Tags that run script, embed another document or change where the page's links and forms go.
_TAGS = ("script", "iframe", "frame", "frameset", "object", "embed", "applet", "base", "link", "meta", "style", "form")
_TAG = re.compile(r"<\s*(" + "|".join(_TAGS) + r")\b", re.I)
# An event attribute in raw HTML (<a onclick=…>) or in an attribute list ({: onclick=… }).
_EVENT = re.compile(r"(?:<[a-zA-Z][^<>]*?|\{:?[^{}\n]*?)(?<![\w-])(on[a-z]+)\s*=", re.I)
_BAD_SCHEME = r"(?:javascript|vbscript|data|livescript)\s*:"
# An address whose scheme runs code or carries its own content: as a link or source anywhere,
# and in a data file also as a value of its own (`url: "javascript:…"`, `- data:…`). One scan;
# only the advice differs, by what the editor was writing.
_LINKED_SCHEME = (
    r"(?:\]\(\s*<?\s*|\]:\s*<?\s*|<\s*|\b(?:href|src|srcset|action|formaction|poster|data|xlink:href)\s*=\s*[\"']?\s*)("
    + _BAD_SCHEME
    + ")"
)
_SCHEME = {
    True: re.compile(_LINKED_SCHEME, re.I),
    False: re.compile(_LINKED_SCHEME + r"|(?:(?<=:)|(?<=-))[ \t]+[\"']?\s*(" + _BAD_SCHEME + ")", re.I),
}
_SCHEME_ADVICE = {
    True: "Links must be https:// addresses, pages of this site, or tel:/sms:/mailto: contacts",
    False: "Web addresses must start with https://; contacts are written as numbers or email addresses",
}
# A style attribute (HTML or attribute list) that loads something or runs an expression.
_STYLE_LOAD = re.compile(r"\bstyle\s*=\s*[\"'][^\"']*?(url\s*\(|@import|expression\s*\(|image-set\s*\()", re.I)
# Images and media whose source is given as an address with a host (https://…, //…).
_MD_IMAGE = re.compile(r"!\[[^\]]*\]\(\s*<?\s*((?:https?:)?//[^\s)>]+)")
_MD_IMAGE_REF = re.compile(r"!\[[^\]]*\]\[([^\]]*)\]")
_REF_DEF = re.compile(r"^[ ]{0,3}\[([^\]]+)\]:\s*<?((?:https?:)?//\S+?)>?(?:\s|$)", re.M)
_MEDIA = re.compile(
    r"<\s*(img|video|audio|source|track|picture|input|image)\b[^<>]*?\b(src|srcset|poster)\s*=\s*[\"']?\s*((?:https?:)?//[^\s\"'>]+)",
    re.I,
)
_FENCE = re.compile(r"^([ \t]*)(`{3,}|~{3,})[^\n]*\n.*?^\1\2[ \t]*$", re.M | re.S)
_INLINE_CODE = re.compile(r"(`+)(?!`).+?(?<!`)\1(?!`)", re.S)
_ANY_TAG = re.compile(r"<\s*/?\s*[a-zA-Z!?][^<>]*>?")


@dataclass(frozen=True)
class Problem:
    file: str
    line: int
    what: str

    def __str__(self) -> str:
        return f"{self.file}, line {self.line}: {self.what}"


def _blank(text: str, pattern: re.Pattern) -> str:
    """Text with every match replaced by spaces (newlines kept), so offsets and lines stay true."""
    return pattern.sub(lambda m: re.sub(r"[^\n]", " ", m.group(0)), text)


def _line(text: str, offset: int) -> int:
    return text.count("\n", 0, offset) + 1


def _own_host(url: str, site_host: str) -> bool:
    host = urlsplit(url if not url.startswith("//") else "https:" + url).hostname or ""
    return bool(site_host) and host.lower() == site_host.lower()


def check_text(text: str, shown_as: str, *, site_host: str = "", markdown: bool = True) -> list[Problem]:
    """Every problem in one file's text. `markdown` also checks images and the front matter."""
    problems: list[Problem] = []
    scan = _blank(_blank(text, _FENCE), _INLINE_CODE) if markdown else text

    def add(offset: int, what: str) -> None:
        problems.append(Problem(shown_as, _line(text, offset), what))

    for m in _TAG.finditer(scan):
        add(
            m.start(),
            f"a raw <{m.group(1).lower()}> tag. Pages and data may not carry script, embedded "
            "pages, styles or forms: remove it (a video or form from another site goes in as a "
            "plain link to it)",
        )
    for m in _EVENT.finditer(scan):
        add(
            m.start(1),
            f"an event attribute {m.group(1).lower()}=, which would run script. Remove it: "
            "behaviour belongs in the site's own scripts, not in content",
        )
    for m in _SCHEME[markdown].finditer(scan):
        scheme = m.group(m.lastindex).split(":")[0].strip().lower()
        add(m.start(m.lastindex), f"a {scheme}: address. {_SCHEME_ADVICE[markdown]}")
    for m in _STYLE_LOAD.finditer(scan):
        add(
            m.start(),
            f"a style attribute that loads something ({m.group(1).strip()}). Remove the style "
            "attribute: the look of the site lives in docs/assets/stylesheets/tiw.css",
        )
    if markdown:
        third_party = (
            "The site makes no request to another host: save the file under docs/assets/images/ "
            "and point to it there, or link to the page that shows it"
        )
        for m in _MD_IMAGE.finditer(scan):
            if not _own_host(m.group(1), site_host):
                add(m.start(1), f"an image from another site ({m.group(1)}). {third_party}")
        refs = {k.strip().lower(): (v, m.start(2)) for m in _REF_DEF.finditer(scan) for k, v in [m.groups()]}
        for m in _MD_IMAGE_REF.finditer(scan):
            url, _ = refs.get((m.group(1) or "").strip().lower(), (None, 0))
            if url and not _own_host(url, site_host):
                add(m.start(), f"an image from another site ({url}). {third_party}")
        for m in _MEDIA.finditer(scan):
            if not _own_host(m.group(3), site_host):
                add(m.start(3), f"<{m.group(1).lower()} {m.group(2).lower()}=…> from another site ({m.group(3)}). {third_party}")
        front = match_front_matter(text)
        if front:
            for m in _ANY_TAG.finditer(front.group(0)):
                add(
                    m.start(),
                    f"HTML ({m.group(0)[:40]}) in the front matter. Titles, descriptions and other "
                    "front matter fields are plain text: write the words without tags",
                )
    problems.sort(key=lambda p: p.line)
    return problems


def check_project(root: Path, site_url: str = "") -> list[Problem]:
    """Every problem in the pages (docs/), the shared data (data/) and the catalogue (resources/)."""
    site_host = urlsplit(site_url).hostname or ""
    problems: list[Problem] = []
    files = [(p, True) for p in sorted((root / "docs").rglob("*.md"))]
    files += [(p, False) for d in ("data", "resources") for p in sorted((root / d).glob("*.yml"))]
    for path, markdown in files:
        problems += check_text(read_text(path), rel(path), site_host=site_host, markdown=markdown)
    return problems


def raise_if_unsafe(root: Path, site_url: str = "") -> None:
    problems = check_project(root, site_url)
    if problems:
        shown = "\n".join(f"- {p}." for p in problems[:20])
        more = f"\n(and {len(problems) - 20} more)" if len(problems) > 20 else ""
        raise DataError(f"Content that could run script or load another site's files ({len(problems)}):\n{shown}{more}")
