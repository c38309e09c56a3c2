"""Issue 4's tools in a real browser (Debian's Chromium):
- "Exit this page" leaves the site on click and on Shift pressed three times, replacing the page in
  history, and is a plain link without JavaScript (the exit site is stubbed: nothing leaves the machine);
- the action plan tool sends nothing anywhere while a plan is typed, saved, reloaded, printed and
  exported, and its CSV (English and Welsh) has the template's header row and the typed text;
- "Which practice level fits my role?" gives the levels each set of answers points to, with the
  reasoning, and is a readable decision list without JavaScript;
- axe-core (WCAG 2.2 AA) is clean on the tool pages while the tools are in use."""

from __future__ import annotations

import csv
import io
import itertools
import json
from html import unescape
from urllib.parse import urlsplit

import pytest

from tests.browser.conftest import describe
from tests.sitepages import built_pages
from tiw.data.site import load_site_data

pytestmark = pytest.mark.browser

DATA = load_site_data()
UI = DATA.ui
PREFIX = {"en": "", "cy": "cy/"}
LANGS = ("en", "cy")
EXIT_URL = UI["exit_page_url"]["en"]
STUB = "<!doctype html><html lang=en><title>Stub exit page</title><p>A neutral page (test stub).</p></html>"


def _ui(key: str, lang: str) -> str:
    return UI[key][lang]


def _stub_exit_site(context) -> list[str]:
    """Answer every request to the exit site's host with a local stub; return the URLs it served."""
    served: list[str] = []
    host = urlsplit(EXIT_URL).hostname

    def handle(route):
        served.append(route.request.url)
        route.fulfill(status=200, content_type="text/html", body=STUB)

    context.route(lambda url: urlsplit(url).hostname == host, handle)
    return served


def _record(page) -> list[tuple[str, str]]:
    """Every request the page makes from now on, as (method, url)."""
    seen: list[tuple[str, str]] = []
    page.on("request", lambda r: seen.append((r.method, r.url)))
    return seen


def _network(requests) -> list[tuple[str, str]]:
    return [(m, u) for m, u in requests if urlsplit(u).scheme in ("http", "https", "ws", "wss")]


def _axe_clean(tab, what: str, dark: bool = True) -> None:
    """axe-core on the page as it is now; also in the dark scheme (colour transitions off, so axe
    never measures a colour half-way through changing)."""
    tab.page.emulate_media(reduced_motion="reduce")
    violations = tab.axe()
    assert violations == [], f"{what} (light scheme):\n{describe(violations)}"
    if not dark:
        return
    tab.page.emulate_media(color_scheme="dark", reduced_motion="reduce")
    tab.page.evaluate("() => document.body.setAttribute('data-md-color-scheme', 'slate')")
    violations = tab.axe()
    tab.page.evaluate("() => document.body.setAttribute('data-md-color-scheme', 'default')")
    tab.page.emulate_media(color_scheme="light")
    assert violations == [], f"{what} (dark scheme):\n{describe(violations)}"


# ------------------------------------------------------------------------------ Exit this page


@pytest.mark.parametrize("lang,page", [("en", "for-you/children/"), ("cy", "get-help/")])
def test_exit_button_replaces_the_page_on_click(tab, base_url, lang, page):
    served = _stub_exit_site(tab.context)
    tab.page.goto(base_url + PREFIX[lang] + page, wait_until="load")
    link = tab.page.locator("[data-tiw-exit-link]")
    assert link.get_attribute("href") == UI["exit_page_url"][lang]
    assert link.inner_text().startswith(_ui("exit_page_label", lang))
    before = tab.page.evaluate("history.length")
    link.click()
    tab.page.wait_for_url(EXIT_URL)
    assert tab.page.url == EXIT_URL and served == [EXIT_URL]
    assert tab.page.title() == "Stub exit page"
    # location.replace: the site's page was replaced, not added to, so Back cannot return to it.
    assert tab.page.evaluate("history.length") == before


