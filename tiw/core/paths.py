"""Where the project's folders are (the repository root itself is tiw.ROOT)."""

from tiw import ROOT

DOCS_DIR = ROOT / "docs"
DATA_DIR = ROOT / "data"
SCHEMA_DIR = ROOT / "schemas"
RESOURCES_DIR = ROOT / "resources"
