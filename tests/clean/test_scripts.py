"""Cleaning articles in any script: the text survives, the chrome goes (fixtures in tests/fixtures/scripts)."""

from __future__ import annotations

from pathlib import Path

import pytest

import corpus_tools as ct
from corpus_tools.tokens import count_words

FIXTURES = Path(__file__).parents[1] / "fixtures" / "scripts"
LANGS = ["ru", "uk", "el", "ar", "he", "zh", "ja"]


def read(lang: str) -> str:
    return (FIXTURES / f"{lang}.txt").read_text(encoding="utf-8")


@pytest.mark.parametrize("lang", LANGS)
def test_article_in_any_script_keeps_its_text(lang):
    raw = read(lang)
    headline, body = raw.splitlines()[1], raw.splitlines()[3:5]
    result = ct.clean_text(raw)
    assert result.title == headline
    assert result.text == "\n".join(body) + "\n"  # both paragraphs, verbatim, and nothing else
    assert sorted({e.rule for e in result.edits}) == ["normalize_whitespace", "share_buttons", "skip_link", "title"]
    assert ct.clean.restore_raw(result.text, result.edits) == raw


@pytest.mark.parametrize(("lang", "at_least"), [("zh", 40), ("ja", 40), ("ru", 25), ("ar", 30)])
def test_word_counts_are_not_zero(lang, at_least):
    assert count_words(ct.clean_text(read(lang)).text) >= at_least


def test_cyrillic_title_does_not_remove_the_lines_of_the_article():
    # Before: every Cyrillic line had the empty key of the title and was removed as a repeated headline.
    raw = "Главная » Новости » Мир\n" + read("ru")
    result = ct.clean_text(raw)
    assert result.title == "Мир"
    assert "repeated_headline" not in {e.rule for e in result.edits}
    assert "Министры иностранных дел" in result.text and "По словам чиновников" in result.text


def test_all_cyrillic_corpus_loads_with_text(tmp_path):
    for lang in ("ru", "uk"):
        for i in range(3):  # three documents per language: a site template shared across documents
            (tmp_path / f"{lang}{i}.txt").write_text(read(lang).replace("понеділок", f"понеділок {i}"), "utf-8")
    with pytest.warns(ct.CorpusWarning) as caught:  # the ru files are one text three times
        loaded = ct.read_corpus(tmp_path)
    assert sorted(str(w.message).split(": ")[0].rsplit("/", 1)[-1] for w in caught) == ["ru1.txt", "ru2.txt"]
    docs = loaded.documents
    assert len(docs) == 6 and docs["status"].eq("ok").all()
    assert docs["text"].str.contains("Париж", regex=False).all()
    assert (docs["text"].map(count_words) >= 25).all()
