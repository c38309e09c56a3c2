"""Bad input never ships and never ends in a traceback: every case of the corpus (cases.py), each
one small change to a copy of the project, fails with a non-zero exit and a message naming the
file and the line of the change."""

from __future__ import annotations

import os
import queue
import re
import subprocess
import sys
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

import pytest

from tests.bad_inputs.cases import CASES, Case
from tests.buildcopy import build, copy_project
from tiw import ROOT

PREFLIGHT = [c for c in CASES if c.via == "preflight"]
BUILDS = [c for c in CASES if c.via == "build"]


class _Preflights:
    """`python -m tiw.build.preflight` in a copy of the project, run by a process that has loaded
    the libraries once and forks for each copy (tests/bad_inputs/forked.py); one such process per
    thread."""

    def __init__(self, count: int):
        env = {k: v for k, v in os.environ.items() if k != "PYTHONPATH"}
        env["NO_MKDOCS_2_WARNING"] = "1"
        self.idle: queue.Queue = queue.Queue()
        self.all = []
        for _ in range(count):
            proc = subprocess.Popen(
                [sys.executable, "-m", "tests.bad_inputs.forked"],
                cwd=ROOT,
                env=env,
                stdin=subprocess.PIPE,
                stdout=subprocess.PIPE,
                text=True,
            )
            self.all.append(proc)
            self.idle.put(proc)

    def run(self, project: Path) -> subprocess.CompletedProcess:
        output = project.parent / f"{project.name}-preflight.txt"
        proc = self.idle.get()
        try:
            proc.stdin.write(f"{project}\t{output}\n")
            proc.stdin.flush()
            answer = proc.stdout.readline()
        finally:
            self.idle.put(proc)
        if not answer.strip():
            raise RuntimeError("the preflight process (tests/bad_inputs/forked.py) stopped")
        return subprocess.CompletedProcess(["preflight", str(project)], int(answer), output.read_text(encoding="utf-8"), "")

    def close(self):
        for proc in self.all:
            proc.stdin.close()
            proc.wait(timeout=60)


def _run(case: Case, root: Path, preflights: _Preflights | None = None) -> tuple[Path, subprocess.CompletedProcess]:
    (root / case.id).mkdir()
    project = copy_project(root / case.id)
    case.change(project)
    return project, (preflights.run(project) if case.via == "preflight" else build(project))


@pytest.fixture(scope="module")
def preflight_results(tmp_path_factory):
    """All preflight cases, two at a time."""
    root = tmp_path_factory.mktemp("bad")
    preflights = _Preflights(2)
    try:
        with ThreadPoolExecutor(max_workers=2) as pool:
            return dict(zip([c.id for c in PREFLIGHT], pool.map(lambda c: _run(c, root, preflights), PREFLIGHT)))
    finally:
        preflights.close()


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
