"""The workers' share of the suite (tests/scheduling.py): page checks spread, other modules kept whole."""

from __future__ import annotations

from tests.scheduling import SPREAD_MODULES, SpreadPagesScheduling
from tiw import ROOT


def scope(nodeid: str) -> str:
    return SpreadPagesScheduling._split_scope(None, nodeid)


def test_each_page_check_is_its_own_unit_and_other_modules_stay_whole():
    page = "tests/browser/test_accessibility.py::test_page_is_accessible_and_self_contained[cy/]"
    assert scope(page) == page
    editor = "tests/browser/test_editor.py::test_a_news_post_in_both_languages"
    assert scope(editor) == "tests/browser/test_editor.py"


def test_the_spread_modules_exist():
    """A renamed module would silently go back to one worker."""
    missing = [m for m in SPREAD_MODULES if not (ROOT / m).is_file()]
    assert missing == [], f"tests/scheduling.py names modules that do not exist: {missing}"
