"""The action plan tool on the organisations page: the framework's suggested action plan template
(Action, Responsibility, Timescale for completion, Resources required, Outcome) as a form, saved in
the browser as the reader types.

The macro writes everything a reader sees, in the page's language: the template as a printable
table (what readers without JavaScript get), the form's labels, buttons and messages (as data-
attributes), through overrides/fragments/action-plan.html. assets/javascripts/action-plan.js holds
no language text: it reads them from here.
Nothing typed is ever sent anywhere: the form has no action and the script never submits it.
"""

from __future__ import annotations

import json

from macros.context import MacroContext
from tiw.build import fragments
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


def action_plan_tool(ctx: MacroContext):
    def action_plan_tool() -> str:
        t = ctx.t
        columns = [{"key": key, "label": t(label)} for key, label in COLUMNS]
        return fragments.render(
            "action-plan.html",
            t=t,
            columns=columns,
            columns_json=json.dumps(columns, ensure_ascii=False),
            # Month names for the printed date, in the page's language (the script holds no text).
            months=json.dumps(MONTHS[ctx.lang], ensure_ascii=False),
            messages={name: t(key, **values) for name, (key, values) in MESSAGES.items()},
            storage_key=STORAGE_KEY,
            template_rows=TEMPLATE_ROWS,
        )

    return action_plan_tool
