"""The browser editor's configuration (Decap CMS), generated from schemas/ and data/ so the two never drift.

Every property of the resource and service schemas becomes an editor field through `_field()`; a
property it cannot map stops the build with the schema file and the property's path, so a new
schema field cannot be forgotten. The controlled lists (levels, audiences, settings, formats,
languages) come from data/levels.yml and data/taxonomy.yml; patterns (https-only addresses, ids,
dates) come from the schemas themselves. Labels and hints are in tiw_editor/strings.yml.
"""

from __future__ import annotations

from functools import cache
from pathlib import Path
from typing import Any

import yaml

from tiw import LANGS, ROOT
from tiw.build import state
from tiw.core.paths import SCHEMA_DIR

STRINGS = Path(__file__).with_name("strings.yml")
# The news front matter that tiw/news.py reads (title, date, summary, optional tags) plus the body.
NEWS_FIELDS = ("title", "date", "summary", "tags", "body")
# The folder the editor sees for news; the backend wrapper in static/admin.js maps
# news/<lang>/<file> to docs/<lang>/news/posts/<file> (Decap puts the language just above the file).
NEWS_FOLDER = "news"
DATE_FORMAT = "YYYY-MM-DD"
# Schema properties whose list comes from data/ rather than from the schema itself.
VOCABULARIES = {"audiences": "audiences", "settings": "settings", "format": "formats", "languages": "languages"}


class EditorConfigError(Exception):
    """A schema or strings.yml entry the editor's configuration cannot be made from."""


# libyaml's loader where it is built in (it is in Debian's and PyPI's PyYAML): the pure-Python one
# took 0.15 s of every build for these two files.
_LOADER = getattr(yaml, "CSafeLoader", yaml.SafeLoader)


def _schema(name: str) -> dict:
    # read again when the file changes: `make serve` rebuilds in one process, after a schema edit too
    path = SCHEMA_DIR / name
    return _schema_text(path, path.stat().st_mtime_ns)


@cache
def _schema_text(path: Path, mtime_ns: int) -> dict:
    return yaml.load(path.read_text(encoding="utf-8"), Loader=_LOADER)


def _strings() -> dict:
    return yaml.load(STRINGS.read_text(encoding="utf-8"), Loader=_LOADER)


def _resolve(node: dict, schema_file: str) -> tuple[dict, str, str | None]:
    """Follow $ref (merging any sibling keys); returns the node, its file and the $defs name it came from."""
    ref_name = None
    while "$ref" in node:
        target, _, pointer = node["$ref"].partition("#")
        schema_file = target or schema_file
        found: Any = _schema(schema_file)
        for part in pointer.strip("/").split("/"):
            found = found[part]
        ref_name = pointer.rsplit("/", 1)[-1]
        node = {**found, **{k: v for k, v in node.items() if k != "$ref"}}
    return node, schema_file, ref_name


