"""Bad input never ships and never ends in a traceback: every case of the corpus (cases.py), each
one small change to a copy of the project, fails with a non-zero exit and a message naming the
file and the line of the change."""

from __future__ import annotations

import os
import re
import subprocess
import sys
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

import pytest

from tests.bad_inputs.cases import CASES, Case
from tests.buildcopy import build, copy_project

PREFLIGHT = [c for c in CASES if c.via == "preflight"]
BUILDS = [c for c in CASES if c.via == "build"]


def _preflight(project: Path) -> subprocess.CompletedProcess:
    env = dict(os.environ, PYTHONPATH=str(project), NO_MKDOCS_2_WARNING="1")
    return subprocess.run(
        [sys.executable, "-m", "tiw.build.preflight"], cwd=project, env=env, capture_output=True, text=True, timeout=120
    )


def _run(case: Case, root: Path) -> tuple[Path, subprocess.CompletedProcess]:
    (root / case.id).mkdir()
    project = copy_project(root / case.id)
    case.change(project)
    return project, (_preflight(project) if case.via == "preflight" else build(project))


@pytest.fixture(scope="module")
def preflight_results(tmp_path_factory):
    """All preflight cases, two at a time (the checks take about a second each)."""
    root = tmp_path_factory.mktemp("bad")
    with ThreadPoolExecutor(max_workers=2) as pool:
        return dict(zip([c.id for c in PREFLIGHT], pool.map(lambda c: _run(c, root), PREFLIGHT)))


def line_of(project: Path, case: Case) -> int | None:
    if case.mark is None:
        return None
    text = (project / case.names).read_bytes().decode("utf-8", errors="replace").replace("\r\n", "\n")
    rows = text.split("\n")
    # A line that is exactly the mark wins over one that merely contains it ("id: fr" vs "id: frameworks").
    lines = [i + 1 for i, line in enumerate(rows) if line.strip() == case.mark.strip()] or [
        i + 1 for i, line in enumerate(rows) if case.mark in line
    ]
    assert lines, f"{case.id}: the mark {case.mark!r} is not in {case.names}"
    return lines[0]


def check(case: Case, project: Path, result: subprocess.CompletedProcess) -> None:
    output = result.stdout + result.stderr
    assert result.returncode != 0, f"{case.id}: the bad input passed\n{output[-2000:]}"
    assert "Traceback" not in output, f"{case.id}: a traceback reached the editor\n{output[-3000:]}"
    named = [int(n) for n in re.findall(re.escape(case.names) + r", line (\d+)", output)]
    assert named, f"{case.id}: no message names {case.names} and a line\n{output[-3000:]}"
    expected = line_of(project, case)
    if expected is not None:
        assert expected in named, (
            f"{case.id}: expected line {expected} of {case.names}, the message names {named}\n{output[-2000:]}"
        )
    assert re.search(case.says, output, re.S), f"{case.id}: {case.says!r} not in the output\n{output[-3000:]}"


@pytest.mark.parametrize("case", PREFLIGHT, ids=[c.id for c in PREFLIGHT])
def test_bad_input_is_refused_before_rendering(preflight_results, case):
    project, result = preflight_results[case.id]
    check(case, project, result)


@pytest.mark.slow
@pytest.mark.parametrize("case", BUILDS, ids=[c.id for c in BUILDS])
def test_bad_input_stops_the_real_build(tmp_path, case):
    project, result = _run(case, tmp_path)
    check(case, project, result)
    if case.id.startswith("build-"):
        # Refused at config time: nothing of the site was written.
        assert not (project / "site" / "index.html").exists(), f"{case.id}: the site was half written"


def test_the_corpus_is_large_and_its_ids_unique():
    assert len(CASES) >= 60
    assert len({c.id for c in CASES}) == len(CASES)
