"""Read a Markdown page's YAML front matter with line numbers, for checks that must name the file,
the line and the field (news posts, review dates). Dates stay as text (YYYY-MM-DD) so that a
mistyped date is reported rather than silently turned into something else."""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any

import yaml

from tiw.core.errors import DataError, rel
from tiw.core.yamlfile import parse_yaml, read_text

# The one front-matter pattern (a block between --- and --- or ..., LF or CRLF, after a byte order
# mark if the file has one): groups are the opening line, the YAML block (may be empty) and the
# closing line. The translator tools, the parity lint, the content check and the macro error
# lines use it through `match_front_matter`.
_FRONT = re.compile(r"\A(\ufeff?---[ \t]*\r?\n)((?:.*?\r?\n)?)((?:---|\.\.\.)[ \t]*(?:\r?\n|\Z))", re.S)


def match_front_matter(text: str) -> re.Match | None:
    """The front matter at the top of a page's text (groups: opening, block, closing), or None."""
    return _FRONT.match(text)


def read_front_matter(path: Path) -> tuple[dict[str, Any], dict[str, int], str]:
    """Return (front matter, line of each top-level key in the file, body). A page without front
    matter gives ({}, {}, text). Malformed YAML raises DataError naming the file and line."""
    text = read_text(path)
    m = match_front_matter(text)
    if not m:
        return {}, {}, text
    block = m.group(2)
    data, node = parse_yaml(block, path, first_line=2, what="the front matter (between the --- lines at the top)")
    if data is None:
        return {}, {}, text[m.end() :]
    if not isinstance(data, dict):
        raise DataError(f"{rel(path)}, line 2: the front matter must be a list of `field: value` lines.")
    lines = {}
    if isinstance(node, yaml.MappingNode):
        for key_node, _ in node.value:
            lines[key_node.value] = key_node.start_mark.line + 2  # +1 for 1-based, +1 for the opening ---
    return data, lines, text[m.end() :]


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
