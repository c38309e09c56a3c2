"""The framework PDF's download link (docs/<lang>/framework/index.md calls
`{{ framework_pdf_link() }}`). The PDF is made after the pages are built (hooks/framework_pdf.py),
so its size is not known here: the hook writes it into the placeholder below once the file exists,
from the file itself."""

from __future__ import annotations

from mkdocs.utils import get_relative_url

from macros.context import MacroContext
from tiw.build import fragments
from tiw.publishing.framework_pdf import pdf_url

__all__ = ["framework_pdf_link"]


def framework_pdf_link(ctx: MacroContext):
    def framework_pdf_link() -> str:
        href = get_relative_url(pdf_url(ctx.lang), ctx.page.url or ".")
        return fragments.render("pdf-download.html", t=ctx.t, href=href, lang=ctx.lang)

    return framework_pdf_link
