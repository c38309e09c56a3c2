"""Sentences that pages quote from the shared data (a level's short description, a glossary
definition), rendered from data/levels.yml and data/glossary.yml so each has one text and one
translation. tests/test_welsh_terms.py refuses a page that copies one of them by hand."""

from __future__ import annotations

import html
import re
from collections.abc import Iterator

from macros.context import MacroContext
from tiw.core.errors import DataError
from tiw.data.site import SiteData

__all__ = ["level_short", "term_definition"]

_SENTENCE_END = re.compile(r"(?<=[.!?])\s+")


def sentences(text: str) -> list[str]:
    """The sentences of a data text: split after . ! or ? and the space that follows."""
    return [s for s in _SENTENCE_END.split(text.strip()) if s]


def _text(ctx: MacroContext, text: dict) -> str:
    # Prose, never an attribute: quotes stay as typed, so the page is byte for byte what the
    # hand-written sentence made (the Welsh apostrophes above all).
    return html.escape(text[ctx.lang], quote=False)


def _part(ctx: MacroContext, text: dict, where: str, call: str, first: int, last: int | None) -> str:
    """Sentences first..last (counted from 1, last included; None: to the end) of a bilingual text,
    in the page's language. A range needs both languages to have as many sentences, or the two
    pages would quote different parts."""
    if first == 1 and last is None:
        return _text(ctx, text)
    counts = {lang: len(sentences(text[lang])) for lang in ("en", "cy")}
    end = counts["en"] if last is None else last
    if counts["en"] != counts["cy"]:
        raise DataError(
            f"{call}: {where} has {counts['en']} sentences in English and {counts['cy']} in Welsh, so a "
            "part of it cannot be matched across the languages. Expected: the whole text (no first/last), "
            "or the same number of sentences in both languages."
        )
    if not 1 <= first <= end <= counts["en"]:
        raise DataError(f"{call}: {where} has {counts['en']} sentences. Expected: 1 <= first <= last <= {counts['en']}.")
    return _text(ctx, {lang: " ".join(sentences(text[lang])[first - 1 : end]) for lang in ("en", "cy")})


def level_short(ctx: MacroContext):
    def level_short(level_id: str) -> str:
        """The level's short description (data/levels.yml `short`) in the page's language."""
        return _text(ctx, ctx.data.level(level_id)["short"])

    return level_short


def term_definition(ctx: MacroContext):
    def term_definition(term_id: str, first: int = 1, last: int | None = None) -> str:
        """A glossary definition (data/glossary.yml) in the page's language, whole or sentences
        first..last of it, e.g. term_definition("trauma", first=2)."""
        term = ctx.data.term(term_id)
        call = f'{ctx.page.file.src_path}: term_definition("{term_id}")'
        if not term.get("definition"):
            raise DataError(f"{call}: data/glossary.yml, entry '{term_id}', has no definition. Expected: a term with one.")
        return _part(ctx, term["definition"], f"the definition of '{term_id}'", call, first, last)

    return term_definition


def quotable(data: SiteData) -> Iterator[tuple[str, str, dict]]:
    """(where, the macro call that renders it, {en, cy}) for every data text these macros render:
    the levels first, so a text that is in both (the specialist level) points at level_short."""
    for level in data.levels:
        yield f"data/levels.yml, level '{level['id']}', field 'short'", f'level_short("{level["id"]}")', level["short"]
    for term in data.glossary:
        if term.get("definition"):
            yield (
                f"data/glossary.yml, term '{term['id']}', field 'definition'",
                f'term_definition("{term["id"]}")',
                term["definition"],
            )
