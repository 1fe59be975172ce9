"""``make validate``: the validation modules are found by walking the package; a missing
evaluation folder is an error naming the option."""

from __future__ import annotations

import pkgutil

import corpus_tools.validation
from corpus_tools.runner import validate


def test_every_validation_module_is_listed():
    walked = sorted(m.name for m in pkgutil.iter_modules(corpus_tools.validation.__path__))
    assert validate.list_validations() == [m for m in walked if not m.startswith("_")]
    assert {"cleaning", "sentiment"} <= set(validate.list_validations())


def test_a_missing_evaluation_folder_exits_2(tmp_path, capsys):
    assert validate.main(["--eval", str(tmp_path / "missing")]) == 2
    assert "pass --eval PATH" in capsys.readouterr().err
