"""The site's Content-Security-Policy, the one definition: the pages' policy (hooks/csp.py), the
browser editor's (hooks/editor.py) and the redirect pages' (tiw/publishing/findability.py) are
all made here, and written into a page by the fragment csp-meta.html.

Why each directive is as it is:
- default-src 'self': nothing from any other host, ever (fonts, frames, media, workers included).
- script-src 'self': scripts only from the site's own files; no inline script, no eval.
- img-src 'self' data:: the theme's icons are SVG data: URIs inside its CSS (mask-image).
- style-src 'self' 'unsafe-inline': Material's JavaScript sets ``style`` attributes (the header
  shadow, the sidebar heights, the search result layout, the "back to top" button) and a hash cannot
  cover an attribute. Styles cannot run code; content may not carry resource-loading styles
  (tiw/core/content_safety.py) and no third-party style is allowed.
- connect-src 'self': the search index and the search worker's requests stay on the site.
- object-src 'none'; base-uri 'self'; form-action 'self': no plugins, no <base> hijack, forms post
  only to the site.
(frame-ancestors cannot be set from a meta tag; a host that can send headers should add it.)
"""

from __future__ import annotations

from tiw.build import fragments

DIRECTIVES = {
    "default-src": ("'self'",),
    "script-src": ("'self'",),
    "style-src": ("'self'", "'unsafe-inline'"),
    "img-src": ("'self'", "data:"),
    "connect-src": ("'self'",),
    "object-src": ("'none'",),
    "base-uri": ("'self'",),
    "form-action": ("'self'",),
}
# Decap CMS compiles its configuration's JSON schema with ajv, which builds functions from strings:
# without 'unsafe-eval' the editor does not start. Only the editor's two pages get it; they have no
# inline script and load only the site's own files, and every other directive is the site's.
EDITOR_EXTRA_SCRIPT_SOURCES = ("'unsafe-eval'",)
# A redirect page loads nothing (no style, image or request): those directives fall back to default-src.
_REDIRECT_LEAVES_OUT = ("style-src", "img-src", "connect-src")


def _policy(directives: dict[str, tuple[str, ...]]) -> str:
    return "; ".join(f"{name} {' '.join(sources)}" for name, sources in directives.items())


POLICY = _policy(DIRECTIVES)
EDITOR_POLICY = _policy({**DIRECTIVES, "script-src": DIRECTIVES["script-src"] + EDITOR_EXTRA_SCRIPT_SOURCES})
REDIRECT_POLICY = _policy({k: v for k, v in DIRECTIVES.items() if k not in _REDIRECT_LEAVES_OUT})


def meta_tag(policy: str = POLICY) -> str:
    """The <meta http-equiv> element carrying `policy`. Its quotes stay literal ('self', as every
    reader of the policy expects): it is one of this module's constants, which hold no " < & >."""
    return fragments.render("csp-meta.html", policy=fragments.markup(policy))
