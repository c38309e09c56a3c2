"""The purged theme CSS (hooks/purge_css.py) changes nothing a reader sees.

Each page is opened twice side by side: once as built, once with the theme's own stylesheets
(main and palette, unpurged, from the installed theme) served in their place. The same steps are
taken in both (loaded, scrolled down so the theme's scripts mark the header, the contents and Back
to top, then the search open with results, or the navigation drawer open on a phone, then a link
focused from the keyboard), and after each step every element's computed style, with its ::before
and ::after, must be the same in both. A rule that PurgeCSS dropped but a page or the theme's
scripts use shows here as the element, property and the two values."""

from __future__ import annotations

from pathlib import Path

import material
import pytest

from tests.browser.test_search import RESULTS_SHOWN, shared_word

pytestmark = pytest.mark.browser

THEME_CSS = Path(material.__file__).parent / "templates" / "assets" / "stylesheets"
PAGES = ["", "cy/framework/levels/trauma-aware/", "resources/", "cy/get-help/"]

# Transitions and animations are stopped in both pages, so each step is compared at rest.
AT_REST = "*, *::before, *::after { transition: none !important; animation: none !important; }"

# Per element: its place, then a hash of every computed property of it, of its ::before and of its
# ::after (the full values are read only for an element whose hashes differ, see _differences).
STYLES = """(detail) => {
  // not custom properties: an unused one (which PurgeCSS drops) shows nowhere
  const names = Array.from(getComputedStyle(document.documentElement)).filter(n => !n.startsWith('--'));
  const hash = text => {
    let h = 2166136261;
    for (let i = 0; i < text.length; i++) h = Math.imul(h ^ text.charCodeAt(i), 16777619);
    return h >>> 0;
  };
  const styleOf = (el, pseudo) => {
    const s = getComputedStyle(el, pseudo);
    if (pseudo && s.content === 'none') return 'none';
    return names.map(n => s.getPropertyValue(n)).join('|');
  };
  const where = el => {
    const path = [];
    for (let e = el; e && e.nodeType === 1; e = e.parentElement) {
      const i = e.parentElement ? Array.prototype.indexOf.call(e.parentElement.children, e) : 0;
      const cls = typeof e.className === 'string' && e.className.trim() ? '.' + e.className.trim().split(/\\s+/).join('.') : '';
      path.unshift(e.localName + (e.id ? '#' + e.id : '') + cls + ':' + i);
    }
    return path.join(' > ');
  };
  const all = Array.from(document.querySelectorAll('body *')).filter(el => !el.closest('svg'));
  if (detail) return detail.map(i => [where(all[i]), styleOf(all[i], null), styleOf(all[i], '::before'), styleOf(all[i], '::after')]);
  return all.map(el => [el.localName, hash(styleOf(el, null)), hash(styleOf(el, '::before')), hash(styleOf(el, '::after'))]);
}"""
PROPERTY_NAMES = "() => Array.from(getComputedStyle(document.documentElement)).filter(n => !n.startsWith('--'))"


def _theme_stylesheet(route):
    name = route.request.url.rsplit("/", 1)[1].split("?")[0]
    route.fulfill(path=str(THEME_CSS / name), content_type="text/css")


def _open(browser, base_url, url, width, theirs):
    context = browser.new_context(viewport={"width": width, "height": 800}, bypass_csp=True)
    context.route(lambda u: not u.startswith(base_url), lambda route: route.abort())
    if theirs:
        context.route("**/assets/stylesheets/main.*.min.css", _theme_stylesheet)
        context.route("**/assets/stylesheets/palette.*.min.css", _theme_stylesheet)
    page = context.new_page()
    page.goto(base_url + url, wait_until="load")
    page.add_style_tag(content=AT_REST)
    page.wait_for_timeout(200)
    return context, page


def _differences(ours, theirs, names) -> list[str]:
    a, b = ours.evaluate(STYLES, None), theirs.evaluate(STYLES, None)
    if [e[0] for e in a] != [e[0] for e in b]:
        return [f"the pages differ in their elements ({len(a)} and {len(b)})"]
    differ = [i for i, (mine, its) in enumerate(zip(a, b)) if mine != its]
    if not differ:
        return []
    found = []
    for mine, its in zip(ours.evaluate(STYLES, differ[:15]), theirs.evaluate(STYLES, differ[:15])):
        for part, pseudo in ((1, ""), (2, "::before"), (3, "::after")):
            for name, x, y in zip(names, mine[part].split("|"), its[part].split("|")):
                if x != y:
                    found.append(f"{mine[0]}{pseudo} {name}: purged {x!r}, theme's {y!r}")
    return [f"{len(differ)} elements differ, the first {min(15, len(differ))}:"] + found


def _step(pages, action):
    for page in pages:
        action(page)
    for page in pages:
        page.wait_for_timeout(300)


def _search(page):
    button = page.query_selector("label.md-header__button[for=__search]")
    if button is not None and button.is_visible():
        button.click()
    else:
        page.click(".md-search__input")
    page.keyboard.type(shared_word(), delay=20)
    page.wait_for_function(RESULTS_SHOWN, timeout=15000)
    page.wait_for_timeout(800)  # the whole query's answer, not a partial one's


def _drawer(page):
    page.click("label.md-header__button[for=__drawer]")


@pytest.mark.parametrize("width", [1280, 375])
@pytest.mark.parametrize("url", PAGES)
def test_the_purged_css_looks_the_same_as_the_themes(browser, base_url, url, width):
    ctx_ours, ours = _open(browser, base_url, url, width, theirs=False)
    ctx_theirs, theirs = _open(browser, base_url, url, width, theirs=True)
    try:
        assert theirs.evaluate("() => document.styleSheets.length") == ours.evaluate("() => document.styleSheets.length")
        names = ours.evaluate(PROPERTY_NAMES)
        both = (ours, theirs)
        steps = [
            ("loaded", lambda p: None),
            ("scrolled", lambda p: p.evaluate("() => window.scrollTo(0, document.body.scrollHeight * 0.6)")),
            ("search open" if width > 600 else "drawer open", _search if width > 600 else _drawer),
            ("link focused", lambda p: (p.keyboard.press("Escape"), p.keyboard.press("Tab"), p.keyboard.press("Tab"))),
        ]
        for label, action in steps:
            _step(both, action)
            found = _differences(ours, theirs, names)
            assert not found, f"/{url} at {width}px, {label}: " + "\n".join(found[:40])
    finally:
        ctx_ours.close()
        ctx_theirs.close()
