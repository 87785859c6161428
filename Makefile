# Two commands on a fresh machine with Python 3.11+:
#   make run   -> extract raw/ into extracted/   (creates .venv on first use)
#   make test  -> ruff + the whole test suite    (creates .venv on first use)
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin

.PHONY: run test bench clean

$(BIN)/.installed: pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(BIN)/pip install --quiet --upgrade pip
	$(BIN)/pip install --quiet -e '.[dev]'
	touch $@

# compileall: this machine sets PYTHONDONTWRITEBYTECODE, so without it every run (and every
# worker server) compiled the package from source again, ~0.15 s; up to date it costs ~0.04 s.
run: $(BIN)/.installed
	$(BIN)/python -m compileall -q pipeline
	$(BIN)/python -m pipeline run raw --out extracted

test: $(BIN)/.installed
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .
	$(BIN)/python -m pytest

bench: $(BIN)/.installed
	$(BIN)/python -m compileall -q pipeline
	$(BIN)/python bench/run_bench.py

clean:
	rm -rf $(VENV) extracted/documents extracted/tables extracted/manifest.json
