"""One list of system packages (system-packages.txt): tools/system-deps installs it, .ci/run and
both GitHub workflows run that script, and nothing installs a package the list does not name."""

from __future__ import annotations

import re
import shlex
import subprocess

import yaml

from tiw import ROOT

LIST = ROOT / "system-packages.txt"
WORKFLOWS = sorted((ROOT / ".github" / "workflows").glob("*.yml"))


def listed() -> list[str]:
    names = []
    for line in LIST.read_text(encoding="utf-8").splitlines():
        line = line.split("#", 1)[0].strip()
        if line:
            names.append(line.split()[0])
    return names


def installed_by(script: str) -> list[str]:
    """Package names given to `apt-get install` or `apt install` anywhere in a shell script."""
    names = []
    script = script.replace("\\\n", " ")
    for command in re.split(r"&&|\|\||;|\n", script):
        words = shlex.split(command, comments=True)
        for i, word in enumerate(words[:-1]):
            if word in ("apt-get", "apt") and "install" in words[i + 1 :]:
                rest = words[words.index("install", i) + 1 :]
                names += [w for w in rest if not w.startswith("-") and "=" not in w]
                break
    return names


def _runs(path) -> list[str]:
    data = yaml.safe_load(path.read_text(encoding="utf-8"))
    return [s.get("run", "") for job in data["jobs"].values() for s in job.get("steps", [])]


def test_the_list_names_what_the_checks_need():
    names = listed()
    assert len(names) == len(set(names)), "a package is listed twice"
    for needed in (
        "chromium-headless-shell",
        "default-jre-headless",
        "hunspell",
        "hunspell-en-gb",
        "libpango-1.0-0",
        "git",
    ):
        assert needed in names, f"system-packages.txt does not list {needed}"


def test_the_install_script_reads_the_list():
    out = subprocess.run([str(ROOT / "tools" / "system-deps"), "--list"], capture_output=True, text=True, check=True)
    assert out.stdout.split() == listed()


def test_the_parser_finds_packages_in_install_commands():
    script = "apt-get update -qq && DEBIAN_FRONTEND=x apt-get install -y -qq --no-install-recommends \\\n  git foo\n"
    assert installed_by(script) == ["git", "foo"]
    assert installed_by("echo apt-get") == []


def test_ci_and_both_workflows_run_the_same_script():
    ci = (ROOT / ".ci" / "run").read_text(encoding="utf-8")
    assert re.search(r"^tools/system-deps\s*$", ci, re.M), ".ci/run does not run tools/system-deps"
    assert installed_by(ci) == [], ".ci/run installs packages itself: list them in system-packages.txt"
    assert {p.name for p in WORKFLOWS} >= {"ci.yml", "deploy.yml"}
    for name in ("ci.yml", "deploy.yml"):
        runs = _runs(ROOT / ".github" / "workflows" / name)
        assert any(re.search(r"(^|\n)\s*(bash )?\.ci/run\s*($|\n)", r) for r in runs), f"{name} does not run .ci/run"


def test_every_package_a_workflow_installs_comes_from_the_list():
    names = set(listed())
    for path in WORKFLOWS:
        for run in _runs(path):
            stray = [p for p in installed_by(run) if p not in names]
            assert not stray, f".github/workflows/{path.name} installs {stray}: add them to system-packages.txt"


def test_the_readme_points_to_the_list():
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    assert "system-packages.txt" in readme and "make system-deps" in readme
