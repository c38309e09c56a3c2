"""The browser editor (/admin/, Decap CMS) against its local backend, on a copy of the repository.

decap-server writes into a temporary copy (tests/buildcopy.py); the built editor is served from
site/ by tiw_editor/serve.py, which forwards /api/v1 to it, as `make edit` does. The tests create a
news post in both languages, add a resource, are refused bad values, edit a service, and finally
build the copy: the build's own checks are the authority on what the editor wrote.
"""

from __future__ import annotations

import datetime as dt
import re

import pytest
import yaml

from tests.browser.conftest import settle
from tests.buildcopy import build, copy_project
from tests.sitepages import SITE
from tiw.core.frontmatter import read_front_matter
from tiw.core.schema import validate_file
from tiw_editor import serve

TODAY = dt.date.today().isoformat()
NEWS_SLUG = f"{TODAY}-editor-test-post"
RESOURCE_ID = "editor-test-resource"
# The tests build on each other in one copy of the repository (a post, then a resource, then a
# build of the copy that lists it): `make test` keeps a module on one worker (--dist loadscope).


@pytest.fixture(scope="module")
def repo(tmp_path_factory):
    return copy_project(tmp_path_factory.mktemp("editor-repo"))


@pytest.fixture(scope="module")
def editor_url(repo):
    assert (SITE / "admin" / "index.html").is_file(), "run `make build` first"
    port = serve.free_port()
    proxy = serve.start_decap_server(repo, port)
    server = serve.make_server(SITE, 0, port)
    serve.serve_in_thread(server)
    yield f"http://127.0.0.1:{server.server_address[1]}/"
    server.shutdown()
    server.server_close()
    proxy.terminate()
    proxy.wait(timeout=10)


@pytest.fixture()
def editor(browser, editor_url):
    context = browser.new_context(viewport={"width": 1280, "height": 900})
    page = context.new_page()
    outside: list[str] = []
    page.on("request", lambda r: r.url.startswith(editor_url) or r.url.startswith(("data:", "blob:")) or outside.append(r.url))

    def open_(route: str, lang: str = "en"):
        page.goto(editor_url + ("admin/" if lang == "en" else "cy/admin/"))
        login = page.get_by_role("button", name=re.compile("^(Login|Mewngofnodi)$"))
        login.wait_for(timeout=20000)
        login.click()
        page.wait_for_selector("text=" + ("Contents" if lang == "en" else "Cynnwys"), timeout=20000)
        page.evaluate("route => { location.hash = route; }", route)
        if route.endswith("/new") or "/entries/" in route:
            page.wait_for_selector("text=" + ("Publish" if lang == "en" else "Cyhoeddi"), timeout=20000)
        return page

    page.open = open_
    yield page
    assert not outside, f"the editor requested other hosts: {outside}"
    context.close()


def publish(page, lang="en"):
    page.get_by_role("button", name="Publish" if lang == "en" else "Cyhoeddi", exact=True).first.click()
    page.get_by_text("Publish now" if lang == "en" else "Cyhoeddi nawr", exact=True).click()


def wait_until(page, condition, seconds: float = 20):
    for _ in range(int(seconds * 5)):
        if condition():
            return
        page.wait_for_timeout(200)
    page.screenshot(path=str(SITE / "editor-test-failure.png"))
    pytest.fail(f"the editor did not save in time (screenshot: {SITE / 'editor-test-failure.png'})")


