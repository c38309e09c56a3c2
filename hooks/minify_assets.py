"""Build hook: the site's own scripts and stylesheet, minified in the built site (terser and csso,
npm, pinned in package.json), so a first view does not download their comments and spaces
(issue 15: first view within 60 KiB). The sources in docs/assets/ keep their comments.

Minified: assets/javascripts/*.js and workers/*.js written by us (not the generated lunr/
language files, which tests read) and assets/stylesheets/tiw.css; and the theme's bundle, already
minified by esbuild, again with terser (two compress passes: 34.2 -> 31.5 KiB gzipped, its source
map, which describes the original, removed). terser keeps
top-level names (the theme's storage helpers are globals the theme calls). Without the tools the
build stops and says so: never a silent fallback to the unminified files.
"""

from __future__ import annotations

import json
import logging
import subprocess
from pathlib import Path

from mkdocs.exceptions import PluginError
from mkdocs.plugins import event_priority

from tiw import ROOT

log = logging.getLogger("mkdocs.hooks.minify_assets")

SCRIPTS = ["assets/javascripts/*.js", "assets/javascripts/workers/*.js"]
THEME_BUNDLE = "assets/javascripts/bundle.*.min.js"
STYLESHEETS = ["assets/stylesheets/tiw.css"]
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


def _ours(site: Path) -> list[Path]:
    return [f for pattern in SCRIPTS for f in sorted(site.glob(pattern)) if not f.name.endswith(".min.js")]


@event_priority(-116)  # after PurgeCSS (-115), which reads the scripts' text for class names
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
    css = [site / f for f in STYLESHEETS]
    absent = [str(f.relative_to(site)) for f in css if not f.is_file()]
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
    files = {"js": [str(f) for f in js], "css": [str(f) for f in css]}
    run = subprocess.run(["node", "-e", _NODE], input=json.dumps(files), cwd=ROOT, capture_output=True, text=True)
    if run.returncode != 0:
        raise PluginError(f"hooks/minify_assets.py: minifying failed:\n{(run.stderr or run.stdout)[-2000:]}")
    sizes = json.loads(run.stdout)
    log.info(
        f"Minified {len(js)} scripts and {len(css)} stylesheet: {sizes['before'] / 1024:.1f} -> {sizes['after'] / 1024:.1f} KiB"
    )
