"""The resource filter in a real browser: it narrows the list, keeps its state in the URL, restores
from a URL, Back restores the previous state, the polite live region announces the count, it works
from the keyboard, and axe is clean with a filter applied. Expected results are computed from
resources/*.yml, not from the page."""
from __future__ import annotations

from urllib.parse import parse_qs, urlsplit

import pytest

from tests.browser.conftest import describe
from tests.resourcepages import catalogue, tagged

pytestmark = pytest.mark.browser
STATUS = "#tiw-resource-filter-status"


def visible(tab) -> set[str]:
    return set(tab.page.eval_on_selector_all(
        "#tiw-resource-list > [data-resource]",
        "els => els.filter(e => !e.hidden && e.offsetParent !== null).map(e => e.dataset.resource)"))


def query(tab) -> dict[str, list[str]]:
    return parse_qs(urlsplit(tab.page.url).query)


def status_text(tab) -> str:
    return tab.page.inner_text(STATUS).strip()


def wait_status(tab, fragment: str):
    tab.page.wait_for_function("([sel, f]) => document.querySelector(sel).textContent.includes(f)", arg=[STATUS, fragment],
                               timeout=3000)


def test_filter_narrows_updates_url_announces_and_back_restores(tab, base_url):
    page = tab.page
    errors = []
    page.on("pageerror", lambda e: errors.append(str(e)))
    page.goto(base_url + "resources/")
    total = len(catalogue())
    assert visible(tab) == set(catalogue())
    assert page.get_attribute(STATUS, "role") == "status" and page.get_attribute(STATUS, "aria-live") == "polite"
    assert status_text(tab) == f"Showing all {total} resources."

    # Keyboard only: focus the search box, Tab to the first level box, Space ticks it.
    page.focus("#tiw-filter-q")
    page.keyboard.press("Tab")
    assert page.evaluate("document.activeElement.id") == "tiw-filter-level-trauma-aware"
    page.keyboard.press("Space")
    aware = tagged("levels", "trauma-aware")
    assert visible(tab) == aware
    assert query(tab) == {"level": ["trauma-aware"]}
    wait_status(tab, f"Showing {len(aware)} of {total} resources.")

    # A second group combines with the first (both must match).
    page.click("summary")
    page.check("#tiw-filter-audience-children")
    both = aware & tagged("audiences", "children")
    assert both and both != aware
    assert visible(tab) == both
    assert query(tab) == {"level": ["trauma-aware"], "audience": ["children"]}
    wait_status(tab, f"Showing {len(both)} of {total} resources.")

    # Free text narrows instantly; the announcement follows when typing pauses.
    page.uncheck("#tiw-filter-audience-children")
    page.uncheck("#tiw-filter-level-trauma-aware")
    page.fill("#tiw-filter-q", "nice ng116")
    assert visible(tab) == {"nice-ng116"}
    assert query(tab) == {"text": ["nice ng116"]}
    wait_status(tab, f"Showing 1 of {total} resources.")

    page.fill("#tiw-filter-q", "zzzz-no-such-resource")
    assert visible(tab) == set()
    wait_status(tab, "No resources match")

    # Back: each box change was a history entry; the typing was one entry, updated in place.
    page.go_back()
    page.wait_for_function("() => !location.search.includes('text=')")
    assert query(tab) == {}
    assert visible(tab) == set(catalogue())
    page.go_back()
    page.wait_for_function("() => location.search === '?level=trauma-aware'")
    assert page.is_checked("#tiw-filter-level-trauma-aware")
    assert not page.is_checked("#tiw-filter-audience-children")
    assert page.input_value("#tiw-filter-q") == ""
    assert visible(tab) == aware
    wait_status(tab, f"Showing {len(aware)} of {total} resources.")
    page.go_back()
    page.wait_for_function("() => location.search.includes('audience=children')")
    assert visible(tab) == both
    assert errors == []


def test_filter_restores_from_the_url_in_welsh(tab, base_url):
    page = tab.page
    page.goto(base_url + "cy/resources/?setting=health&language=cy&format=web-page")
    expected = {rid for rid in tagged("settings", "health") & tagged("format", "web-page")
                if "cy" in catalogue()[rid]["languages"]}
    assert expected
    assert visible(tab) == expected
    assert page.is_checked("#tiw-filter-setting-health")
    assert page.input_value("#tiw-filter-language") == "cy"
    assert page.input_value("#tiw-filter-format") == "web-page"
    assert page.evaluate("document.querySelector('.tiw-filter__more').open") is True
    assert status_text(tab) == f"Yn dangos {len(expected)} o'r {len(catalogue())} adnodd."
    # The theme's own search box is left alone (it claims ?q=, which the filter does not use).
    assert page.input_value("input.md-search__input") == ""

    page.click("[data-filter-clear]")
    assert visible(tab) == set(catalogue())
    assert query(tab) == {}
    wait_status(tab, f"Yn dangos pob un o'r {len(catalogue())} adnodd.")


@pytest.mark.parametrize("url", ["resources/?level=specialist&audience=practitioners&text=guideline",
                                 "cy/resources/?setting=education&language=en"])
def test_axe_is_clean_with_a_filter_applied(tab, base_url, url):
    tab.page.goto(base_url + url)
    assert tab.page.is_visible("form.tiw-filter")
    violations = tab.axe()
    assert violations == [], f"{url} (light):\n{describe(violations)}"
    # Reduced motion first: the theme's buttons fade between colours, and axe must not measure
    # a colour half-way through that transition.
    tab.page.emulate_media(color_scheme="dark", reduced_motion="reduce")
    tab.page.evaluate("() => document.body.setAttribute('data-md-color-scheme', 'slate')")
    tab.page.wait_for_timeout(50)
    violations = tab.axe()
    assert violations == [], f"{url} (dark):\n{describe(violations)}"
    assert tab.foreign_requests() == []


def test_filter_script_leaves_other_pages_alone(tab, base_url):
    errors = []
    tab.page.on("pageerror", lambda e: errors.append(str(e)))
    tab.page.goto(base_url + "resources/specialist/?level=trauma-aware")
    listed = tab.page.eval_on_selector_all("[data-resource]", "els => els.filter(e => !e.hidden).map(e => e.dataset.resource)")
    assert set(listed) == tagged("levels", "specialist")
    assert errors == []


def test_without_javascript_the_whole_list_and_no_dead_form(browser, base_url):
    context = browser.new_context(java_script_enabled=False)
    try:
        page = context.new_page()
        page.goto(base_url + "cy/resources/?level=specialist")
        assert not page.is_visible("form.tiw-filter")
        shown = page.eval_on_selector_all("#tiw-resource-list > [data-resource]",
                                          "els => els.filter(e => e.offsetParent !== null).map(e => e.dataset.resource)")
        assert set(shown) == set(catalogue())
    finally:
        context.close()
