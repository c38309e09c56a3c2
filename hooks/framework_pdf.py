"""Build hook: the whole framework as a PDF in each language, at downloads/trauma-informed-wales-<lang>.pdf,
made from the framework pages just built (tiw/publishing/framework_pdf.py says how).

Timing: one WeasyPrint process is started when the build starts, so that it loads the library
while the pages build; it is given each language's document as soon as that language's pages are
written, and prints it in a forked child (the library is loaded once, not once per language). So
the English PDF is printed while the Welsh pages build, and the two PDFs print side by side on two
cores. The last build waits for both, then writes each PDF's real size into the download link on
the framework's first page (macros/downloads.py).

`TIW_PREVIEW=1` (set by `make serve` and `make edit`, never by `make build` or `make test`) or
`TIW_SKIP_PDF=1` (tests' temporary builds) skips the PDFs; the link then says that the preview has
no PDF.
"""

from __future__ import annotations

import datetime as dt
import html as html_text
import logging
import os
import re
import signal
import subprocess
import sys
import tempfile
from pathlib import Path

from mkdocs.exceptions import PluginError

from tiw import ROOT
from tiw.build import state
from tiw.build.language import site_path
from tiw.build.sequence import build_languages, current_language, is_first_build, is_last_build
from tiw.core.dates import format_date
from tiw.publishing.framework_pdf import SourcePage, compose, human_size, pdf_url

log = logging.getLogger("mkdocs.hooks.framework_pdf")
SECTION = "framework/"
TIMEOUT_S = 300
_state: dict = {"printer": None, "jobs": {}, "pages": {}}


def _skip() -> bool:
    return any(os.environ.get(flag, "") not in ("", "0") for flag in ("TIW_SKIP_PDF", "TIW_PREVIEW"))


def _kill(proc: subprocess.Popen) -> None:
    """The printer and the children printing for it (its own process group)."""
    try:
        os.killpg(proc.pid, signal.SIGKILL)
    except ProcessLookupError:
        pass
    proc.wait()


def _stop_jobs():
    printer = _state.get("printer")
    if printer is not None and printer["proc"].poll() is None:
        _kill(printer["proc"])
    _state["printer"] = None
    _state["jobs"] = {}


def on_config(config):
    if is_first_build(config):
        _stop_jobs()
        _state["pages"] = {}
        _state["tmp"] = tempfile.TemporaryDirectory(prefix="tiw-pdf-")
        if not _skip():
            _spawn()  # loads WeasyPrint while the pages build
    return config


def on_nav(nav, config, files):
    lang = current_language(config)
    prefix = "" if site_path("", lang) == "" else site_path("", lang).rstrip("/") + "/"
    pages = []
    for page in nav.pages:
        url = page.url or ""
        rel = url[len(prefix) :] if prefix and url.startswith(prefix) else url
        if rel.startswith(SECTION):
            pages.append(SourcePage(url, Path(config.site_dir) / page.file.dest_uri))
    _state["pages"][lang] = pages
    return nav


def _spawn() -> None:
    """Start the WeasyPrint process, which loads the library and waits for the documents."""
    env = dict(os.environ, PYTHONPATH=os.pathsep.join(filter(None, [str(ROOT), os.environ.get("PYTHONPATH")])))
    # Messages go to files, not a pipe nobody reads until the end (a full pipe would stall it):
    # the printer's own here, each language's in the log named with its document.
    log_path = Path(_state["tmp"].name) / "weasyprint.log"
    with open(log_path, "w", encoding="utf-8") as log_file:
        proc = subprocess.Popen(
            [sys.executable, "-m", "tiw.publishing.framework_pdf", "--wait"],
            stdin=subprocess.PIPE,
            stdout=log_file,
            stderr=subprocess.STDOUT,
            env=env,
            cwd=str(ROOT),
            text=True,
            start_new_session=True,  # its own process group, so a failed build stops its children too
        )
    _state["printer"] = {"proc": proc, "log": log_path}