@pytest.mark.parametrize("lang", LANGS)
def test_exit_shortcut_shift_three_times(tab, base_url, lang):
    served = _stub_exit_site(tab.context)
    tab.page.goto(base_url + PREFIX[lang] + "for-you/young-people/", wait_until="load")
    before = tab.page.evaluate("history.length")
    tab.page.keyboard.press("Shift")
    tab.page.keyboard.press("Shift")
    tab.page.wait_for_timeout(300)
    assert urlsplit(tab.page.url).hostname == "127.0.0.1", "two presses of Shift must not leave the page"
    tab.page.keyboard.press("Shift")
    tab.page.wait_for_url(EXIT_URL)
    assert tab.page.url == EXIT_URL and served == [EXIT_URL]
    assert tab.page.evaluate("history.length") == before


def test_exit_is_a_plain_link_without_javascript(browser, base_url):
    context = browser.new_context(java_script_enabled=False)
    try:
        context.route(
            lambda url: urlsplit(url).hostname not in ("127.0.0.1", urlsplit(EXIT_URL).hostname, None),
            lambda route: route.abort(),
        )
        served = _stub_exit_site(context)
        page = context.new_page()
        page.goto(base_url + "get-help/")
        link = page.locator("[data-tiw-exit-link]")
        assert link.evaluate("e => e.tagName") == "A" and link.get_attribute("href") == EXIT_URL
        assert link.is_visible()
        link.click()
        page.wait_for_url(EXIT_URL)
        assert served == [EXIT_URL]
    finally:
        context.close()


def test_exit_is_on_every_built_page_in_both_languages():
    """Every page (home, framework, Easy Read, 404s…) has the control, in its own language."""
    pages = built_pages()
    assert len(pages) > 60
    for p in pages:
        html = p.html
        assert html.count("data-tiw-exit-link") == 1, f"{p.url}: no Exit this page (or more than one)"
        label = _ui("exit_page_label", p.lang)
        assert f'href="{UI["exit_page_url"][p.lang]}"' in html and label in html, f"{p.url}: not in {p.lang}"
        for key in ("exit_page_loading", "exit_page_press_two_more", "exit_page_press_one_more", "exit_page_timed_out"):
            assert _ui(key, p.lang) in unescape(html), f"{p.url}: {key} missing"


@pytest.mark.parametrize("width", (375, 1280))
@pytest.mark.parametrize(
    "lang,page", [("en", "framework/definition/"), ("cy", "for-you/easy-read/"), ("cy", ""), ("en", "404.html")]
)
def test_exit_stays_in_view_while_scrolling(tab, base_url, lang, page, width):
    tab.page.set_viewport_size({"width": width, "height": 700})
    tab.page.goto(base_url + PREFIX[lang] + page, wait_until="load")
    link = tab.page.locator("[data-tiw-exit-link]")
    for y in (0, 1500, 100000):
        tab.page.evaluate(f"window.scrollTo(0, {y})")
        tab.page.wait_for_timeout(100)
        box = link.bounding_box()
        assert box and 0 <= box["y"] and box["y"] + box["height"] <= 700 and box["x"] + box["width"] <= width, (
            f"/{PREFIX[lang]}{page} at {width}px, scrolled to {y}: the button is at {box}"
        )
        # Nothing is drawn on top of it (the header, the back-to-top button…).
        top = tab.page.evaluate(
            "([x, y]) => document.elementFromPoint(x, y).closest('[data-tiw-exit-link]') !== null",
            [box["x"] + box["width"] / 2, box["y"] + box["height"] / 2],
        )
        assert top, f"/{PREFIX[lang]}{page} at {width}px, scrolled to {y}: something covers the button"


def _exit_status(page) -> str:
    return page.locator("[data-tiw-exit-status]").text_content()


@pytest.mark.parametrize("lang", LANGS)
def test_exit_shift_as_a_modifier_does_not_count(tab, base_url, lang):
    """Typing capitals ("NHS") in the search box holds Shift with letters: GOV.UK counts Shift only
    when it is pressed on its own, so this must not leave the page."""
    served = _stub_exit_site(tab.context)
    page = tab.page
    page.goto(base_url + PREFIX[lang] + "get-help/", wait_until="load")
    page.locator("[data-md-toggle=search]").evaluate("e => { e.checked = true; e.dispatchEvent(new Event('change')); }")
    page.locator("input.md-search__input").focus()
    for letter in "NHS" * 2:
        page.keyboard.down("Shift")
        page.keyboard.press(f"Key{letter}")
        page.keyboard.up("Shift")
    page.wait_for_timeout(300)
    assert urlsplit(page.url).hostname == "127.0.0.1" and served == [], "typing capitals left the page"
    assert page.locator("input.md-search__input").input_value() == "NHSNHS"
    assert _exit_status(page) == ""


