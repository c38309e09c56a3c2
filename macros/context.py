"""What every macro needs: the page's language, the data, interface strings and page links."""

from __future__ import annotations

import html

from mkdocs.utils import get_relative_url

from tiw import ROOT
from tiw.build import state
from tiw.build.language import content_language, site_path
from tiw.core.errors import DataError
from tiw.data.site import SiteData


class MacroContext:
    def __init__(self, env):
        self.env = env

    @property
    def page(self):
        return self.env.page

    @property
    def lang(self) -> str:
        # The language of the Markdown being rendered: on a (refused) fallback page this keeps
        # the rendered data in the same language as the text around it.
        return content_language(self.page)

    @property
    def data(self) -> SiteData:
        return state.site()

    def t(self, key: str, **values) -> str:
        ui = self.data.ui
        if key not in ui:
            raise DataError(
                f"unknown interface string '{key}' (used in {self.page.file.src_path}). Expected: a key defined in data/ui.yml."
            )
        text = ui[key][self.lang]
        try:
            return text.format(**values)
        except KeyError as exc:
            raise DataError(f"interface string '{key}' needs the value {exc} (used in {self.page.file.src_path}).") from None

    def tx(self, value: dict) -> str:
        """A bilingual data field in the page's language, HTML-escaped."""
        return html.escape(value[self.lang])

    def url(self, docs_path: str) -> str:
        """Relative URL from the current page to another page, given by its path under docs/<lang>/.
        A path with no page behind it fails the build (a typo must not make a dead link)."""
        path, _, anchor = docs_path.partition("#")
        if not (ROOT / "docs" / self.lang / path).is_file():
            raise DataError(
                f"{self.page.file.src_path}: a macro links to '{path}', but docs/{self.lang}/{path} "
                "does not exist. Expected: the path of a page under docs/en/ and docs/cy/."
            )
        target = path[:-3]
        if target == "index" or target.endswith("/index"):
            target = target[: -len("index")]
        else:
            target += "/"
        target = site_path(target, self.lang)
        rel = get_relative_url(target or ".", self.page.url or ".")
        rel = rel if rel.endswith("/") or rel == "." else rel + "/"
        return rel + (f"#{anchor}" if anchor else "")

    def asset(self, asset_path: str) -> str:
        """Relative URL from the current page to a file under docs/assets/."""
        if not (ROOT / "docs" / "assets" / asset_path).is_file():
            raise DataError(f"{self.page.file.src_path}: the file docs/assets/{asset_path} does not exist.")
        return get_relative_url(f"assets/{asset_path}", self.page.url or ".")


def t(ctx: MacroContext):
    def t(key: str, **values) -> str:
        """An interface string from data/ui.yml in the page's language."""
        return ctx.t(key, **values)

    return t
