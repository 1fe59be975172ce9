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


def _fixture_texts() -> list[str]:
    """Every text fixture (articles in ten scripts, chrome pages in ten languages, ...) and short edge cases."""
    root = Path(__file__).parents[1] / "fixtures"
    texts = [p.read_text(encoding="utf-8", errors="replace") for p in sorted(root.rglob("*.txt"))]
    texts += [line for text in texts for line in text.splitlines()[:40]]
    return texts + ["", "a", "ab", "abcde", "abcdef", "abcdefg", "É", "日本", "Привет!", "\u00a0\u2019", "A" * 50]


def test_numpy_walk_counts_the_features_py3langid_counts():
    """The feature counts of the numpy walk equal py3langid's byte-by-byte walk: the same
    features, counts and order of first occurrence, on every fixture and on short texts."""
    from py3langid.langid import visit_counts

    from corpus_tools.io.language import _PARTS, _automaton, _identifier, _visit_counts

    identifier = _identifier()
    assert all(hasattr(identifier, part) for part in _PARTS)  # the installed py3langid takes the numpy walk
    assert _automaton(identifier)[3] >= 4  # byte n-grams up to four bytes at least
    texts = _fixture_texts()
    assert len(texts) > 500
    for text in texts:
        data = identifier._encode(text[:3000])
        ours = _visit_counts(identifier, data)
        theirs = visit_counts(identifier.tk_nextmove, identifier._rowbase, identifier.tk_output, data)
        assert (ours is None) == (theirs is None), text[:80]
        if theirs is not None:
            assert list(ours.items()) == list(theirs.items()), text[:80]


@pytest.mark.parametrize("norm_probs", [False, True])
def test_labels_and_probabilities_equal_plain_py3langid(norm_probs):
    from py3langid.langid import MODEL_FILE, LanguageIdentifier

    from corpus_tools.io.language import _identifier

    plain = LanguageIdentifier.from_model_file(MODEL_FILE, norm_probs=norm_probs)
    ours = _identifier(norm_probs)
    assert type(ours) is not LanguageIdentifier  # the numpy walk is in use
    for text in _fixture_texts()[::3]:
        assert ours.classify(text[:3000]) == plain.classify(text[:3000]), text[:80]
