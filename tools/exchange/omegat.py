"""An OmegaT project of XLIFF 1.2 packages, with the site's memory and termbase in it.

OmegaT (3.6 in Debian, 4 and later too) reads XLIFF 1.2 natively, not XLIFF 2.0 (that needs the
Okapi filters plugin), and its XLIFF filter translates each `<target>`: so the packages' targets
are copies of the English (xliff12.write(source_copy=True)) and the current Welsh comes from
tm/auto/, the memory OmegaT applies to every segment it matches exactly. The termbase goes in
glossary/ as TBX, which OmegaT reads as a glossary.
"""

from __future__ import annotations

from pathlib import Path

from lxml import etree

from . import memory, xliff12

PROJECT_FILE = "omegat.project"
# The project's settings: English to Welsh; one segment a unit (the packages' blocks, as the
# memory's): sentence segmentation off, so every unit is matched whole.
_SETTINGS = {
    "source_dir": "__DEFAULT__",
    "target_dir": "__DEFAULT__",
    "tm_dir": "__DEFAULT__",
    "glossary_dir": "__DEFAULT__",
    "glossary_file": "__DEFAULT__",
    "dictionary_dir": "__DEFAULT__",
    "source_lang": "EN",
    "target_lang": "CY",
    "source_tok": "org.omegat.tokenizer.LuceneEnglishTokenizer",
    "target_tok": "org.omegat.tokenizer.DefaultTokenizer",
    "sentence_seg": "false",
    "support_default_translations": "true",
    "remove_tags": "false",
}
# What OmegaT must be told to match the memory's tags (Options → Preferences → TM Matches):
# "Show level 2 tags" and "Use XML-compliant tags". Without them it drops the <ph> codes of an
# external TMX and no segment with a macro, a link or an attribute list matches exactly.
PREFERENCES = {"ext_tmx_show_level2": "true", "ext_tmx_use_slash": "true"}


def project_file() -> bytes:
    root = etree.Element("omegat")
    project = etree.SubElement(root, "project", version="1.0")
    for key, value in _SETTINGS.items():
        etree.SubElement(project, key).text = value
    return etree.tostring(root, xml_declaration=True, encoding="UTF-8", standalone=True, pretty_print=True)


def preferences_file() -> bytes:
    """omegat.prefs with the two settings above, for a --config-dir (the check uses it)."""
    root = etree.Element("omegat")
    prefs = etree.SubElement(root, "preference", version="1.0")
    for key, value in PREFERENCES.items():
        etree.SubElement(prefs, key).text = value
    return etree.tostring(root, xml_declaration=True, encoding="UTF-8", pretty_print=True)


def project_files(root: Path, packages: list) -> tuple[dict[Path, bytes], memory.MemoryReport]:
    """Relative path → content of the project (packages: (path under source/, Package)), and the
    memory's counts."""
    files: dict[Path, bytes] = {Path(PROJECT_FILE): project_file()}
    for rel, pkg in packages:
        files[Path("source") / rel] = xliff12.write(pkg, source_copy=True)
    tmx, report = memory.translation_memory(root, omegat=True)
    files[Path("tm") / "auto" / "tiw-en-cy.tmx"] = tmx
    files[Path("glossary") / "termbase.tbx"] = memory.termbase_tbx(root)
    for folder in ("target", "omegat", "dictionary"):
        files[Path(folder) / ".keep"] = b""
    return files, report
