"""Start a new resource catalogue entry: `make new-resource ID=my-resource-id`.

Copies resources/_template.yml.example to resources/<id>.yml with the id and today's date filled
in. Refuses an id that is not lower-case kebab-case, and an id that is already used. The new file
still holds the template's example text, which the build refuses until every field is filled in
(see RESOURCES.md).
"""

from __future__ import annotations

import argparse
import datetime as dt
import re
import sys
from pathlib import Path

from tiw.core.errors import rel

ROOT = Path(__file__).resolve().parent.parent
ID_PATTERN = re.compile(r"^[a-z0-9]+(-[a-z0-9]+)*$")
TEMPLATE = "_template.yml.example"


def create(resource_id: str, directory: Path = ROOT / "resources", today: dt.date | None = None) -> Path:
    """Write <directory>/<id>.yml from the template; raise ValueError with an editor-facing message."""
    if not ID_PATTERN.match(resource_id or ""):
        raise ValueError(
            f"'{resource_id}' is not a valid id. Use lower-case letters, digits and single "
            "hyphens, such as nice-ng116 or welsh-government-ace-review-2021."
        )
    if resource_id.startswith("example-"):
        raise ValueError(f"'{resource_id}': choose an id that names the resource, not an example id.")
    target = directory / f"{resource_id}.yml"
    existing = [p for p in (target, directory / f"{resource_id}.yaml") if p.exists()]
    if existing:
        raise ValueError(f"{rel(existing[0])} already exists: that id is taken. Edit that file, or choose another id.")
    template = (directory / TEMPLATE).read_text(encoding="utf-8")
    date = (today or dt.date.today()).isoformat()
    text, n_id = re.subn(r"(?m)^id: .*$", f"id: {resource_id}", template, count=1)
    text, n_date = re.subn(r"(?m)^reviewed: .*$", f"reviewed: {date}", text, count=1)
    text, _ = re.subn(r"(?m)^year: .*$", f"year: {(today or dt.date.today()).year}", text, count=1)
    if n_id != 1 or n_date != 1:
        raise ValueError(f"resources/{TEMPLATE} has lost its 'id:' or 'reviewed:' line; restore it from git.")
    with open(target, "x", encoding="utf-8") as f:  # "x": never overwrite, even in a race
        f.write(text)
    return target


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description="Create resources/<id>.yml from the template.")
    parser.add_argument("id", help="the new resource's id, in lower-case kebab-case, e.g. nice-ng116")
    args = parser.parse_args(argv)
    try:
        path = create(args.id)
    except ValueError as exc:
        print(f"new-resource: {exc}", file=sys.stderr)
        return 1
    print(f"Created {path.relative_to(ROOT)}. Fill in every field (see RESOURCES.md), then build the site to check it.")
    return 0


if __name__ == "__main__":
    sys.exit(main())
