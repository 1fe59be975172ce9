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


def test_report_summarises_the_files_before_any_notebook_runs(tmp_path, monkeypatch, capsys):
    corpus = tmp_path / "c"
    corpus.mkdir()
    (corpus / "a.txt").write_text("Talks resume\n\nDiplomats met in Geneva on Monday.\n", encoding="utf-8")
    (corpus / "notes.pdf").write_text("%PDF-1.4", encoding="utf-8")
    (corpus / "gone.txt").symlink_to(tmp_path / "missing.txt")

    def stop(*args, **kwargs):  # the summary must be printed before the notebooks run
        raise KeyboardInterrupt

    monkeypatch.setattr("corpus_tools.runner.run.execute_jobs", stop)
    out_dir = tmp_path / "reports"
    assert cli.main(["report", "--corpus", str(corpus), "--no-progress", "--out", str(out_dir), "-j", "1"]) == 130
    out = capsys.readouterr().out
    assert out == (
        f"{corpus}: 3 files seen: 1 loaded (1 document), 2 skipped: "
        "gone.txt (dangling link (its target does not exist)), notes.pdf (not a corpus file kind)\n"
    )
