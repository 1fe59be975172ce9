"""The lexicon registry: unknown names and malformed dictionaries name the file, line and fix."""

from __future__ import annotations

import pandas as pd
import pytest

from corpus_tools import sentiment
from corpus_tools.dictionaries import DictionaryError


def test_dictionary_without_polarity_is_refused_with_a_remedy(tmp_path):
    path = tmp_path / "frames.yml"
    path.write_text("categories:\n  security: [troops]\n", encoding="utf-8")
    with pytest.raises(DictionaryError, match="positive/negative"):
        sentiment.read_lexicon(path)


def test_unknown_lexicon_names_the_choices():
    with pytest.raises(DictionaryError, match="built-in lexicons: vader, afinn, pattern"):
        sentiment.read_lexicon("vadr")


@pytest.mark.parametrize(
    ("lexicon", "content", "message"),
    [
        (
            "vadr",
            None,
            r"unknown lexicon 'vadr': built-in lexicons: vader, afinn, pattern; .*no shipped dictionary named 'vadr'",
        ),
        ("missing.csv", None, r"missing\.csv: no such dictionary file"),
        (
            "tone.csv",
            "term,category,weight\ngood,pos,1\nbad,neg,lots\n",
            r"tone\.csv:3: weight 'lots' of pattern 'bad' is not a number; write e\.g\. -2",
        ),
        (
            "tone.csv",
            "term,category,weight\ngood,pos,1,2\n",
            r"tone\.csv:2: expected term,category,weight \(3 fields\), found 4",
        ),
        (
            "topics.csv",
            "term,category\ntroops,security\n",
            (
                r"topics\.csv: a sentiment dictionary needs weights or a category named positive/negative"
                r".*Rename the categories"
            ),
        ),
    ],
)
def test_bad_lexicons_name_the_file_line_and_fix(tmp_path, lexicon, content, message):
    corpus = pd.DataFrame({"doc_id": ["a"], "text": ["Good talks."]})
    if content is not None:
        (tmp_path / lexicon).write_text(content, encoding="utf-8")
    source = lexicon if lexicon == "vadr" else str(tmp_path / lexicon)
    with pytest.raises(DictionaryError, match=message):
        sentiment.score_sentences(corpus, lexicons=["vader", source])
