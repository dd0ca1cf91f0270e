# Two commands do everything: `make run` and `make test`. Both are idempotent and work from a fresh clone.
SHELL := /bin/bash
VENV := .venv
BIN := $(VENV)/bin
PY := $(BIN)/python
STAMP := $(VENV)/.installed
PYTEST_WORKERS ?= auto

.PHONY: css run test install harfbuzz migrate demo serve lint check browser pdftotext interop messages compilemessages clean \
	wrk bench load

# A Python >= 3.12: $(PYTHON) if given, else the first candidate that really runs and is new enough.
# pyenv shims answer "command not found" for versions that are installed but not selected,
# so each candidate is executed rather than looked up; installed pyenv versions come last.
define find_python
for cand in $(PYTHON) python3.13 python3.12 python3 \
    $$(ls -d $${PYENV_ROOT:-$$HOME/.pyenv}/versions/3.1[2-9]*/bin/python3 2>/dev/null | sort -rV); do \
  if "$$cand" -c 'import sys; sys.exit(sys.version_info < (3, 12))' >/dev/null 2>&1; then echo "$$cand"; exit 0; fi; \
  found="$$found $$cand=$$("$$cand" -c 'import platform; print(platform.python_version())' 2>/dev/null || echo missing)"; \
done; \
echo "No Python >= 3.12 found (tried:$$found). Install one, or run: make PYTHON=/path/to/python3.12 ..." >&2; exit 1
endef

$(PY):
	@py=$$($(find_python)) && echo "Creating $(VENV) with $$py" && "$$py" -m venv $(VENV)

$(STAMP): $(PY) pyproject.toml
	$(PY) -m pip install --quiet --upgrade pip
	$(PY) -m pip install --quiet -e '.[dev]'
	@touch $(STAMP)

install: $(STAMP) harfbuzz

# WeasyPrint subsets the PDFs' fonts with HarfBuzz when libharfbuzz-subset is there, else with fontTools
# in pure Python: ten times slower (a certificate PDF then spends most of its time there, and every test
# module loading the demo renders 13 PDFs). Installed when we may, as for chromium below.
harfbuzz:
	@ldconfig -p 2>/dev/null | grep -q libharfbuzz-subset || { [ "$$(id -u)" = 0 ] && command -v apt-get >/dev/null && \
	  { apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq libharfbuzz-subset0 >/dev/null; } ; } || \
	  echo "libharfbuzz-subset0 not installed: PDFs are rendered, more slowly (fontTools)"

migrate: install
	$(PY) manage.py migrate --no-input

demo: migrate
	$(PY) manage.py load_demo

run: demo
	@$(PY) manage.py demo_logins
	$(PY) manage.py runserver 127.0.0.1:8000

# Browser tests need Chromium; Debian's package is installed when we may (root with apt-get),
# otherwise the browser tests skip and say why.
browser:
	@command -v chromium >/dev/null || { [ "$$(id -u)" = 0 ] && command -v apt-get >/dev/null && \
	  { apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium >/dev/null; } ; } || \
	  echo "chromium not installed: browser tests will be skipped"

# The certificates' text-layer tests read PDFs back with poppler's pdftotext; installed when we may, as
# for chromium, otherwise those tests skip and say why.
pdftotext:
	@command -v pdftotext >/dev/null || { [ "$$(id -u)" = 0 ] && command -v apt-get >/dev/null && \
	  { apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq poppler-utils >/dev/null; } ; } || \
	  echo "poppler-utils not installed: the PDF text-layer tests will be skipped"

# Benchmarks (README, "Benchmarks") need wrk; Debian's package is installed when we may, as for chromium.
wrk:
	@command -v wrk >/dev/null || { [ "$$(id -u)" = 0 ] && command -v apt-get >/dev/null && \
	  { apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq wrk >/dev/null; } ; } || \
	  { echo "wrk is needed for make bench: apt-get install wrk" >&2; exit 1; }

