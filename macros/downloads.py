"""The framework PDF's download link (docs/<lang>/framework/index.md calls
`{{ framework_pdf_link() }}`). The PDF is made after the pages are built (hooks/framework_pdf.py),
so its size is not known here: the hook writes it into the placeholder below once the file exists,
from the file itself."""
from __future__ import annotations

import html

from mkdocs.utils import get_relative_url

from macros.context import MacroContext
from tiw.publishing.framework_pdf import pdf_url

__all__ = ["framework_pdf_link"]


def framework_pdf_link(ctx: MacroContext):
    def framework_pdf_link() -> str:
        e = html.escape
        lang = ctx.lang
        href = get_relative_url(pdf_url(lang), ctx.page.url or ".")
        # tiw-pdf-exclude: the PDF itself leaves this paragraph out.
        return (f'<div class="tiw-download tiw-pdf-exclude">\n'
                f'<p><a class="tiw-download__link" href="{e(href)}" type="application/pdf">{e(ctx.t("pdf_download"))}</a> '
                f'<span class="tiw-download__size" data-tiw-pdf-size="{lang}">(PDF)</span></p>\n'
                f'<p class="tiw-download__note">{e(ctx.t("pdf_same_text"))}</p>\n'
                f'</div>\n')
    return framework_pdf_link
