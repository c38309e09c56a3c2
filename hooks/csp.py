"""Build hook: a Content-Security-Policy for every page, as a <meta http-equiv> tag.

overrides/main.html puts the marker ``<!-- tiw:csp -->`` at the top of the ``site_meta`` block;
after the page is rendered this hook replaces it with the policy. Scripts may come only from the
site itself: the theme's few inline scripts (``__md_scope``, the palette, the tabbed-hash snippet,
and any a template adds) are allowed by their SHA-256 hashes, computed here from the exact bytes
on each page, never by 'unsafe-inline'. JSON data blocks (``type="application/json"``, the theme's
``__config``) are not executed and need no hash.

Why each directive is as it is:
- default-src 'self': nothing from any other host, ever (fonts, frames, media, workers included).
- img-src 'self' data:: the theme's icons are SVG data: URIs inside its CSS (mask-image).
- style-src 'self' 'unsafe-inline': Material's JavaScript sets ``style`` attributes (the header
  shadow, the sidebar heights, the search result layout, the "back to top" button) and a hash cannot
  cover an attribute. Styles cannot send data or run code, and no third-party style is allowed.
- connect-src 'self': the search index and the search worker's requests stay on the site.
- object-src 'none'; base-uri 'self'; form-action 'self': no plugins, no <base> hijack, forms post
  only to the site.
(frame-ancestors cannot be set from a meta tag; a host that can send headers should add it.)
"""
from __future__ import annotations

import base64
import hashlib
import re

MARKER = "<!-- tiw:csp -->"
_SCRIPT = re.compile(r"<script\b(?P<attrs>[^>]*)>(?P<body>.*?)</script>", re.S | re.I)
_TYPE = re.compile(r"""\btype\s*=\s*["']?([^"'\s>]+)""", re.I)
# Script types the browser executes (anything else is a data block and needs no hash).
_EXECUTABLE = {"", "text/javascript", "application/javascript", "module"}


def inline_script_hashes(html: str) -> list[str]:
    """The CSP source expressions ('sha256-…') of every executable inline script, in page order."""
    out: list[str] = []
    for m in _SCRIPT.finditer(html):
        attrs = m.group("attrs")
        if re.search(r"\bsrc\s*=", attrs, re.I):
            continue
        t = _TYPE.search(attrs)
        if (t.group(1).lower() if t else "") not in _EXECUTABLE:
            continue
        digest = base64.b64encode(hashlib.sha256(m.group("body").encode("utf-8")).digest()).decode()
        source = f"'sha256-{digest}'"
        if source not in out:
            out.append(source)
    return out


def policy(html: str) -> str:
    scripts = " ".join(["'self'", *inline_script_hashes(html)])
    return "; ".join([
        "default-src 'self'",
        f"script-src {scripts}",
        "style-src 'self' 'unsafe-inline'",
        "img-src 'self' data:",
        "connect-src 'self'",
        "object-src 'none'",
        "base-uri 'self'",
        "form-action 'self'",
    ])


def on_post_page(output: str, page, config):
    tag = f'<meta http-equiv="Content-Security-Policy" content="{policy(output)}">'
    if MARKER in output:
        return output.replace(MARKER, tag, 1)
    # A page rendered by a template that does not extend main.html: put the policy right after
    # <meta charset> so that it governs every script that follows.
    m = re.search(r"<meta charset=[^>]*>", output, re.I)
    if not m:
        raise ValueError(f"hooks/csp.py: {page.file.src_uri}: no <meta charset> to place the "
                         f"Content-Security-Policy after; extend overrides/main.html")
    return output[: m.end()] + tag + output[m.end():]


# -- The browser editor (/admin/, /cy/admin/; hooks/editor.py) ---------------------------------------
# Decap CMS compiles its configuration's JSON schema with ajv, which builds functions from strings:
# without 'unsafe-eval' the editor does not start. Only the editor's two pages get it; they have no
# inline script and load only the site's own files, and every other directive is the site's.
EDITOR_EXTRA_SCRIPT_SOURCES = ("'unsafe-eval'",)


def editor_policy(html: str) -> str:
    return policy(html).replace("script-src 'self'", "script-src 'self' " + " ".join(EDITOR_EXTRA_SCRIPT_SOURCES), 1)
