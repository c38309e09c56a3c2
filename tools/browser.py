"""The one browser the project drives: Debian's Chromium headless shell (system-packages.txt), for
the browser checks (tests/browser/) and make bench (Lighthouse, first view). It is the same Blink
as the full browser without the browser's own windows: the checks' results were the same, for
about a third of the CPU, and the suite is CPU-bound."""

from __future__ import annotations

import shutil

PACKAGE = "chromium-headless-shell"


def chromium() -> str | None:
    """The headless shell's path, or None when it is not installed."""
    return shutil.which(PACKAGE)


MISSING = (
    f"Chromium's headless shell is not installed: run tools/system-deps (as root), which installs "
    f"Debian's {PACKAGE} with the rest of system-packages.txt."
)