def _start(config, lang: str) -> None:
    pages = _state["pages"].get(lang) or []
    if not pages:
        raise PluginError(f"No '{SECTION}' pages in the {lang} navigation, so there is nothing to put in the PDF.")
    ui = state.site().ui
    today = dt.date.today()
    strings = {key: ui[f"pdf_{key}"][lang] for key in ("title", "subtitle", "generated", "page_label")}
    strings["credit"] = ui["footer_credit"][lang]
    document = compose(
        pages,
        lang=lang,
        site_url=config.site_url or "/",
        site_dir=Path(config.site_dir),
        strings=strings,
        author=config.site_author or "",
        description=config.site_description or "",
        date_text=format_date(today, lang),
        date_iso=today.isoformat(),
    )
    source = Path(_state["tmp"].name) / f"framework-{lang}.html"
    source.write_text(document, encoding="utf-8")
    out = Path(config.site_dir) / pdf_url(lang)
    out.unlink(missing_ok=True)
    if _state.get("printer") is None:
        _spawn()
    log_path = Path(_state["tmp"].name) / f"weasyprint-{lang}.log"
    _state["jobs"][lang] = {"out": out, "index": pages[0], "log": log_path}
    stdin = _state["printer"]["proc"].stdin
    stdin.write(f"{source}\t{out}\t{log_path}\n")
    stdin.flush()


def _set_size_text(index: SourcePage, lang: str, text: str) -> None:
    html = index.path.read_text(encoding="utf-8")
    new, count = re.subn(
        rf'(<span[^>]*\bdata-tiw-pdf-size="{lang}"[^>]*>)[^<]*(</span>)',
        # The size is text in the span the fragment pdf-download.html wrote: escaped as text.
        lambda m: m.group(1) + html_text.escape(text, quote=False) + m.group(2),
        html,
    )
    if count == 0:
        raise PluginError(
            f"The framework's first page ({index.url}) has no PDF download link: add "
            "{{ framework_pdf_link() }} to docs/" + lang + "/framework/index.md."
        )
    index.path.write_text(new, encoding="utf-8")


def on_post_build(config):
    lang = current_language(config)
    if _skip():
        pages = _state["pages"].get(lang) or []
        if pages:
            _set_size_text(pages[0], lang, f"({state.site().ui['pdf_not_made'][lang]})")
        if is_last_build(config):
            log.info("Framework PDFs skipped (TIW_PREVIEW or TIW_SKIP_PDF is set: `make serve` previews only).")
        return
    _start(config, lang)
    if not is_last_build(config):
        return
    printer = _state["printer"]
    printer["proc"].stdin.close()  # every document is given: it exits once they are printed
    failures = []
    try:
        printer["proc"].wait(timeout=TIMEOUT_S)
    except subprocess.TimeoutExpired:
        _kill(printer["proc"])
        failures.append(f"WeasyPrint took more than {TIMEOUT_S} s")
    if printer["proc"].returncode != 0 and not failures:
        err = printer["log"].read_text(encoding="utf-8", errors="replace").strip()
        if err:
            failures.append(err[-2000:])
    for code in build_languages(config):
        job = _state["jobs"].get(code)
        if job is None:
            failures.append(f"{code}: no PDF was started for this language")
            continue
        if not job["out"].is_file():
            err = job["log"].read_text(encoding="utf-8", errors="replace").strip() if job["log"].is_file() else ""
            failures.append(f"{code}: {err[-2000:]}")
            continue
        size = human_size(job["out"].stat().st_size, code)
        _set_size_text(job["index"], code, f"({state.site().ui['pdf_size'][code].replace('{size}', size)})")
    _state["printer"] = None
    _state["jobs"] = {}
    if failures:
        raise PluginError(
            "The framework PDF could not be made. WeasyPrint's messages follow (if it cannot "
            "load a library, install the Debian packages listed in .ci/run):\n" + "\n".join(failures)
        )


def on_build_error(error):
    _stop_jobs()
