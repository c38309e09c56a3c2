"""Structural parity between an English page and its Welsh translation.

A translation changes the words, never the structure. For each page pair under docs/en/ and
docs/cy/ this compares what must be the same, and names the page and each difference:

- headings: the sequence of levels, and explicit ids (`## Title {#id}`);
- links and images: the same targets (path and #fragment). A fragment may differ only where both
  point at the same heading by its automatic anchor (the Welsh heading's anchor is made from the
  Welsh words, so `#what-trauma-is` in English matches `#beth-yw-trawma` in Welsh when both are
  the same heading of the target page);
- macro calls: the same macros with the same arguments, except arguments that are text for the
  reader (a picture's `alt`, a `label`…), which are translated;
- admonitions (`!!! type`), tables (rows × columns), lists (items in each list), raw HTML blocks
  (tag and class) and the front matter's switches (exit_page, content_note, …).
"""

from __future__ import annotations

import ast
import posixpath
import re
from collections import Counter
from dataclasses import dataclass, field
from difflib import SequenceMatcher
from functools import lru_cache
from pathlib import Path

import yaml
from markdown.extensions.toc import slugify, unique

from tiw import ROOT
from tiw.build.macro_registry import macro_specs
from tiw.core.frontmatter import match_front_matter
from tiw.translation.fences import code_lines

# Macro parameters whose value is text for the reader, so it is translated, not copied.
TRANSLATABLE_PARAMS = {"alt", "label", "title", "caption", "text", "summary", "description", "name"}

_HEADING = re.compile(r"^(#{1,6})[ \t]+(.*?)[ \t]*#*[ \t]*$")
_ATTR_ID = re.compile(r"[ \t]*\{:?[^}]*?#([\w:.-]+)[^}]*\}[ \t]*$")
_ADMONITION = re.compile(r"^\s*(!!!|\?\?\?\+?)[ \t]+([\w-]+)")
_TABLE_SEP = re.compile(r"^\s*\|?\s*:?-{3,}:?\s*(\|\s*:?-{3,}:?\s*)*\|?\s*$")
_LIST_ITEM = re.compile(r"^(\s*)([-*+]|\d{1,9}[.)])[ \t]+\S")
_HTML_BLOCK = re.compile(r"^\s*<([a-zA-Z][\w-]*)([^>]*)>")
_CLASS = re.compile(r"""\bclass\s*=\s*["']([^"']*)["']""")
_INLINE_CODE = re.compile(r"(`+)(?:(?!\1).)+\1")
_MACRO = re.compile(r"\{\{-?\s*(.*?)\s*-?\}\}|\{%-?\s*(.*?)\s*-?%\}", re.S)
_INLINE_LINK = re.compile(r"(!?)\[(?:[^\[\]]|\[[^\[\]]*\])*\]\(\s*<?([^\s)>]+)>?(?:\s+(?:\"[^\"]*\"|'[^']*'))?\s*\)")
_REF_DEF = re.compile(r"^\s{0,3}\[[^\]]+\]:\s*<?(\S+?)>?(?:\s|$)")
_AUTOLINK = re.compile(r"<((?:https?|mailto|tel):[^>\s]+)>")
_HTML_LINK = re.compile(r"""\b(href|src)\s*=\s*["']([^"']+)["']""")
_HTML_ID = re.compile(r"""\bid\s*=\s*["']([^"']+)["']""")


@dataclass
class Heading:
    level: int
    text: str
    explicit_id: str | None
    anchor: str
    line: int


@dataclass
class Block:
    kind: str  # "admonition", "table", "list", "html", "macro", "link"
    key: object  # what must match
    line: int
    show: str  # how to name it in a message


@dataclass
class Structure:
    path: str
    front: dict
    headings: list[Heading] = field(default_factory=list)
    anchors: list[str] = field(default_factory=list)  # automatic heading anchors, in order
    ids: set[str] = field(default_factory=set)  # explicit ids (attr lists, HTML id=)
    links: list[tuple[str, str, int]] = field(default_factory=list)  # (target path, fragment, line)
    blocks: dict[str, list[Block]] = field(default_factory=dict)

    def add(self, block: Block):
        self.blocks.setdefault(block.kind, []).append(block)

    def section(self, line: int) -> str:
        """The heading a line is under, to say where a difference is."""
        name = ""
        for h in self.headings:
            if h.line <= line:
                name = h.text
        return f" (under '{name}')" if name else ""


@lru_cache(maxsize=1)
def _declared_macros() -> dict:
    """The macros declared in macros/registry.yml (tiw.build.macro_registry); a broken registry
    stops the lint with the registry's own message rather than letting it guess."""
    return macro_specs()


