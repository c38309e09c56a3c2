"""Load the site's shared data (data/*.yml, resources/*.yml) and validate it against schemas/.

Every error names the file, the line, the entry and the field, and says what is expected, so
that an editor can fix it without reading Python. Loading is cached on the files' modification
times: `mkdocs serve` picks up edits, a build reads each file once for both languages.
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import yaml
from jsonschema import Draft202012Validator, FormatChecker
from referencing import Registry, Resource
from referencing.jsonschema import DRAFT202012

from tiw import LANGS, ROOT
from tiw.sourcetext import EncodingProblem, read_source

DATA_DIR = ROOT / "data"
SCHEMA_DIR = ROOT / "schemas"
RESOURCES_DIR = ROOT / "resources"

# data file stem -> schema file. Every file listed here must exist.
DATASETS = {
    "levels": "levels.schema.yaml",
    "principles": "principles.schema.yaml",
    "ways_of_working": "ways_of_working.schema.yaml",
    "wellbeing_goals": "wellbeing_goals.schema.yaml",
    "glossary": "glossary.schema.yaml",
    "systems": "systems.schema.yaml",
    "services": "services.schema.yaml",
    "taxonomy": "taxonomy.schema.yaml",
    "ui": "ui.schema.yaml",
    "which_level": "which_level.schema.yaml",
}


class DataError(Exception):
    """Bad data. The message is written for the editor who has to fix it."""


class _Loader(getattr(yaml, "CSafeLoader", yaml.SafeLoader)):  # libyaml when present: 10x faster
    """SafeLoader that keeps dates as text (the schemas check their YYYY-MM-DD form) and refuses
    duplicate keys, which plain YAML silently resolves by keeping the last one."""


_Loader.yaml_implicit_resolvers = {
    ch: [(tag, rx) for tag, rx in resolvers if tag != "tag:yaml.org,2002:timestamp"]
    for ch, resolvers in yaml.SafeLoader.yaml_implicit_resolvers.items()
}


def _construct_mapping(loader: _Loader, node: yaml.MappingNode, deep: bool = False) -> dict:
    seen: dict[Any, int] = {}
    for key_node, _ in node.value:
        key = loader.construct_object(key_node, deep=True)
        if key in seen:
            raise yaml.constructor.ConstructorError(
                None, None, f"the key '{key}' appears twice in the same entry (first on line {seen[key]})",
                key_node.start_mark,
            )
        seen[key] = key_node.start_mark.line + 1
    return loader.construct_mapping(node, deep=deep)


_Loader.add_constructor(yaml.resolver.BaseResolver.DEFAULT_MAPPING_TAG, _construct_mapping)


def rel(path: Path) -> str:
    try:
        return str(path.resolve().relative_to(ROOT))
    except ValueError:
        return str(path)


def _line_map(node: yaml.Node, path: tuple = (), out: dict | None = None) -> dict[tuple, int]:
    """Map each path (tuple of keys and indexes) in a composed YAML document to its line number."""
    out = {} if out is None else out
    out.setdefault(path, node.start_mark.line + 1)
    if isinstance(node, yaml.MappingNode):
        for key_node, value_node in node.value:
            key = key_node.value
            out[path + (key,)] = key_node.start_mark.line + 1
            _line_map(value_node, path + (key,), out)
    elif isinstance(node, yaml.SequenceNode):
        for i, item in enumerate(node.value):
            _line_map(item, path + (i,), out)
    return out


def parse_yaml(text: str, path: Path, *, first_line: int = 1, what: str = "this") -> tuple[Any, yaml.Node | None]:
    """Parse YAML text from `path` (starting at line `first_line` of that file): (data, node tree).
    Malformed YAML raises DataError with the file's line number."""
    try:
        loader = _Loader(text)  # parse once: the node tree gives the lines, the data is built from it
        try:
            node = loader.get_single_node()
            return (loader.construct_document(node) if node is not None else None), node
        finally:
            loader.dispose()
    except yaml.YAMLError as exc:
        mark = getattr(exc, "problem_mark", None) or getattr(exc, "context_mark", None)
        where = f", line {mark.line + first_line}" if mark else ""
        problem = getattr(exc, "problem", None) or str(exc)
        raise DataError(
            f"{rel(path)}{where}: {what} is not valid YAML ({problem}). "
            "Check the indentation, quotes and colons on or just before that line."
        ) from None


def read_yaml(path: Path) -> tuple[Any, dict[tuple, int]]:
    """Parse one YAML file; return (data, line map). Malformed YAML raises DataError with the line."""
    if not path.is_file():
        raise DataError(f"{rel(path)}: the file is missing. Expected a YAML data file here.")
    data, node = parse_yaml(read_text(path), path)
    return data, (_line_map(node) if node is not None else {})


def read_text(path: Path) -> str:
    """An editor's file as text (BOM and CRLF accepted); a non-UTF-8 byte raises DataError with
    its line and column."""
    try:
        return read_source(path, rel(path))
    except EncodingProblem as exc:
        raise DataError(str(exc)) from None


_schema_cache: dict[str, tuple[float, Any]] = {}


