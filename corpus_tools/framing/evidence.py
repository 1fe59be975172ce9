"""The groups to contrast (:func:`select_contrast_groups`) and the evidence sentences behind
each frame and group (:func:`select_evidence`): text and the spans of the matched terms, as
data; :func:`corpus_tools.report.framing.highlight_evidence` turns them into HTML.

>>> sents = pd.DataFrame({"doc_id": ["a"], "sent_id": [0], "start": [10], "end": [25], "text": ["Costs rose fast"]})
>>> hits = pd.DataFrame({"doc_id": ["a"], "sent_id": [0], "frame": ["economic"], "term": ["Costs"],
...                      "start": [10], "end": [15]})
>>> select_evidence(sents, hits)[["group", "frame", "text", "spans"]].values.tolist()
[['a', 'economic', 'Costs rose fast', [(0, 5)]]]
"""

from __future__ import annotations

import pandas as pd

from corpus_tools.checks import require_columns
from corpus_tools.framing.frames import _KEYS
from corpus_tools.groups import attach_groups

__all__ = ["EVIDENCE_COLUMNS", "select_contrast_groups", "select_evidence"]

#: Columns of :func:`select_evidence`.
EVIDENCE_COLUMNS = ["group", "frame", "rank", "doc_id", "sent_id", "start", "end", "n_hits", "terms", "text", "spans"]


def select_contrast_groups(corpus: pd.DataFrame, *, by: str = "doc_id", contrast: str = "") -> list[str]:
    """The two groups to contrast: ``"A|B"`` as given, or "" for the two groups with most
    documents, ties broken by most words (``n_words``, when the corpus has it), then by name;
    with one document per group (``by="doc_id"``) that is the two longest documents. Documents
    without a ``by`` value form the group ``"(missing)"``, which can be chosen like any other.

    Raises:
        ValueError: a named group is not in ``corpus[by]``, or there are fewer than two groups.

    >>> docs = pd.DataFrame({"doc_id": list("abcd"), "outlet": ["x", "y", "y", "z"], "n_words": [10, 50, 50, 90]})
    >>> select_contrast_groups(docs, by="outlet"), select_contrast_groups(docs, by="outlet", contrast="z|x")
    (['y', 'z'], ['z', 'x'])
    """
    require_columns(corpus, [by], table="corpus")
    values = attach_groups(corpus, by)["group"]
    if contrast:
        groups = [g.strip() for g in contrast.split("|")]
        unknown = [g for g in groups if g not in set(values)]
        if len(groups) != 2 or unknown:
            raise ValueError(
                f"contrast must name two groups of {by!r} as 'A|B'; got {contrast!r}; groups: {sorted(set(values))}"
            )
        return groups
    counts = values.value_counts()
    words = corpus["n_words"].groupby(values).sum() if "n_words" in corpus else pd.Series(0, index=counts.index)
    ranked = sorted(counts.index, key=lambda g: (-counts[g], -words[g], g))
    if len(ranked) < 2:
        raise ValueError(f"a contrast needs two groups in {by!r}; found {ranked}")
    return ranked[:2]


def select_evidence(
    sentences: pd.DataFrame,
    hits: pd.DataFrame,
    *,
    by: str = "doc_id",
    corpus: pd.DataFrame | None = None,
    top_n: int = 3,
) -> pd.DataFrame:
    """The sentences behind each frame and group, with the spans of the matched terms.

    Sentences are ranked by distinct matched terms, then hits, then position.

    Args:
        sentences: the sentence table; hits: :func:`~corpus_tools.framing.match_frames`.
        by, corpus: the grouping column, joined from ``corpus`` if the sentences lack it; a
            document without a value is in the group ``"(missing)"``.
        top_n: sentences per group and frame.

    Returns:
        ``group, frame, rank, doc_id, sent_id, start, end, n_hits, terms, text, spans``:
        ``start, end`` index into the document text; ``spans`` lists the ``(start, end)`` of
        each hit within ``text`` (for :func:`corpus_tools.report.framing.highlight_evidence`).
    """
    require_columns(hits, [*_KEYS, "frame", "term", "start", "end"], table="frame hits")
    keys = [*_KEYS, "frame"]
    hits = hits.assign(_term=hits["term"].str.lower())
    per_sentence = hits.groupby(keys).agg(n_hits=("term", "size"), n_terms=("_term", "nunique")).reset_index()
    carried = [by] if by != "doc_id" and by in sentences.columns else []
    sents = attach_groups(sentences[["doc_id", "sent_id", "start", "end", "text", *carried]], by, documents=corpus)
    table = per_sentence.merge(sents, on=_KEYS)
    table = table.sort_values(
        ["group", "frame", "n_terms", "n_hits", "doc_id", "sent_id"], ascending=[True, True, False, False, True, True]
    )
    table = table.groupby(["group", "frame"], sort=False).head(top_n).copy()
    table["rank"] = table.groupby(["group", "frame"], sort=False).cumcount() + 1
    # the terms and spans of the chosen sentences only (a corpus has millions of hits)
    chosen = hits[pd.MultiIndex.from_frame(hits[keys]).isin(pd.MultiIndex.from_frame(table[keys]))]
    found = chosen.groupby(keys).agg(
        terms=("_term", lambda t: "; ".join(dict.fromkeys(t))), starts=("start", list), ends=("end", list)
    )
    found = found.loc[pd.MultiIndex.from_frame(table[keys])]
    table["terms"] = found["terms"].to_numpy()
    table["spans"] = [
        [(int(s - offset), int(e - offset)) for s, e in zip(starts, ends)]
        for starts, ends, offset in zip(found["starts"], found["ends"], table["start"])
    ]
    return table[EVIDENCE_COLUMNS].reset_index(drop=True)
