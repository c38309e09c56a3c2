"""Every built page in both languages, in one visit each: WCAG 2.2 AA under axe-core in the light
and the dark scheme at desktop width and again at a phone's width, and under HTML_CodeSniffer (WCAG2AA); a visible focus indicator on every element
Tab reaches, at desktop width and at a phone's width (where every Tab stop must also be on screen);
reflow at 320 CSS px; on Welsh pages, every interface string a reader meets is Welsh; no
third-party or failed request. Then the skip link, the phone drawer's tab order and reduced motion.

One visit per page, not one per check: loading, injecting the engines and a fresh context cost more
than most checks do, and the page's state between checks is what a reader would have too."""

from __future__ import annotations

import pytest

from tests.browser.conftest import describe
from tests.browser.test_htmlcs import describe_htmlcs
from tests.browser.test_welsh_interface import COLLECT, not_welsh
from tests.sitepages import built_pages

PAGES = built_pages()
pytestmark = pytest.mark.browser

# The palette toggle's name, which the theme sets by script: collected on every Welsh page.
WELSH_TOGGLE = "Newid i'r modd tywyll"


@pytest.mark.parametrize("page", PAGES, ids=lambda p: p.url or "/")
def test_page_is_accessible_and_self_contained(tab, base_url, page):
    response = tab.page.goto(base_url + page.url, wait_until="load")
    assert response is not None and response.ok, f"{page.url}: HTTP {response.status if response else 'none'}"
    violations = tab.axe()
    assert violations == [], f"{page.url} (light scheme):\n{describe(violations)}"
    errors = tab.htmlcs()
    assert errors == [], f"{page.url}: HTML_CodeSniffer (WCAG2AA) errors:\n{describe_htmlcs(errors)}"

    if page.lang == "cy":
        strings = {text: {f"{page.url} {where}"} for where, text in tab.page.evaluate(COLLECT)}
        assert len(strings) >= 10 and WELSH_TOGGLE in strings, f"{page.url}: too few strings collected: {sorted(strings)}"
        problems = not_welsh(strings)
        assert problems == [], (
            f"{page.url}: {len(problems)} interface strings are not Welsh (translate them in data/ui.yml or "
            "overrides/partials/languages/cy.html; add a correct word the dictionary lacks to "
            "translation/wordlist-cy.txt):\n" + "\n".join(problems)
        )

    unfocused = tab_through(tab.page)
    assert unfocused == [], f"{page.url}: no visible focus on {unfocused}"

    # The dark scheme, as the palette toggle sets it. Reduced motion skips the theme's 250 ms colour
    # fade (tested below), so axe measures the end state without waiting for it.
    tab.page.emulate_media(color_scheme="dark", reduced_motion="reduce")
    tab.page.evaluate("""() => { document.body.setAttribute('data-md-color-scheme', 'slate'); }""")
    violations = tab.axe()
    assert violations == [], f"{page.url} (dark scheme):\n{describe(violations)}"

    tab.page.set_viewport_size({"width": 320, "height": 640})
    overflow = tab.page.evaluate("() => document.documentElement.scrollWidth - document.documentElement.clientWidth")
    assert overflow <= 0, f"{page.url}: scrolls sideways by {overflow}px at 320px width"

    # The same at a phone's width, where closed menus (the navigation drawer) must be out of the
    # tab order: every Tab stop is on screen and shows its focus.
    tab.page.set_viewport_size({"width": 375, "height": 800})
    tab.page.emulate_media(color_scheme="light", reduced_motion="reduce")  # measure where things end up, not mid-slide
    tab.page.goto(base_url + page.url, wait_until="load")
    # axe at the phone's width too: the layout changes there (stacked footer links, the drawer's
    # header, wrapped tables), and with it target sizes, spacing and what overlaps what.
    violations = tab.axe()
    assert violations == [], f"{page.url} (375px):\n{describe(violations)}"
    unfocused = tab_through(tab.page, on_screen=True)
    assert unfocused == [], f"{page.url} at 375px: focus not visible (or off screen) on {unfocused}"

    assert tab.foreign_requests() == [], f"{page.url}: requests to other hosts: {tab.foreign_requests()}"
    assert tab.errors == [], f"{page.url}: requests that failed: {tab.errors}"


