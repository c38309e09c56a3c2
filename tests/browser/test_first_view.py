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


# A tool is a script and a stylesheet of one name (overrides/main.html), both loaded by its page's
# front matter (page_scripts), on its page alone.
TOOL_PAGES = {"resources/": "resource-filter", "for-you/organisations/": "action-plan", "cy/for-you/which-level/": "which-level"}


@pytest.mark.parametrize("url", ["", "cy/framework/purpose/", *TOOL_PAGES])
def test_a_tool_loads_its_script_and_stylesheet_on_its_page_alone(tab, base_url, url):
    tab.page.goto(base_url + url, wait_until="load")
    tool_assets = {
        u.rsplit("/", 1)[1]
        for u in tab.requests
        if "/assets/stylesheets/tools/" in u or any(u.endswith(f"/assets/javascripts/{name}.js") for name in TOOL_PAGES.values())
    }
    tool = TOOL_PAGES.get(url)
    assert tool_assets == ({f"{tool}.js", f"{tool}.css"} if tool else set())
    assert not tab.errors
