"""The site's translation memory (TMX 1.4) and termbase (TBX and CSV), for translators' own tools."""

from __future__ import annotations

import csv
import io
from dataclasses import dataclass
from pathlib import Path

import yaml
from lxml import etree
from translate.storage import tbx, tmx

from .align import align_page, data_fields, data_files
from .export import all_pages


@dataclass
class MemoryReport:
    pages: int = 0  # aligned page segments
    data: int = 0  # aligned data fields
    unaligned: int = 0  # English segments left out (no Welsh counterpart)
    untranslated_data: int = 0

    @property
    def aligned(self) -> int:
        return self.pages + self.data


def translation_memory(root: Path) -> tuple[bytes, MemoryReport]:
    """A TMX of every aligned English↔Welsh segment of the site, and the counts."""
    store = tmx.tmxfile(sourcelanguage="en", targetlanguage="cy")
    report = MemoryReport()
    for page in all_pages(root):
        _, cy, alignment = align_page(root, page)
        report.unaligned += len(alignment.unpaired_en)
        for en, cy_seg in alignment.pairs:
            store.addtranslation(en.text, "en", cy_seg.text, "cy")
            store.units[-1].setcontext(f"docs/en/{page}#{en.id}")
            report.pages += 1
    for path in data_files(root):
        rel = Path(path).relative_to(root).as_posix()
        for fld in data_fields(root, path):
            if fld.cy is None or not fld.cy.text or not fld.en:
                report.untranslated_data += 1
                continue
            store.addtranslation(fld.en, "en", fld.cy.text, "cy")
            store.units[-1].setcontext(f"{rel}#{fld.id}")
            report.data += 1
    return bytes(store), report


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