def _registry() -> Registry:
    resources = []
    for path in sorted(SCHEMA_DIR.glob("*.schema.yaml")):
        schema = yaml.safe_load(path.read_text(encoding="utf-8"))
        resources.append((schema.get("$id", path.name), Resource.from_contents(schema, default_specification=DRAFT202012)))
    return Registry().with_resources(resources)


def _validator(schema_name: str) -> Draft202012Validator:
    path = SCHEMA_DIR / schema_name
    mtime = max(p.stat().st_mtime for p in SCHEMA_DIR.glob("*.schema.yaml"))
    cached = _schema_cache.get(schema_name)
    if cached and cached[0] == mtime:
        return cached[1]
    schema = yaml.safe_load(path.read_text(encoding="utf-8"))
    validator = Draft202012Validator(schema, registry=_registry(), format_checker=FormatChecker())
    _schema_cache[schema_name] = (mtime, validator)
    return validator


def _describe_path(data: Any, path: tuple) -> tuple[str, str]:
    """Return (entry, field) for an error path: the entry is the nearest list item's id."""
    entry, entry_depth = "", -1
    if isinstance(data, dict) and isinstance(data.get("id"), str):
        entry = data["id"]  # a file that is one entry (a resource)
    node = data
    for depth, key in enumerate(path):
        try:
            node = node[key]
        except (KeyError, IndexError, TypeError):
            break
        if isinstance(key, int) and isinstance(node, dict) and "id" in node:
            entry, entry_depth = str(node["id"]), depth
    field_parts = path[entry_depth + 1:] if entry_depth >= 0 else path
    field_str = ""
    for part in field_parts:
        field_str += f"[{part + 1}]" if isinstance(part, int) else (("." if field_str else "") + str(part))
    return entry, field_str


_EXPLAIN = {
    "type": lambda e: f"has the wrong type: expected {e.validator_value}, found {type(e.instance).__name__} {e.instance!r:.60}",
    "enum": lambda e: f"has an unknown value {e.instance!r}" + ("" if e.schema.get("description") else f": expected one of {', '.join(map(str, e.validator_value))}"),
    "const": lambda e: f"must be {e.validator_value!r}",
    "minLength": lambda e: "is empty: expected some text",
    "pattern": lambda e: f"has the value {e.instance!r:.60}, which is not in the expected form",
    "minItems": lambda e: f"has {len(e.instance)} item(s): at least {e.validator_value} expected",
    "maxItems": lambda e: f"has {len(e.instance)} item(s): at most {e.validator_value} expected",
    "uniqueItems": lambda e: "lists the same value twice",
    "additionalProperties": lambda e: "has a field the schema does not know: " + e.message.split("(")[-1].rstrip(")"),
    "format": lambda e: f"has the value {e.instance!r}, which is not a valid {e.validator_value}",
    "not": lambda e: "has fields it must not have",
    "oneOf": lambda e: "must have exactly one of the alternatives the schema allows",
    "anyOf": lambda e: "matches none of the forms the schema allows",
    "minimum": lambda e: f"is {e.instance}: the smallest allowed is {e.validator_value}",
    "maximum": lambda e: f"is {e.instance}: the largest allowed is {e.validator_value}",
}


def _format_error(path: Path, data: Any, lines: dict[tuple, int], err) -> str:
    epath = tuple(err.absolute_path)
    if err.validator == "required":
        missing = err.message.split("'")[1] if "'" in err.message else err.message
        epath_full = epath + (missing,)
        what = "is missing"
        expected = (err.schema.get("properties", {}).get(missing, {}) or {})
        expected = expected.get("description") or _ref_description(expected)
    else:
        epath_full = epath
        what = _EXPLAIN.get(err.validator, lambda e: e.message)(err)
        expected = err.schema.get("description") or _ref_description(err.schema)
    if err.validator == "additionalProperties" and isinstance(err.instance, dict):
        # Point at the first unknown field itself, not at the start of its entry.
        extra = [k for k in err.instance if k not in err.schema.get("properties", {})]
        if extra and epath + (extra[0],) in lines:
            epath_full = epath + (extra[0],)
    line = lines.get(epath_full) or lines.get(epath) or lines.get(epath[:-1]) or lines.get(())
    entry, fld = _describe_path(data, epath_full)
    parts = [rel(path)]
    if line:
        parts.append(f"line {line}")
    if entry:
        parts.append(f"entry '{entry}'")
    parts.append(f"field '{fld}'" if fld else "top level")
    msg = ", ".join(parts) + f": {what}."
    if expected:
        msg += f" Expected: {expected}."
    return msg


def _ref_description(schema: dict) -> str:
    ref = schema.get("$ref", "")
    if ref.startswith("common.schema.yaml#/$defs/"):
        common = yaml.safe_load((SCHEMA_DIR / "common.schema.yaml").read_text(encoding="utf-8"))
        return common["$defs"].get(ref.rsplit("/", 1)[1], {}).get("description", "")
    return ""


