# Every target installs what it needs into .venv first (only Python 3.11+ is assumed).
PYTHON ?= python3
VENV   := .venv
BIN    := $(VENV)/bin
STAMP  := $(VENV)/.installed-stamp

.PHONY: install browser wrk test test-fast lint format run bench bench-http bench-writers clean mutate client

# The Python client (clients/python) is installed editable beside the app: its tests import it.
$(STAMP): pyproject.toml clients/python/pyproject.toml
	test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -e '.[dev]' -e clients/python
	touch $(STAMP)

install: $(STAMP)

# Browser tests drive Debian's Chromium; installed here when we may (root with apt-get), else they skip.
# They also audit the page with axe-core (npm), kept in .cache/ and handed to the page by the test itself.
AXE_VERSION := 4.14.1
AXE := .cache/axe-core/node_modules/axe-core/axe.min.js
browser: $(AXE)
	@if command -v chromium >/dev/null && command -v chromedriver >/dev/null; then :; \
	elif [ "$$(id -u)" = 0 ] && command -v apt-get >/dev/null; then \
		apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium chromium-driver >/dev/null; \
	else echo "browser tests will skip: install chromium and chromium-driver"; fi

$(AXE):
	@command -v npm >/dev/null && npm install --silent --no-save --no-audit --no-fund --prefix .cache/axe-core \
		axe-core@$(AXE_VERSION) || echo "the accessibility audit will skip: install npm (axe-core comes from it)"

# Tests run in three processes on the two cores (pytest-xdist): the third fills the time the others wait on their
# servers (the cores were 88% busy with two workers, 96% with three). worksteal: an idle worker takes queued tests
# from a busy one, so a long test near the end does not leave a core idle. JOBS=1 runs them in one process.
JOBS ?= 3
# The fast tier waits on nothing but the cores: one worker each.
FAST_JOBS ?= 2

# Everything, PostgreSQL and the browser included (CI requires both: .ci/run).
test: $(STAMP) browser
	@$(MAKE) --no-print-directory wrk || echo "the HTTP benchmark's test will skip: install wrk"
	$(BIN)/python -m pytest -q -n $(JOBS) --dist worksteal

# The fast tier: domain, projections, the API on SQLite and the Python client's own layer, in process (no
# PostgreSQL, no spawned server, command or browser). Schemathesis's plugin (~0.8 s a process to load) serves only
# the fuzzing, which is in the slow tier.
test-fast: $(STAMP)
	$(BIN)/python -m pytest -q -n $(FAST_JOBS) --dist worksteal -p no:schemathesis -m "not postgres and not slow" tests/domain tests/projections tests/api tests/clients tests/ingest tests/test_docs.py

lint: $(STAMP)
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .
	$(BIN)/mypy

format: $(STAMP)
	$(BIN)/ruff format .
	$(BIN)/ruff check --fix .

# Mutation testing with mutmut over the fast tests (docs/mutation.md); starts afresh each time.
# Narrow it with e.g. `make mutate MUTATE_PATHS=domain [MUTATE_TESTS=tests/domain]`.
MUTATE_PATHS ?= domain projections
MUTATE_TESTS ?=
mutate: $(STAMP)
	rm -rf mutants
	$(BIN)/python tools/mutate.py $(MUTATE_PATHS) $(if $(MUTATE_TESTS),--tests $(MUTATE_TESTS))

# The Python client's generated half from the app's OpenAPI document (clients/python/openapi.json), by
# openapi-python-client with clients/python/generator.yaml; a test fails when the committed copy drifts from it.
client: $(STAMP)
	$(BIN)/python -m tools.generate_client

clean:
	rm -rf $(VENV) .pytest_cache .mypy_cache .ruff_cache .hypothesis mutants

SIZE ?= S
DB   ?= sqlite
# In-process figures for SIZE and DB, then HTTP driven by wrk against the real `timeline serve`
# beside a hello-world app served the same way (SQLite, seed data), in the same run; then hostile
# clients (padded query strings, stalled connections) against this tree and the code before its bounds.
bench: $(STAMP) wrk
	$(BIN)/python -m bench.run --size $(SIZE) --db $(DB)
	$(BIN)/python -m bench.http --json bench/results/http.json
	$(BIN)/python -m bench.hostile --json bench/results/hostile.json

# Serving shapes compared: workers, event loop, HTTP parser (docs/serving.md).
bench-http: $(STAMP) wrk
	$(BIN)/python -m bench.http --compare --json bench/results/http-shapes.json

# wrk drives HTTP load from its own process; installed here when we may (root with apt-get).
wrk:
	@command -v wrk >/dev/null || { [ "$$(id -u)" = 0 ] && command -v apt-get >/dev/null && \
		apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq wrk >/dev/null; } || \
		{ echo "install wrk to run this benchmark"; exit 1; }

bench-writers: $(STAMP) wrk
	$(BIN)/python -m bench.writers --db $(DB)

run: $(STAMP)
	$(BIN)/timeline seed
	$(BIN)/timeline serve
