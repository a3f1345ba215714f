# Front Door. `make help` lists the targets.
SHELL := /bin/bash
VENV ?= .venv
PYTHON ?= python3
BIN := $(VENV)/bin
GOVUK_DIST := node_modules/govuk-frontend/dist/govuk
GOVUK_STATIC := service/static/govuk
INTEGRATION_LOG := .integration-tests.log
CIN_VENV := .venv-cin
SUDO := $(shell [ "$$(id -u)" = 0 ] || echo sudo)

.DEFAULT_GOAL := help
.PHONY: help install system-packages assets migrate demo-users run worker lint format test bench clean

help: ## list the targets
	@grep -E '^[a-z-]+:.*## ' $(MAKEFILE_LIST) | awk -F ':.*## ' '{printf "  %-16s %s\n", $$1, $$2}'

# Compiled modules are cached (__pycache__) even where PYTHONDONTWRITEBYTECODE is set: uv, unlike
# pip, compiles nothing at install, and the tests start many processes (the command, readers,
# workers), each of which compiled every module it imported again (`import service.cli` 5.2 s
# instead of 2.3 s here). Compiling all of .venv at install took 47 s; this compiles what runs.
unexport PYTHONDONTWRITEBYTECODE

# uv installs what pip would, from its cache in seconds (pip took 90 s on a warm cache); then
# the service is imported once, so that its modules are compiled before the first command
$(BIN)/frontdoor: pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(BIN)/pip install --quiet --disable-pip-version-check uv
	$(BIN)/uv pip install --quiet --python $(BIN)/python -e '.[dev]'
	$(BIN)/python -c "import service.app, service.cli.files, celery.worker"
	touch $@

# The DfE's CIN census validator (csc-validator-be-cin), which the census export's test runs on
# what Front Door writes: it pins pandas 1.5, which needs NumPy 1, so it has a venv of its own
$(CIN_VENV)/bin/cin-validated: $(BIN)/frontdoor
	$(BIN)/uv venv --quiet --python $(PYTHON) $(CIN_VENV)
	$(BIN)/uv pip install --quiet --python $(CIN_VENV)/bin/python \
		"csc-validator-be-cin==0.1.13" "numpy<2" "pytest>=8"
	touch $@

install: $(BIN)/frontdoor assets ## create .venv with the frontdoor command and the GOV.UK assets

system-packages: ## install LibreOffice, its Python (python3-uno), Tesseract OCR, Node.js and Chromium from Debian where missing
	@missing=""; \
	command -v chromium >/dev/null || missing="$$missing chromium"; \
	command -v soffice >/dev/null || missing="$$missing libreoffice-writer-nogui"; \
	/usr/bin/python3 -c "import uno" 2>/dev/null || missing="$$missing python3-uno"; \
	command -v npm >/dev/null || missing="$$missing nodejs npm"; \
	command -v tesseract >/dev/null || missing="$$missing tesseract-ocr tesseract-ocr-eng"; \
	tesseract --list-langs 2>/dev/null | grep -qx Latin || missing="$$missing tesseract-ocr-script-latn"; \
	if [ -n "$$missing" ]; then \
	  echo "Installing Debian packages:$$missing"; \
	  $(SUDO) apt-get update -qq && DEBIAN_FRONTEND=noninteractive $(SUDO) apt-get install -y -qq --no-install-recommends $$missing; \
	fi

assets: $(GOVUK_STATIC)/govuk-frontend.min.css ## copy GOV.UK Frontend (from npm) into service/static

$(GOVUK_STATIC)/govuk-frontend.min.css: package.json package-lock.json
	@command -v npm >/dev/null || $(MAKE) system-packages
	npm ci --no-audit --no-fund --silent
	rm -rf $(GOVUK_STATIC) && mkdir -p $(GOVUK_STATIC)
	cp $(GOVUK_DIST)/govuk-frontend.min.css $(GOVUK_DIST)/govuk-frontend.min.js $(GOVUK_STATIC)/
	cp -r $(GOVUK_DIST)/assets $(GOVUK_STATIC)/assets

migrate: install ## bring the database up to date
	$(BIN)/frontdoor db upgrade

demo-users: migrate ## create one demo user per role and print their logins
	$(BIN)/frontdoor seed-demo

run: system-packages demo-users ## set up and serve Front Door on http://127.0.0.1:5000 (embedded)
	$(BIN)/frontdoor run --host 127.0.0.1 --port 5000

worker: install ## run a Celery worker (production: set FRONTDOOR_BROKER_URL)
	$(BIN)/celery -A service.worker worker --queues documents,imports,mail --loglevel INFO

lint: $(BIN)/frontdoor ## ruff check, ruff format --check and the import contracts (pyproject.toml)
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .
	$(BIN)/lint-imports

format: $(BIN)/frontdoor ## reformat the code with ruff
	$(BIN)/ruff check --fix .
	$(BIN)/ruff format .

# The integration tests run one at a time (they restart and flush the shared PostgreSQL and
# Redis), beside the rest, which use neither and run on every core: much of their time is spent
# waiting on real workers, which the others fill. Their report follows the others'. The others
# are handed out by work stealing: a core that runs out takes queued tests from the other, so
# that the run does not end with one core alone on a queue of long tests (measured: the last
# 42 s of a run on one core with xdist's default hand-out, 7 s with stealing). Each run collects
# only its own folders: collecting (rewriting every test module's asserts) costs each process
# about 9 s, at the start, when all three processes share the two cores.
test: lint system-packages install $(CIN_VENV)/bin/cin-validated ## lint, then every test (integration tests need PostgreSQL and Redis)
	@$(BIN)/pytest -m integration tests/integration > $(INTEGRATION_LOG) 2>&1 & integration=$$!; \
	$(BIN)/pytest --numprocesses auto --dist worksteal -m "not integration" \
		--ignore=tests/integration; others=$$?; \
	wait $$integration; integrated=$$?; \
	echo "--- integration tests (PostgreSQL, Redis, Celery workers), run beside the others:"; \
	cat $(INTEGRATION_LOG); rm -f $(INTEGRATION_LOG); \
	exit $$(( others || integrated ))

bench: install ## print the benchmark figures as name: value lines
	$(BIN)/python -m tests.bench

clean: ## remove the virtualenv and the built assets (keeps instance/)
	rm -rf $(VENV) $(CIN_VENV) node_modules $(GOVUK_STATIC)
