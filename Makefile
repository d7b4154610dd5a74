# ATT implementation guidance site. `make help` lists the targets.
SHELL := /bin/bash
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
export NO_MKDOCS_2_WARNING := 1
# mike runs `mkdocs` from PATH: make it the project's.
export PATH := $(CURDIR)/$(BIN):$(PATH)

.DEFAULT_GOAL := help
.PHONY: help serve build test test-fast bench clean release pdf preview-versions new-topic offline translations translations-mark audit vendor terms check-sources force-wording search-eval

help: ## List the targets
	@grep -E '^[a-zA-Z_-]+:.*## ' $(MAKEFILE_LIST) | awk -F':.*## ' '{printf "  make %-20s %s\n", $$1, $$2}'

$(BIN)/activate:
	$(PYTHON) -m venv $(VENV)

$(VENV)/.installed: pyproject.toml | $(BIN)/activate
	$(BIN)/pip install --quiet --upgrade pip
	$(BIN)/pip install --quiet -e .
	touch $@

$(VENV)/.installed-test: pyproject.toml $(VENV)/.installed
	$(BIN)/pip install --quiet -e ".[test,pdf]"
	touch $@

# The PDF engine (WeasyPrint; needs Debian's pango, see .ci/run): only for releases and `make pdf`.
$(VENV)/.installed-pdf: pyproject.toml $(VENV)/.installed
	$(BIN)/pip install --quiet -e ".[pdf]"
	touch $@

serve: $(VENV)/.installed ## Set up and serve both languages with live reload on http://127.0.0.1:8000
	$(BIN)/mkdocs serve --dev-addr 127.0.0.1:8000

build: $(VENV)/.installed ## Strict build of both languages into site/
	$(BIN)/mkdocs build --strict --clean

test: $(VENV)/.installed-test node_modules/.installed ## Set up and run every test (unit, build, content, browser, mike, audit gates)
	$(BIN)/pytest

test-fast: $(VENV)/.installed-test ## Every test except the browser tests
	$(BIN)/pytest -m "not browser"

bench: $(VENV)/.installed ## Hook overhead on synthetic sites of 500, 1,000 and 2,000 topics per language
	$(BIN)/python tests/bench/bench_hook.py

ATTGUIDE := PYTHONPATH=hooks $(BIN)/python -m attguide.cli

new-topic: $(VENV)/.installed ## Scaffold a topic in both languages: make new-topic PHASE=e ID=end-user-documentation EN="End-user documentation" ZH="最终用户文件"
	@test -n "$(PHASE)" -a -n "$(ID)" || { echo "usage: make new-topic PHASE=e ID=topic-id EN='English name' ZH='中文名称'"; exit 2; }
	$(ATTGUIDE) new-topic "$(PHASE)" "$(ID)" $(if $(EN),--en "$(EN)") $(if $(ZH),--zh "$(ZH)")

translations: $(VENV)/.installed ## List Chinese pages as current, outdated or unmarked (CHECK=1: exit non-zero if any is behind)
	$(ATTGUIDE) translations $(if $(CHECK),--check)

terms: $(VENV)/.installed ## Check every page against the termbase (avoided Chinese variants, -ise spellings); also part of every build
	$(ATTGUIDE) terms

translations-mark: $(VENV)/.installed ## Record that a translation follows the current English page: make translations-mark PAGE=docs/e-authorization/risk-assessment.md
	@test -n "$(PAGE)" || { echo "usage: make translations-mark PAGE=docs/<path>.md"; exit 2; }
	$(ATTGUIDE) translations-mark "$(PAGE)"

release: $(VENV)/.installed-pdf ## Tag and deploy a CSP cycle to the local gh-pages branch with its offline bundle and PDFs: ATT_SITE_URL=https://… make release CYCLE=csp13 [PUSH=1] [ALLOW_RELATIVE=1: no site address]
	@test -n "$(CYCLE)" || { echo "usage: ATT_SITE_URL=https://… make release CYCLE=csp13 [PUSH=1] [ALLOW_RELATIVE=1]"; exit 2; }
	$(ATTGUIDE) release "$(CYCLE)" $(if $(PUSH),--push) $(if $(ALLOW_RELATIVE),--no-absolute-addresses)

pdf: $(VENV)/.installed-pdf ## Print the current edition as PDF (both languages) into build/pdf/ for a preview [CYCLE=csp13]
	$(ATTGUIDE) pdf $(CYCLE)

preview-versions: $(VENV)/.installed ## Serve the versioned site (gh-pages) on http://127.0.0.1:8000
	$(ATTGUIDE) preview-versions --dev-addr 127.0.0.1:8000

offline: $(VENV)/.installed ## Build the offline edition of the newest cycle into site-offline/
	ATT_OFFLINE=true $(BIN)/mkdocs build --strict --site-dir site-offline

check-sources: $(VENV)/.installed ## Check the external addresses of sources.yml and the pages (needs a network; not part of make test)
	$(ATTGUIDE) check-sources

force-wording: $(VENV)/.installed ## List sentences that cite an obligation as "asks"/"should" (or an encouragement as 必须) for review
	$(ATTGUIDE) force-wording

node_modules/.installed: package.json package-lock.json
	npm ci --no-audit --no-fund --ignore-scripts
	touch $@

audit: $(VENV)/.installed-test node_modules/.installed ## Fresh build, then accessibility, links, page weight, Lighthouse and print figures
	$(BIN)/python tests/audit/run_audit.py

search-eval: $(VENV)/.installed-test ## Build, then run the search query set in Chromium; prints per language the share found first and in the top three
	$(BIN)/python tests/search/eval.py $(if $(SITE),--site $(SITE)) $(if $(V),-v)

vendor: node_modules/.installed ## Refresh the vendored iframe-worker shim from node_modules
	cp node_modules/iframe-worker/shim/index.js overrides/assets/javascripts/vendor/iframe-worker/shim.js
	cp node_modules/iframe-worker/LICENSE overrides/assets/javascripts/vendor/iframe-worker/LICENSE

clean: ## Remove build outputs (keeps .venv)
	rm -rf site site-offline build .pytest_cache tests/artifacts
