"""Segments of a page: its headings, paragraphs, list items, table cells, admonition titles and
the text fields of its front matter, each with its exact place in the file.

The page is the skeleton plus its segments: putting every segment's text back at its offsets
gives the file byte for byte, which is what lets an import change only the blocks it translates.
Blocks (blank-line paragraphs) come from tiw.translation.freshness.paragraphs, the same blocks
`make translation-diff` reports.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from tiw.translation.fences import FENCE, code_lines
from tiw.translation.freshness import STAMP_KEY, paragraphs
from tiw.translation.parity import _must_match

from .codes import has_words
from .yamltext import Scalar, encode, scalars

# Front-matter fields that are settings, not text for the reader.
NOT_TEXT = {STAMP_KEY, "page_scripts", "hide", "template", "search", "languages", "date", "status"}

_FRONT = re.compile(r"\A---[ \t]*\n(.*?\n)?---[ \t]*(?:\n|\Z)", re.S)
_HEADING = re.compile(r"^(#{1,6}[ \t]+)")
_ADMONITION = re.compile(r'^(\s*(?:!!!|\?\?\?\+?)[ \t]+[\w-]+(?:[ \t]+[\w-]+)*)(?:([ \t]+")(.*)(")[ \t]*)?$')
_LIST_ITEM = re.compile(r"^(\s*(?:[-*+]|\d{1,9}[.)])[ \t]+(?:\[[ xX]\][ \t]+)?)")
_QUOTE = re.compile(r"^((?:\s*>[ \t]?)+)")
_REF_DEF = re.compile(r"^\s{0,3}\[[^\]]+\]:\s")
_TABLE_SEP = re.compile(r"^\s*\|?\s*:?-{3,}:?\s*(\|\s*:?-{3,}:?\s*)*\|?\s*$")
_STARTS_BLOCK = (_HEADING, _LIST_ITEM, _QUOTE, FENCE, _REF_DEF)


@dataclass
class Segment:
    id: str  # unit id: "fm.title", "fm.tags.0", "b7"
    kind: str  # heading, paragraph, list-item, table-cell, admonition-title, quote, front-matter
    raw: str  # the file's characters at start:end
    start: int
    end: int
    line: int
    block: int = -1  # which blank-line block of the page (-1: front matter)
    indent: str = ""  # what follows each line break inside the segment (continuation indent)
    scalar: Scalar | None = None

    @property
    def text(self) -> str:
        """What the translator sees: a YAML field's value, a body segment without its continuation indents."""
        if self.scalar is not None:
            return self.scalar.value
        return self.raw.replace("\n" + self.indent, "\n") if self.indent else self.raw

    def encode(self, target: str) -> str:
        """The characters to write at start:end for this Welsh text (YamlWriteError/ValueError
        say what to fix)."""
        if self.scalar is not None:
            return encode(self.scalar, self.raw, target)
        if target == self.text:
            return self.raw
        if re.search(r"\n[ \t]*\n", target) or target.startswith("\n") or target.endswith("\n"):
            raise ValueError("an empty line inside the Welsh would split this block in two: remove it")
        if "\n" in target and self.kind in ("heading", "table-cell", "admonition-title"):
            raise ValueError(f"a {self.kind.replace('-', ' ')} is one line: write the Welsh without line breaks")
        if self.kind == "table-cell" and re.search(r"(?<!\\)\|", target):
            raise ValueError("a '|' inside a table cell starts a new cell: write '\\|' or reword")
        return target.replace("\n", "\n" + self.indent) if self.indent else target


def front_matter(text: str) -> tuple[int, int, str]:
    """(start, end, YAML) of the front matter's body ((0, 0, '') when there is none)."""
    m = _FRONT.match(text)
    if not m or m.group(1) is None:
        return 0, 0, ""
    return m.start(1), m.end(1), m.group(1)


def _front_segments(text: str) -> list[Segment]:
    start, _, body = front_matter(text)
    if not body:
        return []
    out = []
    for sc in scalars(body):
        key = sc.path[0] if sc.path else ""
        if key in NOT_TEXT or _must_match(sc.value) or not isinstance(key, str):
            continue
        sid = "fm." + ".".join(str(p) for p in sc.path)
        out.append(
            Segment(
                sid,
                "front-matter",
                body[sc.start : sc.end],
                start + sc.start,
                start + sc.end,
                body.count("\n", 0, sc.start) + 2,
                -1,
                "",
                sc,
            )
        )
    return out


