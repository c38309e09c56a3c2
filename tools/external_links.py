"""Check that the built site's outside links still resolve, with LinkChecker (the weekly workflow,
.github/workflows/links.yml; `make external-links`).

    python -m tools.external_links [SITE_DIR] [--report FILE]   # exit status 1 when any is broken

The links are every http(s) address on the built pages that is not the site's own (SITE_URL); each
is fetched once by LinkChecker, whatever number of pages carry it. --report writes the broken ones
as Markdown, with the pages that link to them, for the workflow to put in an issue.
"""

from __future__ import annotations

import argparse
import csv
import datetime as dt
import io
import os
import subprocess
import sys
from pathlib import Path
from urllib.parse import urlsplit

from tools.linkcheck import DEFAULT_SITE_URL, _parse

# Each address once (-r0: the addresses themselves, nothing they link to), with a 30 s timeout.
LINKCHECKER = [
    sys.executable,
    "-m",
    "linkcheck",
    "--stdin",
    "--recursion-level=0",
    "--no-status",
    "--no-warnings",
    "--timeout=30",
    "--output=csv",
]


def external_links(site: Path, site_url: str = DEFAULT_SITE_URL) -> dict[str, list[str]]:
    """{address: [site-relative pages that link to it]} for every outside http(s) link."""
    own = urlsplit(site_url).netloc
    links: dict[str, list[str]] = {}
    for page in sorted(site.rglob("*.html")):
        rel = page.relative_to(site).as_posix()
        for _line, _tag, _attr, raw, _attrs in _parse(page).links:
            parts = urlsplit(raw.strip())
            if parts.scheme in ("http", "https") and parts.netloc and parts.netloc != own:
                url = parts._replace(fragment="").geturl()
                if rel not in links.setdefault(url, []):
                    links[url].append(rel)
    return links


def broken(urls: list[str]) -> dict[str, str]:
    """{address: LinkChecker's result} for each address that does not resolve."""
    if not urls:
        return {}
    run = subprocess.run(LINKCHECKER, input="\n".join(urls) + "\n", capture_output=True, text=True)
    if run.returncode not in (0, 1):  # 0: all valid, 1: some broken; anything else: it failed
        raise RuntimeError(f"LinkChecker failed (exit {run.returncode}): {run.stderr.strip()[-500:]}")
    rows = csv.DictReader(io.StringIO("\n".join(ln for ln in run.stdout.splitlines() if not ln.startswith("#"))), delimiter=";")
    return {row["urlname"]: row["result"] for row in rows if row.get("valid") == "False"}


def report(failures: dict[str, str], links: dict[str, list[str]], today: dt.date) -> str:
    lines = [
        f"{len(failures)} of the site's {len(links)} outside addresses did not resolve on {today.isoformat()} "
        "(`make external-links`, LinkChecker). Check each, then correct or remove the link in the file "
        "that holds it (`resources/`, `data/services.yml` or the page).",
        "",
        "| Address | Result | Linked from |",
        "| --- | --- | --- |",
    ]
    for url, result in sorted(failures.items()):
        pages = ", ".join(links.get(url, [])[:5]) + (" …" if len(links.get(url, [])) > 5 else "")
        lines.append(f"| {url} | {result} | {pages} |")
    return "\n".join(lines) + "\n"


def main(argv: list[str] | None = None) -> int:
    from tiw import ROOT

    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("site", nargs="?", type=Path, default=ROOT / "site")
    parser.add_argument("--report", type=Path, help="write the broken addresses here as Markdown")
    args = parser.parse_args(argv)
    if not (args.site / "index.html").is_file():
        print(f"{args.site}/ is not a built site: run `make build` first.", file=sys.stderr)
        return 2
    links = external_links(args.site, os.environ.get("SITE_URL", DEFAULT_SITE_URL))
    failures = broken(sorted(links))
    for url, result in sorted(failures.items()):
        print(f"{url}: {result} (linked from {', '.join(links[url][:3])})")
    print(f"{len(links)} outside addresses checked, {len(failures)} broken", file=sys.stderr)
    if args.report:
        args.report.write_text(report(failures, links, dt.date.today()) if failures else "", encoding="utf-8")
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())
