# Trauma-Informed Wales: the two commands are `make serve` and `make test` (see README.md).
SHELL := /bin/bash
PY_SYS ?= python3
VENV := .venv
PY := $(VENV)/bin/python
MKDOCS := $(PY) -m mkdocs
export NO_MKDOCS_2_WARNING := 1
export PYTHONDONTWRITEBYTECODE := 1
# This folder, whichever it is, on the import path: hooks/, macros/ and tiw/ import from the checkout
# make runs in, so a moved or copied checkout (even with its .venv) builds its own files. Tools run
# as `python -m`, never through a venv script whose first line names the folder it was made in.
export PYTHONPATH := $(CURDIR)

.PHONY: serve build edit test lint format lock system-deps external-links bench clean translation-status translation-stamp translation-diff new-resource translation-lint translation-spelling review-due

# The site's environment: the hashed lock of pyproject.toml's dependencies (make lock).
# The lock is complete (every transitive dependency, hashed), so pip installs it as it stands
# (--no-deps) and `pip check` confirms it is consistent: left to resolve, pip 23 took a
# dependency's extra (weasyprint's fonttools[woff]) to the newest release on PyPI, which the lock
# has no hash for, and a fresh clone failed to install the day that release came out.
# tiw-checkout.pth puts the checkout that holds this .venv on the path, worked out from where the
# .venv is (never a written-in path), so `.venv/bin/mkdocs` run by hand imports this checkout's
# tiw/ too; the Makefile's PYTHONPATH comes first anyway.
# A .pth with this folder's absolute path (written by earlier versions) would import an old
# checkout's tiw/ from a copied .venv: it is removed.
$(VENV)/.site-installed: requirements.txt
	test -x $(PY) || $(PY_SYS) -m venv $(VENV)
	$(PY) -m pip install --quiet --disable-pip-version-check --require-hashes --no-deps -r requirements.txt
	$(PY) -m pip check
	rm -f $(VENV)/lib/python3*/site-packages/tiw-project.pth
	printf '%s\n' 'import os, sys; sys.path.append(os.path.abspath(os.path.join(sys.prefix, os.pardir)))' > "$$($(PY) -c "import sysconfig; print(sysconfig.get_paths()['purelib'])")/tiw-checkout.pth"
	touch $@

# What the tests need on top: pytest, Playwright (driving Debian's Chromium), textstat, pypdf,
# and the npm tools pinned in package-lock.json (axe-core, vnu-jar, dictionary-cy).
$(VENV)/.test-installed: $(VENV)/.site-installed requirements-test.txt node_modules/.installed
	$(PY) -m pip install --quiet --disable-pip-version-check --require-hashes --no-deps -r requirements-test.txt
	$(PY) -m pip check
	touch $@

# npm packages pinned in package-lock.json: the browser editor (decap-cms, served at /admin/, and
# decap-server for `make edit`), which the build copies, and the test tools.
node_modules/.installed: package-lock.json
	npm ci --no-audit --no-fund --loglevel=error
	touch $@

# The theme's bundle, minified once for the theme and terser the locks install (tiw/build/minify.py):
# it changes only with them, and minifying it took more CPU than the rest of a build's own work.
$(VENV)/.theme-prepared: $(VENV)/.site-installed node_modules/.installed
	$(PY) -m tiw.build.minify
	touch $@

# The preview (TIW_PREVIEW=1) skips the framework PDFs and keeps the theme's whole CSS (no PurgeCSS),
# to rebuild sooner after an edit; build and test never do. `make bench` measures the rebuild.
serve: $(VENV)/.theme-prepared
	TIW_PREVIEW=1 $(MKDOCS) serve --strict -a 127.0.0.1:8000

build: $(VENV)/.theme-prepared
	TIW_SKIP_PDF= $(MKDOCS) build --strict --clean

# Comms teams (README.md, "Editing in the browser"): the editor at http://127.0.0.1:8000/admin/
# saving to this working copy (MODE=git: every save is a commit on the current branch).
edit: $(VENV)/.theme-prepared
	TIW_PREVIEW=1 $(MKDOCS) build --strict --clean
	$(PY) -m tiw_editor.serve --port $(or $(PORT),8000) --mode $(or $(MODE),fs)

