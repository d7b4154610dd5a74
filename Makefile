# ATT implementation guidance site. `make help` lists the targets.
SHELL := /bin/bash
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
export NO_MKDOCS_2_WARNING := 1
# mike runs `mkdocs` from PATH: make it the project's.
export PATH := $(CURDIR)/$(BIN):$(PATH)

.DEFAULT_GOAL := help
.PHONY: help serve build test test-fast bench clean

help: ## List the targets
	@grep -E '^[a-zA-Z_-]+:.*## ' $(MAKEFILE_LIST) | awk -F':.*## ' '{printf "  make %-20s %s\n", $$1, $$2}'

$(BIN)/activate:
	$(PYTHON) -m venv $(VENV)

$(VENV)/.installed: pyproject.toml | $(BIN)/activate
	$(BIN)/pip install --quiet --upgrade pip
	$(BIN)/pip install --quiet -e .
	touch $@

$(VENV)/.installed-test: pyproject.toml $(VENV)/.installed
	$(BIN)/pip install --quiet -e ".[test]"
	touch $@

serve: $(VENV)/.installed ## Set up and serve both languages with live reload on http://127.0.0.1:8000
	$(BIN)/mkdocs serve --dev-addr 127.0.0.1:8000

build: $(VENV)/.installed ## Strict build of both languages into site/
	$(BIN)/mkdocs build --strict --clean

test: $(VENV)/.installed-test ## Set up and run every test (unit, build, content, browser)
	$(BIN)/pytest

test-fast: $(VENV)/.installed-test ## Every test except the browser tests
	$(BIN)/pytest -m "not browser"

bench: $(VENV)/.installed ## Hook overhead on synthetic sites of 500, 1,000 and 2,000 topics per language
	$(BIN)/python tests/bench/bench_hook.py

clean: ## Remove build outputs (keeps .venv)
	rm -rf site build .pytest_cache tests/artifacts
