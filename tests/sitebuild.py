"""Is site/ a build of the sources as they are now? The test session asks before it starts
(tests/conftest.py) and builds site/ itself when the answer is no."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

# Everything the build reads: a change to any of it makes site/ out of date.
# (tiw_editor: the editor's configuration, strings and stylesheet; translation/wordlist-cy.txt: the
# English names hooks/language_of_parts.py marks lang="en".)
SOURCES = [
    "docs",
    "data",
    "resources",
    "schemas",
    "overrides",
    "macros",
    "hooks",
    "tiw",
    "tiw_editor",
    "translation/wordlist-cy.txt",
    "mkdocs.yml",
]
# Written in the build's last step (hooks/findability.py, after both languages): a site without it
# is an interrupted build.
FINISHED = "sitemap.xml"
# Written when the build starts writing pages: sources changed after it may not be in the build.
STARTED = "index.html"


def newest_source(root: Path) -> tuple[float, Path | None]:
    newest: tuple[float, Path | None] = (0.0, None)
    for name in SOURCES:
        top = root / name
        files = [top] if top.is_file() else (p for p in top.rglob("*") if p.is_file() and "__pycache__" not in p.parts)
        for path in files:
            mtime = path.stat().st_mtime
            if mtime > newest[0]:
                newest = (mtime, path)
    return newest


def stale_reason(site: Path, root: Path) -> str | None:
    """Why site/ is not a build of the current sources, or None when it is."""
    if not (site / STARTED).is_file() or not (site / FINISHED).is_file():
        return f"{site.name}/ is missing or its build did not finish"
    mtime, path = newest_source(root)
    if path is not None and mtime > (site / STARTED).stat().st_mtime:
        return f"{path.relative_to(root)} changed after {site.name}/ was built"
    return None


def build(root: Path) -> subprocess.CompletedProcess:
    """What `make build` runs: the strict, clean build with the PDFs, from this checkout."""
    env = dict(os.environ, PYTHONPATH=str(root), NO_MKDOCS_2_WARNING="1", TIW_SKIP_PDF="")
    return subprocess.run(
        [sys.executable, "-m", "mkdocs", "build", "--strict", "--clean"], cwd=root, env=env, capture_output=True, text=True
    )
