# The two commands of the quick start: `make site` and `make test`.
# Both create .venv when it is missing and install the project into it.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
INSTALLED := $(VENV)/.installed

.PHONY: site test clean

$(INSTALLED): pyproject.toml
	test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -e '.[test]'
	touch $(INSTALLED)

site: $(INSTALLED)
	$(BIN)/briefing-gen build

test: $(INSTALLED)
	$(BIN)/python -m pytest

clean:
	rm -rf $(VENV) .briefing-gen-cache

# The benchmark of issue 6 (bench/RESULTS.md): briefing-gen against Hugo and
# Pelican, in its own venv with the `bench` extras. Not part of `make test`.
# `make bench BENCH_ARGS=--quick` for a short smoke run.
# The sites are built in /dev/shm when it has room (bench/README.md, --sites-dir).
BENCH_VENV := bench/work/venv
BENCH_INSTALLED := $(BENCH_VENV)/.installed-copy

.PHONY: bench

$(BENCH_INSTALLED): pyproject.toml
	test -x $(BENCH_VENV)/bin/python || $(PYTHON) -m venv $(BENCH_VENV)
	$(BENCH_VENV)/bin/python -m pip install --quiet --upgrade pip
	# Not editable: an editable install adds an import hook that every Python process
	# of the venv loads at start (17 ms, Pelican's too). The code measured is the snapshot
	# bench/run.py exports and puts first on PYTHONPATH, not this copy.
	$(BENCH_VENV)/bin/python -m pip install --quiet '.[bench]'
	touch $(BENCH_INSTALLED)

bench: $(BENCH_INSTALLED)
	$(BENCH_VENV)/bin/python bench/run.py $(BENCH_ARGS)

# The quality gates' tools (tests/quality): Debian chromium and Java where
# missing, vnu-jar, axe-core and linkinator into .tools/ci. CI runs this in
# .ci/run; locally the gates that need a missing tool skip and say so.
# `make audit`: Lighthouse on the home and a quote page of site/, scores to
# artifacts/lighthouse.md. Not part of `make test`.
.PHONY: tools audit

tools:
	.ci/install-tools

audit: $(INSTALLED)
	.ci/install-tools --audit
	$(BIN)/python .ci/audit.py $(AUDIT_ARGS)