@pytest.mark.parametrize("lang", LANGS)
def test_exit_presses_are_announced(tab, base_url, lang):
    served = _stub_exit_site(tab.context)
    page = tab.page
    page.goto(base_url + PREFIX[lang] + "framework/", wait_until="load")
    status = page.locator("[data-tiw-exit-status]")
    assert status.get_attribute("role") == "status"
    page.keyboard.press("Shift")
    assert _exit_status(page) == _ui("exit_page_press_two_more", lang)
    assert page.locator(".tiw-exit__light--on").count() == 1
    page.keyboard.press("Shift")
    assert _exit_status(page) == _ui("exit_page_press_one_more", lang)
    assert page.locator(".tiw-exit__light--on").count() == 2
    # Another key resets the count, and says so.
    page.keyboard.press("a")
    assert _exit_status(page) == _ui("exit_page_timed_out", lang)
    assert page.locator(".tiw-exit__light--on").count() == 0
    page.keyboard.press("Shift")
    page.keyboard.press("Shift")
    assert urlsplit(page.url).hostname == "127.0.0.1" and served == []
    page.keyboard.press("Shift")
    page.wait_for_url(EXIT_URL)
    assert served == [EXIT_URL]


def test_exit_count_times_out_after_five_seconds(tab, base_url):
    page = tab.page
    page.clock.install()
    page.goto(base_url + "get-help/", wait_until="load")
    page.keyboard.press("Shift")
    page.keyboard.press("Shift")
    page.clock.run_for(5100)
    assert _exit_status(page) == _ui("exit_page_timed_out", "en")
    page.keyboard.press("Shift")
    assert _exit_status(page) == _ui("exit_page_press_two_more", "en"), "the count did not start again"


# ------------------------------------------------------------------------------ the action plan tool

ROWS = {
    "en": [
        {
            "action": "Trauma-aware training for every member of staff",
            "responsibility": "Head of people, with the well-being group",
            "timescale": "By March, then every year",
            "resources": 'Staff time: 2 hours each; room, "quiet space"',
            "outcome": "Staff say they feel confident,\nand know where to signpost people",
        },
        {
            "action": "Review the complaints policy",
            "responsibility": "Governance lead",
            "timescale": "6 months",
            "resources": "",
            "outcome": "A policy written with people who use our services",
        },
    ],
    "cy": [
        {
            "action": "Hyfforddiant ymwybodol o drawma i bob aelod o staff",
            "responsibility": "Pennaeth pobl, gyda'r grŵp llesiant",
            "timescale": "Erbyn mis Mawrth, yna bob blwyddyn",
            "resources": 'Amser staff: 2 awr yr un; ystafell, "lle tawel"',
            "outcome": "Mae staff yn teimlo'n hyderus,\nac yn gwybod at bwy i gyfeirio pobl (ŵyr, ŷd, â)",
        },
        {
            "action": "Adolygu'r polisi cwynion",
            "responsibility": "Arweinydd llywodraethu",
            "timescale": "6 mis",
            "resources": "",
            "outcome": "Polisi wedi'i ysgrifennu gyda'r bobl sy'n defnyddio ein gwasanaethau",
        },
    ],
}
KEYS = ("action", "responsibility", "timescale", "resources", "outcome")
HEADERS = (
    "action_plan_col_action",
    "action_plan_col_responsibility",
    "action_plan_col_timescale",
    "action_plan_col_resources",
    "action_plan_col_outcome",
)


def _status(page) -> str:
    return page.locator("[data-tiw-ap-status]").inner_text()


def _wait_status(page, text: str) -> None:
    page.wait_for_function("t => document.querySelector('[data-tiw-ap-status]').textContent === t", arg=text)


def _wait_saved(page, lang: str) -> None:
    """The "saved" status (its own status region), with the time of saving."""
    before, after = _ui("action_plan_saved", lang).split("{time}")
    page.wait_for_function(
        "([a, b]) => { const t = document.querySelector('[data-tiw-ap-saved]').textContent;"
        " return t.startsWith(a) && t.endsWith(b) && /^\\d\\d:\\d\\d$/.test(t.slice(a.length, t.length - b.length)); }",
        arg=[before, after],
    )
    saved = page.locator("[data-tiw-ap-saved]")
    assert saved.is_visible() and saved.get_attribute("role") == "status"


