# The two front-door commands: `make run` and `make test`. See README.md.
PYTHON ?= python3.11
VENV := .venv
BIN := $(VENV)/bin
HOST ?= 127.0.0.1
PORT ?= 8000

.PHONY: install run test test-sqlite test-postgres system-deps clean

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

test: install system-deps
	$(BIN)/steunwerk makemigrations --check --dry-run
	$(MAKE) test-sqlite
	$(MAKE) test-postgres

test-sqlite: install
	DATABASE_URL= STEUNWERK_DATA_DIR=$$(mktemp -d) $(BIN)/pytest -q $(PYTEST_ARGS)

test-postgres: install
	scripts/with-postgres.sh $(BIN)/pytest -q $(PYTEST_ARGS)

clean:
	rm -rf $(VENV) data
