"""Build hook: remove the theme's CSS that no page of the site uses, with PurgeCSS (npm, pinned in
package.json), so a reader's first view downloads less (issue 15: the theme's CSS was 30 KiB of a
72-80 KiB first view).

After both languages are built, the theme's stylesheets that every page loads (main and palette)
are rewritten keeping only the rules whose selectors appear in the built pages (every .html file,
both languages), in our own scripts (which build the exit overlay, the search offer and the search
highlights), or among the class names the theme's bundle adds at run time for the features this
site turns on (search results, the header's shadow, the contents' active link, table wrappers...).

The bundle itself is not read as content: it names every class of every feature the theme has, and
PurgeCSS then kept the CSS of code blocks, tabs, tooltips, annotations, versions and tags, which no
page here uses (6 KiB of a 20 KiB first view's CSS, gzipped). Its `md-*` names are taken instead,
without those of the features in NOT_TURNED_ON, each kept again if mkdocs.yml turns its feature on.
tests/browser/test_purged_css.py checks that every element, with its ::before and ::after, looks
the same under the purged CSS as under the theme's own, after the theme's scripts have run.

Unused custom properties, keyframes and font faces go too. The theme's source maps describe the
unpurged files, so they are removed.

The pages are read once, by tiw/build/purge.py, which gives PurgeCSS what they use and names the
result: a result kept in the build cache (.cache/purge/) under the same name is used instead of
running PurgeCSS again (about 0.9 CPU s). Publishing a post or a resource with the markup the site
already has leaves the name unchanged.

Needs `npm ci` (make build runs it); without PurgeCSS the build stops and says so: never a silent
fallback to the full CSS.
"""

from __future__ import annotations

import json
import logging
import os
import re
import shutil
import subprocess
import tempfile
from pathlib import Path

from mkdocs.exceptions import PluginError
from mkdocs.plugins import event_priority

from tiw import ROOT
from tiw.build import purge
from tiw.build.cache import cache_dir, prune, store_folder, used
from tiw.build.minify import THEME_BUNDLE
from tiw.build.purge import page_selectors, purge_key

log = logging.getLogger("mkdocs.hooks.purge_css")

PURGECSS = ROOT / "node_modules" / ".bin" / "purgecss"
# Not assets/stylesheets/tiw.css: it is the site's own, written for these pages, and PurgeCSS drops
# a selector made of a pseudo-class alone (its ":focus-visible" focus ring for every element).
STYLESHEETS = ["assets/stylesheets/main.*.min.css", "assets/stylesheets/palette.*.min.css"]
PAGES = "**/*.html"  # read by tiw/build/purge.py, given to PurgeCSS as one file of what they use
SCRIPTS = "assets/javascripts/**/*.js"  # read by PurgeCSS as text
# Scripts that never add a class to a page: the search workers (theirs and ours) run off the page,
# and lunr's language files only fold words. Their word lists kept unused rules ("bug", "pre").
NO_PAGE_SCRIPTS = ["assets/javascripts/workers/**", "assets/javascripts/lunr/**"]
# Class names the bundle adds at run time: its md-* and data-md-* names, and the focus-visible
# polyfill's class (keyboard focus).
RUNTIME_NAME = re.compile(r"(?<![\w-])(?:(?:data-)?md-[\w-]+|focus-visible)(?![\w-])")
# The theme's features this site does not turn on: the prefix of the class names their scripts add,
# and whether the config turns the feature on (then its names are kept).
NOT_TURNED_ON = {
    "md-annotation": lambda c: "content.code.annotate" in _features(c),
    "md-code": lambda c: "content.code.copy" in _features(c) or "content.code.select" in _features(c),
    "md-dialog": lambda c: "content.code.copy" in _features(c),
    "md-clipboard": lambda c: "content.code.copy" in _features(c),
    "md-tooltip": lambda c: any(f.endswith("tooltips") for f in _features(c)) or "content.code.annotate" in _features(c),
    "md-version": lambda c: bool((c.get("extra") or {}).get("version")),
    "md-mermaid": lambda c: "mermaid" in json.dumps(c.get("mdx_configs") or {}, default=str),
    "md-tag": lambda c: any(name.endswith("tags") for name in c.plugins),
    "md-source": lambda c: bool(c.get("repo_url")),
    "md-progress": lambda c: "navigation.instant.progress" in _features(c),
    "md-highlight": lambda c: "search.highlight" in _features(c),
}
# A rule the site cannot do without: if PurgeCSS ever dropped it, the output is wrong, not small.
MUST_KEEP = {"main": ".md-header", "palette": "[data-md-color-scheme=slate]"}
# Unused custom properties, keyframes and font faces removed; the pages' file read as it is.
OPTIONS = Path(__file__).with_name("purgecss.config.cjs")


def _features(config) -> list[str]:
    return list(config.theme.get("features") or [])


