# Rian Thai: `make run` serves the app, `make test` runs the tests. Each sets up what it needs
# first (Debian packages, .venv, translations, database) and redoes only what changed.

PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
HOST ?= 127.0.0.1
PORT ?= 5000
WORKERS ?= 2

PO_FILES := $(wildcard learn/translations/*/LC_MESSAGES/messages.po)
MO_FILES := $(PO_FILES:.po=.mo)

.PHONY: run test debian-run debian-test translations db media clean

run: debian-run $(BIN)/.installed translations db media
	@echo "Rian Thai is serving on http://$(HOST):$(PORT)/"
	exec $(BIN)/gunicorn --workers $(WORKERS) --bind $(HOST):$(PORT) --access-logfile - wsgi:app

test: debian-test $(BIN)/.installed-test node_modules/.installed translations
	$(BIN)/pytest $(PYTEST_ARGS)

debian-run:
	@scripts/debian-packages.sh run

debian-test:
	@scripts/debian-packages.sh test

$(BIN)/python:
	$(PYTHON) -m venv $(VENV)
	$(BIN)/pip install --quiet --upgrade pip

$(BIN)/.installed: pyproject.toml | $(BIN)/python
	$(BIN)/pip install --quiet -e .
	@touch $@

$(BIN)/.installed-test: pyproject.toml | $(BIN)/python
	$(BIN)/pip install --quiet -e '.[test]'
	@touch $@ $(BIN)/.installed

# axe-core for the browser tests' accessibility checks, as package-lock.json pins it.
node_modules/.installed: package-lock.json
	npm ci --no-audit --no-fund
	@touch $@

translations: $(MO_FILES)

learn/translations/%/LC_MESSAGES/messages.mo: learn/translations/%/LC_MESSAGES/messages.po | $(BIN)/python
	$(BIN)/pybabel compile --use-fuzzy -i $< -o $@

db: $(BIN)/.installed
	$(BIN)/rianthai db upgrade

# Sample videos for the bundled course, made once (real training videos replace them).
media: $(BIN)/.installed
	$(BIN)/rianthai media samples
	$(BIN)/rianthai media renditions

clean:
	rm -rf $(VENV) build *.egg-info
	find learn/translations -name '*.mo' -delete
