"""How `make test` shares the suite between its workers: pytest-xdist's `--dist loadscope` (a test
module stays on one worker, in order, with its module fixtures made once), except for the modules
named here, whose tests share nothing (a fresh browser context each, no module fixture): each of
their tests is its own unit of work, so the page checks (one visit per built page, the longest
module by far) spread over every worker instead of queueing on one."""

from __future__ import annotations

from xdist.scheduler import LoadScopeScheduling

SPREAD_MODULES = frozenset({"tests/browser/test_accessibility.py"})


class SpreadPagesScheduling(LoadScopeScheduling):
    def _split_scope(self, nodeid: str) -> str:
        if nodeid.split("::", 1)[0] in SPREAD_MODULES:
            return nodeid
        return LoadScopeScheduling._split_scope(self, nodeid)
