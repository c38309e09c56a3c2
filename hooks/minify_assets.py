"""Build hook: the site's own scripts and stylesheets, minified in the built site (esbuild, and
terser for the theme's bundle; npm, pinned in package.json), so a first view does not download their comments and spaces
(issue 15: first view within 60 KiB). The sources in docs/assets/ keep their comments.

Minified: assets/javascripts/*.js and workers/*.js written by us (not the generated lunr/
language files, which tests read), assets/stylesheets/tiw.css and the tools' stylesheets
(assets/stylesheets/tools/); and the theme's bundle, whose source map (it describes the original)
is removed. How, and where the results are kept, is tiw/build/minify.py: ours in .cache/minify/,
the theme's bundle once for the installed theme. Without the tools the build stops and says so:
never a silent fallback to the unminified files.
"""

from __future__ import annotations

import logging
from pathlib import Path

from mkdocs.exceptions import PluginError
from mkdocs.plugins import event_priority

from tiw.build.minify import THEME_BUNDLE, MinifyError, minify, missing_tools

log = logging.getLogger("mkdocs.hooks.minify_assets")

SCRIPTS = ["assets/javascripts/*.js", "assets/javascripts/workers/*.js"]
STYLESHEETS = ["assets/stylesheets/tiw.css", "assets/stylesheets/tools/*.css"]


def _ours(site: Path) -> list[Path]:
    return [f for pattern in SCRIPTS for f in sorted(site.glob(pattern)) if not f.name.endswith(".min.js")]


@event_priority(-116)  # before PurgeCSS (-117), which reads the scripts as shipped for class names
def on_post_build(config):
    i18n = config.plugins.get("i18n")
    if getattr(i18n, "building", False):
        return  # the inner Welsh build: both languages share assets/, minify once at the end
    missing = missing_tools()
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
    for f in bundle:
        f.with_name(f.name + ".map").unlink(missing_ok=True)
    if absent or not js:
        raise PluginError(
            f"hooks/minify_assets.py: expected {', '.join(absent) or ', '.join(SCRIPTS)} in the built site; "
            "has extra_css or extra_javascript in mkdocs.yml moved?"
        )
    before = sum(f.stat().st_size for f in js + css + bundle)
    try:
        kept, _ = minify(js, css, theme_bundle=bundle[0])
    except MinifyError as e:
        raise PluginError(f"hooks/minify_assets.py: {e}") from None
    after = sum(f.stat().st_size for f in js + css + bundle)
    log.info(
        f"Minified {len(js) + 1} scripts and {len(css)} stylesheets ({kept} kept from earlier builds or the install): "
        f"{before / 1024:.1f} -> {after / 1024:.1f} KiB"
    )
