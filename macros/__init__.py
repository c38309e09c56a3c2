"""mkdocs-macros module: the functions pages call, e.g. `{{ level_detail("trauma-aware") }}`.

Every macro is declared in macros/registry.yml (its module, parameters, and which of them are
text for the reader), the one list this plugin and the translators' parity lint both read. Each
macro reads the build's data (tiw.build.state) and renders it in the language of the page being
rendered, decided per call (see tiw.build.language), never at import time.
"""

from __future__ import annotations

import importlib
import inspect
import pkgutil

from macros.context import MacroContext
from tiw.build.macro_registry import REGISTRY, macro_specs
from tiw.core.errors import DataError, rel

# Modules under macros/ that hold helpers, not macros.
_NOT_MACRO_MODULES = {"context"}


def define_env(env):
    ctx = MacroContext(env)
    specs = macro_specs()
    exported: dict[str, str] = {}
    for info in pkgutil.iter_modules(__path__):
        if info.name in _NOT_MACRO_MODULES:
            continue
        for name in importlib.import_module(f"macros.{info.name}").__all__:
            exported[name] = info.name
    for name, module in exported.items():
        if name not in specs:
            raise DataError(
                f"macros/{module}.py defines the macro '{name}', but {rel(REGISTRY)} does not declare "
                f"it. Expected a line: {name}: {{module: {module}, params: […], text: [], language: page}}"
            )
    for name, spec in specs.items():
        module = importlib.import_module(f"macros.{spec.module}")
        factory = getattr(module, name, None)
        if factory is None:
            raise DataError(
                f"{rel(REGISTRY)}, entry '{name}': macros/{spec.module}.py has no macro '{name}'. "
                "Expected: the module whose factory of that name makes the macro."
            )
        fn = factory(ctx)
        params = tuple(p for p, v in inspect.signature(fn).parameters.items() if v.kind not in (v.VAR_POSITIONAL, v.VAR_KEYWORD))
        if params != spec.params:
            raise DataError(
                f"{rel(REGISTRY)}, entry '{name}', field 'params': declares [{', '.join(spec.params)}] "
                f"but macros/{spec.module}.py takes ({', '.join(params)}). Expected: the same names, "
                "in the same order."
            )
        env.macro(fn, name)
