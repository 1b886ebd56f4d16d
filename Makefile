# Two entry points for a fresh machine: `make site` and `make test`.
VENV ?= .venv
PYTHON ?= python3
STAMP := $(VENV)/.installed
AXE := node_modules/axe-core/axe.min.js

.PHONY: site serve test check browser java axe bench same-output screenshots clean

$(STAMP): pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(VENV)/bin/pip install --quiet --upgrade pip
	$(VENV)/bin/pip install --quiet -e '.[test]'
	touch $(STAMP)

## Build the site from the real code lists in data/ into site/.
## MANIFEST=path/to/releases.yaml builds other lists; SITE_URL=https://example.org/nkpk/ sets the public address.
## OFFLINE=1 builds a site that opens from disk (site/index.html, search included).
site: $(STAMP)
	$(VENV)/bin/nkpk-site build $(if $(MANIFEST),--manifest "$(MANIFEST)") $(if $(SITE_URL),--site-url "$(SITE_URL)") $(if $(OFFLINE),--offline) $(if $(ZIP),--zip)

## Serve site/ on this machine and print the address to open (PORT=8000 by default).
serve: $(STAMP)
	$(VENV)/bin/nkpk-site serve --dir site --port $(or $(PORT),8000)

## Validate the inputs and sum up the build report, writing nothing (REPORT=1 prints all of it).
check: $(STAMP)
	$(VENV)/bin/nkpk-site check $(if $(REPORT),--report) $(if $(MANIFEST),--manifest "$(MANIFEST)")

## Install Debian's chromium for the browser tests (root, as on CI).
browser:
	@command -v chromium >/dev/null 2>&1 || { apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium >/dev/null; }

## Java for the Nu HTML checker (vnu-jar) of the HTML-validity test: Debian's default-jre-headless (root, as on CI;
## its install needs the man1 folder that slim images leave out).
java:
	@command -v java >/dev/null 2>&1 || { mkdir -p /usr/share/man/man1 && apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq default-jre-headless >/dev/null; }

## axe-core for the accessibility tests and vnu-jar (the Nu HTML checker), from the npm registry at the versions package-lock.json pins.
axe: $(AXE)
$(AXE): package.json package-lock.json
	@command -v npm >/dev/null 2>&1 || { apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq nodejs npm >/dev/null; }
	npm ci --no-audit --no-fund --ignore-scripts --loglevel=error
	touch $(AXE)

## Run every test: unit, real-corpus builds, browser tests and the HTML checker.
test: $(STAMP) browser java $(AXE)
	$(VENV)/bin/pytest -q

## Benchmark the build against Hugo and MkDocs: real and generated corpus (bench/README.md).
## Installs Debian's hugo (root, as on CI); pass options as BENCH_ARGS="--corpus real".
bench: $(STAMP)
	@command -v hugo >/dev/null 2>&1 || { apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq hugo >/dev/null; }
	$(VENV)/bin/python bench/build.py $(BENCH_ARGS)

## Build the real corpus at BASE (default main) and at the working tree; fail on any byte that differs.
## ALLOW="'rapport/*' ..." names paths where a difference is meant.
same-output: $(STAMP)
	$(VENV)/bin/python scripts/same_output.py --base "$(or $(BASE),main)" $(foreach g,$(ALLOW),--allow '$(g)')

## Screenshots at 390 and 1366 px of the pages coders use every day, into screenshots/ (git ignores it).
screenshots: $(STAMP) browser
	$(VENV)/bin/python scripts/screenshots.py --out screenshots

clean:
	rm -rf site .pytest_cache node_modules