def plan_ready(page):
    """Wait until action-plan.js has set the tool up. "networkidle" alone is not enough on a busy
    machine: the network can be quiet for 500 ms while the scripts are still being run."""
    page.wait_for_selector(".tiw-action-plan--ready", state="attached", timeout=15000)


@pytest.mark.parametrize("lang", LANGS)
def test_action_plan_sends_nothing_and_saves_prints_and_exports(tab, base_url, lang):
    page = tab.page
    url = base_url + PREFIX[lang] + "for-you/organisations/"
    page.goto(url, wait_until="networkidle")
    plan_ready(page)
    form = page.locator("[data-tiw-ap-form]")
    assert form.is_visible() and not page.locator("[data-tiw-ap-nojs]").is_visible()
    assert form.get_attribute("action") is None and form.get_attribute("method") is None
    requests = _record(page)

    # Type a plan: two rows filled, the third (empty) one removed.
    rows = ROWS[lang]
    for i, row in enumerate(rows, start=1):
        for key in KEYS:
            page.locator(f"#tiw-ap-{i}-{key}").fill(row[key])
    assert page.locator(".tiw-action-plan__row").count() == 3
    page.get_by_role("button", name=_ui("action_plan_remove_row", lang).format(number=3)).click()
    assert page.locator(".tiw-action-plan__row").count() == 2
    _wait_status(page, _ui("action_plan_row_removed", lang).format(number=3))

    # Enter, or submitting the form any other way, goes nowhere.
    page.locator("#tiw-ap-2-timescale").press("Enter")
    page.evaluate("() => document.querySelector('[data-tiw-ap-form]').requestSubmit()")
    assert page.url == url

    # Saved as it is typed: the visible status says so (and when). "Save now" is only the form's
    # submit button (a form needs one, HTML_CodeSniffer H32.2): it saves here and sends nothing.
    assert page.locator("[data-tiw-ap-save]").get_attribute("type") == "submit"
    _wait_saved(page, lang)
    row2 = dict(rows[1], timescale=rows[1]["timescale"] + "\n")
    # Within a second of the last key press, the plan in the browser is the plan on the page.
    page.wait_for_function(
        "want => JSON.stringify((JSON.parse(localStorage.getItem('tiw-action-plan') || '{}')).rows) === want",
        arg=json.dumps([rows[0], row2], ensure_ascii=False, separators=(",", ":")),
        timeout=1500,
    )
    stored = json.loads(page.evaluate("() => localStorage.getItem('tiw-action-plan')"))
    assert stored["rows"] == [rows[0], row2]
    assert _network(requests) == [], f"requests while typing and saving: {_network(requests)}"

    # Reload: the page's own files come again from the site, then the plan comes back from localStorage.
    page.reload(wait_until="networkidle")
    plan_ready(page)
    loaded = _network(requests)
    assert loaded and all(m == "GET" and urlsplit(u).hostname == "127.0.0.1" and not urlsplit(u).query for m, u in loaded), (
        f"unexpected requests on reload: {loaded}"
    )
    requests.clear()
    assert page.locator("#tiw-ap-1-action").input_value() == rows[0]["action"]
    assert page.locator("#tiw-ap-1-outcome").input_value() == rows[0]["outcome"]
    assert page.locator(".tiw-action-plan__row").count() == 2
    _wait_status(page, _ui("action_plan_restored", lang))

    # Print: the filled-in table prints; the form and every button do not.
    page.emulate_media(media="print")
    table = page.locator("[data-tiw-ap-table]")
    assert table.is_visible()
    assert table.locator("caption").inner_text() == _ui("action_plan_print_caption", lang)
    assert [table.locator("thead th").nth(i).inner_text() for i in range(5)] == [_ui(h, lang) for h in HEADERS]
    printed = table.locator("tbody tr")
    assert printed.count() == 2
    assert printed.nth(0).locator("td").nth(0).inner_text() == "1. " + rows[0]["action"]
    assert rows[0]["outcome"].split("\n")[0] in printed.nth(0).locator("td").nth(4).inner_text()
    buttons = page.locator("[data-tiw-action-plan] button")
    assert buttons.count() >= 6
    assert not any(buttons.nth(i).is_visible() for i in range(buttons.count())), "buttons show in print"
    assert not form.is_visible()
    page.emulate_media(media="screen")
    assert not table.is_visible() and form.is_visible()

    # Export: a CSV made in the browser, UTF-8 with a byte order mark, header row first.
    with page.expect_download() as info:
        page.locator("[data-tiw-ap-export]").click()
    download = info.value
    assert download.suggested_filename == _ui("action_plan_filename", lang)
    raw = open(download.path(), "rb").read()
    assert raw.startswith(b"\xef\xbb\xbf"), "the CSV has no UTF-8 byte order mark"
    table_rows = list(csv.reader(io.StringIO(raw.decode("utf-8-sig"), newline="")))
    assert table_rows[0] == [_ui(h, lang) for h in HEADERS]
    expected = [[r[k].replace("\n", "\r\n") for k in KEYS] for r in (rows[0], row2)]
    assert table_rows[1:] == expected
    _wait_status(page, _ui("action_plan_exported", lang))

    assert _network(requests) == [], f"requests while printing and exporting: {_network(requests)}"
    # Both schemes in English; the Welsh page uses the same markup and colours (light checked).
    _axe_clean(tab, f"/{PREFIX[lang]}for-you/organisations/ with a plan typed in", dark=lang == "en")


