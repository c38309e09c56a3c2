"""WCAG 2 AA under a second engine: HTML_CodeSniffer (WCAG2AA standard). It runs on every built page
in both languages beside axe-core, in the one visit per page of test_accessibility.py; the two
engines catch different faults (this one found forms without a submit button and an unlabelled
checkbox that axe passed). Here: the engine itself reports a planted fault, and the markup fix it
asked for (a submit button on the search form) works."""

from __future__ import annotations

import pytest

from tiw.data.site import load_site_data

pytestmark = pytest.mark.browser


def describe_htmlcs(errors: list[dict]) -> str:
    return "\n".join(f"{e['code']}: {e['message']}\n    {e['element']}" for e in errors)


def test_html_codesniffer_finds_a_planted_fault(tab, base_url):
    """The engine runs and reports: a form without a submit button and an unlabelled checkbox
    (the two kinds it found on the theme's markup) are errors."""
    tab.page.goto(base_url, wait_until="load")
    tab.page.evaluate("""() => document.querySelector('article').insertAdjacentHTML('beforeend',
        '<form><input type="checkbox" id="tiw-planted"></form>')""")
    codes = [e["code"] for e in tab.htmlcs()]
    assert any(c.endswith(".H32.2") for c in codes) and any(c.endswith(".F68") for c in codes), codes


@pytest.mark.parametrize("url, query", [("", "trauma"), ("cy/", "trawma")])
def test_the_search_submit_button_opens_a_result(tab, base_url, url, query):
    """The submit button added to the search form (H32.2) does what Enter does: it opens the best
    result of the first page found."""
    from tests.browser.test_search import type_query

    tab.page.goto(base_url + url)
    tab.page.click(".md-search__input")
    type_query(tab, query)
    hrefs = tab.page.eval_on_selector_all(".md-search-result__list > :first-child [href]", "els => els.map(a => a.href)")
    assert hrefs, "no result"
    button = tab.page.locator(".md-search__form button[type=submit]")
    assert button.get_attribute("aria-label") == load_site_data().ui["search_submit"]["cy" if url else "en"]
    button.click()
    tab.page.wait_for_url(lambda u: u in hrefs, timeout=10000)
