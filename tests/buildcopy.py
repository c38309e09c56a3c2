"""Build a temporary copy of the project, so tests can break its data and watch the build fail."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

from tiw import ROOT
from tiw.core.paths import BUILD_INPUTS

# The build's inputs, and the tools (some tests run them on the copy).
PARTS = [*BUILD_INPUTS, "tools"]


def copy_project(dest: Path) -> Path:
    for part in PARTS:
        src = ROOT / part
        if src.is_dir():
            shutil.copytree(src, dest / part, ignore=shutil.ignore_patterns("__pycache__"))
        elif src.is_file():
            shutil.copy2(src, dest / part)
    # installed npm tools, not project files: every build runs PurgeCSS from node_modules
    if (ROOT / "node_modules").is_dir():
        (dest / "node_modules").symlink_to(ROOT / "node_modules", target_is_directory=True)
    return dest


def build_env(project: Path, **settings: str | None) -> dict[str, str]:
    """The environment a build of the copy runs in: PYTHONPATH puts the copy's tiw/macros first;
    `settings` add variables (TIW_SKIP_PDF="1") or, given None, remove them (SITE_URL=None)."""
    env = dict(os.environ, PYTHONPATH=str(project), NO_MKDOCS_2_WARNING="1")
    # the checkout's build cache (tiw/build/cache.py): its entries are named by the hash of what
    # decides them, so a copy can share them; without it each copy minified the theme again (2 s)
    env.setdefault("TIW_CACHE_DIR", str(ROOT / ".cache"))
    for name, value in settings.items():
        if value is None:
            env.pop(name, None)
        else:
            env[name] = value
    return env


def build(project: Path, timeout: int = 120, **settings: str | None) -> subprocess.CompletedProcess:
    """mkdocs build --strict of the copy into <copy>/site, with build_env(project, **settings)."""
    env = build_env(project, **settings)
    # `python -m mkdocs`, not the venv's script, whose first line names the folder the venv was made in.
    return subprocess.run(
        [sys.executable, "-m", "mkdocs", "build", "--strict", "-d", str(project / "site")],
        cwd=project,
        env=env,
        capture_output=True,
        text=True,
        timeout=timeout,
    )
