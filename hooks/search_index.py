"""Build hook: search in each language's own index, and Welsh search that matches through
mutations.

- After both languages are built, the combined search/search_index.json that static-i18n writes
  is split into search/search_index.json (English pages) and cy/search/search_index.json (Welsh
  pages), each with its own language's settings: the theme's "search.config.*" strings for that
  language (overrides/partials/languages/cy.html for Welsh). See tiw/search/index.py.
- A Welsh page's theme config gets the Welsh root as its search base (`tiw_search_base`, used in
  overrides/main.html), so its search box loads cy/search/search_index.json.
- The Welsh index says lang "cy", so the theme's search worker loads
  assets/javascripts/lunr/min/lunr.cy.min.js: written here from welsh-search.js and the rules in
  data/welsh_search.yml (Welsh stop words, mutation folding; see tiw/search/welsh.py).

- `make serve` (TIW_PREVIEW): the theme's search plugin reads every page's HTML again on every
  rebuild (about 0.35 s of one); a page whose HTML, address, headings and search settings are
  unchanged gets the entries it had last time instead (`_remembered_entries`). Never in
  `make build`, which indexes every page once anyway.

Order: static-i18n builds Welsh from inside the English build's on_post_build, at priority -100,
and writes the combined index at its end. This hook's on_post_build runs after it (-110) and
skips the inner (Welsh) call, when static-i18n reports that it is still building.
"""

from __future__ import annotations

import copy
import json
import logging
import os
import re
from pathlib import Path

from material.plugins.search.plugin import SearchIndex
from mkdocs.exceptions import PluginError
from mkdocs.plugins import event_priority

from tiw import DEFAULT_LANG, LANGS, ROOT
from tiw.build.language import build_language
from tiw.core.errors import DataError, rel
from tiw.search.index import INDEX, dumps, index_path, index_sizes, language_of, split_index
from tiw.search.welsh import load_rules

log = logging.getLogger("mkdocs.hooks.search_index")

WELSH_JS = ROOT / "docs" / "assets" / "javascripts" / "welsh-search.js"
WELSH_LUNR = "assets/javascripts/lunr/min/lunr.cy.min.js"
PIPELINE = {"trimmer", "stopWordFilter", "stemmer"}


_entries_of = SearchIndex.add_entry_from_context
_remembered: dict[str, tuple[tuple, list[dict]]] = {}  # page address -> (what decided them, entries)


def _remembered_entries(index: SearchIndex, page) -> None:
    """The theme's indexing of one page, remembered while `make serve` runs. The entries are
    decided by the page's HTML, address, title, headings (their ids and addresses), its front
    matter's title, tags and search settings, and the index's settings: all in the key. One
    entry a page address is kept, so a long preview session does not grow."""
    toc = []
    stack = list(page.toc or [])
    while stack:
        item = stack.pop(0)
        toc.append((item.id, item.url))
        stack[:0] = list(item.children or [])
    meta = page.meta or {}
    key = (
        page.content,
        page.title,
        tuple(toc),
        repr(meta.get("title")),
        repr(meta.get("tags")),
        repr(meta.get("search")),
        repr(sorted(index.config.items())),
    )
    kept = _remembered.get(page.url)
    if kept and kept[0] == key:
        index.entries.extend(copy.deepcopy(kept[1]))
        return
    start = len(index.entries)
    _entries_of(index, page)
    _remembered[page.url] = (key, copy.deepcopy(index.entries[start:]))


if os.environ.get("TIW_PREVIEW", "") not in ("", "0"):
    SearchIndex.add_entry_from_context = _remembered_entries


def _rules():
    try:
        return load_rules()
    except DataError as exc:
        raise PluginError(f"Welsh search settings have a problem:\n{exc}") from None


def on_config(config):
    _rules()  # a mistake in data/welsh_search.yml stops the build before anything renders
    return config


def on_page_context(context, page, config, nav):
    lang = build_language(page)
    if lang != DEFAULT_LANG:
        # with the trailing slash: the theme resolves "search/search_index.json" against it
        context["tiw_search_base"] = f"{context['base_url']}/{lang}/"
    return context


def _settings(config, lang: str) -> dict:
    """The theme's search settings in one language, from its language file."""
    template = config.theme.get_env().get_template(f"partials/languages/{lang}.html")
    source = f"partials/languages/{lang}.html"
    settings = {
        "lang": [str(template.module.t("search.config.lang")).strip()],
        "separator": str(template.module.t("search.config.separator")),
        "pipeline": [p for p in re.split(r"\s*,\s*", str(template.module.t("search.config.pipeline")).strip()) if p],
    }
    for code in settings["lang"]:
        shipped = [Path(d) / "assets/javascripts/lunr/min" / f"lunr.{code}.min.js" for d in config.theme.dirs]
        if code not in ("en", "cy") and not any(f.is_file() for f in shipped):
            raise PluginError(
                f"{source}: \"search.config.lang\" is '{code}', for which the theme has no "
                "search language and this site publishes none (en and cy work)."
            )
    unknown = set(settings["pipeline"]) - PIPELINE
    if unknown:
        raise PluginError(
            f'{source}: "search.config.pipeline" names {", ".join(sorted(unknown))}; '
            f"the theme knows only {', '.join(sorted(PIPELINE))}."
        )
    try:
        re.compile(settings["separator"])
    except re.error as exc:
        raise PluginError(f'{source}: "search.config.separator" is not a valid pattern ({exc}).') from None
    return settings


def _welsh_worker_script() -> str:
    rules = json.dumps(_rules().as_json(), ensure_ascii=False, separators=(",", ":"))
    return (
        "/* Generated by hooks/search_index.py from data/welsh_search.yml and "
        "docs/assets/javascripts/welsh-search.js: edit those. */\n"
        f"self.TIW_WELSH_SEARCH={rules};\n" + WELSH_JS.read_text(encoding="utf-8")
    )


@event_priority(-110)
def on_post_build(config):
    i18n = config.plugins.get("i18n")
    if getattr(i18n, "building", False):
        return  # the inner Welsh build: static-i18n writes the combined index when it finishes
    combined_path = index_path(config.site_dir, DEFAULT_LANG)
    if not combined_path.is_file():
        raise PluginError(f"{INDEX} was not written: hooks/search_index.py needs the theme's search plugin.")
    combined = json.loads(combined_path.read_text(encoding="utf-8"))
    if not any(language_of(e["location"]) != DEFAULT_LANG for e in combined["docs"]):
        raise PluginError(
            f"{rel(combined_path)} is not static-i18n's combined index (already split, or "
            "no Welsh pages in it): is `mkdocs serve --dirty` in use? Build without --dirty."
        )
    indexes = split_index(combined, {lang: _settings(config, lang) for lang in LANGS})
    for lang, index in indexes.items():
        path = index_path(config.site_dir, lang)
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_bytes(dumps(index))
    worker = Path(config.site_dir) / WELSH_LUNR
    worker.parent.mkdir(parents=True, exist_ok=True)
    worker.write_text(_welsh_worker_script(), encoding="utf-8")
    sizes = index_sizes(config.site_dir)
    log.info(
        "Search indexes: "
        + "; ".join(
            f"{lang} {s['raw'] / 1024:.1f} KiB ({s['gzip'] / 1024:.1f} KiB gzipped), share of the combined index "
            f"{s['share_raw'] / 1024:.1f} KiB ({s['share_gzip'] / 1024:.1f} KiB)"
            for lang, s in sizes.items()
            if lang in LANGS
        )
    )
