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
the filter reads, and data-resource="<id>" that the tests read. No interface text is written
here: it comes from data/ui.yml (the "resource repository" block).
"""

from __future__ import annotations

import html

from macros.context import MacroContext
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


def _esc(text: str) -> str:
    return html.escape(text, quote=True)


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


def _link(ctx: MacroContext, r: dict) -> tuple[str, str]:
    """(href, extra attributes) of the entry's title link, in the reader's language."""
    if "page" in r:
        return ctx.url(r["page"]), ""
    href = r["url_cy"] if ctx.lang == "cy" and "url_cy" in r else r["url"]
    langs = r["languages"]
    if len(langs) == 1:
        # The target is in one language only: say so to assistive technology and translation tools.
        return href, f' hreflang="{langs[0]}"'
    if ctx.lang == "cy" and "url_cy" in r:
        return href, ' hreflang="cy"'
    return href, ""


def _entry(ctx: MacroContext, r: dict, heading: int) -> str:
    href, attrs = _link(ctx, r)
    title = ctx.tx(r["title"])
    parts = [f'<h{heading} class="tiw-resource__title" data-filter-text><a href="{_esc(href)}"{attrs}>{title}</a></h{heading}>']
    if ctx.lang not in r["languages"] and r["title"]["en"] != r["title"][ctx.lang]:
        other = r["languages"][0]
        parts.append(
            f'<p class="tiw-resource__original" data-filter-text>{_esc(ctx.t("resource_original_title"))} '
            f'<span lang="{other}">{_esc(r["title"][other])}</span></p>'
        )
    parts.append(f'<p class="tiw-resource__summary" data-filter-text>{ctx.tx(r["summary"])}</p>')

    name, single = publisher(r, ctx.lang)
    name_lang = ' lang="en"' if single and ctx.lang != "en" else ""
    level_links = "".join(
        f'<li><a href="{ctx.url(_level_page(lv["id"]))}">{ctx.tx(lv["name"])}</a></li>'
        for lv in ctx.data.levels
        if lv["id"] in r["levels"]
    )
    fmt = ctx.tx(ctx.data.vocab("formats", r["format"])["label"])
    meta = [
        ("resource_publisher", f"<span data-filter-text{name_lang}>{_esc(name)}</span>"),
        ("resource_year", str(r["year"])),
        ("resource_format", fmt),
        ("resource_language", _esc(_languages_text(ctx, r["languages"]))),
        ("resource_levels", f'<ul class="tiw-resource__levels">{level_links}</ul>'),
        ("resource_reviewed", _esc(format_date(r["reviewed"], ctx.lang))),
    ]
    rows = "".join(f"<div><dt>{_esc(ctx.t(key))}</dt><dd>{value}</dd></div>" for key, value in meta)
    parts.append(f'<dl class="tiw-resource__meta">{rows}</dl>')

    data = {
        "resource": r["id"],
        "level": " ".join(r["levels"]),
        "audience": " ".join(r["audiences"]),
        "setting": " ".join(r["settings"]),
        "format": r["format"],
        "language": " ".join(r["languages"]),
    }
    data_attrs = "".join(f' data-{k}="{_esc(v)}"' for k, v in data.items())
    return f'<li class="tiw-resource"{data_attrs}>{"".join(parts)}</li>'


def _list(ctx: MacroContext, resources: list[dict], heading: int, list_id: str = "") -> str:
    if not resources:
        return f'<p class="tiw-resources-none">{_esc(ctx.t("resources_none"))}</p>'
    id_attr = f' id="{list_id}"' if list_id else ""
    items = "".join(_entry(ctx, r, heading) for r in _sorted(ctx, resources))
    return f'<ul class="tiw-resources"{id_attr}>{items}</ul>'


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
                (ctx.url(_level_page(lv["id"])), ctx.tx(lv["name"]), len(_tagged(ctx, "levels", lv["id"])))
                for lv in ctx.data.levels
            ]
        else:
            field = kind
            items = [
                (
                    ctx.url(f"{GROUP_PAGES[kind]}#{GROUP_ANCHOR[kind]}-{g['id']}"),
                    ctx.tx(g["label"]),
                    len(_tagged(ctx, field, g["id"])),
                )
                for g in _groups(ctx, kind)
            ]
        lis = "".join(
            f'<li><a href="{href}">{name}</a> <span class="tiw-resource-routes__count">{_esc(_count(ctx, n))}</span></li>'
            for href, name, n in items
        )
        return f'<ul class="tiw-resource-routes tiw-resource-routes--{kind}">{lis}</ul>\n'

    return resource_routes


def _checkboxes(ctx: MacroContext, name: str, legend_key: str, options: list[tuple[str, str]]) -> str:
    boxes = "".join(
        f'<div class="tiw-filter__option"><input type="checkbox" id="tiw-filter-{name}-{value}" name="{name}" '
        f'value="{value}"><label for="tiw-filter-{name}-{value}">{label}</label></div>'
        for value, label in options
    )
    return (
        f'<fieldset class="tiw-filter__group tiw-filter__group--{name}"><legend>{_esc(ctx.t(legend_key))}</legend>'
        f'<div class="tiw-filter__options">{boxes}</div></fieldset>'
    )


def _select(ctx: MacroContext, name: str, label_key: str, any_key: str, options: list[tuple[str, str]]) -> str:
    opts = f'<option value="">{_esc(ctx.t(any_key))}</option>' + "".join(
        f'<option value="{value}">{label}</option>' for value, label in options
    )
    return (
        f'<div class="tiw-filter__select"><label for="tiw-filter-{name}">{_esc(ctx.t(label_key))}</label>'
        f'<select id="tiw-filter-{name}" name="{name}">{opts}</select></div>'
    )


def resource_finder(ctx: MacroContext):
    def resource_finder() -> str:
        """The filter and the full list. Options are only those that some resource has, so no
        single choice leads to an empty list."""
        resources = ctx.data.resources

        def used(kind: str, field: str) -> list[tuple[str, str]]:
            return [
                (v["id"], ctx.tx(v["label"]))
                for v in ctx.data.taxonomy[kind]
                if any(v["id"] in (r[field] if isinstance(r[field], list) else [r[field]]) for r in resources)
            ]

        levels = [(lv["id"], ctx.tx(lv["name"])) for lv in ctx.data.levels]
        languages = [
            (code, _esc(ctx.t(f"filter_lang_{code}"))) for code in ("cy", "en") if any(code in r["languages"] for r in resources)
        ]
        strings = {
            "status-all": _raw(ctx, "filter_status_all"),
            "status-some": _raw(ctx, "filter_status_some"),
            "status-none": _raw(ctx, "filter_status_none"),
        }
        string_attrs = "".join(f' data-{k}="{_esc(v)}"' for k, v in strings.items())
        form = (
            f'<form class="tiw-filter" data-tiw-resource-filter data-list="{LIST_ID}" data-status="{STATUS_ID}"'
            f'{string_attrs} aria-label="{_esc(ctx.t("filter_label"))}" hidden>'
            f'<div class="tiw-filter__search"><label for="tiw-filter-q">{_esc(ctx.t("filter_search_label"))}</label>'
            f'<input type="search" id="tiw-filter-q" name="text" autocomplete="off" spellcheck="false"></div>'
            f'<p class="tiw-filter__hint">{_esc(ctx.t("filter_hint"))}</p>'
            + _checkboxes(ctx, "level", "filter_level", levels)
            + f'<details class="tiw-filter__more"><summary>{_esc(ctx.t("filter_more"))}</summary>'
            + _checkboxes(ctx, "audience", "filter_audience", used("audiences", "audiences"))
            + _checkboxes(ctx, "setting", "filter_setting", used("settings", "settings"))
            + '<div class="tiw-filter__selects">'
            + _select(ctx, "format", "filter_format", "filter_any_format", used("formats", "format"))
            + _select(ctx, "language", "filter_language", "filter_any_language", languages)
            + "</div></details>"
            # A submit button (WCAG 3.2.2, HTML_CodeSniffer H32.2): filtering is live, and this
            # applies the choices and announces the count, as Enter does.
            + f'<button type="submit" class="tiw-filter__apply">{_esc(ctx.t("filter_apply"))}</button>'
            + f'<button type="button" class="tiw-filter__clear" data-filter-clear>'
            f"{_esc(ctx.t('filter_clear'))}</button></form>"
        )
        status = f'<p class="tiw-filter__status" id="{STATUS_ID}" role="status" aria-live="polite"></p>'
        return form + status + _folded_listing(ctx, len(resources), _list(ctx, resources, 3, LIST_ID)) + "\n"

    return resource_finder


def _folded_listing(ctx: MacroContext, count: int, listing: str) -> str:
    """The full listing inside the <details> of overrides/partials/tiw-resource-listing.html."""
    template = ctx.env.conf.theme.get_env().get_template("partials/tiw-resource-listing.html")
    return template.render(summary=ctx.t("resources_show_all", count=count), listing=listing)


def resource_level(ctx: MacroContext):
    def resource_level(level_id: str) -> str:
        """A level's short definition (data/levels.yml) and every resource tagged for it."""
        level = ctx.data.level(level_id)
        tagged = _tagged(ctx, "levels", level_id)
        read_more = ctx.t("level_read_more", level=level["name"][ctx.lang].lower())
        summary = (
            f'<div class="tiw-level-summary"><p>{ctx.tx(level["short"])}</p>'
            f'<p><a href="{ctx.url(f"framework/levels/{level_id}.md")}">{_esc(read_more)}</a></p></div>'
        )
        count = f'<p class="tiw-resources-count">{_esc(ctx.t("resources_level_count", count=len(tagged)))}</p>'
        home = f'<p><a href="{ctx.url(HOME_PAGE)}">{_esc(ctx.t("resources_back_home"))}</a></p>'
        return summary + count + _list(ctx, tagged, 2) + home + "\n"

    return resource_level


def resource_groups(ctx: MacroContext):
    def resource_groups(kind: str) -> str:
        """One section per audience or setting, as Markdown headings with explicit ids (so they
        join the page's table of contents) followed by the entries."""
        groups = _groups(ctx, kind)
        anchor = GROUP_ANCHOR[kind]
        jump = "".join(f'<li><a href="#{anchor}-{g["id"]}">{ctx.tx(g["label"])}</a></li>' for g in groups)
        out = [f'<ul class="tiw-jump">{jump}</ul>', ""]
        for g in groups:
            tagged = _tagged(ctx, kind, g["id"])
            out.append(f"## {ctx.tx(g['label'])} {{#{anchor}-{g['id']}}}")
            out.append("")
            out.append(f'<p class="tiw-resources-count">{_esc(_count(ctx, len(tagged)))}</p>' + _list(ctx, tagged, 3))
            out.append("")
        out.append(f'<p><a href="{ctx.url(HOME_PAGE)}">{_esc(ctx.t("resources_back_home"))}</a></p>')
        return "\n".join(out) + "\n"

    return resource_groups
