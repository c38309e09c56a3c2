"""The glossary page, rendered from data/glossary.yml (which is also the translators' termbase)."""

from __future__ import annotations

from macros.context import MacroContext
from tiw.build import fragments
from tiw.core.collation import sort_key

__all__ = ["glossary"]


def glossary(ctx: MacroContext):
    def glossary() -> str:
        """Every framework glossary term (glossary: true) with its definition, as a description list:
        in the framework's (English alphabetical) order on English pages, in the Welsh alphabet's
        order of the Welsh terms on Welsh pages."""
        terms = [term for term in ctx.data.glossary if term["glossary"]]
        if ctx.lang == "cy":
            terms.sort(key=lambda term: sort_key(term["term"]["cy"], "cy"))
        terms = [{"id": term["id"], "term": term["term"][ctx.lang], "definition": term["definition"][ctx.lang]} for term in terms]
        return fragments.render("glossary.html", terms=terms)

    return glossary
