# Trauma-Informed Wales: the two commands are `make serve` and `make test` (see README.md).
SHELL := /bin/bash
PY_SYS ?= python3
VENV := .venv
PY := $(VENV)/bin/python
export NO_MKDOCS_2_WARNING := 1
export PYTHONDONTWRITEBYTECODE := 1

.PHONY: serve build test test-fast bench clean translation-status translation-stamp translation-diff new-resource

# The site's environment: pinned requirements, and this folder on the venv's import path so
# hooks/, macros/ and tiw/ import the same way in MkDocs, the tools and the tests.
$(VENV)/.site-installed: requirements.txt
	test -x $(PY) || $(PY_SYS) -m venv $(VENV)
	$(PY) -m pip install --quiet --disable-pip-version-check -r requirements.txt
	$(PY) -c "import sysconfig, pathlib; pathlib.Path(sysconfig.get_paths()['purelib'], 'tiw-project.pth').write_text('$(CURDIR)\n')"
	touch $@

# What the tests need on top: pytest, Playwright (driving Debian's Chromium), textstat, spylls,
# and the npm tools pinned in package-lock.json (axe-core, vnu-jar, dictionary-cy).
$(VENV)/.test-installed: $(VENV)/.site-installed requirements-test.txt package-lock.json
	$(PY) -m pip install --quiet --disable-pip-version-check -r requirements-test.txt
	npm ci --no-audit --no-fund --loglevel=error
	touch $@

serve: $(VENV)/.site-installed
	$(VENV)/bin/mkdocs serve --strict -a 127.0.0.1:8000

build: $(VENV)/.site-installed
	$(VENV)/bin/mkdocs build --strict --clean

test: $(VENV)/.test-installed build
	$(PY) -m pytest

bench: $(VENV)/.test-installed
	$(PY) -m tools.bench

clean:
	rm -rf site .pytest_cache
