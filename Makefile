# Two entry points for a fresh machine: `make site` and `make test`.
VENV ?= .venv
PYTHON ?= python3
STAMP := $(VENV)/.installed

.PHONY: site test check browser clean

$(STAMP): pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(VENV)/bin/pip install --quiet --upgrade pip
	$(VENV)/bin/pip install --quiet -e '.[test]'
	touch $(STAMP)

## Build the site from the sample in data/ into site/.
site: $(STAMP)
	$(VENV)/bin/nkpk-site build

## Validate the inputs and print the build report, writing nothing.
check: $(STAMP)
	$(VENV)/bin/nkpk-site check --report

## Install Debian's chromium for the browser tests (root, as on CI).
browser:
	@command -v chromium >/dev/null 2>&1 || { apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium >/dev/null; }

## Run every test: unit, real-corpus builds and browser tests.
test: $(STAMP) browser
	$(VENV)/bin/pytest -q

clean:
	rm -rf site .pytest_cache
