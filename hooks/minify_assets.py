"""Build hook: the site's own scripts and stylesheets, minified in the built site (terser and csso,
npm, pinned in package.json), so a first view does not download their comments and spaces
(issue 15: first view within 60 KiB). The sources in docs/assets/ keep their comments.

Minified: assets/javascripts/*.js and workers/*.js written by us (not the generated lunr/
language files, which tests read), assets/stylesheets/tiw.css and the tools' stylesheets
(assets/stylesheets/tools/); and the theme's bundle, already minified by esbuild, again with terser
(two compress passes: 34.2 -> 31.5 KiB gzipped, its source map, which describes the original,
removed). terser keeps top-level names (the theme's storage helpers are globals the theme calls).
Without the tools the build stops and says so: never a silent fallback to the unminified files.

Each minified file is kept in .cache/minify/ (tiw/build/cache.py), named by the hash of what
decides it: the source, the minifier's code and options here, and terser's and csso's versions. A
file seen before is copied, not minified again: terser took 2.3 s of a 7.2 s build for the
theme's bundle, which changes only with the theme. make bench gives each clean build an empty cache.
"""

from __future__ import annotations

import hashlib
import json
import logging
import os
import subprocess
from pathlib import Path

from mkdocs.exceptions import PluginError
from mkdocs.plugins import event_priority

from tiw import ROOT
from tiw.build.cache import cache_dir

log = logging.getLogger("mkdocs.hooks.minify_assets")

SCRIPTS = ["assets/javascripts/*.js", "assets/javascripts/workers/*.js"]
THEME_BUNDLE = "assets/javascripts/bundle.*.min.js"
STYLESHEETS = ["assets/stylesheets/tiw.css", "assets/stylesheets/tools/*.css"]
NEEDS = ["node_modules/terser/package.json", "node_modules/csso/package.json"]

# Reads {"js": [...], "css": [...]} on stdin, rewrites each file minified, prints the sizes.
_NODE = r"""
const fs = require("fs"), terser = require("terser"), csso = require("csso");
(async () => {
  const files = JSON.parse(fs.readFileSync(0, "utf8"));
  let before = 0, after = 0;
  for (const f of files.js) {
    const src = fs.readFileSync(f, "utf8");
    const out = await terser.minify(src, { compress: { passes: 2 }, mangle: true, format: { comments: false } });
    fs.writeFileSync(f, out.code + "\n");
    before += src.length; after += out.code.length + 1;
  }
  for (const f of files.css) {
    const src = fs.readFileSync(f, "utf8");
    const out = csso.minify(src, { restructure: false }).css;
    fs.writeFileSync(f, out + "\n");
    before += src.length; after += out.length + 1;
  }
  console.log(JSON.stringify({ before, after }));
})().catch(e => { console.error(String(e && e.stack || e)); process.exit(1); });
"""


def _tools_key() -> bytes:
    versions = [json.loads((ROOT / n).read_text(encoding="utf-8"))["version"] for n in NEEDS]
    return (_NODE + "\0" + "\0".join(versions)).encode()


def _cached(f: Path, tools: bytes) -> Path:
    return cache_dir("minify") / hashlib.sha256(tools + b"\0" + f.suffix.encode() + b"\0" + f.read_bytes()).hexdigest()


def _ours(site: Path) -> list[Path]:
    return [f for pattern in SCRIPTS for f in sorted(site.glob(pattern)) if not f.name.endswith(".min.js")]


@event_priority(-116)  # before PurgeCSS (-117), which reads the scripts as shipped for class names
def on_post_build(config):
    i18n = config.plugins.get("i18n")
    if getattr(i18n, "building", False):
        return  # the inner Welsh build: both languages share assets/, minify once at the end
    missing = [n for n in NEEDS if not (ROOT / n).is_file()]
    if missing:
        raise PluginError(
            f"hooks/minify_assets.py: {', '.join(missing)} is not installed. "
            "Run `npm ci` in the repository (make build does it), then build again."
        )
    site = Path(config.site_dir)
    css = [f for pattern in STYLESHEETS for f in sorted(site.glob(pattern))]
    absent = [pattern for pattern in STYLESHEETS if not any(site.glob(pattern))]
    js = _ours(site)
    bundle = sorted(site.glob(THEME_BUNDLE))
    if len(bundle) != 1:
        raise PluginError(f"hooks/minify_assets.py: expected one {THEME_BUNDLE} in the built site, found {len(bundle)}")
    js += bundle
    for f in bundle:
        f.with_name(f.name + ".map").unlink(missing_ok=True)
    if absent or not js:
        raise PluginError(
            f"hooks/minify_assets.py: expected {', '.join(absent) or ', '.join(SCRIPTS)} in the built site; "
            "has extra_css or extra_javascript in mkdocs.yml moved?"
        )
    tools = _tools_key()
    keys = {f: _cached(f, tools) for f in js + css}
    before = sum(f.stat().st_size for f in keys)
    todo = [f for f, key in keys.items() if not key.is_file()]
    if todo:
        files = {"js": [str(f) for f in todo if f in js], "css": [str(f) for f in todo if f in css]}
        run = subprocess.run(["node", "-e", _NODE], input=json.dumps(files), cwd=ROOT, capture_output=True, text=True)
        if run.returncode != 0:
            raise PluginError(f"hooks/minify_assets.py: minifying failed:\n{(run.stderr or run.stdout)[-2000:]}")
        cache_dir("minify").mkdir(parents=True, exist_ok=True)
        for f in todo:
            temp = keys[f].with_suffix(f".{os.getpid()}.tmp")  # two builds at once never read half a file
            temp.write_bytes(f.read_bytes())
            temp.replace(keys[f])
    for f, key in keys.items():
        if f not in todo:
            f.write_bytes(key.read_bytes())
    after = sum(f.stat().st_size for f in keys)
    log.info(
        f"Minified {len(js)} scripts and {len(css)} stylesheets ({len(keys) - len(todo)} from .cache/minify): "
        f"{before / 1024:.1f} -> {after / 1024:.1f} KiB"
    )
