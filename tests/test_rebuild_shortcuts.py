"""What makes a build (and a `make serve` rebuild) quicker must not change what it makes: the theme's
files found through the listing kept by hooks/template_cache.py are the ones MkDocs finds itself,
and the search entries remembered by hooks/search_index.py in a preview are the theme's own for
an unchanged page and made again for a changed one."""

from __future__ import annotations

import importlib.util
import shutil
import sys
from types import SimpleNamespace

import pytest
from mkdocs.config import load_config
from mkdocs.structure.files import Files

from tiw import ROOT


def _hook(name: str):
    spec = importlib.util.spec_from_file_location(f"test_hook_{name}", ROOT / "hooks" / f"{name}.py")
    module = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = module
    spec.loader.exec_module(module)
    return module


def test_the_kept_theme_listing_finds_the_same_files_as_mkdocs(monkeypatch):
    cache = _hook("template_cache")
    config = load_config(str(ROOT / "mkdocs.yml"))
    found = {}
    for how, get_env in (("mkdocs", cache._theme_env), ("kept", cache._get_env), ("kept again", cache._get_env)):
        monkeypatch.setattr(type(config.theme), "get_env", get_env)
        files = Files([])
        files.add_files_from_theme(config.theme.get_env(), config)
        found[how] = sorted((f.src_uri, f.abs_src_path) for f in files)
    assert len(found["mkdocs"]) > 20
    assert found["kept"] == found["mkdocs"] == found["kept again"]


def _page(url: str, content: str, title: str = "Page"):
    toc = [SimpleNamespace(id="part", url="#part", children=[])]
    return SimpleNamespace(url=url, content=content, title=title, toc=toc, meta={})


def test_a_preview_remembers_an_unchanged_pages_search_entries_only(monkeypatch):
    search = _hook("search_index")
    from material.plugins.search.plugin import SearchIndex

    parsed = []
    monkeypatch.setattr(search, "_remembered", {})
    real = search._entries_of
    monkeypatch.setattr(search, "_entries_of", lambda index, page: (parsed.append(page.url), real(index, page)))

    def index_of(*pages):
        index = SearchIndex(lang=["en"], separator=r"[\s\-]+", pipeline=["stemmer"], fields={})
        for page in pages:
            search._remembered_entries(index, page)
        return index.entries

    one = _page("a/", '<h1 id="top">A</h1><p>First words.</p><h2 id="part">Part</h2><p>More words.</p>')
    two = _page("b/", '<h1 id="top">B</h1><p>Other words.</p>')
    first = index_of(one, two)
    assert parsed == ["a/", "b/"] and any("First words" in e["text"] for e in first)

    again = index_of(one, two)
    assert again == first and parsed == ["a/", "b/"], "an unchanged page was parsed again"

    edited = _page("a/", '<h1 id="top">A</h1><p>Edited words.</p>')
    third = index_of(edited, two)
    assert parsed == ["a/", "b/", "a/"], "the edited page was not parsed again"
    assert any("Edited words" in e["text"] for e in third) and not any("First words" in e["text"] for e in third)


def test_held_html_comes_back_whole_and_a_lost_block_stops_the_build():
    from tiw.build import fragments

    block = '<ul class="tiw-resources"><li data-x="a &amp; b">One</li></ul>'
    page = f"<h1>Title</h1>\n{fragments.hold(block)}\n<p>After</p>"
    assert block not in page and "data-tiw-held" in page
    assert fragments.release(page, "x.md") == f"<h1>Title</h1>\n{block}\n<p>After</p>"

    fragments.hold(block)  # held, but its placeholder never reaches the page
    with pytest.raises(RuntimeError, match="x.md: held HTML blocks did not come back"):
        fragments.release("<p>No placeholder</p>", "x.md")
    assert fragments.release("<p>Next page</p>", "y.md") == "<p>Next page</p>", "a failed page's blocks leaked into the next"


def test_no_placeholder_reaches_a_built_page():
    from tests.sitepages import SITE

    pages = list(SITE.rglob("*.html"))
    assert len(pages) > 50
    assert [p for p in pages if "data-tiw-held" in p.read_text(encoding="utf-8")] == []


# --- the purged CSS, kept under the name of what decides it (tiw/build/purge.py) -----------------


def _key(tmp_path, html: str) -> str:
    from tiw.build.purge import PageSelectors, purge_key

    sheet = tmp_path / "main.css"
    sheet.write_text('.used{a:1}#skip-target{b:2}[data-kind^="tool-"]{c:3}[data-x]{d:4}', encoding="utf-8")
    script = tmp_path / "tiw.js"
    script.write_text("el.classList.add('shown')", encoding="utf-8")
    found = PageSelectors()
    found.read(html)
    return purge_key(found, {"main.css": sheet}, {"tiw.js": script})


PAGE = '<main class="used"><h1 id="intro">Title</h1><p>Some words, <a href="/a/">a link</a>.</p></main>'


