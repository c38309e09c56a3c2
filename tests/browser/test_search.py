"""Search in a real browser: each language's search box uses its own index, Welsh search matches
through mutations both ways, results show the page's own words, and the open search is accessible.

The query words are chosen from the built Welsh index by tiw/search/welsh.py (no word is hard-coded), so
the tests follow the content."""

from __future__ import annotations

import functools
import re
import time
from collections import defaultdict
from html import unescape
from urllib.parse import parse_qs, urlsplit

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


@functools.cache
def _pages(lang: str) -> dict[str, frozenset[str]]:
    pages: dict[str, set[str]] = defaultdict(set)
    for doc in read_indexes(SITE)[lang]["docs"]:
        pages[doc["location"].split("#")[0]] |= _words(doc)
    return {page: frozenset(words) for page, words in pages.items()}


@functools.cache
def _pages_per_key() -> dict[str, set[str]]:
    out: dict[str, set[str]] = defaultdict(set)
    rules = welsh.rules()
    for page, words in _pages("cy").items():
        for w in words:
            out[welsh.fold_with(w, rules)].add(page)
    return dict(out)


@functools.cache
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


def mutated_only_word(mutations=tuple(MUTATIONS)):
    """(radical, mutated form, page): the page has the mutated form and no word starting with
    the radical, so only folding can find it by the radical."""
    pairs = []
    for page, words in _pages("cy").items():
        for word in words:
            for start, radical in mutations:
                if word.startswith(start) and _wordlike(word):
                    plain = radical + word[len(start) :]
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


@functools.cache
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
    common = [
        (min(counts["en"][w], counts["cy"][w]), w)
        for w in counts["en"].keys() & counts["cy"].keys()
        if w.isalpha() and len(w) >= 4 and not welsh.is_stop_word(w) and w not in ("with", "from", "this", "that")
    ]
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
    # The worker answers every keystroke: results for a partial query ("Trauma-") can be on screen
    # before those for the whole one. Wait until the list has stopped changing.
    links = ".md-search-result__list a.md-search-result__link"
    before, deadline = None, time.monotonic() + 10
    while time.monotonic() < deadline:
        now = tab.page.eval_on_selector_all(links, "els => els.map(e => e.getAttribute('href'))")
        if now == before:
            return
        before = now
        tab.page.wait_for_timeout(400)


def search(tab, base_url, url, query):
    """Open the page, type the query as a reader does, return (result links, highlighted words)."""
    tab.page.goto(base_url + url)
    tab.page.click(".md-search__input")
    type_query(tab, query)
    links = tab.page.eval_on_selector_all(
        ".md-search-result__list a.md-search-result__link", "els => els.map(e => e.getAttribute('href'))"
    )
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
    assert mutated in [m.lower().strip(".,;:!?()'’") for m in marks], (
        f"the result does not show the page's own word {mutated!r}: {marks[:10]}"
    )


def test_mutated_form_finds_a_page_that_has_only_the_radical(tab, base_url):
    mutated, radical, page = radical_only_word()
    paths, marks = search(tab, base_url, "cy/", mutated)
    assert "/cy/" + page in paths, f"searching {mutated!r} did not find /cy/{page} (it has {radical!r}): {paths[:10]}"
    assert radical in [m.lower().strip(".,;:!?()'’") for m in marks], (
        f"the result does not show the page's own word {radical!r}: {marks[:10]}"
    )
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


# -- search that lands, ranking, typos, the other language (issue 15) --------------------------------
# Widths: a phone (the search box is behind the header's search button) and a desktop.
WIDTHS = [375, 1280]


def open_search(tab, base_url, url, width):
    tab.page.set_viewport_size({"width": width, "height": 800})
    tab.page.goto(base_url + url)
    button = tab.page.query_selector("label.md-header__button[for=__search]")
    if button is not None and button.is_visible():
        button.click()
    else:
        tab.page.click(".md-search__input")


