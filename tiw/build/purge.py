"""What the built pages use, read the way PurgeCSS needs it, and the name of a purge's result in the
build cache (hooks/purge_css.py runs PurgeCSS; tiw/build/cache.py).

The pages are read as HTML, not as text: a class counts only in a class attribute, an id only in an
id, a tag only as a tag, and an attribute by its name and value. (Read as text, every word of the
prose or of an attribute such as role="note" or a meta description kept the theme's rules of that
class, "note", "example", "question"..., among them the icons of admonition types no page uses.)
Comments are skipped for the same reason. PurgeCSS is given these sets as they are
(hooks/purgecss.config.cjs reads them), so this is the one reader of the pages.

A purge's result depends on the stylesheets, PurgeCSS and its options, the scripts and names read
as text, and on these sets only where the stylesheets can tell them apart: every tag, class and
attribute name, but only the ids the stylesheets name and the attribute values some attribute
selector of theirs can match (PurgeCSS's own tests: =, ^=, |=, $=, ~= and *=). So a new page, a new
heading or a new link leaves the name unchanged and the kept result is used; a new class does not.
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass, field
from pathlib import Path

from tiw.build.cache import name_for

_COMMENT = re.compile(r"<!--.*?-->", re.S)
_TAG = re.compile(r"<([a-zA-Z][\w:-]*)((?:[^>\"']|\"[^\"]*\"|'[^']*')*)>", re.ASCII)
_ATTRIBUTE = re.compile(r"([^\s=\"'/>]+)(?:\s*=\s*(?:\"([^\"]*)\"|'([^']*)'|([^\s>]+)))?")
# A CSS escape (\31 or \:) and an attribute selector with a value: [name op value flags?]
_CSS_ESCAPE = re.compile(r"\\([0-9a-fA-F]{1,6})\s?|\\(.)", re.S)
_CSS_ATTRIBUTE = re.compile(r"\[\s*[^\s~|^$*=\]]+\s*([~|^$*]?=)\s*(\"[^\"]*\"|'[^']*'|[^\]\s]+)")


@dataclass
class PageSelectors:
    """PurgeCSS's "ExtractorResultDetailed" for all the pages together."""

    tags: set[str] = field(default_factory=set)
    classes: set[str] = field(default_factory=set)
    ids: set[str] = field(default_factory=set)
    names: set[str] = field(default_factory=set)
    values: set[str] = field(default_factory=set)

    def read(self, html: str) -> None:
        for tag in _TAG.finditer(_COMMENT.sub("", html)):
            self.tags.add(tag[1].lower())
            for attr in _ATTRIBUTE.finditer(tag[2]):
                name = attr[1].lower()
                value = next((v for v in attr.groups()[1:] if v is not None), "")
                self.names.add(name)
                self.values.add(value)
                if name == "class":
                    self.classes.update(value.split())
                elif name == "id":
                    self.ids.add(value)

    def for_purgecss(self) -> str:
        return json.dumps(
            {
                "tags": sorted(self.tags),
                "classes": sorted(self.classes),
                "ids": sorted(self.ids),
                "attributes": {"names": sorted(self.names), "values": sorted(self.values)},
                "undetermined": [],
            }
        )


def page_selectors(pages: list[Path]) -> PageSelectors:
    found = PageSelectors()
    for page in pages:
        found.read(page.read_text(encoding="utf-8"))
    return found


def _unescaped(css: str) -> str:
    return _CSS_ESCAPE.sub(lambda m: chr(int(m[1], 16)) if m[1] else m[2], css)


class _AttributeTests:
    """The attribute selectors' values, by PurgeCSS's test: does some selector match this value?"""

    def __init__(self, tests: list[tuple[str, str]]):
        self.equal = {v for op, v in tests if op == "="}
        self.prefixes = tuple({v for op, v in tests if op in ("^=", "|=")})
        self.suffixes = tuple({v for op, v in tests if op == "$="})
        # ~= and *=: each word of the selector's value found anywhere in the value
        self.words = tuple({w for op, v in tests if op in ("~=", "*=") for w in v.strip().split(" ")})

    def match(self, value: str) -> bool:
        return (
            value in self.equal
            or value.startswith(self.prefixes)
            or value.endswith(self.suffixes)
            or any(word in value for word in self.words)
        )


def purge_key(found: PageSelectors, stylesheets: dict[str, Path], inputs: dict[str, Path]) -> str:
    """The name of a purge's result: the stylesheets, the other inputs that decide it (PurgeCSS's
    version, its options, the scripts and names it reads as text), each by a name that says where
    it is, and what of the pages' selectors the stylesheets can tell apart."""
    parts: list[str | bytes] = []
    for name, path in [*sorted(stylesheets.items()), *sorted(inputs.items())]:
        parts += [name, path.read_bytes()]
    texts = []
    for sheet in stylesheets.values():
        text = sheet.read_text(encoding="utf-8")
        texts += [text, _unescaped(text)]
    css = "\n".join(texts)
    tests = _AttributeTests([(op, value.strip("\"'")) for text in texts for op, value in _CSS_ATTRIBUTE.findall(text)])
    told_apart = [
        sorted(found.tags),
        sorted(found.classes),
        sorted(found.names),
        sorted(i for i in found.ids if i in css),
        sorted(v for v in found.values if tests.match(v)),
    ]
    return name_for(*parts, json.dumps(told_apart))
