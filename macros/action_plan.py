"""The action plan tool on the organisations page: the framework's suggested action plan template
(Action, Responsibility, Timescale for completion, Resources required, Outcome) as a form, saved in
the browser as the reader types.

The macro writes everything a reader sees, in the page's language: the template as a printable
table (what readers without JavaScript get), the form's labels, buttons and messages (as data-
attributes). assets/javascripts/action-plan.js holds no language text: it reads them from here.
Nothing typed is ever sent anywhere: the form has no action and the script never submits it.
"""

from __future__ import annotations

import html
import json

from macros.context import MacroContext
from tiw.core.dates import MONTHS

__all__ = ["action_plan_tool"]

# (field key used in the saved plan and the CSV, interface string of the column heading)
COLUMNS = (
    ("action", "action_plan_col_action"),
    ("responsibility", "action_plan_col_responsibility"),
    ("timescale", "action_plan_col_timescale"),
    ("resources", "action_plan_col_resources"),
    ("outcome", "action_plan_col_outcome"),
)
TEMPLATE_ROWS = 3  # the framework's template has three numbered rows
STORAGE_KEY = "tiw-action-plan"  # one plan per browser, whichever language it was typed on

# data- attribute -> (interface string, placeholder values kept for the script to fill in)
MESSAGES = {
    "row": ("action_plan_row", {"number": "{number}"}),
    "remove": ("action_plan_remove_row", {"number": "{number}"}),
    "row-added": ("action_plan_row_added", {"number": "{number}"}),
    "row-removed": ("action_plan_row_removed", {"number": "{number}"}),
    "saved": ("action_plan_saved", {"time": "{time}"}),
    "restored": ("action_plan_restored", {}),
    "exported": ("action_plan_exported", {}),
    "cleared": ("action_plan_cleared", {}),
    "save-failed": ("action_plan_save_failed", {}),
    "confirm-clear": ("action_plan_clear_confirm", {}),
    "filename": ("action_plan_filename", {}),
    "print-caption": ("action_plan_print_caption", {}),
    "printed-on": ("action_plan_printed_on", {"date": "{date}"}),
}


def _attr(value: str) -> str:
    return html.escape(value, quote=True)


def action_plan_tool(ctx: MacroContext):
    def action_plan_tool() -> str:
        t = ctx.t
        columns = [{"key": key, "label": t(label)} for key, label in COLUMNS]
        head = "".join(f'<th scope="col">{html.escape(c["label"])}</th>' for c in columns)
        empty_cells = "<td></td>" * (len(columns) - 1)
        rows = "".join(f"<tr><td>{n}.</td>{empty_cells}</tr>" for n in range(1, TEMPLATE_ROWS + 1))
        data = " ".join(f'data-msg-{name}="{_attr(t(key, **values))}"' for name, (key, values) in MESSAGES.items())

        def button(role: str, key: str, secondary: bool = False, kind: str = "button") -> str:
            cls = "tiw-tool-button tiw-tool-button--secondary" if secondary else "tiw-tool-button"
            return f'<button type="{kind}" class="{cls}" data-tiw-ap-{role}>{html.escape(t(key))}</button>'

        return (
            f'<div class="tiw-action-plan" data-tiw-action-plan data-storage-key="{STORAGE_KEY}" '
            f'data-template-rows="{TEMPLATE_ROWS}" data-columns="{_attr(json.dumps(columns, ensure_ascii=False))}" '
            # Month names for the printed date, in the page's language (the script holds no text).
            f'data-months="{_attr(json.dumps(MONTHS[ctx.lang], ensure_ascii=False))}" {data}>'
            '<p class="tiw-action-plan__printed" data-tiw-ap-printed hidden></p>'
            f'<p class="tiw-action-plan__needs-js" data-tiw-ap-nojs>{html.escape(t("action_plan_needs_js"))}</p>'
            # A region that can scroll sideways on a narrow screen, so keyboard users can scroll it.
            '<div class="tiw-action-plan__table" data-tiw-ap-table role="region" tabindex="0" aria-labelledby="tiw-ap-caption">'
            f'<table class="tiw-action-plan__template"><caption id="tiw-ap-caption" data-tiw-ap-caption>{html.escape(t("action_plan_template_caption"))}</caption>'
            f"<thead><tr>{head}</tr></thead><tbody data-tiw-ap-print-rows>{rows}</tbody></table></div>"
            f'<form class="tiw-action-plan__form" data-tiw-ap-form hidden aria-label="{_attr(t("action_plan_form_label"))}">'
            f'<p class="tiw-action-plan__privacy">{html.escape(t("action_plan_privacy"))}</p>'
            f'<p class="tiw-action-plan__csv-help">{html.escape(t("action_plan_csv_help"))}</p>'
            '<div class="tiw-action-plan__rows" data-tiw-ap-rows></div>'
            # Saving is automatic: this says when the plan was last saved (action-plan.js).
            '<p class="tiw-action-plan__saved" role="status" data-tiw-ap-saved></p>'
            f'<p class="tiw-action-plan__add">{button("add", "action_plan_add_row", secondary=True)}</p>'
            '<div class="tiw-action-plan__buttons">'
            # "Save now" is the form's submit button (a form needs one: WCAG 3.2.2, HTML_CodeSniffer
            # H32.2; Enter in a field saves too); the script stops the submission, so nothing is sent.
            # The plan is also saved as the reader types.
            + button("save", "action_plan_save", kind="submit")
            + button("export", "action_plan_export")
            + button("print", "action_plan_print")
            + button("clear", "action_plan_clear", secondary=True)
            + '</div><p class="tiw-action-plan__status" role="status" aria-live="polite" data-tiw-ap-status></p>'
            "</form></div>\n"
        )

    return action_plan_tool
