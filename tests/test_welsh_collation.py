"""Welsh alphabetical order (tiw/core/collation.py) for every list sorted by name on a Welsh page: the
Glossary and the resource catalogue's lists. Words are real ones from the site."""

from __future__ import annotations

import html
import re

import pytest

from tests.sitepages import SITE
from tiw.core.collation import sort_key, welsh_letters


@pytest.mark.parametrize(
    "before, after",
    [
        ("Trawma gwell", "Therapïau trawma"),  # t < th (English order puts Therapïau first)
        ("lwfans", "llesiant"),  # l < ll
        ("Cymru", "Chwilio"),  # c < ch
        ("Dull", "ddiogel"),  # d < dd
        ("fframwaith", "ffydd"),  # ff is one letter; then r < y
        ("Fersiwn", "Fframwaith"),  # f < ff
        ("gwydnwch", "Nghymru"),  # g < ng
        ("Nghymru", "hafan"),  # ng < h (English order puts hafan first)
        ("polisi", "phrofiad"),  # p < ph
        ("rôl", "rhagor"),  # r < rh; ô sorts as o
        ("Trawma", "Trawma dirprwyol"),  # word by word: a shorter word first
    ],
)
def test_welsh_alphabetical_order(before, after):
    assert sort_key(before, "cy") < sort_key(after, "cy")
    assert sorted([after, before], key=lambda t: sort_key(t, "cy")) == [before, after]


def test_digraphs_are_single_letters():
    assert welsh_letters("Llongyfarchiadau") == ["ll", "o", "ng", "y", "f", "a", "r", "ch", "i", "a", "d", "a", "u"]


def _glossary_terms(lang: str) -> list[str]:
    page = SITE / ("cy/" if lang == "cy" else "") / "framework" / "glossary" / "index.html"
    return [html.unescape(t) for t in re.findall(r'<dt id="term-[^"]+">([^<]+)</dt>', page.read_text(encoding="utf-8"))]


def test_the_welsh_glossary_is_in_welsh_alphabetical_order():
    terms = _glossary_terms("cy")
    assert len(terms) >= 20, terms
    assert terms == sorted(terms, key=lambda t: sort_key(t, "cy")), terms
    # the case English order gets wrong: th after t
    assert terms.index("Therapïau trawma") > terms.index("Trawma gwell")


def test_the_english_glossary_keeps_the_frameworks_order():
    terms = _glossary_terms("en")
    assert terms[0].startswith("Adverse Childhood Experiences") and terms[-1] == "Wider Determinants of Health"


def _resource_titles(path) -> list[list[str]]:
    """The titles of each resource list (<ul class="tiw-resources">) on a built page, in page order."""
    chunks = path.read_text(encoding="utf-8").split('<ul class="tiw-resources"')[1:]
    out = []
    for chunk in chunks:
        titles = re.findall(r'<h[2-6] class="tiw-resource__title"[^>]*><a [^>]*>(.*?)</a>', chunk, re.S)
        out.append([html.unescape(re.sub(r"<[^>]+>", "", t)).strip() for t in titles])
    return [t for t in out if len(t) > 1]


@pytest.mark.parametrize("page", ["cy/resources/index.html", "cy/resources/trauma-aware/index.html"])
def test_welsh_resource_lists_are_in_welsh_alphabetical_order(page):
    lists = _resource_titles(SITE / page)
    assert lists, f"{page}: no resource list found"
    for titles in lists:
        assert titles == sorted(titles, key=lambda t: sort_key(t, "cy")), titles
