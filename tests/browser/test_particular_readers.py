"""Pages for particular readers, in a real browser, both languages, at 375 and 1280 px:
- Easy Read pictures are all one size and line up on the left, whatever the length of the text;
- each content note is written for its page's readers (children and young people: "ti");
- the level guide's result heading, where focus lands, is not covered by "Back to top" or by
  the sticky header and Exit bar;
- every "tel:" number on the Get help, 404 and Easy Read pages can be tapped."""

from __future__ import annotations

import pytest

from tiw.data.site import load_site_data

pytestmark = pytest.mark.browser

DATA = load_site_data()
UI = DATA.ui
PREFIX = {"en": "", "cy": "cy/"}
LANGS = ("en", "cy")
WIDTHS = (375, 1280)


@pytest.mark.parametrize("width", WIDTHS)
@pytest.mark.parametrize("lang", LANGS)
def test_easy_read_pictures_are_one_size_on_the_left(tab, base_url, lang, width):
    page = tab.page
    page.set_viewport_size({"width": width, "height": 800})
    page.goto(base_url + PREFIX[lang] + "for-you/easy-read/", wait_until="load")
    boxes = page.eval_on_selector_all(
        ".easy-read-row .tiw-picture",
        """els => els.map(e => {
        const b = e.getBoundingClientRect(); const t = e.closest('.easy-read-row').getBoundingClientRect();
        return [Math.round(b.width), Math.round(b.height), Math.round(b.left - t.left)]; })""",
    )
    assert len(boxes) >= 20
    sizes = {(w, h) for w, h, _ in boxes}
    assert len(sizes) == 1, f"pictures of different sizes: {sorted(sizes)}"
    w, h = sizes.pop()
    assert w == h and w >= 64, f"pictures are {w}x{h} px: Easy Read needs large pictures"
    assert {left for _, _, left in boxes} == {0}, "a picture is not at the left of its row"


NOTES = {"for-you/children/": "children", "for-you/young-people/": "young_people", "for-you/parents-and-carers/": ""}


@pytest.mark.parametrize("lang", LANGS)
@pytest.mark.parametrize("path,audience", sorted(NOTES.items()))
def test_content_note_is_written_for_the_page_readers(tab, base_url, lang, path, audience):
    page = tab.page
    page.goto(base_url + PREFIX[lang] + path, wait_until="load")
    suffix = f"_{audience}" if audience else ""
    note = page.locator(".tiw-content-note")
    assert note.count() == 1 and note.is_visible()
    text = note.inner_text()
    assert text == UI["content_note_title" + suffix][lang] + " " + UI["content_note" + suffix][lang]
    if lang == "cy" and audience:
        # "ti" on the children's and young people's pages: none of the "chi" forms.
        for chi in ("Cymerwch", "Gallwch", "chi ", "eich "):
            assert chi not in text, f"/cy/{path}: the content note says '{chi.strip()}' to a child"
    if lang == "en" and audience == "children":
        assert "abuse" not in text and "violence" not in text, "the children's note is the adult one"


@pytest.mark.parametrize("width", WIDTHS)
@pytest.mark.parametrize("lang", LANGS)
def test_level_guide_result_heading_is_not_covered(tab, base_url, lang, width):
    page = tab.page
    page.emulate_media(reduced_motion="reduce")
    page.set_viewport_size({"width": width, "height": 700})
    page.goto(base_url + PREFIX[lang] + "for-you/which-level/", wait_until="load")
    for answer in ("yes", "yes", "no"):
        page.locator("[data-question]:not([hidden]) input[value='%s']" % answer).check()
        page.locator("[data-tiw-wl-continue]").click()
    heading = page.locator("#wl-result-heading")
    assert page.evaluate("document.activeElement.id") == "wl-result-heading"
    page.wait_for_timeout(300)
    # Where focus left it, then after scrolling up a little (which brings "Back to top" into view).
    for scroll in (0, -60):
        if scroll:
            page.mouse.wheel(0, scroll)
            page.wait_for_timeout(400)
        box = heading.bounding_box()
        assert 0 <= box["y"] and box["y"] + box["height"] <= 700, f"the result heading is off screen: {box}"
        covered = page.evaluate("""() => {
            const h = document.getElementById('wl-result-heading').getBoundingClientRect();
            return Array.from(document.querySelectorAll('.md-top, .md-header, .tiw-exit__button'))
              .filter(e => !e.hidden && getComputedStyle(e).opacity !== '0')
              .filter(e => { const b = e.getBoundingClientRect();
                  return b.width && b.left < h.right && b.right > h.left && b.top < h.bottom && b.bottom > h.top; })
              .map(e => e.className); }""")
        assert covered == [], f"/{PREFIX[lang]}for-you/which-level/ at {width}px: the result heading is covered by {covered}"
    assert page.locator(".md-top").is_visible(), "Back to top did not show: the check above proved nothing"


@pytest.mark.parametrize("width", WIDTHS)
@pytest.mark.parametrize("lang", LANGS)
@pytest.mark.parametrize("path", ["404.html", "for-you/easy-read/", "get-help/", "for-you/children/"])
def test_emergency_number_is_a_visible_tap_to_call_link(tab, base_url, lang, path, width):
    page = tab.page
    page.set_viewport_size({"width": width, "height": 800})
    page.goto(base_url + PREFIX[lang] + path, wait_until="load")
    link = page.locator("article a[href='tel:999']").first
    assert link.count() == 1, f"/{PREFIX[lang]}{path}: 999 is not a tel: link"
    link.scroll_into_view_if_needed()
    box = link.bounding_box()
    assert link.is_visible() and box["width"] >= 20 and box["height"] >= 18
