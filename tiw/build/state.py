"""The build state: the site's data and catalogue, read and validated once per build (when the
configuration loads) and shared by every hook and macro.

hooks/data_check.py calls `start()` from on_config, which MkDocs runs at the start of every build
and of every `make serve` rebuild (the watched data/, resources/ and schemas/ folders trigger
one), so an edit is picked up on the next rebuild and nothing scans the filesystem per page. Code
outside a build (the tools, the tests) gets the same object from `current()`, loaded on first use.

It also holds what each hook gathers during a build (`store(name)`: the news posts, the sitemap's
entries, the pages' dates), so no hook keeps module-level state or decides for itself when a build
starts: the store lives through both languages' passes and is new with the next build.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from tiw.data.site import SiteData, load_site_data


@dataclass(frozen=True)
class BuildState:
    site: SiteData
    stores: dict[str, dict] = field(default_factory=dict)


_current: BuildState | None = None


def start() -> BuildState:
    """Read and validate everything afresh (raises DataError naming the file, line and field)."""
    global _current
    _current = None  # a failed load must not leave the previous build's data in place
    _current = BuildState(site=load_site_data())
    return _current


def current() -> BuildState:
    return _current if _current is not None else start()


def store(name: str) -> dict:
    """The working values hook `name` keeps for this build (empty when the build starts)."""
    return current().stores.setdefault(name, {})


def site() -> SiteData:
    """The validated site data of the build in progress."""
    return current().site