class _Builder:
    def __init__(self, lang: str):
        self.lang = lang
        self.strings = _strings()
        self.data = state.site()  # the build's data, read once (tiw.build.state)

    def say(self, entry: dict, where: str) -> str:
        if not isinstance(entry, dict) or not all(isinstance(entry.get(lang), str) and entry[lang].strip() for lang in LANGS):
            raise EditorConfigError(
                f'{STRINGS.relative_to(ROOT)}: {where}: write it in both languages, as {{en: "...", cy: "..."}}'
            )
        return entry[self.lang]

    def labelled(self, name: str, where: str) -> dict:
        entry = self.strings["fields"].get(name)
        if entry is None:
            raise EditorConfigError(
                f"{STRINGS.relative_to(ROOT)}: no label for the field '{name}' ({where}). "
                f'Add under fields: `{name}: {{label: {{en: "...", cy: "..."}}}}`'
            )
        out = {"name": name, "label": self.say(entry.get("label"), f"fields.{name}.label")}
        if "hint" in entry:
            out["hint"] = self.say(entry["hint"], f"fields.{name}.hint")
        return out

    def pattern_message(self, key: str) -> str:
        entry = self.strings.get("patterns", {}).get(key)
        if entry is None:
            raise EditorConfigError(
                f"{STRINGS.relative_to(ROOT)}: no message for the pattern '{key}'. "
                f'Add under patterns: `{key}: {{en: "...", cy: "..."}}`'
            )
        return self.say(entry, f"patterns.{key}")

    def options(self, values, where: str, labels: dict | None = None) -> list[dict]:
        out = []
        for value in values:
            label = (labels or {}).get(value)
            out.append({"value": value, "label": self.say(label, f"{where}.{value}") if label else value})
        return out

    def vocabulary(self, name: str) -> list[dict]:
        return [{"value": e["id"], "label": e["label"][self.lang]} for e in self.data.taxonomy[name]]

    def levels(self) -> list[dict]:
        return [{"value": lv["id"], "label": lv["name"][self.lang]} for lv in self.data.levels]

    def text_fields(self, node: dict, schema_file: str, required: bool = True) -> list[dict]:
        # Both languages are required when the text is; an optional text left empty is removed on
        # saving (static/admin.js) and a half-written one is refused by the build.
        pattern = node["properties"]["en"].get("pattern")
        fields = []
        for lang in LANGS:
            f = {**self.labelled(lang, f"{schema_file} text"), "widget": "string", "required": required}
            if pattern and required:
                f["pattern"] = [pattern, self.pattern_message("text")]
            fields.append(f)
        return fields

    def field(self, name: str, node: dict, schema_file: str, path: str, required: bool) -> dict:
        """One schema property as one editor field."""
        where = f"schemas/{schema_file}, property {path}"
        node, file, ref = _resolve(node, schema_file)
        f = {**self.labelled(name, where), "required": required}
        nullable = False
        for key in ("anyOf", "oneOf"):
            if key in node:
                options = [_resolve(o, file) for o in node[key]]
                kinds = [r for _, _, r in options]
                if name == "publisher" and sorted(map(str, kinds)) == ["None", "text"]:
                    # A name once, or {en, cy} when it has an official Welsh form: static/admin.js.
                    return {**f, "widget": "tiw-publisher"}
                rest = [o for o in options if o[0].get("type") != "null"]
                if len(rest) == 1 and len(options) == 2:
                    nullable = True
                    node, file, ref = rest[0]
                else:
                    raise EditorConfigError(f"{where}: the editor has no field for this {key}; extend tiw_editor/config.py")
        if nullable:
            f["required"] = False
            f["tiw_null_when_empty"] = True
        if ref == "text":
            return {**f, "widget": "object", "collapsed": False, "fields": self.text_fields(node, file, f["required"])}
        if ref == "text_list":
            item, _, _ = _resolve(node["items"], file)
            return {
                **f,
                "widget": "list",
                "fields": self.text_fields(item, file),
                **({"min": node["minItems"]} if "minItems" in node else {}),
            }
        if ref == "date":
            return {
                **f,
                "widget": "datetime",
                "format": DATE_FORMAT,
                "date_format": DATE_FORMAT,
                "time_format": False,
                "pattern": [node["pattern"], self.pattern_message("date")],
            }
        if ref in ("id", "https_url"):
            return {**f, "widget": "string", "pattern": [node["pattern"], self.pattern_message(ref)]}
        if ref == "level_id" or (node.get("type") == "array" and _resolve(node["items"], file)[2] == "level_id"):
            return {
                **f,
                "widget": "select",
                "multiple": node.get("type") == "array",
                "options": self.levels(),
                **({"min": node["minItems"]} if "minItems" in node else {}),
            }
        if name in VOCABULARIES:
            multiple = node.get("type") == "array"
            return {
                **f,
                "widget": "select",
                "multiple": multiple,
                "options": self.vocabulary(VOCABULARIES[name]),
                **({"min": node["minItems"]} if "minItems" in node else {}),
            }
        if "enum" in node:
            labels = self.strings.get("options", {}).get(name)
            return {**f, "widget": "select", "options": self.options(node["enum"], f"options.{name}", labels)}
        kind = node.get("type")
        if kind == "integer":
            return {
                **f,
                "widget": "number",
                "value_type": "int",
                **{k: node[k] for k in ("min", "max") if k in node},
                **({"min": node["minimum"]} if "minimum" in node else {}),
                **({"max": node["maximum"]} if "maximum" in node else {}),
            }
        if kind == "boolean":
            return {**f, "widget": "boolean"}
        if kind == "string":
            return {
                **f,
                "widget": "string",
                **({"pattern": [node["pattern"], self.pattern_message(name)]} if "pattern" in node else {}),
            }
        if kind == "array" and "items" in node:
            item, item_file, _ = _resolve(node["items"], file)
            if item.get("type") == "object":
                # A collapsed item shows its name (or label) in the editor's language.
                title = next((k for k in ("name", "label", "id") if k in item.get("properties", {})), None)
                summary = (
                    {
                        "summary": f"{{{{fields.{title}.{self.lang}}}}}"
                        if title in ("name", "label")
                        else f"{{{{fields.{title}}}}}"
                    }
                    if title
                    else {}
                )
                return {
                    **f,
                    "widget": "list",
                    **summary,
                    "fields": self.object_fields(item, item_file, path),
                    **({"min": node["minItems"]} if "minItems" in node else {}),
                }
        if kind == "object" and "properties" in node:
            return {**f, "widget": "object", "fields": self.object_fields(node, file, path)}
        raise EditorConfigError(f"{where}: the editor has no field for this kind of value; extend tiw_editor/config.py")

    def object_fields(self, node: dict, schema_file: str, path: str = "") -> list[dict]:
        required = set(node.get("required", []))
        return [
            self.field(name, sub, schema_file, f"{path}.{name}".lstrip("."), name in required)
            for name, sub in node["properties"].items()
        ]

    def collection_text(self, key: str, part: str) -> str:
        return self.say(self.strings["collections"][key][part], f"collections.{key}.{part}")

    def news(self) -> dict:
        fields = {n: self.labelled(n, "news") for n in NEWS_FIELDS}
        date = _resolve({"$ref": "common.schema.yaml#/$defs/date"}, "common.schema.yaml")[0]
        b_date = self.pattern_message("date")
        return {
            "name": "news",
            "label": self.collection_text("news", "label"),
            "label_singular": self.collection_text("news", "singular"),
            "description": self.collection_text("news", "description"),
            "folder": NEWS_FOLDER,
            "extension": "md",
            "format": "frontmatter",
            "create": True,
            # tiw/news.py: the file name is the date and a short name (the same in both languages).
            "slug": "{{year}}-{{month}}-{{day}}-{{slug}}",
            "summary": "{{date}}: {{title}}",
            "sortable_fields": ["date", "title"],
            "i18n": True,
            "fields": [
                {**fields["title"], "widget": "string", "i18n": True},
                {
                    **fields["date"],
                    "widget": "datetime",
                    "format": DATE_FORMAT,
                    "date_format": DATE_FORMAT,
                    "time_format": False,
                    "i18n": "duplicate",
                    "pattern": [date["pattern"], b_date],
                },
                {**fields["summary"], "widget": "text", "i18n": True},
                {**fields["tags"], "widget": "list", "required": False, "i18n": True},
                # Markdown as text: Decap's rich-text mode fails WCAG checks (unnamed toolbar
                # controls, nested buttons) and cannot be fixed from outside.
                {**fields["body"], "widget": "markdown", "i18n": True, "modes": ["raw"], "editor_components": []},
            ],
        }

    def resources(self) -> dict:
        schema = _schema("resource.schema.yaml")
        return {
            "name": "resources",
            "label": self.collection_text("resources", "label"),
            "label_singular": self.collection_text("resources", "singular"),
            "description": self.collection_text("resources", "description"),
            "folder": "resources",
            "extension": "yml",
            "format": "yml",
            "create": True,
            "identifier_field": "id",
            "slug": "{{id}}",
            "summary": "{{title.en}} ({{id}})",
            "fields": self.object_fields(schema, "resource.schema.yaml"),
        }

    def help(self) -> dict:
        schema = _schema("services.schema.yaml")
        return {
            "name": "help",
            "label": self.collection_text("help", "label"),
            "editor": {"preview": False},
            "description": self.collection_text("help", "description"),
            "files": [
                {
                    "name": "services",
                    "label": self.collection_text("services_file", "label"),
                    "file": "data/services.yml",
                    "format": "yml",
                    "fields": self.object_fields(schema, "services.schema.yaml"),
                }
            ],
        }


