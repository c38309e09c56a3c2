"""`make bench`: what the site costs a reader and the build, beside a default Material + static-i18n
build of the same docs. Writes bench/out/bench.md and bench/out/bench.json and prints the table.

Measured, for our configuration (mkdocs.yml) and for a generated default one (theme material with
its defaults, i18n, search, macros; no overrides, hooks or extra CSS/JS):
- clean build: wall time and peak memory (max RSS of the build process);
- per template (home, a framework page, a level page, the resources home, a news post): the bytes
  a first view transfers, gzipped, from Chromium's network log (HTML, CSS, JS, fonts, images, data),
  split by type; text types are gzipped at level 6, already-compressed types counted as they are;
- each language's search index (raw and gzipped);
- Lighthouse 12.2.3 mobile scores (performance, accessibility, best practices, SEO), each the
  median of three runs (a single simulated run can move by several points).
Budgets are reported PASS/OVER; they are not tests.

Then `make serve`'s rebuild after saving one page (median of three; --serve-only runs just that),
and the scale run (tools/bench_scale.py): the docs multiplied 1x, 4x and 8x.

    python -m tools.bench [--no-lighthouse] [--templates home,framework] [--scale 1,4,8|none] [--site site] [--serve-only]

--site DIR measures an already built site (first view and Lighthouse only: no builds, no default, no scale run).
"""

from __future__ import annotations

import argparse
import functools
import gzip
import http.server
import json
import os
import queue
import re
import shutil
import socket
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path
from urllib.parse import urlsplit

import yaml

from tiw import ROOT
from tools.browser import chromium

OUT = ROOT / "bench" / "out"
LIGHTHOUSE = ROOT / "node_modules" / ".bin" / "lighthouse"
CHROMIUM = chromium() or "/usr/bin/chromium-headless-shell"  # tools/browser.py
KIB = 1024
BUDGET = {
    "first_view_kib": 60,
    "search_index_kib": 150,
    "build_s": 15,
    "serve_rebuild_s": 3,
    "performance": 95,
    "accessibility": 100,
    "best-practices": 100,
    "seo": 100,
}
# Template → source page (under docs/en/); a template whose page does not exist is left out.
TEMPLATES = {
    "home": "index.md",
    "framework page": "framework/purpose.md",
    "level page": "framework/levels/trauma-aware.md",
    "resources home": "resources/index.md",
    "news post": None,  # the first post under docs/en/news/posts/, when news exists
}
TEXT_TYPES = ("text/", "application/javascript", "application/json", "image/svg", "application/xml", "application/manifest")


def _url_of(src: str) -> str:
    stem = src[:-3]
    if stem == "index":
        return ""
    return stem[: -len("index")] if stem.endswith("/index") else stem + "/"


def template_urls() -> dict[str, str]:
    out = {}
    for name, src in TEMPLATES.items():
        if src is None:
            posts = sorted((ROOT / "docs/en/news/posts").glob("*.md")) if (ROOT / "docs/en/news/posts").is_dir() else []
            src = posts[0].relative_to(ROOT / "docs/en").as_posix() if posts else None
        if src and (ROOT / "docs/en" / src).is_file():
            out[name] = _url_of(src)
    return out


# -- configurations ----------------------------------------------------------------------------------


class _Loader(yaml.SafeLoader):
    pass


_Loader.add_constructor(
    "!ENV", lambda loader, node: (loader.construct_sequence(node) or [None])[-1] if isinstance(node, yaml.SequenceNode) else None
)


def default_config(workdir: Path, site_url: str, root: Path = ROOT) -> Path:
    """A mkdocs.yml with Material's defaults for the same docs: i18n, search and macros only."""
    ours = yaml.load((root / "mkdocs.yml").read_text(encoding="utf-8"), Loader=_Loader)
    plugins = []
    for p in ours["plugins"]:
        name = next(iter(p)) if isinstance(p, dict) else p
        if name == "macros":  # the config lives in a temporary folder: point at our macros package
            p = {"macros": dict(p["macros"], module_name=str(root / "macros"))}
        if name in ("search", "i18n", "macros"):
            plugins.append(p)
    config = {
        "site_name": ours["site_name"],
        "site_url": site_url,
        "docs_dir": str(root / "docs"),
        "theme": {"name": "material", "language": "en"},
        "markdown_extensions": ours.get("markdown_extensions", []),
        "plugins": plugins,
        # Our macros hold their long listings out of Markdown and this hook puts them back: without
        # it the default's pages would be shorter than ours (a placeholder for each listing).
        "hooks": [str(root / "hooks" / "held_html.py")],
        "nav": ours["nav"],
        "not_in_nav": ours.get("not_in_nav", ""),
    }
    path = workdir / "mkdocs-default.yml"
    path.write_text(yaml.safe_dump(config, allow_unicode=True, sort_keys=False), encoding="utf-8")
    return path


