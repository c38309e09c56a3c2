"""The build state (tiw.build.state): the data is read once per build, at configuration time, and
read again on the next build (a `make serve` rebuild keeps it only while nothing it is read from
has changed), never once per page or macro call."""

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


def test_a_serve_rebuild_keeps_unchanged_data_and_reads_it_again_after_a_change(counted_loads, monkeypatch):
    keys = iter(["before", "before", "after"])
    monkeypatch.setattr(state, "inputs_key", lambda: next(keys))
    monkeypatch.setattr(state, "_loaded", None)
    data_check.on_startup(command="serve", dirty=False)
    try:
        data_check.on_config(_config(None))
        first = state.site()
        state.store("news")["posts"] = ["a post"]
        data_check.on_config(_config(None))  # a page saved: nothing the data is read from changed
        assert state.site() is first and len(counted_loads) == 1
        assert state.store("news") == {}  # the build's stores are new all the same
        data_check.on_config(_config(None))  # a data file saved
        assert state.site() is not first and len(counted_loads) == 2
    finally:
        data_check.on_startup(command="build", dirty=False)


def test_a_build_never_keeps_the_data(counted_loads, monkeypatch):
    monkeypatch.setattr(state, "inputs_key", lambda: "same")
    data_check.on_startup(command="build", dirty=False)
    data_check.on_config(_config(None))
    data_check.on_config(_config(None))
    assert len(counted_loads) == 2


def test_the_inputs_key_follows_every_file_the_data_is_read_from(tmp_path, monkeypatch):
    import datetime as dt

    constants = {"data": "DATA_DIR", "schemas": "SCHEMA_DIR", "resources": "RESOURCES_DIR", "docs": "DOCS_DIR"}
    folders = {name: tmp_path / name for name in constants}
    for name, folder in folders.items():
        folder.mkdir()
        monkeypatch.setattr(state, constants[name], folder)
    (folders["data"] / "levels.yml").write_text("a: 1\n")
    seen = {state.inputs_key()}
    assert state.inputs_key() in seen  # nothing changed: the same key
    for path, text in [
        (folders["data"] / "levels.yml", "a: 2\n"),  # same size, same second: the bytes decide
        (folders["schemas"] / "levels.schema.yaml", "type: object\n"),
        (folders["resources"] / "one.yml", "id: one\n"),
        (folders["docs"] / "page.md", ""),  # the catalogue checks that the pages it names exist
    ]:
        path.write_text(text)
        key = state.inputs_key()
        assert key not in seen, path
        seen.add(key)

    class Tomorrow(dt.date):
        @classmethod
        def today(cls):
            return dt.date(2099, 1, 1)

    monkeypatch.setattr(state.dt, "date", Tomorrow)  # the catalogue's date checks read today
    assert state.inputs_key() not in seen
