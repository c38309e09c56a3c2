"""Build hook: read and validate all shared data once, before anything renders (tiw.build.state),
and stop the build with the editor-facing message when something is wrong (never render blank or
fall back silently)."""

from __future__ import annotations

import datetime as dt
import logging
from pathlib import Path

from mkdocs.exceptions import PluginError

from tiw.build import state
from tiw.build.sequence import is_first_build
from tiw.core.errors import DataError
from tiw.core.frontmatter import check_all_front_matter

log = logging.getLogger("mkdocs.hooks.data_check")
STALE_AFTER_DAYS = 365
_serving = {"on": False}


def on_startup(command, dirty):
    # `mkdocs serve` rebuilds after every save: its rebuilds keep the data while it is unchanged.
    _serving["on"] = command == "serve"


def on_config(config):
    try:
        # One read per build: static-i18n runs on_config again for the Welsh build, which reuses it.
        site = (state.start(reuse=_serving["on"]) if is_first_build(config) else state.current()).site
    except DataError as exc:
        raise PluginError(f"The site's data has a problem:\n{exc}") from None
    if is_first_build(config):  # every page of both languages, checked once a build
        try:
            check_all_front_matter(Path(config.docs_dir))
        except DataError as exc:
            raise PluginError(f"A page's front matter has a problem:\n{exc}") from None
    today = dt.date.today()
    warned = state.store("data_check").setdefault("warned", set())
    for service in site.services:
        age = (today - dt.date.fromisoformat(service["checked"])).days
        if service["status"] == "confirmed" and age > STALE_AFTER_DAYS and service["id"] not in warned:
            warned.add(service["id"])
            log.warning(
                f"data/services.yml, entry '{service['id']}': its details were last checked on "
                f"{service['checked']}, more than a year ago. Check them against {service['source_url']} "
                "and update 'checked' (or set status: unconfirmed to stop publishing it)."
            )
    return config
