"""Translators' round trip (tools/exchange): XLIFF packages out and back, refusals, TMX and TBX.

Every test works on a git clone of this repository in a temporary folder (freshness needs git),
so the repository itself is never written."""

from __future__ import annotations

import csv
import io
import re
import subprocess
from pathlib import Path

import pytest
import yaml
from lxml import etree

from tests.buildcopy import build
from tiw import ROOT
from tools.exchange.__main__ import main

NS = "{urn:oasis:names:tc:xliff:document:2.0}"
SCHEMAS = ROOT / "schemas" / "exchange"


def git(repo: Path, *args: str) -> str:
    return subprocess.run(["git", "-C", str(repo), *args], check=True, capture_output=True, text=True).stdout


@pytest.fixture
def repo(tmp_path) -> Path:
    dest = tmp_path / "repo"
    subprocess.run(["git", "clone", "-q", str(ROOT), str(dest)], check=True)
    git(dest, "config", "user.email", "test@example.invalid")
    git(dest, "config", "user.name", "test")
    return dest


def run(repo: Path, capsys, *args: str) -> tuple[int, str]:
    capsys.readouterr()
    code = main(["--root", str(repo), *args])
    return code, capsys.readouterr().out


def export_all(repo: Path, capsys, out: Path) -> list[Path]:
    code, text = run(repo, capsys, "export", "--all", "--out", str(out))
    assert code == 0, text
    return sorted(out.rglob("*.xlf"))


def edit_targets(path: Path, change) -> None:
    tree = etree.parse(str(path))
    for unit in tree.iter(NS + "unit"):
        change(unit)
    tree.write(str(path), xml_declaration=True, encoding="UTF-8")


def target_of(path: Path, unit_id: str):
    tree = etree.parse(str(path))
    unit = next(u for u in tree.iter(NS + "unit") if u.get("id") == unit_id)
    return tree, unit


# ------------------------------------------------------------------------------ round trip


def test_round_trip_with_the_current_welsh_leaves_the_repository_unchanged(repo, capsys, tmp_path):
    files = export_all(repo, capsys, tmp_path / "out")
    assert len([f for f in files if "pages" in f.parts]) == len(list((repo / "docs" / "en").rglob("*.md")))
    code, text = run(repo, capsys, "import", *map(str, files))
    assert code == 0, text
    assert git(repo, "status", "--porcelain") == ""


def test_every_segment_is_written_back_in_its_place(repo, capsys, tmp_path):
    """Change every Welsh target, import, then import the original packages: only stamps differ.
    (The first import proves each segment lands in the file; the second, that it lands exactly.)"""
    original = export_all(repo, capsys, tmp_path / "orig")
    changed = export_all(repo, capsys, tmp_path / "changed")

    def prefix(unit):
        for target in unit.iter(NS + "target"):
            target.text = "Newydd " + (target.text or "")

    for f in changed:
        edit_targets(f, prefix)
    code, text = run(repo, capsys, "import", *map(str, changed))
    diff = git(repo, "diff", "--stat")
    assert "docs/cy/framework/aims.md" in diff and "data/glossary.yml" in diff and "resources/uncrc.yml" in diff
    assert "Newydd Nodau ac amcanion" in (repo / "docs/cy/framework/aims.md").read_text(encoding="utf-8")
    code, text = run(repo, capsys, "import", *map(str, original))
    assert code == 0, text
    changed_lines = [
        line for line in git(repo, "diff", "-U0").splitlines() if line[:1] in "+-" and not line.startswith(("+++", "---"))
    ]
    assert changed_lines and all("default_lang_commit:" in line for line in changed_lines), changed_lines[:5]


