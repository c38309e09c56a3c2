"""Check a YAML file against its JSON Schema in schemas/, and explain each problem to the editor
(file, line, entry, field, and what is expected).

A file found valid is remembered in the build cache (.cache/valid/, tiw/build/cache.py) under the
hash of its bytes, every schema and the lock of the Python packages (the validator's version), so
the next build checks only the files that changed, and imports jsonschema only when one did
(importing it costs about 0.3 CPU s; checking all the data and resources about 0.25 s). A file
with a problem is never remembered: its errors are reported every time."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING, Any

import yaml

from tiw import ROOT
from tiw.build.cache import cache_dir, name_for, used
from tiw.core.errors import DataError, rel
from tiw.core.paths import SCHEMA_DIR
from tiw.core.yamlfile import read_yaml

if TYPE_CHECKING:
    from jsonschema import Draft202012Validator
    from referencing import Registry

# The schemas are read with libyaml (the pure-Python parser took 4.5 s of a 6 s preflight), and the
# registry of all of them is made once per change of the folder, not once per validated file.
_SCHEMA_LOADER = getattr(yaml, "CSafeLoader", yaml.SafeLoader)
_schema_cache: dict[str, tuple[float, Any]] = {}
_registry_cache: dict[str, tuple[float, Registry]] = {}


def _schemas_mtime() -> float:
    return max(p.stat().st_mtime for p in SCHEMA_DIR.glob("*.schema.yaml"))


def _load_schema(path: Path) -> Any:
    return yaml.load(path.read_text(encoding="utf-8"), Loader=_SCHEMA_LOADER)


def _registry(mtime: float) -> Registry:
    from referencing import Registry, Resource
    from referencing.jsonschema import DRAFT202012

    cached = _registry_cache.get("all")
    if cached and cached[0] == mtime:
        return cached[1]
    resources = []
    for path in sorted(SCHEMA_DIR.glob("*.schema.yaml")):
        schema = _load_schema(path)
        resources.append((schema.get("$id", path.name), Resource.from_contents(schema, default_specification=DRAFT202012)))
    registry = Registry().with_resources(resources)
    _registry_cache["all"] = (mtime, registry)
    return registry


def _validator(schema_name: str) -> Draft202012Validator:
    from jsonschema import Draft202012Validator, FormatChecker

    path = SCHEMA_DIR / schema_name
    mtime = _schemas_mtime()
    cached = _schema_cache.get(schema_name)
    if cached and cached[0] == mtime:
        return cached[1]
    validator = Draft202012Validator(_load_schema(path), registry=_registry(mtime), format_checker=FormatChecker())
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
    field_parts = path[entry_depth + 1 :] if entry_depth >= 0 else path
    field_str = ""
    for part in field_parts:
        field_str += f"[{part + 1}]" if isinstance(part, int) else (("." if field_str else "") + str(part))
    return entry, field_str


_EXPLAIN = {
    "type": lambda e: f"has the wrong type: expected {e.validator_value}, found {type(e.instance).__name__} {e.instance!r:.60}",
    "enum": lambda e: (
        f"has an unknown value {e.instance!r}"
        + ("" if e.schema.get("description") else f": expected one of {', '.join(map(str, e.validator_value))}")
    ),
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
        expected = err.schema.get("properties", {}).get(missing, {}) or {}
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
        common = _load_schema(SCHEMA_DIR / "common.schema.yaml")
        return common["$defs"].get(ref.rsplit("/", 1)[1], {}).get("description", "")
    return ""


_checked_with: dict[str, tuple[tuple[str, float], str]] = {}


def _checked_with_key(mtime: float) -> str:
    """The hash of every schema and the lock (requirements.txt: the validator's version)."""
    stamp = (str(SCHEMA_DIR), mtime)
    cached = _checked_with.get("all")
    if not (cached and cached[0] == stamp):
        parts = []
        for path in [*sorted(SCHEMA_DIR.glob("*.schema.yaml")), ROOT / "requirements.txt"]:
            parts += [path.name, path.read_bytes() if path.is_file() else b""]
        _checked_with["all"] = (stamp, name_for(*parts))
    return _checked_with["all"][1]


def _valid_marker(path: Path, schema_name: str) -> Path:
    return cache_dir("valid") / name_for(_checked_with_key(_schemas_mtime()), schema_name, path.read_bytes())


def validate_file(path: Path, schema_name: str) -> Any:
    """Read and schema-check one file; raise DataError listing every problem found."""
    data, lines = read_yaml(path)
    marker = _valid_marker(path, schema_name)
    if marker.is_file():
        return data  # these bytes passed these schemas before
    errors = sorted(
        _validator(schema_name).iter_errors(data),
        key=lambda e: (lines.get(tuple(e.absolute_path), 0), list(map(str, e.absolute_path))),
    )
    if errors:
        msgs = [_format_error(path, data, lines, e) for e in errors]
        raise DataError("\n".join(dict.fromkeys(msgs)))
    used(marker)  # remembered: these bytes pass these schemas
    return data
