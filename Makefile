# Regionallabor: `make start` serves the course, `make test` runs the whole suite.
PYTHON ?= python3
VENV := .venv
BIN := $(CURDIR)/$(VENV)/bin
PORT ?= 8866
# nbgrader's gradebook migrations call alembic from PATH: keep the venv's bin first.
export PATH := $(BIN):$(PATH)

.PHONY: install start lint test test-fast browser benchmark handbook wheel binder-pins clean

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

# The wheel a Python user installs (pip, pipx): the course folder and the built handbook inside (hatch_build.py).
wheel: install
	$(BIN)/python -m pip wheel --quiet --no-deps -w dist .

browser: install
	$(BIN)/python -m tests.ensure_browser
	$(BIN)/python -m tests.binder_env

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
	$(BIN)/python -m benchmarks.voila_render
	$(BIN)/python -m benchmarks.nachmittag
	$(BIN)/python -m benchmarks.team_server
	$(BIN)/python -m benchmarks.modul2_responsiveness
	$(BIN)/python -m benchmarks.modul3_network
	$(BIN)/python -m benchmarks.modul45_planning
	$(BIN)/python -m benchmarks.modul6_actions
	$(BIN)/python -m benchmarks.arbeitsblaetter --teams 30 --module 1
	$(BIN)/python -m benchmarks.arbeitsblaetter --teams 30 --module 6
	$(BIN)/python -m benchmarks.binder_memory

# Binder's and the hub image's pins: pyproject's runtime dependencies as pip resolves them today.
binder-pins:
	rm -rf .pins-venv && /usr/bin/python3.11 -m venv .pins-venv
	.pins-venv/bin/python -m pip install --quiet '.[pdf]' hatchling editables
	{ sed -n '1,3p' binder/requirements.txt; .pins-venv/bin/python -m pip freeze --exclude regionallabor; } > binder/requirements.new
	mv binder/requirements.new binder/requirements.txt && rm -rf .pins-venv

clean:
	rm -rf $(VENV) tests/artifacts benchmarks/results handbook/_build dist
