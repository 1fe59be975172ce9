"""Site chrome in other languages (resources/chrome/*.yml) and the prose test's stop words by
language: invented pages in nine languages keep every prose line and lose every chrome line, on the
dev half the vocabulary was written with and on the held-out half."""

from __future__ import annotations

from pathlib import Path

import pytest

from corpus_tools import shipped
from corpus_tools.clean import clean_text, normalize_line, restore_raw
from corpus_tools.clean.lines import _split_lines

PAGES = Path(__file__).parents[1] / "fixtures" / "chrome_pages"
PAGE_FILES = sorted(PAGES.glob("*/*.txt"))


def read_page(path: Path) -> tuple[str, dict[str, list[str]]]:
    """The raw page (labels removed) and its lines by label (C chrome, P prose, T title, O other)."""
    rows, labelled = [], {"C": [], "P": [], "T": [], "O": []}
    for row in path.read_text(encoding="utf-8").splitlines():
        label, _, text = row.partition("| ")
        rows.append(text)
        if label in labelled:
            labelled[label].append(text)
    return "\n".join(rows) + "\n", labelled


def test_every_shipped_language_has_a_page_in_each_half():
    for half in ("dev", "heldout"):
        assert sorted(p.stem for p in (PAGES / half).glob("*.txt")) == shipped.list_chrome_languages()


@pytest.mark.parametrize("path", PAGE_FILES, ids=[f"{p.parent.name}-{p.stem}" for p in PAGE_FILES])
def test_pages_in_other_languages_lose_their_chrome_and_keep_their_prose(path):
    raw, labelled = read_page(path)
    result = clean_text(raw)
    kept = set(result.text.splitlines())
    assert [line for line in labelled["P"] if normalize_line(line) not in kept] == []
    assert [line for line in labelled["C"] if normalize_line(line) in kept] == []
    assert restore_raw(result.text, result.edits) == raw


@pytest.mark.parametrize(
    "line, language, rule",
    [
        ("Teilen", "de", "markup_debris"),
        ("Поделиться", "ru", "markup_debris"),
        ("Newsletter abonnieren", "de", "markup_debris"),
        ("Lire aussi :", "fr", "related_block"),
        ("Lee también: Nuevas sanciones contra una naviera", "es", "related_block"),
        ("Tutti i diritti riservati.", "it", "copyright"),
        ("Compartilhar: Facebook Twitter WhatsApp", "pt", "share_buttons"),
        ("Reacties (6)", "nl", "comment_prompt"),
        ("Czas czytania: 3 min", "pl", "dateline_meta"),
        ("Фото: архів", "uk", "media_credit"),
        ("Теги: дипломатия, Женева", "ru", "keyword_line"),
        ("Zum Inhalt springen", "de", "skip_link"),
    ],
)
def test_each_vocabulary_section_feeds_its_rule(line, language, rule):
    prose = {
        "de": "Die Unterhändler sind am Montag in Genf zu einer neuen Runde zusammengekommen, sagte das Ministerium.",
        "ru": "Переговорщики обеих сторон собрались в понедельник в Женеве на новый раунд, сообщило министерство.",
        "uk": "Переговірники обох сторін зібралися в понеділок у Женеві на новий раунд, повідомило міністерство.",
    }.get(language, "The negotiators met again on Monday in Geneva for a new round of talks, the ministry said.")
    raw = f"{prose}\n{prose[:-1]} again.\n{line}\n{prose[:-1]} once more.\n"
    rules = {e.original.strip(): e.rule for e in clean_text(raw).edits}
    assert rules.get(line) == rule


GERMAN = (
    "Die Landwirte im Tal rechnen in diesem Jahr mit einer deutlich späteren Ernte, weil der Regen die Felder setzt."
)


@pytest.mark.parametrize(
    "text, language, prose",
    [
        (GERMAN, "de", True),  # German stop words (die, im, in, diesem, mit, einer, weil, der)
        (GERMAN, "en", False),  # English stop words alone: too few
        (GERMAN, None, False),  # no language given to _split_lines: English only
        ("The farmers in the valley expect a much later harvest this year because of the rain.", "de", True),
    ],
)
def test_prose_test_counts_the_stop_words_of_the_page_language(text, language, prose):
    (line,) = _split_lines(text, language=language)
    assert line.is_prose is prose


def test_clean_text_detects_the_language_when_not_given():
    raw, _ = read_page(PAGES / "heldout" / "de.txt")
    assert clean_text(raw).edits == clean_text(raw, language="de").edits


def test_language_stopwords_come_from_the_stop_words_package():
    from stop_words import get_stop_words

    assert shipped.read_language_stopwords("pl") == frozenset(get_stop_words("pl"))
    assert shipped.read_language_stopwords("xx") == frozenset()
    assert shipped.read_language_stopwords("en") == shipped.read_stopwords("english")


def test_chrome_vocabulary_files_name_only_known_sections(tmp_path, monkeypatch):
    for language in shipped.list_chrome_languages():
        vocabulary = shipped.read_chrome_vocabulary(language)
        assert set(vocabulary) == set(shipped.CHROME_SECTIONS)
        assert all(vocabulary[section] for section in shipped.CHROME_SECTIONS), language
    (tmp_path / "chrome").mkdir()
    (tmp_path / "chrome" / "xx.yml").write_text("ui: [a]\nbuttons: [b]\n", encoding="utf-8")
    monkeypatch.setattr(shipped, "RESOURCES_DIR", tmp_path)
    with pytest.raises(ValueError, match=r"xx\.yml: unknown section\(s\) buttons"):
        shipped.read_chrome_vocabulary.__wrapped__("xx")
