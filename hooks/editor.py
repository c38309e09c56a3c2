"""Build hook: the browser editor at /admin/ (English interface) and /cy/admin/ (Welsh interface).

Both edit both languages; only the editor's own words differ. They are not MkDocs pages, so they
are in no navigation, search index or sitemap (and say noindex). Decap CMS is copied from
node_modules (pinned in package-lock.json) into /admin/decap/ once; its script loads only there.
The configuration is generated from schemas/ (tiw_editor/config.py) on every build.
"""

from __future__ import annotations

import json
import os
import re
import shutil
from pathlib import Path

from mkdocs.exceptions import PluginError

from tiw import ROOT
from tiw.build import fragments
from tiw.build.csp import EDITOR_POLICY, meta_tag
from tiw.build.sequence import current_language
from tiw_editor.config import EditorConfigError, _strings, editor_config

DECAP_DIST = ROOT / "node_modules" / "decap-cms" / "dist"
STATIC = ROOT / "tiw_editor" / "static"
# The editor's own files, served from /admin/ (admin.js must load after the Decap bundle).
OWN_FILES = ("admin.css", "setup.js", "cy-locale.js", "admin.js")


def _site_root(config) -> Path:
    site = Path(config.site_dir)
    return site.parent if current_language(config) != "en" and site.name == current_language(config) else site


def _copy_decap(admin: Path) -> None:
    bundle = DECAP_DIST / "decap-cms.js"
    if not bundle.is_file():
        raise PluginError(
            f"The browser editor needs {bundle.relative_to(ROOT)}: run `npm ci` "
            "(decap-cms is pinned in package.json and package-lock.json), then build again."
        )
    dest = admin / "decap"
    dest.mkdir(parents=True, exist_ok=True)
    for src in DECAP_DIST.iterdir():
        # The bundle, its chunks (loaded from the same folder) and its licence; not the source maps
        # and not the duplicate cms.js build.
        if src.name.endswith(("decap-cms.js", ".wasm", "decap-cms.js.LICENSE.txt")):
            # copy2 keeps the time: a copy of the same size and time is this file, already there
            # (make serve rebuilds into the same folder; 5 MB copied on every edit cost 0.3 s)
            there = dest / src.name
            if there.is_file() and (there.stat().st_size, there.stat().st_mtime_ns) == (
                src.stat().st_size,
                src.stat().st_mtime_ns,
            ):
                continue
            shutil.copy2(src, there)


def on_post_build(config):
    lang = current_language(config)
    root = _site_root(config)
    admin = root / "admin"
    try:
        decap = editor_config(lang)
        strings = _strings()["page"]
    except EditorConfigError as exc:
        raise PluginError(f"The browser editor's configuration has a problem:\n{exc}") from None
    if lang == "en":
        _copy_decap(admin)
        for name in OWN_FILES:
            shutil.copy2(STATIC / name, admin / name)
    here = admin if lang == "en" else root / lang / "admin"
    here.mkdir(parents=True, exist_ok=True)
    rel_root = "../" if lang == "en" else "../../"
    other = "cy" if lang == "en" else "en"
    settings = {
        "lang": lang,
        "root": rel_root,
        "words": {k: v[lang] for k, v in strings.items()},
        # The site's own CSS, for previews that look like the site.
        "preview_styles": [rel_root + p for p in _site_css(root)],
        "decap": decap,
        "production": _production(),
    }
    (here / "editor.json").write_text(json.dumps(settings, ensure_ascii=False, indent=1), encoding="utf-8")
    page = fragments.render(
        "documents/editor.html",
        lang=lang,
        csp=fragments.markup(meta_tag(EDITOR_POLICY)),
        title=strings["title"][lang],
        other=other,
        other_href=("../cy/admin/" if lang == "en" else "../../admin/"),
        root=rel_root,
        noscript=strings["noscript"][lang],
    )
    (here / "index.html").write_text(page, encoding="utf-8")


def _production() -> dict | None:
    """The GitHub backend, from the host's settings (README.md, "The editor in production")."""
    repo = os.environ.get("TIW_EDITOR_REPO", "").strip()
    if not repo:
        return None
    if not re.fullmatch(r"[A-Za-z0-9_.-]+/[A-Za-z0-9_.-]+", repo):
        raise PluginError(f"TIW_EDITOR_REPO is {repo!r}: write the GitHub repository as owner/name.")
    out = {
        "repo": repo,
        "branch": os.environ.get("TIW_EDITOR_BRANCH", "main").strip() or "main",
        # Same-origin path the host forwards to https://api.github.com (the CSP allows only 'self').
        "api_root": os.environ.get("TIW_EDITOR_API_ROOT", "/github-api").rstrip("/"),
    }
    auth = os.environ.get("TIW_EDITOR_AUTH_URL", "").strip()
    if auth:
        if not auth.startswith("https://"):
            raise PluginError(f"TIW_EDITOR_AUTH_URL is {auth!r}: write the OAuth server's https:// address.")
        out["base_url"] = auth
    return out


def _site_css(root: Path) -> list[str]:
    """The theme's main stylesheet (its name carries a hash) and the project's own."""
    main = sorted(p.relative_to(root).as_posix() for p in (root / "assets" / "stylesheets").glob("main.*.min.css"))
    return [*main, "assets/stylesheets/tiw.css"]