def test_outdated_page_one_target_changed_only_that_block_changes_and_the_build_passes(repo, capsys, tmp_path):
    en = repo / "docs/en/framework/aims.md"
    cy = repo / "docs/cy/framework/aims.md"
    en.write_text(
        en.read_text(encoding="utf-8").replace("Its objectives are to:", "Its five objectives are to:"), encoding="utf-8"
    )
    git(repo, "commit", "-qam", "English edit")
    head = git(repo, "rev-parse", "HEAD").strip()
    out = tmp_path / "out"
    code, text = run(repo, capsys, "export", "--outdated", "--out", str(out))
    assert code == 0 and "framework/aims" in text, text
    package = out / "pages/framework/aims.xlf"
    assert sorted(p.name for p in out.rglob("*.xlf")) == ["aims.xlf"]
    tree, unit = target_of(package, "b2")
    seg = unit.find(NS + "segment")
    assert seg.get("state") == "initial" and seg.get("subState") == "tiw:needs-review"
    others = [u for u in tree.iter(NS + "unit") if u.get("id") != "b2"]
    assert all(u.find(NS + "segment").get("state") == "translated" for u in others)
    target = seg.find(NS + "target")
    assert "Ei amcanion yw:" in target.text
    target.text = target.text.replace("Ei amcanion yw:", "Ei bum amcan yw:")
    seg.set("state", "translated")
    del seg.attrib["subState"]
    tree.write(str(package), xml_declaration=True, encoding="UTF-8")
    before = cy.read_text(encoding="utf-8").split("\n")
    code, text = run(repo, capsys, "import", str(package))
    assert code == 0, text
    after = cy.read_text(encoding="utf-8").split("\n")
    assert len(before) == len(after)
    diff = [n for n, (a, b) in enumerate(zip(before, after)) if a != b]
    assert len(diff) == 2, diff
    assert after[diff[0]] == f"default_lang_commit: {head}"
    assert after[diff[1]].endswith("Ei bum amcan yw:") and before[diff[1]].endswith("Ei amcanion yw:")
    assert git(repo, "status", "--porcelain").strip() == "M docs/cy/framework/aims.md"
    # The build needs the installed npm packages (PurgeCSS, the editor's bundle): not project files.
    (repo / "node_modules").symlink_to(ROOT / "node_modules", target_is_directory=True)
    result = build(repo, timeout=600)
    assert result.returncode == 0, result.stderr[-3000:]


def test_a_missing_welsh_page_is_made_from_the_english_and_the_targets(repo, capsys, tmp_path):
    page, cy = "framework/impact.md", repo / "docs/cy/framework/impact.md"
    run(repo, capsys, "export", page, "--out", str(tmp_path / "before"))
    welsh = {
        u.get("id"): u.find(f"{NS}segment/{NS}target")
        for u in etree.parse(str(tmp_path / "before/pages/framework/impact.xlf")).iter(NS + "unit")
    }
    original = cy.read_text(encoding="utf-8")
    git(repo, "rm", "-q", "docs/cy/framework/impact.md")
    git(repo, "commit", "-qm", "Welsh page removed")
    out = tmp_path / "out"
    code, text = run(repo, capsys, "export", "--out", str(out))
    assert code == 0 and "framework/impact" in text and "missing" in text, text
    package = out / "pages/framework/impact.xlf"
    tree = etree.parse(str(package))
    units = list(tree.iter(NS + "unit"))
    assert units and all(u.find(f"{NS}segment/{NS}target") is None for u in units)
    # a package with a segment left untranslated is refused
    for unit in units[:-1]:
        unit.find(NS + "segment").append(welsh[unit.get("id")])
    tree.write(str(package), xml_declaration=True, encoding="UTF-8")
    refused(repo, capsys, package, f"segment {units[-1].get('id')}", "has no Welsh")
    units[-1].find(NS + "segment").append(welsh[units[-1].get("id")])
    tree.write(str(package), xml_declaration=True, encoding="UTF-8")
    code, text = run(repo, capsys, "import", str(package))
    assert code == 0, text
    head = git(repo, "rev-parse", "HEAD").strip()
    made = cy.read_text(encoding="utf-8")
    assert re.sub(r"default_lang_commit: \w+", "", made) == re.sub(r"default_lang_commit: \w+", "", original)
    assert f"default_lang_commit: {head}" in made


# ------------------------------------------------------------------------------ refusals


