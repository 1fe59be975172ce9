"""One notebook: a kernel that fails to start is retried, a cell error is not."""

from __future__ import annotations

from pathlib import Path

import pytest

FIXTURE_NOTEBOOKS = Path(__file__).parents[1] / "fixtures" / "notebooks"


def test_a_kernel_that_fails_to_start_is_retried_and_a_cell_error_is_not(tmp_path, monkeypatch):
    import nbformat

    from corpus_tools.runner import execute

    calls = []

    def fake_run(notebook, executed, parameters, **kwargs):
        calls.append(notebook.name)
        if len(calls) == 1:
            raise RuntimeError("Kernel died before replying to kernel_info")
        nbformat.write(nbformat.v4.new_notebook(cells=[nbformat.v4.new_markdown_cell("# Done")]), executed)

    monkeypatch.setattr(execute, "_run_papermill", fake_run)
    monkeypatch.setattr(execute.time, "sleep", lambda s: None)
    executed = execute.execute_notebook(FIXTURE_NOTEBOOKS / "simple.ipynb", tmp_path, {})
    assert calls == ["simple.ipynb", "simple.ipynb"] and executed.with_suffix(".html").is_file()

    from papermill.exceptions import PapermillExecutionError

    def failing_cell(notebook, executed, parameters, **kwargs):
        calls.append("cell")  # a cell's own error is not retried, whatever it says
        raise PapermillExecutionError(
            3, 3, "bind()", "OSError", "Address already in use", ["OSError: Address already in use"]
        )

    monkeypatch.setattr(execute, "_run_papermill", failing_cell)
    with pytest.raises(PapermillExecutionError):
        execute.execute_notebook(FIXTURE_NOTEBOOKS / "simple.ipynb", tmp_path, {})
    assert calls.count("cell") == 1
