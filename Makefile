# Peer Support. `make run` needs only Python 3.11+; `make test` needs PostgreSQL.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
TEST_DATABASE_URL := $(or $(DATABASE_URL),postgres://postgres@127.0.0.1:5432/peersupport)
HOST ?= 127.0.0.1:8000

LOCK := requirements/lock.txt

.PHONY: install run test test-fast lint format clean screenshots bench lock eval-screening train-screening

install: $(VENV)/.installed

# Every package at the exact version in the lock file, so every machine runs what was tested.
$(VENV)/.installed: pyproject.toml $(LOCK)
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -c $(LOCK) -e '.[dev]'
	touch $@

# After changing pyproject.toml: refresh the pins from a venv with every extra installed.
lock: $(VENV)/.bench-installed
	$(BIN)/python -m pip install --quiet -e '.[dev,bench]' --upgrade
	{ head -n 2 $(LOCK); $(BIN)/python -m pip freeze --exclude-editable; } > $(LOCK).new
	mv $(LOCK).new $(LOCK)

# Links in emails point at this server. Crisis alerts go out at once (no broker: the
# tasks run in the server) and print on the console; the reminders' minute-by-minute run
# goes in the background and stops with the server.
run: export SITE_URL = http://$(HOST)
run: install
	mkdir -p var
	$(BIN)/python manage.py migrate --noinput
	$(BIN)/python manage.py seed_demo
	$(BIN)/python manage.py alert_safeguarding_leads --every 60 & \
		trap 'kill $$! 2>/dev/null' EXIT INT TERM; \
		$(BIN)/python manage.py runserver $(HOST)

test: install
	@DATABASE_URL=$(TEST_DATABASE_URL) $(BIN)/python -m peersupport.dbcheck
	DATABASE_URL=$(TEST_DATABASE_URL) DJANGO_ALLOW_ASYNC_UNSAFE=true \
		$(BIN)/python -m pytest -n auto $(PYTEST_ARGS)

# The suite without the tests marked slow (browsers, app servers, subprocesses, seeding):
# quick feedback while working; `make test` still runs everything.
test-fast: install
	@DATABASE_URL=$(TEST_DATABASE_URL) $(BIN)/python -m peersupport.dbcheck
	DATABASE_URL=$(TEST_DATABASE_URL) DJANGO_ALLOW_ASYNC_UNSAFE=true \
		$(BIN)/python -m pytest -n auto -m "not slow" $(PYTEST_ARGS)

# The screening measured on the labelled corpus (docs/screening.md): both splits, every
# miss and false alarm. SUMMARY=1 prints only the targets.
eval-screening: install
	mkdir -p var
	$(BIN)/python manage.py migrate --noinput -v 0
	$(BIN)/python manage.py eval_screening $(if $(filter 1,$(SUMMARY)),--summary)

# Retrain the statistical layer on the development split (and EXTRA moderator-labelled
# files from export_screening_examples); writes moderation/screening/risk/model.json.
train-screening: $(VENV)/.train-installed
	$(BIN)/python -m moderation.screening.risk.training.train $(foreach file,$(EXTRA),--extra $(file))

$(VENV)/.train-installed: $(VENV)/.installed
	$(BIN)/python -m pip install --quiet -c $(LOCK) -e '.[dev,train]'
	touch $@

screenshots: install
	$(BIN)/python scripts/screenshots.py

# Performance budgets and a load test on a database of their own (bench/README.md);
# not part of `make test`. BENCH_ARGS="--scale 0.05 --quick" for a short run.
bench: $(VENV)/.bench-installed
	$(BIN)/python -m bench.run $(BENCH_ARGS)

$(VENV)/.bench-installed: $(VENV)/.installed
	$(BIN)/python -m pip install --quiet -c $(LOCK) -e '.[dev,bench]'
	touch $@

# Backups of the PostgreSQL database in DATABASE_URL (scripts/backup.py says more).
.PHONY: backup restore audit
backup: install
	@$(BIN)/python scripts/backup.py backup

restore: install
	@$(BIN)/python scripts/backup.py restore "$(BACKUP)" $(if $(filter 1,$(YES)),--yes)

# Known vulnerabilities in our dependencies: the lock file once there is one, else .venv.
audit: install
	@$(BIN)/python -m pip_audit --version >/dev/null 2>&1 || \
		$(BIN)/python -m pip install --quiet pip-audit
	@$(BIN)/python scripts/audit.py

lint: install
	$(BIN)/python -m ruff check .
	$(BIN)/python -m ruff format --check .

format: install
	$(BIN)/python -m ruff check --fix .
	$(BIN)/python -m ruff format .

clean:
	rm -rf $(VENV) var .pytest_cache .ruff_cache
