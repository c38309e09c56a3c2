"""The resource catalogue: one YAML file per resource in resources/, checked against
schemas/resource.schema.yaml and against the controlled lists in data/taxonomy.yml."""
from __future__ import annotations

from tiw import ROOT
from tiw.data import RESOURCES_DIR, DataError, SiteData, read_yaml, rel, validate_file


def load_resources(site: SiteData) -> list[dict]:
    vocab = {kind: {item["id"] for item in site.taxonomy[kind]} for kind in ("audiences", "settings", "formats")}
    resources: list[dict] = []
    seen: dict[str, str] = {}
    for path in sorted(RESOURCES_DIR.glob("*.yml")):
        entry = validate_file(path, "resource.schema.yaml")
        _, lines = read_yaml(path)
        where = f"{rel(path)}, line {{line}}, entry '{entry['id']}'"
        if entry["id"] != path.stem:
            raise DataError(where.format(line=lines.get(("id",), 1)) + f", field 'id': the id '{entry['id']}' "
                            f"does not match the file name. Expected: id: {path.stem} (or rename the file).")
        if entry["id"] in seen:
            raise DataError(where.format(line=lines.get(("id",), 1)) + f", field 'id': duplicate id, also used by {seen[entry['id']]}.")
        seen[entry["id"]] = rel(path)
        for field, kind in (("audiences", "audiences"), ("settings", "settings")):
            for i, value in enumerate(entry[field]):
                if value not in vocab[kind]:
                    raise DataError(where.format(line=lines.get((field, i), "?")) + f", field '{field}': unknown id "
                                    f"'{value}'. Expected one of: {', '.join(sorted(vocab[kind]))} (data/taxonomy.yml).")
        if entry["format"] not in vocab["formats"]:
            raise DataError(where.format(line=lines.get(("format",), "?")) + f", field 'format': unknown id "
                            f"'{entry['format']}'. Expected one of: {', '.join(sorted(vocab['formats']))} (data/taxonomy.yml).")
        if "page" in entry:
            for lang in ("en", "cy"):
                if not (ROOT / "docs" / lang / entry["page"]).is_file():
                    raise DataError(where.format(line=lines.get(("page",), "?")) + f", field 'page': there is no "
                                    f"page docs/{lang}/{entry['page']}. Expected: the path of an existing page.")
        resources.append(entry)
    return resources
