"""Run `python -m tiw.build.preflight` in many copies of the project without starting Python for
each: this process loads the libraries the checks use once, then for each copy named on its
standard input forks a child that imports that copy's own tiw/ (never this checkout's: no tiw
module is loaded before the fork) and runs the preflight as `python -m` would, its output in a
file. Starting Python and importing jsonschema, Jinja and YAML was about 0.3 of the 0.45 CPU s of
each of the corpus's 80 checks.

Protocol: a line "PROJECT<TAB>OUTPUT" in, a line with the child's exit code out."""

from __future__ import annotations

import os
import runpy
import sys
import traceback

import jinja2  # noqa: F401  (loaded before the fork: the point of this process)
import jsonschema  # noqa: F401
import markupsafe  # noqa: F401
import referencing  # noqa: F401
import yaml  # noqa: F401


def _child(project: str, output: str) -> int:
    with open(output, "w", encoding="utf-8") as out:
        os.dup2(out.fileno(), 1)
        os.dup2(out.fileno(), 2)
    os.chdir(project)
    os.environ["PYTHONPATH"] = project
    sys.path[:0] = [project]
    code = 0
    try:
        runpy.run_module("tiw.build.preflight", run_name="__main__", alter_sys=True)
    except SystemExit as exit_:
        code = exit_.code if isinstance(exit_.code, int) else (0 if exit_.code is None else 1)
    except BaseException:
        traceback.print_exc()  # as Python prints an uncaught exception: the tests look for it
        code = 1
    sys.stdout.flush()
    sys.stderr.flush()
    return code


def main() -> int:
    assert not any(name == "tiw" or name.startswith("tiw.") for name in sys.modules), "tiw loaded before the fork"
    for line in sys.stdin:
        project, output = line.rstrip("\n").split("\t")
        pid = os.fork()
        if pid == 0:
            os._exit(_child(project, output))
        _, status = os.waitpid(pid, 0)
        print(os.waitstatus_to_exitcode(status), flush=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
