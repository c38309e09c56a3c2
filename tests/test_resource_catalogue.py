"""The resource catalogue's checks (tiw.data.catalogue), run on temporary resource folders: every kind
of bad entry fails with a message that names the file and the field. And the real catalogue's
seed meets the brief: real, https, at least 15 entries, every level on at least three."""

from __future__ import annotations

import shutil
from pathlib import Path
from types import SimpleNamespace

import pytest
import yaml

from tiw import ROOT
from tiw.core.errors import DataError
from tiw.core.schema import validate_file
from tiw.data.catalogue import TEMPLATE_NAME, load_resources

RESOURCES = ROOT / "resources"

GOOD = """\
id: {id}
title:
  en: "A real-looking English title"
  cy: "Teitl Cymraeg"
summary:
  en: "What it is and who it helps."
  cy: "Beth ydyw ac i bwy mae'n ddefnyddiol."
url: "https://www.nice.org.uk/guidance/ng116"
publisher: "A publisher"
year: 2018
levels: [trauma-aware]
audiences: [practitioners]
settings: [health]
format: guideline
languages: [en]
reviewed: 2026-01-02
"""


@pytest.fixture(scope="module")
def site():
    """What the catalogue checks need from the shared data: the controlled lists."""
    return SimpleNamespace(taxonomy=validate_file(ROOT / "data" / "taxonomy.yml", "taxonomy.schema.yaml"))


def write(folder: Path, name: str, text: str) -> Path:
    path = folder / name
    path.write_text(text, encoding="utf-8")
    return path


def error_for(site, folder: Path) -> str:
    with pytest.raises(DataError) as info:
        load_resources(site, folder)
    return str(info.value)


def test_a_good_entry_loads(site, tmp_path):
    write(tmp_path, "good-one.yml", GOOD.format(id="good-one"))
    assert [r["id"] for r in load_resources(site, tmp_path)] == ["good-one"]


@pytest.mark.parametrize(
    "name, text, field, hint",
    [
        ("broken.yml", GOOD.format(id="broken").replace('  cy: "Teitl Cymraeg"', '  cy: "Teitl Cymraeg'), None, "not valid YAML"),
        ("bad-level.yml", GOOD.format(id="bad-level").replace("[trauma-aware]", "[trauma-awarre]"), "levels[1]", "trauma-awarre"),
        (
            "bad-audience.yml",
            GOOD.format(id="bad-audience").replace("[practitioners]", "[practitioner]"),
            "audiences[1]",
            "practitioner",
        ),
        ("bad-setting.yml", GOOD.format(id="bad-setting").replace("[health]", "[hospital]"), "settings[1]", "hospital"),
        ("bad-format.yml", GOOD.format(id="bad-format").replace("format: guideline", "format: leaflet"), "format", "leaflet"),
        (
            "plain-http.yml",
            GOOD.format(id="plain-http").replace("https://www.nice", "http://www.nice"),
            "url",
            "http://www.nice.org.uk",
        ),
        ("no-welsh-title.yml", GOOD.format(id="no-welsh-title").replace('  cy: "Teitl Cymraeg"\n', ""), "title.cy", "missing"),
        (
            "empty-welsh-summary.yml",
            GOOD.format(id="empty-welsh-summary").replace('  cy: "Beth ydyw ac i bwy mae\'n ddefnyddiol."', '  cy: "  "'),
            "summary.cy",
            "not in the expected form",
        ),
        (
            "no-link.yml",
            GOOD.format(id="no-link").replace('url: "https://www.nice.org.uk/guidance/ng116"\n', ""),
            None,
            "exactly one of url",
        ),
        ("wrong-name.yml", GOOD.format(id="another-name"), "id", "does not match the file name"),
        (
            "no-such-page.yml",
            GOOD.format(id="no-such-page").replace(
                'url: "https://www.nice.org.uk/guidance/ng116"', "page: for-you/no-such-page.md"
            ),
            "page",
            "no page docs/en/",
        ),
        ("future-review.yml", GOOD.format(id="future-review").replace("2026-01-02", "2999-01-01"), "reviewed", "in the future"),
        (
            "welsh-url-not-welsh.yml",
            GOOD.format(id="welsh-url-not-welsh").replace("publisher:", 'url_cy: "https://www.nice.org.uk/cy"\npublisher:'),
            "url_cy",
            "does not list cy",
        ),
    ],
)
def test_each_problem_names_the_file_and_field(site, tmp_path, name, text, field, hint):
    write(tmp_path, "fine.yml", GOOD.format(id="fine"))
    write(tmp_path, name, text)
    message = error_for(site, tmp_path)
    assert name in message, message
    if field:
        assert f"field '{field}'" in message, message
    assert hint in message, message
    assert "line " in message, message


