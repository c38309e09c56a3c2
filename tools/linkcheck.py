"""Check every link in a built site without the network.

Internal links (href/src/srcset/action, resolved against the page's own URL): the target file must
exist in the build (a folder means its index.html) and a #fragment must be an id (or an <a name>)
on the target page. External links are not fetched, but must use https (or mailto:, tel:, sms:).

    python -m tools.linkcheck [SITE_DIR]     # exit status 1 and one line per problem

The theme's own templated attributes (none so far) and links inside <script>/<template> are not
links a reader follows and are skipped.
"""

from __future__ import annotations

import html
import posixpath
import sys
from dataclasses import dataclass
from functools import cache
from html.parser import HTMLParser
from pathlib import Path
from urllib.parse import unquote, urlsplit

LINK_ATTRS = {"href", "src", "action", "poster", "data"}
SAFE_SCHEMES = {"https", "mailto", "tel", "sms"}
# Absolute links to the site itself (canonical, hreflang alternates) are checked as paths.
DEFAULT_SITE_URL = "http://127.0.0.1:8000/"  # mkdocs.yml site_url without SITE_URL


@dataclass(frozen=True)
class Link:
    page: str  # site-relative path of the page, e.g. cy/framework/index.html
    line: int
    tag: str
    attr: str
    url: str


@dataclass(frozen=True)
class Problem:
    link: Link
    message: str

    def __str__(self) -> str:
        return f'{self.link.page}:{self.link.line}: <{self.link.tag} {self.link.attr}="{self.link.url}">: {self.message}'


class _Parser(HTMLParser):
    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.ids: set[str] = set()
        self.links: list[tuple[int, str, str, str, dict]] = []
        self._skip = 0

    def handle_starttag(self, tag, attrs):
        a = {k: (v or "") for k, v in attrs}
        if "id" in a:
            self.ids.add(a["id"])
        if tag == "a" and "name" in a:
            self.ids.add(a["name"])
        if tag in ("script", "template"):
            self._skip += 1
            if "src" in a:
                self.links.append((self.getpos()[0], tag, "src", a["src"], a))
            return
        if self._skip:
            return
        for attr in LINK_ATTRS & a.keys():
            self.links.append((self.getpos()[0], tag, attr, a[attr], a))
        if "srcset" in a:
            for part in a["srcset"].split(","):
                if part.strip():
                    self.links.append((self.getpos()[0], tag, "srcset", part.split()[0], a))

    def handle_startendtag(self, tag, attrs):
        self.handle_starttag(tag, attrs)
        if tag in ("script", "template"):
            self._skip -= 1

    def handle_endtag(self, tag):
        if tag in ("script", "template") and self._skip:
            self._skip -= 1


@cache
def _parse(path: Path) -> _Parser:
    p = _Parser()
    p.feed(path.read_text(encoding="utf-8"))
    p.close()
    return p


def _target_file(site: Path, path: str) -> Path | None:
    """The built file a site path names: the file itself, or a folder's index.html."""
    candidate = site / path.lstrip("/")
    if path.endswith("/") or path == "":
        candidate = candidate / "index.html"
    if candidate.is_file():
        return candidate
    if candidate.is_dir() and (candidate / "index.html").is_file():
        return candidate / "index.html"
    return None


def check_site(site: Path, site_url: str | None = None) -> tuple[list[Problem], int]:
    """All problems in the built site, and how many links were checked."""
    site = site.resolve()
    _parse.cache_clear()
    public = urlsplit(site_url) if site_url else None
    problems: list[Problem] = []
    count = 0
    for page_path in sorted(site.rglob("*.html")):
        rel = page_path.relative_to(site).as_posix()
        parser = _parse(page_path)
        for line, tag, attr, raw, attrs in parser.links:
            url = html.unescape(raw).strip()
            link = Link(rel, line, tag, attr, raw)
            count += 1
            if not url:
                problems.append(Problem(link, "empty link"))
                continue
            parts = urlsplit(url)
            if parts.scheme and parts.scheme not in ("http", "https"):
                if parts.scheme not in SAFE_SCHEMES:
                    problems.append(Problem(link, f"scheme {parts.scheme}: is not allowed (https, mailto, tel or sms)"))
                continue
            if parts.scheme or parts.netloc:
                same_site = public is not None and parts.netloc == public.netloc
                if not same_site:
                    if parts.scheme != "https":
                        problems.append(Problem(link, "external link is not https"))
                    continue
                # An absolute link to the site itself (canonical, hreflang, feeds): check the path.
                base_path = public.path or "/"
                if not parts.path.startswith(base_path):
                    problems.append(Problem(link, f"same-site link outside the site's base path {base_path}"))
                    continue
                target_path = parts.path[len(base_path) :]
            elif parts.path.startswith("/"):
                # Root-relative links appear only on the 404 pages (hooks/not_found.py) and assume
                # the site is served at the host's root, as it is locally.
                base_path = public.path if public else "/"
                target_path = parts.path[len(base_path) :] if parts.path.startswith(base_path) else parts.path.lstrip("/")
            else:
                page_dir = posixpath.dirname(rel)
                target_path = posixpath.normpath(posixpath.join(page_dir, unquote(parts.path))) if parts.path else rel
                if parts.path.endswith("/") and not target_path.endswith("/"):
                    target_path += "/"
                if target_path in (".", "./"):
                    target_path = ""
                if target_path.startswith(".."):
                    problems.append(Problem(link, "points above the site root"))
                    continue
            target_path = unquote(target_path)
            target = _target_file(site, target_path)
            if target is None:
                problems.append(Problem(link, f"target {target_path or '/'} does not exist in the build"))
                continue
            if parts.fragment and target.suffix == ".html":
                fragment = unquote(parts.fragment)
                if fragment not in _parse(target).ids:
                    problems.append(Problem(link, f"#{fragment} is not an id on {target.relative_to(site).as_posix()}"))
    return problems, count


def main(argv: list[str]) -> int:
    import os

    from tiw import ROOT

    site = Path(argv[1]) if len(argv) > 1 else ROOT / "site"
    # The build writes absolute links (canonical, hreflang) with site_url: SITE_URL or the default.
    problems, count = check_site(site, os.environ.get("SITE_URL", DEFAULT_SITE_URL))
    for p in problems:
        print(p)
    print(f"{count} links checked, {len(problems)} problems", file=sys.stderr)
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
