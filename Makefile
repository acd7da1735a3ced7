# Hamaynk — the two commands are `make demo` and `make test` (see README.md).
SHELL := /bin/bash
export UV_PYTHON_DOWNLOADS := never
PY := .venv/bin/python
UV := $(shell command -v uv 2>/dev/null || echo .venv-tools/bin/uv)
HOST ?= 127.0.0.1
PORT ?= 8000

.PHONY: demo test check worker install messages run-migrations clean scale-data bench \
        backup restore scheduler

$(UV):
	python3 -m venv .venv-tools && .venv-tools/bin/pip install -q uv

.venv/.synced: uv.lock pyproject.toml | $(UV)
	$(UV) sync --locked --quiet
	@touch $@

install: .venv/.synced

demo: install
	@mkdir -p var
	DEBUG=on $(PY) manage.py migrate --noinput -v 0
	DEBUG=on $(PY) manage.py load_demo
	@echo "Hamaynk demo: http://$(HOST):$(PORT)/  (stop with Ctrl-C)"
	DEBUG=on REQUIRE_MFA_FOR_SECRETARIAT=off $(PY) manage.py runserver $(HOST):$(PORT) --noreload

test: install
	$(PY) -m pytest -q -n auto

check: install
	.venv/bin/ruff check .
	.venv/bin/mypy src
	PYTHONPATH=src .venv/bin/lint-imports
	DEBUG=on $(PY) manage.py makemigrations --check --dry-run

worker: install
	$(PY) manage.py worker

# The periodic commands (calls_tick, membership_daily, grants_daily, send_digests): start ONE.
scheduler: install
	$(PY) manage.py scheduler

messages: install
	cd src/hamaynk && DEBUG=on ../../$(PY) ../../manage.py makemessages -l hy -l en --no-location --no-obsolete -i "locale_vendor/*"
	$(PY) scripts/fill_en_catalogue.py src/hamaynk/locale/en/LC_MESSAGES/django.po
	cd src/hamaynk && DEBUG=on ../../$(PY) ../../manage.py compilemessages -l hy -l en

# Load test (PostgreSQL): make scale-data once, then make bench. See docs/performance.md.
SCALE ?= 1.0
BENCH_DB ?= postgres://postgres@127.0.0.1:5432/hamaynk_scale
scale-data: install
	DATABASE_URL=$${DATABASE_URL:-$(BENCH_DB)} DEBUG=on $(PY) manage.py migrate --noinput -v 0
	DATABASE_URL=$${DATABASE_URL:-$(BENCH_DB)} DEBUG=on $(PY) manage.py scale_data --scale $(SCALE)

bench: install
	DATABASE_URL=$${DATABASE_URL:-$(BENCH_DB)} PYTHONPATH=src $(PY) -m hamaynk_bench

clean:
	rm -rf var .venv .venv-tools

# Backup and restore (README: "Backup and restore"): one archive of the database and files.
backup: install
	$(PY) manage.py backup $(if $(OUTPUT),--output $(OUTPUT))

restore: install
	@test -n "$(FILE)" || { echo "usage: make restore FILE=var/backups/hamaynk-….tar.gz [FORCE=1]"; exit 2; }
	$(PY) manage.py restore "$(FILE)" $(if $(FORCE),--force)
