"""The declared macros (macros/registry.yml): the macros plugin registers exactly what is declared
and refuses a declaration that disagrees with the code; the parity lint reads the same metadata."""

from __future__ import annotations

import dataclasses

import pytest

import macros
from tiw.build import macro_registry
from tiw.core.errors import DataError
from tiw.translation import parity


class FakeEnv:
    def __init__(self):
        self.macros = {}
        self.page = None

    def macro(self, fn, name):
        self.macros[name] = fn


def test_the_plugin_registers_every_declared_macro_and_nothing_else():
    env = FakeEnv()
    macros.define_env(env)
    assert set(env.macros) == set(macro_registry.macro_specs())
    assert {"t", "picture", "level_detail", "which_level_guide"} <= set(env.macros)


def test_an_undeclared_macro_fails_the_build(monkeypatch):
    specs = dict(macro_registry.macro_specs())
    del specs["picture"]
    monkeypatch.setattr(macros, "macro_specs", lambda: specs)
    with pytest.raises(DataError, match=r"macros/media.py defines the macro 'picture', but macros/registry.yml"):
        macros.define_env(FakeEnv())


def test_declared_parameters_must_match_the_function(monkeypatch):
    specs = dict(macro_registry.macro_specs())
    specs["picture"] = dataclasses.replace(specs["picture"], params=("alt", "path"))
    monkeypatch.setattr(macros, "macro_specs", lambda: specs)
    with pytest.raises(
        DataError,
        match=r"entry 'picture', field 'params': declares \[alt, path\] but "
        r"macros/media.py takes \(path, alt\)",
    ):
        macros.define_env(FakeEnv())


def test_a_bad_registry_entry_names_the_line_and_the_field(monkeypatch, tmp_path):
    bad = tmp_path / "registry.yml"
    bad.write_text(
        "picture: {module: media, params: [path, alt], text: [alt], language: page}\n"
        "glossary: {module: glossary, params: [], text: [], language: maybe}\n",
        encoding="utf-8",
    )
    monkeypatch.setattr(macro_registry, "REGISTRY", bad)
    with pytest.raises(DataError, match=r"line 2, entry 'glossary', field 'language': 'maybe'. Expected one of: page"):
        macro_registry.macro_specs()


def test_the_parity_lint_reads_the_declared_text_parameters(monkeypatch):
    call = 'picture("images/a.svg", "A drawing of a house")'
    assert parity._macro_key(call)[1] == "picture('images/a.svg', …)"
    specs = dict(macro_registry.macro_specs())
    specs["picture"] = dataclasses.replace(specs["picture"], text=frozenset())
    monkeypatch.setattr(parity, "_declared_macros", lambda: specs)
    assert parity._macro_key(call)[1] == "picture('images/a.svg', 'A drawing of a house')"
