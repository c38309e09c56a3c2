"""Welsh search: the mutation folding in Python (index side) and in JavaScript (the browser's query
side) over the same vectors, the stop words, the rules file's error messages, and the built
per-language indexes (content, settings, search base, size)."""

from __future__ import annotations

import importlib.util
import json
import re
import shutil
import subprocess
from urllib.parse import urljoin

import pytest

from tests.sitepages import SITE, built_pages
from tiw import ROOT
from tiw.core.errors import DataError
from tiw.search import welsh
from tiw.search.index import index_path, index_sizes, read_indexes

VECTORS = json.loads((ROOT / "tests" / "data" / "welsh-mutations.json").read_text(encoding="utf-8"))
SAME = VECTORS["same_key"]
DIFFERENT = VECTORS["different_keys"]
WELSH_JS = ROOT / "docs" / "assets" / "javascripts" / "welsh-search.js"

# Runs welsh-search.js under node: reads {rules, words, terms} on stdin, prints what it computed.
NODE_HARNESS = """
const api = require(process.argv[1]);
let input = "";
process.stdin.on("data", d => input += d);
process.stdin.on("end", () => {
  const { rules, words, terms } = JSON.parse(input);
  const w = api.create(rules);
  console.log(JSON.stringify({
    fold: words.map(w.fold),
    stop: words.map(w.isStopWord),
    trim: words.map(w.trim),
    query: terms.map(w.foldQueryTerm),
  }));
});
"""


def run_js(words: list[str], terms: list[str] = ()) -> dict:
    node = shutil.which("node")
    assert node, "node is not installed (the JavaScript side of the shared vectors runs under node)"
    payload = json.dumps({"rules": welsh.rules().as_json(), "words": words, "terms": list(terms)})
    done = subprocess.run([node, "-e", NODE_HARNESS, str(WELSH_JS)], input=payload, capture_output=True, text=True, timeout=60)
    assert done.returncode == 0, done.stderr
    return json.loads(done.stdout)


# --- the mutation table, both sides ---------------------------------------------------------


@pytest.mark.parametrize("radical, form, key", SAME, ids=[f"{r}/{f}" for r, f, _ in SAME])
def test_python_folds_radical_and_mutated_form_to_the_key(radical, form, key):
    assert welsh.fold(radical) == key
    assert welsh.fold(form) == key
    assert welsh.fold(key) == key, "a key must fold to itself (the query is folded once, the index once)"


@pytest.mark.parametrize("a, b, why", DIFFERENT, ids=[f"{a}/{b}" for a, b, _ in DIFFERENT])
def test_python_keeps_different_initials_apart(a, b, why):
    assert welsh.fold(a) != welsh.fold(b), why


def test_javascript_folds_the_shared_vectors_as_python_does():
    words = [w for r, f, k in SAME for w in (r, f, k)] + [w for a, b, _ in DIFFERENT for w in (a, b)]
    result = run_js(words)
    expected = [k for r, f, k in SAME for _ in range(3)]
    got = result["fold"][: len(expected)]
    wrong = [(w, g, e) for w, g, e in zip(words, got, expected) if g != e]
    assert not wrong, f"welsh-search.js folds differently from the vectors (word, got, expected): {wrong}"
    rest = list(zip(words[len(expected) :], result["fold"][len(expected) :]))
    for (a, fa), (b, fb) in zip(rest[::2], rest[1::2]):
        assert fa != fb, f"welsh-search.js folds {a} and {b} to the same key {fa}"


def test_javascript_agrees_with_python_on_every_word_of_the_welsh_site():
    text = " ".join(d["title"] + " " + re.sub(r"<[^>]+>", " ", d["text"]) for d in read_indexes(SITE)["cy"]["docs"])
    words = sorted({w for w in re.split(welsh.theme_string("search.config.separator"), text) if w})
    assert len(words) > 500, "the Welsh index has too few words to compare"
    result = run_js(words)
    for name, py in (("fold", welsh.fold), ("stop", welsh.is_stop_word), ("trim", welsh.trim)):
        differ = [(w, js, py(w)) for w, js in zip(words, result[name]) if js != py(w)]
        assert not differ, f"{name}: JavaScript and Python differ (word, js, python): {differ[:10]}"


def test_query_terms_are_folded_keeping_wildcards_and_stop_words():
    terms = ["drawma*", "nhrawma", "*rawma", "yn*", "mhlentyn*", "“drawma”*", "hynny"]
    got = run_js([], terms)["query"]
    assert got == ["trawma*", "trawma", "*rawma", "yn*", "plentyn*", "trawma*", "hynny"]


