"""The resource repository's built pages, in both languages: each level page lists exactly the
resources tagged for it, with the level's short definition; each audience and setting section
lists exactly its resources; the home page lists them all with the right counts; every entry
shows what the brief asks, and the Welsh pages say plainly when a resource is English-only."""

from __future__ import annotations

import html as htmllib
import re
from urllib.parse import urljoin, urlsplit

import pytest

from tests.resourcepages import LEVELS, article, catalogue, entries, levels, tagged, taxonomy
from tests.sitepages import SITE
from tiw import LANGS

ENGLISH_ONLY = {"en": "English only", "cy": "Saesneg yn unig"}
COUNT = {"en": lambda n: f"{n} resource" + ("" if n == 1 else "s"), "cy": lambda n: f"{n} adnodd"}


def page_html(lang: str, path: str) -> str:
    prefix = "" if lang == "en" else f"{lang}/"
    file = SITE / prefix / path / "index.html"
    assert file.is_file(), f"{file} was not built"
    return file.read_text(encoding="utf-8")


def page_url(lang: str, path: str) -> str:
    return "/" + ("" if lang == "en" else f"{lang}/") + path


def test_the_catalogue_is_not_empty():
    assert len(catalogue()) >= 15


@pytest.mark.parametrize("lang", LANGS)
@pytest.mark.parametrize("level", LEVELS)
def test_level_page_lists_exactly_its_resources(lang, level):
    html = page_html(lang, f"resources/{level}/")
    listed = [e["id"] for e in entries(html)]
    assert len(listed) == len(set(listed)), f"{level} ({lang}): an entry is listed twice: {listed}"
    expected = tagged("levels", level)
    assert set(listed) == expected, (
        f"{level} ({lang}): missing {sorted(expected - set(listed))}, not tagged {sorted(set(listed) - expected)}"
    )
    short = levels()[level]["short"][lang]
    assert htmllib.escape(short, quote=True) in article(html) or short in htmllib.unescape(article(html)), (
        f"{level} ({lang}): the level's short definition from data/levels.yml is not on the page"
    )


@pytest.mark.parametrize("lang", LANGS)
@pytest.mark.parametrize("kind, field, prefix", [("audiences", "audiences", "audience"), ("settings", "settings", "setting")])
def test_each_group_section_lists_exactly_its_resources(lang, kind, field, prefix):
    html = page_html(lang, f"resources/{kind}/")
    found: dict[str, list[str]] = {}
    for e in entries(html):
        found.setdefault(e["section"], []).append(e["id"])
    for item in taxonomy()[kind]:
        section = f"{prefix}-{item['id']}"
        assert f'<h2 id="{section}"' in html, f"{kind} ({lang}): no section with id {section}"
        expected = tagged(field, item["id"])
        listed = found.get(section, [])
        assert sorted(listed) == sorted(expected), f"{section} ({lang}): listed {sorted(listed)}, tagged {sorted(expected)}"


@pytest.mark.parametrize("lang", LANGS)
@pytest.mark.parametrize("kind", ["audiences", "settings"])
def test_grouped_entries_are_brief_one_link_each_with_their_levels_named(lang, kind):
    """An entry appears once in each of its groups: there its only link is its title (the level
    pages are linked from the full entry, on the home and level pages), and its levels are named."""
    level_names = {lid: lv["name"][lang] for lid, lv in levels().items()}
    listed = entries(page_html(lang, f"resources/{kind}/"))
    assert listed, f"resources/{kind}/ ({lang}): no entries"
    for e in listed:
        r = catalogue()[e["id"]]
        assert len(e["links"]) == 1, f"{e['id']} in {e['section']} ({lang}): links {e['links']}"
        named = [level_names[lid] for lid in r["levels"]]
        assert all(name in e["text"] for name in named), f"{e['id']} in {e['section']} ({lang}): levels {named} not named"


@pytest.mark.parametrize("lang", LANGS)
def test_home_lists_everything_with_counts_and_routes(lang):
    html = page_html(lang, "resources/")
    body = article(html)
    assert sorted(e["id"] for e in entries(html)) == sorted(catalogue())
    for level in LEVELS:
        n = len(tagged("levels", level))
        assert re.search(
            rf'<a href="{level}/">[^<]+</a> <span class="tiw-resource-routes__count">{COUNT[lang](n)}</span>', body
        ), f"home ({lang}): no route to {level} with its count {n}"
    for kind, prefix in (("audiences", "audience"), ("settings", "setting")):
        for item in taxonomy()[kind]:
            assert f'href="{kind}/#{prefix}-{item["id"]}"' in body, f"home ({lang}): no route to {prefix} {item['id']}"
    # The filter: native controls, labelled, hidden until the script shows it.
    form = re.search(r"<form [^>]*data-tiw-resource-filter[^>]*>", body).group(0)
    assert " hidden" in form
    assert body.count("<fieldset") >= 3 and body.count("<legend>") == body.count("<fieldset")
    assert re.search(r'<label for="tiw-filter-q">[^<]+</label><input type="search" id="tiw-filter-q"', body)
    assert re.search(r'role="status" aria-live="polite"', body)


@pytest.mark.parametrize("lang", LANGS)
def test_every_entry_shows_what_the_brief_asks(lang):
    html = page_html(lang, "resources/")
    formats = {f["id"]: f["label"][lang] for f in taxonomy()["formats"]}
    level_names = {lid: lv["name"][lang] for lid, lv in levels().items()}
    for e in entries(html):
        r = catalogue()[e["id"]]
        text = e["text"]
        assert r["title"][lang] in text and r["summary"][lang] in text, f"{e['id']} ({lang}): title or summary"
        pub = r["publisher"] if isinstance(r["publisher"], str) else r["publisher"][lang]
        assert pub in text and str(r["year"]) in text and formats[r["format"]] in text, f"{e['id']} ({lang})"
        title_link = e["links"][0]
        if "page" in r:
            target = urljoin(page_url(lang, "resources/"), title_link["href"])
            page = r["page"][:-3]
            page = page[: -len("index")] if page.endswith("index") else page + "/"
            assert urlsplit(target).path == page_url(lang, page), f"{e['id']} ({lang}): links to {target}"
        else:
            assert title_link["href"] == (r.get("url_cy") if lang == "cy" and "url_cy" in r else r["url"])
            assert title_link["href"].startswith("https://")
        english_only = r["languages"] == ["en"]
        assert (title_link.get("hreflang") == "en") == english_only, f"{e['id']} ({lang}): hreflang {title_link}"
        assert (ENGLISH_ONLY[lang] in text) == english_only, f"{e['id']} ({lang}): language availability"
        level_links = {a["href"] for a in e["links"][1:] if a["href"].rstrip("/").split("/")[-1] in LEVELS}
        assert {h.rstrip("/").split("/")[-1] for h in level_links} == set(r["levels"]), f"{e['id']} ({lang}): level links"
        for lid in r["levels"]:
            assert level_names[lid] in text
