# corpus_tools: every set-up step lives here, so a fresh clone needs only `make reports` and `make test`.
PYTHON ?= python3.11
VENV ?= .venv
BIN := $(VENV)/bin
EVAL ?= ../shared/eval
STAMP := $(VENV)/.installed
JOBS ?= 2
SUDO := $(shell [ "$$(id -u)" = 0 ] || echo sudo)
# Headless everywhere: no display, no browser, no network look-ups by Jupyter.
export MPLBACKEND := Agg
export PYDEVD_DISABLE_FILE_VALIDATION := 1

.DEFAULT_GOAL := help
.PHONY: help venv reports test lint format test-browser validate bench bench-scale lab explore student lock clean-venv

help: ## Show this help
	@grep -hE '^[a-zA-Z_-]+:.*?## ' $(MAKEFILE_LIST) | awk 'BEGIN {FS = ":.*?## "}; {printf "  %-12s %s\n", $$1, $$2}'

$(STAMP): pyproject.toml requirements.lock
	@command -v $(PYTHON) >/dev/null 2>&1 || { echo "error: $(PYTHON) not found; install Python 3.11 or run 'make PYTHON=python3 ...'" >&2; exit 1; }
	test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -r requirements.lock
	$(BIN)/python -m pip install --quiet --no-deps -e .
	$(BIN)/python -m ipykernel install --prefix $(VENV) --name corpus-tools --display-name "Python (corpus-tools)" >/dev/null
	touch $(STAMP)

venv: $(STAMP) ## Create the virtual environment and install the package (done by every other target)

reports: $(STAMP) ## Run the seeds study (studies/seeds.yml) into reports/seeds/; unchanged notebooks are reused
	$(BIN)/corpus-tools report --study studies/seeds.yml --jobs $(JOBS)

test: $(STAMP) ## Run the test suite and every module's doctests ($(JOBS) workers)
	$(BIN)/python -m pytest -q -n $(JOBS)

lint: $(STAMP) ## Check style and formatting with ruff (configured in pyproject.toml)
	$(BIN)/ruff check corpus_tools tests bench notebooks conftest.py
	$(BIN)/ruff format --check corpus_tools tests bench conftest.py

format: $(STAMP) ## Format and fix what ruff can fix
	$(BIN)/ruff check --fix corpus_tools tests bench notebooks conftest.py
	$(BIN)/ruff format corpus_tools tests bench conftest.py

test-browser: $(STAMP) ## Open the reports (seeds; a generated 300-article study) and the explorer (Voila) in headless Chromium; no figure or table wider than the page (installs chromium if missing)
	@command -v chromium >/dev/null 2>&1 || { \
	  echo "installing Debian's chromium (needs root or sudo, and the package mirror)"; \
	  $(SUDO) apt-get update -qq && DEBIAN_FRONTEND=noninteractive $(SUDO) apt-get install -y -qq chromium; }
	$(BIN)/python -m pytest -q -m browser tests/test_browser.py

validate: $(STAMP) ## Validate against ../shared/eval (cleaning, sentiment, keywords, framing) and target tone
	$(BIN)/python -m corpus_tools.runner.validate --eval $(EVAL)

bench: $(STAMP) ## Run the benchmarks in bench/ (ratios against an in-process baseline)
	$(BIN)/python bench/run.py

N ?= 1000
bench-scale: $(STAMP) ## Generate N articles (N=1000; N=10000 ...), time every stage, processing and notebooks
	$(BIN)/python bench/scale.py --n $(N) --eval $(EVAL)

lab: $(STAMP) ## Open JupyterLab on notebooks/ with the project's kernel (figures inline, as in the reports)
	env -u MPLBACKEND $(BIN)/jupyter lab --notebook-dir=notebooks

explore: $(STAMP) ## Open the corpus explorer (notebooks/interactive/explore.ipynb) in JupyterLab
	env -u MPLBACKEND $(BIN)/jupyter lab notebooks/interactive/explore.ipynb

student: $(STAMP) ## Seminar notebooks without solutions -> build/student/; runs them and the solutions to check
	rm -rf build/student build/check && mkdir -p build/student build/check/instructor
	$(BIN)/jupyter nbconvert --log-level=WARN --to notebook --ClearOutputPreprocessor.enabled=True \
	  --TagRemovePreprocessor.enabled=True --TagRemovePreprocessor.remove_cell_tags=solution \
	  --output-dir build/student notebooks/seminar/*.ipynb
	cp build/student/*.ipynb build/check/ && cp notebooks/seminar/*.ipynb build/check/instructor/
	$(BIN)/jupyter nbconvert --log-level=WARN --to notebook --execute --inplace \
	  --ExecutePreprocessor.kernel_name=corpus-tools --ExecutePreprocessor.timeout=600 \
	  build/check/*.ipynb build/check/instructor/*.ipynb
	@echo "student notebooks: build/student/ (checked: every student and instructor notebook ran)"

lock: ## Re-pin requirements.lock from a fresh environment built from pyproject.toml
	rm -rf .lockenv && $(PYTHON) -m venv .lockenv && .lockenv/bin/pip install --quiet -e '.[test]'
	(echo "# Exact versions the project is tested with (pip freeze of a fresh 'make venv' on Python 3.11)."; \
	 echo "# Regenerate with 'make lock' after changing dependencies in pyproject.toml."; \
	 .lockenv/bin/pip freeze --exclude-editable) > requirements.lock
	rm -rf .lockenv

clean-venv: ## Remove the virtual environment
	rm -rf $(VENV)
