"""Build hook: refuse content that could run script or load another site's files (pages, front
matter, data, catalogue), naming file and line, before anything renders (tiw/core/content_safety.py)."""

from __future__ import annotations

from mkdocs.exceptions import PluginError

from tiw import ROOT
from tiw.core.content_safety import raise_if_unsafe
from tiw.core.errors import DataError


def on_config(config):
    try:
        raise_if_unsafe(ROOT, config.site_url or "")
    except DataError as exc:
        raise PluginError(str(exc)) from None
    return config
