"""The corpus overview's figure and tables: words per document (clean text, then what cleaning
removed), the documents table and the table of stubs (pages without an article) as escaped
HTML. Computes nothing the corpus stage does not.

>>> import pandas as pd
>>> docs = pd.DataFrame({"doc_id": ["a", "b"], "title": ["Talks", None], "text": ["Hi there.", "Yes."],
...                      "raw_text": ["Menu\\nHi there.", "Yes."], "n_words": [2, 1]})
>>> fig = plot_lengths(docs)
>>> [t.get_text() for t in fig.axes[0].get_yticklabels()], fig.axes[0].get_title()
(['a · Talks', 'b · Yes.'], 'Words per document')
"""

from __future__ import annotations

import functools
import re

import numpy as np
import pandas as pd
import pyarrow as pa
import pyarrow.compute as pc

from corpus_tools.report.html import format_table_html
from corpus_tools.report.labels import format_figure_text, label_documents
from corpus_tools.tokens import CJK_CHARS, MARK_CHARS, count_words

__all__ = ["plot_lengths", "format_documents_html", "format_stubs_html", "format_duplicates_html"]


def plot_lengths(documents: pd.DataFrame, *, max_docs: int = 40):
    """Words per document: up to ``max_docs`` documents one horizontal bar each, the words of the
    clean text (blue), then the words cleaning removed from the scraped page (grey: raw words
    minus clean words); more documents, two histograms of the same two numbers (each document is
    in ``overview_documents.csv``), so the figure keeps its size at any corpus size.

    Args:
        documents: the corpus (``load_corpus``): ``doc_id, title, text, raw_text, n_words``.
        max_docs: most documents drawn as bars.

    Returns:
        The matplotlib Figure (not saved; see :func:`corpus_tools.report.save_figure`).

    >>> many = pd.DataFrame({"doc_id": list("abc"), "title": None, "text": "", "raw_text": "x y", "n_words": 1})
    >>> plot_lengths(many, max_docs=2).axes[0].get_title()
    'Words per document (3 documents)'
    """
    import matplotlib.pyplot as plt

    raw_words = pd.Series(_count_raw_words(documents["raw_text"]), index=documents.index)
    if len(documents) > max_docs:
        fig, ax = plt.subplots(figsize=(8, 4))
        removed = (raw_words - documents["n_words"]).clip(lower=0)
        bins = np.histogram_bin_edges(np.concatenate([documents["n_words"], removed]).astype(float), bins=30)
        ax.hist(documents["n_words"], bins=bins, color="#3b6ea5", alpha=0.8, label="clean text")
        ax.hist(removed, bins=bins, color="#a0a0a0", alpha=0.7, label="removed by cleaning")
        ax.set_xlabel("words per document")
        ax.set_ylabel("documents")
        ax.legend(frameon=False)
        ax.set_title(f"Words per document ({len(documents):,} documents)")
        fig.tight_layout()
        return fig
    fig, ax = plt.subplots(figsize=(8, 0.5 + 0.45 * len(documents)))
    labels = documents["doc_id"].map(label_documents(documents)).map(format_figure_text)
    ax.barh(labels, documents["n_words"], color="#3b6ea5", label="clean text")
    ax.barh(
        labels,
        raw_words - documents["n_words"],
        left=documents["n_words"],
        color="#c8c8c8",
        label="removed by cleaning",
    )
    ax.invert_yaxis()
    ax.set_xlabel("words (clean text, then removed)")
    ax.legend(loc="upper left", bbox_to_anchor=(1.01, 1), frameon=False)
    ax.set_title("Words per document")
    return fig


#: :data:`corpus_tools.tokens._ASCII_TOKEN_RE` for RE2 (pyarrow), as ``corpus_tools.framing.frames`` counts
#: sentences' words: RE2 takes ``\w`` and ``\d`` as ASCII and alternatives leftmost-first, as Python
#: does: the same tokens on ASCII text.
_RE2_ASCII_TOKEN = r"(?:[A-Za-z]\.){2,}|\d+(?:[.,]\d+)*%?|\w+(?:['\-]\w+)*"


@functools.cache
def _inert_class() -> str:
    """An RE2 character class of the non-ASCII characters (up to U+1FFFF) that
    :data:`corpus_tools.tokens.TOKEN_RE` never matches nor needs: not letters or digits, marks,
    Han or kana, nor the apostrophe, hyphen, dot, comma or per cent sign inside a token (so a
    space in their place leaves every token where it was).

    >>> pc.replace_substring_regex(pa.array(["£5m \u2014 Zoë\u2019s"]), _inert_class(), " ").to_pylist()
    [' 5m   Zoë’s']
    """
    in_token = re.compile(rf"[^\W{CJK_CHARS}]|[{MARK_CHARS}{CJK_CHARS}]|['’\-.,%]")
    ranges: list[list[int]] = []
    for code in range(0x80, 0x20000):
        if 0xD800 <= code <= 0xDFFF or in_token.match(chr(code)):  # surrogates are never in UTF-8 text
            continue
        if ranges and ranges[-1][1] == code - 1:
            ranges[-1][1] = code
        else:
            ranges.append([code, code])
    return "[" + "".join(f"\\x{{{a:x}}}-\\x{{{b:x}}}" for a, b in ranges) + "]"


