"""Sentence and token splitting: abbreviations, quotes, offsets."""

from __future__ import annotations

import pandas as pd
import pytest

from corpus_tools.segment import read_stopwords, split_sentences, split_text_sentences, split_tokens


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Mr. Smith arrived. He spoke.", ["Mr. Smith arrived.", "He spoke."]),
        ("Dr. Jones and Gen. Milley met. They agreed.", ["Dr. Jones and Gen. Milley met.", "They agreed."]),
        ("The U.S. and the U.K. signed. Talks ended.", ["The U.S. and the U.K. signed.", "Talks ended."]),
        ("They met in Washington, D.C. on Friday.", ["They met in Washington, D.C. on Friday."]),
        ("The deal was signed on Jan. 5 in Kyiv. It held.", ["The deal was signed on Jan. 5 in Kyiv.", "It held."]),
        ("A spokesman for No. 10 declined. Others spoke.", ["A spokesman for No. 10 declined.", "Others spoke."]),
        ("The answer was no. Then they left.", ["The answer was no.", "Then they left."]),
        ('He said: "We are ready." Then he left.', ['He said: "We are ready."', "Then he left."]),
        ("Is peace near? Nobody knows!", ["Is peace near?", "Nobody knows!"]),
        (
            "Heading without stop\nFirst sentence. Second one.",
            ["Heading without stop", "First sentence.", "Second one."],
        ),
        (
            "Talks resume on Mar. 22 in Riyadh. Officials said so.",
            ["Talks resume on Mar. 22 in Riyadh.", "Officials said so."],
        ),
    ],
)
def test_split_text_sentences(text, expected):
    spans = split_text_sentences(text)
    assert [s for _, _, s in spans] == expected
    assert all(text[a:b] == s for a, b, s in spans)


def test_split_sentences_table_offsets_point_into_text(seeds_corpus, seeds_sentences):
    texts = seeds_corpus.set_index("doc_id")["text"]
    assert len(seeds_sentences) > 100
    for row in seeds_sentences.itertuples():
        assert texts[row.doc_id][row.start : row.end] == row.text
    assert (seeds_sentences.groupby("doc_id")["sent_id"].apply(lambda s: list(s) == list(range(len(s))))).all()
    assert seeds_sentences["position"].between(0, 1).all()


def test_split_sentences_uses_the_language_column_unless_told():
    text = "Er kam am 3. Oktober an. Dann ging er."
    corpus = pd.DataFrame({"doc_id": ["de", "en"], "text": [text, text], "language": ["de", "en"]})
    counts = split_sentences(corpus).groupby("doc_id").size()
    assert counts.to_dict() == {"de": 2, "en": 3}  # the German ordinal rule keeps "3. Oktober" together
    assert split_sentences(corpus, language="de").groupby("doc_id").size().to_dict() == {"de": 2, "en": 2}
    assert len(split_sentences(corpus.drop(columns="language"))) == 6  # no column: English rules


def test_use_nltk_data_warns_that_it_has_no_effect():
    from corpus_tools.segment import make_sentence_tokenizer

    corpus = pd.DataFrame({"doc_id": ["a"], "text": ["One. Two."]})
    with pytest.warns(DeprecationWarning, match="use_nltk_data has no effect"):
        frame = split_sentences(corpus, use_nltk_data=True)
    assert frame["text"].tolist() == ["One.", "Two."]
    with pytest.warns(DeprecationWarning, match="use_nltk_data has no effect"):
        assert [s for _, _, s in split_text_sentences("One. Two.", use_nltk_data=False)] == ["One.", "Two."]
    with pytest.warns(DeprecationWarning, match="use_nltk_data has no effect"):
        assert make_sentence_tokenizer(use_nltk_data=True).tokenize("One. Two.") == ["One.", "Two."]


def test_split_sentences_reports_missing_columns():
    with pytest.raises(KeyError, match="missing column"):
        split_sentences(pd.DataFrame({"id": ["a"]}))


def test_split_tokens_offsets():
    sents = pd.DataFrame(
        {"doc_id": ["d", "d"], "sent_id": [0, 1], "start": [0, 13], "text": ["Peace talks.", "They failed."]}
    )
    text = "Peace talks. They failed."
    tokens = split_tokens(sents)
    assert tokens["token_id"].tolist() == [0, 1, 2, 3]
    assert [text[s:e].lower() for s, e in zip(tokens["start"], tokens["end"])] == tokens["token"].tolist()


def test_stopwords_offline_and_extendable():
    words = read_stopwords()
    assert {"the", "and", "of"} <= words
    assert "ukraine" not in words
    assert "ukraine" in read_stopwords(extra=["Ukraine"])


def test_old_segment_names_warn_and_return_the_new_function():
    from corpus_tools import segment

    with pytest.warns(DeprecationWarning, match="sentence_tokenizer is renamed .*make_sentence_tokenizer"):
        assert segment.sentence_tokenizer is segment.make_sentence_tokenizer
