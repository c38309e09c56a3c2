"""Macros for the framework's figures and tables, rendered from data/ (one source, two languages).

Figures the source lost (1, 2, 6 and the principles' wording) render an honest editorial notice
rather than invented content.
"""
from __future__ import annotations

import html

from macros.context import MacroContext

__all__ = ["level_name", "level_detail", "levels_table", "levels_model", "principles",
           "ways_of_working", "wellbeing_goals", "systems_figure", "figure_missing"]

LEVEL_COLUMNS = (
    ("who_for", "level_who_for", "who-for"),
    ("means_for_people", "level_means_for_people", "means-for-people"),
    ("good_looks_like", "level_good_looks_like", "good-looks-like"),
)
MISSING_FIGURES = {1: "figure_1_name", 2: "figure_2_name", 6: "figure_6_name"}
PUBLISHED_ORIGINAL = {"en": "https://traumaframeworkcymru.com/", "cy": "https://traumaframeworkcymru.com/cy/"}


def _level_page(level_id: str) -> str:
    return f"framework/levels/{level_id}.md"


def _editorial_notice(ctx: MacroContext, body: str) -> str:
    link = f'<a href="{PUBLISHED_ORIGINAL[ctx.lang]}">{html.escape(ctx.t("published_original_link"))}</a>'
    return (f'<div class="admonition info tiw-editorial" role="note">'
            f'<p class="admonition-title">{html.escape(ctx.t("editorial_notice_title"))}</p>'
            f"<p>{html.escape(body)}</p><p>{link}</p></div>\n")


def level_name(ctx: MacroContext):
    def level_name(level_id: str) -> str:
        """The level's name in the page's language."""
        return ctx.tx(ctx.data.level(level_id)["name"])
    return level_name


def level_detail(ctx: MacroContext):
    def level_detail(level_id: str) -> str:
        """One level's part of Figure 4: three headed lists, as Markdown so they join the page's contents."""
        level = ctx.data.level(level_id)
        name = ctx.tx(level["name"])
        out = []
        for field, label_key, anchor in LEVEL_COLUMNS:
            # Screen-reader users jump between headings: each names its level, to make sense alone.
            question = ctx.t(label_key)
            out.append(f"## {name}: {question[0].lower()}{question[1:]} {{#{anchor}}}\n")
            out.extend(f"- {ctx.tx(item)}" for item in level[field])
            out.append("")
        return "\n".join(out)
    return level_detail


def levels_table(ctx: MacroContext):
    def levels_table() -> str:
        """Figure 4: all four levels compared, one row per level."""
        head = "".join(f'<th scope="col">{html.escape(ctx.t(k))}</th>' for _, k, _ in LEVEL_COLUMNS)
        rows = []
        for level in ctx.data.levels:
            cells = []
            for field, label_key, _ in LEVEL_COLUMNS:
                items = "".join(f"<li>{ctx.tx(i)}</li>" for i in level[field])
                cells.append(f'<td data-label="{html.escape(ctx.t(label_key))}"><ul>{items}</ul></td>')
            name = f'<a href="{ctx.url(_level_page(level["id"]))}">{ctx.tx(level["name"])}</a>'
            rows.append(f'<tr id="level-{level["id"]}"><th scope="row">{name}</th>{"".join(cells)}</tr>')
        caption = html.escape(ctx.t("level_table_caption"))
        return (f'<div class="tiw-levels-table" role="region" aria-labelledby="levels-table-caption" tabindex="0">'
                f'<table><caption id="levels-table-caption">{caption}</caption>'
                f'<thead><tr><td></td>{head}</tr></thead><tbody>{"".join(rows)}</tbody></table></div>\n')
    return levels_table


