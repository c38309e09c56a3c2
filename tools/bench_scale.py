"""`make bench`'s scale run: the same docs multiplied 1x, 4x and 8x (framework pages in both
languages and catalogue entries), clean build time, peak memory and time per page, for our
configuration and for the default one. Budgets are reported, not tests (issue 14):
- time per page at 8x within 1.15x of time per page at 1x (the build grows linearly);
- clean build without the PDFs within 1.1x of the default configuration's, with the PDFs 1.4x.
Clean builds start with an empty build cache (tiw/build/cache.py); at 1x the same two are measured
again with the cache an earlier build of the same sources left (what `make build` finds after a
change that leaves the framework's text and our scripts alone: the PDFs are not printed again).

    python -m tools.bench_scale [--factors 1,4,8]
"""

from __future__ import annotations

import argparse
import json
import re
import shutil
import sys
import tempfile
from pathlib import Path

from tiw import LANGS, ROOT
from tiw.core.paths import BUILD_INPUTS
from tools.bench import BUDGET as BENCH_BUDGET
from tools.bench import OUT, build, default_config

PARTS = BUILD_INPUTS  # one list with the tests' copies: this one lacked tiw_editor/ and every build failed
BUDGET = {"per_page_8x_vs_1x": 1.15, "no_pdf_vs_default": 1.1, "pdf_vs_default": 1.4}
SITE_URL = "http://127.0.0.1:8000/"
SERVE_BUDGET_S = BENCH_BUDGET["serve_rebuild_s"]


def scaled_copy(dest: Path, factor: int) -> tuple[Path, int]:
    """A copy of the project with factor-1 extra copies of docs/<lang>/framework/ (as sibling
    folders framework-2/, …, so every relative link still resolves, left out of the nav) and of
    every resource (id-2, …). Returns (the copy, pages per language)."""
    dest.mkdir(parents=True)
    for part in PARTS:
        src = ROOT / part
        if src.is_dir():
            shutil.copytree(src, dest / part, ignore=shutil.ignore_patterns("__pycache__"))
        elif src.is_file():
            shutil.copy2(src, dest / part)
    # The pinned npm tools (PurgeCSS, terser, csso, Decap) the build runs or copies: linked, not copied.
    (dest / "node_modules").symlink_to(ROOT / "node_modules", target_is_directory=True)
    for k in range(2, factor + 1):
        for lang in LANGS:
            shutil.copytree(ROOT / "docs" / lang / "framework", dest / "docs" / lang / f"framework-{k}")
        for res in sorted((ROOT / "resources").glob("*.yml")):
            text = re.sub(r"^id:\s*(\S+)", rf"id: \g<1>-{k}", res.read_text(encoding="utf-8"), count=1, flags=re.M)
            (dest / "resources" / f"{res.stem}-{k}.yml").write_text(text, encoding="utf-8")
    if factor > 1:
        config = dest / "mkdocs.yml"
        text = config.read_text(encoding="utf-8")
        config.write_text(text.replace("not_in_nav: |\n", "not_in_nav: |\n  framework-*/\n", 1), encoding="utf-8")
    pages = sum(1 for _ in (dest / "docs" / "en").rglob("*.md"))
    return dest, pages


