"""What makes a build (and a `make serve` rebuild) quicker must not change what it makes: the theme's
files found through the listing kept by hooks/template_cache.py are the ones MkDocs finds itself,
and the search entries remembered by hooks/search_index.py in a preview are the theme's own for
an unchanged page and made again for a changed one."""

from __future__ import annotations

import importlib.util
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
