"""Build hook: a "page not found" page in each language, written as ordinary Markdown
(docs/en/404.md, docs/cy/404.md) and published at /404.html and /cy/404.html.

A host serves a 404 page at whatever address was asked for, at any depth, so the page's links
cannot be relative: after rendering they are rewritten to absolute paths from the site root.
"""

from __future__ import annotations

import posixpath
import re
from urllib.parse import urlsplit

from tiw.build.page_html import is_404

_ATTR = re.compile(r'(?P<attr>\b(?:href|src|action))="(?P<url>[^"#][^"]*)"')
_BASE = re.compile(r'("base":\s*")([^"]*)(")')


def on_config(config):
    # The theme's own 404 template is English-only; ours replaces it in both languages.
    if "404.html" in config.theme.static_templates:
        config.theme.static_templates.remove("404.html")
    return config


def on_files(files, config):
    for file in files.documentation_pages():
        if is_404(file):
            dest = posixpath.join(posixpath.dirname(posixpath.dirname(file.dest_uri)), "404.html")
            file.dest_uri = dest
            file.url = dest
            file.__dict__.pop("abs_dest_path", None)
    return files


def _absolutise(output: str, page_url: str, root: str) -> str:
    page_dir = posixpath.dirname(page_url)

    def fix(match):
        url = match.group("url")
        if re.match(r"^[a-z][a-z0-9+.-]*:|^/", url):
            return match.group(0)
        resolved = posixpath.normpath(posixpath.join(root, page_dir, url))
        if url.endswith("/") or url in (".", "./"):
            resolved += "/"
        return f'{match.group("attr")}="{resolved.replace("//", "/")}"'

    def fix_base(match):
        base = match.group(2)
        if not base.startswith("/"):
            base = posixpath.normpath(posixpath.join(root, page_dir, base))
        return match.group(1) + base.rstrip("/") + "/" + match.group(3)

    output = _ATTR.sub(fix, output)
    # The theme's scripts find the site root through "base" in its JSON config (the language's
    # root: a Welsh page's base is /cy/, so its search uses the Welsh index, hooks/search_index.py).
    return _BASE.sub(fix_base, output)


def on_post_page(output, page, config):
    if not is_404(page.file):
        return output
    root = urlsplit(config.site_url or "/").path or "/"
    return _absolutise(output, page.url, root)