def _macro_key(expr: str) -> tuple[str, str]:
    """(name, comparable form) of a macro call: text arguments for the reader become '…'."""
    expr = " ".join(expr.split())
    try:
        tree = ast.parse(expr, mode="eval").body
    except SyntaxError:
        return expr.split("(")[0].split()[0] if expr else "", expr
    if not isinstance(tree, ast.Call) or not isinstance(tree.func, ast.Name):
        return ast.unparse(tree).split("(")[0], ast.unparse(tree)
    name = tree.func.id
    spec = _declared_macros().get(name)
    args = []
    for i, arg in enumerate(tree.args):
        if spec is not None:
            text = i < len(spec.params) and spec.params[i] in spec.text
        else:  # an undeclared macro (the build refuses it): words with spaces are text for the reader
            text = isinstance(arg, ast.Constant) and isinstance(arg.value, str) and " " in arg.value.strip()
        args.append("…" if text and isinstance(arg, ast.Constant) else ast.unparse(arg))
    for kw in tree.keywords:
        text = kw.arg in spec.text if spec is not None else kw.arg in TRANSLATABLE_PARAMS
        args.append(f"{kw.arg}=…" if text else f"{kw.arg}={ast.unparse(kw.value)}")
    return name, f"{name}({', '.join(args)})"


def _split_target(target: str) -> tuple[str, str]:
    path, _, frag = target.partition("#")
    return path, frag


def parse(text: str, path: str = "") -> Structure:
    """The structure of one Markdown page."""
    front: dict = {}
    offset = 0
    m = match_front_matter(text)
    if m:
        try:
            front = yaml.safe_load(m.group(2)) or {}
        except yaml.YAMLError:
            front = {}
        offset = m.group(0).count("\n")
        text = text[m.end() :]
    s = Structure(path, front if isinstance(front, dict) else {})
    seen_slugs: set[str] = set()
    lines = text.split("\n")
    code = code_lines(lines)
    list_block: dict | None = None
    i = 0

    def close_list():
        nonlocal list_block
        if list_block:
            n = list_block["count"]
            s.add(
                Block(
                    "list",
                    (list_block["ordered"], n),
                    list_block["line"],
                    f"{'numbered' if list_block['ordered'] else 'bulleted'} list of {n} item{'s' * (n != 1)}",
                )
            )
        list_block = None

    while i < len(lines):
        raw = lines[i]
        lineno = i + 1 + offset
        if code[i]:  # fenced code: shown as typed, no structure to compare
            close_list()
            i += 1
            continue
        line = _INLINE_CODE.sub("", raw)

        # macros (anywhere on a line; a call may span lines)
        for mm in _MACRO.finditer(line):
            name, key = _macro_key(mm.group(1) or mm.group(2) or "")
            s.add(Block("macro", key, lineno, key))
        line_wo_macros = _MACRO.sub("", line)

        # links
        for lm in _INLINE_LINK.finditer(line_wo_macros):
            s.links.append((*_split_target(lm.group(2)), lineno))
        rd = _REF_DEF.match(line_wo_macros)
        if rd:
            s.links.append((*_split_target(rd.group(1)), lineno))
        for am in _AUTOLINK.finditer(line_wo_macros):
            s.links.append((*_split_target(am.group(1)), lineno))
        for hm in _HTML_LINK.finditer(line_wo_macros):
            s.links.append((*_split_target(hm.group(2)), lineno))
        s.ids.update(_HTML_ID.findall(line_wo_macros))

        hm = _HEADING.match(line)
        item = _LIST_ITEM.match(line)
        if hm:
            close_list()
            title = hm.group(2)
            am = _ATTR_ID.search(title)
            explicit = am.group(1) if am else None
            title = title[: am.start()] if am else title
            plain = re.sub(r"<[^>]+>|[*_`]|\[([^\]]*)\]\([^)]*\)", r"\1", title).strip()
            anchor = explicit or unique(slugify(plain, "-"), seen_slugs)
            if explicit:
                s.ids.add(explicit)
                seen_slugs.add(explicit)
            else:
                s.anchors.append(anchor)
            s.headings.append(Heading(len(hm.group(1)), plain, explicit, anchor, lineno))
        elif item:
            if list_block is None:
                list_block = {"ordered": item.group(2)[0].isdigit(), "count": 0, "line": lineno}
            list_block["count"] += 1
        elif list_block is not None and line.strip() and not line[:1].isspace():
            close_list()

        adm = _ADMONITION.match(line)
        if adm:
            s.add(Block("admonition", adm.group(2), lineno, f"'{adm.group(1)} {adm.group(2)}' admonition"))
        hb = _HTML_BLOCK.match(line)
        if hb and not item:
            cls = _CLASS.search(hb.group(2))
            tag = hb.group(1).lower() + ("." + ".".join(cls.group(1).split()) if cls else "")
            s.add(Block("html", tag, lineno, f"<{tag}> element"))
        if "|" in line and i + 1 < len(lines) and _TABLE_SEP.match(lines[i + 1]) and "-" in lines[i + 1]:
            close_list()
            cols = len([c for c in lines[i + 1].strip().strip("|").split("|")])
            rows = 1
            j = i + 2
            while j < len(lines) and "|" in lines[j] and lines[j].strip():
                rows += 1
                j += 1
            s.add(Block("table", (rows, cols), lineno, f"table of {rows} rows × {cols} columns"))
            i = j
            continue
        i += 1
    close_list()
    for attr in re.finditer(r"\{:?[^}\n]*#([\w:.-]+)[^}\n]*\}", text):
        s.ids.add(attr.group(1))
    return s


