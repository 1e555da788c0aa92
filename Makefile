# Peer Support. `make run` needs only Python 3.11+; `make test` needs PostgreSQL.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
TEST_DATABASE_URL := $(or $(DATABASE_URL),postgres://postgres@127.0.0.1:5432/peersupport)
HOST ?= 127.0.0.1:8000

.PHONY: install run test lint format clean screenshots

install: $(VENV)/.installed

$(VENV)/.installed: pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -e '.[dev]'
	touch $@

run: install
	mkdir -p var
	$(BIN)/python manage.py migrate --noinput
	$(BIN)/python manage.py seed_demo
	$(BIN)/python manage.py runserver $(HOST)

test: install
	@DATABASE_URL=$(TEST_DATABASE_URL) $(BIN)/python -m peersupport.dbcheck
	DATABASE_URL=$(TEST_DATABASE_URL) DJANGO_ALLOW_ASYNC_UNSAFE=true \
		$(BIN)/python -m pytest -n auto $(PYTEST_ARGS)

screenshots: install
	$(BIN)/python scripts/screenshots.py

lint: install
	$(BIN)/python -m ruff check .
	$(BIN)/python -m ruff format --check .

format: install
	$(BIN)/python -m ruff check --fix .
	$(BIN)/python -m ruff format .

clean:
	rm -rf $(VENV) var .pytest_cache .ruff_cache