def results_for(tab, base_url, url, query, width=1280):
    """The result pages (paths, in order, one per page) for a query typed as a reader types it."""
    open_search(tab, base_url, url, width)
    type_query(tab, query)
    hrefs = tab.page.eval_on_selector_all(
        ".md-search-result__list > li > a.md-search-result__link", "els => els.map(e => e.getAttribute('href'))"
    )
    return hrefs, [urlsplit(h).path for h in hrefs]


def level_names() -> list[tuple[str, str, str]]:
    """(language prefix, level name, level page) for every practice level in both languages."""
    from tests.resourcepages import levels

    return [
        (prefix, lv["name"][lang], f"/{prefix}framework/levels/{lid}/")
        for lid, lv in levels().items()
        for lang, prefix in (("en", ""), ("cy", "cy/"))
    ]


@pytest.mark.parametrize("width", WIDTHS)
def test_result_link_carries_the_readers_words_and_the_page_marks_every_form(tab, base_url, width):
    # the mutated form is searched; the page has only the radical: the link must carry what was
    # typed, and the landed page must mark the radical form it matched
    mutated, radical, page = radical_only_word()
    hrefs, paths = results_for(tab, base_url, "cy/", mutated, width)
    link = next(h for h, p in zip(hrefs, paths) if p == "/cy/" + page)
    assert parse_qs(urlsplit(link).query).get("h") == [mutated], f"the result link for {mutated!r} is {link}"
    tab.page.goto(link if link.startswith("http") else base_url + link.lstrip("/"))
    tab.page.wait_for_selector("mark.tiw-hit", timeout=5000)
    marks = {m.lower() for m in tab.page.eval_on_selector_all("article mark.tiw-hit", "els => els.map(e => e.textContent)")}
    assert radical in marks, f"/cy/{page}?h={mutated} marks {sorted(marks)[:10]}, not the page's own {radical!r}"
    assert all(welsh.fold(m).startswith(welsh.fold(mutated)) or len(welsh.fold(mutated)) >= 5 for m in marks)


@pytest.mark.parametrize("width", WIDTHS)
def test_landed_page_marks_the_mutated_forms_of_a_radical(tab, base_url, width):
    # a nasal mutation: two letters away from the radical, so typo tolerance cannot match it
    radical, mutated, page = mutated_only_word(tuple(MUTATIONS[:3]))
    tab.page.set_viewport_size({"width": width, "height": 800})
    tab.page.goto(f"{base_url}cy/{page}?h={radical}")
    tab.page.wait_for_selector("mark.tiw-hit", timeout=5000)
    marks = {m.lower() for m in tab.page.eval_on_selector_all("article mark.tiw-hit", "els => els.map(e => e.textContent)")}
    assert mutated in marks, f"/cy/{page}?h={radical} marks {sorted(marks)[:10]}, not {mutated!r}"


def test_english_result_link_carries_the_readers_words(tab, base_url):
    word = shared_word()
    query = word.upper()  # the reader's own casing is kept too
    hrefs, _ = results_for(tab, base_url, "", query)
    assert hrefs and all(parse_qs(urlsplit(h).query).get("h") == [query] for h in hrefs), hrefs[:3]


@pytest.mark.parametrize("prefix, name, level_page", level_names())
def test_level_name_finds_its_level_page_first(tab, base_url, prefix, name, level_page):
    _, paths = results_for(tab, base_url, prefix, name)
    assert paths and paths[0] == level_page, f"{name!r} on /{prefix}: first results {paths[:4]}"


@pytest.mark.parametrize("width", WIDTHS)
def test_a_whole_word_in_titles_outranks_a_longer_word(tab, base_url, width):
    # "lefel ymarfer" once put the definition page first, through "ymarferol"; the four Welsh
    # level pages have both words whole at the start of their titles
    _, paths = results_for(tab, base_url, "cy/", "lefel ymarfer", width)
    levels = {p for _, _, p in level_names() if p.startswith("/cy/")}
    assert set(paths[:4]) == levels, f"'lefel ymarfer': first results {paths[:6]}"