def test_a_news_post_is_written_in_both_languages(editor, repo):
    page = editor.open("/collections/news/new")
    page.get_by_label("Title", exact=True).nth(0).fill("Editor test post")
    page.get_by_label("Title", exact=True).nth(1).fill("Neges brawf y golygydd")
    page.get_by_label("Date", exact=True).nth(0).fill(TODAY)
    page.get_by_label("Summary", exact=True).nth(0).fill("A post written in the browser editor.")
    page.get_by_label("Summary", exact=True).nth(1).fill("Neges a ysgrifennwyd yn y golygydd yn y porwr.")
    page.get_by_label("Text", exact=True).nth(0).fill("# Editor test post\n\nWritten in the editor.")
    page.get_by_label("Text", exact=True).nth(1).fill("# Neges brawf y golygydd\n\nWedi'i ysgrifennu yn y golygydd.")
    publish(page)
    en = repo / "docs" / "en" / "news" / "posts" / f"{NEWS_SLUG}.md"
    cy = repo / "docs" / "cy" / "news" / "posts" / f"{NEWS_SLUG}.md"
    page.wait_for_function("() => !location.hash.endsWith('/new')", timeout=20000)
    assert en.is_file() and cy.is_file(), sorted(p.name for p in (repo / "docs").rglob("posts/*.md"))
    meta_en, _, body_en = read_front_matter(en)
    meta_cy, _, body_cy = read_front_matter(cy)
    assert meta_en["title"] == "Editor test post" and meta_cy["title"] == "Neges brawf y golygydd"
    assert str(meta_en["date"]) == TODAY and str(meta_cy["date"]) == TODAY
    assert meta_cy["summary"] == "Neges a ysgrifennwyd yn y golygydd yn y porwr."
    assert "Written in the editor." in body_en and "Wedi'i ysgrifennu yn y golygydd." in body_cy


def choose(page, label: str, *options: str):
    box = page.get_by_label(label, exact=True)
    for option in options:
        box.click()
        page.get_by_role("option", name=option, exact=True).click()


def fill_resource(page, *, url: str, welsh_title: str | None):
    page.get_by_label("Id", exact=True).fill(RESOURCE_ID)
    page.get_by_label("English", exact=True).nth(0).fill("Editor test resource")
    if welsh_title:
        page.get_by_label("Welsh", exact=True).nth(0).fill(welsh_title)
    page.get_by_label("English", exact=True).nth(1).fill("A resource added in the browser editor.")
    page.get_by_label("Welsh", exact=True).nth(1).fill("Adnodd a ychwanegwyd yn y golygydd yn y porwr.")
    page.get_by_label(re.compile(r"^Address \(https://\)( \(optional\))?$")).fill(url)
    page.locator("input[lang='en']").fill("Public Health Wales")
    page.get_by_label("Year", exact=True).fill("2024")
    choose(page, "Practice levels", "Trauma-aware", "Trauma-skilled")
    choose(page, "Audiences", "Practitioners")
    choose(page, "Settings", "Health")
    choose(page, "Format", "Web page")
    choose(page, "Languages of the resource", "English")
    page.get_by_label("Reviewed", exact=True).fill(TODAY)


@pytest.mark.parametrize(
    "url, welsh_title, error",
    [
        ("http://phw.nhs.wales/", "Adnodd prawf y golygydd", "(http:// is not accepted)"),
        ("https://phw.nhs.wales/", None, "Welsh is required."),
    ],
)
def test_the_editor_refuses_an_http_address_or_no_welsh_title(editor, repo, url, welsh_title, error):
    page = editor.open("/collections/resources/new")
    fill_resource(page, url=url, welsh_title=welsh_title)
    publish(page)
    page.get_by_text(error).first.wait_for(timeout=10000)
    assert not (repo / "resources" / f"{RESOURCE_ID}.yml").exists()


def test_a_resource_with_two_levels_is_a_valid_catalogue_entry(editor, repo):
    page = editor.open("/collections/resources/new")
    fill_resource(page, url="https://phw.nhs.wales/", welsh_title="Adnodd prawf y golygydd")
    publish(page)
    path = repo / "resources" / f"{RESOURCE_ID}.yml"
    page.wait_for_function("() => !location.hash.endsWith('/new')", timeout=20000)
    data = validate_file(path, "resource.schema.yaml")
    assert data["levels"] == ["trauma-aware", "trauma-skilled"]
    assert data["title"] == {"en": "Editor test resource", "cy": "Adnodd prawf y golygydd"}
    assert data["publisher"] == "Public Health Wales" and data["reviewed"] == TODAY
    assert "url_cy" not in data and "page" not in data