def editor_config(lang: str) -> dict:
    """The Decap configuration of the editor whose interface is in `lang` (both edit both languages).

    The backend is chosen in the browser (static/admin.js): the local proxy when `make edit` serves
    the page, otherwise the GitHub settings under `production`.
    """
    b = _Builder(lang)
    return {
        "locale": lang,
        "load_config_file": False,
        "publish_mode": "editorial_workflow",
        # Only the news collection opts in (i18n: true); resources and services keep {en, cy} pairs.
        "i18n": {"structure": "multiple_folders", "locales": list(LANGS), "default_locale": LANGS[0]},
        "media_folder": "docs/assets/images/uploads",
        "public_folder": "/assets/images/uploads",
        "slug": {"encoding": "ascii", "clean_accents": True, "sanitize_replacement": "-"},
        "collections": [b.news(), b.resources(), b.help()],
    }


def schema_properties(schema_file: str) -> set[str]:
    """Every property path the schema defines (nested lists and objects included), for the tests."""
    out: set[str] = set()

    def walk(node: dict, file: str, path: str):
        node, file, ref = _resolve(node, file)
        if ref in ("text", "text_list"):
            return
        if node.get("type") == "array" and "items" in node:
            walk(node["items"], file, path)
        for name, sub in node.get("properties", {}).items():
            out.add(f"{path}.{name}".lstrip("."))
            walk(sub, file, f"{path}.{name}")

    walk(_schema(schema_file), schema_file, "")
    return out


def editor_field_paths(fields: list[dict], path: str = "") -> set[str]:
    """Every field path of a Decap field list (the {en, cy} pairs counted as one field)."""
    out: set[str] = set()
    for f in fields:
        here = f"{path}.{f['name']}".lstrip(".")
        out.add(here)
        sub = f.get("fields") or []
        if sub and {s["name"] for s in sub} != set(LANGS):
            out |= editor_field_paths(sub, here)
    return out
