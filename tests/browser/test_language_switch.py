"""The language switcher keeps the reader's place: the query string (a resource filter) and the
#fragment, including a heading whose id differs between the languages (found by its place among
the article's headings). Pages and headings are read from the built site, not hard-coded."""

from __future__ import annotations

import functools
import re
from urllib.parse import parse_qs, urlsplit

import pytest

from tests.sitepages import SITE

pytestmark = pytest.mark.browser
HEADING_ID = re.compile(r'<h[1-6][^>]*\bid="([^"]+)"')


def _article_heading_ids(path: str) -> list[str]:
    html = (SITE / path / "index.html").read_text(encoding="utf-8")
    article = re.search(r"<article[^>]*>(.*)</article>", html, re.S)
    return HEADING_ID.findall(article.group(1) if article else "")


@functools.cache
def translated_heading() -> tuple[str, str, str]:
    """(page path, English id, Welsh id): a heading at the same place on both pages whose ids
    differ, on a page whose headings line up (the same number in both languages)."""
    for index in sorted(SITE.glob("**/index.html")):
        path = index.parent.relative_to(SITE).as_posix()
        if path == "." or path.startswith("cy") or not (SITE / "cy" / path / "index.html").is_file():
            continue
        en, cy = _article_heading_ids(path), _article_heading_ids("cy/" + path)
        if len(en) == len(cy):
            for a, b in zip(en, cy):
                if a != b and b not in en:
                    return path + "/", a, b
    pytest.fail("no page has a heading whose id differs between the languages")


@pytest.mark.parametrize("width", [375, 1280])
def test_switch_keeps_the_filter_query_and_fragment(tab, base_url, width):
    tab.page.set_viewport_size({"width": width, "height": 800})
    tab.page.goto(base_url + "resources/?level=specialist&text=trauma#tiw-resource-list")
    with tab.page.expect_navigation():
        tab.page.click(".tiw-langnav__link")
    url = urlsplit(tab.page.url)
    assert url.path == "/cy/resources/"
    assert parse_qs(url.query) == {"level": ["specialist"], "text": ["trauma"]}
    assert url.fragment == "tiw-resource-list"
    assert tab.page.is_checked("#tiw-filter-level-specialist")


@pytest.mark.parametrize("start, width", [("en", 375), ("cy", 1280)])
def test_switch_finds_a_translated_heading_by_its_place(tab, base_url, start, width):
    path, en_id, cy_id = translated_heading()
    here, there = (("", en_id), ("cy/", cy_id)) if start == "en" else (("cy/", cy_id), ("", en_id))
    tab.page.set_viewport_size({"width": width, "height": 800})
    tab.page.goto(f"{base_url}{here[0]}{path}#{here[1]}")
    with tab.page.expect_navigation():
        tab.page.click(".tiw-langnav__link")
    tab.page.wait_for_function("id => location.hash === '#' + id", arg=there[1], timeout=5000)
    assert urlsplit(tab.page.url).path == f"/{there[0]}{path}"
    top = tab.page.evaluate("id => document.getElementById(id).getBoundingClientRect().top", there[1])
    assert 0 <= top < 400, f"the heading #{there[1]} is at {top} px, not in view"


def test_switch_leaves_the_search_words_behind(tab, base_url):
    tab.page.goto(base_url + "framework/glossary/?h=trauma")
    with tab.page.expect_navigation():
        tab.page.click(".tiw-langnav__link")
    assert "h" not in parse_qs(urlsplit(tab.page.url).query)