def test_a_duplicate_id_names_both_files(site, tmp_path):
    write(tmp_path, "first-copy.yml", GOOD.format(id="first-copy"))
    write(tmp_path, "second-copy.yml", GOOD.format(id="first-copy"))
    message = error_for(site, tmp_path)
    assert "second-copy.yml" in message and "first-copy.yml" in message, message
    assert "duplicate id" in message and "field 'id'" in message, message


def test_a_yaml_suffix_is_refused_not_ignored(site, tmp_path):
    write(tmp_path, "spelt-long.yaml", GOOD.format(id="spelt-long"))
    message = error_for(site, tmp_path)
    assert "spelt-long.yaml" in message and ".yml" in message, message


def test_the_template_unfilled_is_refused(site, tmp_path):
    shutil.copy(RESOURCES / TEMPLATE_NAME, tmp_path / TEMPLATE_NAME)
    text = (RESOURCES / TEMPLATE_NAME).read_text(encoding="utf-8").replace("id: example-resource-id", "id: copied")
    write(tmp_path, "copied.yml", text)
    message = error_for(site, tmp_path)
    assert "copied.yml" in message and "template" in message, message


# --- the real catalogue -----------------------------------------------------------------------


def _entries() -> list[tuple[Path, dict]]:
    return [(p, yaml.safe_load(p.read_text(encoding="utf-8"))) for p in sorted(RESOURCES.glob("*.yml"))]


def test_the_catalogue_has_enough_entries_and_every_level_on_three():
    entries = _entries()
    assert len(entries) >= 15, f"only {len(entries)} resources"
    for level in ("trauma-aware", "trauma-skilled", "trauma-enhanced", "specialist"):
        tagged = [p.stem for p, e in entries if level in e["levels"]]
        assert len(tagged) >= 3, f"{level}: only {tagged}"


def test_every_external_link_is_https_on_a_confirmed_host():
    """No invented addresses: each url's host is one data/confirmed_sources.yml lists (with its source)."""
    from tests.test_confirmed_sources import confirmed_hosts, host_is_confirmed

    hosts = confirmed_hosts()
    for path, entry in _entries():
        for key in ("url", "url_cy"):
            if key not in entry:
                continue
            url = entry[key]
            assert url.startswith("https://"), f"{path.name}: {url}"
            host = url.split("/")[2]
            assert host_is_confirmed(host, hosts), f"{path.name}: {host} is not a host data/confirmed_sources.yml lists"


def test_site_pages_in_the_catalogue_exist_in_both_languages():
    for path, entry in _entries():
        if "page" in entry:
            for lang in ("en", "cy"):
                assert (ROOT / "docs" / lang / entry["page"]).is_file(), f"{path.name}: docs/{lang}/{entry['page']}"


# --- make new-resource (tools/new_resource.py) ------------------------------------------------


def test_new_resource_writes_the_template_with_id_and_date(site, tmp_path):
    import datetime as dt

    from tools.new_resource import create

    shutil.copy(RESOURCES / TEMPLATE_NAME, tmp_path / TEMPLATE_NAME)
    path = create("a-new-resource", tmp_path, today=dt.date(2026, 3, 4))
    assert path == tmp_path / "a-new-resource.yml"
    data = yaml.safe_load(path.read_text(encoding="utf-8"))
    assert data["id"] == "a-new-resource" and str(data["reviewed"]) == "2026-03-04" and data["year"] == 2026
    # Not filled in yet: the build refuses it, naming the file.
    message = error_for(site, tmp_path)
    assert "a-new-resource.yml" in message and "template" in message


@pytest.mark.parametrize("bad", ["Has-Capitals", "under_score", "-leading", "double--hyphen", "", "example-resource-id"])
def test_new_resource_refuses_an_invalid_id(tmp_path, bad):
    from tools.new_resource import create

    shutil.copy(RESOURCES / TEMPLATE_NAME, tmp_path / TEMPLATE_NAME)
    with pytest.raises(ValueError):
        create(bad, tmp_path)
    assert list(tmp_path.glob("*.yml")) == []


def test_new_resource_refuses_an_existing_id(tmp_path):
    from tools.new_resource import create

    shutil.copy(RESOURCES / TEMPLATE_NAME, tmp_path / TEMPLATE_NAME)
    write(tmp_path, "taken.yml", GOOD.format(id="taken"))
    with pytest.raises(ValueError, match="already exists"):
        create("taken", tmp_path)
    assert (tmp_path / "taken.yml").read_text(encoding="utf-8") == GOOD.format(id="taken")
