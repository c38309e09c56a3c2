"""What a first view costs: the search index waits until the reader goes to the search box, and
the theme's sitemap lookups beside hreflang links are never sent."""

from __future__ import annotations

import pytest

pytestmark = pytest.mark.browser


@pytest.mark.parametrize("url", ["", "cy/framework/purpose/"])
def test_search_index_loads_only_when_wanted(tab, base_url, url):
    tab.page.goto(base_url + url, wait_until="load")
    tab.page.wait_for_timeout(500)
    assert not [u for u in tab.requests if "search_index.json" in u], "the index loaded on first view"
    assert not [u for u in tab.requests if u.endswith("sitemap.xml")], "sitemap lookups were sent"
    assert not [u for u in tab.requests if "/workers/" in u], "the search worker started on first view"
    with tab.page.expect_response(lambda r: "search_index.json" in r.url and r.ok):
        tab.page.focus(".md-search__input")
    lang_index = "cy/search/search_index.json" if url.startswith("cy/") else "/search/search_index.json"
    assert any(u.endswith(lang_index) for u in tab.requests)
    assert any("/workers/" in u for u in tab.requests), "the search worker did not start"


@pytest.mark.parametrize("url", ["framework/purpose/?h=trauma", "cy/framework/purpose/?h=drawma"])
def test_arriving_from_a_result_marks_the_words_without_the_index(tab, base_url, url):
    # search-landing.js marks the words itself (with the Welsh rules on a Welsh page): the index,
    # the largest file a page could load, is not needed for that
    tab.page.goto(base_url + url, wait_until="load")
    tab.page.wait_for_selector("article mark.tiw-hit", timeout=5000)
    tab.page.wait_for_timeout(300)
    assert not [u for u in tab.requests if "search_index.json" in u], "the index loaded for ?h="
    assert not [u for u in tab.requests if "/workers/" in u], "the search worker started for ?h="
