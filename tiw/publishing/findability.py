"""Sharing and findability: Open Graph values, the sitemap (with hreflang alternates for both
languages), robots.txt and redirect pages for moved pages (data/redirects.yml).

The writers here are plain functions of their inputs (no MkDocs), so the tests can call them
directly; hooks/findability.py calls them during the build.
"""

from __future__ import annotations

import gzip
import posixpath
import xml.etree.ElementTree as ET
from dataclasses import dataclass
from pathlib import Path

from tiw import DEFAULT_LANG, LANGS, ROOT
from tiw.build import csp, fragments
from tiw.build.language import absolute_url, site_path
from tiw.core.errors import DataError, rel
from tiw.core.frontmatter import read_front_matter
from tiw.core.paths import DATA_DIR
from tiw.core.schema import validate_file
from tiw.core.yamlfile import read_yaml

OG_LOCALE = {"en": "en_GB", "cy": "cy_GB"}
SITEMAP_NS = "http://www.sitemaps.org/schemas/sitemap/0.9"
XHTML_NS = "http://www.w3.org/1999/xhtml"


# --- sitemap and robots.txt ---------------------------------------------------------------------


@dataclass(frozen=True)
class SitemapEntry:
    url: str  # site-relative, e.g. cy/framework/aims/
    alternates: dict[str, str]  # lang -> site-relative URL of the page in that language
    lastmod: str | None = None  # YYYY-MM-DD from git, when known


def sitemap_xml(entries: list[SitemapEntry], site_url: str) -> bytes:
    """A sitemap listing every page of both languages, each with its language alternates and an
    x-default (English), as Google documents for multilingual sites."""
    ET.register_namespace("", SITEMAP_NS)
    ET.register_namespace("xhtml", XHTML_NS)
    urlset = ET.Element(f"{{{SITEMAP_NS}}}urlset")
    for entry in sorted(entries, key=lambda e: (e.url.startswith("cy/"), e.url)):
        url = ET.SubElement(urlset, f"{{{SITEMAP_NS}}}url")
        ET.SubElement(url, f"{{{SITEMAP_NS}}}loc").text = absolute_url(site_url, entry.url)
        if entry.lastmod:
            ET.SubElement(url, f"{{{SITEMAP_NS}}}lastmod").text = entry.lastmod
        for lang in LANGS:
            if lang in entry.alternates:
                ET.SubElement(
                    url,
                    f"{{{XHTML_NS}}}link",
                    {"rel": "alternate", "hreflang": lang, "href": absolute_url(site_url, entry.alternates[lang])},
                )
        if DEFAULT_LANG in entry.alternates:
            ET.SubElement(
                url,
                f"{{{XHTML_NS}}}link",
                {"rel": "alternate", "hreflang": "x-default", "href": absolute_url(site_url, entry.alternates[DEFAULT_LANG])},
            )
    ET.indent(urlset)
    return ET.tostring(urlset, encoding="utf-8", xml_declaration=True) + b"\n"


def robots_txt(site_url: str) -> str:
    return f"User-agent: *\nDisallow:\n\nSitemap: {absolute_url(site_url, 'sitemap.xml')}\n"


def write_sitemap(site_dir: Path, entries: list[SitemapEntry], site_url: str) -> None:
    data = sitemap_xml(entries, site_url)
    (site_dir / "sitemap.xml").write_bytes(data)
    with (
        open(site_dir / "sitemap.xml.gz", "wb") as raw,
        gzip.GzipFile(filename="sitemap.xml", mode="wb", fileobj=raw, mtime=0) as gz,
    ):
        gz.write(data)
    (site_dir / "robots.txt").write_text(robots_txt(site_url), encoding="utf-8")


# --- redirects ----------------------------------------------------------------------------------

REDIRECTS_FILE = DATA_DIR / "redirects.yml"
# What the build writes besides pages (in each language's root): a redirect may not write a page
# inside or over any of these, or the build would fail half-written (FileExistsError) or clobber it.
GENERATED_FILES = ("404.html", "robots.txt", "sitemap.xml", "sitemap.xml.gz", "news/feed.xml")
GENERATED_FOLDERS = ("assets/", "search/", "downloads/")


def _collision(old: str, docs_dir: Path) -> str | None:
    """Why a redirect at `old` would collide with a generated or existing file, or None."""
    for folder in GENERATED_FOLDERS:
        if old.startswith(folder):
            return f"{folder} is written by the build (the theme's files, search, downloads)"
    parts = old.rstrip("/").split("/")
    for n in range(1, len(parts) + 1):
        prefix = "/".join(parts[:n])
        if prefix in GENERATED_FILES:
            return f"{prefix} is a file the build writes"
        for base in (docs_dir, *(docs_dir / lang for lang in LANGS)):
            if (base / prefix).is_file():
                return f"{rel(base / prefix)} is an existing file"
    return None


