"""When each page last changed, from git history: one `git log --name-only` pass for the whole of
docs/ (not one git call per page).

No date is better than a wrong one, so this returns nothing for a page when it cannot know:
- no git, or not a git checkout (a build from a tarball): no dates at all;
- a shallow clone (CI's default `fetch-depth: 1` would date every page to the last commit): no dates;
- a file with uncommitted changes, or not committed yet: no date for that file.
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from tiw import ROOT
from tiw.build.git import output as git_output


def why_no_dates(root: Path = ROOT) -> str | None:
    """None when git history can date the pages; otherwise the reason it cannot."""
    top = git_output(root, "rev-parse", "--show-toplevel")
    if top is None:
        return "this is not a git checkout (or git is not installed)"
    if (git_output(root, "rev-parse", "--is-shallow-repository") or "").strip() == "true":
        return "this is a shallow clone (fetch the full history: actions/checkout with fetch-depth: 0)"
    return None


def last_changed(root: Path = ROOT, subdir: str = "docs") -> dict[str, dt.date] | None:
    """{path relative to root (posix): date of the last commit that changed it} for files under
    `subdir`, or None when git cannot tell (see why_no_dates)."""
    if why_no_dates(root) is not None:
        return None
    log = git_output(
        root, "-c", "core.quotepath=off", "log", "--format=%x00%cs", "--name-only", "--no-renames", "--relative", "--", subdir
    )
    if log is None:
        return None
    dates: dict[str, dt.date] = {}
    for block in log.split("\x00")[1:]:
        lines = [line for line in block.splitlines() if line.strip()]
        if not lines:
            continue
        day = dt.date.fromisoformat(lines[0].strip())
        for name in lines[1:]:
            dates.setdefault(name.strip(), day)  # git log is newest first: keep the first seen
    dirty = git_output(root, "-c", "core.quotepath=off", "diff", "--name-only", "--relative", "HEAD", "--", subdir) or ""
    for name in dirty.splitlines():
        dates.pop(name.strip(), None)
    return dates
