"""Sentiment validation: the evaluation folder resolves the same from any working directory."""

from __future__ import annotations

from pathlib import Path

from corpus_tools.config import NOTEBOOKS_DIR
from corpus_tools.validation import sentiment as sentiment_validation


def test_a_relative_eval_dir_is_read_from_the_notebooks_folder_whatever_the_working_directory(tmp_path, monkeypatch):
    expected = (NOTEBOOKS_DIR.parent.parent / "shared" / "eval").as_posix()
    for cwd in (tmp_path, NOTEBOOKS_DIR):
        monkeypatch.chdir(cwd)
        assert sentiment_validation.resolve_eval_dir("../../shared/eval").as_posix() == expected
    assert sentiment_validation.resolve_eval_dir(tmp_path) == tmp_path
    assert sentiment_validation.resolve_eval_dir(Path("x"), base=tmp_path) == tmp_path / "x"


def test_missing_rated_data_gives_an_empty_table(tmp_path):
    assert sentiment_validation.score_validity(sentiment_validation.resolve_eval_dir(tmp_path)).empty
