"""Frame dictionaries, their hits in sentences, and frame scores per sentence and per document.

>>> docs = pd.DataFrame({"doc_id": ["a"], "text": ["Sanctions cost billions."]})
>>> score_frames(docs).query("hits > 0")[["doc_id", "frame", "hits", "per_10k"]].values.tolist()
[['a', 'economic', 3, 10000.0]]
"""

from __future__ import annotations

import warnings
from pathlib import Path

import numpy as np
import pandas as pd
import pyarrow as pa
import pyarrow.compute as pc

from corpus_tools.config import RESOURCES_DIR
from corpus_tools.dictionaries import Dictionary, match_dictionary, read_dictionary
from corpus_tools.groups import attach_groups
from corpus_tools.io import CorpusWarning
from corpus_tools.io.language import label_languages
from corpus_tools.segment import split_sentences
from corpus_tools.tokens import count_words

__all__ = [
    "FRAMES_DIR",
    "HIT_COLUMNS",
    "list_frame_dictionaries",
    "read_frames",
    "match_frames",
    "score_frame_sentences",
    "score_frames",
]

FRAMES_DIR = RESOURCES_DIR / "frames"
#: Columns of the sentence-level hits table (:func:`match_frames`).
HIT_COLUMNS = ["doc_id", "sent_id", "frame", "term", "start", "end", "pattern", "negated"]
#: Columns of the document scores (:func:`score_frames`), before the grouping columns.
SCORE_COLUMNS = [
    "doc_id",
    "frame",
    "hits",
    "n_words",
    "n_sentences",
    "sentences_with_frame",
    "per_10k",
    "share_sentences",
]
_KEYS = ["doc_id", "sent_id"]


def list_frame_dictionaries() -> list[str]:
    """Names of the shipped frame dictionaries.

    >>> list_frame_dictionaries()
    ['generic', 'generic_v1', 'security']
    """
    return sorted(p.stem for p in FRAMES_DIR.glob("*.yml"))


def read_frames(source: str | Path | Dictionary = "generic") -> Dictionary:
    """Read a frame dictionary: a shipped name (``"generic"``, ``"security"``), a file path
    (YAML, CSV, LIWC ``.dic``, Lexicoder ``.lc3``; see ``docs/dictionaries.md``) or a
    :class:`~corpus_tools.dictionaries.Dictionary`. Categories are frames.

    >>> read_frames("generic").category_names
    ['conflict', 'human_interest', 'economic', 'morality', 'responsibility']
    """
    if isinstance(source, Dictionary):
        return source
    shipped = FRAMES_DIR / f"{source}.yml"
    if isinstance(source, str) and not Path(source).exists() and shipped.exists():
        return read_dictionary(shipped)
    return read_dictionary(source)


def _with_groups(table: pd.DataFrame, by: str, documents: pd.DataFrame | None) -> pd.DataFrame:
    """``table`` with the ``group`` column of :func:`corpus_tools.groups.attach_groups` and the
    grouping column ``by`` itself (joined from ``documents`` when ``table`` lacks it), so that
    later ``by=`` calls on the table find it."""
    grouped = attach_groups(table, by, documents=documents)
    if by not in table.columns:
        lookup = documents.drop_duplicates("doc_id").set_index("doc_id")[by]
        grouped.insert(len(table.columns), by, grouped["doc_id"].map(lookup))
    return grouped


