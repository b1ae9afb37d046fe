# Statement Archive: `make run` serves the archive on SQLite, `make test` runs the suite.
# Both set everything up on a fresh machine (virtualenv, packages, database).

SHELL := /bin/bash
VENV := .venv
PY := $(VENV)/bin/python
HOST ?= 127.0.0.1
PORT ?= 8000
SIZE ?= 10000

# An interpreter of Python 3.12 or newer: PYTHON=..., else python3 (a .python-version file makes
# pyenv's python3 a 3.13), else python3.13 / python3.12, else pyenv's own versions.
PYTHON ?= $(shell for c in python3 python3.13 python3.12 $$(ls -d $$HOME/.pyenv/versions/3.1[2-9]*/bin/python3 2>/dev/null); do \
	command -v $$c >/dev/null 2>&1 && $$c -c 'import sys; sys.exit(sys.version_info < (3, 12))' 2>/dev/null && { echo $$c; break; }; done)

.PHONY: run test test-postgres install db bench clean
.PHONY: demo bench-exports

$(VENV)/.installed: pyproject.toml
	@if [ -z "$(PYTHON)" ]; then \
		echo "error: Python 3.12 or newer is needed (Django 6). Install one, or run 'make PYTHON=/path/to/python3.12 ...'." >&2; \
		exit 1; fi
	@test -x $(PY) || $(PYTHON) -m venv $(VENV)
	$(PY) -m pip install --quiet --upgrade pip
	$(PY) -m pip install --quiet -e '.[test]'
	@touch $@

install: $(VENV)/.installed

# The benchmark's optional yardsticks, Tantivy and Datasette (pyproject's `bench` extra).
$(VENV)/.bench-installed: $(VENV)/.installed
	$(PY) -m pip install --quiet -e '.[bench]'
	@touch $@

db: install
	DEBUG=1 $(PY) manage.py migrate --no-input
	DEBUG=1 $(PY) manage.py loaddata fixtures/reference/*.json
	DEBUG=1 $(PY) manage.py load_releases fixtures/releases

run: db
	DEBUG=1 $(PY) manage.py runserver $(HOST):$(PORT)

test: install
	$(PY) -m pytest

# Benchmarks (README "Benchmarks"): each run loads SIZE synthetic releases into a scratch database
# beside the configured one (never its data) and drops it after. Production settings, no secret.
BENCH := ALLOW_INSECURE_KEY=1 PLAIN_STATIC=1 SECURE_SSL_REDIRECT=0 $(PY) manage.py bench --scratch
BENCH_ENGINE = $(if $(filter postgres%,$(DATABASE_URL)),postgresql,sqlite)
.PHONY: bench-smoke

bench: $(VENV)/.bench-installed
	$(BENCH) --size $(SIZE) --json bench-results/bench-$(BENCH_ENGINE)-$(SIZE).json

# CI: 2,000 statements; fails if a page errs or its SQL query count varies. Never checks a time.
bench-smoke: install
	$(BENCH) --size 2000 --rounds 1 --http-rates 5 --http-seconds 3 --check \
		--json bench-results/smoke-$(BENCH_ENGINE).json

clean:
	rm -rf $(VENV) db.sqlite3 db.sqlite3-* staticfiles

test-postgres: install
	DATABASE_URL=$${PG_TEST_URL:-postgres://postgres@127.0.0.1:5432/archive} $(PY) -m pytest

# Soak (README "Reliability"): gunicorn with production settings on a scratch database beside the
# configured one, N clients sending mixed pages and hostile queries while loads of 2,000 releases
# run one after another; fails on any 5xx. `soak` is the full run on SQLite then PostgreSQL,
# `soak-ci` a minute per engine.
SOAK := ALLOW_INSECURE_KEY=1 PLAIN_STATIC=1 SECURE_SSL_REDIRECT=0 $(PY) manage.py soak
SOAK_PG_URL ?= $(or $(PG_TEST_URL),postgres://postgres@127.0.0.1:5432/archive)
SOAK_SECONDS ?= 2400
SOAK_REQUESTS ?= 10000
SOAK_CLIENTS ?= 8
.PHONY: soak soak-ci

soak: install
	$(SOAK) --seconds $(SOAK_SECONDS) --requests $(SOAK_REQUESTS) --clients $(SOAK_CLIENTS) \
		--base 2000 --load-size 2000 --json bench-results/soak-sqlite.json
	DATABASE_URL=$(SOAK_PG_URL) $(SOAK) --seconds $(SOAK_SECONDS) --requests $(SOAK_REQUESTS) \
		--clients $(SOAK_CLIENTS) --base 2000 --load-size 2000 --json bench-results/soak-postgresql.json

soak-ci: install
	$(SOAK) --seconds 60 --clients 4 --base 500 --load-size 500 --json bench-results/soak-ci-sqlite.json
	DATABASE_URL=$(SOAK_PG_URL) $(SOAK) --seconds 60 --clients 4 --base 500 --load-size 500 \
		--json bench-results/soak-ci-postgresql.json
# `make demo`: DEMO_SIZE synthetic releases (generate_corpus; every page says they are synthetic)
# in a database of their own, demo.sqlite3, so the histogram, year facets, roles over time and
# feeds show at once. `make run` keeps its five sample releases; `rm demo.sqlite3*` starts over.
DEMO_SIZE ?= 3000
DEMO := DEBUG=1 ARCHIVE_DEMO=1 DATABASE_URL=sqlite:///$(CURDIR)/demo.sqlite3 $(PY) manage.py

demo: install
	@if [ ! -f demo.sqlite3 ]; then \
		$(DEMO) migrate --no-input && \
		$(DEMO) loaddata fixtures/reference/*.json && \
		$(DEMO) generate_corpus --count $(DEMO_SIZE) --seed 7 || { rm -f demo.sqlite3*; exit 1; }; \
	fi
	$(DEMO) runserver $(HOST):$(PORT)

# The exports' time and peak memory at SIZE statements, and the permalink's p95 while six clients
# loop on the largest export (README "Citing, exporting and the API").
bench-exports: install
	$(BENCH) --size $(SIZE) --exports --json bench-results/exports-$(BENCH_ENGINE)-$(SIZE).json