_BUILD = """
import resource, subprocess, sys, time
t = time.perf_counter()
r = subprocess.run(sys.argv[1:], capture_output=True, text=True)
usage = resource.getrusage(resource.RUSAGE_CHILDREN)
print(json.dumps({"rc": r.returncode, "seconds": time.perf_counter() - t,
                  "cpu_seconds": usage.ru_utime + usage.ru_stime, "peak_kib": usage.ru_maxrss,
                  "log": r.stderr[-3000:]}))
"""


def build(config: Path, dest: Path, site_url: str, root: Path = ROOT, skip_pdf: bool = False, cache: Path | None = None) -> dict:
    """A clean build in its own process, so the peak memory is this build's alone. `root` is the
    project to build (a scaled copy puts its tiw/, macros/ and hooks/ first on the path). `cache`:
    the build cache to use and keep (an earlier build's); by default an empty one, removed after."""
    shutil.rmtree(dest, ignore_errors=True)
    # an empty build cache (tiw/build/cache.py), so a clean build minifies all of our files and
    # prints the PDFs; the theme's bundle is minified with the install (make's .venv/.theme-prepared)
    kept = cache is not None
    cache = str(cache) if kept else tempfile.mkdtemp(prefix="tiw-bench-cache-")
    env = dict(
        os.environ,
        SITE_URL=site_url,
        NO_MKDOCS_2_WARNING="1",
        TIW_SKIP_PDF="1" if skip_pdf else "",
        PYTHONPATH=str(root),
        TIW_CACHE_DIR=cache,
    )
    mkdocs = [sys.executable, "-m", "mkdocs", "build", "--clean", "-q", "-f", str(config), "-d", str(dest)]
    try:
        r = subprocess.run(
            [sys.executable, "-c", "import json\n" + _BUILD, *mkdocs],
            cwd=root,
            env=env,
            capture_output=True,
            text=True,
            check=True,
        )
    finally:
        if not kept:
            shutil.rmtree(cache, ignore_errors=True)
    result = json.loads(r.stdout)
    if result["rc"] != 0:
        raise SystemExit(f"build with {config.name} failed:\n{result['log']}")
    # CPU seconds (user + system of the build process and its children) as well as wall time:
    # on a shared machine the wall time mostly measures the other processes.
    return {
        "seconds": round(result["seconds"], 2),
        "cpu_seconds": round(result["cpu_seconds"], 2),
        "peak_mib": round(result["peak_kib"] / 1024, 1),
    }


# -- make serve: a rebuild after editing one page ------------------------------------------------------
SERVE_EDITED = "docs/en/framework/purpose.md"
SERVE_BUILT = re.compile(r"Documentation built in ([0-9.]+) seconds")


