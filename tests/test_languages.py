"""Both languages, always: every page has its counterpart, the right <html lang>, a working
language switcher, absolute hreflang alternates, and no silent English fallback in Welsh."""

from __future__ import annotations

import re
from pathlib import Path
from urllib.parse import urljoin, urlsplit

import pytest

from tests.sitepages import SITE, built_pages, source_pages
from tiw import ROOT

PAGES = built_pages()


def test_every_page_has_its_counterpart():
    en, cy = set(source_pages("en")), set(source_pages("cy"))
    assert en - cy == set(), f"English pages with no Welsh page: {sorted(en - cy)}"
    assert cy - en == set(), f"Welsh pages with no English page: {sorted(cy - en)}"
    assert len(en) >= 2


def test_both_home_pages_built_in_their_language():
    assert re.search(r'<html lang="en"', (SITE / "index.html").read_text())
    assert re.search(r'<html lang="cy"', (SITE / "cy" / "index.html").read_text())


@pytest.mark.parametrize("page", PAGES, ids=lambda p: p.url or "/")
def test_page_is_built_in_its_language(page):
    assert page.html_path.is_file(), f"{page.src} ({page.lang}) was not built at {page.html_path}"
    html = page.html
    assert re.search(rf'<html lang="{page.lang}"', html), f"{page.url}: wrong <html lang>"
    assert "tiw-fallback" not in html, (
        f"{page.url}: shows English content inside the Welsh site (a fallback). Add docs/cy/{page.src}."
    )


def _langnav(html: str) -> str:
    m = re.search(r'<nav class="tiw-langnav".*?</nav>', html, re.S)
    assert m, "no language navigation"
    return m.group(0)


@pytest.mark.parametrize("page", [p for p in PAGES if not p.url.endswith("404.html")], ids=lambda p: p.url or "/")
def test_switcher_links_to_the_counterpart(page):
    nav = _langnav(page.html)
    other = "cy" if page.lang == "en" else "en"
    endonym = {"en": "English", "cy": "Cymraeg"}
    current = re.search(r'<span class="tiw-langnav__current" lang="(\w+)" aria-current="true">([^<]+)</span>', nav)
    assert current and current.group(1) == page.lang and current.group(2) == endonym[page.lang]
    link = re.search(r'<a class="tiw-langnav__link" href="([^"]+)" lang="(\w+)" hreflang="(\w+)">([^<]+)</a>', nav)
    assert link, f"{page.url}: no link to the other language"
    href, lang, hreflang, text = link.groups()
    assert (lang, hreflang, text) == (other, other, endonym[other])
    target = urljoin("/" + page.url, href)
    expected = next(p for p in PAGES if p.lang == other and p.src == page.src)
    assert urlsplit(target).path == "/" + expected.url, f"{page.url}: switcher goes to {target}, not /{expected.url}"
    assert expected.html_path.is_file()


@pytest.mark.parametrize("page", [p for p in PAGES if not p.url.endswith("404.html")], ids=lambda p: p.url or "/")
def test_hreflang_alternates_are_absolute_with_x_default(page):
    alts = dict(re.findall(r'<link rel="alternate" hreflang="([^"]+)" href="([^"]+)">', page.html))
    assert set(alts) == {"en", "cy", "x-default"}, f"{page.url}: alternates {alts}"
    for href in alts.values():
        assert re.match(r"^https?://", href), f"{page.url}: hreflang href not absolute: {href}"
    assert alts["x-default"] == alts["en"]
    assert alts[page.lang].endswith("/" + page.url) or (page.url == "" and alts[page.lang].endswith("/"))


def test_404_page_in_each_language():
    en = (SITE / "404.html").read_text()
    cy = (SITE / "cy" / "404.html").read_text()
    assert '<html lang="en"' in en and "Page not found" in en
    assert '<html lang="cy"' in cy and "Heb ddod o hyd i'r dudalen" in cy
    for html in (en, cy):
        # served at any depth, so no relative asset links
        for url in re.findall(r'(?:href|src)="([^"#]+)"', html):
            assert re.match(r"^(/|[a-z]+:)", url), f"relative link {url!r} in a 404 page"


def test_theme_strings_complete_in_welsh():
    import material

    theme = Path(material.__file__).parent / "templates/partials/languages/en.html"
    pattern = re.compile(r'^\s*"([^"]+)":', re.M)
    keys = set(pattern.findall(theme.read_text()))
    ours = set(pattern.findall((ROOT / "overrides/partials/languages/cy.html").read_text()))
    assert len(keys) > 40
    assert keys - ours == set(), f"Welsh theme strings missing: {sorted(keys - ours)}"