def test_action_plan_rows_and_clear(tab, base_url):
    page = tab.page
    page.goto(base_url + "for-you/organisations/", wait_until="networkidle")
    plan_ready(page)
    requests = _record(page)
    page.get_by_role("button", name=_ui("action_plan_add_row", "en")).click()
    assert page.locator(".tiw-action-plan__row").count() == 4
    assert page.evaluate("document.activeElement.id") == "tiw-ap-4-action", "focus goes to the new row"
    _wait_status(page, _ui("action_plan_row_added", "en").format(number=4))
    page.locator("#tiw-ap-4-action").fill("Something")
    _wait_saved(page, "en")
    page.once("dialog", lambda d: d.accept())
    page.locator("[data-tiw-ap-clear]").click()
    _wait_status(page, _ui("action_plan_cleared", "en"))
    assert page.evaluate("() => localStorage.getItem('tiw-action-plan')") is None
    assert page.locator(".tiw-action-plan__row").count() == 3
    assert page.locator("#tiw-ap-1-action").input_value() == ""
    assert _network(requests) == []


@pytest.mark.parametrize("width", (375, 1280))
@pytest.mark.parametrize("lang", LANGS)
def test_action_plan_is_kept_after_reload_without_save(tab, base_url, lang, width):
    """Typed, then the page reloaded at once (before the pause after typing): nothing is lost."""
    page = tab.page
    page.set_viewport_size({"width": width, "height": 800})
    page.goto(base_url + PREFIX[lang] + "for-you/organisations/", wait_until="networkidle")
    plan_ready(page)
    page.locator("#tiw-ap-1-action").fill(ROWS[lang][0]["action"])
    page.locator("#tiw-ap-2-outcome").fill(ROWS[lang][1]["outcome"])
    page.reload(wait_until="networkidle")
    plan_ready(page)
    assert page.locator("#tiw-ap-1-action").input_value() == ROWS[lang][0]["action"]
    assert page.locator("#tiw-ap-2-outcome").input_value() == ROWS[lang][1]["outcome"]
    _wait_status(page, _ui("action_plan_restored", lang))
    # "Delete my plan" is there, says what it does, and removes the plan for good.
    delete = page.get_by_role("button", name=_ui("action_plan_clear", lang))
    assert delete.is_visible()
    messages = []
    page.once("dialog", lambda d: (messages.append(d.message), d.accept()))
    delete.click()
    assert messages == [_ui("action_plan_clear_confirm", lang)]
    _wait_status(page, _ui("action_plan_cleared", lang))
    page.reload(wait_until="networkidle")
    plan_ready(page)
    assert page.locator("#tiw-ap-1-action").input_value() == ""
    assert page.evaluate("() => localStorage.getItem('tiw-action-plan')") is None


