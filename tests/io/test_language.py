"""Language labels: every fixture script is recognised; short or missing texts are "und"."""

from __future__ import annotations

from pathlib import Path

import pandas as pd
import pytest

from corpus_tools.io.language import MIN_LETTERS, label_languages, summarize_languages

FIXTURES = Path(__file__).parents[1] / "fixtures" / "scripts"


@pytest.mark.parametrize("lang", ["ru", "uk", "el", "ar", "he", "zh", "ja"])
def test_fixture_articles_are_labelled(lang):
    assert label_languages([(FIXTURES / f"{lang}.txt").read_text(encoding="utf-8")]) == [lang]


@pytest.mark.parametrize(
    ("text", "label"),
    [
        ("Die Regierung hat die Gespräche am Montag wieder aufgenommen.", "de"),
        ("Le gouvernement a repris les négociations lundi, selon les responsables.", "fr"),
        ("The ministers said on Monday that they would meet again in Paris.", "en"),
        ("a" * (MIN_LETTERS - 1), "und"),
        ("!!! ... ???", "und"),
        ("", "und"),
        (None, "und"),
        (float("nan"), "und"),
    ],
)
def test_label_languages(text, label):
    assert label_languages([text]) == [label]


def test_summarize_languages_without_n_words():
    docs = pd.DataFrame({"doc_id": ["a", "b", "c", "d"], "language": ["ru", "und", "ru", "en"]})
    table = summarize_languages(docs)
    assert table.values.tolist() == [["ru", 2, 0, 0.5], ["en", 1, 0, 0.25], ["und", 1, 0, 0.25]]


def test_summarize_languages_names_the_missing_column():
    with pytest.raises(KeyError, match="language"):
        summarize_languages(pd.DataFrame({"doc_id": ["a"]}))