# One large data set on PostgreSQL + Redis (BENCH_DATABASE_URL, BENCH_CACHE_URL; seeded once, then reused),
# served by gunicorn with the production settings, and one table of figures (bench/suite.py).
BENCH_PORT ?= 8790
bench: install wrk
	BENCH_PORT=$(BENCH_PORT) $(PY) -m bench.suite

# Locust against the same server: 50 users for 60 s, headless on loopback; fails on any failed request.
load: install
	BENCH_PORT=$(BENCH_PORT) $(PY) -m bench.load

# Outside verifiers of our credentials (tests/certificates/test_interop.py), from the lock file,
# into tests/interop/node_modules only; skipped without node/npm (CI makes a missing node a failure).
INTEROP := tests/interop
# Bootstrap cut to the rules the site uses (site/purge/purge-bootstrap.mjs), from its lock file. Run it
# after adding a Bootstrap class to a template or a form, and commit the two bootstrap.site*.css files.
css: install
	npm ci --prefix site/purge --no-audit --no-fund --ignore-scripts
	node site/purge/purge-bootstrap.mjs "$$($(PY) -c 'import crispy_bootstrap5, os; print(os.path.dirname(crispy_bootstrap5.__file__))')"

interop:
	@if command -v npm >/dev/null && command -v node >/dev/null; then \
	  [ $(INTEROP)/node_modules/.package-lock.json -nt $(INTEROP)/package-lock.json ] || \
	  npm ci --prefix $(INTEROP) --no-audit --no-fund --ignore-scripts; \
	else echo "node/npm not installed: the credential interop tests will be skipped"; fi

test: install browser pdftotext interop
	$(BIN)/ruff check .
	$(PY) manage.py makemigrations --check --dry-run
	@# The ordinary tests are independent of each other: pytest-xdist spreads them over every core, a file
	@# per worker at a time (a file's module-scoped demo is then loaded once), each worker with a test
	@# database, a cache key prefix and a media folder of its own. PYTEST_WORKERS=0 runs them in one process.
	$(BIN)/pytest -m "not browser and not postgres" -n $(PYTEST_WORKERS) --dist loadfile $(PYTEST_ARGS)
	@# Races for the last seat need real parallel connections: these tests commit for real, so they run
	@# on their own (they skip, saying why, on SQLite).
	$(BIN)/pytest -m postgres $(PYTEST_ARGS)
	@# Browser tests flush the database between tests (the live server needs committed data), so they
	@# get a test database of their own, restored from its migrated state after each flush. The journeys
	@# need one database, not two: CI runs them once, on PostgreSQL + Redis (BROWSER_TESTS=0 elsewhere).
	@if [ "$(BROWSER_TESTS)" = 0 ]; then echo "Browser tests: not in this run (BROWSER_TESTS=0)"; \
	else $(BIN)/pytest -m browser $(PYTEST_ARGS); fi

# The site shell's strings go to locale/; each app with its own locale/ folder keeps its strings there
# (django-admin without settings writes to the folder it runs in). Translate, then compile.
APP_CATALOGUES := $(patsubst %/locale,%,$(wildcard */locale))
# Every language of settings.LANGUAGES but English (tests/test_translations.py checks the two agree).
LANGS := fr de nl pl pt es it ar uk fa tr ti
LANG_FLAGS := $(foreach lang,$(LANGS),-l $(lang))
messages: install
	$(PY) manage.py makemessages $(LANG_FLAGS) --no-obsolete -i ".venv/*" -i "tests/*" -i "bench/*" \
	  -i "staticfiles/*" -i "media/*" -i ".test-media/*" $(foreach app,$(APP_CATALOGUES),-i "$(app)/*")
	@for app in $(APP_CATALOGUES); do \
	  (cd $$app && env -u DJANGO_SETTINGS_MODULE ../$(BIN)/django-admin makemessages $(LANG_FLAGS) --no-obsolete) \
	  || exit 1; done

compilemessages: install
	$(PY) manage.py compilemessages $(LANG_FLAGS) -i .venv

lint: install
	$(BIN)/ruff check .

clean:
	rm -rf $(VENV) db.sqlite3 media