def _median(runs: list[dict]) -> dict:
    return sorted(runs, key=lambda r: r["cpu_seconds"])[len(runs) // 2]


def run(factors: list[int], rounds: int = 3) -> dict:
    rows = []
    with tempfile.TemporaryDirectory(prefix="tiw-scale-") as tmp:
        tmp = Path(tmp)
        for factor in factors:
            project, pages = scaled_copy(tmp / f"x{factor}", factor)
            resources = sum(1 for _ in (project / "resources").glob("*.yml"))
            row = {"factor": factor, "pages_per_lang": pages, "resources": resources}
            print(f"[bench] scale {factor}x: {pages} pages a language, {resources} resources …", file=sys.stderr)
            # Rounds of ours and the default back to back, each figure the median round's: on a shared
            # machine one pair of builds put the same ratio anywhere between 1.2 and 1.8.
            runs: dict[str, list[dict]] = {
                "ours_no_pdf": [],
                "default": [],
                "ours_pdf": [],
                "ours_no_pdf_kept": [],
                "ours_pdf_kept": [],
            }
            kept = tmp / "kept-cache"
            if factor == 1:  # the cache an earlier build of the same sources leaves
                build(project / "mkdocs.yml", tmp / "site", SITE_URL, project, cache=kept)
            for _ in range(rounds):
                runs["ours_no_pdf"].append(build(project / "mkdocs.yml", tmp / "site", SITE_URL, project, skip_pdf=True))
                runs["default"].append(build(default_config(tmp, SITE_URL, project), tmp / "site", SITE_URL, project))
                if factor == 1:
                    runs["ours_pdf"].append(build(project / "mkdocs.yml", tmp / "site", SITE_URL, project))
                    runs["ours_no_pdf_kept"].append(
                        build(project / "mkdocs.yml", tmp / "site", SITE_URL, project, skip_pdf=True, cache=kept)
                    )
                    runs["ours_pdf_kept"].append(build(project / "mkdocs.yml", tmp / "site", SITE_URL, project, cache=kept))
            for name, done in runs.items():
                if done:
                    row[name] = dict(_median(done), cpu_runs=[r["cpu_seconds"] for r in done])
            row["ms_per_page"] = round(1000 * row["ours_no_pdf"]["cpu_seconds"] / (2 * pages), 1)
            rows.append(row)
            shutil.rmtree(project)
    return {"budgets": BUDGET, "rounds": rounds, "rows": rows}


def render(result: dict) -> str:
    rows = result["rows"]
    out = [
        f"## Scale (clean builds, each figure the median of {result.get('rounds', 1)}; ours without PDFs unless stated; "
        "CPU s = user + system, which a shared machine disturbs far less than wall time; ratios and time a page use CPU s)",
        "",
        "| scale | pages a language | resources | ours CPU s | ours wall s | ours MiB | default CPU s | "
        "default wall s | default MiB | ours/default | CPU ms a page (both languages) |",
        "| --- | --- | --- | --- | --- | --- | --- | --- | --- | --- | --- |",
    ]
    for r in rows:
        o, d = r["ours_no_pdf"], r["default"]
        out.append(
            f"| {r['factor']}x | {r['pages_per_lang']} | {r['resources']} | {o['cpu_seconds']} | {o['seconds']} | "
            f"{o['peak_mib']} | {d['cpu_seconds']} | {d['seconds']} | {d['peak_mib']} | "
            f"{o['cpu_seconds'] / d['cpu_seconds']:.2f} | {r['ms_per_page']} |"
        )
    out.append("")
    first, last = rows[0], rows[-1]
    if len(rows) > 1:
        ratio = last["ms_per_page"] / first["ms_per_page"]
        ok = ratio <= BUDGET["per_page_8x_vs_1x"]
        out.append(
            f"- time a page at {last['factor']}x / at {first['factor']}x: {ratio:.2f} "
            f"(budget {BUDGET['per_page_8x_vs_1x']}): {'PASS' if ok else 'OVER'}"
        )
    nopdf = first["ours_no_pdf"]["cpu_seconds"] / first["default"]["cpu_seconds"]
    if "cpu_runs" in first["ours_no_pdf"]:
        out.append(
            f"- CPU s of each round at {first['factor']}x: ours {first['ours_no_pdf']['cpu_runs']}, default "
            f"{first['default']['cpu_runs']}"
            + (f", ours with PDFs {first['ours_pdf']['cpu_runs']}" if "ours_pdf" in first else "")
        )
    out.append(
        f"- clean build without PDFs / default at {first['factor']}x: {nopdf:.2f} "
        f"(budget {BUDGET['no_pdf_vs_default']}): {'PASS' if nopdf <= BUDGET['no_pdf_vs_default'] else 'OVER'}"
    )
    if "ours_pdf" in first:
        pdf = first["ours_pdf"]["cpu_seconds"] / first["default"]["cpu_seconds"]
        out.append(
            f"- clean build with PDFs / default at 1x: {pdf:.2f} (budget {BUDGET['pdf_vs_default']}): "
            f"{'PASS' if pdf <= BUDGET['pdf_vs_default'] else 'OVER'}"
        )
    if "ours_pdf_kept" in first:
        default = first["default"]["cpu_seconds"]
        nopdf_kept = first["ours_no_pdf_kept"]["cpu_seconds"] / default
        pdf_kept = first["ours_pdf_kept"]["cpu_seconds"] / default
        out.append(
            f"- the same with the cache of an earlier build of the same sources (PDFs not printed again): without "
            f"PDFs {nopdf_kept:.2f} (budget {BUDGET['no_pdf_vs_default']}): "
            f"{'PASS' if nopdf_kept <= BUDGET['no_pdf_vs_default'] else 'OVER'}; with PDFs {pdf_kept:.2f} "
            f"(budget {BUDGET['pdf_vs_default']}): {'PASS' if pdf_kept <= BUDGET['pdf_vs_default'] else 'OVER'} "
            f"(CPU s of each round: {first['ours_no_pdf_kept']['cpu_runs']}, {first['ours_pdf_kept']['cpu_runs']})"
        )
    serve = result.get("serve")
    if serve:
        runs = ", ".join(f"{t:.2f}" for t in serve["rebuild_s"])
        ok = serve["median_rebuild_s"] <= SERVE_BUDGET_S
        out.append(
            f"- a `make serve` rebuild after saving one page at 1x: median {serve['median_rebuild_s']:.2f} s of "
            f"{runs} (budget {SERVE_BUDGET_S} s): {'PASS' if ok else 'OVER'} (measured by make bench, see bench.md)"
        )
    else:
        out.append(
            f"- a `make serve` rebuild after saving one page (budget {SERVE_BUDGET_S} s at today's size) is measured "
            "by `python -m tools.bench --serve-only` (and by make bench, in bench.md), not by this run."
        )
    return "\n".join(out) + "\n"


def main(argv=None, serve: dict | None = None) -> int:
    """`serve`: make bench's measured `make serve` rebuilds (tools/bench.py serve_rebuilds), reported beside the scale run."""
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--factors", default="1,4,8", help="comma-separated multipliers (default 1,4,8)")
    ap.add_argument("--rounds", type=int, default=3, help="builds of each kind at each scale; the median is reported")
    args = ap.parse_args(argv)
    result = run([int(f) for f in args.factors.split(",")], rounds=args.rounds)
    if serve:
        result["serve"] = serve
    OUT.mkdir(parents=True, exist_ok=True)
    (OUT / "scale.json").write_text(json.dumps(result, indent=2), encoding="utf-8")
    table = render(result)
    (OUT / "scale.md").write_text(table, encoding="utf-8")
    print(table)
    return 0


if __name__ == "__main__":
    sys.exit(main())
