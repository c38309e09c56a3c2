"""Minifying with the pinned esbuild and terser (npm): our scripts and stylesheets in every build, and
the theme's bundle once for the theme that is installed.

The theme's bundle (already minified by esbuild) goes through terser again (two compress passes:
34.2 -> 31.5 KiB gzipped, in every first view). That took about 5.5 CPU s (2.7 s on the clock),
more than the rest of a build's own work, for a file that changes only when the pinned theme or
terser does. So it is done with the install (`make`'s `.venv/.theme-prepared`, `python -m
tiw.build.minify`) and kept beside the theme in the environment (`.venv/share/tiw/`), named by the
hash of everything that decides it; a build copies it. A build that finds no prepared bundle (a
newer theme, an environment made by hand) minifies it then and keeps it there, so the output never
differs, only when the work is done.

Our own files are kept in .cache/minify/ the same way (tiw/build/cache.py): they change with the
site, so a clean build (make bench's) minifies them again.
"""

from __future__ import annotations

import argparse
import hashlib
import json
import subprocess
import sys
import tempfile
from pathlib import Path

from tiw import ROOT
from tiw.build.cache import cache_dir, store_file

NEEDS = ["node_modules/terser/package.json", "node_modules/esbuild/package.json"]
# The theme's bundle, where the theme keeps it (templates/) and where a build writes it (site/).
THEME_BUNDLE = "assets/javascripts/bundle.*.min.js"

# Reads {"theme": [...], "js": [...], "css": [...]} on stdin and rewrites each file minified. Ours
# with esbuild (about 0.2 CPU s for all of them; terser took 1.6 s, for 0.1 KiB less in all); the
# theme's bundle with terser, whose two compress passes save 2.7 KiB of it that esbuild cannot.
# Neither renames top-level names: the theme's storage helpers are globals the theme calls.
_NODE = r"""
const fs = require("fs"), esbuild = require("esbuild");
(async () => {
  const files = JSON.parse(fs.readFileSync(0, "utf8"));
  for (const f of files.js.concat(files.css)) {
    const src = fs.readFileSync(f, "utf8");
    const loader = f.endsWith(".css") ? "css" : "js";
    const out = esbuild.transformSync(src, { loader, minify: true, legalComments: "none" }).code;
    fs.writeFileSync(f, out.endsWith("\n") ? out : out + "\n");
  }
  if (files.theme.length) {
    const terser = require("terser");
    for (const f of files.theme) {
      const out = await terser.minify(fs.readFileSync(f, "utf8"), { compress: { passes: 2 }, mangle: true, format: { comments: false } });
      fs.writeFileSync(f, out.code + "\n");
    }
  }
})().catch(e => { console.error(String(e && e.stack || e)); process.exit(1); });
"""


class MinifyError(Exception):
    """The tools are missing or failed: the message says what to do."""


def missing_tools() -> list[str]:
    return [n for n in NEEDS if not (ROOT / n).is_file()]


def _tools_key() -> bytes:
    versions = [json.loads((ROOT / n).read_text(encoding="utf-8"))["version"] for n in NEEDS]
    return (_NODE + "\0" + "\0".join(versions)).encode()


def _name(f: Path, tools: bytes) -> str:
    return hashlib.sha256(tools + b"\0" + f.suffix.encode() + b"\0" + f.read_bytes()).hexdigest()


def theme_dir() -> Path:
    """Where the prepared theme bundle lives: beside the installed theme, in this environment."""
    return Path(sys.prefix) / "share" / "tiw" / "theme-bundle"


def theme_bundle_source() -> Path:
    """The installed theme's bundle, as the theme ships it."""
    import material

    found = sorted((Path(material.__file__).parent / "templates").glob(THEME_BUNDLE))
    if len(found) != 1:
        raise MinifyError(f"expected one {THEME_BUNDLE} in the installed theme, found {len(found)}")
    return found[0]


def _run_node(js: list[Path], css: list[Path], theme: list[Path] = ()) -> None:
    files = {"theme": [str(f) for f in theme], "js": [str(f) for f in js], "css": [str(f) for f in css]}
    run = subprocess.run(["node", "-e", _NODE], input=json.dumps(files), cwd=ROOT, capture_output=True, text=True)
    if run.returncode != 0:
        raise MinifyError(f"minifying failed:\n{(run.stderr or run.stdout)[-2000:]}")


def minify(js: list[Path], css: list[Path], theme_bundle: Path | None = None) -> tuple[int, int]:
    """Minify the built files in place; returns (files taken from the cache, files minified now).
    `theme_bundle` is the built copy of the theme's bundle, looked up among the prepared ones."""
    tools = _tools_key()
    places = {f: cache_dir("minify") / _name(f, tools) for f in js + css}
    if theme_bundle is not None:
        places[theme_bundle] = theme_dir() / _name(theme_bundle, tools)
    todo = [f for f, kept in places.items() if not kept.is_file()]
    if todo:
        _run_node(
            [f for f in todo if f.suffix == ".js" and f is not theme_bundle],
            [f for f in todo if f.suffix == ".css"],
            [f for f in todo if f is theme_bundle],
        )
        for f in todo:
            try:
                store_file(f, places[f])
            except OSError:
                # A read-only environment: the build still ships the minified file, and the next
                # build minifies it again.
                if f is not theme_bundle:
                    raise
    for f, kept in places.items():
        if f not in todo:
            f.write_bytes(kept.read_bytes())
    return len(places) - len(todo), len(todo)


def prepare_theme_bundle() -> tuple[Path, bool]:
    """Minify the installed theme's bundle into the environment, unless it is there already: the
    same step a build takes (minify()), on a copy of the theme's file. Returns (where it is,
    whether it was minified now)."""
    src = theme_bundle_source()
    dest = theme_dir() / _name(src, _tools_key())
    if dest.is_file():
        return dest, False
    with tempfile.TemporaryDirectory(prefix="tiw-theme-") as tmp:
        work = Path(tmp) / src.name
        work.write_bytes(src.read_bytes())
        minify([], [], theme_bundle=work)
    if not dest.is_file():
        raise MinifyError(f"could not keep the minified bundle in {dest.parent} (is the environment read-only?)")
    return dest, True


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description="Prepare the installed theme's bundle, minified, in this environment.")
    ap.parse_args(argv)
    if missing_tools():
        print(f"{', '.join(missing_tools())} is not installed: run `npm ci` (make does it), then again.", file=sys.stderr)
        return 2
    try:
        dest, made = prepare_theme_bundle()
    except MinifyError as e:
        print(f"tiw.build.minify: {e}", file=sys.stderr)
        return 1
    size = dest.stat().st_size / 1024
    print(f"The theme's bundle {'minified' if made else 'already prepared'}: {dest} ({size:.1f} KiB)")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
