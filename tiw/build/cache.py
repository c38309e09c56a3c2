"""The build's cache folder: .cache/ in the checkout (TIW_CACHE_DIR moves it; make bench gives
each clean build an empty one). Only what is named by the hash of everything that decides it goes
here, so an entry can never be stale: a changed input is a different name.

- minify/: our scripts, tiw.css and the tools' stylesheets, minified (tiw/build/minify.py; the
  theme's bundle is minified once with the install and kept in the environment instead);
- jinja/: the theme's templates compiled (hooks/template_cache.py; Jinja checks each one's source);
- git/: git's answers about commits alone, per HEAD commit (tiw/build/git.py);
- pdf/: the last framework PDFs printed in each language, named by what decides their bytes
  (hooks/framework_pdf.py, tiw/publishing/framework_pdf.py print_key): a build whose framework
  text is unchanged copies it instead of printing it again;
- purge/: the theme's stylesheets purged, named by what the pages use that the stylesheets can
  tell apart (hooks/purge_css.py, tiw/build/purge.py);
- valid/: an empty file for each data or resource file found valid, named by its bytes, the
  schemas and the lock (tiw/core/schema.py).
"""

from __future__ import annotations

import hashlib
import os
from pathlib import Path

from tiw import ROOT


def cache_dir(part: str) -> Path:
    return Path(os.environ.get("TIW_CACHE_DIR") or ROOT / ".cache") / part


def name_for(*parts: str | bytes) -> str:
    """A result's name: the hash of every input that decides it, each part counted by its length,
    so that no two different lists of parts hash the same bytes."""
    digest = hashlib.sha256()
    for part in parts:
        data = part.encode("utf-8") if isinstance(part, str) else part
        digest.update(len(data).to_bytes(8, "big") + data)
    return digest.hexdigest()[:32]


# A result is kept for the next builds beside a few earlier ones: the deploy builds the same pages
# for two addresses (make test's, then the public one), and each must find its own PDFs.
KEEP = 4


def store_file(src: Path, dest: Path) -> None:
    """Copy a result into the cache whole: under a name of this process's first, so two builds at
    once (the tests' copies share the cache) never read or replace half a file."""
    dest.parent.mkdir(parents=True, exist_ok=True)
    temp = dest.with_name(f"{dest.name}.{os.getpid()}.tmp")
    temp.write_bytes(src.read_bytes())
    temp.replace(dest)


def store_folder(files: list[Path], dest: Path) -> None:
    """Copy results that belong together into the folder `dest`, whole; if another build has just
    stored the same (same name, same inputs), its copy stays."""
    import shutil

    temp = dest.with_name(f"{dest.name}.{os.getpid()}.tmp")
    shutil.rmtree(temp, ignore_errors=True)
    temp.mkdir(parents=True)
    for f in files:
        shutil.copyfile(f, temp / f.name)
    try:
        temp.rename(dest)
    except OSError:  # already there
        shutil.rmtree(temp, ignore_errors=True)


def used(entry: Path) -> None:
    """Mark a result as just used (or, for an empty marker, made), so pruning keeps it. A cache that
    cannot be written only means doing the work again next time."""
    try:
        entry.parent.mkdir(parents=True, exist_ok=True)
        entry.touch()
    except OSError:
        pass


def prune(entries: list[Path], keep: int = KEEP) -> None:
    """Remove all but the `keep` most recently used of these results (files or folders)."""
    import shutil

    def last_used(entry: Path) -> float:
        try:
            return entry.stat().st_mtime
        except OSError:  # removed meanwhile by another build's pruning
            return 0.0

    newest_first = sorted((e for e in entries if not e.name.endswith(".tmp")), key=last_used, reverse=True)
    for old in newest_first[keep:]:
        if old.is_dir():
            shutil.rmtree(old, ignore_errors=True)
        else:
            old.unlink(missing_ok=True)
