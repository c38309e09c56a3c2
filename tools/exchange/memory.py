"""The site's translation memory (TMX 1.4) and termbase (TBX and CSV), for translators' own tools."""

from __future__ import annotations

import csv
import io
from dataclasses import dataclass, field
from pathlib import Path

import yaml
from lxml import etree
from translate.storage import tbx, tmx

from .align import align_page, data_fields, data_files
from .export import all_pages
from .xliff import code_ids


@dataclass
class MemoryReport:
    pages: int = 0  # aligned page segments
    data: int = 0  # aligned data fields
    unaligned: int = 0  # English segments left out (no Welsh counterpart)
    untranslated_data: int = 0
    omegat_left_out: list[str] = field(default_factory=list)  # omegat=True: pairs OmegaT could not apply

    @property
    def aligned(self) -> int:
        return self.pages + self.data


def _edge(tokens, ids, step: int) -> int:
    """How many tokens from one end (step 1: the start, -1: the end) are codes or blank text."""
    n, seq = 0, list(zip(tokens, ids))[::step]
    while n < len(seq) and (seq[n][0][0] == "code" or not seq[n][0][1].strip()):
        n += 1
    return n


def _coded(en: str, cy: str, omegat: bool):
    """Both sides as (tokens, code ids), numbered as the XLIFF packages number them (a Welsh code
    equal to an English one shares its number). `omegat`: without the codes (and blank text
    between them) that open or close both sides alike, as OmegaT's XLIFF filter leaves a
    segment's leading and trailing tags out of the segment it matches."""
    src, s_ids, tgt, t_ids, _ = code_ids(en, cy)
    if omegat:
        for step in (1, -1):
            n = min(_edge(src, s_ids, step), _edge(tgt, t_ids, step))
            while n and list(zip(src, s_ids))[::step][:n] != list(zip(tgt, t_ids))[::step][:n]:
                n -= 1
            if 0 < n < min(len(src), len(tgt)):
                src, s_ids, tgt, t_ids = (
                    (src[n:], s_ids[n:], tgt[n:], t_ids[n:]) if step == 1 else (src[:-n], s_ids[:-n], tgt[:-n], t_ids[:-n])
                )
        # OmegaT leaves the white space at either end out too (and puts it back as it was)
        src, tgt = _strip_ends(src), _strip_ends(tgt)
    return (src, s_ids), (tgt, t_ids)


def _strip_ends(tokens: list[tuple[str, str]]) -> list[tuple[str, str]]:
    out = list(tokens)
    if out and out[0][0] == "text":
        out[0] = ("text", out[0][1].lstrip())
    if out and out[-1][0] == "text":
        out[-1] = ("text", out[-1][1].rstrip())
    return out


def _put_codes(tu, sides) -> None:
    """Write both <seg>s with the protected Markdown as TMX 1.4b placeholders, <ph x="n">code</ph>.

    No `type`: OmegaT names a tag after the first letter of its content, else of its type, else
    "f", and names the XLIFF 1.2 tag after its content or "f" alone: a type would make the memory's
    tag for "[" differ from the package's and the match fail."""
    n_src = sum(1 for i in sides[0][1] if i)
    for tuv, (tokens, ids) in zip(tu.findall("tuv"), sides):
        seg = tuv.find("seg")
        seg.text, last = "", None
        for child in list(seg):
            seg.remove(child)
        for (kind, text), cid in zip(tokens, ids):
            if kind == "text":
                if last is None:
                    seg.text += text
                else:
                    last.tail = (last.tail or "") + text
                continue
            x = str(n_src + int(cid[1:])) if cid.startswith("w") else cid
            last = etree.SubElement(seg, "ph", x=x)
            last.text = text


