# Trauma-Informed Wales: the two commands are `make serve` and `make test` (see README.md).
SHELL := /bin/bash
PY_SYS ?= python3
VENV := .venv
PY := $(VENV)/bin/python
export NO_MKDOCS_2_WARNING := 1
export PYTHONDONTWRITEBYTECODE := 1

.PHONY: serve build test test-fast bench clean translation-status translation-stamp translation-diff new-resource translation-lint translation-spelling review-due

# The site's environment: pinned requirements, and this folder on the venv's import path so
# hooks/, macros/ and tiw/ import the same way in MkDocs, the tools and the tests.
$(VENV)/.site-installed: requirements.txt
	test -x $(PY) || $(PY_SYS) -m venv $(VENV)
	$(PY) -m pip install --quiet --disable-pip-version-check -r requirements.txt
	$(PY) -c "import sysconfig, pathlib; pathlib.Path(sysconfig.get_paths()['purelib'], 'tiw-project.pth').write_text('$(CURDIR)\n')"
	touch $@

# What the tests need on top: pytest, Playwright (driving Debian's Chromium), textstat, pypdf,
# and the npm tools pinned in package-lock.json (axe-core, vnu-jar, dictionary-cy).
$(VENV)/.test-installed: $(VENV)/.site-installed requirements-test.txt package-lock.json
	$(PY) -m pip install --quiet --disable-pip-version-check -r requirements-test.txt
	npm ci --no-audit --no-fund --loglevel=error
	touch $@

# The preview skips the framework PDFs (TIW_SKIP_PDF=1) to rebuild faster; build and test never do.
serve: $(VENV)/.site-installed node_modules/.package-lock.json
	TIW_SKIP_PDF=1 $(VENV)/bin/mkdocs serve --strict -a 127.0.0.1:8000

# PurgeCSS (hooks/purge_css.py) runs in every build: the npm packages pinned in package-lock.json.
node_modules/.package-lock.json: package-lock.json
	npm ci --no-audit --no-fund --loglevel=error

build: $(VENV)/.site-installed node_modules/.package-lock.json
	TIW_SKIP_PDF= $(VENV)/bin/mkdocs build --strict --clean

test: $(VENV)/.test-installed build
	$(PY) -m pytest

bench: $(VENV)/.test-installed
	$(PY) -m tools.bench

# Translators (TRANSLATING.md). translation-status reports every Welsh page and exits 0; STRICT=1
# fails unless every page is up to date; MODE=ci is the check `make test` runs (fails on missing,
# orphan and unstamped pages and bad stamps; outdated pages are reported).
translation-status: $(VENV)/.site-installed
	$(PY) -m tools.translation status --mode $(if $(filter-out 0,$(STRICT)),strict,$(or $(MODE),lenient))

translation-stamp: $(VENV)/.site-installed
	@test -n "$(PAGE)" || { echo "Usage: make translation-stamp PAGE=framework/aims.md (several: PAGE=\"a.md b.md\"; every page: PAGE=all)"; exit 2; }
	$(PY) -m tools.translation stamp $(if $(filter all,$(PAGE)),--all,$(PAGE))

translation-diff: $(VENV)/.site-installed
	@test -n "$(PAGE)" || { echo "Usage: make translation-diff PAGE=framework/aims.md"; exit 2; }
	$(PY) -m tools.translation diff $(PAGE)

translation-lint: $(VENV)/.site-installed
	$(PY) -m tools.translation lint

translation-spelling: $(VENV)/.test-installed build
	$(PY) -m tools.translation spelling --site site

# Pages whose `review_by` date (front matter) has passed; DAYS=30 also lists those due soon.
review-due: $(VENV)/.site-installed
	$(PY) -m tools.review_due $(if $(DAYS),--within $(DAYS))

# Editors (RESOURCES.md): start a resource catalogue entry, resources/<ID>.yml, from the template.
new-resource: $(VENV)/.site-installed
	@test -n "$(ID)" || { echo "Usage: make new-resource ID=my-resource-id (lower-case kebab-case)"; exit 2; }
	$(PY) -m tools.new_resource "$(ID)"

clean:
	rm -rf site .pytest_cache