# --- stop words ------------------------------------------------------------------------------


def test_stop_words_are_welsh_function_words_in_both_languages_of_code():
    stop = sorted(welsh.rules().stop_words)
    content = ["trawma", "plentyn", "cymuned", "dŷ", "cefnogaeth", "lles", "gwydnwch"]
    for word in ("y", "yr", "a", "ac", "â", "mae", "yn", "sydd", "wedi", "gyda", "hefyd"):
        assert word in stop
    result = run_js(stop + content)
    assert all(result["stop"][: len(stop)])
    assert not any(result["stop"][len(stop) :]), "a content word is treated as a stop word"
    assert not any(welsh.is_stop_word(w) for w in content)
    assert welsh.is_stop_word("Mae") and welsh.is_stop_word("YN")


def test_index_terms_drop_stop_words_and_fold_the_rest():
    terms = welsh.index_terms("Mae’r plant yn cael eu cefnogi gan y gymuned yng Nghymru, a’r nhrawma (ei henw).")
    assert terms == ["plant", "cael", "cefnogi", "cymuned", "cymru", "trawma", "cenw"]


# --- bad rules fail with the file, line and field ---------------------------------------------


def _broken_rules(tmp_path, monkeypatch, old, new):
    text = welsh.RULES_FILE.read_text(encoding="utf-8")
    assert old in text, f"fixture out of date: {old!r}"
    broken = tmp_path / "welsh_search.yml"
    broken.write_text(text.replace(old, new, 1), encoding="utf-8")
    monkeypatch.setattr(welsh, "RULES_FILE", broken)


@pytest.mark.parametrize(
    "old, new, pattern",
    [
        ("  - {from: b, to: p,", "  - {from: B, to: p,", r"line \d+.*initials.*from.*lower-case letters"),
        (
            "  - {from: m, to: p,",
            "  - {from: m, to: b,",
            r"line \d+, initials entry \d+ \('m'\), field 'to': the key 'b' is itself folded to 'p'",
        ),
        (
            "  - {from: l, to: ll,",
            "  - {from: b, to: ll,",
            r"line \d+, initials entry \d+, field 'from': the initial 'b' is listed twice",
        ),
        (
            "  - hefyd\n",
            "  - hefyd\n  - hefyd\n",
            r"line \d+, stop_words entry \d+: 'hefyd' is listed twice \(first on line \d+\)",
        ),
        ("h_before_vowel: true", "h_before_vowel: yes please", r"line \d+.*h_before_vowel"),
    ],
    ids=["capital initial", "key that folds again", "duplicate initial", "duplicate stop word", "not a boolean"],
)
def test_bad_rules_name_file_line_and_field(tmp_path, monkeypatch, old, new, pattern):
    _broken_rules(tmp_path, monkeypatch, old, new)
    with pytest.raises(DataError) as err:
        welsh.load_rules()
    assert "welsh_search.yml" in str(err.value)
    assert re.search(pattern, str(err.value), re.S), str(err.value)


def test_bad_rules_stop_the_build(tmp_path, monkeypatch):
    from mkdocs.exceptions import PluginError

    spec = importlib.util.spec_from_file_location("search_index_hook", ROOT / "hooks" / "search_index.py")
    hook = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(hook)
    _broken_rules(tmp_path, monkeypatch, "vowel_key: c", "vowel_key: a")
    with pytest.raises(PluginError, match=r"welsh_search\.yml, line \d+, field 'vowel_key'"):
        hook.on_config(None)


# --- the built indexes ---------------------------------------------------------------------------


def _page_url(location: str) -> str:
    return location.split("#")[0]


def test_each_language_has_its_own_index_with_only_its_pages():
    indexes = read_indexes(SITE)
    for lang in ("en", "cy"):
        root = SITE / ("" if lang == "en" else "cy")
        indexed = {_page_url(d["location"]) for d in indexes[lang]["docs"]}
        assert indexed, f"{lang}: the index is empty"
        if lang == "en":
            assert not [u for u in indexed if u.startswith("cy/")], "Welsh pages are in the English index"
        else:
            assert not [u for u in indexed if u.startswith("cy/")], "Welsh locations must be relative to /cy/"
        not_pages = sorted(u for u in indexed if not (root / u / "index.html").is_file())
        assert not not_pages, f"{lang}: locations that are not pages of this language: {not_pages[:5]}"
        pages = {
            p.url[len("" if lang == "en" else "cy/") :]
            for p in built_pages(lang)
            if p.html_path.is_file() and not p.url.endswith("404.html")
        }
        missing = sorted(pages - indexed)
        assert len(missing) <= len(pages) // 10, f"{lang}: pages missing from the index: {missing[:10]}"