def match_frames(
    sentences: pd.DataFrame,
    *,
    dictionary: str | Path | Dictionary = "generic",
    count_negated: bool = True,
    corpus: pd.DataFrame | None = None,
) -> pd.DataFrame:
    """Find the frame dictionary's terms in sentences: one row per hit.

    Overlapping matches of one frame count once (the longest wins), so "security guarantees"
    is one hit, not also one for ``security``; frames are independent of each other.

    The frame dictionaries are English, so only sentences of documents in English (or too short
    to tell, ``"und"``) are matched; the others are skipped with a warning counting them per
    language. A document's language is the ``language`` column of ``sentences`` or of
    ``corpus`` (as :func:`corpus_tools.load_corpus` gives it); without one it is detected from
    the document's sentences (:func:`corpus_tools.io.language.label_languages`, with
    ``min_confidence`` :data:`BARE_MIN_CONFIDENCE`, so a few English words are never skipped).

    Args:
        sentences: ``doc_id, sent_id, start, text`` from :func:`corpus_tools.split_sentences`.
        dictionary: a shipped frame dictionary's name, a path, or a Dictionary.
        count_negated: keep hits preceded by a negator ("no sanctions"); they are flagged in
            ``negated`` either way. A denied cost still frames a story in terms of cost.
        corpus: the documents, for their ``language`` column (optional).

    Returns:
        ``doc_id, sent_id, frame, term, start, end, pattern, negated``; offsets index into the
        document text.

    Warns:
        CorpusWarning: documents not in English, counted per language, with their sentences.

    >>> sents = pd.DataFrame({"doc_id": ["a"], "sent_id": [0], "start": [0],
    ...                       "text": ["Sanctions cost billions, not peace."]})
    >>> match_frames(sents)[["frame", "term"]].values.tolist()
    [['economic', 'Sanctions'], ['economic', 'cost'], ['economic', 'billions']]
    >>> de = sents.assign(doc_id="b", text="Die Sanktionen kosten Milliarden, nicht den Frieden.")
    >>> import warnings
    >>> with warnings.catch_warnings(record=True) as caught:
    ...     warnings.simplefilter("always")
    ...     hits = match_frames(pd.concat([sents, de]))
    >>> sorted(set(hits["doc_id"])), str(caught[0].message)[:72]
    (['a'], 'framing: 1 documents not in English (de: 1; 1 sentences) are not matched')
    """
    source = sentences if "language" in sentences.columns else corpus
    other = _other_language_docs(_document_languages(sentences, source), sentences=sentences, stacklevel=3)
    return _match(sentences, read_frames(dictionary), count_negated=count_negated, skip=other)


#: Detecting the language of a bare sentence table (no ``language`` column), a document is
#: labelled only when py3langid gives its language at least this probability.
BARE_MIN_CONFIDENCE = 0.9


def _document_languages(sentences: pd.DataFrame, source: pd.DataFrame | None) -> pd.DataFrame:
    """``doc_id, language`` of every document: from ``source``'s ``language`` column, else
    detected from the document's sentences joined (confident labels only)."""
    if source is not None and "language" in source.columns:
        return source[["doc_id", "language"]].drop_duplicates("doc_id")
    texts = sentences.groupby("doc_id", sort=False)["text"].agg(lambda t: " ".join(map(str, t)))
    labels = label_languages(texts.tolist(), min_confidence=BARE_MIN_CONFIDENCE)
    return pd.DataFrame({"doc_id": texts.index, "language": labels})


def _match(sentences: pd.DataFrame, frames: Dictionary, *, count_negated: bool, skip: set) -> pd.DataFrame:
    """The hits of ``frames`` in the sentences of documents not in ``skip``."""
    if skip:
        sentences = sentences[~sentences["doc_id"].isin(skip)]
    hits = match_dictionary(sentences, frames)
    if not count_negated:
        hits = hits[~hits["negated"]]
    return hits.rename(columns={"category": "frame"})[HIT_COLUMNS].reset_index(drop=True)


def _sentence_words(sentences: pd.DataFrame) -> pd.DataFrame:
    """Words and sentences per document, counted as the matcher tokenises them."""
    words = pd.Series(_count_words(sentences["text"]), index=sentences.index)
    return (
        pd.DataFrame({"doc_id": sentences["doc_id"], "sent_id": sentences["sent_id"], "n_words": words})
        .groupby("doc_id", sort=False)
        .agg(n_words=("n_words", "sum"), n_sentences=("sent_id", "size"))
        .reset_index()
    )


#: :data:`corpus_tools.tokens._ASCII_TOKEN_RE` for RE2 (pyarrow), which takes ``\w`` and ``\d``
#: as ASCII and alternatives leftmost-first, as Python does: the same tokens on ASCII text.
_RE2_ASCII_TOKEN = r"(?:[A-Za-z]\.){2,}|\d+(?:[.,]\d+)*%?|\w+(?:['\-]\w+)*"


