"""Translators' tools: what needs translating, stamps, English changes, and the Welsh checks.

    python -m tools.translation status [--mode lenient|ci|strict]   per-page freshness report
    python -m tools.translation stamp PAGE… [--commit REV] [--force] record "translated from this commit"
    python -m tools.translation stamp --all                           stamp every Welsh page
    python -m tools.translation diff PAGE                             English changes since the stamp
    python -m tools.translation lint                                  structural parity + termbase
    python -m tools.translation spelling [--site DIR]                 Welsh spelling of a built site

PAGE is a path under docs/en/ or docs/cy/ (framework/aims.md), with or without the docs/<lang>/
prefix. The Makefile wraps these: make translation-status [STRICT=1|MODE=ci],
make translation-stamp PAGE=…, make translation-diff PAGE=…, make translation-lint,
make translation-spelling. TRANSLATING.md explains the workflow.
"""

from __future__ import annotations

import argparse
import sys
import textwrap
from pathlib import Path

from tiw import ROOT
from tiw.translation import freshness as fr

# Which states make `status` exit non-zero, per mode. CI runs --mode ci (README.md, TRANSLATING.md).
FAILING = {
    "lenient": set(),
    "ci": {fr.MISSING, fr.ORPHAN, fr.UNSTAMPED, fr.BAD_STAMP, fr.UNKNOWN},
    "strict": {fr.MISSING, fr.ORPHAN, fr.UNSTAMPED, fr.BAD_STAMP, fr.UNKNOWN, fr.OUTDATED},
}
FIX = {
    fr.MISSING: "translate it: create docs/cy/{page} (same path as the English), then make translation-stamp PAGE={page}",
    fr.ORPHAN: "the English page was moved or deleted: move or delete docs/cy/{page} to match",
    fr.UNSTAMPED: "check the page against the English, then make translation-stamp PAGE={page}",
    fr.BAD_STAMP: "check the page against the English, then make translation-stamp PAGE={page}",
    fr.UNKNOWN: "",
    fr.OUTDATED: "make translation-diff PAGE={page} shows what changed; update the Welsh, then make translation-stamp PAGE={page}",
}


def _out(text: str = "") -> None:
    print(text, flush=True)


# ------------------------------------------------------------------------------ status


def cmd_status(args) -> int:
    mode = "strict" if args.strict else args.mode
    f = fr.Freshness(args.root)
    states = f.status()
    head = f.git.head()[:12] if f.available else "no git"
    _out(f"Translation status: Welsh pages (docs/cy/) against their English source (docs/en/), HEAD {head}")
    if not f.available:
        _out(f"  Freshness cannot be checked: {f.git.reason}.")
    width = max((len(s.page) for s in states), default=10)
    for s in sorted(states, key=lambda s: (fr.STATES.index(s.state), s.page)):
        label = s.state.upper() if s.state != fr.UP_TO_DATE else s.state
        line = f"  {label:<11} {s.page:<{width}}"
        if s.detail:
            line += f"  {s.detail}"
        _out(line.rstrip())
        if s.state in FIX and FIX[s.state] and (s.state in FAILING[mode] or s.state == fr.OUTDATED):
            _out(f"  {'':<11} {'':<{width}}  → {FIX[s.state].format(page=s.page)}")
    counts = {state: sum(1 for s in states if s.state == state) for state in fr.STATES}
    _out(
        "Summary: "
        + ", ".join(
            f"{n} {state}"
            for state, n in counts.items()
            if n or state in (fr.UP_TO_DATE, fr.OUTDATED, fr.MISSING, fr.ORPHAN, fr.UNSTAMPED)
        )
    )
    failing = [s for s in states if s.state in FAILING[mode]]
    rule = {
        "lenient": "reports only (exit 0)",
        "ci": "fails on missing, orphan, unstamped, bad or unknown stamps; outdated pages are reported",
        "strict": "fails unless every page is up to date",
    }[mode]
    verdict = f"FAIL ({len(failing)} page{'s' * (len(failing) != 1)})" if failing else "ok"
    _out(f"Mode {mode}: {rule}: {verdict}")
    return 1 if failing else 0


