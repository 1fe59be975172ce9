"""Notebook hygiene, and every notebook executed by papermill on the seeds."""

from __future__ import annotations

import ast
import json

import pytest

from corpus_tools.config import NOTEBOOKS_DIR

NOTEBOOKS = sorted(NOTEBOOKS_DIR.glob("*.ipynb"))


def test_there_are_notebooks():
    assert any(nb.stem == "corpus_overview" for nb in NOTEBOOKS)


@pytest.mark.parametrize("path", NOTEBOOKS, ids=lambda p: p.stem)
def test_notebook_is_stripped_and_has_typed_documented_parameters(path):
    nb = json.loads(path.read_text(encoding="utf-8"))
    code = [c for c in nb["cells"] if c["cell_type"] == "code"]
    assert all(not c.get("outputs") and c.get("execution_count") is None for c in code), "strip outputs"
    params = [c for c in code if "parameters" in c.get("metadata", {}).get("tags", [])]
    assert len(params) == 1, "exactly one cell tagged 'parameters'"
    source = "".join(params[0]["source"])
    for node in ast.parse(source).body:
        assert isinstance(node, ast.AnnAssign), f"parameter without a type: {ast.unparse(node)}"
    for line in source.splitlines():
        if line.strip():
            assert "#" in line, f"parameter without a comment: {line}"
    for cell in code:
        text = "".join(cell["source"])
        assert "sys.path" not in text and "\ndef " not in f"\n{text}" and "\nclass " not in f"\n{text}"