# Lint and format check first (seconds), then the suite in parallel (pytest-xdist, one Chromium per
# worker: tests/browser/conftest.py). --dist loadscope keeps each test module on one worker, so its
# module fixtures (temporary builds, the editor's copy of the repository) run once and its tests
# run in order. (Not loadgroup: with pytest 9, xdist 3.8's xdist_group marks are silently ignored.)
# --durations lists the 25 slowest tests at the end, so a check that grows slow shows in every run.
test: $(VENV)/.test-installed build lint
	$(PY) -m pytest -n $(or $(WORKERS),auto) --dist loadscope --durations=25

lint: $(VENV)/.test-installed
	$(PY) -m ruff check .
	$(PY) -m ruff format --check .

# Rewrite the whole tree as ruff wants it (autofixable lint rules, then the formatter).
format: $(VENV)/.test-installed
	$(PY) -m ruff check --fix .
	$(PY) -m ruff format .

# Regenerate the hashed lock from pyproject.toml (uv, pinned in its `lock` extra). Versions already
# locked are kept; UPGRADE=1 moves everything to the newest allowed.
LOCK_FLAGS = --quiet --generate-hashes --python-version 3.11.7 --custom-compile-command "make lock" $(if $(UPGRADE),--upgrade)
lock: $(VENV)/.site-installed
	$(PY) -m pip install --quiet --disable-pip-version-check $$($(PY) -c "import tomllib; print(*tomllib.load(open('pyproject.toml', 'rb'))['project']['optional-dependencies']['lock'])")
	$(PY) -m uv pip compile pyproject.toml $(LOCK_FLAGS) -o requirements.txt
	$(PY) -m uv pip compile pyproject.toml $(LOCK_FLAGS) --extra test --constraint requirements.txt -o requirements-test.txt

# The Debian packages of system-packages.txt (as root; .ci/run and the GitHub workflows run it too).
system-deps:
	tools/system-deps

# The outside links of the built site, fetched (the network): the weekly workflow links.yml runs it.
external-links: $(VENV)/.test-installed build
	$(PY) -m tools.external_links site --report external-links.md

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

# Translators' CAT tools (TRANSLATING.md, "Working in a CAT tool"): XLIFF 2.0 packages out and back,
# the site's translation memory (TMX) and termbase (TBX, CSV), written under translation/exchange/.
.PHONY: translation-export translation-import translation-memory termbase
translation-export: $(VENV)/.site-installed
	$(PY) -m tools.exchange export $(filter-out all,$(PAGES)) $(if $(filter-out 0,$(OUTDATED)),--outdated) $(if $(filter all,$(PAGES)),--all) $(if $(XLIFF),--xliff $(XLIFF)) $(if $(filter-out 0,$(OMEGAT)),--omegat)

translation-import: $(VENV)/.site-installed
	@test -n "$(FILE)" || { echo "Usage: make translation-import FILE=translation/exchange/pages/framework/aims.xlf (several: FILE=\"a.xlf b.xlf\")"; exit 2; }
	$(PY) -m tools.exchange import $(FILE)

translation-memory: $(VENV)/.site-installed
	$(PY) -m tools.exchange memory

termbase: $(VENV)/.site-installed
	$(PY) -m tools.exchange termbase

# A real CAT tool: OmegaT round trip (tests/cat_tool/check_omegat.py). Not in `make test`: it
# needs Debian's omegat (97 packages, ~140 MB), which system-packages.txt leaves out on purpose.
.PHONY: cat-tool-check
cat-tool-check: $(VENV)/.test-installed
	@command -v omegat >/dev/null || { echo "cat-tool-check needs OmegaT: apt-get install omegat"; exit 2; }
	$(PY) -m pytest tests/cat_tool/check_omegat.py -q -p no:xdist

# Pages whose `review_by` date (front matter) has passed; DAYS=30 also lists those due soon.
review-due: $(VENV)/.site-installed
	$(PY) -m tools.review_due $(if $(DAYS),--within $(DAYS))

# Editors (RESOURCES.md): start a resource catalogue entry, resources/<ID>.yml, from the template.
new-resource: $(VENV)/.site-installed
	@test -n "$(ID)" || { echo "Usage: make new-resource ID=my-resource-id (lower-case kebab-case)"; exit 2; }
	$(PY) -m tools.new_resource "$(ID)"

clean:
	rm -rf site .pytest_cache
