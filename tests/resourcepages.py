"""Reading the resource catalogue (straight from resources/*.yml, not through the site's code) and
the entries on built resource pages, for the resource repository's tests."""

from __future__ import annotations

import re
from functools import cache
from html.parser import HTMLParser

import yaml

from tiw import ROOT

LEVELS = ("trauma-aware", "trauma-skilled", "trauma-enhanced", "specialist")


@cache
def catalogue() -> dict[str, dict]:
    return {p.stem: yaml.safe_load(p.read_text(encoding="utf-8")) for p in sorted((ROOT / "resources").glob("*.yml"))}


@cache
def taxonomy() -> dict:
    return yaml.safe_load((ROOT / "data" / "taxonomy.yml").read_text(encoding="utf-8"))


@cache
def levels() -> dict[str, dict]:
    data = yaml.safe_load((ROOT / "data" / "levels.yml").read_text(encoding="utf-8"))
    return {lv["id"]: lv for lv in data["levels"]}


def tagged(field: str, value: str) -> set[str]:
    return {rid for rid, r in catalogue().items() if value in (r[field] if isinstance(r[field], list) else [r[field]])}


class _Entries(HTMLParser):
    """Each <li class="tiw-resource"> in the page's article: its attributes, its text, its links
    (attributes of every <a>, the title link first), and the id of the <h2> it sits under."""

    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.entries: list[dict] = []
        self.current: dict | None = None
        self.depth = 0
        self.section: str | None = None

    def handle_starttag(self, tag, attrs):
        a = dict(attrs)
        if self.current is None:
            if tag == "h2" and a.get("id"):
                self.section = a["id"]
            if tag == "li" and "tiw-resource" in (a.get("class") or "").split():
                self.current = {"attrs": a, "text": [], "links": [], "section": self.section}
                self.depth = 1
            return
        if tag == "li":
            self.depth += 1
        elif tag == "a":
            self.current["links"].append(a)

    def handle_endtag(self, tag):
        if self.current is not None and tag == "li":
            self.depth -= 1
            if self.depth == 0:
                self.current["text"] = re.sub(r"\s+", " ", "".join(self.current["text"])).strip()
                self.current["id"] = self.current["attrs"]["data-resource"]
                self.entries.append(self.current)
                self.current = None

    def handle_data(self, data):
        if self.current is not None:
            self.current["text"].append(data)


def article(html: str) -> str:
    m = re.search(r"<article[^>]*>(.*)</article>", html, re.S)
    assert m, "no <article> in the page"
    return m.group(1)


def entries(html: str) -> list[dict]:
    parser = _Entries()
    parser.feed(article(html))
    return parser.entries
