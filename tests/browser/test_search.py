"""Search in a real browser: each language's search box uses its own index, Welsh search matches
through mutations both ways, results show the page's own words, and the open search is accessible.

The query words are chosen from the built Welsh index by tiw/search/welsh.py (no word is hard-coded), so
the tests follow the content."""
from __future__ import annotations

import functools
import re
from html import unescape
from collections import defaultdict
from urllib.parse import urlsplit

import pytest

from tests.browser.conftest import describe
from tests.sitepages import SITE
from tiw.search import welsh
from tiw.search.index import read_indexes

pytestmark = pytest.mark.browser

# Mutated initials that can only be mutations, and their radicals (nasal, aspirate p, soft d).
MUTATIONS = [("ngh", "c"), ("nh", "t"), ("mh", "p"), ("ph", "p"), ("dd", "d")]


def _words(doc: dict) -> set[str]:
    """The surface words of an index entry, as the Welsh index sees them (lower case, trimmed)."""
    return set(welsh.words(doc["title"] + " " + re.sub(r"<[^>]+>", " ", doc["text"])))


def _wordlike(word: str) -> bool:
    # 7 to 14 letters: long enough to be specific, short enough not to be words run together
    # (the theme's index drops the space between some labels and values)
    return word.isalpha() and 7 <= len(word) <= 14


@functools.lru_cache(maxsize=None)
def _pages(lang: str) -> dict[str, frozenset[str]]:
    pages: dict[str, set[str]] = defaultdict(set)
    for doc in read_indexes(SITE)[lang]["docs"]:
        pages[doc["location"].split("#")[0]] |= _words(doc)
    return {page: frozenset(words) for page, words in pages.items()}


@functools.lru_cache(maxsize=None)
def _pages_per_key() -> dict[str, set[str]]:
    out: dict[str, set[str]] = defaultdict(set)
    rules = welsh.rules()
    for page, words in _pages("cy").items():
        for w in words:
            out[welsh.fold_with(w, rules)].add(page)
    return dict(out)


@functools.lru_cache(maxsize=None)
def _page_words(page: str) -> frozenset[str]:
    """The words of the page's article, every tag a word break (the index runs some words
    together where the page puts them in separate elements)."""
    html = (SITE / "cy" / page / "index.html").read_text(encoding="utf-8")
    article = re.search(r"<article[^>]*>(.*)</article>", html, re.S)
    body = re.sub(r"<(script|style)[^>]*>.*?</\1>", " ", article.group(1) if article else html, flags=re.S)
    return frozenset(welsh.words(unescape(re.sub(r"<[^>]+>", " ", body))))


def _candidate(pairs):
    """The (searched, on the page, page) triple whose key is on the fewest pages (so the page is
    among the first results), longest word first; the word must be a word of the page itself."""
    per_key = _pages_per_key()
    for pair in sorted(pairs, key=lambda t: (len(per_key.get(welsh.fold(t[0]), ())), -len(t[0]), t)):
        if pair[1] in _page_words(pair[2]):
            return pair
    pytest.fail("no Welsh word fits: the test needs one")


def mutated_only_word():
    """(radical, mutated form, page): the page has the mutated form and no word starting with
    the radical, so only folding can find it by the radical."""
    pairs = []
    for page, words in _pages("cy").items():
        for word in words:
            for start, radical in MUTATIONS:
                if word.startswith(start) and _wordlike(word):
                    plain = radical + word[len(start):]
                    if not welsh.is_stop_word(plain) and not any(w.startswith(plain) for w in words):
                        pairs.append((plain, word, page))
                    break
    return _candidate(pairs)


def radical_only_word():
    """(mutated form, radical, page): the page has the radical and no word starting with its
    nasal form, so only folding can find it by the mutated form."""
    nasal = {radical: start for start, radical in MUTATIONS[:3]}
    pairs = []
    for page, words in _pages("cy").items():
        for word in words:
            if word[:1] in nasal and word[:2] not in ("ch", "th", "ph") and _wordlike(word):
                mutated = nasal[word[0]] + word[1:]
                if not welsh.is_stop_word(word) and not any(w.startswith(mutated) for w in words):
                    pairs.append((mutated, word, page))
    return _candidate(pairs)


