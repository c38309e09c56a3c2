"""Build hook: refuse content that could run script or load another site's files (pages, front
matter, data, catalogue), naming file and line, before anything renders (tiw/core/content_safety.py)."""

from __future__ import annotations

from mkdocs.exceptions import PluginError

from tiw import ROOT
from tiw.build.sequence import is_first_build
from tiw.core.content_safety import raise_if_unsafe
from tiw.core.errors import DataError


def on_config(config):
    if not is_first_build(config):  # static-i18n runs on_config again for the Welsh pass
        return config
    try:
        raise_if_unsafe(ROOT, config.site_url or "")
    except DataError as exc:
        raise PluginError(str(exc)) from None
    return config
