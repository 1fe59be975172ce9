# corpus_tools: every set-up step lives here, so a fresh clone needs only `make reports` and `make test`.
PYTHON ?= python3.11
VENV ?= .venv
BIN := $(VENV)/bin
EVAL ?= ../shared/eval
STAMP := $(VENV)/.installed
# Headless everywhere: no display, no browser, no network look-ups by Jupyter.
export MPLBACKEND := Agg
export PYDEVD_DISABLE_FILE_VALIDATION := 1

.DEFAULT_GOAL := help
.PHONY: help venv reports test validate bench lab lock clean-venv

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

reports: $(STAMP) ## Run every notebook on seeds/ into reports/ (executed .ipynb + .html)
	$(BIN)/python -m corpus_tools.run_notebooks --out reports

test: $(STAMP) ## Run the test suite
	$(BIN)/python -m pytest -q

validate: $(STAMP) ## Validate against ../shared/eval (cleaning, sentiment, keywords, framing)
	$(BIN)/python -m corpus_tools.validate --eval $(EVAL)

bench: $(STAMP) ## Run the benchmarks in bench/ (ratios against an in-process baseline)
	$(BIN)/python bench/run.py

lab: $(STAMP) ## Open JupyterLab on notebooks/ with the project's kernel
	$(BIN)/jupyter lab --notebook-dir=notebooks

lock: ## Re-pin requirements.lock from a fresh environment built from pyproject.toml
	rm -rf .lockenv && $(PYTHON) -m venv .lockenv && .lockenv/bin/pip install --quiet -e '.[test]'
	(echo "# Exact versions the project is tested with (pip freeze of a fresh 'make venv' on Python 3.11)."; \
	 echo "# Regenerate with 'make lock' after changing dependencies in pyproject.toml."; \
	 .lockenv/bin/pip freeze --exclude-editable) > requirements.lock
	rm -rf .lockenv

clean-venv: ## Remove the virtual environment
	rm -rf $(VENV)
