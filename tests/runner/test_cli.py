"""The ``corpus-tools`` command: exit codes, error messages, ``--help``."""

from __future__ import annotations

from pathlib import Path

import pytest

from corpus_tools.config import NOTEBOOKS_DIR
from corpus_tools.runner import cli
from corpus_tools.runner.study import (
    list_notebooks,
)

FIXTURE_NOTEBOOKS = Path(__file__).parents[1] / "fixtures" / "notebooks"


def test_command_line_errors_exit_2_naming_the_valid_parameters(capsys, tmp_path):
    args = ["report", "--notebooks", str(FIXTURE_NOTEBOOKS), "--out", str(tmp_path), "--no-progress"]
    assert cli.main([*args, "-p", "simple.nn=1"]) == 2
    assert (
        "error: notebook simple has no parameter 'nn'; valid parameters: corpus: str, n: int" in capsys.readouterr().err
    )
    assert cli.main([*args, "--study", str(tmp_path / "missing.yml")]) == 2
    assert "missing.yml not found" in capsys.readouterr().err
    assert list(tmp_path.iterdir()) == []


def test_help_lists_every_notebook_parameter_with_type_default_and_meaning(capsys):
    with pytest.raises(SystemExit):
        cli.main(["report", "--help"])
    text = capsys.readouterr().out
    for name, path in list_notebooks(NOTEBOOKS_DIR).items():
        assert f"{name}:" in text
        from corpus_tools.runner.study import read_parameters

        for param, spec in read_parameters(path).items():
            assert f"  {param}: {spec['type']} = {spec['default']}  # {spec['help']}" in text