def test_the_pages_are_read_as_html_not_as_text():
    from tiw.build.purge import PageSelectors

    found = PageSelectors()
    found.read('<!-- <b class="gone"> --><p class="note x" id="n" role="note">example question</p>')
    assert found.tags == {"p"} and found.classes == {"note", "x"} and found.ids == {"n"}
    assert found.names == {"class", "id", "role"} and found.values == {"note x", "n", "note"}


def test_the_purges_name_ignores_what_the_stylesheets_cannot_tell_apart(tmp_path):
    key = _key(tmp_path, PAGE)
    # prose, a new heading's id and a new link (tags and attributes the pages have already): the
    # stylesheets name none of them
    assert _key(tmp_path, PAGE + '<h1 id="more">More</h1><p>Text <a href="/b/">b</a></p>') == key
    # a class, an id the stylesheet names, a value an attribute selector matches, a new attribute name
    assert _key(tmp_path, PAGE + '<p class="other">x</p>') != key
    assert _key(tmp_path, PAGE + '<p id="skip-target">x</p>') != key
    assert _key(tmp_path, PAGE + '<p data-kind="tool-plan">x</p>') != key
    assert _key(tmp_path, PAGE + '<p data-kind="other">x</p>') != _key(tmp_path, PAGE)  # data-kind: a new name
    assert _key(tmp_path, PAGE + '<p data-kind="other">x</p>') == _key(tmp_path, PAGE + '<p data-kind="other2">x</p>')
    # the script read as text
    (tmp_path / "tiw.js").write_text("el.classList.add('hidden')", encoding="utf-8")
    from tiw.build.purge import PageSelectors, purge_key

    found = PageSelectors()
    found.read(PAGE)
    assert purge_key(found, {"main.css": tmp_path / "main.css"}, {"tiw.js": tmp_path / "tiw.js"}) != key


def test_the_built_sites_purged_css_is_kept_for_the_next_build():
    from tiw.build.cache import cache_dir

    site = ROOT / "site" / "assets" / "stylesheets"
    built = {p.name: p.read_bytes() for p in site.glob("*.min.css")}
    kept = [d for d in cache_dir("purge").iterdir() if not d.name.endswith(".part")] if cache_dir("purge").is_dir() else []
    assert any({p.name: p.read_bytes() for p in d.iterdir()} == built for d in kept), (
        f"no purge kept in {cache_dir('purge')} is the built site's: {[d.name for d in kept]}"
    )


def test_only_the_most_recently_used_results_are_kept(tmp_path):
    import os

    from tiw.build.cache import prune, used

    entries = []
    for n in range(6):
        entry = tmp_path / f"result-{n}"
        entry.mkdir() if n % 2 else entry.write_bytes(b"x")
        os.utime(entry, (1000 + n, 1000 + n))
        entries.append(entry)
    used(entries[0])  # the oldest, used again: kept
    prune(entries, keep=3)
    assert sorted(p.name for p in tmp_path.iterdir()) == ["result-0", "result-4", "result-5"]


# --- a data file found valid is not checked again (tiw/core/schema.py) ------------------------------


def test_a_valid_file_is_checked_once_and_a_file_with_a_problem_every_time(tmp_path, monkeypatch):
    from tiw.core import schema
    from tiw.core.errors import DataError

    monkeypatch.setenv("TIW_CACHE_DIR", str(tmp_path / "cache"))
    good = tmp_path / "redirects.yml"
    good.write_text("redirects:\n  - {from: old/, to: framework/index.md}\n", encoding="utf-8")
    checked = []
    real = schema._validator
    monkeypatch.setattr(schema, "_validator", lambda name: checked.append(name) or real(name))
    assert schema.validate_file(good, "redirects.schema.yaml")["redirects"][0]["from"] == "old/"
    assert schema.validate_file(good, "redirects.schema.yaml")["redirects"][0]["to"] == "framework/index.md"
    assert checked == ["redirects.schema.yaml"]  # the second time, the same bytes were known to pass
    bad = tmp_path / "moved.yml"
    bad.write_text("redirects:\n  - {from: /old, to: framework/index.md}\n", encoding="utf-8")
    for _ in range(2):
        with pytest.raises(DataError, match=r"moved.yml, line 2"):
            schema.validate_file(bad, "redirects.schema.yaml")
    assert len(checked) == 3
    good.write_text("redirects:\n  - {from: older/, to: framework/index.md}\n", encoding="utf-8")
    schema.validate_file(good, "redirects.schema.yaml")  # changed bytes: checked again
    assert len(checked) == 4


def test_a_changed_schema_checks_every_file_again(tmp_path, monkeypatch):
    from tiw.core import schema

    monkeypatch.setenv("TIW_CACHE_DIR", str(tmp_path / "cache"))
    good = tmp_path / "redirects.yml"
    good.write_text("redirects: []\n", encoding="utf-8")
    before = schema._valid_marker(good, "redirects.schema.yaml")
    schemas = tmp_path / "schemas"
    shutil.copytree(schema.SCHEMA_DIR, schemas)
    with (schemas / "redirects.schema.yaml").open("a", encoding="utf-8") as f:
        f.write("# changed\n")
    monkeypatch.setattr(schema, "SCHEMA_DIR", schemas)
    assert schema._valid_marker(good, "redirects.schema.yaml") != before