def _count_words(texts: pd.Series) -> np.ndarray:
    """:func:`corpus_tools.tokens.count_words` of each text: ASCII texts counted by pyarrow in
    one call, the others (and missing texts, 0) one by one."""
    values = pa.array(texts.to_numpy(dtype=object, na_value=None), type=pa.large_string(), from_pandas=True)
    ascii_text = pc.fill_null(pc.string_is_ascii(values), False).to_numpy(zero_copy_only=False)
    counts = pc.fill_null(pc.count_substring_regex(values, _RE2_ASCII_TOKEN), 0).to_numpy(zero_copy_only=False)
    counts = counts.astype(np.int64)
    other = np.flatnonzero(~ascii_text)
    counts[other] = [count_words(t) for t in values.take(pa.array(other)).to_pylist()] if len(other) else []
    return counts


def score_frame_sentences(
    sentences: pd.DataFrame,
    *,
    dictionary: str | Path | Dictionary = "generic",
    hits: pd.DataFrame | None = None,
    by: str = "doc_id",
    corpus: pd.DataFrame | None = None,
) -> pd.DataFrame:
    """One row per sentence and frame: ``doc_id, sent_id, frame, hits, present`` (+ ``by``), ``group``.

    The unit for shares of sentences, bootstrap intervals and co-occurrence.

    Args:
        sentences: the sentence table.
        dictionary: a shipped frame dictionary's name, a path, or a Dictionary.
        hits: precomputed :func:`match_frames` output.
        by: the grouping column (of the sentences, or joined from ``corpus``); default each
            document its own group. A document without a value is in the group ``"(missing)"``.
        corpus: the documents to take ``by`` from.

    >>> sents = pd.DataFrame({"doc_id": ["a", "a"], "sent_id": [0, 1], "start": [0, 9],
    ...                       "text": ["It costs.", "They disagree."]})
    >>> score_frame_sentences(sents).query("present").values.tolist()
    [['a', 0, 'economic', 1, True, 'a'], ['a', 1, 'conflict', 1, True, 'a']]
    """
    frames = read_frames(dictionary)
    hits = match_frames(sentences, dictionary=frames) if hits is None else hits
    names = list(frames.category_names)
    counts = _count_sentence_hits(sentences, hits, names)
    n = len(names)
    table = pd.DataFrame(
        {
            "doc_id": sentences["doc_id"].repeat(n).reset_index(drop=True),
            "sent_id": sentences["sent_id"].repeat(n).reset_index(drop=True),
            "frame": np.tile(np.array(names, dtype=object), len(sentences)),
            "hits": counts.ravel(),
        }
    )
    table["present"] = table["hits"] > 0
    # the grouping columns of each sentence, repeated for its frames (groups are attached to
    # the sentences, not to every row of the table)
    keys = sentences[["doc_id"]]
    if by != "doc_id" and by in sentences.columns:
        first = sentences[["doc_id", by]].drop_duplicates("doc_id").set_index("doc_id")[by]
        keys = keys.assign(**{by: sentences["doc_id"].map(first)})
    grouped = _with_groups(keys.reset_index(drop=True), by, corpus)
    for column in grouped.columns[1:]:
        table[column] = grouped[column].repeat(n).reset_index(drop=True)
    return table


def _count_sentence_hits(sentences: pd.DataFrame, hits: pd.DataFrame, frames: list[str]) -> np.ndarray:
    """Hits per sentence (rows, in the order of ``sentences``) and frame (columns, in the order of
    ``frames``), counted on integer codes; hits of other sentences or frames are not counted."""
    doc_codes, doc_ids = pd.factorize(sentences["doc_id"])
    sent_ids = sentences["sent_id"].to_numpy(dtype=np.int64)
    width = int(sent_ids.max(initial=0)) + 1
    keys, inverse = np.unique(doc_codes.astype(np.int64) * width + sent_ids, return_inverse=True)
    hit_docs = pd.Index(doc_ids).get_indexer(hits["doc_id"]).astype(np.int64)
    hit_sents = hits["sent_id"].to_numpy(dtype=np.int64)
    frame_codes = pd.Index(frames).get_indexer(hits["frame"])
    hit_keys = hit_docs * width + hit_sents
    rows = np.searchsorted(keys, hit_keys).clip(max=max(len(keys) - 1, 0))
    known = (hit_docs >= 0) & (frame_codes >= 0) & (hit_sents >= 0) & (hit_sents < width) & (len(keys) > 0)
    known &= keys[rows] == hit_keys if len(keys) else known
    flat = rows[known] * len(frames) + frame_codes[known]
    counts = np.bincount(flat, minlength=len(keys) * len(frames)).reshape(len(keys), len(frames))
    return counts[inverse.ravel()].astype(np.int64)