FORMULAS = ['=HYPERLINK("http://example.com")', "+1+2", "-3+4", "@SUM(A1)", "\tTabbed", "\nNew line", "Plain text", "3 - 1 = 2"]


@pytest.mark.parametrize("lang", LANGS)
def test_action_plan_csv_neutralises_formula_cells(tab, base_url, lang):
    """OWASP's CSV injection advice: a cell beginning with =, +, -, @, tab or CR gets a leading
    apostrophe, so a spreadsheet shows it as text; the help text says so in the page's language."""
    page = tab.page
    page.goto(base_url + PREFIX[lang] + "for-you/organisations/", wait_until="networkidle")
    plan_ready(page)
    help_text = page.locator(".tiw-action-plan__csv-help")
    assert help_text.is_visible() and help_text.inner_text() == _ui("action_plan_csv_help", lang)
    page.get_by_role("button", name=_ui("action_plan_add_row", lang)).click()
    cells = iter(FORMULAS)
    for i in (1, 2):
        for key in KEYS[:4]:
            page.locator(f"#tiw-ap-{i}-{key}").fill(next(cells))
    with page.expect_download() as info:
        page.locator("[data-tiw-ap-export]").click()
    raw = open(info.value.path(), "rb").read().decode("utf-8-sig")
    got = [row[:4] for row in csv.reader(io.StringIO(raw, newline=""))][1:]
    expected = [("'" + v if v[0] in "=+-@\t\n" else v).replace("\n", "\r\n") for v in FORMULAS]
    assert got == [expected[:4], expected[4:]]
    assert all(not c.startswith(("=", "+", "-", "@", "\t", "\r", "\n")) for row in got for c in row)

    # A carriage return cannot be typed into a text box (it becomes a line feed), but a plan kept
    # in the browser could hold one: it is neutralised too.
    page.close()  # (a new page, so the first one's save on leaving cannot overwrite the plan below)
    page = tab.context.new_page()
    page.goto(base_url + PREFIX[lang] + "for-you/organisations/", wait_until="networkidle")
    plan_ready(page)
    page.evaluate("""() => localStorage.setItem('tiw-action-plan', JSON.stringify({version: 1, rows: [
        {action: '\\rCR first', responsibility: '=1+1', timescale: '', resources: '', outcome: ''}]}))""")
    page.reload(wait_until="networkidle")
    plan_ready(page)
    with page.expect_download() as info:
        page.locator("[data-tiw-ap-export]").click()
    raw = open(info.value.path(), "rb").read().decode("utf-8-sig")
    got = list(csv.reader(io.StringIO(raw, newline="")))[1]
    assert got[:2] == ["'\r\nCR first", "'=1+1"]


@pytest.mark.parametrize("lang", LANGS)
def test_action_plan_prints_alone_with_title_and_date(tab, base_url, lang):
    page = tab.page
    page.goto(base_url + PREFIX[lang] + "for-you/organisations/", wait_until="networkidle")
    plan_ready(page)
    page.locator("#tiw-ap-1-action").fill(ROWS[lang][0]["action"])
    # Stand in for the print dialogue: note that the page asked to print, and keep the print state.
    page.evaluate("() => { window.__printed = 0; window.print = () => { window.__printed += 1; }; }")
    page.get_by_role("button", name=_ui("action_plan_print", lang)).click()
    assert page.evaluate("window.__printed") == 1
    page.emulate_media(media="print")
    table = page.locator("[data-tiw-ap-table]")
    assert table.is_visible() and table.locator("caption").inner_text() == _ui("action_plan_print_caption", lang)
    today = page.evaluate("() => { const d = new Date(); return [d.getDate(), d.getMonth(), d.getFullYear()]; }")
    from tiw.core.dates import MONTHS

    date = f"{today[0]} {MONTHS[lang][today[1]]} {today[2]}"
    printed = page.locator("[data-tiw-ap-printed]")
    assert printed.is_visible() and printed.inner_text() == _ui("action_plan_printed_on", lang).format(date=date)
    # The article around the plan does not print: its heading, its paragraphs, the notes.
    visible = page.evaluate("""() => Array.from(document.querySelectorAll('.md-content__inner h1, .md-content__inner h2, .md-content__inner p'))
        .filter(e => !e.closest('[data-tiw-action-plan]') && e.getClientRects().length).map(e => e.textContent.slice(0, 60))""")
    assert visible == [], f"printed besides the plan: {visible}"
    # Printing the page from the browser's own menu, without the button, still prints the article.
    page.evaluate("() => window.dispatchEvent(new Event('afterprint'))")
    assert page.locator(".md-content__inner h1").is_visible()
    assert not printed.is_visible()


