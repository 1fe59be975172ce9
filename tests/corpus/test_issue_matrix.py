"""Messy input through the whole pipeline, one row per case: loaded, cleaned and analysed, each case
gives the right result and says what was done (the reading-level rows are in
tests/io/test_messy_inputs.py, folders and links in tests/io/test_listing.py)."""

from __future__ import annotations

import re
import warnings
from pathlib import Path

import pytest

import corpus_tools as ct
from corpus_tools.clean import normalize_line, restore_raw

PAGES = Path(__file__).parents[1] / "fixtures" / "chrome_pages" / "heldout"
EN = "Farmers in the valley expect a late harvest after weeks of rain, the ministry reported on Monday."
EN2 = "The council voted to repair the old bridge over the river next spring, its chair told reporters."
DE = "Die Landwirte im Tal rechnen in diesem Jahr mit einer späteren Ernte, weil der Regen nicht aufhört."
RU = "Министры встретились в Женеве в понедельник, чтобы обсудить прекращение огня, сообщили чиновники."


# One more paragraph for each page used here, so that the article is over the stub threshold (80 words).
MORE = {
    "de": "Auch in den Nachbartälern warten die Bauern auf besseres Wetter, und viele von ihnen haben ihre Maschinen "
    "schon seit Wochen nicht mehr auf die nassen Felder gebracht.",
    "uk": "У сусідніх долинах фермери також чекають на кращу погоду, і багато з них уже кілька тижнів не виводять "
    "техніку на мокрі поля.",
    "pl": "Również w sąsiednich dolinach rolnicy czekają na lepszą pogodę, a wielu z nich od tygodni nie wyprowadza "
    "maszyn na mokre pola.",
}


def page(language: str) -> tuple[str, list[str], list[str]]:
    """A held-out fixture page with one more paragraph: raw text, its prose lines and its chrome lines."""
    rows = [r.partition("| ") for r in (PAGES / f"{language}.txt").read_text(encoding="utf-8").splitlines()]
    last = max(i for i, (label, _, _) in enumerate(rows) if label == "P")
    rows.insert(last + 1, ("P", "| ", MORE[language]))
    raw = "\n".join(text for _, _, text in rows) + "\n"
    return raw, [t for label, _, t in rows if label == "P"], [t for label, _, t in rows if label == "C"]


def kept_lines(text: str) -> set[str]:
    return set(text.splitlines())


def check_page(language: str):
    def check(loaded):
        _, prose, chrome = page(language)
        (text,) = loaded.documents["text"]
        assert all(normalize_line(p) in kept_lines(text) for p in prose)
        assert not any(normalize_line(c) in kept_lines(text) for c in chrome)
        assert loaded.documents["language"].tolist() == [language]

    return check


def check_controls(loaded):
    docs = loaded.documents
    assert "\x1b" not in docs.at[0, "text"] and "\x1b" in docs.at[0, "raw_text"]
    assert set(loaded.audit.loc[loaded.audit["rule"] == "control_chars", "original"]) == {"\x1b[31m", "\x1b[0m"}
    assert restore_raw(docs.at[0, "text"], loaded.audit) == docs.at[0, "raw_text"]


def check_one_copy(loaded):
    assert loaded.documents["duplicate_of"].tolist() == [None, "a"]
    with pytest.warns(ct.CorpusWarning, match=r"b\.txt: exact duplicate of 'a'"):
        assert ct.load_corpus(loaded.source)["doc_id"].tolist() == ["a"]


def check_dollar_title(loaded):
    assert loaded.documents["title"].tolist() == ["Aid: $5bn, or 2% of GDP"]


def check_cp1251(loaded):
    assert loaded.documents["encoding"].tolist() == ["cp1251"] and RU in loaded.documents.at[0, "text"]


def check_german_not_scored(loaded):
    with pytest.warns(ct.CorpusWarning, match=r"sentiment: 1 document not in 'en' \(de: 1\)"):
        scores = ct.sentiment.score_sentences(loaded.documents, lexicons=["vader"])
    scored = scores.groupby("doc_id")["scored"].agg(set).to_dict()
    assert scored == {"de": {False}, "en": {True}}
    assert scores.loc[scores["doc_id"] == "de", "compound"].isna().all()


def check_german_frames(loaded):
    sentences = ct.split_sentences(loaded.documents)
    with pytest.warns(ct.CorpusWarning, match=r"framing: 1 documents not in English \(de: 1; \d+ sentences\)"):
        hits = ct.framing.match_frames(sentences, corpus=loaded.documents)
    assert set(hits["doc_id"]) <= {"en"}


def check_german_stemming(loaded):
    with pytest.warns(ct.CorpusWarning, match=r"keywords: 1 documents not in English \(de: 1\)"):
        counts = ct.keywords.count_terms(loaded.documents, stem="auto")
    assert dict(zip(counts.doc_ids, counts.stemmers)) == {"de": "german", "en": "english"}


# case | files (name -> text or bytes) | check of read_corpus(folder) | warning pattern (None: none)
MATRIX = [
    ("German page with German chrome", {"de.txt": page("de")[0]}, check_page("de"), None),
    ("Ukrainian page with Ukrainian chrome", {"uk.txt": page("uk")[0]}, check_page("uk"), None),
    ("Polish page with Polish chrome", {"pl.txt": page("pl")[0]}, check_page("pl"), None),
    ("ESC[31m colour codes", {"a.txt": f"\x1b[31m{EN}\x1b[0m\n\n{EN2}\n"}, check_controls, r"a\.txt: 2 control"),
    (
        "same article twice",
        {"a.txt": f"{EN}\n\n{EN2}\n", "b.txt": f"{EN}\n\n{EN2}\n"},
        check_one_copy,
        r"b\.txt: exact",
    ),
    ("dollar signs in a title", {"a.txt": f"Aid: $5bn, or 2% of GDP\n\n{EN}\n\n{EN2}\n"}, check_dollar_title, None),
    ("cp1251 Russian", {"ru.txt": f"{RU}\n\n{RU}!\n".encode("cp1251")}, check_cp1251, r"ru\.txt: .*cp1251"),
    ("German article in VADER", {"de.txt": DE, "en.txt": EN}, check_german_not_scored, None),
    ("German article and English frames", {"de.txt": DE, "en.txt": EN}, check_german_frames, None),
    ("German article and stemming", {"de.txt": DE, "en.txt": EN}, check_german_stemming, None),
]


@pytest.mark.parametrize("case, files, check, warning", MATRIX, ids=[row[0] for row in MATRIX])
def test_messy_input_through_the_pipeline(tmp_path, case, files, check, warning):
    for name, content in files.items():
        data = content if isinstance(content, bytes) else content.encode("utf-8")
        (tmp_path / name).write_bytes(data)
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        loaded = ct.read_corpus(tmp_path)
    messages = [str(w.message) for w in caught if issubclass(w.category, ct.CorpusWarning)]
    if warning is None:
        assert messages == []
    else:
        assert any(re.search(warning, m) for m in messages), messages
    check(loaded)
