"""Every interface string in data/ui.yml is used somewhere: a key nothing reads is a string that
translators keep up to date for nobody."""

from __future__ import annotations

import re

import yaml

from tiw import ROOT

UI = ROOT / "data" / "ui.yml"
# Where the strings are read: the macros, hooks and library, the templates, the pages and scripts.
READERS = ["macros", "hooks", "tiw", "tools", "overrides", "docs"]
SUFFIXES = {".py", ".html", ".md", ".js"}
# mkdocs.yml names the palette toggles by their keys (hooks put the string in each language).
READER_FILES = ["mkdocs.yml"]
# A key built from a prefix at run time, e.g. ctx.t(f"filter_lang_{code}") or ui[f"pdf_{key}"] in
# Python, tiw_ui["content_note" ~ suffix] in a Jinja template.
DYNAMIC = re.compile(r"""f["']([a-z][a-z0-9_]*_)\{|["']([a-z][a-z0-9_]*)["']\s*~""")


def _reader_text() -> str:
    files = [
        p for d in READERS for p in (ROOT / d).rglob("*") if p.is_file() and p.suffix in SUFFIXES and "__pycache__" not in p.parts
    ]
    files += [ROOT / name for name in READER_FILES]
    return "\n".join(p.read_text(encoding="utf-8", errors="replace") for p in files)


def unused_keys(keys, text: str) -> list[str]:
    prefixes = {python or jinja for python, jinja in DYNAMIC.findall(text)}
    unused = []
    for key in keys:
        if re.search(rf"(?<![A-Za-z0-9_]){re.escape(key)}(?![A-Za-z0-9_])", text):
            continue
        if any(key.startswith(p) for p in prefixes):
            continue
        unused.append(key)
    return unused


def test_the_check_sees_literal_and_built_keys():
    text = 'ctx.t("used_key") and ui[f"pdf_{key}"] and {{ tiw_ui["note" ~ suffix] }}'
    keys = ["used_key", "pdf_title", "note_children", "used", "other_key"]
    assert unused_keys(keys, text) == ["used", "other_key"]


def test_every_ui_key_is_used():
    keys = list(yaml.safe_load(UI.read_text(encoding="utf-8")))
    assert len(keys) > 50
    unused = unused_keys(keys, _reader_text())
    assert unused == [], f"data/ui.yml keys nothing reads (remove them, or use them): {unused}"
