"""The site's shared data (data/*.yml and the resource catalogue), validated: the SiteData
aggregate and `load_site_data`, which reads it all. A build reads it once (tiw.build.state)."""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from tiw import LANGS
from tiw.core.collation import load_exceptions
from tiw.core.errors import DataError, rel
from tiw.core.paths import DATA_DIR
from tiw.core.schema import validate_file
from tiw.core.yamlfile import read_yaml
from tiw.data.catalogue import load_resources
from tiw.data.which_level import check_which_level

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
                        "once in a list; rename one of them."
                    )
                seen[item["id"]] = i
            unique_ids(item, path, lines, where + (i,))


def load_site_data() -> SiteData:
    """Read and validate everything, every time it is called: a build calls it once, through
    tiw.build.state, which every hook and macro reads."""
    loaded: dict[str, Any] = {}
    for stem, schema in DATASETS.items():
        path = DATA_DIR / f"{stem}.yml"
        loaded[stem] = validate_file(path, schema)
        _, lines = read_yaml(path)
        unique_ids(loaded[stem], path, lines)
        if stem == "ui":
            _check_ui(loaded[stem], path, lines)
        if stem == "which_level":
            check_which_level(loaded[stem], path, lines)
    load_exceptions()  # data/welsh_collation.yml, checked with the rest before any page renders
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
    site.resources = load_resources(site)
    return site


def text(value: dict, lang: str) -> str:
    """The text of a bilingual field in one language (the schema guarantees both exist)."""
    if lang not in LANGS:
        raise DataError(f"unknown language '{lang}': expected one of {', '.join(LANGS)}")
    return value[lang]
