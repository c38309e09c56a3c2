"""The resource catalogue: one YAML file per resource in resources/, checked against
schemas/resource.schema.yaml and against the controlled lists in data/taxonomy.yml.

Every problem raises DataError with a message that names the file, the line, the entry and the
field, and says what to write instead (the build stops on it: hooks/data_check.py).
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from tiw import ROOT
from tiw.core.errors import DataError, rel
from tiw.core.paths import RESOURCES_DIR
from tiw.core.schema import validate_file
from tiw.core.yamlfile import read_yaml

TEMPLATE_NAME = "_template.yml.example"
# Fields whose template value means "not filled in yet" (make new-resource copies the template).
PLACEHOLDER_FIELDS = (("title", "en"), ("title", "cy"), ("summary", "en"), ("summary", "cy"), ("url",), ("publisher",))


def _template_values(directory: Path) -> dict[tuple, object]:
    path = directory / TEMPLATE_NAME
    if not path.is_file():
        path = RESOURCES_DIR / TEMPLATE_NAME
    if not path.is_file():
        return {}
    data, _ = read_yaml(path)
    out = {}
    for keys in PLACEHOLDER_FIELDS:
        value = data
        for key in keys:
            value = value.get(key) if isinstance(value, dict) else None
        if value is not None:
            out[keys] = value
    return out


def _lookup(entry: dict, keys: tuple):
    value = entry
    for key in keys:
        if not isinstance(value, dict) or key not in value:
            return None
        value = value[key]
    return value


def load_resources(site, directory: Path | None = None) -> list[dict]:
    """Every resources/<id>.yml, validated, in file-name order; `site` is the SiteData whose
    taxonomy the ids are checked against (passed in, so this module does not import tiw.data.site).

    `directory` defaults to resources/; the tests pass a temporary folder."""
    directory = RESOURCES_DIR if directory is None else Path(directory)
    for path in sorted(directory.iterdir()) if directory.is_dir() else []:
        if path.is_file() and path.suffix.lower() in (".yaml", ".yml") and path.suffix != ".yml":
            raise DataError(
                f"{rel(path)}: resource files must end in '.yml' (lower case), or the site "
                f"ignores them. Expected: rename it to {path.stem}.yml."
            )
    vocab = {kind: {item["id"] for item in site.taxonomy[kind]} for kind in ("audiences", "settings", "formats")}
    placeholders = _template_values(directory)
    # One day's slack: an editor in Wales just after midnight (BST) is a day ahead of a UTC machine.
    latest_review = dt.date.today() + dt.timedelta(days=1)

    loaded: list[tuple[Path, dict, dict]] = []
    seen: dict[str, Path] = {}
    for path in sorted(directory.glob("*.yml")):
        entry = validate_file(path, "resource.schema.yaml")
        _, lines = read_yaml(path)
        where = f"{rel(path)}, line {{line}}, entry '{entry['id']}'"
        # Duplicates first: copying a file and forgetting to change its id is the usual cause,
        # and this message names both files.
        if entry["id"] in seen:
            raise DataError(
                where.format(line=lines.get(("id",), 1)) + f", field 'id': duplicate id, "
                f"'{entry['id']}' is already the id of {rel(seen[entry['id']])}. Expected: "
                f"each resource has its own id, equal to its file name (here: id: {path.stem})."
            )
        seen[entry["id"]] = path
        loaded.append((path, entry, lines))

    resources: list[dict] = []
    for path, entry, lines in loaded:
        where = f"{rel(path)}, line {{line}}, entry '{entry['id']}'"

        def fail(field: tuple, message: str) -> None:
            line = lines.get(field) or lines.get(field[:1]) or 1
            name = ""
            for part in field:
                name += f"[{part + 1}]" if isinstance(part, int) else (("." if name else "") + str(part))
            raise DataError(where.format(line=line) + f", field '{name}': {message}")

        if entry["id"] != path.stem:
            fail(
                ("id",),
                f"the id '{entry['id']}' does not match the file name. "
                f"Expected: id: {path.stem} (or rename the file to {entry['id']}.yml).",
            )
        for field, kind in (("audiences", "audiences"), ("settings", "settings")):
            for i, value in enumerate(entry[field]):
                if value not in vocab[kind]:
                    fail(
                        (field, i),
                        f"unknown id '{value}'. Expected one of: {', '.join(sorted(vocab[kind]))} (data/taxonomy.yml).",
                    )
        if entry["format"] not in vocab["formats"]:
            fail(
                ("format",),
                f"unknown id '{entry['format']}'. Expected one of: {', '.join(sorted(vocab['formats']))} (data/taxonomy.yml).",
            )
        for keys, value in placeholders.items():
            if _lookup(entry, keys) == value:
                fail(
                    keys,
                    "still has the template's example text. Expected: the real value for this "
                    "resource (see resources/_template.yml.example and RESOURCES.md).",
                )
        if "url_cy" in entry and "cy" not in entry["languages"]:
            fail(
                ("url_cy",),
                "gives a Welsh address but 'languages' does not list cy. Expected: languages: [en, cy] (or remove url_cy).",
            )
        if dt.date.fromisoformat(entry["reviewed"]) > latest_review:
            fail(
                ("reviewed",),
                f"the date {entry['reviewed']} is in the future. "
                "Expected: the date an editor last checked this entry (YYYY-MM-DD).",
            )
        if "page" in entry:
            for lang in ("en", "cy"):
                if not (ROOT / "docs" / lang / entry["page"]).is_file():
                    fail(
                        ("page",),
                        f"there is no page docs/{lang}/{entry['page']}. "
                        "Expected: the path of a page that exists in docs/en/ and docs/cy/.",
                    )
        resources.append(entry)
    return resources


def publisher(entry: dict, lang: str) -> tuple[str, bool]:
    """The publisher's name in `lang`, and whether that text is the same in every language (a
    name written once, usually English, which a Welsh page marks with lang="en")."""
    value = entry["publisher"]
    if isinstance(value, dict):
        return value[lang], False
    return value, True
