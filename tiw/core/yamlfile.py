"""Read YAML the strict way: dates stay text, duplicate keys are refused, and every error and
every value carries its line number in the file."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import yaml

from tiw.core.errors import DataError, rel
from tiw.core.sourcetext import EncodingProblem, read_source


class _Loader(getattr(yaml, "CSafeLoader", yaml.SafeLoader)):  # libyaml when present: 10x faster
    """SafeLoader that keeps dates as text (the schemas check their YYYY-MM-DD form) and refuses
    duplicate keys, which plain YAML silently resolves by keeping the last one."""


_Loader.yaml_implicit_resolvers = {
    ch: [(tag, rx) for tag, rx in resolvers if tag != "tag:yaml.org,2002:timestamp"]
    for ch, resolvers in yaml.SafeLoader.yaml_implicit_resolvers.items()
}


def _construct_mapping(loader: _Loader, node: yaml.MappingNode, deep: bool = False) -> dict:
    seen: dict[Any, int] = {}
    for key_node, _ in node.value:
        key = loader.construct_object(key_node, deep=True)
        if key in seen:
            raise yaml.constructor.ConstructorError(
                None,
                None,
                f"the key '{key}' appears twice in the same entry (first on line {seen[key]})",
                key_node.start_mark,
            )
        seen[key] = key_node.start_mark.line + 1
    return loader.construct_mapping(node, deep=deep)


_Loader.add_constructor(yaml.resolver.BaseResolver.DEFAULT_MAPPING_TAG, _construct_mapping)


def _line_map(node: yaml.Node, path: tuple = (), out: dict | None = None) -> dict[tuple, int]:
    """Map each path (tuple of keys and indexes) in a composed YAML document to its line number."""
    out = {} if out is None else out
    out.setdefault(path, node.start_mark.line + 1)
    if isinstance(node, yaml.MappingNode):
        for key_node, value_node in node.value:
            key = key_node.value
            out[path + (key,)] = key_node.start_mark.line + 1
            _line_map(value_node, path + (key,), out)
    elif isinstance(node, yaml.SequenceNode):
        for i, item in enumerate(node.value):
            _line_map(item, path + (i,), out)
    return out


def parse_yaml(text: str, path: Path, *, first_line: int = 1, what: str = "this") -> tuple[Any, yaml.Node | None]:
    """Parse YAML text from `path` (starting at line `first_line` of that file): (data, node tree).
    Malformed YAML raises DataError with the file's line number."""
    try:
        loader = _Loader(text)  # parse once: the node tree gives the lines, the data is built from it
        try:
            node = loader.get_single_node()
            return (loader.construct_document(node) if node is not None else None), node
        finally:
            loader.dispose()
    except yaml.YAMLError as exc:
        mark = getattr(exc, "problem_mark", None) or getattr(exc, "context_mark", None)
        where = f", line {mark.line + first_line}" if mark else ""
        problem = getattr(exc, "problem", None) or str(exc)
        raise DataError(
            f"{rel(path)}{where}: {what} is not valid YAML ({problem}). "
            "Check the indentation, quotes and colons on or just before that line."
        ) from None


def read_yaml(path: Path) -> tuple[Any, dict[tuple, int]]:
    """Parse one YAML file; return (data, line map). Malformed YAML raises DataError with the line."""
    if not path.is_file():
        raise DataError(f"{rel(path)}: the file is missing. Expected a YAML data file here.")
    data, node = parse_yaml(read_text(path), path)
    return data, (_line_map(node) if node is not None else {})


def read_text(path: Path) -> str:
    """An editor's file as text (BOM and CRLF accepted); a non-UTF-8 byte raises DataError with
    its line and column."""
    try:
        return read_source(path, rel(path))
    except EncodingProblem as exc:
        raise DataError(str(exc)) from None
