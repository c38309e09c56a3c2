"""The declared macros (macros/registry.yml): what each macro is, read by the macros plugin and by
the parity lint, so neither has to import the other or guess from a function's signature."""

from __future__ import annotations

from dataclasses import dataclass

from tiw import ROOT
from tiw.core.errors import DataError, rel
from tiw.core.yamlfile import read_yaml

REGISTRY = ROOT / "macros" / "registry.yml"
LANGUAGE_KINDS = ("page", "arguments")


@dataclass(frozen=True)
class MacroSpec:
    name: str
    module: str
    params: tuple[str, ...]
    text: frozenset[str]
    language: str


def _check(name: str, entry, line: int) -> MacroSpec:
    where = f"{rel(REGISTRY)}, line {line}, entry '{name}'"
    if not isinstance(entry, dict):
        raise DataError(f"{where}: expected a mapping {{module: …, params: […], text: […], language: page}}.")
    unknown = set(entry) - {"module", "params", "text", "language"}
    if unknown:
        raise DataError(
            f"{where}: unknown field(s) {', '.join(sorted(unknown))}. Expected only module, params, text and language."
        )
    module, params, text, language = (entry.get(k) for k in ("module", "params", "text", "language"))
    if not isinstance(module, str) or not module:
        raise DataError(f"{where}, field 'module': expected the name of a file under macros/ (without .py).")
    for fld, value in (("params", params), ("text", text)):
        if not isinstance(value, list) or not all(isinstance(v, str) for v in value):
            raise DataError(f"{where}, field '{fld}': expected a list of parameter names, e.g. [path, alt] or [].")
    stray = [p for p in text if p not in params]
    if stray:
        raise DataError(
            f"{where}, field 'text': {', '.join(stray)} is not one of its params "
            f"({', '.join(params) or 'none'}). Expected: names listed in params."
        )
    if language not in LANGUAGE_KINDS:
        raise DataError(f"{where}, field 'language': {language!r}. Expected one of: {', '.join(LANGUAGE_KINDS)}.")
    return MacroSpec(name, module, tuple(params), frozenset(text), language)


def macro_specs() -> dict[str, MacroSpec]:
    """Every declared macro by name, checked; a bad registry raises DataError naming the line."""
    data, lines = read_yaml(REGISTRY)
    if not isinstance(data, dict):
        raise DataError(f"{rel(REGISTRY)}: expected one `name: {{module: …, params: […], …}}` line per macro.")
    return {name: _check(name, entry, lines.get((name,), 1)) for name, entry in data.items()}