def translation_memory(root: Path, omegat: bool = False) -> tuple[bytes, MemoryReport]:
    """A TMX of every aligned English↔Welsh segment of the site, and the counts. `omegat`: each
    pair as OmegaT's XLIFF filter makes the segment (_coded), for an OmegaT project."""
    store = tmx.tmxfile(sourcelanguage="en", targetlanguage="cy")
    # Our segments are blocks (paragraphs, headings, list items, cells): "paragraph" lets a tool
    # that segments by sentence (OmegaT's default) split the memory the same way as the packages.
    store.document.getroot().find("header").set("segtype", "paragraph")
    report = MemoryReport()

    pairs: list[tuple[str, str, str]] = []

    def add(en: str, cy: str, context: str) -> None:
        pairs.append((en, cy, context))

    for page in all_pages(root):
        _, cy, alignment = align_page(root, page)
        report.unaligned += len(alignment.unpaired_en)
        for en, cy_seg in alignment.pairs:
            add(en.text, cy_seg.text, f"docs/en/{page}#{en.id}")
            report.pages += 1
    for path in data_files(root):
        rel = Path(path).relative_to(root).as_posix()
        for fld in data_fields(root, path):
            if fld.cy is None or not fld.cy.text or not fld.en:
                report.untranslated_data += 1
                continue
            add(fld.en, fld.cy.text, f"{rel}#{fld.id}")
            report.data += 1
    coded = [(_coded(en, cy, omegat), en, cy, context) for en, cy, context in pairs]
    if omegat:  # what OmegaT's memory cannot apply as it stands is left to the translator
        welsh: dict[str, set[str]] = {}
        for sides, _, cy, _ in coded:
            welsh.setdefault(_shown(sides[0]), set()).add(_shown(sides[1]))
        kept = []
        for sides, en, cy, context in coded:
            if _omegat_can_apply(sides) and len(welsh[_shown(sides[0])]) == 1:
                kept.append((sides, en, cy, context))
            else:
                report.omegat_left_out.append(context)
        coded = kept
    for sides, en, cy, context in coded:
        store.addtranslation(en, "en", cy, "cy")  # then _put_codes writes each <seg> from its tokens
        store.units[-1].setcontext(context)
        _put_codes(store.units[-1].xmlelement, sides)
    return bytes(store), report


def _shown(side) -> str:
    return "".join(f"\x00{i}\x00" if i else s for (_, s), i in zip(*side))


def _omegat_can_apply(sides) -> bool:
    """OmegaT gives a memory's Welsh only the tags of the segment's English, and keeps the tags at
    either end out of the segment: a pair whose Welsh has a tag of its own (a Welsh link target,
    a `lang` span), or whose English still opens or closes with a tag after _coded, cannot come
    back from OmegaT's memory as it is; nor can two Welsh renderings of one English (OmegaT's
    memory keeps one translation a source)."""
    (src, s_ids), (tgt, t_ids) = sides
    if any(i and i.startswith("w") for i in t_ids):
        return False
    ends = [src[0], src[-1], tgt[0], tgt[-1]] if src and tgt else []
    return not any(kind == "code" for kind, _ in ends)


DEPRECATED = "deprecatedTerm-admn-sts"
PREFERRED = "preferredTerm-admn-sts"


def _glossary(root: Path) -> list[dict]:
    return (yaml.safe_load((Path(root) / "data" / "glossary.yml").read_text(encoding="utf-8")) or {}).get("terms", [])


def termbase_tbx(root: Path) -> bytes:
    """data/glossary.yml as TBX: approved English and Welsh terms, rejected Welsh as deprecated."""
    store = tbx.tbxfile(sourcelanguage="en", targetlanguage="cy")
    for t in _glossary(root):
        unit = store.addsourceunit(t["term"]["en"])
        unit.setid(t["id"])
        unit.set_target_terms([t["term"]["cy"], *(t.get("rejected_cy") or [])], "cy")
        ns = unit.namespaced
        for lang_set in unit.xmlelement.iter(ns("langSet")):
            lang = lang_set.get("{http://www.w3.org/XML/1998/namespace}lang")
            definition = (t.get("definition") or {}).get(lang)
            if definition:
                descrip = etree.Element(ns("descrip"), type="definition")
                descrip.text = definition
                lang_set.insert(0, descrip)
            for n, tig in enumerate(lang_set.iter(ns("tig"))):
                status = etree.SubElement(tig, ns("termNote"), type="administrativeStatus")
                status.text = DEPRECATED if lang == "cy" and n > 0 else PREFERRED
        if t.get("note"):
            note = etree.SubElement(unit.xmlelement, ns("note"))
            note.text = t["note"]
            unit.xmlelement.insert(0, note)
    return bytes(store)


def termbase_csv(root: Path) -> str:
    """data/glossary.yml as CSV (one row a term): the columns memoQ, Trados MultiTerm and Phrase map."""
    buf = io.StringIO()
    w = csv.writer(buf, lineterminator="\n")
    w.writerow(["id", "en", "cy", "cy_rejected", "definition_en", "definition_cy", "note"])
    for t in _glossary(root):
        d = t.get("definition") or {}
        w.writerow(
            [
                t["id"],
                t["term"]["en"],
                t["term"]["cy"],
                "; ".join(t.get("rejected_cy") or []),
                d.get("en", ""),
                d.get("cy", ""),
                t.get("note", ""),
            ]
        )
    return buf.getvalue()