def segment_page(text: str) -> list[Segment]:
    """Every translatable segment of one Markdown page, in file order."""
    segs = _front_segments(text)
    _, fm_end, _ = front_matter(text)
    if fm_end:
        fm_end = _FRONT.match(text).end()
    # line offsets
    lines = text.split("\n")
    offsets, pos = [], 0
    for line in lines:
        offsets.append(pos)
        pos += len(line) + 1
    first = text.count("\n", 0, fm_end) if fm_end else 0
    # block number of each line, from the blank-line blocks the diff tool reports
    block_of: dict[int, int] = {}
    for n, (start_line, para) in enumerate(paragraphs(text)):
        for k in range(para.count("\n") + 1):
            block_of[start_line - 1 + k] = n
    body: list[Segment] = []

    def add(kind: str, i: int, col: int, end_line: int, end_col: int, indent: str = ""):
        start, end = offsets[i] + col, offsets[end_line] + end_col
        raw = text[start:end]
        stripped = raw.rstrip(" \t")
        end -= len(raw) - len(stripped)
        raw = stripped
        if raw and has_words(raw):
            body.append(Segment("", kind, raw, start, end, i + 1, block_of.get(i, -1), indent))

    code = [False] * first + code_lines(lines[first:])
    i = first
    while i < len(lines):
        line = lines[i]
        if code[i]:  # fenced code is not translated
            i += 1
            continue
        if not line.strip() or _REF_DEF.match(line):
            i += 1
            continue
        if "|" in line and i + 1 < len(lines) and _TABLE_SEP.match(lines[i + 1]) and "-" in lines[i + 1]:
            j = i
            while j < len(lines) and "|" in lines[j] and lines[j].strip():
                if j != i + 1:
                    for cm in re.finditer(r"(?:^|(?<!\\)\|)([^|]*?)(?=(?<!\\)\||$)", lines[j]):
                        cell = cm.group(1)
                        lead = len(cell) - len(cell.lstrip())
                        if cell.strip():
                            add("table-cell", j, cm.start(1) + lead, j, cm.start(1) + len(cell.rstrip()))
                j += 1
            i = j
            continue
        m = _HEADING.match(line)
        if m:
            add("heading", i, m.end(), i, len(line))
            i += 1
            continue
        m = _ADMONITION.match(line)
        if m:
            if m.group(3):
                add("admonition-title", i, m.start(3), i, m.end(3))
            i += 1
            continue
        m = _LIST_ITEM.match(line) or _QUOTE.match(line)
        kind = "paragraph"
        if m:
            kind = "list-item" if _LIST_ITEM.match(line) else "quote"
            col = m.end()
        else:
            col = len(line) - len(line.lstrip())
        # continuation lines: not blank, not a new block, all with the same indent
        j, indent = i, None
        while j + 1 < len(lines):
            nxt = lines[j + 1]
            if (
                not nxt.strip()
                or any(p.match(nxt) for p in _STARTS_BLOCK)
                or _ADMONITION.match(nxt)
                or ("|" in nxt and j + 2 < len(lines) and _TABLE_SEP.match(lines[j + 2]))
            ):
                break
            ws = nxt[: len(nxt) - len(nxt.lstrip())]
            if indent is None:
                indent = ws
            elif ws != indent:
                break
            if kind == "quote":
                break
            j += 1
        add(kind, i, col, j, len(lines[j]), indent or "")
        i = j + 1
    for n, seg in enumerate(body, 1):
        seg.id = f"b{n}"
    return segs + body


def apply(text: str, changes: dict[str, str], segs: list[Segment]) -> str:
    """The page text with each segment named in `changes` replaced by already-encoded characters."""
    out = text
    for seg in sorted((s for s in segs if s.id in changes), key=lambda s: s.start, reverse=True):
        out = out[: seg.start] + changes[seg.id] + out[seg.end :]
    return out