def refused(repo, capsys, package: Path, *expected: str) -> str:
    code, text = run(repo, capsys, "import", str(package))
    assert code == 1, text
    assert "Import refused: nothing was written" in text
    for e in expected:
        assert e in text, text
    assert git(repo, "status", "--porcelain") == ""
    return text


def test_a_deleted_placeholder_is_refused(repo, capsys, tmp_path):
    out = tmp_path / "out"
    run(repo, capsys, "export", "for-you/which-level.md", "--out", str(out))
    package = out / "pages/for-you/which-level.xlf"
    tree, unit = target_of(package, "b12")
    target = unit.find(f"{NS}segment/{NS}target")
    ph = target.find(NS + "ph")
    (ph.getprevious() if ph.getprevious() is not None else target)
    target.text = (target.text or "") + (ph.tail or "")
    target.remove(ph)
    target.find(NS + "ph")
    tree.write(str(package), xml_declaration=True, encoding="UTF-8")
    refused(
        repo, capsys, package, "docs/cy/for-you/which-level.md: segment b12", "placeholder 1 ([)", "is missing from the Welsh"
    )


def test_an_altered_placeholder_is_refused(repo, capsys, tmp_path):
    out = tmp_path / "out"
    run(repo, capsys, "export", "for-you/which-level.md", "--out", str(out))
    package = out / "pages/for-you/which-level.xlf"
    tree, unit = target_of(package, "b12")
    data = unit.find(f"{NS}originalData/{NS}data[@id='d2']")
    data.text = data.text.replace("{{", "{").replace("}}", "}")
    tree.write(str(package), xml_declaration=True, encoding="UTF-8")
    refused(repo, capsys, package, "segment b12", "placeholder data 'd2' was altered")


def test_a_package_whose_english_changed_since_export_is_refused(repo, capsys, tmp_path):
    out = tmp_path / "out"
    run(repo, capsys, "export", "framework/aims.md", "--out", str(out))
    en = repo / "docs/en/framework/aims.md"
    en.write_text(en.read_text(encoding="utf-8").replace("Its objectives are to:", "Its aims are to:"), encoding="utf-8")
    git(repo, "commit", "-qam", "English edit after export")
    refused(
        repo,
        capsys,
        out / "pages/framework/aims.xlf",
        "segment b2",
        "changed since the export",
        "make translation-export PAGES=framework/aims.md",
    )


def test_a_target_that_breaks_the_yaml_is_refused(repo, capsys, tmp_path):
    out = tmp_path / "out"
    run(repo, capsys, "export", "index.md", "--out", str(out))
    package = out / "pages/index.xlf"
    assert re.search(r"^title: [^\"']", (repo / "docs/cy/index.md").read_text(encoding="utf-8"), re.M)
    tree, unit = target_of(package, "fm.title")
    unit.find(f"{NS}segment/{NS}target").text = "Cymru: wedi'i Llywio gan Drawma"
    tree.write(str(package), xml_declaration=True, encoding="UTF-8")
    refused(repo, capsys, package, "docs/cy/index.md: segment fm.title", "written without quotes")


def test_a_data_field_is_written_in_its_own_quoting(repo, capsys, tmp_path):
    out = tmp_path / "out"
    run(repo, capsys, "export", "data/glossary.yml", "--out", str(out))
    package = out / "data/glossary.xlf"
    tree, unit = target_of(package, "terms.adversity.term")
    unit.find(f"{NS}segment/{NS}target").text = 'Adfyd "mawr"'
    tree.write(str(package), xml_declaration=True, encoding="UTF-8")
    code, text = run(repo, capsys, "import", str(package))
    assert code == 0, text
    diff = git(repo, "diff", "-U0")
    assert '+    term: {en: "Adversity", cy: "Adfyd \\"mawr\\""}' in diff, diff
    terms = yaml.safe_load((repo / "data/glossary.yml").read_text(encoding="utf-8"))["terms"]
    assert next(t for t in terms if t["id"] == "adversity")["term"]["cy"] == 'Adfyd "mawr"'


# ------------------------------------------------------------------------------ formats