def score_frames(
    corpus: pd.DataFrame,
    *,
    dictionary: str | Path | Dictionary = "generic",
    by: str = "doc_id",
    sentences: pd.DataFrame | None = None,
    hits: pd.DataFrame | None = None,
    count_negated: bool = True,
) -> pd.DataFrame:
    """Frame scores per document: one row per document and frame.

    Args:
        corpus: documents (``load_corpus``); every document gets a row per frame, also
            documents without a hit.
        dictionary: a shipped frame dictionary's name, a path, or a Dictionary.
        by: the metadata column of ``corpus`` to group by (outlet, country, period), carried
            into the table with the ``group`` column; default each document its own group.
        sentences, hits: precomputed :func:`corpus_tools.split_sentences` and
            :func:`match_frames` tables (computed when omitted).
        count_negated: see :func:`match_frames`.

    Returns:
        ``doc_id, frame, hits, n_words, n_sentences, sentences_with_frame, per_10k,
        share_sentences`` (+ ``by``), ``group``. Words are the word tokens of the sentences the
        matcher read; ``per_10k`` (hits per 10,000 words) is NaN for an empty document, and
        ``per_10k`` and ``share_sentences`` are NaN for a document whose ``language`` (a column
        of ``corpus``) is neither ``"en"`` nor ``"und"``: the frame dictionaries are English.

    Warns:
        CorpusWarning: documents in another language, counted per language.

    >>> docs = pd.DataFrame({"doc_id": ["a"], "text": ["Costs rose. Costs and prices fell. Fine."]})
    >>> score_frames(docs).query("frame == 'economic'")[["hits", "n_words", "per_10k"]].to_dict("records")
    [{'hits': 3, 'n_words': 7, 'per_10k': 4285.714285714285}]
    """
    frames = read_frames(dictionary)
    sentences = split_sentences(corpus) if sentences is None else sentences
    other = _other_language_docs(_document_languages(sentences, corpus))
    if hits is None:
        hits = _match(sentences, frames, count_negated=count_negated, skip=other)
    hits = hits[~hits["doc_id"].isin(other)]
    grid = corpus[["doc_id"]].merge(pd.DataFrame({"frame": frames.category_names}), how="cross")
    per_doc = hits.groupby(["doc_id", "frame"]).agg(hits=("term", "size"), sentences_with_frame=("sent_id", "nunique"))
    table = grid.merge(per_doc.reset_index(), on=["doc_id", "frame"], how="left")
    table = table.merge(_sentence_words(sentences), on="doc_id", how="left")
    table = table.fillna({"hits": 0, "sentences_with_frame": 0, "n_words": 0, "n_sentences": 0})
    table = table.astype({c: "int64" for c in ("hits", "sentences_with_frame", "n_words", "n_sentences")})
    table["per_10k"] = 10_000 * table["hits"] / table["n_words"].where(table["n_words"] > 0)
    table["share_sentences"] = table["sentences_with_frame"] / table["n_sentences"].where(table["n_sentences"] > 0)
    table.loc[table["doc_id"].isin(other), ["per_10k", "share_sentences"]] = np.nan
    return _with_groups(table[SCORE_COLUMNS], by, corpus)


def _other_language_docs(languages: pd.DataFrame, *, sentences: pd.DataFrame | None = None, stacklevel: int = 4) -> set:
    """Documents whose ``language`` is neither English nor ``"und"`` (the frame dictionaries are
    English); warns counting them per language (and their sentences, when given)."""
    lang = languages["language"].fillna("und").astype(str)
    other = ~lang.isin(["en", "und"])
    if not other.any():
        return set()
    skipped = set(languages.loc[other, "doc_id"])
    counts = ", ".join(f"{k}: {v}" for k, v in lang[other].value_counts().sort_index().items())
    outcome = "hits 0, per_10k and share_sentences NaN"
    if sentences is not None:
        counts += f"; {int(sentences['doc_id'].isin(skipped).sum())} sentences"
        outcome = "no hits rows"
    warnings.warn(
        f"framing: {int(other.sum())} documents not in English ({counts})"
        f" are not matched against the English frame dictionaries ({outcome})",
        CorpusWarning,
        stacklevel=stacklevel,
    )
    return skipped