# Judges each Tab stop in the page itself, so a stop costs one key press and no round trip: the
# element that has focus is judged when the next Tab goes down (the browser has scrolled it into
# view by then), and the last one when the walk ends. A stop already seen, or focus leaving the
# document, ends the walk.
_FOCUS_WALK = """onScreen => {
    const walk = { seen: new Set(), missing: [], offScreen: [], current: null, done: false };
    const judge = () => {
        let e = walk.current;
        walk.current = null;
        if (!e || e !== document.activeElement) return;
        walk.current_focus = e;
        const s = getComputedStyle(e);
        const ring = (s.outlineStyle !== 'none' && parseFloat(s.outlineWidth) >= 2) || s.boxShadow !== 'none';
        if (!ring) walk.missing.push(e.outerHTML.slice(0, 120));
        if (!onScreen) return;
        // A visually hidden input that draws its focus on the label after it (the theme's colour
        // scheme switch) is judged by that label.
        if (e.matches('input.md-option') && e.nextElementSibling) e = e.nextElementSibling;
        if (!walk.shown(e)) walk.offScreen.push([walk.current_focus, e]);
    };
    walk.shown = e => {
        const b = e.getBoundingClientRect();
        const t = getComputedStyle(e);
        return b.width > 0 && b.height > 0 && b.right > 0 && b.bottom > 0 && b.left < innerWidth && b.top < innerHeight
            && t.visibility !== 'hidden' && parseFloat(t.opacity) > 0;
    };
    // Once the walk is over, the rest of a batch of presses moves focus no further (it would open
    // the search box, say, and change the page the later checks see).
    document.addEventListener('keydown', ev => {
        if (ev.key !== 'Tab') return;
        if (walk.done) ev.preventDefault(); else judge();
    }, true);
    document.addEventListener('focusin', ev => {
        if (walk.done) return;
        if (walk.seen.has(ev.target)) { walk.done = true; return; }
        walk.seen.add(ev.target);
        walk.current = ev.target;
    }, true);
    walk.judge = judge;
    window.__tiwWalk = walk;
}"""

# The walk is over when a stop comes round again, or focus has left the page's elements.
_WALK_DONE = "() => window.__tiwWalk.done || (window.__tiwWalk.seen.size > 0 && document.activeElement === document.body)"


_WALK_END = """async () => {
    const w = window.__tiwWalk;
    w.judge();
    w.done = true;
    const frame = () => new Promise(r => requestAnimationFrame(() => requestAnimationFrame(r)));
    for (const [focused, judged] of w.offScreen) {
        focused.focus();
        await frame();
        if (!w.shown(judged)) w.missing.push('off screen: ' + judged.outerHTML.slice(0, 100));
    }
    // The walk may end with focus on the skip link, which then covers the links under it: the
    // checks after the walk see the page at rest, as a reader who has not pressed Tab.
    document.activeElement?.blur();
    return w.missing;
}"""


def tab_through(page, limit=500, on_screen=False, batch=10) -> list[str]:
    """Press Tab through the whole page; return the elements that showed no focus indicator (and,
    with on_screen, those focused outside the visible window), and a problem if the walk had not
    come round after `limit` stops."""
    page.evaluate(_FOCUS_WALK, on_screen)
    pressed, done = 0, False
    while pressed < limit and not done:
        for _ in range(min(batch, limit - pressed)):
            page.keyboard.press("Tab")
        pressed += batch
        done = page.evaluate(_WALK_DONE)
    # The last stop has had no next Tab to judge it. A stop found off screen is judged once more after
    # two frames, focused again: a page still settling (a scroll handler moving things) under a busy
    # machine is not a fault, but a link in a closed drawer stays off screen however long it waits.
    missing = page.evaluate(_WALK_END)
    # The longest page (a resource listing) has 386 stops: a page past the limit is not walked
    # to its end, and says so, rather than passing on the stops it reached.
    if not done:
        missing.append(f"Tab did not come back round within {limit} stops: the rest of the page was not walked")
    return missing


# Is the focused element on screen? (For a single focus, as the drawer test below needs.)
_ON_SCREEN = """() => {
    let e = document.activeElement;
    if (e.matches('input.md-option') && e.nextElementSibling) e = e.nextElementSibling;
    const b = e.getBoundingClientRect();
    const s = getComputedStyle(e);
    const shown = b.width > 0 && b.height > 0 && b.right > 0 && b.bottom > 0 && b.left < innerWidth && b.top < innerHeight
        && s.visibility !== 'hidden' && parseFloat(s.opacity) > 0;
    return shown ? '' : 'off screen: ' + e.outerHTML.slice(0, 100);
}"""


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