# ------------------------------------------------------------------------------ stamp


def cmd_stamp(args) -> int:
    f = fr.Freshness(args.root)
    if not f.available:
        _out(f"Cannot stamp: {f.git.reason}.")
        return 2
    sha = f.git.resolve(args.commit)
    if sha is None:
        _out(f"Cannot stamp: '{args.commit}' is not a commit in this repository.")
        return 2
    if not f.git.is_ancestor(sha):
        _out(
            f"Cannot stamp: commit {sha[:12]} is not in the history of HEAD, so later checks could not "
            "compare against it. Stamp with a commit of this branch (the default, HEAD, is right when "
            "the English page is committed)."
        )
        return 2
    pages = (
        sorted(f.pages(fr.TARGET_LANG) & f.pages(fr.SOURCE_LANG))
        if args.all
        else [fr.page_path(p, args.root) for p in args.pages]
    )
    if not pages:
        _out("Name the page(s) to stamp (PAGE=framework/aims.md), or --all.")
        return 2
    problems = 0
    for page in pages:
        cy_file, en_file = f.docs(fr.TARGET_LANG) / page, f.docs(fr.SOURCE_LANG) / page
        if not cy_file.is_file():
            _out(f"  not stamped  {page}: there is no Welsh page docs/cy/{page}")
            problems += 1
            continue
        if not en_file.is_file():
            _out(f"  not stamped  {page}: there is no English page docs/en/{page} (an orphan)")
            problems += 1
            continue
        en_path = f"docs/{fr.SOURCE_LANG}/{page}"
        note = ""
        if en_path not in f.git.files_at(sha):
            if en_path in f.git.files_at("HEAD") and not args.force:
                _out(
                    f"  not stamped  {page}: the English page did not exist at {sha[:12]}; stamp with a later "
                    "commit (the default, HEAD)"
                )
                problems += 1
                continue
            note = " (new page: commit the English and Welsh pages together)"
        elif f.git.numstat("HEAD").get(en_path) and not args.force:
            _out(
                f"  not stamped  {page}: docs/en/{page} has changes that are not committed. Commit the "
                "English page first and stamp after translating; or, if the Welsh page already reflects "
                "these changes, stamp with --force and commit the English and Welsh pages together."
            )
            problems += 1
            continue
        text = cy_file.read_text(encoding="utf-8")
        old = fr.read_stamp(text)
        cy_file.write_text(fr.write_stamp(text, sha), encoding="utf-8")
        was = "" if not old else (" (unchanged)" if old == sha else f" (was {old[:12]})")
        _out(f"  stamped      {page}: {fr.STAMP_KEY}: {sha}{was}{note}")
    return 1 if problems else 0


# ------------------------------------------------------------------------------ diff


def _indent(text: str, prefix: str = "      ") -> str:
    return "\n".join(
        textwrap.fill(line, 100, initial_indent=prefix, subsequent_indent=prefix) or prefix for line in text.split("\n")
    )


