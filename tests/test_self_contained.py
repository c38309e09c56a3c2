"""The repository alone builds and tests: nothing reads outside it, and a fresh clone with nothing
beside it (here with a copy of this checkout's .venv, as a moved or copied checkout has) builds its
own files and passes the offline checks of its sources."""

from __future__ import annotations

import os
import re
import shutil
import subprocess

import pytest

from tiw import ROOT

# Code and configuration that tests, tools, hooks and the build run.
SCANNED = ["tiw", "tools", "hooks", "macros", "tests", ".ci", ".github", "Makefile", "mkdocs.yml", "pyproject.toml", "pytest.ini"]
OUTSIDE = re.compile(r"ROOT\.parent\b|\.\./shared|/work/|parent\.parent\.parent|Path\.home\(\)")
MARKER = "Built from the clone's own docs/ 7f3a"


def _files():
    for name in SCANNED:
        top = ROOT / name
        for path in [top] if top.is_file() else sorted(top.rglob("*")):
            if path.is_file() and "__pycache__" not in path.parts and path.suffix not in (".pyc",) and path != __file__:
                yield path


def test_no_path_used_by_tests_tools_or_hooks_leads_outside_the_repository():
    this = os.path.realpath(__file__)
    found = []
    for path in _files():
        if os.path.realpath(path) == this:
            continue
        for n, line in enumerate(path.read_text(encoding="utf-8", errors="replace").splitlines(), 1):
            if OUTSIDE.search(line):
                found.append(f"{path.relative_to(ROOT)}:{n}: {line.strip()}")
    assert found == [], "paths outside the repository:\n" + "\n".join(found)


def test_the_environment_has_no_absolute_path_to_a_checkout():
    """A .pth naming a folder made a copied .venv import the old checkout's tiw/."""
    import sysconfig

    pths = list(__import__("pathlib").Path(sysconfig.get_paths()["purelib"]).glob("*.pth"))
    naming = [p.name for p in pths if str(ROOT) in p.read_text(encoding="utf-8", errors="replace")]
    assert naming == [], f"{naming} put {ROOT} on the import path"


def test_the_venvs_own_scripts_import_the_checkout_that_holds_the_venv():
    """`.venv/bin/mkdocs` run by hand (no Makefile, no PYTHONPATH) finds this checkout's tiw/: the
    venv's tiw-checkout.pth works the checkout out from the venv's own place (sys.prefix)."""
    python = ROOT / ".venv" / "bin" / "python"
    if not python.exists():
        pytest.fail("no .venv in this checkout: run `make test`, which makes it")
    env = {k: v for k, v in os.environ.items() if k != "PYTHONPATH"}
    out = subprocess.run([str(python), "-c", "import tiw; print(tiw.ROOT)"], cwd="/", env=env, capture_output=True, text=True)
    assert out.returncode == 0 and out.stdout.strip() == str(ROOT), out.stderr[-2000:]


def test_the_lock_is_installed_as_it_stands():
    """The hashed lock is complete, so pip installs it without resolving (--no-deps) and checks it
    (pip check). Left to resolve, pip 23 took weasyprint's fonttools[woff] extra to a release
    published after the lock, which has no hash there: a fresh clone failed to install."""
    makefile = (ROOT / "Makefile").read_text(encoding="utf-8")
    installs = [
        line for line in makefile.splitlines() if "pip install" in line and re.search(r"-r requirements[-\w]*\.txt", line)
    ]
    assert len(installs) >= 2, f"no pip install of the lock found in the Makefile: {installs}"
    loose = [line.strip() for line in installs if "--require-hashes" not in line or "--no-deps" not in line]
    assert loose == [], "the lock must be installed with --require-hashes --no-deps:\n" + "\n".join(loose)
    assert makefile.count("-m pip check") >= len(installs), "each install of the lock is followed by pip check"


@pytest.mark.slow
def test_a_fresh_clone_with_a_copied_venv_builds_its_own_files(tmp_path):
    if not (ROOT / ".git").exists():
        pytest.fail("this checkout is not a git repository: the test clones it")
    clone = tmp_path / "alone" / "x"  # nothing beside it
    subprocess.run(["git", "clone", "--quiet", str(ROOT), str(clone)], check=True, timeout=120)
    venv = ROOT / ".venv"
    # Hard links: a copy of the environment in seconds, the same files as a `cp -a` would give.
    shutil.copytree(venv, clone / ".venv", symlinks=True, copy_function=os.link)
    # The npm tools likewise (a fresh machine's `npm ci` is what .ci/run does; here it took 25-50 s
    # of this test). Its marker is a new file, not a link, so that make sees the clone's tools as
    # installed after the clone's package-lock.json without touching this checkout's marker.
    shutil.copytree(ROOT / "node_modules", clone / "node_modules", symlinks=True, copy_function=os.link)
    marker = clone / "node_modules" / ".installed"
    marker.unlink()
    marker.write_text("")
    page = clone / "docs" / "en" / "index.md"
    page.write_text(page.read_text(encoding="utf-8") + f"\n{MARKER}\n", encoding="utf-8")
    env = {k: v for k, v in os.environ.items() if k not in ("PYTHONPATH", "TIW_SITE", "MAKEFLAGS", "MAKELEVEL", "SITE_URL")}

    built = subprocess.run(["make", "build"], cwd=clone, env=env, capture_output=True, text=True, timeout=900)
    assert built.returncode == 0, built.stdout[-2000:] + built.stderr[-3000:]
    assert MARKER in (clone / "site" / "index.html").read_text(encoding="utf-8"), "the clone built another checkout's files"
    assert MARKER not in (ROOT / "site" / "index.html").read_text(encoding="utf-8")

    # The offline checks of the sources, run inside the clone against its own build.
    checks = [
        "tests/test_framework_coverage.py",
        "tests/test_confirmed_sources.py",
        "tests/test_system_packages.py",
        "tests/test_dates.py",
        "tests/test_ui_strings_used.py",
    ]
    run = subprocess.run(
        [str(clone / ".venv" / "bin" / "python"), "-m", "pytest", "-q", "-p", "no:cacheprovider", *checks],
        cwd=clone,
        env=env,
        capture_output=True,
        text=True,
        timeout=600,
    )
    assert run.returncode == 0, run.stdout[-3000:] + run.stderr[-2000:]
    assert re.search(r"\d+ passed", run.stdout) and " failed" not in run.stdout
