"""Read a Markdown page's YAML front matter with line numbers, for checks that must name the file,
the line and the field (news posts, review dates). Dates stay as text (YYYY-MM-DD) so that a
mistyped date is reported rather than silently turned into something else."""
from __future__ import annotations

import re
from pathlib import Path
from typing import Any

import yaml

from tiw.data import DataError, parse_yaml, read_text, rel

_FRONT = re.compile(r"\A-{3}[ \t]*\n(.*?\n)?(?:-{3}|\.{3})[ \t]*(?:\n|\Z)", re.S)


def read_front_matter(path: Path) -> tuple[dict[str, Any], dict[str, int], str]:
    """Return (front matter, line of each top-level key in the file, body). A page without front
    matter gives ({}, {}, text). Malformed YAML raises DataError naming the file and line."""
    text = read_text(path)
    m = _FRONT.match(text)
    if not m:
        return {}, {}, text
    block = m.group(1) or ""
    data, node = parse_yaml(block, path, first_line=2, what="the front matter (between the --- lines at the top)")
    if data is None:
        return {}, {}, text[m.end():]
    if not isinstance(data, dict):
        raise DataError(f"{rel(path)}, line 2: the front matter must be a list of `field: value` lines.")
    lines = {}
    if isinstance(node, yaml.MappingNode):
        for key_node, _ in node.value:
            lines[key_node.value] = key_node.start_mark.line + 2  # +1 for 1-based, +1 for the opening ---
    return data, lines, text[m.end():]


def check_all_front_matter(docs_dir: Path) -> None:
    """Every page's front matter parses (MkDocs would otherwise treat broken front matter as text
    and publish it). Raises DataError listing each broken page with its line."""
    problems = []
    for path in sorted(docs_dir.rglob("*.md")):
        try:
            read_front_matter(path)
        except DataError as exc:
            problems.append(str(exc))
    if problems:
        raise DataError("\n".join(problems))