def test_packages_validate_against_the_xliff_schema(repo, capsys, tmp_path):
    schema = etree.XMLSchema(etree.parse(str(SCHEMAS / "xliff-2.0-core-subset.xsd")))
    files = export_all(repo, capsys, tmp_path / "out")
    for f in files:
        assert schema.validate(etree.parse(str(f))), f"{f}: {schema.error_log.last_error}"
    # the schema can fail: XLIFF 2.0 has no state "needs-review"
    tree = etree.parse(str(files[0]))
    next(tree.iter(NS + "segment")).set("state", "needs-review")
    assert not schema.validate(tree)


def test_the_validate_command_names_the_file_and_line_of_an_invalid_package(repo, capsys, tmp_path):
    """`python -m tools.exchange validate --schema X.xsd` is how the packages were checked against
    the official OASIS schemas, which the repository cannot carry (schemas/exchange/README.md)."""
    out = tmp_path / "out"
    files = export_all(repo, capsys, out)
    schema = SCHEMAS / "xliff-2.0-core-subset.xsd"
    code, text = run(repo, capsys, "validate", "--schema", str(schema), str(out))
    assert code == 0 and f"{len(files)} file(s) checked" in text and ": 0 invalid." in text, text
    edit_targets(files[0], lambda unit: next(unit.iter(NS + "segment")).set("state", "needs-review"))
    code, text = run(repo, capsys, "validate", "--schema", str(schema), str(out))
    assert code == 1 and ": 1 invalid." in text, text
    assert files[0].name in text and ", line " in text and "needs-review" in text, text


def test_memory_validates_and_counts_every_aligned_segment(repo, capsys, tmp_path):
    # a Welsh page whose first list lost an item: that list's block no longer aligns and is left out
    cy = repo / "docs/cy/framework/aims.md"
    lines = cy.read_text(encoding="utf-8").split("\n")
    first_item = next(n for n, line in enumerate(lines) if line.startswith("- "))
    cy.write_text("\n".join(lines[:first_item] + lines[first_item + 1 :]), encoding="utf-8")
    code, text = run(repo, capsys, "memory", "--out", str(tmp_path))
    assert code == 0, text
    m = re.search(r"(\d+) aligned segments \((\d+) from pages, (\d+) from data files\); left out: (\d+) page", text)
    reported, left_out = int(m.group(1)), int(m.group(4))
    assert left_out == 5  # the English list of five objectives
    doc = etree.parse(str(tmp_path / "tiw-en-cy.tmx"))
    dtd = etree.DTD(str(SCHEMAS / "tmx-1.4b-subset.dtd"))
    assert dtd.validate(doc), dtd.error_log.filter_from_errors()
    assert len(doc.findall(".//tu")) == reported > 1000
    doc.find(".//tu").append(etree.Element("bogus"))
    assert not dtd.validate(doc)


def test_termbase_marks_rejected_welsh_as_deprecated(repo, capsys, tmp_path):
    code, text = run(repo, capsys, "termbase", "--out", str(tmp_path))
    assert code == 0, text
    terms = yaml.safe_load((repo / "data/glossary.yml").read_text(encoding="utf-8"))["terms"]
    doc = etree.parse(str(tmp_path / "termbase.tbx"))
    dtd = etree.DTD(str(SCHEMAS / "tbx-core-subset.dtd"))
    assert dtd.validate(doc), dtd.error_log.filter_from_errors()
    entries = {e.get("id"): e for e in doc.iter("termEntry")}
    assert set(entries) == {t["id"] for t in terms}
    rejected = [(t["id"], r) for t in terms for r in t.get("rejected_cy") or []]
    assert rejected
    for term_id, variant in rejected:
        tig = next(g for g in entries[term_id].iter("tig") if g.findtext("term") == variant)
        assert tig.findtext("termNote[@type='administrativeStatus']") == "deprecatedTerm-admn-sts"
    rows = list(csv.DictReader(io.StringIO((tmp_path / "termbase.csv").read_text(encoding="utf-8"))))
    assert [r["id"] for r in rows] == [t["id"] for t in terms]
    assert all(r["cy"] for r in rows)


