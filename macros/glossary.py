"""The glossary page, rendered from data/glossary.yml (which is also the translators' termbase)."""
from __future__ import annotations

from macros.context import MacroContext

__all__ = ["glossary"]


def glossary(ctx: MacroContext):
    def glossary() -> str:
        """Every framework glossary term (glossary: true) with its definition, as a description list."""
        rows = []
        for term in ctx.data.glossary:
            if term["glossary"]:
                # the definition in a <p>, and a line break between entries: the search index
                # keeps <p> and turns whitespace into a space, so snippets do not run together
                rows.append(f'<dt id="term-{term["id"]}">{ctx.tx(term["term"])}</dt>\n'
                            f'<dd><p>{ctx.tx(term["definition"])}</p></dd>')
        return f'<dl class="tiw-glossary">{chr(10).join(rows)}</dl>\n'
    return glossary
