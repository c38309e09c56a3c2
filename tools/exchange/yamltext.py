"""Where each text value sits in a YAML file, and how to write a new value there in the same style.

Only the characters of the value change: comments, order, quoting and layout of everything else
stay byte for byte, so a translation round trip leaves a data file or front matter unchanged.
"""

from __future__ import annotations

import json
import re
import textwrap
from dataclasses import dataclass

import yaml


class YamlWriteError(Exception):
    """The new value cannot be written in this place without breaking the YAML."""


@dataclass
class Scalar:
    path: tuple  # keys and list indexes from the document root
    value: str
    start: int  # character offsets of the value in the text
    end: int
    style: str | None  # None (plain), "'", '"', "|", ">"
    line: int  # 1-based
    indent: int  # column of the value's first character (block scalars: of its content)


def scalars(text: str):
    """Every string scalar of a YAML document with its path and position."""
    root = yaml.compose(text, Loader=yaml.SafeLoader)
    out: list[Scalar] = []

    def walk(node, path):
        if isinstance(node, yaml.MappingNode):
            for k, v in node.value:
                walk(v, path + (k.value,))
        elif isinstance(node, yaml.SequenceNode):
            for i, v in enumerate(node.value):
                walk(v, path + (i,))
        elif isinstance(node, yaml.ScalarNode) and node.tag == "tag:yaml.org,2002:str":
            indent = node.start_mark.column
            if node.style in ("|", ">"):
                m = re.search(r"\n([ \t]*)\S", text[node.start_mark.index : node.end_mark.index])
                indent = len(m.group(1)) if m else node.start_mark.column + 2
            out.append(
                Scalar(path, node.value, node.start_mark.index, node.end_mark.index, node.style, node.start_mark.line + 1, indent)
            )

    if root is not None:
        walk(root, ())
    return out


def encode(sc: Scalar, raw: str, value: str) -> str:
    """The text to put at sc.start:sc.end for `value`, in the scalar's own style. `raw` is the
    current text there. Raises YamlWriteError, saying what to write, when the style cannot hold it."""
    if value == sc.value:
        return raw
    if sc.style == '"':
        return json.dumps(value, ensure_ascii=False)
    if sc.style == "'":
        if "\n" in value:
            raise YamlWriteError("a line break cannot be kept in this single-quoted field: write it on one line")
        return "'" + value.replace("'", "''") + "'"
    if sc.style in ("|", ">"):
        header = raw.split("\n", 1)[0]
        if sc.style == ">" and "\n" in value.rstrip("\n"):
            raise YamlWriteError("this folded field (>) joins its lines with spaces: write the Welsh without line breaks")
        pad = " " * sc.indent
        if sc.style == ">":  # folded: wrapped at the repository's 100 columns, as editors write it
            body = textwrap.fill(
                value, width=100, initial_indent=pad, subsequent_indent=pad, break_long_words=False, break_on_hyphens=False
            )
        else:
            body = "\n".join(pad + line if line else "" for line in value.rstrip("\n").split("\n"))
        tail = raw[len(raw.rstrip("\n")) :] if raw.endswith("\n") else ""
        return header + "\n" + body + (tail or ("\n" if header.rstrip()[-1:] not in ("-",) else ""))
    # plain: only a value YAML reads back unchanged, on one line
    if "\n" in value:
        raise YamlWriteError("this field is a plain YAML value on one line: write the Welsh without line breaks")
    try:
        back = yaml.safe_load("k: " + value)
    except yaml.YAMLError:
        back = None
    if not isinstance(back, dict) or back.get("k") != value:
        raise YamlWriteError(
            "this field is written without quotes, and the Welsh would not read back as the same text "
            "(it starts with one of - ? : , [ ] { } # & * ! | > ' \" % @ `, or contains ': ' or ' #'): "
            "reword the segment, or ask an editor to put the field in double quotes in both languages"
        )
    return value