@functools.lru_cache(maxsize=None)
def shared_word() -> str:
    """A word that both languages' pages use (a name, an acronym): the combined index returned
    both languages for it."""
    counts = {}
    for lang in ("en", "cy"):
        per_word: dict[str, int] = defaultdict(int)
        for words in _pages(lang).values():
            for w in words:
                per_word[w] += 1
        counts[lang] = per_word
    common = [(min(counts["en"][w], counts["cy"][w]), w) for w in counts["en"].keys() & counts["cy"].keys()
              if w.isalpha() and len(w) >= 4 and not welsh.is_stop_word(w) and w not in ("with", "from", "this", "that")]
    assert common, "no word is used in both languages"
    return max(common)[1]


RESULTS_SHOWN = """() => {
  const none = JSON.parse(document.getElementById('__config').textContent).translations['search.result.none'];
  const meta = document.querySelector('.md-search-result__meta');
  return document.querySelectorAll('.md-search-result__list > li').length > 0
    || (meta !== null && meta.textContent.trim() === none);
}"""


def type_query(tab, query):
    tab.page.keyboard.type(query, delay=20)
    tab.page.wait_for_function(RESULTS_SHOWN, timeout=15000)


def search(tab, base_url, url, query):
    """Open the page, type the query as a reader does, return (result links, highlighted words)."""
    tab.page.goto(base_url + url)
    tab.page.click(".md-search__input")
    type_query(tab, query)
    links = tab.page.eval_on_selector_all(".md-search-result__list a.md-search-result__link",
                                          "els => els.map(e => e.getAttribute('href'))")
    marks = tab.page.eval_on_selector_all(".md-search-result__list mark", "els => els.map(e => e.textContent)")
    return [urlsplit(h).path for h in links], marks


def _index_requests(tab):
    return sorted({urlsplit(u).path for u in tab.requests if u.endswith("search_index.json")})


def test_english_page_returns_english_pages_only(tab, base_url):
    word = shared_word()
    paths, _ = search(tab, base_url, "", word)
    assert paths, f"no results for {word!r}"
    assert not [p for p in paths if p.startswith("/cy/")], f"{word!r} on / gave Welsh pages: {paths}"
    assert _index_requests(tab) == ["/search/search_index.json"]


def test_welsh_page_returns_welsh_pages_only(tab, base_url):
    word = shared_word()
    paths, _ = search(tab, base_url, "cy/", word)
    assert paths, f"no results for {word!r}"
    assert all(p.startswith("/cy/") for p in paths), f"{word!r} on /cy/ gave English pages: {paths}"
    assert _index_requests(tab) == ["/cy/search/search_index.json"]


def test_radical_form_finds_a_page_that_has_only_the_mutated_form(tab, base_url):
    radical, mutated, page = mutated_only_word()
    paths, marks = search(tab, base_url, "cy/", radical)
    assert "/cy/" + page in paths, f"searching {radical!r} did not find /cy/{page} (it has {mutated!r}): {paths[:10]}"
    assert mutated in [m.lower().strip(".,;:!?()'’") for m in marks], \
        f"the result does not show the page's own word {mutated!r}: {marks[:10]}"


def test_mutated_form_finds_a_page_that_has_only_the_radical(tab, base_url):
    mutated, radical, page = radical_only_word()
    paths, marks = search(tab, base_url, "cy/", mutated)
    assert "/cy/" + page in paths, f"searching {mutated!r} did not find /cy/{page} (it has {radical!r}): {paths[:10]}"
    assert radical in [m.lower().strip(".,;:!?()'’") for m in marks], \
        f"the result does not show the page's own word {radical!r}: {marks[:10]}"
    assert not tab.page.query_selector_all(".md-search-result del"), "a matched word is shown as missing"


@pytest.mark.parametrize("url, width", [("cy/", 1280), ("cy/", 320)])
def test_open_search_with_results_is_accessible(tab, base_url, url, width):
    tab.page.set_viewport_size({"width": width, "height": 800})
    word = shared_word()
    if width < 600:  # the search field is behind the header's search button on a phone
        tab.page.goto(base_url + url)
        tab.page.click("label.md-header__button[for=__search]")
        type_query(tab, word)
    else:
        search(tab, base_url, url, word)
    assert tab.page.query_selector_all(".md-search-result__list > li"), f"no results for {word!r}"
    violations = tab.axe()
    assert violations == [], f"{url or '/'} at {width}px with search open:\n{describe(violations)}"
