"""Build hook: a Content-Security-Policy for every page, as a <meta http-equiv> tag, that allows no
inline script at all.

overrides/main.html puts the marker ``<!-- tiw:csp -->`` at the top of the ``site_meta`` block;
after the page is rendered this hook replaces it with the policy. The policy is the same on every
page and is never computed from what a page contains: an earlier version hashed every inline
script it found, so a script that reached a page through content was blessed and ran. The theme's
three inline scripts (storage helpers, saved palette, tab from the address) are served as files
instead (overrides/partials/javascripts/), so ``script-src 'self'`` is all the site needs.

As a second line behind the content check (tiw/core/content_safety.py), the build stops if a finished
page still holds an executable inline script, an ``on…=`` event attribute or a ``javascript:``
URL, naming the page's source file: the browser would refuse to run it anyway.

The policy itself, and why each directive is as it is: tiw/build/csp.py.
"""

from __future__ import annotations

import re

from lxml import etree
from mkdocs.exceptions import PluginError

from tiw.build.csp import EDITOR_EXTRA_SCRIPT_SOURCES, EDITOR_POLICY, POLICY, meta_tag

# What the tests read here (the policy's constants are re-exported from tiw/build/csp.py).
__all__ = ["EDITOR_EXTRA_SCRIPT_SOURCES", "MARKER", "editor_policy", "inline_scripts", "policy"]
MARKER = "<!-- tiw:csp -->"
# Script types the browser executes (anything else, such as the theme's JSON config, is data).
_EXECUTABLE = {"", "text/javascript", "application/javascript", "module"}
_URL_ATTRS = {"href", "src", "action", "formaction", "xlink:href", "data", "poster"}
# As a browser reads a URL: tabs and line breaks anywhere are dropped, then leading spaces and
# control characters, so "java&#9;script:" runs as script too.
_URL_IGNORED = re.compile(r"[\t\n\r]")
_JAVASCRIPT = re.compile(r"[\x00-\x20]*javascript:", re.I)


def inline_scripts(html: str) -> list[tuple[int, str]]:
    """(line, what) for every inline script, event attribute or javascript: URL in the page.

    Read with libxml2's HTML parser (lxml), which decodes character references in attribute values
    as a browser does (``&#106;avascript:`` is found); it reads a page about five times faster than
    html.parser, which mattered on every `make serve` rebuild."""
    if not html.strip():
        return []
    root = etree.fromstring(html.encode("utf-8"), etree.HTMLParser(encoding="utf-8", recover=True))
    found: list[tuple[int, str]] = []
    if root is None:
        return found
    for el in root.iter(etree.Element):
        tag = el.tag.lower()
        names = {k.lower(): v or "" for k, v in el.attrib.items()}
        line = el.sourceline or 0
        if tag == "script" and "src" not in names and names.get("type", "").strip().lower() in _EXECUTABLE:
            found.append((line, "an inline <script>"))
        for name, value in names.items():
            if name.startswith("on"):
                found.append((line, f"an event attribute {name}= on <{tag}>"))
            elif name in _URL_ATTRS and _JAVASCRIPT.match(_URL_IGNORED.sub("", value)):
                found.append((line, f"a javascript: URL in {name}= on <{tag}>"))
    return found


def policy(html: str = "") -> str:
    """The site's policy. It takes the page only to keep the old call shape; it never reads it."""
    return POLICY


def on_post_page(output: str, page, config):
    found = inline_scripts(output)
    if found:
        line, what = found[0]
        raise PluginError(
            f"{page.file.src_uri}: the built page ({page.url or 'home'}) has {what} (line {line} of the "
            "HTML). The site runs no inline script: put behaviour in a file under docs/assets/javascripts/ "
            "loaded by a template (front matter page_scripts: [name.js]), never in content."
        )
    tag = meta_tag()
    if MARKER in output:
        return output.replace(MARKER, tag, 1)
    # A page rendered by a template that does not extend main.html: put the policy right after
    # <meta charset> so that it governs every script that follows.
    m = re.search(r"<meta charset=[^>]*>", output, re.I)
    if not m:
        raise PluginError(
            f"hooks/csp.py: {page.file.src_uri}: no <meta charset> to place the "
            f"Content-Security-Policy after; extend overrides/main.html"
        )
    return output[: m.end()] + tag + output[m.end() :]


def editor_policy(html: str = "") -> str:
    """The editor's policy (tiw/build/csp.py, EDITOR_POLICY); like policy(), it never reads the page."""
    return EDITOR_POLICY
