"""The build's cache folder: .cache/ in the checkout (TIW_CACHE_DIR moves it; make bench gives
each clean build an empty one). Only what is named by the hash of everything that decides it goes
here, so an entry can never be stale: a changed input is a different name.

- minify/: our scripts, tiw.css and the tools' stylesheets, minified (tiw/build/minify.py; the
  theme's bundle is minified once with the install and kept in the environment instead);
- jinja/: the theme's templates compiled (hooks/template_cache.py; Jinja checks each one's source);
- pdf/: the last framework PDF printed in each language, named by what decides its bytes
  (hooks/framework_pdf.py, tiw/publishing/framework_pdf.py print_key): a build whose framework
  text is unchanged copies it instead of printing it again.
"""

from __future__ import annotations

import os
from pathlib import Path

from tiw import ROOT


def cache_dir(part: str) -> Path:
    return Path(os.environ.get("TIW_CACHE_DIR") or ROOT / ".cache") / part


# A result is kept for the next builds beside a few earlier ones: the deploy builds the same pages
# for two addresses (make test's, then the public one), and each must find its own PDFs.
KEEP = 4


def used(entry: Path) -> None:
    """Mark a kept result as just used, so pruning keeps it."""
    try:
        entry.touch()
    except OSError:
        pass


def prune(entries: list[Path], keep: int = KEEP) -> None:
    """Remove all but the `keep` most recently used of these results (files or folders)."""
    import shutil

    newest_first = sorted(entries, key=lambda e: e.stat().st_mtime, reverse=True)
    for old in newest_first[keep:]:
        if old.is_dir():
            shutil.rmtree(old, ignore_errors=True)
        else:
            old.unlink(missing_ok=True)
