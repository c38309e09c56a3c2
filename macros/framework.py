"""Macros for the framework's figures and tables, rendered from data/ (one source, two languages).

Figures the source lost (1, 2, 6 and the principles' wording) render an honest editorial notice
rather than invented content.
"""

from __future__ import annotations

from macros.context import MacroContext
from tiw.build import fragments

__all__ = [
    "level_name",
    "level_detail",
    "levels_table",
    "levels_model",
    "principles",
    "ways_of_working",
    "wellbeing_goals",
    "systems_figure",
    "figure_missing",
]

LEVEL_COLUMNS = (
    ("who_for", "level_who_for", "who-for"),
    ("means_for_people", "level_means_for_people", "means-for-people"),
    ("good_looks_like", "level_good_looks_like", "good-looks-like"),
)
MISSING_FIGURES = {1: "figure_1_name", 2: "figure_2_name", 6: "figure_6_name"}
PUBLISHED_ORIGINAL = {"en": "https://traumaframeworkcymru.com/", "cy": "https://traumaframeworkcymru.com/cy/"}


def _level_page(level_id: str) -> str:
    return f"framework/levels/{level_id}.md"


def _render(ctx: MacroContext, macro: str, **values) -> str:
    """A figure or notice from overrides/fragments/framework.html, on a line of its own."""
    return fragments.render_macro("framework.html", macro, t=ctx.t, **values) + "\n"


def _editorial_notice(ctx: MacroContext, body: str) -> str:
    return _render(ctx, "editorial_notice", body=body, original=PUBLISHED_ORIGINAL[ctx.lang])


def _level(ctx: MacroContext, level: dict) -> dict:
    return {"id": level["id"], "name": level["name"][ctx.lang], "url": ctx.url(_level_page(level["id"]))}


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
        levels = [
            dict(_level(ctx, lv), cells=[[i[ctx.lang] for i in lv[field]] for field, _, _ in LEVEL_COLUMNS])
            for lv in ctx.data.levels
        ]
        return _render(ctx, "levels_table", levels=levels, columns=[ctx.t(k) for _, k, _ in LEVEL_COLUMNS])

    return levels_table


def levels_model(ctx: MacroContext):
    def levels_model() -> str:
        """Figure 3: universal approaches wrapping the specialist one, as nested lists (the nesting
        is the meaning, so it is in the markup, not only in the drawing)."""
        by_scope = {
            scope: [_level(ctx, lv) for lv in ctx.data.levels if lv["scope"] == scope] for scope in ("universal", "specialist")
        }
        return _render(ctx, "levels_model", **by_scope)

    return levels_model


def principles(ctx: MacroContext):
    def principles() -> str:
        """Figure 2: the five principles. Pending slots say so; confirmed ones show their wording."""
        items = [
            {
                "confirmed": p["status"] == "confirmed",
                "order": p["order"],
                "name": p["name"][ctx.lang] if p["status"] == "confirmed" else "",
                "description": p["description"][ctx.lang] if p["status"] == "confirmed" else "",
            }
            for p in ctx.data.principles
        ]
        pending = not all(i["confirmed"] for i in items)
        notice = fragments.markup(_editorial_notice(ctx, ctx.t("principles_pending"))) if pending else ""
        return _render(ctx, "principles", items=items, notice=notice)

    return principles


def ways_of_working(ctx: MacroContext):
    def ways_of_working() -> str:
        """Figure 5: the five ways of working."""
        data = ctx.data.ways_of_working
        ways = [{"name": w["name"][ctx.lang], "description": w["description"][ctx.lang]} for w in data["ways"]]
        return _render(ctx, "ways_of_working", ways=ways, source=data["source"])

    return ways_of_working


def wellbeing_goals(ctx: MacroContext):
    def wellbeing_goals() -> str:
        """Figure 7: the seven well-being goals."""
        data = ctx.data.wellbeing_goals
        return _render(ctx, "wellbeing_goals", goals=[g["name"][ctx.lang] for g in data["goals"]], source=data["source"])

    return wellbeing_goals


def systems_figure(ctx: MacroContext):
    def systems_figure() -> str:
        """Figure 8: trauma-informed systems, from the framework's own list."""
        data = ctx.data.systems
        items = [{"id": i["id"], "text": i["text"][ctx.lang]} for i in data["items"]]
        return _render(ctx, "systems_figure", intro=data["intro"][ctx.lang], items=items)

    return systems_figure


def figure_missing(ctx: MacroContext):
    def figure_missing(number: int) -> str:
        """An honest notice where a figure of the published framework could not be recovered."""
        if number not in MISSING_FIGURES:
            known = ", ".join(map(str, MISSING_FIGURES))
            raise ValueError(
                f"figure_missing({number!r}) in {ctx.page.file.src_path}: figure {number} is not one of "
                f"the missing figures ({known}); figures 3, 4, 5, 7 and 8 have their own macros."
            )
        return _editorial_notice(ctx, ctx.t("figure_missing", number=number, name=ctx.t(MISSING_FIGURES[number])))

    return figure_missing
