"""Build hook: the whole framework as a PDF in each language, at downloads/trauma-informed-wales-<lang>.pdf,
made from the framework pages just built (tiw/publishing/framework_pdf.py says how).

A PDF is printed only when what decides it has changed: each language's document is composed as
soon as its pages are written, and a PDF printed earlier from the same text, stylesheet, libraries
and fonts is taken from the build cache (.cache/pdf/, named by `print_key`; tiw/build/cache.py).
Printing both costs about 7 CPU seconds, more than the rest of the build; most publishing (news,
resources, help) leaves the framework's text alone.

Timing, when a PDF must be printed: one WeasyPrint process loads the library (early, while the pages
build, when the cache holds no PDF of a language; otherwise at the first document it must print),
and prints each document in a forked child (the library is loaded once, not once per language). So
the English PDF is printed while the Welsh pages build, and the two PDFs print side by side on two
cores. The last build waits for both, keeps them in the cache, then writes each PDF's real size
into the download link on the framework's first page (macros/downloads.py).

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
import shutil
import signal
import subprocess
import sys
import tempfile
from pathlib import Path

from mkdocs.exceptions import PluginError

from tiw import ROOT
from tiw.build import state
from tiw.build.cache import cache_dir, prune, store_file, used
from tiw.build.language import site_path
from tiw.build.sequence import build_languages, current_language, is_first_build, is_last_build
from tiw.core.dates import format_date
from tiw.publishing.framework_pdf import SourcePage, compose, human_size, pdf_name, pdf_url, print_key

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
        if not _skip() and any(not _kept(lang) for lang in build_languages(config)):
            _spawn()  # a PDF will be printed: load WeasyPrint while the pages build
    return config


def _kept(lang: str) -> list[Path]:
    """The language's PDFs in the build cache: the few most recently used (tiw/build/cache.py)."""
    return sorted(cache_dir("pdf").glob(f"{lang}-*-{pdf_name(lang)}"))


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

    def document(date_text: str, date_iso: str) -> str:
        return compose(
            pages,
            lang=lang,
            site_url=config.site_url or "/",
            site_dir=Path(config.site_dir),
            strings=strings,
            author=config.site_author or "",
            description=config.site_description or "",
            date_text=date_text,
            date_iso=date_iso,
        )

    out = Path(config.site_dir) / pdf_url(lang)
    out.unlink(missing_ok=True)
    kept = cache_dir("pdf") / f"{lang}-{print_key(document('', ''))}-{pdf_name(lang)}"
    _state["jobs"][lang] = {"out": out, "index": pages[0], "kept": kept, "printed": not kept.is_file()}
    if kept.is_file():
        out.parent.mkdir(parents=True, exist_ok=True)
        shutil.copyfile(kept, out)
        used(kept)
        return
    source = Path(_state["tmp"].name) / f"framework-{lang}.html"
    source.write_text(document(format_date(today, lang), today.isoformat()), encoding="utf-8")
    if _state.get("printer") is None:
        _spawn()
    log_path = Path(_state["tmp"].name) / f"weasyprint-{lang}.log"
    _state["jobs"][lang]["log"] = log_path
    stdin = _state["printer"]["proc"].stdin
    stdin.write(f"{source}\t{out}\t{log_path}\n")
    stdin.flush()


def _keep(job: dict, lang: str) -> None:
    """A newly printed PDF goes into the cache beside the language's last few (tiw/build/cache.py)."""
    store_file(job["out"], job["kept"])  # whole or not at all: no half-written PDF is reused
    prune(_kept(lang))


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
    failures = []
    if printer is not None:
        printer["proc"].stdin.close()  # every document is given: it exits once they are printed
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
            log_path = job.get("log")
            err = log_path.read_text(encoding="utf-8", errors="replace").strip() if log_path and log_path.is_file() else ""
            failures.append(f"{code}: {err[-2000:]}")
            continue
        if job["printed"]:
            _keep(job, code)
        size = human_size(job["out"].stat().st_size, code)
        _set_size_text(job["index"], code, f"({state.site().ui['pdf_size'][code].replace('{size}', size)})")
    jobs = _state["jobs"]
    _state["printer"] = None
    _state["jobs"] = {}
    if failures:
        raise PluginError(
            "The framework PDF could not be made. WeasyPrint's messages follow (if it cannot "
            "load a library, run tools/system-deps, which installs the packages of system-packages.txt):\n" + "\n".join(failures)
        )
    log.info(
        "Framework PDFs: "
        + "; ".join(
            f"{code} {'printed' if job['printed'] else 'unchanged, kept from an earlier build'}" for code, job in jobs.items()
        )
    )


def on_build_error(error):
    _stop_jobs()