def test_action_plan_without_javascript_is_a_printable_template(browser, base_url):
    context = browser.new_context(java_script_enabled=False)
    try:
        context.route(lambda url: urlsplit(url).hostname not in ("127.0.0.1", None), lambda route: route.abort())
        page = context.new_page()
        page.goto(base_url + "cy/for-you/organisations/")
        assert page.locator("[data-tiw-ap-nojs]").inner_text() == _ui("action_plan_needs_js", "cy")
        assert not page.locator("[data-tiw-ap-form]").is_visible()
        table = page.locator("[data-tiw-ap-table]")
        assert table.is_visible()
        assert table.locator("caption").inner_text() == _ui("action_plan_template_caption", "cy")
        assert [table.locator("thead th").nth(i).inner_text() for i in range(5)] == [_ui(h, "cy") for h in HEADERS]
        assert table.locator("tbody tr").count() == 3
        page.emulate_media(media="print")
        assert table.is_visible() and not page.locator("[data-tiw-ap-nojs]").is_visible()
    finally:
        context.close()


# ------------------------------------------------------------------------------ which level fits my role


def _paths() -> list[list[tuple[dict, dict]]]:
    """Every route through data/which_level.yml: a list of (question, answer) pairs."""
    questions = {q["id"]: q for q in DATA.which_level["questions"]}
    out = []

    def walk(qid, taken):
        for answer in questions[qid]["answers"]:
            step = taken + [(questions[qid], answer)]
            if answer["next"] == "result":
                out.append(step)
            else:
                walk(answer["next"], step)

    walk(DATA.which_level["questions"][0]["id"], [])
    return out


def _answer(page, path) -> None:
    for question, answer in path:
        fieldset = page.locator(f'[data-question="{question["id"]}"]')
        assert fieldset.is_visible(), f"question {question['id']} is not shown"
        fieldset.locator(f'input[value="{answer["id"]}"]').check()
        page.locator("[data-tiw-wl-continue]").click()


def _shown(page, selector: str, attr: str) -> set[str]:
    return set(page.eval_on_selector_all(selector, f"els => els.filter(e => !e.hidden).map(e => e.getAttribute('{attr}'))"))


def test_which_level_expected_levels_for_known_answers(tab, base_url):
    """The framework's logic, written out: direct contact points to trauma-skilled, regular and
    intensive contact with people known to be affected to trauma-enhanced, formal interventions to
    specialist and trauma-skilled (specialist practitioners "will be trauma aware and skilled"),
    and trauma-aware is always there."""
    page = tab.page
    page.goto(base_url + "for-you/which-level/", wait_until="load")
    cases = [
        (("yes", "yes", "no"), {"trauma-aware", "trauma-skilled", "trauma-enhanced"}),
        (("yes", "no", "no"), {"trauma-aware", "trauma-skilled"}),
        # "Practitioners working at this level will be trauma aware and skilled" (framework, specialist table).
        (("no", "yes"), {"trauma-aware", "trauma-skilled", "specialist"}),
        (("yes", "yes", "yes"), {"trauma-aware", "trauma-skilled", "trauma-enhanced", "specialist"}),
        (("no", "no"), {"trauma-aware"}),
    ]
    for answers, expected in cases:
        for answer in answers:
            page.locator("[data-question]:not([hidden]) input[value='%s']" % answer).check()
            page.locator("[data-tiw-wl-continue]").click()
        assert page.locator("[data-tiw-wl-result]").is_visible()
        assert _shown(page, "[data-tiw-wl-result] [data-level]", "data-level") == expected, answers
        page.locator("[data-tiw-wl-restart]").click()