# ------------------------------------------------------------------------------ comparison


@dataclass
class Difference:
    page: str
    message: str

    def __str__(self):
        return f"{self.page}: {self.message}"


class Pages:
    """Parsed pages of one docs/ tree, cached by path."""

    def __init__(self, docs: Path):
        self.docs = Path(docs)
        self._cache: dict[tuple[str, str], Structure | None] = {}

    def get(self, lang: str, path: str) -> Structure | None:
        key = (lang, path)
        if key not in self._cache:
            f = self.docs / lang / path
            self._cache[key] = parse(f.read_text(encoding="utf-8"), path) if f.is_file() else None
        return self._cache[key]


def _is_external(target: str) -> bool:
    return bool(re.match(r"^[a-z][a-z0-9+.-]*:", target)) or target.startswith("//")


def _fragment_key(pages: Pages, lang: str, page: str, target: str, frag: str) -> str:
    """How a fragment is compared: an explicit id by its name, an automatic heading anchor by the
    heading's position in the target page (so translated anchors match)."""
    if not frag:
        return ""
    if _is_external(target):
        return "#" + frag
    dest = page if not target else posixpath.normpath(posixpath.join(posixpath.dirname(page), target))
    st = pages.get(lang, dest)
    if st is None:
        return "#" + frag
    if frag in st.ids:
        return "#" + frag
    if frag in st.anchors:
        return f"#<heading {st.anchors.index(frag) + 1}>"
    return "#" + frag


EQUIVALENTS = ROOT / "translation" / "link-equivalents.yml"


class ParityConfigError(Exception):
    """translation/link-equivalents.yml is malformed."""


def load_equivalents(path: Path = EQUIVALENTS) -> list[dict]:
    """The allowed (en, cy[, page]) link pairs; a malformed entry raises naming file and entry."""
    if not path.is_file():
        return []
    data = yaml.safe_load(path.read_text(encoding="utf-8")) or []
    if not isinstance(data, list):
        raise ParityConfigError(f"{path.name}: expected a list of entries with en and cy")
    for n, entry in enumerate(data, 1):
        if (
            not isinstance(entry, dict)
            or not all(isinstance(entry.get(k), str) and entry[k] for k in ("en", "cy"))
            or set(entry) - {"en", "cy", "page"}
        ):
            raise ParityConfigError(
                f"{path.name}, entry {n}: expected the fields en and cy (text), and optionally page; found {entry!r}"
            )
    return data


def _link_list(pages: Pages, lang: str, st: Structure, equivalents: list[dict] = ()) -> list[tuple[str, int, str]]:
    out = []
    for target, frag, line in st.links:
        full = target + (f"#{frag}" if frag else "")
        if lang == "cy":
            swap = next((e["en"] for e in equivalents if e["cy"] == full and e.get("page", st.path) == st.path), None)
            if swap is not None:
                out.append((swap, line, full))
                continue
        key = target + _fragment_key(pages, lang, st.path, target, frag)
        out.append((key, line, full))
    return out


def _counted_diff(page: str, what: str, en: list, cy: list, en_st: Structure, cy_st: Structure) -> list[Difference]:
    """Differences between two sequences of (key, line, shown) in order."""
    out = []
    sm = SequenceMatcher(a=[k for k, _, _ in en], b=[k for k, _, _ in cy], autojunk=False)
    for op, a1, a2, b1, b2 in sm.get_opcodes():
        if op == "equal":
            continue
        for k, line, shown in en[a1:a2]:
            out.append(
                Difference(page, f"{what}: English has {shown} at line {line}{en_st.section(line)}; the Welsh page has no match")
            )
        for k, line, shown in cy[b1:b2]:
            out.append(
                Difference(page, f"{what}: Welsh has {shown} at line {line}{cy_st.section(line)}; the English page has no match")
            )
    return out