def serve_rebuilds(times: int = 3, timeout: float = 120) -> dict:
    """`make serve`'s own command; after its first build, the page is saved again (its time
    touched, its text unchanged) `times` times, and each rebuild's time is read from the log. The
    build cache starts empty, as on a fresh checkout: the first build fills it, as it would."""
    cache = tempfile.mkdtemp(prefix="tiw-bench-cache-")
    env = dict(os.environ, TIW_PREVIEW="1", NO_MKDOCS_2_WARNING="1", PYTHONPATH=str(ROOT), TIW_CACHE_DIR=cache)
    cmd = [sys.executable, "-m", "mkdocs", "serve", "--strict", "-a", f"127.0.0.1:{_free_port()}"]
    proc = subprocess.Popen(cmd, cwd=ROOT, env=env, stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True)
    built: queue.Queue = queue.Queue()
    log: list[str] = []

    def read():
        for line in proc.stdout:
            log.append(line)
            m = SERVE_BUILT.search(line)
            if m:
                built.put(float(m.group(1)))

    threading.Thread(target=read, daemon=True).start()
    edited = ROOT / SERVE_EDITED
    try:
        first = built.get(timeout=timeout)
        rebuilds = []
        for _ in range(times):
            time.sleep(1.5)  # the watcher's quiet period, so each save is one rebuild
            os.utime(edited)
            rebuilds.append(built.get(timeout=timeout))
    except queue.Empty:
        raise SystemExit("make serve did not finish a build:\n" + "".join(log[-30:])) from None
    finally:
        proc.terminate()
        proc.wait(timeout=30)
        shutil.rmtree(cache, ignore_errors=True)
    return {"first_build_s": first, "rebuild_s": rebuilds, "median_rebuild_s": sorted(rebuilds)[len(rebuilds) // 2]}


def render_serve(serve: dict) -> str:
    runs = ", ".join(f"{t:.2f}" for t in serve["rebuild_s"])
    ok = serve["median_rebuild_s"] <= BUDGET["serve_rebuild_s"]
    return (
        "## make serve\n\n| | seconds | budget |\n|---|---:|---|\n"
        f"| first build | {serve['first_build_s']:.2f} | – |\n"
        f"| rebuild after saving {SERVE_EDITED} (median of {runs}) | {serve['median_rebuild_s']:.2f} | "
        f"≤ {BUDGET['serve_rebuild_s']} s: {_verdict(ok)} |\n"
    )


# -- serving and measuring ---------------------------------------------------------------------------


class _Quiet(http.server.SimpleHTTPRequestHandler):
    def log_message(self, *args):
        pass


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


class Server:
    def __init__(self, directory: Path, port: int):
        self.httpd = http.server.ThreadingHTTPServer(("127.0.0.1", port), functools.partial(_Quiet, directory=str(directory)))
        threading.Thread(target=self.httpd.serve_forever, daemon=True).start()
        self.url = f"http://127.0.0.1:{port}/"

    def close(self):
        self.httpd.shutdown()
        self.httpd.server_close()


def _kind(content_type: str, url: str) -> str:
    ct = content_type.split(";")[0].strip()
    if ct == "text/html":
        return "html"
    if ct == "text/css":
        return "css"
    if "javascript" in ct:
        return "js"
    if ct.startswith("font/") or url.endswith((".woff2", ".woff", ".ttf")):
        return "font"
    if ct.startswith("image/"):
        return "img"
    return "other"


def first_view(browser, base: str, path: str) -> dict:
    """Gzipped bytes of everything the page loads from its own origin (mobile viewport, cold cache)."""
    context = browser.new_context(viewport={"width": 412, "height": 823}, is_mobile=True, device_scale_factor=2)
    context.route(lambda u: urlsplit(u).netloc != urlsplit(base).netloc, lambda route: route.abort())
    page = context.new_page()
    seen: dict[str, tuple[str, bytes]] = {}
    foreign: list[str] = []

    def on_response(response):
        if urlsplit(response.url).netloc != urlsplit(base).netloc:
            return
        try:
            seen[response.url] = (response.headers.get("content-type", ""), response.body())
        except Exception:  # a redirect or an aborted request has no body
            pass

    page.on("response", on_response)
    page.on("requestfailed", lambda r: foreign.append(r.url) if urlsplit(r.url).netloc != urlsplit(base).netloc else None)
    page.goto(base + path, wait_until="networkidle")
    page.wait_for_timeout(500)
    context.close()
    by_kind: dict[str, int] = {}
    for url, (ct, body) in seen.items():
        size = len(gzip.compress(body, 6)) if ct.startswith(TEXT_TYPES) else len(body)
        kind = _kind(ct, url)
        by_kind[kind] = by_kind.get(kind, 0) + size
    return {"total": sum(by_kind.values()), "by_kind": by_kind, "requests": len(seen), "blocked_foreign": sorted(set(foreign))}


def search_indexes(site: Path) -> dict:
    out = {}
    for lang, rel in (("en", "search/search_index.json"), ("cy", "cy/search/search_index.json")):
        f = site / rel
        if f.is_file():
            raw = f.read_bytes()
            out[lang] = {"path": rel, "raw": len(raw), "gzip": len(gzip.compress(raw, 6))}
    return out


LIGHTHOUSE_RUNS = 3


def lighthouse(url: str) -> dict | None:
    """Lighthouse's scores for a page: the median of LIGHTHOUSE_RUNS runs, category by category
    (the failing audits are those of the run with the median performance score)."""
    runs = [_lighthouse_once(url) for _ in range(LIGHTHOUSE_RUNS)]
    if any(r is None for r in runs):
        return None
    good = [r for r in runs if "error" not in r]
    if len(good) < LIGHTHOUSE_RUNS:
        return next(r for r in runs if "error" in r)
    out = {k: sorted(r[k] for r in good)[len(good) // 2] for k in good[0] if k != "failing_audits"}
    middle = sorted(good, key=lambda r: r.get("performance", 0))[len(good) // 2]
    out["failing_audits"] = middle["failing_audits"]
    out["performance_runs"] = [r.get("performance") for r in good]
    out["load_runs"] = [r["load"] for r in good]
    return out


def lighthouse_all(base: str, templates: dict) -> dict:
    """Each template's scores, one Lighthouse run at a time. Two at once (as before) measured each
    other on a 2-core machine: the mobile scores are simulated (Lantern), but from the CPU time each
    task took here, so a busy machine lowers them. Run two at a time beside the other engineers'
    work, one page scored 61, 73 and 97 (load 10-16, 7 December 2026)."""
    return {name: lighthouse(base + path) for name, path in templates.items()}


def _lighthouse_once(url: str) -> dict | None:
    if not LIGHTHOUSE.exists():
        return None
    # The 1-minute load average as the run starts: a simulated score still drops on a busy machine,
    # so each figure is reported beside the load it was measured under.
    load = round(os.getloadavg()[0], 1)
    with tempfile.TemporaryDirectory() as tmp:
        report = Path(tmp) / "lh.json"
        env = dict(os.environ, CHROME_PATH=CHROMIUM)
        r = subprocess.run(
            [
                str(LIGHTHOUSE),
                url,
                "--quiet",
                "--output=json",
                f"--output-path={report}",
                "--form-factor=mobile",
                "--only-categories=performance,accessibility,best-practices,seo",
                "--chrome-flags=--headless --no-sandbox --disable-gpu",
            ],
            env=env,
            capture_output=True,
            text=True,
            timeout=240,
        )
        if r.returncode != 0 or not report.is_file():
            return {"error": (r.stderr or r.stdout)[-500:]}
        data = json.loads(report.read_text(encoding="utf-8"))
    scores = {k: round((v["score"] or 0) * 100) for k, v in data["categories"].items()}
    failing = sorted(
        {
            ref["id"]
            for cat in data["categories"].values()
            for ref in cat["auditRefs"]
            if ref.get("weight")
            and (data["audits"][ref["id"]].get("score") or 0) < 1
            and data["audits"][ref["id"]].get("scoreDisplayMode") == "binary"
        }
    )
    scores["failing_audits"] = failing
    scores["load"] = load
    return scores


# -- report ------------------------------------------------------------------------------------------


def _ratio(a, b) -> str:
    return f"{a / b:.2f}" if a is not None and b else "–"


def _verdict(ok: bool) -> str:
    return "PASS" if ok else "OVER"


def render(results: dict) -> str:
    ours, default = results["ours"], results["default"]
    lines = [
        "# Benchmark: our configuration vs default Material + static-i18n",
        "",
        f"Run {results['date']} on {results['cpus']} CPUs. Sizes in KiB (gzipped unless marked raw).",
        "",
        "## Build",
        "",
        "| | ours | default | ratio | budget |",
        "|---|---:|---:|---:|---|",
        f"| clean build (s) | {ours['build']['seconds']} | {default['build']['seconds']} | "
        f"{_ratio(ours['build']['seconds'], default['build']['seconds'])} | ≤ {BUDGET['build_s']} s: "
        f"{_verdict(ours['build']['seconds'] <= BUDGET['build_s'])} |",
        f"| peak memory (MiB) | {ours['build']['peak_mib']} | {default['build']['peak_mib']} | "
        f"{_ratio(ours['build']['peak_mib'], default['build']['peak_mib'])} | – |",
        "",
        "## First view per template (gzipped KiB)",
        "",
        "| template | URL | ours | default | ratio | ours: html / css / js / font / img / other | budget |",
        "|---|---|---:|---:|---:|---|---|",
    ]
    for name, fv in ours["first_view"].items():
        d = default["first_view"].get(name)
        k = fv["by_kind"]
        parts = " / ".join(f"{k.get(x, 0) / KIB:.1f}" for x in ("html", "css", "js", "font", "img", "other"))
        ok = fv["total"] <= BUDGET["first_view_kib"] * KIB and (d is None or fv["total"] <= d["total"])
        lines.append(
            f"| {name} | /{fv['url']} | {fv['total'] / KIB:.1f} | {d['total'] / KIB if d else 0:.1f} | "
            f"{_ratio(fv['total'], d['total'] if d else None)} | {parts} | ≤ {BUDGET['first_view_kib']} KiB and ≤ default: {_verdict(ok)} |"
        )
    blocked = sorted({u for fv in default["first_view"].values() for u in fv["blocked_foreign"]})
    if blocked:
        lines += [
            "",
            "The default configuration also asks other hosts for (blocked here, not counted): "
            + ", ".join(sorted({urlsplit(u).netloc for u in blocked}))
            + ".",
        ]
    lines += [
        "",
        "## Search index per language",
        "",
        "| language | ours raw | ours gzip | default raw | default gzip | budget |",
        "|---|---:|---:|---:|---:|---|",
    ]
    for lang in ("en", "cy"):
        o, d = ours["search"].get(lang), default["search"].get(lang)
        if not o:
            lines.append(
                f"| {lang} | (no separate index) | | {d['raw'] / KIB if d else 0:.1f} | {d['gzip'] / KIB if d else 0:.1f} | – |"
            )
            continue
        dflt = f"{d['raw'] / KIB:.1f} | {d['gzip'] / KIB:.1f}" if d else "– (one combined index) | –"
        lines.append(
            f"| {lang} ({o['path']}) | {o['raw'] / KIB:.1f} | {o['gzip'] / KIB:.1f} | {dflt} | "
            f"≤ 150 KiB: {_verdict(o['gzip'] <= BUDGET['search_index_kib'] * KIB)} |"
        )
    if results.get("lighthouse"):
        lines += [
            "",
            "## Lighthouse 12.2.3, mobile (ours / default)",
            "",
            "| template | performance | accessibility | best practices | SEO | budget | failing audits (ours) |",
            "|---|---|---|---|---|---|---|",
        ]
        for name in ours["first_view"]:
            o, d = ours["lighthouse"].get(name) or {}, default["lighthouse"].get(name) or {}
            if "error" in o or not o:
                lines.append(f"| {name} | error: {o.get('error', 'not run')[:80]} | | | | | |")
                continue
            cats = ("performance", "accessibility", "best-practices", "seo")
            ok = all(o[c] >= BUDGET[c] for c in cats)
            cells = " | ".join(f"{o[c]} / {d.get(c, '–')}" for c in cats)
            runs = f" (runs {', '.join(map(str, o.get('performance_runs', [])))}; load {', '.join(map(str, o.get('load_runs', [])))})"
            lines.append(
                f"| {name} | {cells}{runs} | perf ≥ 95, others 100: {_verdict(ok)} | {', '.join(o['failing_audits']) or '–'} |"
            )
    return "\n".join(lines) + "\n"


def render_built(results: dict) -> str:
    """The report for --site: first view and Lighthouse of one built site, against the budgets."""
    ours = results["ours"]
    lines = [
        f"# Benchmark of the built site {results['site']}",
        "",
        f"Run {results['date']} on {results['cpus']} CPUs. Sizes in KiB, gzipped.",
        "",
        "| template | URL | first view | html / css / js / font / img / other | budget | Lighthouse performance (runs) |",
        "|---|---|---:|---|---|---|",
    ]
    for name, fv in ours["first_view"].items():
        k = fv["by_kind"]
        parts = " / ".join(f"{k.get(x, 0) / KIB:.1f}" for x in ("html", "css", "js", "font", "img", "other"))
        lh = ours["lighthouse"].get(name) or {}
        perf = (
            (
                f"{lh['performance']} (runs {', '.join(map(str, lh.get('performance_runs', [])))}; "
                f"load {', '.join(map(str, lh.get('load_runs', [])))}): "
                f"{_verdict(lh['performance'] >= BUDGET['performance'])}"
            )
            if "performance" in lh
            else (f"error: {lh['error'][:80]}" if "error" in lh else "not run")
        )
        lines.append(
            f"| {name} | /{fv['url']} | {fv['total'] / KIB:.1f} | {parts} | ≤ {BUDGET['first_view_kib']} KiB: "
            f"{_verdict(fv['total'] <= BUDGET['first_view_kib'] * KIB)} | {perf} |"
        )
    return "\n".join(lines) + "\n"


def measure_built(site: Path, templates: dict, lighthouse_on: bool, results: dict) -> str:
    from playwright.sync_api import sync_playwright

    with sync_playwright() as p:
        browser = p.chromium.launch(
            executable_path=CHROMIUM, args=["--no-sandbox", "--disable-gpu", "--disable-background-networking"]
        )
        server = Server(site, _free_port())
        try:
            entry = {"first_view": {}, "lighthouse": {}}
            for name, path in templates.items():
                entry["first_view"][name] = dict(first_view(browser, server.url, path), url=path)
            if lighthouse_on:
                entry["lighthouse"] = lighthouse_all(server.url, templates)
        finally:
            server.close()
            browser.close()
    results["ours"] = entry
    return render_built(results)


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--no-lighthouse", action="store_true", help="skip Lighthouse (about 15-40 s a page)")
    ap.add_argument("--templates", help="comma-separated template names (default: all)")
    ap.add_argument("--scale", default="1,4,8", help="the scale run's multipliers (tools/bench_scale.py); 'none' to skip it")
    ap.add_argument("--site", help="measure this built site only (first view and Lighthouse)")
    ap.add_argument("--serve-only", action="store_true", help="measure only make serve's rebuild after saving one page")
    args = ap.parse_args(argv)
    if args.serve_only:
        table = render_serve(serve_rebuilds())
        print(table)
        return 0
    templates = template_urls()
    if args.templates:
        templates = {k: v for k, v in templates.items() if k in args.templates.split(",")}
    OUT.mkdir(parents=True, exist_ok=True)
    results = {
        "date": time.strftime("%Y-%m-%d %H:%M"),
        "cpus": os.cpu_count(),
        "budgets": BUDGET,
        "lighthouse": not args.no_lighthouse,
    }
    if args.site:
        results["site"] = args.site
        table = measure_built(Path(args.site), templates, not args.no_lighthouse, results)
        (OUT / "bench-site.json").write_text(json.dumps(results, indent=2, ensure_ascii=False), encoding="utf-8")
        (OUT / "bench-site.md").write_text(table, encoding="utf-8")
        print(table)
        return 0
    from playwright.sync_api import sync_playwright

    with tempfile.TemporaryDirectory(prefix="tiw-bench-") as tmp, sync_playwright() as p:
        tmp = Path(tmp)
        browser = p.chromium.launch(
            executable_path=CHROMIUM, args=["--no-sandbox", "--disable-gpu", "--disable-background-networking"]
        )
        for label, config in (("ours", ROOT / "mkdocs.yml"), ("default", None)):
            port = _free_port()
            site_url = f"http://127.0.0.1:{port}/"  # absolute links point at the server we measure
            if config is None:
                config = default_config(tmp, site_url)
            print(f"[bench] building {label} …", file=sys.stderr)
            site = tmp / f"site-{label}"
            entry = {"build": build(config, site, site_url)}
            server = Server(site, port)
            try:
                entry["first_view"] = {}
                for name, path in templates.items():
                    fv = first_view(browser, server.url, path)
                    fv["url"] = path
                    entry["first_view"][name] = fv
                entry["search"] = search_indexes(site)
                entry["lighthouse"] = {}
                if not args.no_lighthouse:
                    print(f"[bench] lighthouse {label}: {', '.join(templates)} …", file=sys.stderr)
                    entry["lighthouse"] = lighthouse_all(server.url, templates)
            finally:
                server.close()
            results[label] = entry
        browser.close()
    print("[bench] make serve: rebuilds after saving one page …", file=sys.stderr)
    results["serve"] = serve_rebuilds()
    (OUT / "bench.json").write_text(json.dumps(results, indent=2, ensure_ascii=False), encoding="utf-8")
    table = render(results) + "\n" + render_serve(results["serve"])
    (OUT / "bench.md").write_text(table, encoding="utf-8")
    print(table)
    if args.scale != "none":
        from tools import bench_scale  # it imports this module's build helpers

        bench_scale.main(["--factors", args.scale], serve=results["serve"])
    return 0


if __name__ == "__main__":
    sys.exit(main())
