"""The browser editor's configuration (tiw_editor/config.py) matches the schemas and data it is made from."""

from __future__ import annotations

import copy

import pytest
import yaml

from tiw import LANGS
from tiw.data.site import load_site_data
from tiw_editor import config as editor
from tiw_editor.config import EditorConfigError, editor_config, editor_field_paths, schema_properties


def collection(lang: str, name: str) -> dict:
    return next(c for c in editor_config(lang)["collections"] if c["name"] == name)


def fields_by_name(fields: list[dict]) -> dict:
    return {f["name"]: f for f in fields}


@pytest.mark.parametrize("lang", LANGS)
def test_every_resource_and_service_schema_field_has_an_editor_field(lang):
    resources = collection(lang, "resources")["fields"]
    assert editor_field_paths(resources) == schema_properties("resource.schema.yaml")
    services = collection(lang, "help")["files"][0]["fields"]
    assert editor_field_paths(services) == schema_properties("services.schema.yaml")


def test_a_new_schema_field_without_an_editor_field_stops_the_build(monkeypatch):
    schema = copy.deepcopy(editor._schema("resource.schema.yaml"))
    schema["properties"]["audience_note"] = {"type": "string"}
    real = editor._schema
    monkeypatch.setattr(editor, "_schema", lambda name: schema if name == "resource.schema.yaml" else real(name))
    with pytest.raises(EditorConfigError, match="audience_note"):
        editor_config("en")


def test_the_controlled_lists_come_from_taxonomy_and_levels():
    site = load_site_data()
    for lang in LANGS:
        f = fields_by_name(collection(lang, "resources")["fields"])
        assert [o["value"] for o in f["levels"]["options"]] == [lv["id"] for lv in site.levels]
        assert [o["label"] for o in f["levels"]["options"]] == [lv["name"][lang] for lv in site.levels]
        for name, vocab in (
            ("audiences", "audiences"),
            ("settings", "settings"),
            ("format", "formats"),
            ("languages", "languages"),
        ):
            assert [o["value"] for o in f[name]["options"]] == [e["id"] for e in site.taxonomy[vocab]], name
        assert f["levels"]["multiple"] and f["audiences"]["multiple"] and not f["format"]["multiple"]


def test_addresses_dates_and_ids_carry_the_schemas_patterns():
    common = editor._schema("common.schema.yaml")["$defs"]
    f = fields_by_name(collection("en", "resources")["fields"])
    assert f["url"]["pattern"][0] == f["url_cy"]["pattern"][0] == common["https_url"]["pattern"]
    assert f["reviewed"]["pattern"][0] == common["date"]["pattern"] and f["reviewed"]["widget"] == "datetime"
    assert f["id"]["pattern"][0] == common["id"]["pattern"]
    assert [s["required"] for s in f["title"]["fields"]] == [True, True]
    s = fields_by_name(collection("en", "help")["files"][0]["fields"][0]["fields"])
    assert s["source_url"]["pattern"][0] == common["https_url"]["pattern"] and s["source_url"]["tiw_null_when_empty"]
    assert s["hours"]["tiw_null_when_empty"] and s["checked"]["widget"] == "datetime"


def test_news_edits_both_languages_with_a_shared_date():
    news = collection("en", "news")
    assert editor_config("en")["i18n"]["locales"] == list(LANGS) and news["i18n"] is True
    f = fields_by_name(news["fields"])
    # The front matter tiw/news.py reads, and the body.
    assert set(f) == {"title", "date", "summary", "tags", "body"}
    assert f["date"]["i18n"] == "duplicate" and all(f[n]["i18n"] is True for n in ("title", "summary", "body"))
    assert news["slug"].startswith("{{year}}-{{month}}-{{day}}-")


def test_both_interfaces_have_the_same_fields_in_their_own_language():
    en, cy = editor_config("en"), editor_config("cy")
    assert en["locale"] == "en" and cy["locale"] == "cy"

    def shape(fields):
        return [(f["name"], f["widget"], shape(f.get("fields", []))) for f in fields]

    for a, b in zip(en["collections"], cy["collections"]):
        assert shape(a.get("fields", [])) == shape(b.get("fields", []))
        assert a["label"] != b["label"]


def test_every_editor_string_is_in_both_languages():
    strings = yaml.safe_load(editor.STRINGS.read_text(encoding="utf-8"))

    def texts(node, where=""):
        if isinstance(node, dict) and set(node) == set(LANGS):
            yield where, node
        elif isinstance(node, dict):
            for k, v in node.items():
                yield from texts(v, f"{where}.{k}")

    found = list(texts(strings))
    assert len(found) > 50
    for where, text in found:
        assert all(isinstance(text[lang], str) and text[lang].strip() for lang in LANGS), where
        assert text["en"] != text["cy"] or text["en"] in ("Markdown",), where


def test_files_the_editor_rewrites_keep_their_notes_in_fields_not_comments():
    """Decap rewrites a YAML file without its comments: a source or a reason written as a comment in
    resources/*.yml or data/services.yml would be lost at the first save, so it goes in source_note
    (both schemas) or in the schema's descriptions. Only services.yml's two-line pointer is allowed."""
    import re

    from tiw import ROOT

    quoted = re.compile(r'"(?:[^"\\]|\\.)*"|\'[^\']*\'')
    files = [*sorted((ROOT / "resources").glob("*.yml")), ROOT / "data" / "services.yml"]
    found = []
    for path in files:
        lines = path.read_text(encoding="utf-8").splitlines()
        start = 2 if path.name == "services.yml" and all(x.startswith("# ") for x in lines[:2]) else 0
        for n, line in enumerate(lines[start:], start + 1):
            if re.search(r"(^|\s)#", quoted.sub("", line)):
                found.append(f"{path.relative_to(ROOT)}, line {n}: {line.strip()}")
    assert not found, "write these in source_note instead:\n" + "\n".join(found)
    assert "source_note" in schema_properties("resource.schema.yaml")
    assert "services.source_note" in schema_properties("services.schema.yaml")


def test_the_production_backend_block_comes_from_the_hosts_settings(monkeypatch):
    """README.md, "What a host must set for production": the GitHub backend cannot be tried here,
    but the block the build writes into editor.json can."""
    from mkdocs.exceptions import PluginError

    from hooks import editor as hook

    for name in ("TIW_EDITOR_REPO", "TIW_EDITOR_BRANCH", "TIW_EDITOR_API_ROOT", "TIW_EDITOR_AUTH_URL"):
        monkeypatch.delenv(name, raising=False)
    assert hook._production() is None, "not connected without a repository"
    monkeypatch.setenv("TIW_EDITOR_REPO", "example-org/trauma-informed-wales")
    monkeypatch.setenv("TIW_EDITOR_AUTH_URL", "https://auth.example.org")
    assert hook._production() == {
        "repo": "example-org/trauma-informed-wales",
        "branch": "main",
        "api_root": "/github-api",
        "base_url": "https://auth.example.org",
    }
    assert editor_config("en")["publish_mode"] == "editorial_workflow", "every save is a pull request"
    monkeypatch.setenv("TIW_EDITOR_AUTH_URL", "http://auth.example.org")
    with pytest.raises(PluginError, match="https://"):
        hook._production()
    monkeypatch.setenv("TIW_EDITOR_REPO", "not a repository")
    with pytest.raises(PluginError, match="owner/name"):
        hook._production()
