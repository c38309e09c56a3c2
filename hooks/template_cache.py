"""Build hook: the theme's Jinja templates are compiled once, not on every build.

MkDocs makes a new template environment for each build (two a build here, one per language, and
one per `make serve` rebuild), and compiling the theme's templates again took about 0.6 s of
each. Jinja's own bytecode cache keeps each compiled template in .cache/jinja/ (tiw/build/cache.py)
with its source's checksum, and compiles a template again when its source has changed.
"""

from __future__ import annotations

from jinja2 import FileSystemBytecodeCache

from tiw.build.cache import cache_dir


def on_env(env, config, files):
    folder = cache_dir("jinja")
    folder.mkdir(parents=True, exist_ok=True)
    env.bytecode_cache = FileSystemBytecodeCache(str(folder))
    return env
