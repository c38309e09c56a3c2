"""The glossary page, rendered from data/glossary.yml (which is also the translators' termbase)."""
from __future__ import annotations

from macros.context import MacroContext
from tiw.build import fragments

__all__ = ["glossary"]


def glossary(ctx: MacroContext):
    def glossary() -> str:
        """Every framework glossary term (glossary: true) with its definition, as a description list."""
        terms = [{"id": term["id"], "term": term["term"][ctx.lang], "definition": term["definition"][ctx.lang]}
                 for term in ctx.data.glossary if term["glossary"]]
        return fragments.render("glossary.html", terms=terms)
    return glossary
