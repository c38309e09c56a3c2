"""Review dates, in the manner of GOV.UK's tech docs: a page may say in its front matter when it
should next be checked (`review_by: YYYY-MM-DD`). Overdue pages are listed for the team, by the
build (INFO lines, hooks/page_dates.py) and by `make review-due` (tools/review_due.py); the public
never sees a banner."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from pathlib import Path

from tiw import LANGS, ROOT
from tiw.core.errors import DataError, rel
from tiw.core.frontmatter import read_front_matter


@dataclass(frozen=True)
class Review:
    path: str  # relative to the project, e.g. docs/cy/get-help.md
    review_by: dt.date

    def days_overdue(self, today: dt.date) -> int:
        return (today - self.review_by).days


def review_dates(docs_dir: Path | None = None) -> list[Review]:
    """Every page with a review_by date, sorted by date. A malformed date raises DataError naming the
    file, line and field."""
    docs_dir = docs_dir or ROOT / "docs"
    found, problems = [], []
    for lang in LANGS:
        for path in sorted((docs_dir / lang).rglob("*.md")):
            try:
                meta, lines, _ = read_front_matter(path)
            except DataError as exc:
                problems.append(str(exc))
                continue
            if "review_by" not in meta:
                continue
            raw = meta["review_by"]
            try:
                day = dt.date.fromisoformat(str(raw).strip())
            except ValueError:
                problems.append(
                    f"{rel(path)}, line {lines.get('review_by', '?')}, field 'review_by': {raw!r} is not "
                    "a date. Expected: YYYY-MM-DD, such as 2027-06-30 (or remove the line)."
                )
                continue
            found.append(Review(rel(path), day))
    if problems:
        raise DataError("\n".join(problems))
    return sorted(found, key=lambda r: (r.review_by, r.path))


def overdue(reviews: list[Review], today: dt.date | None = None) -> list[Review]:
    today = today or dt.date.today()
    return [r for r in reviews if r.review_by < today]


def describe(review: Review, today: dt.date | None = None) -> str:
    today = today or dt.date.today()
    days = review.days_overdue(today)
    if days > 0:
        return f"{review.path}: review was due on {review.review_by.isoformat()} ({days} day{'s' * (days != 1)} ago)"
    if days == 0:
        return f"{review.path}: review is due today ({review.review_by.isoformat()})"
    return f"{review.path}: review due on {review.review_by.isoformat()} (in {-days} day{'s' * (days != -1)})"
