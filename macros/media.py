"""Pictures shipped with the site (no image is ever fetched from elsewhere)."""

from __future__ import annotations

from macros.context import MacroContext
from tiw.build import fragments

__all__ = ["picture"]


def picture(ctx: MacroContext):
    def picture(path: str, alt: str) -> str:
        """An image under docs/assets/ with its text alternative in the page's language."""
        if not alt.strip():
            raise ValueError(
                f"picture({path!r}) in {ctx.page.file.src_path}: the text alternative is empty. "
                "Describe the picture in the page's language."
            )
        return fragments.render("picture.html", src=ctx.asset(path), alt=alt)

    return picture
