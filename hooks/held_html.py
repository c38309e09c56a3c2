"""Build hook: the blocks of HTML that macros held out of Markdown (tiw/build/fragments.py,
hold()) go back into each page as soon as it is converted, before any other hook or plugin reads
the page (priority 100)."""

from __future__ import annotations

from mkdocs.exceptions import PluginError
from mkdocs.plugins import event_priority

from tiw.build import fragments


@event_priority(100)
def on_page_content(html_content, page, config, files):
    try:
        return fragments.release(html_content, page.file.src_uri)
    except RuntimeError as exc:
        raise PluginError(str(exc)) from None
