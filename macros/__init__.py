"""mkdocs-macros module: the functions pages call, e.g. `{{ level_detail("trauma-aware") }}`.

Each macro reads the shared data (tiw.data.site, validated at build start) and renders it in the
language of the page being rendered, decided per call (see tiw.build.language), never at import time.
"""
from __future__ import annotations

from macros import action_plan, framework, glossary, help, media, resources, which_level
from macros import downloads, news
from macros.context import MacroContext


def define_env(env):
    ctx = MacroContext(env)

    @env.macro
    def t(key: str, **values) -> str:
        """An interface string from data/ui.yml in the page's language."""
        return ctx.t(key, **values)

    for module in (framework, glossary, help, media, resources, action_plan, which_level, news, downloads):
        for name in module.__all__:
            env.macro(getattr(module, name)(ctx), name)
