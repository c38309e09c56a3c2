"""Build hook: the theme's Jinja templates are compiled once, not on every build, and the installed
theme's files are listed once a process, not on every build.

MkDocs makes a new template environment for each build (two a build here, one per language, and
one per `make serve` rebuild), and compiling the theme's templates again took about 0.6 s of
each. Jinja's own bytecode cache keeps each compiled template in .cache/jinja/ (tiw/build/cache.py)
with its source's checksum, and compiles a template again when its source has changed.

Before each build MkDocs also lists every file of the theme's folders to find its static files,
and then drops every name under a folder that starts with a dot: the installed theme has about
14,500 files, nearly all in its .icons/ folder, and walking and filtering them took about 0.15 s of
every build of a language (0.3 s of each `make serve` rebuild). The environment's loader here
lists a folder without its dot-folders (which MkDocs drops anyway), and keeps the listing of a
folder of the installed theme, which cannot change while the build runs; overrides/ is listed again
on every build, so a template added there is found.
"""

from __future__ import annotations

import os
import sys

from jinja2 import FileSystemBytecodeCache, FileSystemLoader
from mkdocs.theme import Theme

from tiw.build.cache import cache_dir

_INSTALLED = tuple(os.path.realpath(p) + os.sep for p in {sys.prefix, sys.base_prefix})
_listed: dict[str, list[str]] = {}


def _walk(folder: str, followlinks: bool) -> list[str]:
    """Every file under `folder`, as Jinja names it ("a/b.html"), leaving out dot-folders and dot-files."""
    names = []
    for dirpath, dirnames, filenames in os.walk(folder, followlinks=followlinks):
        dirnames[:] = [d for d in dirnames if not d.startswith(".")]
        rel = os.path.relpath(dirpath, folder)
        for name in filenames:
            if not name.startswith("."):
                names.append(name if rel == "." else f"{rel}/{name}".replace(os.sep, "/"))
    return names


class _ThemeLoader(FileSystemLoader):
    def list_templates(self) -> list[str]:
        found: set[str] = set()
        for folder in self.searchpath:
            if os.path.realpath(folder).startswith(_INSTALLED):
                if folder not in _listed:
                    _listed[folder] = _walk(folder, self.followlinks)
                found.update(_listed[folder])
            else:
                found.update(_walk(folder, self.followlinks))
        return sorted(found)


_theme_env = Theme.get_env


def _get_env(theme: Theme):
    env = _theme_env(theme)
    loader = env.loader
    if type(loader) is FileSystemLoader:  # as MkDocs 1.6 makes it; anything else is left alone
        env.loader = _ThemeLoader(loader.searchpath, encoding=loader.encoding, followlinks=loader.followlinks)
    return env


Theme.get_env = _get_env


def on_env(env, config, files):
    folder = cache_dir("jinja")
    folder.mkdir(parents=True, exist_ok=True)
    env.bytecode_cache = FileSystemBytecodeCache(str(folder))
    return env