def _count_raw_words(texts: pd.Series) -> np.ndarray:
    """:func:`corpus_tools.tokens.count_words` of each text (0 for a missing one), counted by
    pyarrow: the characters no token holds become spaces and the right single quote an
    apostrophe (the tokens keep their number), and the texts that are then ASCII are counted
    with the ASCII token pattern in one call; the others one by one.

    >>> _count_raw_words(pd.Series(["The U.S.-backed plan\u2019s cost: \u00a31,000.50 \u2014 ok", None, "Ça va"]))
    array([7, 0, 2])
    """
    values = [t if isinstance(t, str) else None for t in texts.to_numpy(dtype=object, na_value=None)]
    try:
        array = pa.array(values, type=pa.large_string())
    except (pa.ArrowException, UnicodeEncodeError):  # a lone surrogate: not UTF-8
        return np.array([count_words(t) for t in values], dtype=np.int64)
    swapped = pc.replace_substring(pc.replace_substring_regex(array, _inert_class(), " "), "\u2019", "'")
    ascii_text = pc.fill_null(pc.string_is_ascii(swapped), False).to_numpy(zero_copy_only=False)
    counts = pc.fill_null(pc.count_substring_regex(swapped, _RE2_ASCII_TOKEN), 0).to_numpy(zero_copy_only=False)
    counts = counts.astype(np.int64)
    for i in np.flatnonzero(~ascii_text):
        counts[i] = count_words(values[i])
    return counts


def format_documents_html(documents: pd.DataFrame, *, max_rows: int | None = 100, csv=None) -> str:
    """The documents table (``corpus_tools.corpus.summarize_documents``) as escaped HTML, a
    missing title or date shown empty and dates as ``YYYY-MM-DD``.

    >>> table = pd.DataFrame({"doc_id": ["a"], "title": [None], "date": pd.to_datetime(["2025-03-22"])})
    >>> "<td>2025-03-22</td>" in format_documents_html(table) and "None" not in format_documents_html(table)
    True
    """
    shown = documents.assign(
        title=documents["title"].fillna(""),
        date=pd.to_datetime(documents["date"]).dt.strftime("%Y-%m-%d").fillna(""),
    )
    return format_table_html(shown, max_rows=max_rows, csv=csv)


def format_stubs_html(stubs: pd.DataFrame, *, max_rows: int | None = 100, csv=None) -> str:
    """The stubs (``corpus_tools.clean.list_stubs``: ``doc_id, reason, ...``) as escaped HTML (a
    missing title shown empty), or a sentence saying there are none.

    >>> format_stubs_html(pd.DataFrame({"doc_id": ["a"], "reason": ["paywall <x>"]})).count("paywall &lt;x&gt;")
    1
    >>> format_stubs_html(pd.DataFrame(columns=["doc_id", "reason"]))
    '<p>No stubs: every document holds an article.</p>'
    """
    if stubs.empty:
        return "<p>No stubs: every document holds an article.</p>"
    return format_table_html(stubs.astype(object).where(stubs.notna(), ""), max_rows=max_rows, csv=csv)


def format_duplicates_html(duplicates: pd.DataFrame, *, max_rows: int | None = 100, csv=None) -> str:
    """The duplicate clusters (``corpus_tools.clean.list_duplicates``) as escaped HTML (the kept
    copy with an empty ``duplicate_of``), or a sentence saying there are none.

    >>> table = pd.DataFrame({"doc_id": ["a", "b"], "title": ["<b>Aid</b>", None], "cluster": [1, 1],
    ...                       "duplicate_of": [None, "a"], "similarity": [1.0, 0.9], "kind": ["kept", "near"]})
    >>> html = format_duplicates_html(table)
    >>> "&lt;b&gt;Aid&lt;/b&gt;" in html, "None" in html
    (True, False)
    >>> format_duplicates_html(table.iloc[:0])
    '<p>No duplicates: every document is a different article.</p>'
    """
    if duplicates.empty:
        return "<p>No duplicates: every document is a different article.</p>"
    return format_table_html(duplicates.astype(object).where(duplicates.notna(), ""), max_rows=max_rows, csv=csv)
