"""A real CAT tool, OmegaT (Debian's omegat), round trip: `make cat-tool-check`, not `make test`
(OmegaT is 97 Debian packages, about 140 MB installed: too much for every CI run; TRANSLATING.md).

Export every page and data file as an OmegaT project whose memory is our TMX → OmegaT's console
translate fills each segment from that memory → `translation-import` of OmegaT's files → the
repository is unchanged, except for the segments the project's memory leaves out because OmegaT
cannot apply them (memory._omegat_can_apply: 22 today), which the test types in as a translator
would.
"""

from __future__ import annotations

import shutil
import subprocess
import zipfile
from pathlib import Path

import pytest
from lxml import etree

from tests.test_translation_exchange import git, repo, run  # noqa: F401 (repo is a fixture)
from tiw import ROOT
from tools.exchange import memory, omegat, xliff12

OMEGAT_JAR = Path("/usr/share/omegat/OmegaT.jar")
NS = "{urn:oasis:names:tc:xliff:document:1.2}"


@pytest.fixture(scope="module")
def omegat_cmd() -> str:
    found = shutil.which("omegat")
    assert found and OMEGAT_JAR.is_file(), "OmegaT is not installed: apt-get install omegat (TRANSLATING.md)"
    return found


def console_translate(cmd: str, project: Path, config: Path) -> None:
    config.mkdir(parents=True, exist_ok=True)
    (config / "omegat.prefs").write_bytes(omegat.preferences_file())
    result = subprocess.run(
        [cmd, str(project), "--mode=console-translate", f"--config-dir={config}", "--quiet"],
        capture_output=True,
        text=True,
        timeout=600,
    )
    assert result.returncode == 0, result.stdout[-2000:] + result.stderr[-2000:]


def test_omegat_fills_every_segment_from_our_memory_and_the_import_leaves_the_repository_unchanged(
    repo,  # noqa: F811
    capsys,
    tmp_path,
    omegat_cmd,
):
    out = tmp_path / "out"
    code, text = run(repo, capsys, "export", "--all", "--omegat", "--out", str(out))
    assert code == 0, text
    project = out / "omegat"
    console_translate(omegat_cmd, project, tmp_path / "config")
    files = sorted((project / "target").rglob("*.xlf"))
    assert len(files) == len(list((project / "source").rglob("*.xlf"))) > 60
    code, text = run(repo, capsys, "import", *map(str, files))
    assert code == 1, text
    refused = {line.split(" → ")[1].split(": is not")[0] for line in text.splitlines() if "is not translated" in line}
    left_out = memory.translation_memory(ROOT, omegat=True)[1].omegat_left_out
    assert 0 < len(left_out) < 40
    expected = {c.replace("docs/en/", "docs/cy/", 1).replace("#", ": segment ") for c in left_out}
    assert refused == expected and text.count(": segment ") == len(expected), text
    assert git(repo, "status", "--porcelain") == ""
    # the translator's part for those: the current Welsh, typed into OmegaT's file
    standard = tmp_path / "standard"
    code, text = run(repo, capsys, "export", "--all", "--xliff", "1.2", "--out", str(standard))
    assert code == 0, text
    for context in left_out:
        original, unit_id = context.split("#")
        rel = Path(original.removeprefix("docs/en/")).with_suffix(".xlf")
        rel = Path("pages") / rel if original.startswith("docs/en/") else rel
        welsh = etree.parse(str(standard / rel))
        want = next(u for u in welsh.iter(NS + "trans-unit") if u.get("id") == unit_id).find(NS + "target")
        path = project / "target" / rel
        tree = etree.parse(str(path))
        unit = next(u for u in tree.iter(NS + "trans-unit") if u.get("id") == unit_id)
        unit.replace(unit.find(NS + "target"), want)
        tree.write(str(path), xml_declaration=True, encoding="UTF-8")
    code, text = run(repo, capsys, "import", *map(str, files))
    assert code == 0, text
    assert git(repo, "status", "--porcelain") == ""


def test_omegat_keeps_the_tags_and_a_changed_translation_comes_back_as_written(repo, capsys, tmp_path, omegat_cmd):  # noqa: F811
    """Through OmegaT's own project memory: one segment with a macro and links gets new Welsh;
    OmegaT writes it with every tag in place and the import writes only that block."""
    out = tmp_path / "out"
    run(repo, capsys, "export", "for-you/which-level.md", "--omegat", "--out", str(out))
    project = out / "omegat"
    memory = project / "tm" / "auto" / "tiw-en-cy.tmx"
    tree = etree.parse(str(memory))
    tu = next(t for t in tree.iter("tu") if t.findtext("prop") == "docs/en/for-you/which-level.md#b12")
    seg = tu.findall("tuv")[1].find("seg")
    assert seg.text == "Pob lefel yn llawn: " and len(seg) == 12  # the codes travel as <ph>
    seg.text = "Pob lefel, yn llawn: "
    tree.write(str(memory), xml_declaration=True, encoding="UTF-8")
    console_translate(omegat_cmd, project, tmp_path / "config")
    code, text = run(repo, capsys, "import", str(project / "target/pages/for-you/which-level.xlf"))
    assert code == 0, text
    diff = [
        line
        for line in git(repo, "diff", "-U0").splitlines()
        if line[:1] in "+-" and not line.startswith(("+++", "---")) and "default_lang_commit:" not in line
    ]
    link = '[{{ level_name("trauma-aware") }}](../framework/levels/trauma-aware.md),'
    assert diff == [f"-- Pob lefel yn llawn: {link}", f"+- Pob lefel, yn llawn: {link}"], diff


def test_our_memory_validates_against_the_official_tmx_dtd_that_omegat_ships(repo, capsys, tmp_path, omegat_cmd):  # noqa: F811
    """The LISA TMX 1.4 DTD and OmegaT's TBX schema, read from Debian's OmegaT.jar (no registry
    this project can install from ships them otherwise)."""
    with zipfile.ZipFile(OMEGAT_JAR) as jar:
        dtd = etree.DTD(jar.open("schemas/tmx14.dtd"))
        (tmp_path / "xml.xsd").write_bytes(jar.read("schemas/xml.xsd"))
        (tmp_path / "tbx.xsd").write_bytes(jar.read("schemas/tbx.xsd"))
    run(repo, capsys, "memory", "--out", str(tmp_path))
    run(repo, capsys, "termbase", "--out", str(tmp_path))
    doc = etree.parse(str(tmp_path / "tiw-en-cy.tmx"))
    assert doc.find(".//ph") is not None
    assert dtd.validate(doc), dtd.error_log.filter_from_errors()[:3]
    doc.find(".//ph").set("bogus", "1")
    assert not dtd.validate(doc)
    tbx = etree.XMLSchema(etree.parse(str(tmp_path / "tbx.xsd")))
    doc = etree.parse(str(tmp_path / "termbase.tbx"))
    assert tbx.validate(doc), tbx.error_log.last_error
    # and the XLIFF 1.2 packages parse back as written
    run(repo, capsys, "export", "framework/aims.md", "--xliff", "1.2", "--out", str(tmp_path / "x"))
    pkg = xliff12.read((tmp_path / "x/pages/framework/aims.xlf").read_bytes())
    assert pkg.original == "docs/en/framework/aims.md" and all(u.target for u in pkg.units)
