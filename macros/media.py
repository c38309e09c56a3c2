"""Pictures shipped with the site (no image is ever fetched from elsewhere)."""
from __future__ import annotations

import html

from macros.context import MacroContext

__all__ = ["picture"]


def picture(ctx: MacroContext):
    def picture(path: str, alt: str) -> str:
        """An image under docs/assets/ with its text alternative in the page's language."""
        if not alt.strip():
            raise ValueError(f"picture({path!r}) in {ctx.page.file.src_path}: the text alternative is empty. "
                             "Describe the picture in the page's language.")
        return (f'<img class="tiw-picture" src="{ctx.asset(path)}" alt="{html.escape(alt)}" '
                f'width="120" height="120" loading="lazy">')
    return picture
