# `make run` and `make test` do all set-up; both are idempotent and quick when nothing changed.
PYTHON ?= python3
VENV   := .venv
BIN    := $(VENV)/bin
STAMP  := $(VENV)/.installed-stamp
PORT   ?= 8000
# pytest processes: every test has its own database (SQLite file, Postgres clone), so they can run side by side.
TEST_JOBS ?= 2

.PHONY: run test setup clean

# A venv left without pip (made before python3-venv was installed) is made again.
$(STAMP): pyproject.toml
	scripts/system-deps python $(PYTHON)
	$(BIN)/python -m pip --version >/dev/null 2>&1 || { rm -rf $(VENV) && $(PYTHON) -m venv $(VENV); }
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
	KATABANK_TEST_POSTGRES_URL="$$(scripts/test-postgres-url $(BIN)/python)" $(BIN)/pytest -n $(TEST_JOBS)

clean:
	rm -rf $(VENV) var .pytest_cache .ruff_cache .mypy_cache .hypothesis
