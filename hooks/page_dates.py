"""Build hook: "Last updated" at the foot of every page, from git history, and the team's list of
pages overdue for review.

- One `git log --name-only` pass over docs/ per build (tiw.publishing.history), shared by both languages.
  Each page shows the date of the last commit that changed its own Markdown file, in the page's
  language (Welsh month names), through overrides/partials/source-file.html. Without git (a
  tarball), in a shallow clone, or for a file with uncommitted changes, it shows nothing rather
  than a wrong date (one INFO line says why).
- `review_by: YYYY-MM-DD` in a page's front matter: a malformed date stops the build naming the
  file and line; pages past their date are listed as INFO lines at the end of the build (for the
  team; nothing is shown to readers; not a warning, which would fail --strict). `make review-due`
  prints the same list.
"""

from __future__ import annotations

import datetime as dt
import logging
from pathlib import Path

from mkdocs.exceptions import PluginError

from tiw.build import state
from tiw.build.language import content_language, source_path
from tiw.build.sequence import is_first_build, is_last_build
from tiw.core.dates import format_date
from tiw.core.errors import DataError
from tiw.publishing import history
from tiw.publishing.review import describe, overdue, review_dates

log = logging.getLogger("mkdocs.hooks.page_dates")


def _store() -> dict:
    return state.store("page_dates")


def _root(config) -> Path:
    return Path(config.config_file_path).resolve().parent if config.config_file_path else Path.cwd()


def on_config(config):
    kept = _store()
    if is_first_build(config) or "dates" not in kept:
        root = _root(config)
        kept["root"] = root
        kept["dates"] = history.last_changed(root, "docs")
        if kept["dates"] is None:
            log.info(f"'Last updated' dates are not shown: {history.why_no_dates(root)}.")
        try:
            kept["reviews"] = review_dates(Path(config.docs_dir))
        except DataError as exc:
            raise PluginError(f"A review date has a problem:\n{exc}") from None
    return config


def page_date(page, config) -> dt.date | None:
    kept = _store()
    dates = kept.get("dates")
    where = source_path(page, config.docs_dir)
    if not dates or not where:
        return None
    docs = Path(config.docs_dir).resolve()
    try:
        key = (docs / where[0] / where[1]).relative_to(kept["root"]).as_posix()
    except ValueError:
        return None
    return dates.get(key)


def on_page_context(context, page, config, nav):
    day = page_date(page, config)
    if day is None:
        context["tiw_updated"] = None
        return context
    lang = content_language(page)
    label = state.site().ui["last_updated"][lang]
    before, _, after = label.partition("{date}")
    context["tiw_updated"] = {
        "date": day,
        "iso": day.isoformat(),
        "text": format_date(day, lang),
        "before": before,
        "after": after,
        "lang": lang,
    }
    return context


def on_post_build(config):
    if not is_last_build(config):
        return
    today = dt.date.today()
    late = overdue(_store().get("reviews", []), today)
    for review in late:
        log.info(f"Review overdue: {describe(review, today)}.")
    if late:
        log.info(
            f"{len(late)} page(s) are past their review_by date: check them and set a new date (`make review-due` lists them)."
        )