def validate_file(path: Path, schema_name: str) -> Any:
    """Read and schema-check one file; raise DataError listing every problem found."""
    data, lines = read_yaml(path)
    errors = sorted(_validator(schema_name).iter_errors(data), key=lambda e: (lines.get(tuple(e.absolute_path), 0), list(map(str, e.absolute_path))))
    if errors:
        msgs = [_format_error(path, data, lines, e) for e in errors]
        raise DataError("\n".join(dict.fromkeys(msgs)))
    return data


@dataclass
class SiteData:
    """All shared data, validated. Lookups by id raise DataError naming what is known."""

    levels: list[dict]
    principles: list[dict]
    ways_of_working: dict
    wellbeing_goals: dict
    glossary: list[dict]
    systems: dict
    services: list[dict]
    taxonomy: dict
    ui: dict[str, dict]
    which_level: dict
    resources: list[dict] = field(default_factory=list)

    def level(self, level_id: str) -> dict:
        return _by_id(self.levels, level_id, "practice level", "data/levels.yml")

    def term(self, term_id: str) -> dict:
        return _by_id(self.glossary, term_id, "glossary term", "data/glossary.yml")

    def vocab(self, kind: str, item_id: str) -> dict:
        return _by_id(self.taxonomy[kind], item_id, kind[:-1], "data/taxonomy.yml")


def _by_id(items: list[dict], item_id: str, what: str, where: str) -> dict:
    for item in items:
        if item["id"] == item_id:
            return item
    known = ", ".join(i["id"] for i in items)
    raise DataError(f"unknown {what} id '{item_id}'. Known ids in {where}: {known}.")


_PLACEHOLDER = re.compile(r"\{([a-z_]+)\}")


def _check_ui(ui: dict, path: Path, lines: dict) -> None:
    for key, text in ui.items():
        en, cy = set(_PLACEHOLDER.findall(text["en"])), set(_PLACEHOLDER.findall(text["cy"]))
        if en != cy:
            raise DataError(
                f"{rel(path)}, line {lines.get((key,), '?')}, entry '{key}': the placeholders differ "
                f"between languages (en: {sorted(en)}, cy: {sorted(cy)}). Expected: the same "
                "{placeholders} in the English and the Welsh text."
            )


def unique_ids(data: Any, path: Path, lines: dict, where: tuple = ()) -> None:
    """The one uniqueness rule for every data file: in any list of entries that have an `id`
    (levels, terms, services, each taxonomy list, ...), each id appears once."""
    if isinstance(data, dict):
        for key, value in data.items():
            unique_ids(value, path, lines, where + (key,))
    elif isinstance(data, list):
        seen: dict[str, int] = {}
        for i, item in enumerate(data):
            if isinstance(item, dict) and isinstance(item.get("id"), str):
                if item["id"] in seen:
                    first = lines.get(where + (seen[item["id"]],), "?")
                    listed = ".".join(map(str, where)) or "top level"
                    raise DataError(
                        f"{rel(path)}, line {lines.get(where + (i,), '?')}, entry '{item['id']}', field 'id': "
                        f"this id is used twice in '{listed}' (first on line {first}). Expected: each id "
                        "once in a list; rename one of them.")
                seen[item["id"]] = i
            unique_ids(item, path, lines, where + (i,))


_cache: dict[str, tuple[tuple, SiteData]] = {}


def _stamp() -> tuple:
    files = sorted(list(DATA_DIR.glob("*.yml")) + list(RESOURCES_DIR.glob("*.yml")) + list(SCHEMA_DIR.glob("*.yaml")))
    return tuple((str(p), p.stat().st_mtime_ns) for p in files)


def load_site_data() -> SiteData:
    """Load and validate everything; cached until a data or schema file changes."""
    stamp = _stamp()
    cached = _cache.get("site")
    if cached and cached[0] == stamp:
        return cached[1]
    loaded: dict[str, Any] = {}
    for stem, schema in DATASETS.items():
        path = DATA_DIR / f"{stem}.yml"
        loaded[stem] = validate_file(path, schema)
        _, lines = read_yaml(path)
        unique_ids(loaded[stem], path, lines)
        if stem == "ui":
            _check_ui(loaded[stem], path, lines)
        if stem == "which_level":
            from tiw.which_level import check_which_level  # the guide's links between questions

            check_which_level(loaded[stem], path, lines)
    site = SiteData(
        levels=sorted(loaded["levels"]["levels"], key=lambda lv: lv["order"]),
        principles=sorted(loaded["principles"]["principles"], key=lambda p: p["order"]),
        ways_of_working=loaded["ways_of_working"],
        wellbeing_goals=loaded["wellbeing_goals"],
        glossary=loaded["glossary"]["terms"],
        systems=loaded["systems"],
        services=loaded["services"]["services"],
        taxonomy=loaded["taxonomy"],
        ui=loaded["ui"],
        which_level=loaded["which_level"],
    )
    from tiw.catalogue import load_resources  # the catalogue checks ids against the taxonomy

    site.resources = load_resources(site)
    _cache["site"] = (stamp, site)
    return site


def text(value: dict, lang: str) -> str:
    """The text of a bilingual field in one language (the schema guarantees both exist)."""
    if lang not in LANGS:
        raise DataError(f"unknown language '{lang}': expected one of {', '.join(LANGS)}")
    return value[lang]
