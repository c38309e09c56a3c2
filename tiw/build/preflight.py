"""The checks the build runs before MkDocs renders anything, runnable on their own:
`python -m tiw.build.preflight` (from the project folder) prints every problem the way the build does and
exits 1, or exits 0. The build hooks call the same functions at config time (hooks/data_check.py,
hooks/content_safety.py, hooks/news.py, hooks/findability.py); the bad-input tests use this to
check many broken copies of the project quickly."""

from __future__ import annotations

import os
import sys

from tiw import ROOT
from tiw.core.content_safety import raise_if_unsafe
from tiw.core.errors import DataError
from tiw.core.frontmatter import check_all_front_matter
from tiw.data.site import load_site_data
from tiw.publishing.findability import load_redirects
from tiw.publishing.news import held_back, load_posts

DEFAULT_SITE_URL = "http://127.0.0.1:8000/"  # as in mkdocs.yml


def run() -> list[str]:
    """The message of each failing family of checks, in build order."""
    problems = []
    checks = [
        ("The site's data has a problem", load_site_data),
        ("A page's front matter has a problem", lambda: check_all_front_matter(ROOT / "docs")),
        ("Content that could run script", lambda: raise_if_unsafe(ROOT, os.environ.get("SITE_URL", DEFAULT_SITE_URL))),
        ("A news post has a problem", lambda: (load_posts(ROOT / "docs"), held_back(ROOT / "docs"))),
        ("data/redirects.yml has a problem", lambda: load_redirects(docs_dir=ROOT / "docs")),
    ]
    for title, check in checks:
        try:
            check()
        except DataError as exc:
            problems.append(f"{title}:\n{exc}")
    return problems


def main() -> int:
    problems = run()
    for p in problems:
        print(f"ERROR   -  {p}", file=sys.stderr)
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main())
