"""Welsh alphabetical order (tiw/core/collation.py) for every list sorted by name on a Welsh page: the
Glossary and the resource catalogue's lists. Words are real ones from the site, or Welsh place names
and the dictionary order the sources of data/welsh_collation.yml give."""

from __future__ import annotations

import html
import re

import pytest

from tests.sitepages import SITE
from tiw.core import collation
from tiw.core.collation import sort_key, welsh_letters
from tiw.core.errors import DataError


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
        # n + g that are two letters (data/welsh_collation.yml): the greedy reading gets each wrong
        ("baner", "Bangor"),  # b a n e < b a n g (dictionary order: baner, Bangor, banhadlen)
        ("Bangor", "banhadlen"),  # n g < n h
        ("danfon", "dangos"),  # n f < n g (dictionary order: danfon, dangos, dannod)
        ("Llanelli", "Llangollen"),  # ll a n e < ll a n g
        ("hunanbenderfyniaeth", "hunangymorth"),  # both on the site: n b < n g
        ("hunanbenderfyniaeth", "hunangofiant"),
    ],
)
def test_welsh_alphabetical_order(before, after):
    assert sort_key(before, "cy") < sort_key(after, "cy")
    assert sorted([after, before], key=lambda t: sort_key(t, "cy")) == [before, after]


def test_digraphs_are_single_letters():
    assert welsh_letters("Llongyfarchiadau") == ["ll", "o", "ng", "y", "f", "a", "r", "ch", "i", "a", "d", "a", "u"]


@pytest.mark.parametrize(
    "text, letters",
    [
        ("Bangor", "b a n g o r"),
        ("ym Mangor", "y m _ m a n g o r"),  # the nasal mutation of the name
        ("ymddangos", "y m dd a n g o s"),  # dangos inside a longer word (on the site)
        ("dangosyddion", "d a n g o s y dd i o n"),
        ("Llangefni", "ll a n g e f n i"),
        ("hunangymorth", "h u n a n g y m o r th"),
        # the letter ng everywhere else, a listed spelling included when it does not begin the word
        ("angen", "a ng e n"),
        ("yng Nghymru", "y ng _ ng h y m r u"),
        ("xbangor", "x b a ng o r"),  # a probe, not a word: "ban-gor" counts only where a word begins
    ],
)
def test_n_and_g_are_two_letters_only_in_the_listed_words(text, letters):
    assert welsh_letters(text) == [" " if x == "_" else x for x in letters.split()]


def _broken_exceptions(tmp_path, monkeypatch, old: str, new: str):
    text = collation.EXCEPTIONS_FILE.read_text(encoding="utf-8")
    assert old in text
    broken = tmp_path / "welsh_collation.yml"
    broken.write_text(text.replace(old, new, 1), encoding="utf-8")
    monkeypatch.setattr(collation, "EXCEPTIONS_FILE", broken)


@pytest.mark.parametrize(
    "old, new, pattern",
    [
        ("[dan-gos]", "[dangos]", r"line \d+, field 'n_plus_g\[2\]\.spellings\[1\]'.*one hyphen between the n and the g"),
        ("[dan-gos]", "[dan-gos, ban-gor]", r"line \d+, n_plus_g entry 2, field 'spellings': 'ban-gor' is listed twice"),
        ("where: anywhere", "where: inside", r"line \d+, field 'n_plus_g\[2\]\.where'"),
    ],
)
def test_a_bad_exception_names_file_line_and_field(tmp_path, monkeypatch, old, new, pattern):
    _broken_exceptions(tmp_path, monkeypatch, old, new)
    with pytest.raises(DataError, match=pattern) as caught:
        welsh_letters("Bangor")
    assert str(caught.value).startswith(str(tmp_path / "welsh_collation.yml")), caught.value


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