def levels_model(ctx: MacroContext):
    def levels_model() -> str:
        """Figure 3: universal approaches wrapping the specialist one, as nested lists (the nesting
        is the meaning, so it is in the markup, not only in the drawing)."""
        universal = [lv for lv in ctx.data.levels if lv["scope"] == "universal"]
        specialist = [lv for lv in ctx.data.levels if lv["scope"] == "specialist"]

        def item(level, inner=""):
            link = f'<a href="{ctx.url(_level_page(level["id"]))}">{ctx.tx(level["name"])}</a>'
            return f'<li class="tiw-model__level tiw-model__level--{level["id"]}">{link}{inner}</li>'

        inner = "".join(item(lv) for lv in specialist)
        inner = (f'<ul class="tiw-model__group tiw-model__group--specialist" aria-label="{html.escape(ctx.t("levels_model_specialist"))}">'
                 f'<li class="tiw-model__label" aria-hidden="true">{html.escape(ctx.t("levels_model_specialist"))}</li>{inner}</ul>')
        for level in reversed(universal):
            inner = f'<ul class="tiw-model__ring">{item(level, inner)}</ul>'
        caption = html.escape(ctx.t("levels_model_caption"))
        return (f'<figure class="tiw-model" aria-labelledby="levels-model-caption">'
                f'<figcaption id="levels-model-caption">{caption}</figcaption>'
                f'<p class="tiw-model__universal-label">{html.escape(ctx.t("levels_model_universal"))}</p>'
                f'{inner}<p class="tiw-model__description">{html.escape(ctx.t("levels_model_description"))}</p></figure>\n')
    return levels_model


def principles(ctx: MacroContext):
    def principles() -> str:
        """Figure 2: the five principles. Pending slots say so; confirmed ones show their wording."""
        items, pending = [], False
        for p in ctx.data.principles:
            if p["status"] == "confirmed":
                items.append(f"<li><strong>{ctx.tx(p['name'])}</strong>: {ctx.tx(p['description'])}</li>")
            else:
                pending = True
                items.append(f'<li class="tiw-pending">{html.escape(ctx.t("principle_slot", number=p["order"]))}</li>')
        notice = _editorial_notice(ctx, ctx.t("principles_pending")) if pending else ""
        label = html.escape(ctx.t("principles_list_label"))
        return f'{notice}<ol class="tiw-principles" aria-label="{label}">{"".join(items)}</ol>\n'
    return principles


def ways_of_working(ctx: MacroContext):
    def ways_of_working() -> str:
        """Figure 5: the five ways of working."""
        data = ctx.data.ways_of_working
        cards = "".join(f'<li><strong>{ctx.tx(w["name"])}</strong><span>{ctx.tx(w["description"])}</span></li>'
                        for w in data["ways"])
        return _figure(ctx, "ways-caption", ctx.t("ways_caption"), f'<ul class="tiw-cards">{cards}</ul>', data["source"])
    return ways_of_working


def wellbeing_goals(ctx: MacroContext):
    def wellbeing_goals() -> str:
        """Figure 7: the seven well-being goals."""
        data = ctx.data.wellbeing_goals
        goals = "".join(f"<li>{ctx.tx(g['name'])}</li>" for g in data["goals"])
        return _figure(ctx, "goals-caption", ctx.t("goals_caption"), f'<ol class="tiw-cards tiw-cards--goals">{goals}</ol>', data["source"])
    return wellbeing_goals


def systems_figure(ctx: MacroContext):
    def systems_figure() -> str:
        """Figure 8: trauma-informed systems, from the framework's own list."""
        data = ctx.data.systems
        items = "".join(f'<li id="system-{i["id"]}">{ctx.tx(i["text"])}</li>' for i in data["items"])
        body = f'<p>{ctx.tx(data["intro"])}</p><ul class="tiw-cards tiw-cards--systems">{items}</ul>'
        return _figure(ctx, "systems-caption", ctx.t("systems_caption"), body)
    return systems_figure


def figure_missing(ctx: MacroContext):
    def figure_missing(number: int) -> str:
        """An honest notice where a figure of the published framework could not be recovered."""
        if number not in MISSING_FIGURES:
            known = ", ".join(map(str, MISSING_FIGURES))
            raise ValueError(f"figure_missing({number!r}) in {ctx.page.file.src_path}: figure {number} is not one of "
                             f"the missing figures ({known}); figures 3, 4, 5, 7 and 8 have their own macros.")
        return _editorial_notice(ctx, ctx.t("figure_missing", number=number, name=ctx.t(MISSING_FIGURES[number])))
    return figure_missing


def _figure(ctx: MacroContext, cid: str, caption: str, body: str, source: str | None = None) -> str:
    src = f'<p class="tiw-figure__source"><a href="{html.escape(source)}">{html.escape(ctx.t("source_of_law"))}</a></p>' if source else ""
    return (f'<figure class="tiw-figure" aria-labelledby="{cid}"><figcaption id="{cid}">{html.escape(caption)}</figcaption>'
            f"{body}{src}</figure>\n")
