"""The error an editor sees: DataError, and `rel` to name a file as the editor knows it."""

from __future__ import annotations

from pathlib import Path

from tiw import ROOT


class DataError(Exception):
    """Bad data. The message is written for the editor who has to fix it."""


def rel(path: Path) -> str:
    try:
        return str(path.resolve().relative_to(ROOT))
    except ValueError:
        return str(path)
