# The two front-door commands: `make run` and `make test`. See README.md.
PYTHON ?= python3.11
VENV := .venv
BIN := $(VENV)/bin
HOST ?= 127.0.0.1
PORT ?= 8000

.PHONY: install run test test-sqlite test-postgres lint system-deps clean

$(BIN)/python:
	$(PYTHON) -m venv $(VENV) || python3 -m venv $(VENV)

$(VENV)/.installed: $(BIN)/python requirements.txt requirements-dev.txt pyproject.toml
	$(BIN)/pip install --quiet --disable-pip-version-check -r requirements-dev.txt
	$(BIN)/pip install --quiet --disable-pip-version-check --no-deps -e .
	touch $@

install: $(VENV)/.installed

run: install
	$(BIN)/steunwerk migrate --noinput
	$(BIN)/steunwerk demo
	STEUNWERK_DEBUG=1 $(BIN)/steunwerk runserver $(HOST):$(PORT)

# Debian packages the full suite needs: a PostgreSQL server and Chromium for the browser tests.
system-deps:
	scripts/system-deps.sh

test: install system-deps lint
	$(BIN)/steunwerk makemigrations --check --dry-run
	$(MAKE) test-sqlite
	$(MAKE) test-postgres

test-sqlite: install
	DATABASE_URL= STEUNWERK_DATA_DIR=$$(mktemp -d) $(BIN)/pytest -q $(PYTEST_ARGS)

test-postgres: install
	scripts/with-postgres.sh $(BIN)/pytest -q $(PYTEST_ARGS)

# ruff (lint and format, configured in pyproject.toml) and the import contracts between the layers (import-linter).
# PYTHONPATH: the contracts are checked on this checkout's code, not on whatever the editable install points at.
lint: install
	$(BIN)/ruff check src
	$(BIN)/ruff format --check src
	PYTHONPATH=src $(BIN)/lint-imports

clean:
	rm -rf $(VENV) data
