"""The seminar notebooks: six sessions, worked solutions tagged ``solution``, and student versions
(solutions removed, as ``make student`` writes them) that never use a name only a solution defines.

``make student`` executes every student and instructor notebook; these tests check the structure
without a kernel.
"""

from __future__ import annotations

import ast
import builtins
import json

import nbformat
import pytest
from nbconvert.preprocessors import TagRemovePreprocessor

from corpus_tools.config import NOTEBOOKS_DIR

SEMINAR = sorted((NOTEBOOKS_DIR / "seminar").glob("session*.ipynb"))


def _student(path):
    nb = nbformat.read(path, as_version=4)
    remover = TagRemovePreprocessor(remove_cell_tags={"solution"}, enabled=True)
    return remover.preprocess(nb, {})[0]


def _names(source: str, kind: type) -> set[str]:
    tree = ast.parse(source)
    found = {n.id for n in ast.walk(tree) if isinstance(n, ast.Name) and isinstance(n.ctx, kind)}
    if kind is ast.Store:
        for node in ast.walk(tree):
            if isinstance(node, ast.Import | ast.ImportFrom):
                found |= {(a.asname or a.name).split(".")[0] for a in node.names}
    return found


def test_six_sessions_cover_the_seminar():
    assert [p.stem.split("_")[0] for p in SEMINAR] == [f"session{i}" for i in range(1, 7)]


@pytest.mark.parametrize("path", SEMINAR, ids=lambda p: p.stem)
def test_a_session_has_goals_reading_tasks_and_solutions(path):
    nb = json.loads(path.read_text(encoding="utf-8"))
    text = "".join("".join(c["source"]) for c in nb["cells"] if c["cell_type"] == "markdown")
    assert "**Goals.**" in text and "**Reading.**" in text and "**Task 1.**" in text
    code = [c for c in nb["cells"] if c["cell_type"] == "code"]
    assert all(not c.get("outputs") and c.get("execution_count") is None for c in code), "strip outputs"
    solutions = [c for c in code if "solution" in c.get("metadata", {}).get("tags", [])]
    tasks = text.count("**Task ")
    assert len(solutions) >= tasks >= 2


@pytest.mark.parametrize("path", SEMINAR, ids=lambda p: p.stem)
def test_the_student_version_has_no_solution_and_needs_none(path):
    student = _student(path)
    code = [c for c in student.cells if c.cell_type == "code"]
    assert code and not [c for c in code if "solution" in c.metadata.get("tags", [])]
    solved = set()
    for cell in nbformat.read(path, as_version=4).cells:
        if cell.cell_type == "code" and "solution" in cell.metadata.get("tags", []):
            solved |= _names(cell.source, ast.Store)
    defined = set(dir(builtins))
    for cell in code:
        used = _names(cell.source, ast.Load) - _names(cell.source, ast.Store)
        missing = (used & solved) - defined
        assert not missing, f"{path.name}: a student cell uses {sorted(missing)}, defined only in a solution"
        defined |= _names(cell.source, ast.Store)
