# The portal's two commands: `make run` (set up everything and serve) and `make test` (the whole suite).
# Both work on a fresh machine: they create the virtualenv, install Python and npm packages, build
# the GOV.UK assets, and (for tests) install Debian's Chromium if it is missing.

VENV ?= .venv
PY := $(VENV)/bin/python
PYTHON ?= python3
DEMO_PROJECTS ?= 60
PYTEST_ARGS ?=
# The portal's apps, lowest layer first (README: Layout).
APPS := core partners boroughs programmes coverage jobs api reports hayn_portal

.PHONY: run test install install-test assets browser pdf-libraries migrate demo lint bench bench-data bench-coverage loadtest clean

$(VENV)/.installed: requirements.txt
	$(PYTHON) -m venv $(VENV)
	$(VENV)/bin/pip install --quiet --upgrade pip
	$(VENV)/bin/pip install --quiet -r requirements.txt
	touch $@

$(VENV)/.test-installed: $(VENV)/.installed requirements-test.txt
	$(VENV)/bin/pip install --quiet -r requirements-test.txt
	touch $@

node_modules/.installed: package.json package-lock.json
	npm ci --no-audit --no-fund --loglevel=error
	touch $@

static/dist/.built: node_modules/.installed $(wildcard static/scss/*.scss) $(wildcard scripts/build-assets.*)
	npm run --silent build
	touch $@

install: pdf-libraries $(VENV)/.installed
install-test: pdf-libraries $(VENV)/.test-installed
assets: static/dist/.built

browser:
	bash scripts/install-chromium.sh

# Debian's Pango for WeasyPrint (the quarterly report's PDF), when missing.
pdf-libraries:
	bash scripts/install-pdf-libraries.sh

migrate: install assets
	$(PY) manage.py migrate --noinput
	$(PY) manage.py collectstatic --noinput --verbosity 0

demo: migrate
	$(PY) manage.py load_partnership
	$(PY) manage.py generate_demo --projects $(DEMO_PROJECTS) --seed 1
	$(PY) manage.py create_demo_users

run: demo
	@echo "Serving the portal on http://127.0.0.1:8000/ (Ctrl+C to stop)."
	$(PY) manage.py runserver 127.0.0.1:8000

lint: install-test
	$(PY) -m ruff check .
	$(PY) -m ruff format --check .
	$(PY) -m bandit --quiet --recursive --configfile pyproject.toml $(APPS) scripts
	# The import direction (pyproject.toml: tool.importlinter) and no production function rated D or worse.
	$(VENV)/bin/lint-imports --no-cache
	$(VENV)/bin/xenon --max-absolute C --exclude "*/tests/*,*/migrations/*" $(APPS) scripts

test: install-test assets browser lint
	$(PY) manage.py collectstatic --noinput --verbosity 0
	$(PY) -m pytest $(PYTEST_ARGS)

# The page benchmark (README: Performance at 50,000 projects): fills the database at DATABASE_URL with 50,000
# synthetic projects (once: the seed adds nothing twice) and prints each heavy page's median time beside a trivial
# signed-in page measured in the same run, with queries per request. Point DATABASE_URL at a PostgreSQL database
# of its own. With BENCH_SMALL_DATABASE_URL (another database of its own, filled with 5,000 projects) it benches
# that one first and prints both sizes side by side with the growth. BENCH_ARGS="--repeat 3".
BENCH_ARGS ?=
BENCH_SMALL_DATABASE_URL ?=
BENCH_SMALL_TIMINGS := .bench-5000.json
bench: migrate
ifdef BENCH_SMALL_DATABASE_URL
	$(MAKE) --no-print-directory bench-data PROJECTS=5000 DATABASE_URL=$(BENCH_SMALL_DATABASE_URL)
	DATABASE_URL=$(BENCH_SMALL_DATABASE_URL) $(PY) manage.py bench_pages $(BENCH_ARGS) --save $(BENCH_SMALL_TIMINGS)
endif
	$(MAKE) --no-print-directory bench-data PROJECTS=50000
	$(PY) manage.py bench_pages $(BENCH_ARGS) $(if $(BENCH_SMALL_DATABASE_URL),--growth-from $(BENCH_SMALL_TIMINGS))

# The database at DATABASE_URL migrated and filled once with PROJECTS synthetic projects (seed 7) and the demo users.
bench-data: migrate
	$(PY) manage.py load_partnership
	$(PY) manage.py generate_demo --projects $(PROJECTS) --seed 7
	$(PY) manage.py create_demo_users

# The coverage analysis at 1,000, 10,000 and 50,000 projects, in <database>_bench (created and dropped by the
# command, never the database you work in). BENCH_COVERAGE_ARGS="--sizes 1000 --repeat 3".
BENCH_COVERAGE_ARGS ?=
bench-coverage: install-test
	$(PY) manage.py bench_coverage $(BENCH_COVERAGE_ARGS)

# The load test (a benchmark, not a test; README: Load test): Locust against gunicorn on 127.0.0.1. Point
# DATABASE_URL at a PostgreSQL database of its own: it is filled with 50,000 synthetic projects (once).
LOADTEST_ARGS ?=
loadtest: install-test
	$(MAKE) --no-print-directory bench-data PROJECTS=50000
	$(PY) scripts/loadtest.py $(LOADTEST_ARGS)

clean:
	rm -rf $(VENV) node_modules static/dist staticfiles
