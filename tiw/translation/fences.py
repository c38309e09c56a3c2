"""Fenced code in a page's Markdown: the one walk that tells the translation checks (parity, the
XLIFF segments, the paragraph diff) which lines are code, shown as typed and never translated."""

from __future__ import annotations

import re

# A fence opens with three or more backticks or tildes (CommonMark), indented or not.
FENCE = re.compile(r"^\s*(`{3,}|~{3,})")


def code_lines(lines: list[str]) -> list[bool]:
    """For each line, True when it opens, closes or sits inside a fenced code block. A fence closes
    at a line of the same character at least as long, so ~~~ inside a ``` block is code."""
    out, fence = [], None
    for line in lines:
        m = FENCE.match(line)
        if fence:
            out.append(True)
            if m and m.group(1)[0] == fence[0] and len(m.group(1)) >= len(fence):
                fence = None
        elif m:
            fence = m.group(1)
            out.append(True)
        else:
            out.append(False)
    return out