def test_notes_carry_location_commit_and_the_termbase_entries_of_the_words(repo, capsys, tmp_path):
    run(repo, capsys, "export", "framework/aims.md", "for-you/which-level.md", "--out", str(tmp_path))
    head = git(repo, "rev-parse", "HEAD").strip()
    _, unit = target_of(tmp_path / "pages/framework/aims.xlf", "b2")
    notes = {n.get("category"): n.text for n in unit.iter(NS + "note")}
    assert notes["location"] == "docs/en/framework/aims.md, line 8 (paragraph)"
    assert notes["source-commit"] == f"English at commit {head}"
    assert "framework → fframwaith" in notes["termbase"]
    # terms inside placeholders (macro arguments, link paths) are not the reader's words
    _, unit = target_of(tmp_path / "pages/for-you/which-level.xlf", "b12")
    assert "termbase" not in {n.get("category") for n in unit.iter(NS + "note")}


# ------------------------------------------------------------------------------ XLIFF 1.2 and the TMX codes

NS12 = "{urn:oasis:names:tc:xliff:document:1.2}"


def test_a_memory_segment_with_a_macro_call_carries_it_as_a_tmx_placeholder(repo, capsys, tmp_path):
    run(repo, capsys, "memory", "--out", str(tmp_path))
    doc = etree.parse(str(tmp_path / "tiw-en-cy.tmx"))
    tu = next(t for t in doc.iter("tu") if t.findtext("prop") == "docs/en/for-you/which-level.md#b12")
    en, cy = (tuv.find("seg") for tuv in tu.findall("tuv"))
    macro = '{{ level_name("trauma-aware") }}'
    assert macro not in (en.text or "") and macro not in (cy.text or "")
    assert [(p.get("x"), p.text) for p in en.iter("ph")][:3] == [
        ("1", "["),
        ("2", macro),
        ("3", "](../framework/levels/trauma-aware.md)"),
    ]
    # the Welsh's codes carry the numbers of the English ones they repeat, as in the XLIFF
    assert [(p.get("x"), p.text) for p in cy.iter("ph")] == [(p.get("x"), p.text) for p in en.iter("ph")]


def test_xliff_1_2_packages_round_trip_and_refuse_an_altered_tag(repo, capsys, tmp_path):
    out = tmp_path / "out"
    code, text = run(
        repo, capsys, "export", "for-you/which-level.md", "index.md", "data/glossary.yml", "--xliff", "1.2", "--out", str(out)
    )
    assert code == 0 and "as XLIFF 1.2" in text, text
    files = sorted(out.rglob("*.xlf"))
    assert all(etree.parse(str(f)).getroot().get("version") == "1.2" for f in files)
    code, text = run(repo, capsys, "import", *map(str, files))
    assert code == 0, text
    assert git(repo, "status", "--porcelain") == ""
    package = out / "pages/for-you/which-level.xlf"
    tree = etree.parse(str(package))
    unit = next(u for u in tree.iter(NS12 + "trans-unit") if u.get("id") == "b12")
    ph = unit.find(f"{NS12}target/{NS12}ph[@id='2']")
    ph.text = ph.text.replace("{{", "{")
    tree.write(str(package), xml_declaration=True, encoding="UTF-8")
    refused(repo, capsys, package, "segment b12", "placeholder data 'd2' was altered")


def test_an_omegat_segment_left_untranslated_is_refused(repo, capsys, tmp_path):
    """OmegaT writes the English for a segment it has no Welsh for: that is not a translation."""
    code, text = run(repo, capsys, "export", "framework/aims.md", "--omegat", "--out", str(tmp_path))
    assert code == 0, text
    package = tmp_path / "omegat/source/pages/framework/aims.xlf"  # as OmegaT writes it when nothing is translated
    refused(repo, capsys, package, "docs/cy/framework/aims.md: segment b2", "is not translated")
    tree = etree.parse(str(package))
    for unit in tree.iter(NS12 + "trans-unit"):
        target = unit.find(NS12 + "target")
        target.text = "<x0/>" + (target.text or "")
    tree.write(str(package), xml_declaration=True, encoding="UTF-8")
    refused(repo, capsys, package, "a tag written as text")
