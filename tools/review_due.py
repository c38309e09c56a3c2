"""`make review-due`: list the pages whose `review_by` date (front matter) has passed.

    python -m tools.review_due             # overdue pages
    python -m tools.review_due --within 30 # also those due in the next 30 days

Always exits 0 (a review date is a reminder for the team, not an error) unless a review_by date is
malformed, which the build also refuses.
"""

from __future__ import annotations

import argparse
import datetime as dt
import sys

from tiw.core.errors import DataError
from tiw.publishing.review import describe, overdue, review_dates


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="make review-due", description=__doc__.splitlines()[0])
    parser.add_argument(
        "--within", type=int, default=0, metavar="DAYS", help="also list pages due for review in the next DAYS days"
    )
    args = parser.parse_args(argv)
    today = dt.date.today()
    try:
        reviews = review_dates()
    except DataError as exc:
        print(exc, file=sys.stderr)
        return 1
    late = overdue(reviews, today)
    soon = [r for r in reviews if r not in late and (r.review_by - today).days <= args.within] if args.within else []
    for review in late + soon:
        print(describe(review, today))
    if not late:
        print(f"No page is overdue for review ({len(reviews)} page{'s' * (len(reviews) != 1)} have a review_by date).")
    return 0


if __name__ == "__main__":
    sys.exit(main())
