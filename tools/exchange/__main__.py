"""Command line of the translators' exchange (the Makefile wraps it; TRANSLATING.md explains it).

    python -m tools.exchange export [PAGE…|DATA.yml…] [--outdated] [--all] [--xliff 1.2 | --omegat] [--out DIR]
    python -m tools.exchange import FILE.xlf…
    python -m tools.exchange memory [--out DIR]
    python -m tools.exchange termbase [--out DIR]
    python -m tools.exchange validate --schema SCHEMA.xsd [FILE.xlf|DIR …]

With no PAGE and no --all, export writes the pages that need work (missing, outdated, unstamped);
--outdated only the outdated ones; --all every page and every data file. --xliff 1.2 writes XLIFF
1.2 instead of 2.0; --omegat an OmegaT project folder (tools/exchange/omegat.py). validate checks
packages against an XML Schema, e.g. the official OASIS XLIFF schema, which no package registry
reachable here ships (schemas/exchange/README.md); with no FILE, the packages under translation/exchange/.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from tiw import ROOT
from tiw.translation import freshness as fr

from . import export as ex
from . import importer, memory, omegat, xliff12
from .xliff import write as write_20


def _out(text: str = "") -> None:
    print(text, flush=True)


def _show(path: Path) -> str:
    """A path as the reader typed it: relative to the current folder when it is inside it."""
    try:
        return str(Path(path).resolve().relative_to(Path.cwd()))
    except ValueError:
        return str(path)


def _write(path: Path, data: bytes | str) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_bytes(data if isinstance(data, bytes) else data.encode("utf-8"))


def cmd_export(args) -> int:
    root, out = Path(args.root), Path(args.out)
    f = fr.Freshness(root)
    pages, data = [], []
    for name in args.names:
        if name.endswith((".yml", ".yaml")):
            path = (root / name).resolve()
            if not path.is_file():
                _out(f"Not exported: {name} is not a data file of this site (data/*.yml, resources/*.yml).")
                return 2
            data.append(path)
        else:
            page = fr.page_path(name, root)
            if not (root / "docs" / "en" / page).is_file():
                _out(f"Not exported: there is no English page docs/en/{page}.")
                return 2
            pages.append(page)
    if args.all:
        pages, data = ex.all_pages(root), ex.all_data(root)
    elif not args.names:
        pages = ex.pages_needing_work(root, f, args.outdated)
    if not pages and not data:
        _out("Nothing to export: every Welsh page is up to date. Name pages or data files (PAGES=…), or use --all.")
        return 0
    commit = f.git.head() if f.available else ""
    made = []  # (path under the package folder, Package, what to say)
    for page in pages:
        e = ex.page_package(root, page, f)
        review = sum(1 for u in e.package.units if u.sub_state)
        todo = sum(1 for u in e.package.units if u.target is None)
        said = f"{len(e.package.units)} segments ({e.state.state}; {review} to review, {todo} to translate)"
        made.append((ex.package_path(e.package.original, Path()), e.package, said))
    for path in data:
        pkg = ex.data_package(root, path, commit)
        made.append((ex.package_path(pkg.original, Path()), pkg, f"{len(pkg.units)} fields"))
    if args.omegat:
        project = out / "omegat"
        files, report = omegat.project_files(root, [(rel, pkg) for rel, pkg, _ in made])
        for rel, content in files.items():
            _write(project / rel, content)
        for rel, _, said in made:
            _out(f"  {_show(project / 'source' / rel)}  {said}")
        _out(
            f"Wrote the OmegaT project {_show(project)}: {len(made)} XLIFF 1.2 file(s) in source/, the site's memory "
            f"({report.aligned} segments) in tm/auto/, the termbase in glossary/. In OmegaT set Options → Preferences "
            "→ TM Matches: 'Show level 2 tags' and 'Use XML-compliant tags' (TRANSLATING.md), open the project, "
            f"translate, create the translated files, then: make translation-import FILE={_show(project / 'target')}/…"
        )
        return 0
    write = xliff12.write if args.xliff == "1.2" else write_20
    for rel, pkg, said in made:
        target = out / rel
        _write(target, write(pkg))
        _out(f"  {_show(target)}  {said}")
    _out(
        f"Exported {len(pages)} page(s) and {len(data)} data file(s) as XLIFF {args.xliff}. Translate them in your CAT "
        "tool, then: make translation-import FILE=…"
    )
    return 0


def cmd_import(args) -> int:
    root = Path(args.root)
    files = [Path(p) for p in args.files]
    plan = importer.plan_import(root, files)
    if plan.refusals:
        _out(f"Import refused: nothing was written ({len(plan.refusals)} problem{'s' * (len(plan.refusals) != 1)}):")
        for r in plan.refusals:
            _out(f"  {r}")
        return 1
    done = importer.carry_out(root, plan)
    if not done:
        _out("Nothing to write: the Welsh in the package is the Welsh in the repository.")
        return 0
    _out(f"Imported {plan.changed_segments} changed segment(s):")
    for line in done:
        _out(f"  wrote {line}")
    findings = importer.lint_written(root, list(plan.writes))
    _out(f"Checks on what was written (structural parity, termbase): {len(findings)} finding(s)")
    for finding in findings:
        _out(f"  {finding}")
    return 1 if findings else 0


def cmd_memory(args) -> int:
    data, report = memory.translation_memory(Path(args.root))
    target = Path(args.out) / "tiw-en-cy.tmx"
    _write(target, data)
    _out(
        f"  {_show(target)}: {report.aligned} aligned segments ({report.pages} from pages, {report.data} from data "
        f"files); left out: {report.unaligned} page segments with no Welsh counterpart, "
        f"{report.untranslated_data} data fields with no Welsh"
    )
    return 0


def cmd_termbase(args) -> int:
    root, out = Path(args.root), Path(args.out)
    _write(out / "termbase.tbx", memory.termbase_tbx(root))
    _write(out / "termbase.csv", memory.termbase_csv(root))
    _out(
        f"  {_show(out / 'termbase.tbx')} and {_show(out / 'termbase.csv')}: data/glossary.yml "
        "(rejected Welsh variants as deprecated terms)"
    )
    return 0


def cmd_validate(args) -> int:
    from lxml import etree  # only this command needs it

    try:
        schema = etree.XMLSchema(etree.parse(str(args.schema)))
    except (OSError, etree.XMLSchemaParseError, etree.XMLSyntaxError) as e:
        _out(f"Not validated: {args.schema} is not a readable XML Schema ({e}).")
        return 2
    files: list[Path] = []
    for name in args.files or [str(Path(args.root) / ex.OUT)]:
        path = Path(name)
        files += sorted(path.rglob("*.xlf")) if path.is_dir() else [path]
    if not files:
        _out("Not validated: no .xlf files found (make translation-export writes them).")
        return 2
    invalid = 0
    for f in files:
        try:
            ok = schema.validate(etree.parse(str(f)))
        except (OSError, etree.XMLSyntaxError) as e:
            _out(f"  {_show(f)}: not well-formed XML: {e}")
            invalid += 1
            continue
        if not ok:
            invalid += 1
            err = schema.error_log.last_error
            _out(f"  {_show(f)}, line {err.line}: {err.message}")
    _out(f"{len(files)} file(s) checked against {_show(args.schema)}: {invalid} invalid.")
    return 1 if invalid else 0


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m tools.exchange", description=__doc__.split("\n")[0])
    parser.add_argument("--root", type=Path, default=ROOT, help=argparse.SUPPRESS)
    sub = parser.add_subparsers(dest="command", required=True)
    p = sub.add_parser("export", help="XLIFF 2.0 packages of pages and data files")
    p.add_argument("names", nargs="*", help="pages (framework/aims.md) or data files (data/glossary.yml)")
    p.add_argument("--outdated", action="store_true", help="only the outdated pages")
    p.add_argument("--all", action="store_true", help="every page and every data file")
    p.add_argument("--xliff", choices=["2.0", "1.2"], default="2.0", help="XLIFF version (1.2 for older tools)")
    p.add_argument("--omegat", action="store_true", help="an OmegaT project (XLIFF 1.2, memory, termbase)")
    p.add_argument("--out", default=None)
    p.set_defaults(func=cmd_export)
    p = sub.add_parser("import", help="write the Welsh of returned packages back")
    p.add_argument("files", nargs="+")
    p.set_defaults(func=cmd_import)
    p = sub.add_parser("memory", help="TMX of every aligned English-Welsh segment")
    p.add_argument("--out", default=None)
    p.set_defaults(func=cmd_memory)
    p = sub.add_parser("termbase", help="data/glossary.yml as TBX and CSV")
    p.add_argument("--out", default=None)
    p.set_defaults(func=cmd_termbase)
    p = sub.add_parser("validate", help="check packages against an XML Schema (e.g. OASIS XLIFF)")
    p.add_argument("--schema", type=Path, required=True, help="the .xsd file")
    p.add_argument("files", nargs="*", help=".xlf files or folders (default: translation/exchange/)")
    p.set_defaults(func=cmd_validate)
    args = parser.parse_args(argv)
    if getattr(args, "out", "") is None:
        args.out = str(Path(args.root) / ex.OUT)
    return args.func(args)


if __name__ == "__main__":
    sys.exit(main())