@pytest.mark.parametrize("lang", LANGS)
def test_which_level_guide_follows_the_data_and_shows_its_reasoning(tab, base_url, lang):
    page = tab.page
    page.goto(base_url + PREFIX[lang] + "for-you/which-level/", wait_until="networkidle")
    requests = _record(page)
    assert not page.locator("[data-tiw-wl-list]").is_visible(), "the decision list stays visible with JavaScript"
    first = DATA.which_level["questions"][0]

    # Continue with no answer: an error, and focus on the first choice.
    page.locator("[data-tiw-wl-continue]").click()
    error = page.locator(f'[data-question="{first["id"]}"] .tiw-which-level__error')
    assert error.is_visible() and _ui("which_level_error", lang) in error.inner_text()
    assert page.evaluate("document.activeElement.type") == "radio"
    _axe_clean(tab, f"/{PREFIX[lang]}for-you/which-level/ showing an error", dark=False)

    everyone = DATA.which_level["everyone"]
    for n, path in enumerate(_paths()):
        _answer(page, path)
        result = page.locator("[data-tiw-wl-result]")
        assert result.is_visible() and not page.locator("[data-tiw-wl-form]").is_visible()
        assert page.evaluate("document.activeElement.id") == "wl-result-heading", "focus is not on the result"
        expected = {everyone["level"]} | {lv for _, a in path for lv in a["levels"]}
        assert _shown(page, "[data-tiw-wl-result] [data-level]", "data-level") == expected
        for level_id in expected:
            item = result.locator(f'[data-level="{level_id}"]')
            assert DATA.level(level_id)["name"][lang] in item.inner_text()
            assert item.locator("a").get_attribute("href").endswith(f"framework/levels/{level_id}/")
        reasons = {"everyone"} | {f"{q['id']}:{a['id']}" for q, a in path}
        assert _shown(page, "[data-tiw-wl-result] [data-reason]", "data-reason") == reasons
        for question, answer in path:
            text = result.locator(f'[data-reason="{question["id"]}:{answer["id"]}"]').inner_text()
            assert answer["means"][lang] in text and answer["label"][lang] in text
        if n == 0:
            _axe_clean(tab, f"/{PREFIX[lang]}for-you/which-level/ showing a result", dark=lang == "en")
        page.locator("[data-tiw-wl-restart]").click()
        assert page.locator(f'[data-question="{first["id"]}"]').is_visible()
        assert page.evaluate("document.activeElement.className") == "tiw-which-level__legend"
        assert page.locator("input[type=radio]:checked").count() == 0

    # Back returns to the previous question with its answer kept.
    path = _paths()[0]
    page.locator(f'[data-question="{path[0][0]["id"]}"] input[value="{path[0][1]["id"]}"]').check()
    page.locator("[data-tiw-wl-continue]").click()
    page.locator("[data-tiw-wl-back]").click()
    assert page.locator(f'[data-question="{path[0][0]["id"]}"]').is_visible()
    assert page.locator(f"#wl-{path[0][0]['id']}-{path[0][1]['id']}").is_checked()
    assert _network(requests) == [], f"the guide made requests: {_network(requests)}"


@pytest.mark.parametrize("lang", LANGS)
def test_which_level_without_javascript_is_a_decision_list(browser, base_url, lang):
    context = browser.new_context(java_script_enabled=False)
    try:
        context.route(lambda url: urlsplit(url).hostname not in ("127.0.0.1", None), lambda route: route.abort())
        page = context.new_page()
        page.goto(base_url + PREFIX[lang] + "for-you/which-level/")
        listing = page.locator("[data-tiw-wl-list]")
        assert listing.is_visible()
        assert not page.locator("[data-tiw-wl-form]").is_visible()
        assert not page.locator("[data-tiw-wl-result]").is_visible()
        text = listing.inner_text()
        questions = DATA.which_level["questions"]
        for q, a in itertools.chain.from_iterable(((q, a) for a in q["answers"]) for q in questions):
            assert q["question"][lang] in text and a["means"][lang] in text
            target = listing.locator(f"#wl-q-{q['id']} li", has_text=a["means"][lang]).locator("a").last
            href = target.get_attribute("href")
            assert href == ("#wl-everyone" if a["next"] == "result" else f"#wl-q-{a['next']}")
        assert DATA.which_level["everyone"]["means"][lang] in text
        for level in DATA.levels:
            assert listing.locator(f'a[href$="framework/levels/{level["id"]}/"]').count() >= 1
    finally:
        context.close()
