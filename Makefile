# pk_rentals: `make run` and `make test` do all of their own set-up, and are
# quick the second time (each step is skipped while its stamp is newer than
# what it depends on).

SHELL := /bin/bash
.SHELLFLAGS := -eu -o pipefail -c
.DEFAULT_GOAL := help

ROOT := $(CURDIR)
VENV := $(ROOT)/.venv
PY := $(VENV)/bin/python
STAMPS := $(ROOT)/.cache/stamps
PYTHON ?= $(shell command -v python3.11 || command -v python3)
# Where `make run` serves the page and the backend (rxconfig.py reads them).
FRONTEND_PORT ?= 3000
BACKEND_PORT ?= 8000

# Reflex's tool chain, kept inside the project (docs/development.md, "Dependencies, and why each is here").
export PATH := $(ROOT)/tools/node_modules/.bin:$(VENV)/bin:$(PATH)
export REFLEX_BUN_PATH := $(ROOT)/tools/node_modules/bun/bin/bun.exe
export REFLEX_DIR := $(ROOT)/.cache/reflex
export BUN_INSTALL_CACHE_DIR := $(ROOT)/.cache/bun
export REFLEX_TELEMETRY_ENABLED := false
export REFLEX_CHECK_LATEST_VERSION := false
export PYTHONDONTWRITEBYTECODE := 1
# Bun and Reflex's frontend install use the registry npm is configured with.
NPM_CONFIG_REGISTRY ?= $(shell npm config get registry 2>/dev/null)
export NPM_CONFIG_REGISTRY

.PHONY: help run test lint format deps-run deps-test deps-prod migrate clean prod prod-stop load

help:
	@echo "make run    start the app on embedded defaults at http://localhost:3000"
	@echo "make test   ruff, then unit, integration and end-to-end tests"
	@echo "make prod   the production topology on this machine at http://localhost:8080"
	@echo "            (nginx, supervisord, PostgreSQL, Redis, PK_WORKERS=2); make prod-stop"
	@echo "make load   simulated signed-in users through that topology, beside a floor app"
	@echo "            (LOAD_ARGS='--users 50 200 --workers 1 2'; results in BENCHMARKS.md)"
	@echo "make lint | format | migrate | clean"

# Moving a port (make run FRONTEND_PORT=3100) moves the app's own URLs with it: the
# identity server, its webhooks and the job worker call the app there.
run: export PK_PUBLIC_URL ?= http://localhost:$(FRONTEND_PORT)
run: export PK_BACKEND_URL ?= http://localhost:$(BACKEND_PORT)
run: deps-run
	@$(PY) -m pk_rentals.cli preflight --ports $(FRONTEND_PORT) $(BACKEND_PORT)
	@echo "identity server: http://localhost:$(FRONTEND_PORT)/_devauth, codes at /_devauth/outbox ($(PY:$(ROOT)/%=%) -m pk_rentals.cli devauth-info)"
	@echo "pk_rentals is starting: open http://localhost:$(FRONTEND_PORT) (Ctrl+C stops it and the job worker)"
	@# The job worker beside the app; whatever ends the app (Ctrl+C, an error) stops it too.
	@$(PY) -m pk_rentals.cli worker & worker=$$!; \
	  trap 'kill -TERM $$worker 2>/dev/null; wait $$worker 2>/dev/null || true' EXIT; \
	  PK_FRONTEND_PORT=$(FRONTEND_PORT) PK_BACKEND_PORT=$(BACKEND_PORT) \
	  reflex run --env dev --loglevel warning \
	    --frontend-port $(FRONTEND_PORT) --backend-port $(BACKEND_PORT)

prod: deps-prod
	@$(PY) deploy/prod.py up

prod-stop:
	@$(PY) deploy/prod.py down

# Its own topology in .cache/load on free ports (never the one `make prod` runs).
load: deps-prod
	@$(PY) bench/load.py $(LOAD_ARGS)

test: deps-test lint
	@mkdir -p test-artifacts
	$(PY) -m pytest

lint: $(STAMPS)/venv
	$(VENV)/bin/ruff check .
	$(VENV)/bin/ruff format --check .

format: $(STAMPS)/venv
	$(VENV)/bin/ruff check --fix .
	$(VENV)/bin/ruff format .

migrate: $(STAMPS)/venv
	$(PY) -m pk_rentals.cli migrate

deps-run: $(STAMPS)/apt-run $(STAMPS)/venv $(STAMPS)/bun
deps-test: $(STAMPS)/apt-test $(STAMPS)/venv $(STAMPS)/bun
deps-prod: $(STAMPS)/apt-prod $(STAMPS)/venv $(STAMPS)/bun

# Debian packages: installed only when one is missing (needs root, as CI is).
$(STAMPS)/apt-%: tools/system-deps.sh
	@mkdir -p $(STAMPS)
	tools/system-deps.sh $*
	@touch $@

$(STAMPS)/venv: requirements.txt
	@mkdir -p $(STAMPS)
	@test -x $(PY) || $(PYTHON) -m venv $(VENV)
	$(PY) -m pip install -q --disable-pip-version-check -r requirements.txt
	@touch $@

# clerk-js is compressed once here (gzip and Brotli), so the identity server and nginx
# send each browser the smallest copy without compressing on every request.
$(STAMPS)/bun: tools/package.json $(STAMPS)/venv
	@mkdir -p $(STAMPS)
	npm install --prefix tools --no-audit --no-fund --no-package-lock --loglevel error
	@test -x $(REFLEX_BUN_PATH)
	$(PY) -m pk_rentals.devauth.clerk_js
	@touch $@

clean:
	rm -rf .web .states test-artifacts .cache/stamps
