"""``import corpus_tools`` and the runner's command line start without the heavy libraries."""

from __future__ import annotations

import json
import subprocess
import sys

import pytest

import corpus_tools

HEAVY = ("pandas", "numpy", "nltk", "scipy", "sklearn", "statsmodels", "matplotlib", "trafilatura", "ftfy")


def _imported_after(statement: str) -> set[str]:
    """Top-level names of the modules a fresh interpreter has imported after ``statement``."""
    code = f"import sys, json\n{statement}\nprint(json.dumps(sorted({{m.split('.')[0] for m in sys.modules}})))"
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True).stdout
    return set(json.loads(out.splitlines()[-1]))


@pytest.mark.parametrize(
    ("statement", "heavy"),
    [
        ("import corpus_tools", HEAVY),
        ("import corpus_tools.runner.cli", HEAVY),
        ("import corpus_tools as ct; ct.load_corpus", ("nltk", "scipy", "sklearn", "statsmodels", "matplotlib")),
    ],
)
def test_statement_does_not_import_heavy_libraries(statement, heavy):
    assert _imported_after(statement) & set(heavy) == set()


def test_the_check_sees_a_heavy_import():
    assert "numpy" in _imported_after("import corpus_tools; corpus_tools.stats")


@pytest.mark.parametrize("name", corpus_tools.__all__)
def test_every_public_name_resolves_to_its_module_object(name):
    value = getattr(corpus_tools, name)
    assert value is not None
    assert name in dir(corpus_tools)


def test_lazy_names_are_the_module_objects():
    from corpus_tools import corpus, segment, sentiment

    assert corpus_tools.load_corpus is corpus.load_corpus
    assert corpus_tools.split_sentences is segment.split_sentences
    assert corpus_tools.sentiment is sentiment


def test_an_unknown_name_raises_attribute_error():
    with pytest.raises(AttributeError, match="no attribute 'load_corpse'"):
        corpus_tools.load_corpse  # noqa: B018
