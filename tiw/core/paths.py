"""Where the project's folders are (the repository root itself is tiw.ROOT)."""

from tiw import ROOT

DOCS_DIR = ROOT / "docs"
DATA_DIR = ROOT / "data"
SCHEMA_DIR = ROOT / "schemas"
RESOURCES_DIR = ROOT / "resources"

# What a build of the site reads, relative to the root: a copy of the project that holds these
# (tests/buildcopy.py, the bench's scale run) builds as the checkout does. The editor's files and the
# translators' word list are read by hooks, so a copy without them fails at once.
BUILD_INPUTS = (
    "mkdocs.yml",
    "docs",
    "data",
    "schemas",
    "resources",
    "overrides",
    "hooks",
    "macros",
    "tiw",
    "tiw_editor",
    "translation",
)