@dataclass(frozen=True)
class Redirect:
    old: str  # old address without the language part, e.g. framework/old-name/
    new: str  # the page's path under docs/<lang>/, e.g. framework/new-name.md


def page_url(docs_path: str) -> str:
    """The site-relative URL (English) of a page given by its path under docs/<lang>/."""
    stem = docs_path[:-3]
    if stem == "index":
        return ""
    if stem.endswith("/index"):
        return stem[: -len("index")]
    return stem + "/"


def load_redirects(path: Path = REDIRECTS_FILE, docs_dir: Path | None = None) -> list[Redirect]:
    """The moves in data/redirects.yml, checked: the new page exists in both languages, the old
    address is not a page that still exists, and no old address is listed twice."""
    docs_dir = docs_dir or ROOT / "docs"
    if not path.is_file():
        return []
    data = validate_file(path, "redirects.schema.yaml")
    _, lines = read_yaml(path)
    out, seen, problems = [], {}, []
    for i, item in enumerate(data["redirects"]):
        where = f"{rel(path)}, line {lines.get(('redirects', i), '?')}, entry {i + 1}"
        for lang in LANGS:
            if not (docs_dir / lang / item["to"]).is_file():
                problems.append(
                    f"{where}, field 'to': docs/{lang}/{item['to']} does not exist. Expected: the "
                    "path of the page's new file, which must exist in docs/en/ and docs/cy/."
                )
        old_pages = [
            p for p in (item["from"].rstrip("/") + ".md", item["from"] + "index.md") if (docs_dir / DEFAULT_LANG / p).is_file()
        ]
        if old_pages:
            problems.append(
                f"{where}, field 'from': a page still exists at {item['from']} (docs/en/{old_pages[0]}). "
                "Expected: the address of a page that has moved away."
            )
        clash = _collision(item["from"], docs_dir)
        if clash:
            problems.append(
                f"{where}, field 'from': the redirect would be written at {item['from']}index.html, but "
                f"{clash}. Expected: the old address of a page (nothing is written until this is fixed)."
            )
        if item["from"] in seen:
            problems.append(f"{where}, field 'from': {item['from']} is listed twice (also entry {seen[item['from']] + 1}).")
        seen.setdefault(item["from"], i)
        out.append(Redirect(item["from"], item["to"]))
    if problems:
        raise DataError("\n".join(problems))
    return out


def page_title(docs_dir: Path, lang: str, docs_path: str) -> str:
    """A page's title from its front matter, else its first Markdown heading."""
    path = docs_dir / lang / docs_path
    meta, _, body = read_front_matter(path)
    if isinstance(meta.get("title"), str) and meta["title"].strip():
        return meta["title"].strip()
    for line in body.splitlines():
        if line.startswith("# "):
            return line[2:].strip()
    return docs_path


def redirect_html(*, lang: str, old_url: str, new_url: str, new_title: str, site_url: str, title: str, text: str) -> str:
    """A small page at the old address (overrides/fragments/documents/redirect.html). `text` is
    the sentence holding {link}, where the link to the new address goes."""
    rel_target = posixpath.relpath(new_url or ".", old_url.rstrip("/") or ".")
    rel_target = "./" if rel_target == "." else rel_target + ("/" if new_url.endswith("/") or not new_url else "")
    before, found, after = text.partition("{link}")
    if not found:
        raise DataError(f"data/ui.yml, redirect_text ({lang}): write {{link}} where the link to the new address goes.")
    return fragments.render(
        "documents/redirect.html",
        lang=lang,
        csp=fragments.markup(csp.meta_tag(csp.REDIRECT_POLICY)),
        title=title,
        canonical=absolute_url(site_url, new_url),
        target=rel_target,
        before=before,
        new_title=new_title,
        after=after,
    )


def write_redirects(
    site_dir: Path, redirects: list[Redirect], site_url: str, strings: dict[str, dict[str, str]], docs_dir: Path | None = None
) -> list[Path]:
    """Write the redirect pages of every move in both languages; return the files written.
    `strings` holds redirect_title and redirect_text, each {en: ..., cy: ...}."""
    docs_dir = docs_dir or ROOT / "docs"
    written = []
    for move in redirects:
        for lang in LANGS:
            old_url = site_path(move.old, lang)
            new_url = site_path(page_url(move.new), lang)
            out = site_dir / old_url / "index.html"
            out.parent.mkdir(parents=True, exist_ok=True)
            out.write_text(
                redirect_html(
                    lang=lang,
                    old_url=old_url,
                    new_url=new_url,
                    new_title=page_title(docs_dir, lang, move.new),
                    site_url=site_url,
                    title=strings["redirect_title"][lang],
                    text=strings["redirect_text"][lang],
                ),
                encoding="utf-8",
            )
            written.append(out)
    return written
