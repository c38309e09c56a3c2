"""Build hook: an error in a page's macros stops the build with the project's message (file, line
in the source file, what is expected: tiw/build/macro_errors.py) instead of the macros plugin's report
with a traceback. It hands the plugin a formatter that keeps the error, then raises PluginError
when the plugin gives up (it calls exit() because the site sets on_error_fail)."""

from __future__ import annotations

from pathlib import Path

import mkdocs_macros.plugin as macros_plugin
from mkdocs.exceptions import PluginError

from tiw.build.macro_errors import message

_last: dict = {}


def _keep(error, markdown, page):
    _last["error"] = error
    return f"{page.file.src_uri}: {type(error).__name__} (the build stops with the full message)"


macros_plugin.format_error = _keep


def on_config(config):
    plugin = config.plugins.get("macros")
    if plugin is None or getattr(plugin.render, "_tiw_wrapped", False):
        return config
    render = plugin.render

    def checked_render(markdown, force_rendering=False):
        _last.clear()
        try:
            return render(markdown=markdown, force_rendering=force_rendering)
        except SystemExit:
            error = _last.get("error")
            if error is None:
                raise
            page = plugin.page
            src = Path(page.file.abs_src_path)
            title_line = None
            if markdown == page.title:
                from tiw.core.frontmatter import read_front_matter

                _, lines, _ = read_front_matter(src)
                title_line = lines.get("title", 2)
            known = [name for name in plugin.macros.keys() if name not in ("context", "macros_info", "now", "fix_url")]
            raise PluginError(message(error, src, title_line=title_line, known=known)) from None

    checked_render._tiw_wrapped = True
    plugin.render = checked_render
    return config
