# Regionallabor: `make start` serves the course, `make test` runs the whole suite.
PYTHON ?= python3
VENV := .venv
BIN := $(CURDIR)/$(VENV)/bin
PORT ?= 8866
# nbgrader's gradebook migrations call alembic from PATH: keep the venv's bin first.
export PATH := $(BIN):$(PATH)

.PHONY: install start lint test test-fast browser benchmark handbook binder-pins clean

$(VENV)/.installed: pyproject.toml
	test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -e '.[dev,pdf]'
	touch $@

install: $(VENV)/.installed

start: install
	$(BIN)/python -m regionallabor serve --Voila.port=$(PORT)

handbook: install
	$(BIN)/python -m regionallabor handbook --pdf

browser: install
	$(BIN)/python tests/ensure_browser.py
	$(BIN)/python tests/binder_env.py

# ruff first: a style or import slip fails in seconds, not after the browser tests.
lint: install
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .

test: lint browser
	$(BIN)/python -m pytest

# Everything without a browser, a hub or the Binder environment: about a minute and a half.
test-fast: lint
	$(BIN)/python -m pytest -m "not browser" --ignore=tests/browser

benchmark: install browser
	$(BIN)/python benchmarks/voila_render.py
	$(BIN)/python benchmarks/modul2_responsiveness.py
	$(BIN)/python benchmarks/modul3_network.py
	$(BIN)/python benchmarks/modul45_planning.py
	$(BIN)/python benchmarks/modul6_actions.py
	$(BIN)/python benchmarks/arbeitsblaetter.py --teams 30 --module 1
	$(BIN)/python benchmarks/arbeitsblaetter.py --teams 30 --module 6
	$(BIN)/python benchmarks/binder_memory.py

# Binder's and the hub image's pins: pyproject's runtime dependencies as pip resolves them today.
binder-pins:
	rm -rf .pins-venv && /usr/bin/python3.11 -m venv .pins-venv
	.pins-venv/bin/python -m pip install --quiet '.[pdf]' hatchling editables
	{ sed -n '1,3p' binder/requirements.txt; .pins-venv/bin/python -m pip freeze --exclude regionallabor; } > binder/requirements.new
	mv binder/requirements.new binder/requirements.txt && rm -rf .pins-venv

clean:
	rm -rf $(VENV) tests/artifacts benchmarks/results handbook/_build
