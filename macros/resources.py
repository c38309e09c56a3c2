"""The resource repository's pages, generated from the catalogue (resources/*.yml, loaded and
checked by tiw.data.catalogue) in the language of the page being rendered.

Pages call:
- `{{ resource_routes("levels") }}` (or "audiences", "settings"): links to the listing pages,
  each with its number of resources (the repository home);
- `{{ resource_finder() }}`: the filter form (hidden until docs/assets/javascripts/resource-filter.js
  shows it) and the full list, which is what a reader without JavaScript gets;
- `{{ resource_level("trauma-aware") }}`: the level's short definition and every resource tagged
  for it;
- `{{ resource_groups("audiences") }}` (or "settings"): one section per audience or setting, each
  with an explicit id (audience-<id>, setting-<id>) that the home page links to.

Every entry carries data-* attributes (its levels, audiences, settings, format and languages) that
the filter reads, and data-resource="<id>" that the tests read. The markup is
overrides/fragments/resources.html; no interface text is written here: it comes from data/ui.yml
(the "resource repository" block).
"""

from __future__ import annotations

from macros.context import MacroContext
from tiw.build import fragments
from tiw.core.collation import sort_key
from tiw.core.dates import format_date
from tiw.core.errors import DataError
from tiw.data.catalogue import publisher

__all__ = ["resource_routes", "resource_finder", "resource_level", "resource_groups"]

HOME_PAGE = "resources/index.md"
GROUP_PAGES = {"audiences": "resources/audiences.md", "settings": "resources/settings.md"}
GROUP_ANCHOR = {"audiences": "audience", "settings": "setting"}
LIST_ID = "tiw-resource-list"
STATUS_ID = "tiw-resource-filter-status"


def _level_page(level_id: str) -> str:
    return f"resources/{level_id}.md"


def _raw(ctx: MacroContext, key: str) -> str:
    """A ui.yml string with its {placeholders} left in (for the filter script to fill in)."""
    if key not in ctx.data.ui:
        raise DataError(
            f"unknown interface string '{key}' (used by macros/resources.py). Expected: a key defined in data/ui.yml."
        )
    return ctx.data.ui[key][ctx.lang]


def _sort_key(ctx: MacroContext, resource: dict) -> tuple:
    # By title in the reader's alphabet: the Welsh one on Welsh pages (tiw/core/collation.py).
    return sort_key(resource["title"][ctx.lang], ctx.lang)


def _sorted(ctx: MacroContext, resources) -> list[dict]:
    return sorted(resources, key=lambda r: (_sort_key(ctx, r), r["id"]))


def _count(ctx: MacroContext, n: int) -> str:
    if n == 0:
        return ctx.t("resources_count_zero")
    return ctx.t("resources_count_one") if n == 1 else ctx.t("resources_count_other", count=n)


def _tagged(ctx: MacroContext, field: str, value: str) -> list[dict]:
    return [r for r in ctx.data.resources if value in r[field]]


def _languages_text(ctx: MacroContext, languages: list[str]) -> str:
    if set(languages) == {"en", "cy"}:
        return ctx.t("resource_lang_both")
    return ctx.t("resource_lang_en_only") if languages == ["en"] else ctx.t("resource_lang_cy_only")


def _link(ctx: MacroContext, r: dict) -> tuple[str, str | None]:
    """(href, hreflang or None) of the entry's title link, in the reader's language."""
    if "page" in r:
        return ctx.url(r["page"]), None
    href = r["url_cy"] if ctx.lang == "cy" and "url_cy" in r else r["url"]
    langs = r["languages"]
    if len(langs) == 1:
        # The target is in one language only: say so to assistive technology and translation tools.
        return href, langs[0]
    if ctx.lang == "cy" and "url_cy" in r:
        return href, "cy"
    return href, None


def _entry(ctx: MacroContext, r: dict) -> dict:
    """What overrides/fragments/resources.html shows of one catalogue entry."""
    href, hreflang = _link(ctx, r)
    original = None
    if ctx.lang not in r["languages"] and r["title"]["en"] != r["title"][ctx.lang]:
        other = r["languages"][0]
        original = {"lang": other, "title": r["title"][other]}
    name, single = publisher(r, ctx.lang)
    return {
        "href": href,
        "hreflang": hreflang,
        "title": r["title"][ctx.lang],
        "original": original,
        "summary": r["summary"][ctx.lang],
        "publisher": name,
        "publisher_lang": "en" if single and ctx.lang != "en" else None,
        "year": str(r["year"]),
        "format": ctx.data.vocab("formats", r["format"])["label"][ctx.lang],
        "languages": _languages_text(ctx, r["languages"]),
        "levels": [
            {"href": ctx.url(_level_page(lv["id"])), "name": lv["name"][ctx.lang]}
            for lv in ctx.data.levels
            if lv["id"] in r["levels"]
        ],
        "reviewed": format_date(r["reviewed"], ctx.lang),
        # What the filter reads (and data-resource, what the tests read).
        "data": {
            "resource": r["id"],
            "level": " ".join(r["levels"]),
            "audience": " ".join(r["audiences"]),
            "setting": " ".join(r["settings"]),
            "format": r["format"],
            "language": " ".join(r["languages"]),
        },
    }