def test_index_settings_are_each_languages_own():
    indexes = read_indexes(SITE)
    en, cy = indexes["en"]["config"], indexes["cy"]["config"]
    assert en["lang"] == ["en"] and "stopWordFilter" in en["pipeline"]
    assert cy["lang"] == ["cy"]
    assert set(cy["pipeline"]) == {"trimmer", "stopWordFilter", "stemmer"}
    assert cy["separator"] == welsh.theme_string("search.config.separator")
    worker = (SITE / "assets/javascripts/lunr/min/lunr.cy.min.js").read_text(encoding="utf-8")
    rules = json.loads(re.search(r"self\.TIW_WELSH_SEARCH=(\{.*?\});\n", worker).group(1))
    assert rules == welsh.rules().as_json(), "the published Welsh rules are not those of data/welsh_search.yml"
    assert WELSH_JS.read_text(encoding="utf-8") in worker


def test_welsh_index_holds_welsh_text_and_english_index_english_text():
    indexes = read_indexes(SITE)
    text = {lang: " ".join(d["text"] for d in idx["docs"]).lower() for lang, idx in indexes.items()}
    for word in (" ystyriol ", " mae ", " gyda ", " fframwaith "):
        assert word in text["cy"], f"{word!r} is not in the Welsh index"
        assert word not in text["en"], f"{word!r} (Welsh) is in the English index"
    for word in (" the ", " with ", " framework "):
        assert word in text["en"], f"{word!r} is not in the English index"


def _search_base(html: str) -> str:
    config = json.loads(re.search(r'<script id="__config" type="application/json">(.*?)</script>', html, re.S).group(1))
    return config["base"]


@pytest.mark.parametrize("page", [p for p in built_pages() if p.html_path.is_file()][::7], ids=lambda p: p.url or "/")
def test_search_base_is_the_pages_language_root(page):
    base = _search_base(page.html)
    resolved = urljoin("http://site/" + page.url, base)
    assert resolved == ("http://site/cy/" if page.lang == "cy" else "http://site/"), f"{page.url}: base {base}"
    assert urljoin(resolved, "search/search_index.json") == "http://site/" + index_path("", page.lang).as_posix()


@pytest.mark.parametrize("lang", ["en", "cy"])
def test_404_page_searches_its_own_language(lang):
    page = SITE / ("" if lang == "en" else "cy") / "404.html"
    assert _search_base(page.read_text(encoding="utf-8")) == ("/" if lang == "en" else "/cy/")


def test_each_index_is_no_larger_than_its_share_of_the_combined_index():
    sizes = index_sizes(SITE)
    print("\nSearch index sizes (bytes):", json.dumps(sizes, indent=1))
    for lang in ("en", "cy"):
        s = sizes[lang]
        assert 0 < s["raw"] <= s["share_raw"], f"{lang}: {s['raw']} bytes, its share is {s['share_raw']}"
        assert s["gzip"] < sizes["combined"]["gzip"] * 0.6, (
            f"{lang}: gzipped {s['gzip']} is not much less than the combined index"
        )
        assert s["gzip"] <= 150 * 1024, f"{lang}: {s['gzip']} bytes gzipped is over the 150 KiB budget (issue 9)"


@pytest.mark.parametrize("lang", ["en", "cy"])
def test_glossary_entries_do_not_run_together_in_search_snippets(lang):
    # issue 15: "(ACEs)Chronic stress…AdversityA difficult…": each term is followed by a space
    # and its definition starts a paragraph of its own in the index the snippets come from
    import html

    import yaml

    terms = [
        t for t in yaml.safe_load((ROOT / "data" / "glossary.yml").read_text(encoding="utf-8"))["terms"] if t.get("glossary")
    ]
    assert terms
    entry = next(d for d in read_indexes(SITE)[lang]["docs"] if d["location"] == "framework/glossary/")
    text = html.unescape(entry["text"])
    for term in terms:
        definition = " ".join(term["definition"][lang].split())
        start = re.escape(definition[:30])
        assert re.search(re.escape(term["term"][lang]) + r"\s+<p>" + start, text), (
            f"{lang}: the glossary entry {term['id']!r} runs into its neighbours in the search index"
        )
