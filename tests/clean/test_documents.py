"""Cleaning a corpus: the seeds (chrome gone, content kept, titles, dates), the audit, stop words."""

from __future__ import annotations

import pandas as pd

import corpus_tools as ct
from corpus_tools.clean import RULES


def test_every_rule_in_audit_is_documented(seeds_corpus):
    audit = ct.clean_audit(seeds_corpus)
    assert set(audit["rule"]) <= set(RULES)
    assert (audit["reason"] == audit["rule"].map(RULES)).all()


def test_seeds_chrome_gone_content_kept(seeds_corpus):
    text = dict(zip(seeds_corpus["doc_id"], seeds_corpus["text"]))
    joined = "\n".join(text.values()).lower()
    for chrome in [
        "welcome to your ultimate source",
        "thank you for visiting",
        "bookmark our website",
        "skip to content",
        "table of contents",
        "leave a comment",
        "akismet",
        "you may also like",
        "read also",
        "keywords:",
        "home » world",
    ]:
        assert chrome not in joined, chrome
    for content in [
        "Russian Reaction: Russia has consistently viewed NATO expansion",
        "Representatives from a broad coalition of over thirty nations convened virtually",
        "coalition of the willing",
        "The Russian Foreign Ministry has also rejected Western considerations",
        "We are very attached to a pathway for Ukraine towards NATO",
    ]:
        assert content in "\n".join(text.values()), content


def test_seeds_titles_and_dates(seeds_corpus):
    titles = dict(zip(seeds_corpus["doc_id"], seeds_corpus["title"]))
    assert titles["000_02b64eec91d5a962"] == "Discussions Begin: International 'Reassurance' Force For Ukraine Peace"
    assert titles["004_8a95de6eedf91f42"] == "Trump, Putin Propose Ukraine Peace Plan"
    assert seeds_corpus.set_index("doc_id").loc["000_02b64eec91d5a962", "date"] == pd.Timestamp("2025-03-22")


# --------------------------------------------------------------------------- stop words: shipped, never NLTK data

STOPWORD_PAGE = (
    "Talks resume in Geneva\n\n"
    "Diplomats from thirty countries met in Paris on Tuesday to discuss the security of the region, "
    "according to officials who attended the talks.\n\n"
    "Subscribe to our newsletter\n"
    "The meeting ended without an agreement, but the ministers said they would meet again next month "
    "and that the work of their teams would continue in the meantime.\n"
    "the of and\n"
)


def test_cleaning_stop_words_are_the_shipped_list():
    from corpus_tools import shipped
    from corpus_tools.clean import lines

    assert lines._STOPWORDS == shipped.read_word_list("stopwords_english_extended.txt")
    assert lines._STOPWORDS == shipped.read_stopwords("english") and len(lines._STOPWORDS) == 1333


def test_cleaning_does_not_depend_on_nltk_data(tmp_path, monkeypatch):
    """An nltk_data folder whose English stop words differ changes neither the words the prose
    test counts nor a page's clean text (cleaning is run in a fresh process, so nothing cached)."""
    import json
    import subprocess
    import sys

    folder = tmp_path / "nltk_data" / "corpora" / "stopwords"
    folder.mkdir(parents=True)
    (folder / "english").write_text("talks\ngeneva\nministers\n", encoding="utf-8")
    script = (
        "import json, sys, nltk\n"
        "from nltk.corpus import stopwords\n"
        "from corpus_tools.clean import clean_text, lines\n"
        "r = clean_text(sys.stdin.read())\n"
        "print(json.dumps({'nltk': sorted(stopwords.words('english')), 'words': sorted(lines._STOPWORDS),"
        " 'text': r.text, 'title': r.title}))\n"
    )
    env = {**__import__("os").environ, "NLTK_DATA": str(tmp_path / "nltk_data")}
    out = subprocess.run(
        [sys.executable, "-c", script], input=STOPWORD_PAGE, env=env, capture_output=True, text=True, check=True
    )
    seen = json.loads(out.stdout)
    assert seen["nltk"] == ["geneva", "ministers", "talks"]  # NLTK really sees the other list
    assert set(seen["words"]) == set(ct.shipped.read_word_list("stopwords_english_extended.txt"))
    result = ct.clean_text(STOPWORD_PAGE)
    assert (seen["text"], seen["title"]) == (result.text, result.title)


def test_old_clean_names_warn_and_return_the_new_function():
    import pytest

    from corpus_tools import clean

    with pytest.warns(DeprecationWarning, match="repeated_line_keys is renamed .*list_repeated_lines"):
        assert clean.repeated_line_keys is clean.list_repeated_lines


def test_repeated_lines_as_counted_line_by_line(seeds_corpus):
    """Keying each distinct line once per document finds the lines keying every line finds."""
    import math
    from collections import Counter

    from corpus_tools.clean import list_repeated_lines
    from corpus_tools.clean.lines import _key

    raws = [r + "\nMenu\nMenu\n\nShare this\n" for r in seeds_corpus["raw_text"]] + ["Share this\nShare  this\n"]
    distinct = list(dict.fromkeys(raws))
    counts = Counter(k for raw in distinct for k in {_key(line) for line in raw.splitlines()} if k)
    expected = {k for k, c in counts.items() if c >= max(3, math.ceil(0.2 * len(distinct)))}
    assert list_repeated_lines(raws) == expected
    assert {"menu", "share this"} <= expected