def _entries(ctx: MacroContext, resources) -> list[dict]:
    return [_entry(ctx, r) for r in _sorted(ctx, resources)]


def _render(ctx: MacroContext, macro: str, **values) -> str:
    return fragments.render_macro("resources.html", macro, shared={"t": ctx.t}, **values)


def _groups(ctx: MacroContext, kind: str) -> list[dict]:
    if kind not in GROUP_PAGES:
        raise DataError(
            f"{ctx.page.file.src_path}: unknown resource grouping '{kind}'. Expected one of: {', '.join(GROUP_PAGES)}."
        )
    return ctx.data.taxonomy[kind]


def resource_routes(ctx: MacroContext):
    def resource_routes(kind: str) -> str:
        """Links to the listing pages (levels) or sections (audiences, settings), with counts."""
        if kind == "levels":
            items = [
                (ctx.url(_level_page(lv["id"])), lv["name"], len(_tagged(ctx, "levels", lv["id"]))) for lv in ctx.data.levels
            ]
        else:
            items = [
                (ctx.url(f"{GROUP_PAGES[kind]}#{GROUP_ANCHOR[kind]}-{g['id']}"), g["label"], len(_tagged(ctx, kind, g["id"])))
                for g in _groups(ctx, kind)
            ]
        items = [{"href": href, "name": name[ctx.lang], "count": _count(ctx, n)} for href, name, n in items]
        return _render(ctx, "routes", kind=kind, items=items)

    return resource_routes


def resource_finder(ctx: MacroContext):
    def resource_finder() -> str:
        """The filter and the full list. Options are only those that some resource has, so no
        single choice leads to an empty list."""
        resources = ctx.data.resources

        def used(kind: str, field: str) -> list[tuple[str, str]]:
            return [
                (v["id"], v["label"][ctx.lang])
                for v in ctx.data.taxonomy[kind]
                if any(v["id"] in (r[field] if isinstance(r[field], list) else [r[field]]) for r in resources)
            ]

        options = {
            "level": [(lv["id"], lv["name"][ctx.lang]) for lv in ctx.data.levels],
            "audience": used("audiences", "audiences"),
            "setting": used("settings", "settings"),
            "format": used("formats", "format"),
            "language": [
                (code, ctx.t(f"filter_lang_{code}")) for code in ("cy", "en") if any(code in r["languages"] for r in resources)
            ],
        }
        strings = {
            "status-all": _raw(ctx, "filter_status_all"),
            "status-some": _raw(ctx, "filter_status_some"),
            "status-none": _raw(ctx, "filter_status_none"),
        }
        return _render(
            ctx,
            "finder",
            list_id=LIST_ID,
            status_id=STATUS_ID,
            strings=strings,
            options=options,
            entries=_entries(ctx, resources),
        )

    return resource_finder


def resource_level(ctx: MacroContext):
    def resource_level(level_id: str) -> str:
        """A level's short definition (data/levels.yml) and every resource tagged for it."""
        level = ctx.data.level(level_id)
        return _render(
            ctx,
            "level",
            summary=level["short"][ctx.lang],
            read_more=ctx.t("level_read_more", level=level["name"][ctx.lang].lower()),
            read_more_href=ctx.url(f"framework/levels/{level_id}.md"),
            entries=_entries(ctx, _tagged(ctx, "levels", level_id)),
            home=ctx.url(HOME_PAGE),
        )

    return resource_level


def resource_groups(ctx: MacroContext):
    def resource_groups(kind: str) -> str:
        """One section per audience or setting, as Markdown headings with explicit ids (so they
        join the page's table of contents) followed by the entries."""
        groups = []
        for g in _groups(ctx, kind):
            tagged = _tagged(ctx, kind, g["id"])
            groups.append(
                {
                    "id": g["id"],
                    "label": g["label"][ctx.lang],
                    "count": _count(ctx, len(tagged)),
                    "entries": _entries(ctx, tagged),
                }
            )
        return _render(ctx, "groups", anchor=GROUP_ANCHOR[kind], groups=groups, home=ctx.url(HOME_PAGE))

    return resource_groups
