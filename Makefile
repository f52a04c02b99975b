# `make run` and `make test` do all set-up; both are idempotent and quick when nothing changed.
PYTHON ?= python3
VENV   := .venv
BIN    := $(VENV)/bin
STAMP  := $(VENV)/.installed-stamp
PORT   ?= 8000

.PHONY: run test setup clean

$(STAMP): pyproject.toml
	test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -e '.[dev]'
	touch $(STAMP)

setup: $(STAMP)

run: setup
	scripts/system-deps run
	$(BIN)/katabank serve --port $(PORT)

test: setup
	scripts/system-deps test
	$(BIN)/ruff check .
	$(BIN)/mypy
	$(BIN)/katabank katas check
	$(BIN)/katabank questions check
	# The database tests run on Postgres too when one answers (see scripts/test-postgres-url).
	KATABANK_TEST_POSTGRES_URL="$$(scripts/test-postgres-url $(BIN)/python)" $(BIN)/pytest

clean:
	rm -rf $(VENV) var .pytest_cache .ruff_cache .mypy_cache .hypothesis