def _must_match(value) -> bool:
    import datetime as dt

    return isinstance(value, (bool, int, float, dt.date)) or (
        isinstance(value, str) and re.fullmatch(r"\d{4}-\d{2}-\d{2}", value) is not None
    )


def compare(page: str, pages: Pages, equivalents: list[dict] = ()) -> list[Difference]:
    en, cy = pages.get("en", page), pages.get("cy", page)
    if en is None or cy is None:
        return []
    diffs: list[Difference] = []

    # front matter: the same fields in both; switches (true/false), numbers and dates identical,
    # text (title, description, summary, tags…) translated
    for key in sorted((set(en.front) | set(cy.front)) - {"default_lang_commit"}, key=str):
        if (key in en.front) != (key in cy.front):
            diffs.append(
                Difference(
                    page,
                    f"front matter '{key}': only the {'English' if key in en.front else 'Welsh'} "
                    "page has it (both pages need the same fields)",
                )
            )
            continue
        a, b = en.front[key], cy.front[key]
        if _must_match(a) or _must_match(b):
            if a != b:
                diffs.append(
                    Difference(
                        page, f"front matter '{key}': English {a!r}, Welsh {b!r} (switches, numbers and dates must be the same)"
                    )
                )

    # headings: levels in order, explicit ids
    en_h = [
        (
            f"h{h.level}" + (f"{{#{h.explicit_id}}}" if h.explicit_id else ""),
            h.line,
            f"h{h.level} '{h.text}'" + (f" {{#{h.explicit_id}}}" if h.explicit_id else ""),
        )
        for h in en.headings
    ]
    cy_h = [
        (
            f"h{h.level}" + (f"{{#{h.explicit_id}}}" if h.explicit_id else ""),
            h.line,
            f"h{h.level} '{h.text}'" + (f" {{#{h.explicit_id}}}" if h.explicit_id else ""),
        )
        for h in cy.headings
    ]
    diffs += _counted_diff(page, "heading", en_h, cy_h, en, cy)

    # links, compared as multisets (a translation may reorder a sentence)
    en_links, cy_links = _link_list(pages, "en", en), _link_list(pages, "cy", cy, equivalents)
    en_count, cy_count = Counter(k for k, _, _ in en_links), Counter(k for k, _, _ in cy_links)
    for key in sorted(set(en_count) | set(cy_count)):
        if en_count[key] > cy_count[key]:
            lines = [str(line) for k, line, _ in en_links if k == key]
            shown = next(s for k, _, s in en_links if k == key)
            diffs.append(
                Difference(
                    page, f"link: English links to '{shown}' {en_count[key]}× (line {', '.join(lines)}), Welsh {cy_count[key]}×"
                )
            )
        elif cy_count[key] > en_count[key]:
            lines = [str(line) for k, line, _ in cy_links if k == key]
            shown = next(s for k, _, s in cy_links if k == key)
            diffs.append(
                Difference(
                    page, f"link: Welsh links to '{shown}' {cy_count[key]}× (line {', '.join(lines)}), English {en_count[key]}×"
                )
            )

    for kind, what in (
        ("macro", "macro call"),
        ("admonition", "admonition"),
        ("table", "table"),
        ("list", "list"),
        ("html", "HTML block"),
    ):
        a = [(b.key, b.line, b.show) for b in en.blocks.get(kind, [])]
        b = [(b.key, b.line, b.show) for b in cy.blocks.get(kind, [])]
        if kind in ("table", "list") and len(a) == len(b):
            for (ka, la, sa), (kb, lb, sb) in zip(a, b):
                if ka != kb:
                    diffs.append(
                        Difference(
                            page,
                            f"{what}: English has a {sa} at line {la}{en.section(la)}; "
                            f"Welsh has a {sb} at line {lb}{cy.section(lb)}",
                        )
                    )
            continue
        diffs += _counted_diff(page, what, a, b, en, cy)
    return diffs


def lint(root: Path = ROOT) -> list[Difference]:
    """Every structural difference between docs/en and docs/cy page pairs under root."""
    docs = Path(root) / "docs"
    equivalents = load_equivalents(Path(root) / "translation" / "link-equivalents.yml")
    pages = Pages(docs)
    names = sorted(
        {p.relative_to(docs / "en").as_posix() for p in (docs / "en").rglob("*.md")}
        & {p.relative_to(docs / "cy").as_posix() for p in (docs / "cy").rglob("*.md")}
    )
    out: list[Difference] = []
    for name in names:
        out += compare(name, pages, equivalents)
    return out
