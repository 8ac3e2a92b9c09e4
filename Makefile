# The two quick-start commands: `make all` builds every edition into output/, `make test` runs the tests.
# Both create the virtual environment .venv first (and refresh it when pyproject.toml changes).
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed

.PHONY: all test install check bench bench-catalogue mutate clean browser ace

all: $(STAMP)
	$(BIN)/publish all

# Two processes (pytest-xdist), one test file each at a time: a module's built editions are made
# once, in the process that runs its tests; most tests use one core, so two fill the machine.
# The 25 slowest steps are listed at the end: where the suite's time goes, in every CI log.
test: $(STAMP) browser ace
	$(BIN)/python -m pytest -q -n 2 --dist loadfile --no-loadscope-reorder --durations=25

install: $(STAMP)

$(STAMP): pyproject.toml
	test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -e '.[dev]'
	touch $(STAMP)

# Debian's Chromium, for the tests that render pages in a real browser engine (Playwright drives
# /usr/bin/chromium; nothing is downloaded by Playwright itself). Needs root on a fresh machine.
browser:
	test -x /usr/bin/chromium || (apt-get update -qq && apt-get install -y -qq chromium chromium-driver)

# Ace by DAISY, the EPUB accessibility checker (tests/renderers/test_accessibility.py runs it):
# npm's @daisy/ace-cli, installed once into .tools/ (the stamp names the version) and driven by
# Debian's Chromium from the browser target, so Puppeteer downloads no browser of its own.
ACE_VERSION := 1.4.6
ACE_STAMP := .tools/.ace-$(ACE_VERSION)

ace: $(ACE_STAMP)

$(ACE_STAMP): | browser
	command -v npm >/dev/null || (apt-get update -qq && apt-get install -y -qq nodejs npm)
	mkdir -p .tools
	PUPPETEER_SKIP_DOWNLOAD=1 npm install --prefix .tools --no-audit --no-fund --loglevel=error \
		@daisy/ace-cli@$(ACE_VERSION)
	touch $(ACE_STAMP)

check: $(STAMP)
	$(BIN)/publish check

bench: $(STAMP)
	$(BIN)/python benchmarks/run.py

# 24 titles, every edition but audio: serial, --jobs 2 and a two-worker local Dask cluster.
bench-catalogue: $(STAMP)
	$(BIN)/python benchmarks/run.py --catalogue

# Mutation testing of the core modules with their fast tests (mutmut 3; not part of `make test`):
# writes benchmarks/MUTATION.md. `.venv/bin/python benchmarks/mutate.py --only typography` runs one group.
# Each group stops after 40 minutes (untested mutants are reported as "not run"; every group now
# finishes within it, the reader's 2,500 in about 20); `make mutate MUTATE_ARGS=` never stops one.
MUTATE_ARGS ?= --max-minutes 40
mutate: $(STAMP)
	nice -n 19 $(BIN)/python benchmarks/mutate.py $(MUTATE_ARGS) $(ARGS)

clean:
	rm -rf output .cache .mutate