@pytest.mark.parametrize("prefix, word", [("cy/", "trawma"), ("", "trauma")])
def test_the_sites_main_word_does_not_put_the_role_quiz_first(tab, base_url, prefix, word):
    _, paths = results_for(tab, base_url, prefix, word)
    assert paths and "which-level" not in paths[0], f"{word!r}: first results {paths[:4]}"
    title = tab.page.inner_text(".md-search-result__list > li:first-child h1")
    assert (
        word in welsh.fold(title.lower()).split()
        or word in re.split(r"[\s\-]+", title.lower())
        or any(w.startswith(word) for w in welsh.words(title))
    ), f"the first result's title {title!r} lacks {word!r}"


def _typo(word: str) -> str:
    """The word with its middle letter doubled: one insertion away."""
    middle = len(word) // 2
    return word[:middle] + word[middle] + word[middle:]


@pytest.mark.parametrize("lang, width", [("en", 375), ("cy", 1280), ("en", 1280), ("cy", 375)])
def test_a_one_letter_typo_still_finds_the_page(tab, base_url, lang, width):
    from tests.resourcepages import levels

    prefix = "" if lang == "en" else "cy/"
    lid, level = next((k, v) for k, v in levels().items() if k == "specialist")
    word = max(re.findall(r"\w+", level["name"][lang]), key=len)
    assert len(word) >= 6
    typo = _typo(word.lower())
    _, paths = results_for(tab, base_url, prefix, typo, width)
    assert f"/{prefix}framework/levels/{lid}/" in paths[:5], f"{typo!r} (for {word!r}) on /{prefix}: {paths[:6]}"


def test_short_words_get_no_typo_tolerance(tab, base_url):
    # four letters: one edit would match too much ("care" ~ "core", "cafe")
    _, paths = results_for(tab, base_url, "", "qare")
    assert paths == [], f"'qare' found {paths[:4]}"


def _only_in(lang: str, other: str) -> str:
    mine = set().union(*_pages(lang).values())
    theirs = set().union(*_pages(other).values())
    for word in sorted(mine - theirs, key=lambda w: (-len(w), w)):
        if _wordlike(word) and not any(t.startswith(word[:5]) for t in theirs):
            return word
    pytest.fail(f"no word of the {lang} pages is missing from the {other} pages")


@pytest.mark.parametrize("here, there, width", [("", "cy/", 375), ("cy/", "", 1280)])
def test_a_word_of_the_other_language_offers_the_search_there(tab, base_url, here, there, width):
    word = _only_in("cy" if there else "en", "en" if there else "cy")
    _, paths = results_for(tab, base_url, here, word, width)
    assert paths == [], f"{word!r} on /{here} found {paths[:3]}"
    offer = tab.page.wait_for_selector(".tiw-search-other a", state="visible", timeout=10000)
    href = offer.get_attribute("href")
    assert urlsplit(href).path == "/" + there and parse_qs(urlsplit(href).query)["q"] == [word], href
    assert word in offer.inner_text()
    assert offer.get_attribute("hreflang") == (there.rstrip("/") or "en")
    violations = tab.axe()
    assert violations == [], f"/{here} with the offer shown at {width}px:\n{describe(violations)}"
    with tab.page.expect_navigation():
        offer.click()
    tab.page.wait_for_selector("#__config", state="attached")
    tab.page.wait_for_function(RESULTS_SHOWN, timeout=15000)
    found = tab.page.eval_on_selector_all(".md-search-result__list > li > a", "els => els.length")
    assert found > 0, f"following the offer for {word!r} found nothing on /{there}"
    assert tab.foreign_requests() == []


