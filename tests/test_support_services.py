"""Support services come from one place (data/services.yml) on every page that lists them, only
confirmed entries are published, the pages say nothing about the others, and every emergency or
support number written on any page is a tap-to-call (tel:) link."""

from __future__ import annotations

import re
from html.parser import HTMLParser

import pytest

from tests.sitepages import built_pages
from tiw.data.site import load_site_data

DATA = load_site_data()
SERVICES = DATA.services
PUBLISHED = [s for s in SERVICES if s["status"] == "confirmed"]
HELD = [s for s in SERVICES if s["status"] != "confirmed"]
PAGES = built_pages()
LISTS = {("children", "for-you/children.md"), ("young-people", "for-you/young-people.md")}


def _digits(value: str) -> str:
    return re.sub(r"\D", "", value)


class _Numbers(HTMLParser):
    """Visible text of the page's content, split into text inside a tel: link and text outside."""

    def __init__(self):
        super().__init__()
        self.stack: list[bool] = []  # for each open <a>: is it a tel: link
        self.skip = 0
        self.inside: list[str] = []
        self.outside: list[str] = []

    def handle_starttag(self, tag, attrs):
        if tag in ("script", "style"):
            self.skip += 1
        if tag == "a":
            self.stack.append((dict(attrs).get("href") or "").startswith("tel:"))

    def handle_endtag(self, tag):
        if tag in ("script", "style"):
            self.skip -= 1
        if tag == "a" and self.stack:
            self.stack.pop()

    def handle_data(self, data):
        if not self.skip:
            (self.inside if any(self.stack) else self.outside).append(data)


def _article(html: str) -> str:
    m = re.search(r"<article[^>]*>(.*)</article>", html, re.S)
    return m.group(1) if m else html


# Numbers a reader in crisis would call: 999 and every published phone number of six digits or
# more (short ones such as 111 also appear in names, e.g. "NHS 111 Wales").
CALL_NUMBERS = ["999"] + [
    c["value"] for s in PUBLISHED for c in s["contacts"] if c["kind"] == "phone" and len(_digits(c["value"])) >= 6
]


@pytest.mark.parametrize("page", PAGES, ids=lambda p: p.url or "/")
def test_every_number_to_call_is_a_tel_link(page):
    parser = _Numbers()
    parser.feed(_article(page.html))
    outside = " ".join(parser.outside)
    for number in CALL_NUMBERS:
        pattern = r"(?<!\d)(?<!\d )" + r"\s?".join(re.escape(d) for d in _digits(number)) + r"(?![\d])"
        found = re.search(pattern, outside)
        assert not found, (
            f"{page.url}: '{number}' is written without a tel: link: …{outside[max(0, found.start() - 60) : found.end() + 20]}…"
        )
    for href in re.findall(r'href="tel:([^"]*)"', page.html):
        assert re.fullmatch(r"\+?\d+", href), f"{page.url}: tel:{href} is not a plain number"


@pytest.mark.parametrize("page", PAGES, ids=lambda p: p.url or "/")
def test_unpublished_services_are_on_no_page(page):
    text = _article(page.html)
    for s in HELD:
        for c in s["contacts"]:
            if c["kind"] in ("phone", "text"):
                assert c["value"] not in text and f"tel:{_digits(c['value'])}" not in text, (
                    f"{page.url}: {s['id']} is not confirmed, but its number {c['value']} is on the page"
                )


@pytest.mark.parametrize("lang", ("en", "cy"))
def test_get_help_lists_every_published_service_and_says_nothing_of_the_others(lang):
    page = next(p for p in PAGES if p.lang == lang and p.src == "get-help.md")
    html = page.html
    for s in PUBLISHED:
        assert f'id="service-{s["id"]}"' in html, f"{page.url}: {s['id']} is missing"
    for s in HELD:
        assert f'id="service-{s["id"]}"' not in html
    assert "tiw-service__withheld" not in html
    # No sentence about services "still being checked", whatever the wording.
    for word in {"en": ("being checked", "our records"), "cy": ("dal i gael eu gwirio", "ein cofnodion")}[lang]:
        assert word not in html, f"{page.url}: the page talks about unpublished entries ('{word}')"


@pytest.mark.parametrize("lang", ("en", "cy"))
@pytest.mark.parametrize("audience,src", sorted(LISTS))
def test_audience_pages_list_their_services_from_the_data(lang, audience, src):
    page = next(p for p in PAGES if p.lang == lang and p.src == src)
    m = re.search(r'<ul class="tiw-service-list">(.*?)</ul>\s*</li>\s*</ul>', page.html, re.S)
    assert m, f"{page.url}: no service list from data/services.yml"
    listed = m.group(0)
    expected = [s for s in PUBLISHED if audience in s["audiences"]]
    assert expected, f"no published service has the audience {audience}"
    assert listed.count("<strong>") == len(expected)
    for s in expected:
        assert f"<strong>{s['name'][lang]}</strong>" in listed
        for c in s["contacts"]:
            label = (c.get("label_ti") or c["label"])[lang]  # these pages say "ti"
            assert label in listed, f"{page.url}: '{label}' missing"
    # The Welsh pages for children and young people say "ti", never "Ffoniwch" / "Anfonwch".
    if lang == "cy":
        assert "Ffoniwch" not in listed and "Anfonwch" not in listed


def test_every_service_list_uses_an_audience_the_data_has():
    audiences = {a for s in SERVICES for a in s["audiences"]} - {"everyone"}
    assert {a for a, _ in LISTS} == audiences, "an audience in data/services.yml has no page listing it (or the other way)"
