"""The runner package: its public API, and the old names that keep working for one release."""

from __future__ import annotations

import pytest

from corpus_tools import runner
from corpus_tools.runner import provenance, study, validate


@pytest.mark.parametrize(
    ("module", "old", "new"),
    [
        (study, "default_study", "make_default_study"),
        (provenance, "cache_key", "make_cache_key"),
        (validate, "available", "list_validations"),
    ],
)
def test_old_names_warn_and_return_the_new_function(module, old, new):
    with pytest.warns(DeprecationWarning, match=f"{old} is renamed .*{new}"):
        assert getattr(module, old) is getattr(module, new)


def test_the_package_exports_the_runner_api():
    assert runner.run_study.__module__ == "corpus_tools.runner.run"
    assert runner.read_study.__module__ == "corpus_tools.runner.study"
    assert set(runner.__all__) <= set(dir(runner))
