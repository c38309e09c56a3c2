"""Build the XLIFF packages: one per page (pages that are missing, outdated or named) and one
per data file, with the current Welsh as target and notes for the translator."""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

import yaml

from tiw.translation import freshness as fr

from .align import align_page, data_fields, data_files
from .codes import tokenize
from .segments import segment_page
from .xliff import NEEDS_REVIEW, Package, Unit

OUT = Path("translation") / "exchange"


@lru_cache(maxsize=4)
def _terms(glossary: Path, mtime: float) -> list[tuple[re.Pattern, str]]:
    data = yaml.safe_load(glossary.read_text(encoding="utf-8")) or {}
    out = []
    for t in data.get("terms", []):
        en, cy = (t.get("term") or {}).get("en"), (t.get("term") or {}).get("cy")
        if not en or not cy:
            continue
        note = f"{en} → {cy}"
        if t.get("rejected_cy"):
            note += " (not: " + ", ".join(t["rejected_cy"]) + ")"
        short = re.sub(r"\s*\([^)]*\)$", "", en)  # "Adverse Childhood Experiences (ACEs)" also as the words alone
        out.append((re.compile(r"(?<!\w)(?:" + "|".join(re.escape(x) for x in {en, short}) + r")(?!\w)", re.I), note))
    return out


def termbase_notes(root: Path, text: str) -> str:
    glossary = Path(root) / "data" / "glossary.yml"
    if not glossary.is_file():
        return ""
    words = " ".join(s for kind, s in tokenize(text) if kind == "text")  # not macro names or link paths
    hits = [note for pattern, note in _terms(glossary, glossary.stat().st_mtime) if pattern.search(words)]
    return "; ".join(hits)


def package_path(original: str, out: Path) -> Path:
    """docs/en/framework/aims.md → OUT/pages/framework/aims.xlf; data/glossary.yml → OUT/data/glossary.xlf."""
    p = Path(original)
    if p.parts[:2] == ("docs", "en"):
        return out / "pages" / Path(*p.parts[2:]).with_suffix(".xlf")
    return out / p.with_suffix(".xlf")


@dataclass
class PageExport:
    package: Package
    state: fr.PageState


def page_package(root: Path, page: str, f: fr.Freshness | None = None) -> PageExport:
    root = Path(root)
    f = f or fr.Freshness(root)
    state = f.page_state(page)
    en, cy, alignment = align_page(root, page)
    welsh = alignment.welsh_for()
    changed: set[tuple[str, str]] | None = None
    if state.state == fr.OUTDATED and state.baseline:
        old = f.git.show(state.baseline, f"docs/en/{page}")
        if old is not None:
            changed = {(s.kind, s.text) for s in segment_page(old)}
    commit = f.git.head() if f.available else "not in git"
    units = []
    for seg in en:
        cy_seg = welsh.get(seg.id)
        target = cy_seg.text if cy_seg is not None else None
        state_, sub = ("translated", None) if target is not None else ("initial", None)
        if target is not None and changed is not None and (seg.kind, seg.text) not in changed:
            state_, sub = "initial", NEEDS_REVIEW
        notes = [
            ("location", f"docs/en/{page}, line {seg.line} ({seg.kind.replace('-', ' ')})"),
            ("source-commit", f"English at commit {commit}"),
        ]
        if sub:
            notes.append(
                (
                    "needs-review",
                    f"The English changed since the Welsh was stamped ({state.stamp}): check the Welsh against the new English",
                )
            )
        terms = termbase_notes(root, seg.text)
        if terms:
            notes.append(("termbase", terms))
        units.append(Unit(seg.id, seg.text, target, state_, sub, f"docs/en/{page}:{seg.line}", notes))
    file_notes = [
        ("page", f"docs/en/{page} → docs/cy/{page}: {state.state}" + (f" ({state.detail})" if state.detail else "")),
        ("source-commit", f"English at commit {commit}"),
    ]
    if alignment.unpaired_en and cy is not None:
        file_notes.append(
            (
                "alignment",
                f"{len(alignment.unpaired_en)} English segments have no Welsh counterpart "
                "(new or restructured blocks): translate them in full",
            )
        )
    return PageExport(Package(f"docs/en/{page}", units, file_notes), state)


def data_package(root: Path, path: Path, commit: str = "") -> Package:
    root = Path(root)
    rel = path.relative_to(root).as_posix()
    units = []
    for fld in data_fields(root, path):
        if fld.cy is None:
            continue
        target = fld.cy.text if fld.cy.text else None
        notes = [("location", f"{rel}, entry and field {fld.id}, line {fld.line}")]
        if commit:
            notes.append(("source-commit", f"English at commit {commit}"))
        terms = termbase_notes(root, fld.en)
        if terms:
            notes.append(("termbase", terms))
        units.append(Unit(fld.id, fld.en, target, "translated" if target else "initial", None, f"{rel}#{fld.id}", notes))
    return Package(rel, units, [("data-file", f"{rel}: every cy: beside an en:")])


def pages_needing_work(root: Path, f: fr.Freshness, outdated_only: bool) -> list[str]:
    states = f.status()
    wanted = {fr.OUTDATED} if outdated_only else {fr.OUTDATED, fr.MISSING, fr.UNSTAMPED, fr.BAD_STAMP}
    return [s.page for s in states if s.state in wanted and (Path(root) / "docs" / "en" / s.page).is_file()]


def all_pages(root: Path) -> list[str]:
    base = Path(root) / "docs" / "en"
    return sorted(p.relative_to(base).as_posix() for p in base.rglob("*.md"))


def all_data(root: Path) -> list[Path]:
    return [p for p in data_files(root) if any(fld.cy is not None for fld in data_fields(root, p))]
