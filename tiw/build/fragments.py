"""Render the HTML the hooks and macros generate from the Jinja templates in overrides/fragments/,
with autoescape on: Python shapes the data, the templates shape the markup.

A fragment is inline HTML (a notice, a tool), so its template is written one element to a line
for reading, and the loader joins the lines without the line breaks and indentation: write a
space that matters inside a line, never at its end, and `{{ nl }}` where the output needs a line
break (HTML inside Markdown, where a macro's lines matter). A whole document (a redirect page,
the editor's page, the PDF's source) lives in overrides/fragments/documents/ and keeps its lines
as written."""

from __future__ import annotations

import hashlib
import html
import re

from jinja2 import Environment, FileSystemLoader, StrictUndefined, select_autoescape
from markupsafe import Markup

from tiw import ROOT

FRAGMENTS_DIR = ROOT / "overrides" / "fragments"


DOCUMENTS = "documents/"


class _JoinedLinesLoader(FileSystemLoader):
    def get_source(self, environment, template):
        source, filename, uptodate = super().get_source(environment, template)
        if template.startswith(DOCUMENTS):
            return source, filename, uptodate
        return "".join(line.strip() for line in source.splitlines()), filename, uptodate


def _escape_like_the_rest_of_the_site(value):
    """Escape text as html.escape does (&#x27; and &quot;), as the theme and the rest of the build
    do, so moving markup into a template changes no byte of the site. Autoescape stays on: it leaves
    this Markup alone and still escapes anything that bypasses finalize."""
    if isinstance(value, str) and not isinstance(value, Markup):
        return Markup(html.escape(value, quote=True))
    return value


_env = Environment(
    loader=_JoinedLinesLoader(str(FRAGMENTS_DIR)),
    autoescape=select_autoescape(default=True),
    undefined=StrictUndefined,
    auto_reload=True,
    keep_trailing_newline=True,  # a document ends with a line break (fragments join theirs away)
    finalize=_escape_like_the_rest_of_the_site,
)
_env.globals["nl"] = "\n"

# Finished HTML held out of Markdown (see hold()), by key, until hooks/held_html.py puts it back.
_held: dict[str, str] = {}
HELD = re.compile(r'<div data-tiw-held="([0-9a-f]+-[0-9]+)"></div>')


def hold(block: str) -> Markup:
    """A placeholder for a finished block of HTML (a resource listing): Markdown passes raw HTML
    through unchanged, but only after reading every tag of it, which took about a third of the
    Markdown time of every build (14,500 tags, most in the resource listings). Put back whole by
    hooks/held_html.py as soon as the page is converted, before any other hook reads it. Use it
    only where a block of HTML may stand: on its own line, or inside other raw HTML."""
    key = f"{hashlib.sha1(str(block).encode()).hexdigest()[:16]}-{len(_held)}"
    _held[key] = str(block)
    return Markup(render("held.html", key=key))


def release(content: str, where: str) -> str:
    """The page's HTML with every held block back in place; all held blocks are then let go. A
    placeholder without its block (or a block no placeholder asked for) stops the build."""
    missing = []

    def back(m: re.Match) -> str:
        block = _held.pop(m.group(1), None)
        if block is None:
            missing.append(m.group(1))
            return m.group(0)
        return block

    out = HELD.sub(back, content)
    left = list(_held)
    _held.clear()
    if missing or left:
        raise RuntimeError(
            f"{where}: held HTML blocks did not come back (tiw/build/fragments.py, hold()): "
            f"placeholders without a block {missing}, blocks without a placeholder {left}. Was a "
            "placeholder written inside Markdown that changed it, or in text that was not converted?"
        )
    return out


_env.globals["hold"] = hold


def render(name: str, **values) -> str:
    """The fragment overrides/fragments/<name>, filled in (every value escaped unless Markup).
    A plain str, not Markup: `page_html + Markup(...)` would escape the page's own HTML."""
    return _env.get_template(name).render(**values)


def render_macro(name: str, macro: str, *, shared: dict | None = None, **values) -> str:
    """One macro of the fragment template overrides/fragments/<name>, called with `values`.
    `shared` are values every macro of that template sees (such as `t`, the page's strings)."""
    template = _env.get_template(name)
    module = template.make_module(vars=shared) if shared else template.module
    return str(getattr(module, macro)(**values))


def markup(html: str) -> Markup:
    """Mark HTML the build already made (a page's content, another fragment) as safe to insert."""
    return Markup(html)
