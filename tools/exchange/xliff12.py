"""XLIFF 1.2 packages, for CAT tools that do not read XLIFF 2.0 (OmegaT 3.6 and 4 without the Okapi
plugin, older Trados and memoQ): the same units as the 2.0 package, written and read back.

translate-toolkit (translate.storage.xliff) makes and parses the document. XLIFF 1.2 has no
<originalData>: each code is a `<ph id="n">` holding its Markdown, so the import checks that the
Welsh's copy of each tag still holds exactly the English's.

`source_copy=True` writes the OmegaT form: OmegaT's XLIFF filter translates the `<target>` and
leaves `<source>` alone, so every target starts as a copy of the English and the current Welsh
comes from the translation memory (tools.exchange.omegat). The import then takes a target still
equal to its English for "not translated", unless the repository's Welsh is that same text.
"""

from __future__ import annotations

import re

from lxml import etree
from translate.storage import xliff

from .codes import code_type
from .xliff import NEEDS_REVIEW, Package, PackageError, ReadUnit, code_ids, inline_text

NS = "urn:oasis:names:tc:xliff:document:1.2"
XML_SPACE = "{http://www.w3.org/XML/1998/namespace}space"
SOURCE_COPY_TOOL = "tiw-source-copy"  # <file tool-id>: the targets began as copies of the English
# XLIFF 2.0 segment state (and our subState) → XLIFF 1.2 target state
STATE_12 = {"translated": "translated", "reviewed": "signed-off", "final": "final", "initial": "needs-translation"}


_OMEGAT_TAG = re.compile(r"</?[a-z]\d+/?>")  # OmegaT's tag shortcuts: <x0/>, <b1>, </b1>


def _q(tag: str) -> str:
    return f"{{{NS}}}{tag}"


class _Unit12(xliff.xliffunit):
    namespace = NS


class _File12(xliff.xlifffile):
    """translate-toolkit's XLIFF writer, in the 1.2 namespace (it writes 1.1 by default)."""

    namespace = NS
    UnitClass = _Unit12
    XMLskeleton = (
        f"<?xml version='1.0' ?>\n<xliff version='1.2' xmlns='{NS}'>\n"
        "<file original='NoName' source-language='en' datatype='plaintext'>\n<body>\n</body>\n</file>\n</xliff>"
    )


def _ctype(code: str) -> str:
    return "x-" + code_type(code)[1].replace(":", "-")


def _fill(parent, tokens, ids) -> None:
    last = None
    for (kind, s), cid in zip(tokens, ids):
        if kind == "text":
            if last is None:
                parent.text = (parent.text or "") + s
            else:
                last.tail = (last.tail or "") + s
            continue
        last = etree.SubElement(parent, _q("ph"), id=cid, ctype=_ctype(s))
        last.text = s


def write(pkg: Package, source_copy: bool = False) -> bytes:
    store = _File12(sourcelanguage="en", targetlanguage="cy")
    file_el = store.document.getroot().find(_q("file"))
    file_el.set("original", pkg.original)
    file_el.set("datatype", "x-markdown")
    file_el.set("target-language", "cy")
    header = etree.Element(_q("header"))
    if source_copy:
        file_el.set("tool-id", SOURCE_COPY_TOOL)
        etree.SubElement(
            header, _q("tool"), {"tool-id": SOURCE_COPY_TOOL, "tool-name": "tools.exchange (targets copied from the English)"}
        )
    for cat, text in pkg.notes:
        etree.SubElement(header, _q("note"), {"from": cat}).text = text
    if len(header):
        file_el.insert(0, header)
    body = file_el.find(_q("body"))
    for u in pkg.units:
        tu = etree.SubElement(body, _q("trans-unit"), id=u.id)
        tu.set(XML_SPACE, "preserve")
        if u.name:
            tu.set("resname", u.name)
        src_tokens, s_ids, t_tokens, t_ids, _ = code_ids(u.source, u.target)
        _fill(etree.SubElement(tu, _q("source")), src_tokens, s_ids)
        if source_copy:
            _fill(etree.SubElement(tu, _q("target"), state="needs-translation"), src_tokens, s_ids)
        elif u.target is not None:
            state = "needs-review-translation" if u.sub_state == NEEDS_REVIEW else STATE_12[u.state]
            _fill(etree.SubElement(tu, _q("target"), state=state), t_tokens, t_ids)
        for cat, text in u.notes:
            etree.SubElement(tu, _q("note"), {"from": cat}).text = text
    return bytes(store)


def _text_of(el, data: dict[str, str], problems: list[str], ids: list[str], is_target: bool) -> str:
    def placeholder(child) -> str:  # XLIFF 1.2: the code is the <ph>'s own text
        cid, code = child.get("id"), "".join(child.itertext())
        ids.append(cid)
        if is_target or f"d{cid}" not in data:  # a target's copy that differs: the importer names it altered
            data[f"d{cid}"] = code
        return code

    return inline_text(el, _q("ph"), placeholder, problems)


def read(raw: bytes) -> Package:
    try:
        store = _File12.parsestring(raw)
    except Exception as exc:  # lxml and translate-toolkit raise several kinds
        raise PackageError(f"not a readable XLIFF 1.2 file ({exc})") from None
    files = store.document.getroot().findall(_q("file"))
    if len(files) != 1 or not files[0].get("original"):
        raise PackageError("expected one <file> with the original= path the export wrote")
    file_el = files[0]
    if file_el.get("source-language") != "en" or file_el.get("target-language") != "cy":
        raise PackageError(
            f"languages are {file_el.get('source-language')}→{file_el.get('target-language')}; this project's packages are en→cy"
        )
    copied = file_el.get("tool-id") == SOURCE_COPY_TOOL
    pkg = Package(file_el.get("original"), [])
    for tu in file_el.iter(_q("trans-unit")):
        src_el, tgt_el = tu.find(_q("source")), tu.find(_q("target"))
        data: dict[str, str] = {}
        problems: list[str] = []
        s_ids: list[str] = []
        t_ids: list[str] = []
        source = _text_of(src_el, data, [], s_ids, False) if src_el is not None else ""
        target = _text_of(tgt_el, data, problems, t_ids, True) if tgt_el is not None else None
        if copied and target is not None and _OMEGAT_TAG.search(target.replace(source, "")):
            problems.append(
                "the Welsh has a tag written as text (such as <s0/>): OmegaT writes a tag of the memory "
                "that the English does not have that way; use only the segment's own tags"
            )
        state = tgt_el.get("state") if tgt_el is not None else None
        if copied:  # OmegaT leaves the state as exported: what it wrote is the translation
            state = "translated" if target is not None else None
        pkg.units.append(
            ReadUnit(
                tu.get("id"),
                source,
                target,
                "initial" if state in (None, "new", "needs-translation") else "translated",
                NEEDS_REVIEW if state == "needs-review-translation" else None,
                s_ids,
                t_ids,
                data,
                problems,
                copied,
            )
        )
    return pkg


def is_xliff12(raw: bytes) -> bool:
    return NS.encode() in raw[:2000]
