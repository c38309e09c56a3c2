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
                rows.append(f'<dt id="term-{term["id"]}">{ctx.tx(term["term"])}</dt>'
                            f'<dd>{ctx.tx(term["definition"])}</dd>')
        return f'<dl class="tiw-glossary">{"".join(rows)}</dl>\n'
    return glossary
