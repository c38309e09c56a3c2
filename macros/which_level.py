"""'Which practice level fits my role?', rendered from data/which_level.yml.

The macro writes both forms of the guide, in the page's language:
- a readable decision list (every question, every answer, what it means, which level it points
  to and where to go next), which is what readers without JavaScript get;
- the step-by-step version (one fieldset per question with radio buttons, and a result region
  with every level and every possible reason), hidden until assets/javascripts/which-level.js
  shows it. The script only shows and hides what is written here: it holds no language text.
"""

from __future__ import annotations

from macros.context import MacroContext
from tiw.build import fragments
from tiw.data.which_level import RESULT

__all__ = ["which_level_guide"]


def which_level_guide(ctx: MacroContext):
    def which_level_guide() -> str:
        lang, data = ctx.lang, ctx.data.which_level

        def local(value: dict | None):
            return value[lang] if value else value

        questions = [
            {
                "id": q["id"],
                "question": local(q["question"]),
                "hint": local(q.get("hint")),
                "answers": [
                    {
                        "id": a["id"],
                        "label": local(a["label"]),
                        "means": local(a["means"]),
                        "levels": a["levels"],
                        "next": a["next"],
                    }
                    for a in q["answers"]
                ],
            }
            for q in data["questions"]
        ]
        return (
            fragments.render(
                "which-level.html",
                t=ctx.t,
                result=RESULT,
                questions=questions,
                number={q["id"]: i + 1 for i, q in enumerate(questions)},
                everyone={"level": data["everyone"]["level"], "means": local(data["everyone"]["means"])},
                levels=_Levels(ctx),
                url=lambda level_id: ctx.url(f"framework/levels/{level_id}.md"),
                all_levels=[{"id": lv["id"], "short": local(lv["short"])} for lv in ctx.data.levels],
            )
            + "\n"
        )

    return which_level_guide


class _Levels:
    """levels[id].name in the page's language; an unknown id fails the build naming the known ones."""

    def __init__(self, ctx: MacroContext):
        self.ctx = ctx

    def __getitem__(self, level_id: str) -> dict:
        return {"name": self.ctx.data.level(level_id)["name"][self.ctx.lang]}
