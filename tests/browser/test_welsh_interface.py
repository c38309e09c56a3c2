"""Every string a Welsh reader meets is Welsh, not only the body text: the page title, accessible
names (aria-label), tooltips (title), placeholders, image text alternatives, button and label
text of the theme, and the search box's messages. They are collected in Chromium, after the
theme's scripts have set theirs, from every built Welsh page (in the one visit per page of
test_accessibility.py, which calls not_welsh below), and passed through the Welsh spelling check and the English-leftover check (tiw/translation/spelling.py). Text marked lang="en" (the link
to the English site, English titles) is English on purpose and is left out."""

from __future__ import annotations

import functools
import html

import pytest

from tests.browser.test_search import RESULTS_SHOWN
from tiw.translation import spelling

pytestmark = pytest.mark.browser

# The strings of one page: from attributes and from the controls' own text, each with where it
# was found. An element inside lang="en" (or another non-Welsh language) is skipped.
COLLECT = """() => {
  const welsh = e => { const l = e.closest('[lang]'); return !l || l.getAttribute('lang').toLowerCase().startsWith('cy'); };
  const out = [['title', document.title]];
  for (const a of ['aria-label', 'title', 'placeholder', 'alt', 'aria-description', 'data-md-state']) {
    for (const e of document.querySelectorAll('[' + a + ']')) {
      if (e.tagName === 'HTML' || e.tagName === 'LINK' || e.tagName === 'META' || !welsh(e)) continue;
      out.push([e.tagName.toLowerCase() + '@' + a, e.getAttribute(a)]);
    }
  }
  for (const e of document.querySelectorAll('button, label, summary, .md-search-result__meta, .md-header__topic, .md-footer__direction, .md-skip')) {
    if (!welsh(e)) continue;
    out.push([e.tagName.toLowerCase() + ' text', e.textContent]);
  }
  return out.map(([w, t]) => [w, (t || '').replace(/\\s+/g, ' ').trim()]).filter(([w, t]) => t);
}"""


def _search_messages(page, base_url) -> list[tuple[str, str]]:
    """The search box's messages, in the states a reader sees (before typing, results, no result),
    and every string the theme's script can show (its translations in the page's #__config)."""
    page.goto(base_url + "cy/", wait_until="load")
    found = [("search before typing", page.inner_text(".md-search-result__meta"))]
    found += [
        (f"theme script string {key}", value)
        for key, value in page.evaluate("() => JSON.parse(document.getElementById('__config').textContent).translations").items()
    ]
    for query in ("trawma", "zzqxy"):
        page.goto(base_url + "cy/", wait_until="load")
        page.click(".md-search__input")
        page.keyboard.type(query, delay=20)
        page.wait_for_function(RESULTS_SHOWN, timeout=15000)
        found.append((f"search message for '{query}'", page.inner_text(".md-search-result__meta")))
        found += [(f"search open: {w}", t) for w, t in page.evaluate(COLLECT)]
    return found


@functools.cache
def _checker() -> spelling.Checker:
    return spelling.Checker()  # reads the word list once per worker


def not_welsh(strings: dict[str, set[str]]) -> list[str]:
    """The strings with a word the Welsh checks reject, or that read as English."""
    checker = _checker()
    pages = {text: f'<html lang="cy"><body><article><p>{html.escape(text)}</p></article></body></html>' for text in strings}
    problems = []
    for report in checker.check(pages):
        if report.unknown or report.english:
            where = "; ".join(sorted(strings[report.name])[:3])
            problems.append(
                f'"{report.name}" ({where}): '
                + (f"English: {report.english}" if report.english else "not Welsh: " + ", ".join(sorted(report.unknown)))
            )
    return problems


def test_the_search_boxs_messages_on_welsh_pages_are_welsh(tab, base_url):
    """The strings of every Welsh page are checked in the one visit per page of
    test_accessibility.py; here, those the search box shows only once used."""
    strings: dict[str, set[str]] = {}
    for where, text in _search_messages(tab.page, base_url):
        strings.setdefault(text.strip(), set()).add(where)
    assert len(strings) > 20, f"too few strings collected: {sorted(strings)}"
    problems = not_welsh(strings)
    assert problems == [], (
        f"{len(problems)} strings of the Welsh search box are not Welsh (translate them in "
        "data/ui.yml or overrides/partials/languages/cy.html; add a correct word the "
        "dictionary lacks to translation/wordlist-cy.txt):\n" + "\n".join(problems)
    )


def test_an_english_interface_string_is_caught():
    problems = not_welsh(
        {"Switch to dark mode": {"planted"}, "Newid i'r modd tywyll": {"planted"}, "# dogfennau sy'n cyfateb": {"planted"}}
    )
    assert len(problems) == 1 and problems[0].startswith('"Switch to dark mode"'), problems
