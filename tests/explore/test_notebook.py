"""The explorer notebook runs headless (as Voila and JupyterLab run it) and shows the widget."""

from __future__ import annotations

import json

from corpus_tools.config import NOTEBOOKS_DIR

NOTEBOOK = NOTEBOOKS_DIR / "interactive" / "explore.ipynb"


def test_explore_notebook_is_stripped_and_not_a_report():
    nb = json.loads(NOTEBOOK.read_text(encoding="utf-8"))
    code = [c for c in nb["cells"] if c["cell_type"] == "code"]
    assert all(not c.get("outputs") and c.get("execution_count") is None for c in code)
    assert sum("parameters" in c.get("metadata", {}).get("tags", []) for c in code) == 1
    from corpus_tools.runner.study import list_notebooks

    assert "explore" not in list_notebooks()  # interactive: `make reports` does not run it


def test_explore_notebook_runs_and_shows_the_explorer(tmp_path):
    from corpus_tools.runner.execute import execute_notebook

    executed = execute_notebook(NOTEBOOK, tmp_path, {"query": "reassurance"})
    nb = json.loads(executed.read_text(encoding="utf-8"))
    outputs = [o for c in nb["cells"] if c["cell_type"] == "code" for o in c.get("outputs", [])]
    assert not [o for o in outputs if o.get("output_type") == "error"]
    assert any("application/vnd.jupyter.widget-view+json" in o.get("data", {}) for o in outputs)
