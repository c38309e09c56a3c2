"""Build hook: remove the theme's CSS that no page of the site uses, with PurgeCSS (npm, pinned in
package.json), so a reader's first view downloads less (issue 15: the theme's CSS was 30 KiB of a
72-80 KiB first view).

After both languages are built, the theme's stylesheets that every page loads (main and palette)
are rewritten keeping only the rules whose selectors appear
in the built pages (every .html file, both languages) or in the site's scripts: the theme's bundle
and our own scripts build parts of the page (search results, tooltips, the exit overlay, the
search highlights), and their class names are found in the scripts' text, so those rules stay.
Unused custom properties, keyframes and font faces go too. The theme's source maps describe the
unpurged files, so they are removed.

Needs `npm ci` (make build runs it); without PurgeCSS the build stops and says so: never a silent
fallback to the full CSS.
"""

from __future__ import annotations

import json
import logging
import subprocess
import tempfile
from pathlib import Path

from mkdocs.exceptions import PluginError
from mkdocs.plugins import event_priority

from tiw import ROOT

log = logging.getLogger("mkdocs.hooks.purge_css")

PURGECSS = ROOT / "node_modules" / ".bin" / "purgecss"
# Not assets/stylesheets/tiw.css: it is the site's own, written for these pages, and PurgeCSS drops
# a selector made of a pseudo-class alone (its ":focus-visible" focus ring for every element).
STYLESHEETS = ["assets/stylesheets/main.*.min.css", "assets/stylesheets/palette.*.min.css"]
CONTENT = ["**/*.html", "assets/javascripts/**/*.js"]
# A rule the site cannot do without: if PurgeCSS ever dropped it, the output is wrong, not small.
MUST_KEEP = {"main": ".md-header", "palette": "[data-md-color-scheme=slate]"}
OPTIONS = {"variables": True, "keyframes": True, "fontFace": True}


def _stylesheets(site: Path) -> list[Path]:
    files = [f for pattern in STYLESHEETS for f in sorted(site.glob(pattern))]
    if len(files) != len(STYLESHEETS):
        raise PluginError(
            f"hooks/purge_css.py: expected the stylesheets {', '.join(STYLESHEETS)} in the built "
            f"site, found {', '.join(f.name for f in files) or 'none'}. Has the theme renamed them?"
        )
    return files


@event_priority(-115)  # after static-i18n's Welsh build (-100) and the search hook (-110); before nothing
def on_post_build(config):
    i18n = config.plugins.get("i18n")
    if getattr(i18n, "building", False):
        return  # the inner Welsh build: purge once, when both languages' pages exist
    if not PURGECSS.is_file():
        raise PluginError(
            "hooks/purge_css.py: PurgeCSS is not installed (node_modules/.bin/purgecss). "
            "Run `npm ci` in the repository (make build does it), then build again."
        )
    site = Path(config.site_dir)
    files = _stylesheets(site)
    before = {f: f.stat().st_size for f in files}
    with tempfile.TemporaryDirectory(prefix="tiw-purge-") as tmp:
        options = Path(tmp) / "purgecss.config.js"
        options.write_text(f"module.exports = {json.dumps(OPTIONS)};\n", encoding="utf-8")
        out = Path(tmp) / "out"
        out.mkdir()
        run = subprocess.run(
            [str(PURGECSS), "--config", str(options), "--css", *map(str, files), "--content", *CONTENT, "--output", str(out)],
            cwd=site,
            capture_output=True,
            text=True,
        )
        if run.returncode != 0:
            raise PluginError(f"hooks/purge_css.py: PurgeCSS failed:\n{(run.stderr or run.stdout)[-2000:]}")
        for f in files:
            purged = out / f.name
            text = purged.read_text(encoding="utf-8") if purged.is_file() else ""
            key = f.name.split(".")[0]
            if key in MUST_KEEP and MUST_KEEP[key] not in text:
                raise PluginError(
                    f"hooks/purge_css.py: PurgeCSS dropped '{MUST_KEEP[key]}' from {f.name}, which "
                    "every page uses; the purged CSS would break the site. Check CONTENT here."
                )
            text = "\n".join(line for line in text.splitlines() if "sourceMappingURL" not in line) + "\n"
            f.write_text(text, encoding="utf-8")
            f.with_name(f.name + ".map").unlink(missing_ok=True)
    log.info("Purged CSS: " + "; ".join(f"{f.name} {before[f] / 1024:.1f} -> {f.stat().st_size / 1024:.1f} KiB" for f in files))
