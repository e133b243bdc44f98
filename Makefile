# actionbot: make demo | make test | make lint | make bench
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed

.PHONY: demo test lint bench check doctor clean

# A .venv made by an older Python (or whose Python was removed) cannot run actionbot: rebuild it, saying so.
VENV_OK := $(shell test -x $(BIN)/python && $(BIN)/python -c 'import sys; sys.exit(sys.version_info < (3, 11))' \
	2>/dev/null && echo yes)
ifneq ($(VENV_OK),yes)
ifneq ($(wildcard $(VENV)),)
$(info .venv was made by a Python older than 3.11 (or its Python is gone): rebuilding it with $(PYTHON).)
$(shell rm -rf $(VENV))
endif
endif

$(STAMP): pyproject.toml
	@$(PYTHON) -c 'import sys; sys.exit(sys.version_info < (3, 11))' || { \
		echo "actionbot needs Python 3.11 or newer; $(PYTHON) is $$($(PYTHON) --version 2>&1)." \
		"Run: make PYTHON=python3.11 $(MAKECMDGOALS)"; exit 1; }
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -e '.[test]'
	touch $(STAMP)

demo: $(STAMP)
	$(BIN)/actionbot demo

check: $(STAMP)
	$(BIN)/actionbot check

doctor: $(STAMP)
	$(BIN)/actionbot doctor

test: $(STAMP)
	$(BIN)/python -m pytest

lint: $(STAMP)
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .

bench: $(STAMP)
	$(BIN)/python -m pip install --quiet -e '.[test,bench]'
	$(BIN)/python -m bench

clean:
	rm -rf $(VENV) build *.egg-info .pytest_cache
