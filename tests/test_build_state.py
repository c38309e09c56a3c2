"""The build state (tiw.build.state): the data is read once per build, at configuration time, and
read again on the next build (a `make serve` rebuild), never once per page or macro call."""

from __future__ import annotations

from types import SimpleNamespace

import pytest

from hooks import data_check
from tiw import ROOT
from tiw.build import state


@pytest.fixture
def counted_loads(monkeypatch):
    calls = []

    def fake_load():
        calls.append(1)
        return SimpleNamespace(services=[])

    monkeypatch.setattr(state, "load_site_data", fake_load)
    monkeypatch.setattr(state, "_current", None)
    return calls


def _config(current_language):
    i18n = SimpleNamespace(current_language=current_language, build_languages=["en", "cy"])
    return SimpleNamespace(plugins={"i18n": i18n}, docs_dir=str(ROOT / "docs"))


def test_pages_and_macros_share_one_read(counted_loads):
    first = state.site()
    for _ in range(50):  # every hook and macro call of a build
        assert state.site() is first
    assert len(counted_loads) == 1


def test_each_build_reads_the_data_once_and_a_rebuild_reads_it_again(counted_loads):
    data_check.on_config(_config(None))  # the English build starts (static-i18n not yet switched)
    english = state.site()
    data_check.on_config(_config("cy"))  # static-i18n's Welsh build of the same run
    assert state.site() is english and len(counted_loads) == 1
    data_check.on_config(_config(None))  # `make serve` rebuilds after a watched file changed
    assert state.site() is not english and len(counted_loads) == 2


def test_what_a_hook_keeps_lasts_the_build_and_is_new_with_the_next(counted_loads):
    data_check.on_config(_config("en"))
    state.store("news")["posts"] = ["a post"]
    data_check.on_config(_config("cy"))  # the Welsh pass of the same build keeps it
    assert state.store("news") == {"posts": ["a post"]}
    data_check.on_config(_config("en"))  # a `make serve` rebuild starts empty
    assert state.store("news") == {}
    assert state.store("other") is not state.store("news")