def _theme_runtime_names(site: Path, config) -> str:
    """The class names the theme's bundle may add at run time, for the features the site turns on."""
    bundles = sorted(site.glob(THEME_BUNDLE))
    if len(bundles) != 1:
        raise PluginError(
            f"hooks/purge_css.py: expected one theme bundle {THEME_BUNDLE} in the built site, found "
            f"{', '.join(b.name for b in bundles) or 'none'}. Has the theme renamed it?"
        )
    off = tuple(prefix for prefix, turned_on in NOT_TURNED_ON.items() if not turned_on(config))
    names = set(RUNTIME_NAME.findall(bundles[0].read_text(encoding="utf-8")))
    return "\n".join(sorted(n for n in names if not n.removeprefix("data-").startswith(off)))


def _stylesheets(site: Path) -> list[Path]:
    files = [f for pattern in STYLESHEETS for f in sorted(site.glob(pattern))]
    if len(files) != len(STYLESHEETS):
        raise PluginError(
            f"hooks/purge_css.py: expected the stylesheets {', '.join(STYLESHEETS)} in the built "
            f"site, found {', '.join(f.name for f in files) or 'none'}. Has the theme renamed them?"
        )
    return files


# After static-i18n's Welsh build (-100), the search hook (-110) and the minified scripts (-116):
# PurgeCSS reads the scripts as shipped, whose source comments' words kept rules ("example", "code").
@event_priority(-117)
def on_post_build(config):
    i18n = config.plugins.get("i18n")
    if getattr(i18n, "building", False):
        return  # the inner Welsh build: purge once, when both languages' pages exist
    if os.environ.get("TIW_PREVIEW", "") not in ("", "0"):
        # make serve: the preview keeps the theme's whole CSS (it looks the same, as
        # tests/browser/test_purged_css.py shows) and rebuilds half a second sooner
        return
    if not PURGECSS.is_file():
        raise PluginError(
            "hooks/purge_css.py: PurgeCSS is not installed (node_modules/.bin/purgecss). "
            "Run `npm ci` in the repository (make build does it), then build again."
        )
    site = Path(config.site_dir)
    files = _stylesheets(site)
    before = {f: f.stat().st_size for f in files}
    bundle = next(site.glob(THEME_BUNDLE), None)
    runtime_names = _theme_runtime_names(site, config)
    found = page_selectors(sorted(site.glob(PAGES)))
    with tempfile.TemporaryDirectory(prefix="tiw-purge-") as tmp:
        runtime = Path(tmp) / "theme-runtime-names.txt"
        runtime.write_text(runtime_names, encoding="utf-8")
        pages = Path(tmp) / "pages.pageselectors"
        pages.write_text(found.for_purgecss(), encoding="utf-8")
        skipped = {bundle, *(f for pattern in NO_PAGE_SCRIPTS for f in site.glob(pattern))}
        scripts = {f.relative_to(site).as_posix(): f for f in sorted(site.glob(SCRIPTS)) if f not in skipped}
        tools = {
            "purgecss": ROOT / "node_modules" / "purgecss" / "package.json",
            "options": OPTIONS,
            "hook": Path(__file__),
            "reader": Path(purge.__file__),
        }
        key = purge_key(found, {f.name: f for f in files}, {**tools, **scripts, "runtime": runtime})
        kept = cache_dir("purge") / key
        if all((kept / f.name).is_file() for f in files):
            for f in files:
                shutil.copyfile(kept / f.name, f)
                f.with_name(f.name + ".map").unlink(missing_ok=True)
            used(kept)
            log.info("Purged CSS: the same as an earlier build's (the pages use the same selectors), kept in .cache/purge/")
            return
        out = Path(tmp) / "out"
        out.mkdir()
        run = subprocess.run(
            [
                str(PURGECSS),
                "--config",
                str(OPTIONS),
                "--css",
                *map(str, files),
                "--content",
                str(pages),
                SCRIPTS,
                str(runtime),
                "--skippedContentGlobs",
                bundle.relative_to(site).as_posix(),
                *NO_PAGE_SCRIPTS,
                "--output",
                str(out),
            ],
            cwd=site,
            capture_output=True,
            text=True,
        )
        if run.returncode != 0:
            raise PluginError(f"hooks/purge_css.py: PurgeCSS failed:\n{(run.stderr or run.stdout)[-2000:]}")
        results = {}
        for f in files:
            purged = out / f.name
            text = purged.read_text(encoding="utf-8") if purged.is_file() else ""
            name = f.name.split(".")[0]
            if name in MUST_KEEP and MUST_KEEP[name] not in text:
                raise PluginError(
                    f"hooks/purge_css.py: PurgeCSS dropped '{MUST_KEEP[name]}' from {f.name}, which "
                    "every page uses; the purged CSS would break the site. Check PAGES and SCRIPTS here."
                )
            results[f] = "\n".join(line for line in text.splitlines() if "sourceMappingURL" not in line) + "\n"
        for f, text in results.items():
            f.write_text(text, encoding="utf-8")
            f.with_name(f.name + ".map").unlink(missing_ok=True)
        store_folder(files, kept)  # beside the last few results (tiw/build/cache.py)
        prune([d for d in kept.parent.iterdir() if d.is_dir()])
    log.info("Purged CSS: " + "; ".join(f"{f.name} {before[f] / 1024:.1f} -> {f.stat().st_size / 1024:.1f} KiB" for f in files))
