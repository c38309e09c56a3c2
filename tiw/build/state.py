"""The build state: the site's data and catalogue, read and validated once per build (when the
configuration loads) and shared by every hook and macro.

hooks/data_check.py calls `start()` from on_config, which MkDocs runs at the start of every build
and of every `make serve` rebuild (the watched data/, resources/ and schemas/ folders trigger
one), so an edit is picked up on the next rebuild and nothing scans the filesystem per page. Code
outside a build (the tools, the tests) gets the same object from `current()`, loaded on first use.

It also holds what each hook gathers during a build (`store(name)`: the news posts, the sitemap's
entries, the pages' dates), so no hook keeps module-level state or decides for itself when a build
starts: the store lives through both languages' passes and is new with the next build.

A `make serve` rebuild after saving a page passes `reuse=True`: when no file the data is read from
has changed (compared by content, with the list of pages and the date, which the catalogue's
checks read), the data validated by the previous build is kept; its stores are new all the same.
"""

from __future__ import annotations

import datetime as dt
import hashlib
from dataclasses import dataclass, field

from tiw.core.paths import DATA_DIR, DOCS_DIR, RESOURCES_DIR, SCHEMA_DIR
from tiw.data.site import SiteData, load_site_data


@dataclass(frozen=True)
class BuildState:
    site: SiteData
    stores: dict[str, dict] = field(default_factory=dict)


_current: BuildState | None = None
_loaded: tuple[str, SiteData] | None = None  # (inputs_key() when read, the data read)


def inputs_key() -> str:
    """A digest of everything load_site_data() reads: every file of data/, schemas/ and
    resources/ (their bytes), which pages exist under docs/, and today's date."""
    digest = hashlib.sha256(dt.date.today().isoformat().encode())
    for folder in (DATA_DIR, SCHEMA_DIR, RESOURCES_DIR):
        for path in sorted(p for p in folder.rglob("*") if p.is_file()):
            digest.update(f"\0{path}\0".encode() + path.read_bytes())
    for path in sorted(DOCS_DIR.rglob("*.md")):
        digest.update(f"\0{path}".encode())
    return digest.hexdigest()


def start(reuse: bool = False) -> BuildState:
    """Read and validate everything afresh (raises DataError naming the file, line and field);
    with `reuse`, keep the last data read while nothing it was read from has changed."""
    global _current, _loaded
    _current = None  # a failed load must not leave the previous build's data in place
    # Only a build that may reuse needs the digest: the others read afresh and leave an empty key,
    # which no later digest matches (make build and the tests hash nothing).
    key = inputs_key() if reuse else ""
    if not (reuse and _loaded and _loaded[0] == key):
        _loaded = None
        _loaded = (key, load_site_data())
    _current = BuildState(site=_loaded[1])
    return _current


def current() -> BuildState:
    return _current if _current is not None else start()


def store(name: str) -> dict:
    """The working values hook `name` keeps for this build (empty when the build starts)."""
    return current().stores.setdefault(name, {})


def site() -> SiteData:
    """The validated site data of the build in progress."""
    return current().site