@pytest.mark.parametrize("lang, width", [("en", 1280), ("cy", 375)])
def test_a_typo_match_does_not_list_the_word_as_missing(tab, base_url, lang, width):
    # the theme lists a query word as "Missing" unless a matched word starts with it; a word found
    # one letter away is not missing (workers/tiw-search.js)
    from tests.resourcepages import levels

    prefix = "" if lang == "en" else "cy/"
    word = max(re.findall(r"\w+", levels()["specialist"]["name"][lang]), key=len)
    typo = _typo(word.lower())
    _, paths = results_for(tab, base_url, prefix, typo, width)
    assert paths, f"{typo!r} found nothing on /{prefix}"
    missing = tab.page.eval_on_selector_all(".md-search-result__terms", "els => els.map(e => e.textContent.trim())")
    assert missing == [], f"{typo!r} (for {word!r}) on /{prefix}: {missing[:3]}"


def _in_neither() -> str:
    """A made-up word that no word of either language starts with or is one letter away from."""
    word = "qxzvkjw"
    every = set().union(*_pages("en").values(), *_pages("cy").values())
    near = [w for w in every if w.startswith(word) or _one_edit(w, word)]
    assert not near, f"{word!r} is too near {near}: choose another made-up word"
    return word


def _one_edit(a: str, b: str) -> bool:
    if abs(len(a) - len(b)) > 1:
        return False
    i = 0
    while i < min(len(a), len(b)) and a[i] == b[i]:
        i += 1
    if len(a) == len(b):
        return a[i + 1 :] == b[i + 1 :]
    return a[i + 1 :] == b[i:] if len(a) > len(b) else a[i:] == b[i + 1 :]


@pytest.mark.parametrize("here, there, width", [("", "cy/", 1280), ("cy/", "", 375)])
def test_no_offer_when_the_other_language_has_no_match_either(tab, base_url, here, there, width):
    word = _in_neither()
    _, paths = results_for(tab, base_url, here, word, width)
    assert paths == [], f"{word!r} on /{here} found {paths[:3]}"
    # search-landing.js marks the query once it has looked in the other language's index
    # a function, not an expression: a polled expression is eval'd in the page, which the CSP refuses
    tab.page.wait_for_function(
        "w => document.documentElement.getAttribute('data-tiw-search-other-checked') === w", arg=word, timeout=10000
    )
    assert f"/{there}search/search_index.json" in _index_requests(tab), "the other language's index was not consulted"
    assert not tab.page.is_visible(".tiw-search-other a"), f"{word!r} is in neither language, but the offer is shown on /{here}"


@pytest.mark.parametrize("here, there", [("", "cy/"), ("cy/", "")])
def test_a_search_with_results_does_not_fetch_the_other_index(tab, base_url, here, there):
    _, paths = results_for(tab, base_url, here, shared_word())
    assert paths, f"{shared_word()!r} found nothing on /{here}"
    tab.page.wait_for_timeout(300)
    assert _index_requests(tab) == [f"/{here}search/search_index.json"], _index_requests(tab)
    assert not tab.page.is_visible(".tiw-search-other a")


STALE_ANSWER = """([none, ms]) => {
  // what the theme does when the worker's answer to an earlier query comes in after the reader
  // has typed on: "No matching documents" over an empty list, then the answer to the whole query
  const meta = document.querySelector('.md-search-result__meta');
  const list = document.querySelector('.md-search-result__list');
  const [text, items] = [meta.textContent, list.innerHTML];
  meta.textContent = none;
  list.innerHTML = '';
  setTimeout(() => { meta.textContent = text; list.innerHTML = items; }, ms);
}"""


@pytest.mark.parametrize("here", ["", "cy/"])
def test_a_late_answer_to_an_earlier_query_does_not_fetch_the_other_index(tab, base_url, here):
    own = f"/{here}search/search_index.json"
    _, paths = results_for(tab, base_url, here, shared_word())
    assert paths and _index_requests(tab) == [own], _index_requests(tab)
    none = tab.page.evaluate("JSON.parse(document.getElementById('__config').textContent).translations['search.result.none']")
    tab.page.evaluate(STALE_ANSWER, [none, 150])
    tab.page.wait_for_timeout(1500)
    assert _index_requests(tab) == [own], "a momentary 'no results' fetched the other language's index"
    assert not tab.page.is_visible(".tiw-search-other a")
