"""WCAG 2.2 AA on every built page in both languages (axe-core in Chromium), in the light and
the dark scheme; a visible focus indicator on every element Tab reaches; reflow at 320 CSS px; the skip link first in the tab order; no third-party
requests."""

from __future__ import annotations

import pytest

from tests.browser.conftest import describe
from tests.sitepages import built_pages

PAGES = built_pages()
pytestmark = pytest.mark.browser


@pytest.mark.parametrize("page", PAGES, ids=lambda p: p.url or "/")
def test_page_is_accessible_and_self_contained(tab, base_url, page):
    response = tab.page.goto(base_url + page.url, wait_until="load")
    assert response is not None and response.ok, f"{page.url}: HTTP {response.status if response else 'none'}"
    violations = tab.axe()
    assert violations == [], f"{page.url} (light scheme):\n{describe(violations)}"

    unfocused = _tab_through(tab.page)
    assert unfocused == [], f"{page.url}: no visible focus on {unfocused}"

    # The same at a phone's width, where closed menus (the navigation drawer) must be out of the
    # tab order: every Tab stop is on screen and shows its focus.
    tab.page.set_viewport_size({"width": 375, "height": 800})
    tab.page.emulate_media(color_scheme="light", reduced_motion="reduce")  # measure where things end up, not mid-slide
    tab.page.goto(base_url + page.url, wait_until="load")
    unfocused = _tab_through(tab.page, on_screen=True)
    assert unfocused == [], f"{page.url} at 375px: focus not visible (or off screen) on {unfocused}"
    tab.page.set_viewport_size({"width": 1280, "height": 900})

    tab.page.emulate_media(color_scheme="dark")
    tab.page.evaluate("""() => { const p = document.body; p.setAttribute('data-md-color-scheme', 'slate'); }""")
    tab.page.wait_for_timeout(400)  # the theme fades colours for 250 ms: measure the end state
    violations = tab.axe()
    assert violations == [], f"{page.url} (dark scheme):\n{describe(violations)}"

    tab.page.set_viewport_size({"width": 320, "height": 640})
    overflow = tab.page.evaluate("() => document.documentElement.scrollWidth - document.documentElement.clientWidth")
    assert overflow <= 0, f"{page.url}: scrolls sideways by {overflow}px at 320px width"

    assert tab.foreign_requests() == [], f"{page.url}: requests to other hosts: {tab.foreign_requests()}"
    assert tab.errors == [], f"{page.url}: requests that failed: {tab.errors}"


_FOCUS_STATE = """() => {
    const e = document.activeElement;
    window.__tiwSeen = window.__tiwSeen || new Set();
    if (!e || e === document.body || window.__tiwSeen.has(e)) return null;
    window.__tiwSeen.add(e);
    const s = getComputedStyle(e);
    const ring = (s.outlineStyle !== 'none' && parseFloat(s.outlineWidth) >= 2) || s.boxShadow !== 'none';
    return ring ? '' : e.outerHTML.slice(0, 120);
}"""


# Is the focused element on screen? A visually hidden input that draws its focus on the label
# after it (the theme's colour scheme switch) is judged by that label.
_ON_SCREEN = """() => {
    let e = document.activeElement;
    if (e.matches('input.md-option') && e.nextElementSibling) e = e.nextElementSibling;
    const b = e.getBoundingClientRect();
    const s = getComputedStyle(e);
    const shown = b.width > 0 && b.height > 0 && b.right > 0 && b.bottom > 0 && b.left < innerWidth && b.top < innerHeight
        && s.visibility !== 'hidden' && parseFloat(s.opacity) > 0;
    return shown ? '' : 'off screen: ' + e.outerHTML.slice(0, 100);
}"""


def _tab_through(page, limit=250, on_screen=False) -> list[str]:
    """Press Tab through the whole page; return the elements that showed no focus indicator (and,
    with on_screen, those focused outside the visible window)."""
    missing = []
    for _ in range(limit):
        page.keyboard.press("Tab")
        state = page.evaluate(_FOCUS_STATE)
        if state is None:
            break
        if state:
            missing.append(state)
        if on_screen:
            where = page.evaluate(_ON_SCREEN)
            if where:
                missing.append(where)
    return missing


@pytest.mark.parametrize("url", ["", "cy/framework/levels/specialist/"])
def test_open_drawer_is_in_the_tab_order_at_phone_width(tab, base_url, url):
    """Out of the tab order while closed, but reachable once opened (and its sub-menus too)."""
    page = tab.page
    page.set_viewport_size({"width": 375, "height": 800})
    page.goto(base_url + url, wait_until="load")
    nav_links = "() => Array.from(document.querySelectorAll('.md-sidebar--primary a')).filter(a => getComputedStyle(a).visibility === 'visible').length"
    assert page.evaluate(nav_links) == 0, "links of the closed drawer can be reached"
    page.locator(".md-header label[for=__drawer]").click()
    page.wait_for_timeout(400)
    assert page.evaluate(nav_links) > 3, "the open drawer's links cannot be reached"
    page.locator(".md-sidebar--primary a.md-nav__link").first.focus()
    assert page.evaluate(_ON_SCREEN) == ""


@pytest.mark.parametrize("url", ["", "cy/"])
def test_first_tab_reaches_skip_link(tab, base_url, url):
    tab.page.goto(base_url + url)
    tab.page.keyboard.press("Tab")
    focused = tab.page.evaluate("""() => { const a = document.activeElement; const h = a.getAttribute('href') || '';
        return [a.className, h, h.startsWith('#') && !!document.getElementById(decodeURIComponent(h.slice(1)))]; }""")
    assert "md-skip" in focused[0], f"first Tab went to {focused}"
    assert focused[2], f"the skip link's target {focused[1]} is not on the page"


@pytest.mark.parametrize("url", ["", "cy/"])
def test_focus_is_visible(tab, base_url, url):
    """Every interactive element reached by Tab shows a focus indicator (outline or ring)."""
    tab.page.goto(base_url + url)
    seen = 0
    for _ in range(25):
        tab.page.keyboard.press("Tab")
        style = tab.page.evaluate("""() => { const e = document.activeElement; if (!e || e === document.body) return null;
            const s = getComputedStyle(e); return [e.tagName, s.outlineStyle, s.outlineWidth, s.boxShadow]; }""")
        if style is None:
            continue
        tag, outline_style, outline_width, shadow = style
        seen += 1
        assert (outline_style != "none" and outline_width != "0px") or shadow != "none", f"no visible focus on {tag}"
    assert seen >= 5


@pytest.mark.parametrize("url", ["", "cy/"])
def test_reduced_motion_turns_animation_off(browser, base_url, url):
    context = browser.new_context(reduced_motion="reduce")
    page = context.new_page()
    page.goto(base_url + url)
    durations = page.evaluate("""() => Array.from(document.querySelectorAll('*')).map(e => getComputedStyle(e))
        .map(s => [s.transitionDuration, s.animationDuration]).flat()
        .map(d => Math.max(...d.split(',').map(x => parseFloat(x) * (x.trim().endsWith('ms') ? 0.001 : 1)))) """)
    context.close()
    assert max(durations) <= 0.001
