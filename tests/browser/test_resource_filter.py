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
    return set(
        tab.page.eval_on_selector_all(
            "#tiw-resource-list > [data-resource]",
            "els => els.filter(e => !e.hidden && e.offsetParent !== null).map(e => e.dataset.resource)",
        )
    )


def query(tab) -> dict[str, list[str]]:
    return parse_qs(urlsplit(tab.page.url).query)


def status_text(tab) -> str:
    return tab.page.inner_text(STATUS).strip()


def wait_status(tab, fragment: str):
    tab.page.wait_for_function(
        "([sel, f]) => document.querySelector(sel).textContent.includes(f)", arg=[STATUS, fragment], timeout=3000
    )


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
    expected = {
        rid for rid in tagged("settings", "health") & tagged("format", "web-page") if "cy" in catalogue()[rid]["languages"]
    }
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


@pytest.mark.parametrize(
    "url", ["resources/?level=specialist&audience=practitioners&text=guideline", "cy/resources/?setting=education&language=en"]
)
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


@pytest.mark.parametrize("url, width", [("cy/resources/?level=specialist", 375), ("resources/", 1280)])
def test_without_javascript_the_whole_list_folded_and_no_dead_form(browser, base_url, url, width):
    # the full list is one summary away (issue 15: it made the page about 20,000 px on a phone)
    context = browser.new_context(java_script_enabled=False, viewport={"width": width, "height": 800})
    try:
        page = context.new_page()
        page.goto(base_url + url)
        assert not page.is_visible("form.tiw-filter")
        shown = "els => els.filter(e => e.checkVisibility()).map(e => e.dataset.resource)"
        assert page.eval_on_selector_all("#tiw-resource-list > [data-resource]", shown) == []
        height = page.evaluate("document.documentElement.scrollHeight")
        assert height < 6000, f"/{url} is {height} px long at {width} px without JavaScript"
        summary = page.locator("[data-tiw-resource-all] > summary")
        assert str(len(catalogue())) in summary.inner_text()
        summary.focus()
        page.keyboard.press("Enter")
        assert set(page.eval_on_selector_all("#tiw-resource-list > [data-resource]", shown)) == set(catalogue())
    finally:
        context.close()


def _welsh_title_words() -> list[tuple[str, str]]:
    """(radical word, its soft mutation) for Welsh title words starting with p, t or c, 5+ letters."""
    import re

    soft = {"p": "b", "t": "d", "c": "g"}
    out = set()
    for r in catalogue().values():
        for w in re.findall(r"\w+", r["title"]["cy"].lower()):
            if len(w) >= 5 and w[0] in soft and w[:2] not in ("ph", "th", "ch"):
                out.add((w, soft[w[0]] + w[1:]))
    return sorted(out)


@pytest.mark.parametrize("width", [375, 1280])
def test_welsh_filter_text_folds_mutations_like_the_search(tab, base_url, width):
    tab.page.set_viewport_size({"width": width, "height": 800})
    words = _welsh_title_words()
    assert words, "no Welsh title word starts with p, t or c"
    radical, mutated = words[0]
    tab.page.goto(base_url + "cy/resources/?text=" + radical)
    with_radical = visible(tab)
    assert with_radical
    tab.page.goto(base_url + "cy/resources/?text=" + mutated)
    tab.page.wait_for_function(
        "n => [...document.querySelectorAll('#tiw-resource-list > [data-resource]')].filter(e => !e.hidden).length >= n",
        arg=len(with_radical),
        timeout=5000,
    )
    assert visible(tab) >= with_radical, f"{mutated!r} shows {sorted(visible(tab))}, {radical!r} shows {sorted(with_radical)}"
    assert tab.page.input_value("#tiw-filter-q") == mutated
