"""The glossary is data: it renders the glossary page in each language, and the first use of a term
on a framework page links to its entry (reachable by keyboard and screen reader)."""

from __future__ import annotations

import re

import yaml

from tests.sitepages import SITE, built_pages
from tiw import ROOT

TERMS = yaml.safe_load((ROOT / "data/glossary.yml").read_text(encoding="utf-8"))["terms"]


def test_glossary_page_lists_every_term_in_each_language():
    for lang, path in (("en", SITE / "framework/glossary/index.html"), ("cy", SITE / "cy/framework/glossary/index.html")):
        html = path.read_text(encoding="utf-8")
        for term in (t for t in TERMS if t["glossary"]):
            assert f'id="term-{term["id"]}"' in html, f"{lang}: no entry for {term['id']}"
            dt = re.search(rf'<dt id="term-{term["id"]}">(.*?)</dt>', html).group(1)
            assert dt == term["term"][lang].replace("'", "&#x27;"), f"{lang}: {term['id']} shows {dt!r}"


def test_first_use_of_a_term_links_to_its_definition():
    linked = 0
    for page in built_pages():
        if not page.src.startswith("framework/") or page.src == "framework/glossary.md":
            continue
        links = re.findall(r'<a class="tiw-term" href="([^"]+)#term-([a-z0-9-]+)">', page.html)
        ids = [i for _, i in links]
        assert len(ids) == len(set(ids)), f"{page.url}: a term is linked more than once"
        for href, term_id in links:
            assert href.endswith("glossary/"), f"{page.url}: glossary link {href}"
            assert any(t["id"] == term_id for t in TERMS)
        linked += len(links)
    assert linked >= 20
