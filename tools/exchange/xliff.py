"""XLIFF 2.0 packages: write a page's or data file's segments, read the Welsh back.

translate-toolkit (translate.storage.xliff2) makes and parses the document; the inline codes
are XLIFF 2.0 `<ph>` placeholders whose Markdown is kept in the unit's `<originalData>`, so a
CAT tool shows each as a tag and restores it on its own.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from lxml import etree
from translate.storage import xliff2

from .codes import code_type, tokenize

NS = xliff2.Xliff2File.namespace
XML_SPACE = "{http://www.w3.org/XML/1998/namespace}space"
NEEDS_REVIEW = "tiw:needs-review"  # subState of a segment whose English changed since the stamp


def _q(tag: str) -> str:
    return f"{{{NS}}}{tag}"


@dataclass
class Unit:
    id: str
    source: str  # English Markdown
    target: str | None  # Welsh Markdown (None: not translated yet)
    state: str = "initial"  # initial | translated | reviewed | final
    sub_state: str | None = None
    name: str = ""  # where it is, for people
    notes: list[tuple[str, str]] = field(default_factory=list)  # (category, text)


@dataclass
class Package:
    original: str  # docs/en/x.md or data/glossary.yml
    units: list[Unit]
    notes: list[tuple[str, str]] = field(default_factory=list)
    codes: dict[str, dict[str, str]] = field(default_factory=dict)  # unit id -> data id -> Markdown


def code_ids(source: str, target: str | None):
    """Code ids for the source and target tokens: a Welsh code equal to an English one shares
    its id; any other Welsh code gets its own (w1, w2…)."""
    src = tokenize(source)
    data: dict[str, str] = {}
    s_ids, free = [], {}
    n = 0
    for k, s in src:
        if k == "code":
            n += 1
            data[f"d{n}"] = s
            s_ids.append(str(n))
            free.setdefault(s, []).append(str(n))
        else:
            s_ids.append(None)
    t_tokens, t_ids = [], []
    if target is not None:
        w = 0
        t_tokens = tokenize(target)
        for k, s in t_tokens:
            if k != "code":
                t_ids.append(None)
            elif free.get(s):
                t_ids.append(free[s].pop(0))
            else:
                w += 1
                data[f"dw{w}"] = s
                t_ids.append(f"w{w}")
    return src, s_ids, t_tokens, t_ids, data


def _fill(parent, tokens, ids):
    """Put text and <ph/> placeholders into a <source> or <target> (placeholder n refers to data dn)."""
    last = None
    for (kind, s), cid in zip(tokens, ids):
        if kind == "text":
            if last is None:
                parent.text = (parent.text or "") + s
            else:
                last.tail = (last.tail or "") + s
            continue
        typ, sub = code_type(s)
        # canDelete/canCopy="no": the CAT tool keeps each tag exactly once (the import checks it too)
        last = etree.SubElement(
            parent,
            _q("ph"),
            id=cid,
            dataRef=f"d{cid}",
            type=typ,
            subType=sub,
            disp=s if len(s) <= 60 else s[:57] + "…",
            canCopy="no",
            canDelete="no",
        )
    return parent


def write(pkg: Package) -> bytes:
    store = xliff2.Xliff2File(sourcelanguage="en", targetlanguage="cy")
    store.setsourcelanguage("en")
    store.settargetlanguage("cy")
    store.body.set("original", pkg.original)
    if pkg.notes:
        notes = etree.SubElement(store.body, _q("notes"))
        for cat, text in pkg.notes:
            etree.SubElement(notes, _q("note"), category=cat).text = text
    for u in pkg.units:
        tu = store.addsourceunit("")
        tu.setid(u.id)
        unit_el, seg = tu.getunitelement(), tu.xmlelement
        seg.attrib.pop(XML_SPACE, None)
        unit_el.set(XML_SPACE, "preserve")
        if u.name:
            unit_el.set("name", u.name)
        src_tokens, s_ids, t_tokens, t_ids, data = code_ids(u.source, u.target)
        if u.notes:
            notes = etree.Element(_q("notes"))
            for cat, text in u.notes:
                etree.SubElement(notes, _q("note"), category=cat).text = text
            unit_el.insert(0, notes)
        if data:
            od = etree.Element(_q("originalData"))
            for d, s in data.items():
                etree.SubElement(od, _q("data"), id=d).text = s
            unit_el.insert(unit_el.index(seg), od)
        for child in list(seg):
            seg.remove(child)
        _fill(etree.SubElement(seg, _q("source")), src_tokens, s_ids)
        if u.target is not None:
            _fill(etree.SubElement(seg, _q("target")), t_tokens, t_ids)
        seg.set("state", u.state)
        if u.sub_state:
            seg.set("subState", u.sub_state)
    return bytes(store)


# ------------------------------------------------------------------------------ reading


class PackageError(Exception):
    """The file is not a package this project wrote."""


@dataclass
class ReadUnit:
    id: str
    source: str  # Markdown, codes resolved from originalData
    target: str | None
    state: str | None
    sub_state: str | None
    source_codes: list[str]  # placeholder ids in the source, in order
    target_codes: list[str]  # placeholder ids in the target, in order
    data: dict[str, str]
    problems: list[str]  # what is wrong with the target's markup
    source_copy: bool = False  # the target began as a copy of the English (XLIFF 1.2 for OmegaT)


def inline_text(el, ph_tag: str, placeholder, problems: list[str]) -> str:
    """The Markdown of a <source>/<target>: its text, each placeholder (ph_tag) turned back into its
    code by `placeholder(child)`, and any other tag refused (its text kept). XLIFF 2.0 and 1.2 differ
    only in how a placeholder carries its code."""
    out = [el.text or ""]
    for child in el:
        if child.tag == ph_tag:
            out.append(placeholder(child))
        elif isinstance(child.tag, str):
            problems.append(
                f"<{etree.QName(child).localname}> is not a placeholder this package uses: keep "
                "only the tags that came with the source"
            )
            out.append("".join(child.itertext()))
        out.append(child.tail or "")
    return "".join(out)


def _text_of(el, data: dict[str, str], problems: list[str], ids: list[str]) -> str:
    def placeholder(child) -> str:  # XLIFF 2.0: <ph dataRef> names the code in the unit's <originalData>
        ref = child.get("dataRef")
        ids.append(child.get("id"))
        if ref not in data:
            problems.append(f"placeholder {child.get('id')} refers to data '{ref}', which is not in the unit")
            return ""
        return data[ref]

    return inline_text(el, _q("ph"), placeholder, problems)


def read(raw: bytes) -> Package:
    """The package in an XLIFF 2.0 or 1.2 file (codes resolved back to Markdown)."""
    from . import xliff12

    if xliff12.is_xliff12(raw):
        return xliff12.read(raw)
    try:
        store = xliff2.Xliff2File.parsestring(raw)
    except Exception as exc:  # lxml and translate-toolkit raise several kinds
        raise PackageError(f"not a readable XLIFF 2.0 file ({exc})") from None
    root = store.document.getroot()
    if root.get("srcLang") != "en" or root.get("trgLang") != "cy":
        raise PackageError(f"languages are {root.get('srcLang')}→{root.get('trgLang')}; this project's packages are en→cy")
    files = root.findall(_q("file"))
    if len(files) != 1 or not files[0].get("original"):
        raise PackageError("expected one <file> with the original= path the export wrote")
    file_el = files[0]
    pkg = Package(file_el.get("original"), [])
    for unit_el in file_el.iter(_q("unit")):
        data = {d.get("id"): d.text or "" for d in unit_el.iter(_q("data"))}
        segs = unit_el.findall(_q("segment"))
        problems: list[str] = []
        if len(segs) != 1:
            problems.append(f"the unit has {len(segs)} segments; keep it as one segment (do not split or join it)")
        seg = segs[0] if segs else etree.Element(_q("segment"))
        src_el, tgt_el = seg.find(_q("source")), seg.find(_q("target"))
        s_ids: list[str] = []
        t_ids: list[str] = []
        source = _text_of(src_el, data, [], s_ids) if src_el is not None else ""
        target = _text_of(tgt_el, data, problems, t_ids) if tgt_el is not None else None
        pkg.units.append(
            ReadUnit(unit_el.get("id"), source, target, seg.get("state"), seg.get("subState"), s_ids, t_ids, data, problems)
        )
    return pkg
