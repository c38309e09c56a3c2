"""Which English segment each Welsh segment translates, for pages and for data files.

Front-matter fields pair by key. Body segments pair block by block: the blank-line blocks of the
two pages are matched by their shape (the kinds of segment in them, in order), which is the
structure `make translation-lint` (tiw.translation.parity) already requires to be the same; a block whose
shape has no counterpart is left unpaired and counted, never guessed.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from difflib import SequenceMatcher
from itertools import groupby
from pathlib import Path

from .segments import Segment, segment_page
from .yamltext import scalars


@dataclass
class Alignment:
    pairs: list[tuple[Segment, Segment]] = field(default_factory=list)
    unpaired_en: list[Segment] = field(default_factory=list)
    unpaired_cy: list[Segment] = field(default_factory=list)

    def welsh_for(self) -> dict[str, Segment]:
        return {en.id: cy for en, cy in self.pairs}


def _blocks(segs: list[Segment]) -> list[list[Segment]]:
    return [list(g) for _, g in groupby((s for s in segs if s.block >= 0), key=lambda s: s.block)]


def align_segments(en: list[Segment], cy: list[Segment]) -> Alignment:
    a = Alignment()
    cy_front = {s.id: s for s in cy if s.block < 0}
    for s in en:
        if s.block < 0:
            (a.pairs.append((s, cy_front.pop(s.id))) if s.id in cy_front else a.unpaired_en.append(s))
    a.unpaired_cy += list(cy_front.values())
    eb, cb = _blocks(en), _blocks(cy)
    shape = lambda b: tuple(s.kind for s in b)  # noqa: E731
    sm = SequenceMatcher(a=[shape(b) for b in eb], b=[shape(b) for b in cb], autojunk=False)
    for op, a1, a2, b1, b2 in sm.get_opcodes():
        if op == "equal":
            for x, y in zip(eb[a1:a2], cb[b1:b2]):
                a.pairs += list(zip(x, y))
        else:
            a.unpaired_en += [s for b in eb[a1:a2] for s in b]
            a.unpaired_cy += [s for b in cb[b1:b2] for s in b]
    order = {s.id: n for n, s in enumerate(en)}
    a.pairs.sort(key=lambda p: order[p[0].id])
    return a


def align_page(root: Path, page: str) -> tuple[list[Segment], list[Segment] | None, Alignment]:
    en_text = (Path(root) / "docs" / "en" / page).read_text(encoding="utf-8")
    cy_file = Path(root) / "docs" / "cy" / page
    en = segment_page(en_text)
    if not cy_file.is_file():
        return en, None, Alignment(unpaired_en=list(en))
    cy = segment_page(cy_file.read_text(encoding="utf-8"))
    return en, cy, align_segments(en, cy)


# ------------------------------------------------------------------------------ data files


@dataclass
class Field:
    """One bilingual field of a data file: the `en:` and `cy:` beside each other."""

    id: str  # entry id and field: "adverse-childhood-experiences.definition"
    en: str
    cy: Segment | None  # the cy value's place in the file (None when there is no cy: yet)
    line: int


def data_files(root: Path) -> list[Path]:
    root = Path(root)
    return sorted(root.glob("data/*.yml")) + sorted(root.glob("resources/*.yml"))


def _nmtoken(s: str) -> str:
    import re

    return re.sub(r"[^\w.:-]", "_", s)


def data_fields(root: Path, path: Path) -> list[Field]:
    """Every bilingual field of one data file, in file order."""
    import yaml

    text = path.read_text(encoding="utf-8")
    tree = yaml.safe_load(text)
    all_scalars = scalars(text)
    by_path = {sc.path: sc for sc in all_scalars}
    out: list[Field] = []
    seen: set[str] = set()

    def label(node_path: tuple) -> str:
        parts, node = [], tree
        for p in node_path:
            node = node[p]
            if isinstance(p, int):
                parts.append(str(node["id"]) if isinstance(node, dict) and isinstance(node.get("id"), (str, int)) else str(p))
            else:
                parts.append(str(p))
        return _nmtoken(".".join(parts) or "root")

    for sc in all_scalars:
        if sc.path[-1:] == ("en",):
            parent, cy_path, suffix = sc.path[:-1], sc.path[:-1] + ("cy",), ""
        elif len(sc.path) >= 2 and sc.path[-2] == "en" and isinstance(sc.path[-1], int):  # en: [a, b]
            parent, cy_path, suffix = sc.path[:-2], sc.path[:-2] + ("cy", sc.path[-1]), f".{sc.path[-1]}"
        else:
            continue
        cy = by_path.get(cy_path)
        ident = label(parent) + suffix
        n = 2
        while ident in seen:
            ident, n = f"{label(parent)}{suffix}.{n}", n + 1
        seen.add(ident)
        seg = None
        if cy is not None:
            seg = Segment(ident, "data-field", text[cy.start : cy.end], cy.start, cy.end, cy.line, -1, "", cy)
        out.append(Field(ident, sc.value, seg, sc.line))
    return out