def cmd_diff(args) -> int:
    f = fr.Freshness(args.root)
    page = fr.page_path(args.page, args.root)
    state = f.page_state(page)
    _out(f"{page}: {state.state}" + (f": {state.detail}" if state.detail else ""))
    if state.state == fr.UP_TO_DATE:
        _out("Nothing to re-translate: the English page has not changed since the stamp.")
        return 0
    if state.state != fr.OUTDATED or not state.baseline:
        _out("No English changes can be shown: " + (FIX.get(state.state) or "").format(page=page))
        return 1
    en_path = f"docs/{fr.SOURCE_LANG}/{page}"
    old = f.git.show(state.baseline, en_path) or ""
    new = (f.docs(fr.SOURCE_LANG) / page).read_text(encoding="utf-8")
    welsh = (f.docs(fr.TARGET_LANG) / page).read_text(encoding="utf-8")
    changes = fr.paragraph_changes(old, new, welsh)
    _out(f"English changes since {state.baseline[:12]}, paragraph by paragraph ({len(changes)}):")
    for n, c in enumerate(changes, 1):
        _out("")
        where = {
            "changed": f"English line {c.new_line}",
            "added": f"English line {c.new_line}",
            "removed": f"was English line {c.old_line}",
        }[c.kind]
        _out(f"[{n}] {c.kind.upper()} paragraph ({where})")
        if c.kind == "changed":
            _out("    before:")
            _out(_indent(c.old))
            _out("    now:")
            _out(_indent(c.new))
            _out("    the words that changed ([-removed-] {+added+}):")
            _out(_indent(fr.word_diff(c.old, c.new)))
        elif c.kind == "added":
            _out(_indent(c.new))
        else:
            _out(_indent(c.old))
        if c.welsh:
            _out("    the Welsh paragraph that translated it:")
            _out(_indent(c.welsh))
    _out("")
    _out(f"When docs/cy/{page} is up to date: make translation-stamp PAGE={page}")
    return 0


# ------------------------------------------------------------------------------ lint, spelling


def cmd_lint(args) -> int:
    from tiw.translation import parity, termbase

    diffs = parity.lint(args.root)
    findings = termbase.lint(args.root)
    _out(f"Structural parity (docs/en ↔ docs/cy): {len(diffs)} difference{'s' * (len(diffs) != 1)}")
    for d in diffs:
        _out(f"  {d}")
    _out(f"Termbase (rejected Welsh variants in data/glossary.yml): {len(findings)} use{'s' * (len(findings) != 1)}")
    for t in findings:
        _out(f"  {t}")
    return 1 if diffs or findings else 0


def cmd_spelling(args) -> int:
    from tiw.translation import spelling

    site = Path(args.site)
    pages = spelling.built_welsh_pages(site)
    if not pages:
        _out(f"No built Welsh pages in {site}: build the site first (make build).")
        return 2
    reports = spelling.Checker().check(pages)
    _out(spelling.report_text(reports))
    failures = spelling.verdict(reports)
    for failure in failures:
        _out(f"FAIL: {failure}")
    if not failures:
        _out("ok")
    return 1 if failures else 0


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m tools.translation", description=__doc__.split("\n")[0])
    parser.add_argument("--root", type=Path, default=ROOT, help=argparse.SUPPRESS)
    sub = parser.add_subparsers(dest="command", required=True)
    p = sub.add_parser("status", help="per-page freshness: up to date, outdated, missing, orphan, unstamped")
    p.add_argument("--mode", choices=sorted(FAILING), default="lenient")
    p.add_argument("--strict", action="store_true", help="same as --mode strict")
    p.set_defaults(func=cmd_status)
    p = sub.add_parser("stamp", help="record that Welsh pages are translated from an English commit")
    p.add_argument("pages", nargs="*")
    p.add_argument("--all", action="store_true", help="every Welsh page with an English page")
    p.add_argument("--commit", default="HEAD", help="the commit translated from (default HEAD)")
    p.add_argument(
        "--force",
        action="store_true",
        help="stamp although the English page has uncommitted changes (the Welsh reflects them; commit both together)",
    )
    p.set_defaults(func=cmd_stamp)
    p = sub.add_parser("diff", help="the English changes since a page's stamp, paragraph by paragraph")
    p.add_argument("page")
    p.set_defaults(func=cmd_diff)
    p = sub.add_parser("lint", help="structural parity and termbase checks of docs/cy against docs/en")
    p.set_defaults(func=cmd_lint)
    p = sub.add_parser("spelling", help="Welsh spelling and English leftovers on a built site")
    p.add_argument("--site", default=str(ROOT / "site"))
    p.set_defaults(func=cmd_spelling)
    args = parser.parse_args(argv)
    return args.func(args)


if __name__ == "__main__":
    sys.exit(main())
