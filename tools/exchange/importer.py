"""Write the Welsh of returned XLIFF packages back into docs/cy/… and the data files.

Everything is checked before anything is written: the package's English must still be the
repository's (else the translation is of an older text), every placeholder must come back
unaltered, and every new value must read back from its YAML as written. Each refusal names the
file, the segment and what to do. On success pages are stamped (default_lang_commit) and the
parity and termbase lints run on what was written.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

import yaml

from tiw.core.errors import DataError
from tiw.core.yamlfile import parse_yaml
from tiw.translation import freshness as fr

from .align import align_page, data_fields
from .export import data_package, page_package
from .segments import Segment, apply, front_matter
from .xliff import NEEDS_REVIEW, PackageError, ReadUnit, code_ids, read
from .yamltext import YamlWriteError


@dataclass
class Refusal:
    file: str
    segment: str
    message: str

    def __str__(self):
        return f"{self.file}: segment {self.segment}: {self.message}" if self.segment else f"{self.file}: {self.message}"


@dataclass
class Plan:
    """What one package would write: new file contents, and the pages to stamp."""

    writes: dict[Path, str] = field(default_factory=dict)
    stamp: list[str] = field(default_factory=list)  # pages (path under docs/<lang>/)
    refusals: list[Refusal] = field(default_factory=list)
    changed_segments: int = 0


def _check_units(name: str, got: list[ReadUnit], fresh_units, refuse) -> dict[str, ReadUnit]:
    """The returned units by id, after the checks that do not depend on where they are written."""
    fresh = {u.id: u for u in fresh_units}
    by_id = {u.id: u for u in got}
    if set(by_id) != set(fresh):
        gone, new = sorted(set(fresh) - set(by_id)), sorted(set(by_id) - set(fresh))
        refuse(
            "",
            "the segments are not those of the repository now "
            + (f"(the repository has {', '.join(gone[:5])} that the package lacks) " if gone else "")
            + (f"(the package has {', '.join(new[:5])} that the repository lacks) " if new else "")
            + f"— the English changed since the export: run {name} again and carry your "
            "translations over from your translation memory",
        )
        return {}
    for uid, u in by_id.items():
        fu = fresh[uid]
        _, s_ids, _, t_ids, data = code_ids(fu.source, fu.target)
        altered = [d for d, text in u.data.items() if d not in data or data[d] != text]
        for d in altered:
            refuse(
                uid,
                f"the placeholder data '{d}' was altered ({u.data[d]!r}); it must stay {data.get(d)!r}: "
                "restore the tag from the source",
            )
        if altered:
            continue
        if u.source != fu.source:
            refuse(
                uid,
                "the English source is not the repository's any more (changed since the export): run "
                f"{name} again and carry your translations over from your translation memory",
            )
            continue
        if u.target is None or u.target == "":
            continue
        if u.source_copy and u.target == u.source and fu.target != u.target:
            refuse(
                uid,
                "is not translated: its Welsh is still the copy of the English the package started with "
                "(OmegaT writes the English for a segment left untranslated): translate it, then create "
                "the translated files again",
            )
            continue
        for problem in u.problems:
            refuse(uid, problem)
        required = [i for i in s_ids if i and (fu.target is None or i in t_ids)]
        for i in required:
            n = u.target_codes.count(i)
            code = data.get(f"d{i}", "")
            if n == 0:
                refuse(
                    uid, f"placeholder {i} ({code}) is missing from the Welsh: put the tag back where it belongs in the sentence"
                )
            elif n > 1:
                refuse(uid, f"placeholder {i} ({code}) is in the Welsh {n} times: keep it once")
    return by_id


def plan_page(root: Path, pkg, f: fr.Freshness) -> Plan:
    plan = Plan()
    page = pkg.original.removeprefix("docs/en/")
    cy_rel = f"docs/cy/{page}"

    def refuse(seg, msg):
        plan.refusals.append(Refusal(cy_rel if seg else pkg.original, seg, msg))

    if not (Path(root) / pkg.original).is_file():
        refuse("", f"there is no English page {pkg.original} in the repository any more")
        return plan
    fresh = page_package(root, page, f).package
    units = _check_units(f"make translation-export PAGES={page}", pkg.units, fresh.units, refuse)
    if plan.refusals:
        return plan
    en, cy, alignment = align_page(root, page)
    cy_file = Path(root) / "docs" / "cy" / page
    welsh = alignment.welsh_for()
    complete = cy is not None and not alignment.unpaired_en and not alignment.unpaired_cy
    base_text = cy_file.read_text(encoding="utf-8") if complete else (Path(root) / pkg.original).read_text(encoding="utf-8")
    changes: dict[str, str] = {}
    values: dict[str, tuple[Segment, str]] = {}
    for seg in en:
        u = units[seg.id]
        target = u.target if u.target else None
        place = welsh[seg.id] if complete else seg
        if target is None:
            if complete:
                continue
            if seg.id in welsh:
                target = welsh[seg.id].text
            else:
                refuse(
                    seg.id,
                    f"has no Welsh ({seg.kind.replace('-', ' ')} at docs/en/{page} line {seg.line}): "
                    "translate it before importing",
                )
                continue
        try:
            encoded = place.encode(target)
        except (YamlWriteError, ValueError) as exc:
            refuse(seg.id, str(exc))
            continue
        if encoded != place.raw:
            plan.changed_segments += 1
        changes[place.id] = encoded
        if place.scalar is not None:
            values[place.id] = (place, target)
    if plan.refusals:
        return plan
    new = apply(base_text, changes, welsh.values() if complete else en) if changes else base_text
    # the front matter must still be YAML, with each new value as written
    _, _, body = front_matter(new)
    try:
        meta = yaml.safe_load(body) if body else {}
    except yaml.YAMLError as exc:
        refuse(next(iter(values), "fm"), f"the Welsh makes the front matter invalid YAML ({exc.problem}): reword it")
        return plan
    for sid, (seg, target) in values.items():
        node = meta
        for p in seg.scalar.path:
            node = node[p] if isinstance(node, (dict, list)) else None
        if node != target:
            refuse(sid, "the Welsh does not read back from the YAML front matter as written: reword it")
    if plan.refusals:
        return plan
    old = cy_file.read_text(encoding="utf-8") if cy_file.is_file() else None
    confirmed = all(not (u.sub_state == NEEDS_REVIEW or (u.state == "initial" and u.target)) for u in units.values())
    if new != old or (f.page_state(page).state != fr.UP_TO_DATE and confirmed and old is not None):
        plan.writes[cy_file] = new
        plan.stamp.append(page)
    return plan


def plan_data(root: Path, pkg) -> Plan:
    plan = Plan()
    path = Path(root) / pkg.original

    def refuse(seg, msg):
        plan.refusals.append(Refusal(pkg.original, seg, msg))

    if not path.is_file():
        refuse("", "this data file is not in the repository any more")
        return plan
    fresh = data_package(root, path)
    units = _check_units(f"make translation-export PAGES={pkg.original}", pkg.units, fresh.units, refuse)
    if plan.refusals:
        return plan
    text = path.read_text(encoding="utf-8")
    fields = {fld.id: fld for fld in data_fields(root, path) if fld.cy is not None}
    changes, values = {}, {}
    for uid, u in units.items():
        if not u.target:
            continue
        seg = fields[uid].cy
        try:
            encoded = seg.encode(u.target)
        except YamlWriteError as exc:
            refuse(uid, str(exc))
            continue
        if encoded != seg.raw:
            changes[uid] = encoded
            values[uid] = (seg, u.target)
    if plan.refusals or not changes:
        return plan
    new = apply(text, changes, [fields[k].cy for k in changes])
    try:  # the build's own YAML reader (tiw.data.site), so what passes here loads in the build
        tree, _ = parse_yaml(new, path)
    except DataError as exc:
        refuse(next(iter(values)), f"the Welsh would make the file invalid: {exc}")
        return plan
    for uid, (seg, target) in values.items():
        node = tree
        for p in seg.scalar.path:
            node = node[p]
        if node != target:
            refuse(uid, "the Welsh does not read back from the YAML as written: reword it")
    if not plan.refusals:
        plan.writes[path] = new
        plan.changed_segments = len(changes)
    return plan


def plan_import(root: Path, files: list[Path]) -> Plan:
    """One plan for every package given: all checked before anything is written."""
    total = Plan()
    f = fr.Freshness(root)
    for file in files:
        try:
            pkg = read(Path(file).read_bytes())
        except (OSError, PackageError) as exc:
            total.refusals.append(Refusal(str(file), "", str(exc)))
            continue
        plan = (
            plan_page(root, pkg, f)
            if pkg.original.startswith("docs/en/")
            else plan_data(root, pkg)
            if pkg.original.startswith(("data/", "resources/"))
            else None
        )
        if plan is None:
            total.refusals.append(Refusal(str(file), "", f"original='{pkg.original}' is not a page or data file of this site"))
            continue
        for r in plan.refusals:
            r.file = f"{file} → {r.file}"
        total.refusals += plan.refusals
        total.writes.update(plan.writes)
        total.stamp += plan.stamp
        total.changed_segments += plan.changed_segments
    return total


def carry_out(root: Path, plan: Plan) -> list[str]:
    """Write the plan; stamp its pages with HEAD; returns what was done, for the report."""
    f = fr.Freshness(root)
    sha = f.git.head() if f.available else None
    done = []
    for path, text in plan.writes.items():
        rel = path.relative_to(root).as_posix()
        page = rel.removeprefix("docs/cy/")
        if page in plan.stamp and sha:
            text = fr.write_stamp(text, sha)
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text, encoding="utf-8")
        done.append(rel + (f" (stamped {sha[:12]})" if page in plan.stamp and sha else ""))
    return done


def lint_written(root: Path, written: list[Path]) -> list[str]:
    """Parity and termbase findings in the files just written."""
    from tiw.translation import parity, termbase

    rels = {p.relative_to(root).as_posix() for p in written}
    pages = parity.Pages(Path(root) / "docs")
    equivalents = parity.load_equivalents(Path(root) / "translation" / "link-equivalents.yml")
    out = []
    for rel in sorted(rels):
        if rel.startswith("docs/cy/"):
            out += [str(d) for d in parity.compare(rel.removeprefix("docs/cy/"), pages, equivalents)]
    out += [str(t) for t in termbase.lint(root) if t.file in rels]
    return out
