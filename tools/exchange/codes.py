"""Inline codes: the Markdown a translator must keep (macros, attribute lists, link targets, HTML).

A segment's text is split into text and codes. Codes become XLIFF placeholders (`<ph>`) that a
CAT tool shows as tags and copies whole, so the Welsh cannot break them; import turns them back
into the exact Markdown they stood for.
"""

from __future__ import annotations

import re

# Codes that stand alone, in priority order: a code span hides macros inside it, etc.
_SIMPLE = re.compile(
    r"(`+)(?:(?!\1).)+?\1"  # inline code
    r"|\{\{-?.*?-?\}\}|\{%-?.*?-?%\}"  # macro calls and statements
    r"|<!--.*?-->"  # HTML comments
    r"|<(?:https?|mailto|tel):[^>\s]+>"  # autolinks
    r"|</?[a-zA-Z][\w-]*(?:\s[^<>]*)?/?>"  # HTML tags
    r"|\{:?[ \t]*[#.:][^{}\n]*\}"  # attribute lists {: #id .class } / {#id}
    r"|\[\^[^\]\s]+\]",  # footnote references
    re.S,
)
_MASK_BASE = 0xE000  # private-use characters stand in for simple codes while links are found
# [text](target "title"), ![alt](src), [text][ref]: the brackets and target are codes, the text is not.
_LINK = re.compile(r"(!?\[)((?:[^\[\]]|\[[^\[\]]*\])*)(\]\([^()\s]*(?:\([^()\s]*\))?(?:\s+\"[^\"]*\")?\)|\]\[[^\]]*\])")
_WORD = re.compile(r"[^\W\d_]", re.U)


def tokenize(text: str) -> list[tuple[str, str]]:
    """[("text", …) | ("code", …)] whose concatenation is exactly `text`."""
    simple: list[str] = []

    def mask(m: re.Match) -> str:
        simple.append(m.group(0))
        return chr(_MASK_BASE + len(simple) - 1)

    masked = _SIMPLE.sub(mask, text)
    out: list[tuple[str, str]] = []

    def emit(kind: str, s: str):
        if not s:
            return
        if kind == "text":
            # unmask: each private-use character is a simple code
            buf = ""
            for ch in s:
                n = ord(ch) - _MASK_BASE
                if 0 <= n < len(simple):
                    if buf:
                        out.append(("text", buf))
                        buf = ""
                    out.append(("code", simple[n]))
                else:
                    buf += ch
            if buf:
                out.append(("text", buf))
        else:
            out.append(("code", "".join(simple[ord(c) - _MASK_BASE] if 0 <= ord(c) - _MASK_BASE < len(simple) else c for c in s)))

    pos = 0
    for m in _LINK.finditer(masked):
        emit("text", masked[pos : m.start()])
        emit("code", m.group(1))
        emit("text", m.group(2))
        emit("code", m.group(3))
        pos = m.end()
    emit("text", masked[pos:])
    # merge neighbouring text pieces
    merged: list[tuple[str, str]] = []
    for kind, s in out:
        if merged and kind == "text" and merged[-1][0] == "text":
            merged[-1] = ("text", merged[-1][1] + s)
        else:
            merged.append((kind, s))
    return merged


def has_words(text: str) -> bool:
    """Whether a segment has anything to translate once its codes are taken out."""
    return any(kind == "text" and _WORD.search(s) for kind, s in tokenize(text))


def code_type(code: str) -> tuple[str, str]:
    """(XLIFF type, subType) of a code, so a CAT tool can say what the tag is."""
    if code.startswith(("{{", "{%")):
        return "other", "tiw:macro"
    if code.startswith("{"):
        return "fmt", "tiw:attr-list"
    if code.startswith("!["):
        return "image", "tiw:image-start"
    if code.startswith("["):
        return ("link", "tiw:footnote") if code.startswith("[^") else ("link", "tiw:link-start")
    if code.startswith("]"):
        return "link", "tiw:link-target"
    if code.startswith("`"):
        return "other", "tiw:code"
    if code.startswith("<!--"):
        return "other", "tiw:comment"
    if re.match(r"<(?:https?|mailto|tel):", code):
        return "link", "tiw:autolink"
    return "fmt", "tiw:html"
