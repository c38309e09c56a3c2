"""One page of each template, both languages, in Chromium: no request leaves the site, the
Content-Security-Policy blocks nothing the site needs (no `securitypolicyviolation` event, no
console error), search and the palette toggle still work under the policy, and the print
stylesheet shows only the article."""

from __future__ import annotations

import os
from urllib.parse import urlsplit

import pytest

from tests.sitepages import SITE
from tools.linkcheck import DEFAULT_SITE_URL

pytestmark = pytest.mark.browser


def _first(pattern: str) -> str | None:
    """The URL of the first built page matching a glob under SITE (a news post, when news exists)."""
    found = sorted(p for p in SITE.glob(pattern) if p.name == "index.html")
    return found[0].parent.relative_to(SITE).as_posix() + "/" if found else None


def template_pages() -> list[str]:
    pages = []
    for prefix in ("", "cy/"):
        pages += [
            prefix,
            f"{prefix}framework/purpose/",
            f"{prefix}framework/levels/trauma-aware/",
            f"{prefix}get-help/",
            f"{prefix}404.html",
        ]
        if (SITE / prefix / "resources" / "index.html").is_file():
            pages.append(f"{prefix}resources/")
        post = _first(f"{prefix}news/posts/*/index.html")
        if post:
            pages.append(post)
    return pages


# The build writes absolute links (language switcher, canonical) to site_url; the theme fetches
# <site_url>/sitemap.xml from them. Deployed, that is the page's own origin ('self'); here the test
# server listens on another port, so the policy blocks it. Those, and only those, are not counted.
_SITE_ORIGIN = "{0.scheme}://{0.netloc}/".format(urlsplit(os.environ.get("SITE_URL", DEFAULT_SITE_URL)))


def csp_violations(tab, base_url: str) -> list[str]:
    found = tab.page.evaluate("window.__csp")
    if base_url.startswith(_SITE_ORIGIN):
        return found
    return [v for v in found if " blocked " + _SITE_ORIGIN not in v]


WATCH_CSP = """
window.__csp = [];
document.addEventListener('securitypolicyviolation', e =>
  window.__csp.push(e.violatedDirective + ' blocked ' + (e.blockedURI || 'inline') + ' at ' + e.sourceFile + ':' + e.lineNumber + ' ' + (e.sample || '')));
"""


@pytest.fixture()
def watched(tab):
    tab.context.add_init_script(WATCH_CSP)
    tab.page.set_default_timeout(8000)
    tab.errors = []  # uncaught script errors (a blocked script often shows up here)
    tab.page.on("pageerror", lambda e: tab.errors.append(str(e)))
    return tab


@pytest.mark.parametrize("url", template_pages(), ids=lambda u: u or "/")
def test_template_page_is_private_and_within_its_policy(watched, base_url, url):
    response = watched.page.goto(base_url + url, wait_until="load")
    assert response is not None and (response.ok or url.endswith("404.html")), f"{url}: no page"
    assert watched.page.locator('meta[http-equiv="Content-Security-Policy"]').count() == 1
    watched.page.wait_for_timeout(300)  # late work (search worker start-up, observers)
    violations = csp_violations(watched, base_url)
    assert violations == [], f"{url}: Content-Security-Policy violations:\n" + "\n".join(violations)
    assert watched.errors == [], f"{url}: script errors: {watched.errors}"
    assert watched.foreign_requests() == [], f"{url}: requests to other hosts: {watched.foreign_requests()}"


@pytest.mark.parametrize("url,query", [("", "trauma"), ("cy/", "trawma")])
def test_search_works_under_the_policy(watched, base_url, url, query):
    watched.page.goto(base_url + url, wait_until="load")
    box = watched.page.locator("input.md-search__input")
    box.click()  # at 1280 px the search box is in the header
    watched.page.keyboard.type(query)  # the theme searches on key events
    results = watched.page.locator(".md-search-result__item")
    results.first.wait_for(state="visible", timeout=10000)
    assert results.count() > 0
    assert csp_violations(watched, base_url) == []
    assert watched.foreign_requests() == []


@pytest.mark.parametrize("url", ["", "cy/"])
def test_palette_toggle_works_under_the_policy(watched, base_url, url):
    watched.page.goto(base_url + url, wait_until="load")
    before = watched.page.evaluate("document.body.getAttribute('data-md-color-scheme')")
    watched.page.locator("[data-md-component=palette] label:not([hidden])").first.click()
    watched.page.wait_for_function("b => document.body.getAttribute('data-md-color-scheme') !== b", arg=before)
    after = watched.page.evaluate("document.body.getAttribute('data-md-color-scheme')")
    assert {before, after} == {"default", "slate"}
    assert csp_violations(watched, base_url) == []


@pytest.mark.parametrize("url", ["framework/purpose/", "cy/framework/purpose/"])
def test_print_shows_only_the_article(tab, base_url, url):
    tab.page.goto(base_url + url, wait_until="load")
    tab.page.emulate_media(media="print")
    for selector in (
        ".md-header",
        ".md-tabs",
        ".md-sidebar--primary",
        ".md-sidebar--secondary",
        ".md-footer",
        ".md-search",
        ".tiw-topbar",
    ):
        for i in range(tab.page.locator(selector).count()):
            assert not tab.page.locator(selector).nth(i).is_visible(), f"{url}: {selector} is printed"
    article = tab.page.locator("article.md-content__inner")
    assert article.is_visible() and article.inner_text().strip(), f"{url}: the article is not printed"
    tab.page.emulate_media(media="screen")
    assert tab.page.locator(".md-header").first.is_visible(), "the header should show on screen"