def test_editing_a_service_changes_its_checked_date(editor, repo):
    path = repo / "data" / "services.yml"
    before = yaml.safe_load(path.read_text(encoding="utf-8"))["services"]
    assert str(before[0]["checked"]) != "2026-12-31"
    page = editor.open("/collections/help/entries/services")
    item = page.get_by_text(before[0]["name"]["en"], exact=True).first.locator("xpath=..")
    item.locator("button").first.click()  # expand the first service
    page.get_by_label("Checked", exact=True).first.fill("2026-12-31")
    publish(page)
    wait_until(page, lambda: "2026-12-31" in path.read_text(encoding="utf-8"))
    after = validate_file(path, "services.schema.yaml")["services"]
    assert after[0]["checked"] == "2026-12-31"
    # Everything else is as it was: nulls stay null, the other entries are untouched.
    assert [{**s, "checked": str(s["checked"])} for s in after[1:]] == [{**s, "checked": str(s["checked"])} for s in before[1:]]
    assert {k: v for k, v in after[0].items() if k != "checked"} == {k: v for k, v in before[0].items() if k != "checked"}


def test_the_copy_builds_and_the_level_pages_list_the_new_resource(repo, monkeypatch):
    if not (repo / "resources" / f"{RESOURCE_ID}.yml").exists():
        pytest.fail("the resource test did not write its entry")
    monkeypatch.setenv("TIW_SKIP_PDF", "1")
    run = build(repo, timeout=300)
    assert run.returncode == 0, run.stderr[-3000:]
    for level in ("trauma-aware", "trauma-skilled"):
        html = (repo / "site" / "resources" / level / "index.html").read_text(encoding="utf-8")
        assert "Editor test resource" in html, level
        cy = (repo / "site" / "cy" / "resources" / level / "index.html").read_text(encoding="utf-8")
        assert "Adnodd prawf y golygydd" in cy, level
    assert (repo / "site" / "news" / "posts" / NEWS_SLUG / "index.html").is_file()


@pytest.mark.parametrize("lang", ["en", "cy"])
def test_the_editor_passes_axe_in_both_languages(editor, lang):
    from tests.browser.conftest import AXE_JS, WCAG22_AA

    page = editor.open("/collections/news", lang)
    assert page.evaluate("document.documentElement.lang") == lang
    for route in (
        "/collections/news",
        "/collections/news/new",
        "/collections/resources/new",
        "/collections/help/entries/services",
    ):
        show(page, route)
        page.evaluate(AXE_JS.read_text(encoding="utf-8"))
        violations = page.evaluate(
            "tags => axe.run(document, {runOnly: {type: 'tag', values: tags}})"
            ".then(r => r.violations.map(v => v.id + ': ' + v.nodes[0].html.slice(0, 120)))",
            WCAG22_AA,
        )
        assert not violations, f"{lang} {route}: {violations}"
    # The interface speaks the page's language.
    header = "Yn ysgrifennu yn y casgliad Cael help" if lang == "cy" else "Writing in Get help collection"
    assert page.get_by_text(header).count() == 1


def test_the_editor_is_not_part_of_the_public_site():
    sitemap = (SITE / "sitemap.xml").read_text(encoding="utf-8")
    assert "/admin/" not in sitemap
    for index in SITE.rglob("search_index.json"):
        assert "admin/" not in index.read_text(encoding="utf-8"), index
    for lang_root in ("", "cy/"):
        html = (SITE / lang_root / "admin" / "index.html").read_text(encoding="utf-8")
        assert '<meta name="robots" content="noindex, nofollow">' in html
    # No public page links to the editor or loads its script (the first view is unchanged).
    for path in SITE.rglob("*.html"):
        rel = path.relative_to(SITE).as_posix()
        if rel in ("admin/index.html", "cy/admin/index.html"):
            continue
        text = path.read_text(encoding="utf-8")
        assert "decap" not in text.lower() and "admin/" not in text, rel


