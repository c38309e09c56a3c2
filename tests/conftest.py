"""The test session checks the build it tests: site/ is rebuilt first when it is missing or older
than any source file, so `pytest` alone never tests a stale or foreign site."""

import sys

import pytest

from tests.sitebuild import build, stale_reason
from tests.sitepages import SITE
from tiw import ROOT


def pytest_sessionstart(session):
    if hasattr(session.config, "workerinput"):
        return  # a pytest-xdist worker: the controller has already checked (and built) site/
    reason = stale_reason(SITE, ROOT)
    if reason is None:
        return
    if SITE.resolve() != (ROOT / "site").resolve():
        raise pytest.UsageError(f"TIW_SITE={SITE}: {reason}. Build it, or unset TIW_SITE to test this checkout's site/.")
    message = f"{reason}: building it first (as `make build` does)..."
    reporter = session.config.pluginmanager.get_plugin("terminalreporter")
    if reporter is not None:
        reporter.write_line(message)
    else:
        print(message, file=sys.stderr, flush=True)
    result = build(ROOT)
    if result.returncode != 0:
        tail = "\n".join((result.stdout + result.stderr).strip().splitlines()[-15:])
        raise pytest.UsageError(
            f"the build failed, so there is no site to test:\n{tail}\nFix what it names, then run `make build`."
        )


@pytest.hookimpl(optionalhook=True)  # without xdist (-p no:xdist) there is no such hook
def pytest_xdist_make_scheduler(config, log):
    """`--dist loadscope`, except that the page checks spread over the workers (tests/scheduling.py)."""
    if config.getoption("dist") != "loadscope":
        return None
    from tests.scheduling import SpreadPagesScheduling

    return SpreadPagesScheduling(config, log)
