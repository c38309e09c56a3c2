"""'Which practice level fits my role?', rendered from data/which_level.yml.

The macro writes both forms of the guide, in the page's language:
- a readable decision list (every question, every answer, what it means, which level it points
  to and where to go next), which is what readers without JavaScript get;
- the step-by-step version (one fieldset per question with radio buttons, and a result region
  with every level and every possible reason), hidden until assets/javascripts/which-level.js
  shows it. The script only shows and hides what is written here: it holds no language text.
"""
from __future__ import annotations

import html

from macros.context import MacroContext
from tiw.data.which_level import RESULT

__all__ = ["which_level_guide"]


def _e(text: str) -> str:
    return html.escape(text, quote=True)


def which_level_guide(ctx: MacroContext):
    def level_link(level_id: str) -> str:
        level = ctx.data.level(level_id)
        return f'<a href="{ctx.url(f"framework/levels/{level_id}.md")}">{ctx.tx(level["name"])}</a>'

    def which_level_guide() -> str:
        data = ctx.data.which_level
        questions = data["questions"]
        number = {q["id"]: i + 1 for i, q in enumerate(questions)}
        everyone = data["everyone"]

        # 1. The decision list (no JavaScript needed).
        listing = []
        for q in questions:
            qid = q["id"]
            answers = []
            for a in q["answers"]:
                points = (f'<p>{_e(ctx.t("which_level_points_to"))} '
                          + ", ".join(level_link(lv) for lv in a["levels"]) + "</p>"
                          if a["levels"] else f'<p>{_e(ctx.t("which_level_adds_none"))}</p>')
                if a["next"] == RESULT:
                    nxt = f'<a href="#wl-everyone">{_e(ctx.t("which_level_next_result"))}</a>'
                else:
                    nxt = (f'<a href="#wl-q-{a["next"]}">'
                           f'{_e(ctx.t("which_level_next_question", number=number[a["next"]]))}</a>')
                answers.append(
                    f'<li><p class="tiw-which-level__if"><strong>{_e(ctx.t("which_level_if_answer", answer=a["label"][ctx.lang]))}</strong></p>'
                    f'<p>{ctx.tx(a["means"])}</p>{points}<p>{nxt}</p></li>')
            hint = f'<p class="tiw-which-level__hint">{ctx.tx(q["hint"])}</p>' if q.get("hint") else ""
            listing.append(
                f'<section class="tiw-which-level__question" id="wl-q-{qid}" aria-labelledby="wl-q-{qid}-heading">'
                f'<h3 id="wl-q-{qid}-heading"><span class="tiw-which-level__number">'
                f'{_e(ctx.t("which_level_question_number", number=number[qid]))}:</span> {ctx.tx(q["question"])}</h3>'
                f'{hint}<ul class="tiw-which-level__answers">{"".join(answers)}</ul></section>')
        listing.append(
            f'<section class="tiw-which-level__question" id="wl-everyone" aria-labelledby="wl-everyone-heading">'
            f'<h3 id="wl-everyone-heading">{_e(ctx.t("which_level_everyone_heading"))}</h3>'
            f'<p>{ctx.tx(everyone["means"])}</p>'
            f'<p>{_e(ctx.t("which_level_points_to"))} {level_link(everyone["level"])}</p></section>')

        # 2. The step-by-step guide (shown by the script).
        steps = []
        for q in questions:
            qid = q["id"]
            described = f"wl-step-{qid}-hint " if q.get("hint") else ""
            options = "".join(
                f'<div class="tiw-radio"><input type="radio" id="wl-{qid}-{a["id"]}" name="wl-{qid}" value="{_e(a["id"])}" '
                f'data-next="{_e(a["next"])}" data-levels="{_e(" ".join(a["levels"]))}">'
                f'<label for="wl-{qid}-{a["id"]}">{ctx.tx(a["label"])}</label></div>'
                for a in q["answers"])
            hint = (f'<p class="tiw-which-level__hint" id="wl-step-{qid}-hint">{ctx.tx(q["hint"])}</p>'
                    if q.get("hint") else "")
            steps.append(
                f'<fieldset class="tiw-which-level__step" data-question="{qid}" aria-describedby="{described}wl-step-{qid}-error" hidden>'
                f'<legend><h3 class="tiw-which-level__legend" tabindex="-1">{ctx.tx(q["question"])}</h3></legend>{hint}'
                f'<p class="tiw-which-level__error" id="wl-step-{qid}-error" hidden>'
                f'<span class="md-visually-hidden">{_e(ctx.t("which_level_error_prefix"))} </span>{_e(ctx.t("which_level_error"))}</p>'
                f'<div class="tiw-which-level__options">{options}</div></fieldset>')
        guide = (
            f'<form class="tiw-which-level__guide" data-tiw-wl-form hidden novalidate aria-label="{_e(ctx.t("which_level_guide_label"))}">'
            + "".join(steps)
            + '<div class="tiw-which-level__nav">'
            f'<button type="submit" class="tiw-tool-button" data-tiw-wl-continue>{_e(ctx.t("which_level_continue"))}</button>'
            f'<button type="button" class="tiw-tool-button tiw-tool-button--secondary" data-tiw-wl-back hidden>{_e(ctx.t("which_level_back"))}</button>'
            '</div></form>')

        # 3. The result: every level and every reason, each shown only when the answers call for it.
        levels = "".join(
            f'<li data-level="{lv["id"]}" hidden><p class="tiw-which-level__level">{level_link(lv["id"])}</p>'
            f'<p>{ctx.tx(lv["short"])}</p></li>' for lv in ctx.data.levels)
        reasons = [f'<li data-reason="everyone"><p><strong>{_e(ctx.t("which_level_for_everyone"))}</strong></p>'
                   f'<p>{ctx.tx(everyone["means"])}</p></li>']
        for q in questions:
            for a in q["answers"]:
                reasons.append(
                    f'<li data-reason="{q["id"]}:{_e(a["id"])}" hidden><p><strong>{ctx.tx(q["question"])}</strong></p>'
                    f'<p>{_e(ctx.t("which_level_your_answer", answer=a["label"][ctx.lang]))}</p>'
                    f'<p>{ctx.tx(a["means"])}</p></li>')
        result = (
            '<section class="tiw-which-level__result" data-tiw-wl-result aria-labelledby="wl-result-heading" hidden>'
            f'<h3 id="wl-result-heading" tabindex="-1">{_e(ctx.t("which_level_result_heading"))}</h3>'
            f'<ul class="tiw-which-level__levels">{levels}</ul>'
            f'<h4>{_e(ctx.t("which_level_reasoning_heading"))}</h4>'
            f'<ul class="tiw-which-level__reasons">{"".join(reasons)}</ul>'
            f'<p><button type="button" class="tiw-tool-button" data-tiw-wl-restart>{_e(ctx.t("which_level_restart"))}</button></p>'
            '</section>')

        return (f'<div class="tiw-which-level" data-tiw-which-level data-start="{questions[0]["id"]}" '
                f'data-everyone="{everyone["level"]}">'
                f'<div class="tiw-which-level__list" data-tiw-wl-list>{"".join(listing)}</div>'
                f'{guide}{result}</div>\n')
    return which_level_guide