# Reflow (WCAG 1.4.10): at these widths the page scrolls down only. Decap's desktop layout (a
# toolbar and two panes at least 800 px wide) is restacked by tiw_editor/static/admin.css.
PHONE_WIDTHS = (320, 375)


def show(page, route: str) -> None:
    """Go to an editor route and wait until its pane is drawn (an entry's editing controls or a
    collection's list) and the page has stopped changing."""
    page.evaluate("route => { location.hash = route; }", route)
    entry = route.endswith("/new") or "/entries/" in route
    page.wait_for_selector('[class*="ControlPaneContainer"]' if entry else '[class*="CollectionMain"]', timeout=20000)
    settle(page)


EDITOR_ROUTES = ("/collections/news", "/collections/news/new", "/collections/resources/new", "/collections/help/entries/services")
# What sticks out past the right edge, also inside Decap's own scrolling panes (which the page's
# scrollWidth does not see); icons are drawn inside their buttons.
WIDER_THAN_THE_SCREEN = """() => {
  const out = [];
  for (const el of document.querySelectorAll("body *")) {
    if (el.closest("svg")) continue;
    const r = el.getBoundingClientRect();
    if (r.width > 0 && r.right > innerWidth + 1) out.push(String(el.className || el.tagName).slice(0, 60) + " ends at " + Math.round(r.right));
  }
  return {scrollWidth: document.documentElement.scrollWidth, innerWidth, wide: out.slice(0, 5)};
}"""


@pytest.mark.parametrize("lang", ["en", "cy"])
def test_the_editor_reflows_at_phone_widths_with_keyboard_focus_and_axe(editor, lang):
    from tests.browser.conftest import AXE_JS, WCAG22_AA

    page = editor.open("/collections/news", lang)
    for width in PHONE_WIDTHS:
        page.set_viewport_size({"width": width, "height": 800})
        for route in EDITOR_ROUTES:
            show(page, route)
            found = page.evaluate(WIDER_THAN_THE_SCREEN)
            assert found["scrollWidth"] <= width, f"{lang} {width} px {route}: the page scrolls sideways: {found}"
            assert not found["wide"], f"{lang} {width} px {route}: wider than the screen: {found['wide']}"
    # At 375 px: axe on the collection list and the entry editor, and Tab reaches visible controls.
    page.set_viewport_size({"width": 375, "height": 800})
    page.evaluate(AXE_JS.read_text(encoding="utf-8"))
    for route in ("/collections/news", "/collections/news/new"):
        show(page, route)
        violations = page.evaluate(
            "tags => axe.run(document, {runOnly: {type: 'tag', values: tags}})"
            ".then(r => r.violations.map(v => v.id + ': ' + v.nodes[0].html.slice(0, 120)))",
            WCAG22_AA,
        )
        assert not violations, f"{lang} 375 px {route}: {violations}"
    page.evaluate("() => document.activeElement && document.activeElement.blur()")
    reached = 0
    for _ in range(12):
        page.keyboard.press("Tab")
        focus = page.evaluate(
            """() => { const e = document.activeElement, r = e.getBoundingClientRect(), s = getComputedStyle(e);
                return {tag: e.tagName, outline: s.outlineStyle, width: parseFloat(s.outlineWidth), left: r.left, right: r.right}; }"""
        )
        if focus["tag"] == "BODY":
            continue
        assert focus["outline"] != "none" and focus["width"] >= 2, f"{lang}: no visible focus on {focus}"
        assert focus["left"] >= 0 and focus["right"] <= 375 + 1, f"{lang}: focus off the screen: {focus}"
        reached += 1
    assert reached >= 8, f"{lang}: Tab reached only {reached} controls"
