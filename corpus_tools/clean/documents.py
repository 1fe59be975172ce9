r"""Cleaning a table of documents: site template lines repeated across the corpus, the
cleaned corpus, and its audit (one row per edit, citable with its rule and reason).

>>> import pandas as pd
>>> docs = pd.DataFrame({"doc_id": ["a"], "raw_text": ["Skip to content\nThe talks resumed, officials said.\n"]})
>>> clean_corpus(docs)["text"].tolist()
['The talks resumed, officials said.\n']
>>> summarize_audit(clean_audit(docs)).values.tolist()
[['a', 'skip_link', 1, 16]]
"""

from __future__ import annotations

import hashlib
import math
from collections import Counter
from collections.abc import Iterable, Sequence

import pandas as pd

from corpus_tools.clean.lines import _key
from corpus_tools.clean.page import clean_text
from corpus_tools.clean.patterns import RULES
from corpus_tools.clean.stubs import _stub_status

__all__ = [
    "list_repeated_lines",
    "clean_corpus",
    "clean_corpus_audited",
    "clean_audit",
    "summarize_audit",
    "count_edits_by_rule",
    "select_removed_lines",
]

#: The columns of the audit table.
AUDIT_COLUMNS = ["doc_id", "start", "end", "original", "replacement", "rule", "reason"]


def list_repeated_lines(raws: Iterable[str], *, min_docs: int | None = None) -> set[str]:
    r"""Normalised lines that occur in many documents: site template lines.

    A line counts once per distinct document text (duplicate articles do not vote twice).
    The default threshold is ``max(3, 20% of the distinct documents)``. ``raws`` is read once, a
    text at a time (a generator over a large corpus holds no list of its texts).

    >>> sorted(list_repeated_lines(["Menu\nA.", "Menu\nB.", "Menu\nC.", "Other"]))
    ['menu']
    """
    seen: set[bytes] = set()  # the distinct texts, by digest
    counts: Counter[str] = Counter()
    for raw in raws:
        digest = _digest(raw)
        if digest in seen:
            continue
        seen.add(digest)
        keys = set(map(_key, set(raw.splitlines())))  # a line printed twice is keyed once
        keys.discard("")
        counts.update(keys)
    if min_docs is None:
        min_docs = max(3, math.ceil(0.2 * len(seen)))
    return {k for k, c in counts.items() if c >= min_docs}


def _digest(text) -> bytes:
    """A text's BLAKE2 digest (16 bytes; a missing text has its own): a key for telling texts apart
    without holding them (a whole corpus of keys weighs less than a hundredth of its texts)."""
    data = text.encode("utf-8", "surrogatepass") if isinstance(text, str) else b"\0"
    return hashlib.blake2b(data, digest_size=16).digest()


def clean_corpus_audited(
    corpus: pd.DataFrame, *, repeated: set[str] | None = None
) -> tuple[pd.DataFrame, pd.DataFrame]:
    r"""Clean every document of a corpus in one pass: the cleaned corpus (as :func:`clean_corpus`)
    and its audit (as :func:`clean_audit`).

    Args:
        corpus: ``doc_id``, ``raw_text`` and, when present, ``title`` and ``date``.
        repeated: the site template lines (:func:`list_repeated_lines`) when cleaning part of a
            corpus with the lines found over all of it; default: found in ``corpus``.

    >>> docs = pd.DataFrame({"doc_id": ["a"], "raw_text": ["Share\nHello.\n"]})
    >>> cleaned, audit = clean_corpus_audited(docs)
    >>> cleaned["text"].tolist(), audit["rule"].tolist(), cleaned.attrs
    (['Hello.\n'], ['markup_debris'], {})
    """
    raws = [r if isinstance(r, str) else "" for r in corpus["raw_text"]]
    repeated = list_repeated_lines(raws) if repeated is None else repeated
    given = _given_titles(corpus)
    texts, titles, dates, audit_rows = [], [], [], []
    for doc_id, raw, title in zip(corpus["doc_id"], raws, given):
        result = clean_text(raw, repeated_keys=repeated, title=title)
        texts.append(result.text)
        titles.append(result.title)
        dates.append(result.date)
        audit_rows.extend(
            (doc_id, e.start, e.end, e.original, e.replacement, e.rule, RULES[e.rule]) for e in result.edits
        )
    return _assemble_cleaned(corpus, texts, titles, dates), pd.DataFrame(audit_rows, columns=AUDIT_COLUMNS)


def _assemble_cleaned(corpus: pd.DataFrame, texts: Sequence, found_titles: list, dates: list) -> pd.DataFrame:
    """The cleaned corpus from the cleaner's results per document (clean text, the title and the
    date found in the page): given titles and dates are kept, ``title_source`` and ``status`` added.
    ``texts`` may be a list or an array (an Arrow-backed one is put in the table as it is)."""
    given = _given_titles(corpus)
    titles = [g or t for g, t in zip(given, found_titles)]
    out = corpus.copy()
    out.attrs = {}
    out["text"] = texts
    out["title"] = pd.Series(titles, index=out.index, dtype="object")
    out["title_source"] = ["column" if g else "first_line" if t else "none" for g, t in zip(given, titles)]
    extracted = pd.Series(dates, index=out.index, dtype="object")
    if "date" in out.columns:
        out["date"] = out["date"].where(out["date"].notna() & (out["date"].astype(str) != ""), extracted)
    else:
        out["date"] = extracted
    out["date"] = pd.to_datetime(out["date"], errors="coerce")
    raws = (r if isinstance(r, str) else "" for r in corpus["raw_text"])  # one at a time: no copy of them all
    out["status"] = [_stub_status(raw, text) for raw, text in zip(raws, texts)]
    return out


def _given_titles(corpus: pd.DataFrame) -> list[str | None]:
    """The non-empty values of a ``title`` column (None where empty or absent)."""
    if "title" not in corpus.columns:
        return [None] * len(corpus)
    return [t.strip() if isinstance(t, str) and t.strip() else None for t in corpus["title"]]


def clean_corpus(corpus: pd.DataFrame) -> pd.DataFrame:
    r"""Clean every document of a corpus; returns a copy with ``text``, ``title``, ``date``
    filled from the cleaner (existing non-empty ``title``/``date`` values are kept: a given
    title is never replaced by the first line, which stays unless it repeats the title),
    ``title_source`` (``"column"``, ``"first_line"`` or ``"none"``) and ``status`` (``"ok"`` or
    ``"stub: <reason>"``, see :mod:`corpus_tools.clean.stubs`).

    Lines repeated verbatim across many documents (:func:`list_repeated_lines`) are site
    template lines. The copy's ``attrs`` are empty: the audit is :func:`clean_audit`.

    >>> docs = pd.DataFrame({"doc_id": ["a"], "raw_text": ["Talks resume\n\nThe talks resumed, officials said.\n"]})
    >>> clean_corpus(docs)[["title", "text"]].values.tolist()
    [['Talks resume', 'The talks resumed, officials said.\n']]
    """
    return clean_corpus_audited(corpus)[0]


def clean_audit(corpus: pd.DataFrame) -> pd.DataFrame:
    r"""One row per removed or altered span: ``doc_id, start, end, original, replacement,
    rule, reason``; ``start``/``end`` index into the document's ``raw_text``.

    The audit is recomputed from ``doc_id`` and ``raw_text`` (cleaning is deterministic), so it
    matches the ``text`` of a corpus cleaned as a whole: pass the whole corpus, then select rows
    (template lines are found across the documents given). Applying a document's rows to its
    ``raw_text`` gives its ``text``; :func:`~corpus_tools.clean.edits.restore_raw` turns
    ``text`` and the rows back into ``raw_text``.

    >>> docs = pd.DataFrame({"doc_id": ["a"], "raw_text": ["Share\nHello.\n"]})
    >>> clean_audit(docs)[["doc_id", "start", "end", "rule"]].values.tolist()
    [['a', 0, 6, 'markup_debris']]
    """
    return clean_corpus_audited(corpus[["doc_id", "raw_text"]])[1]


def summarize_audit(audit: pd.DataFrame) -> pd.DataFrame:
    r"""Counts of edits and removed characters per document and rule (a tidy table:
    ``doc_id, rule, edits, chars_removed``).

    >>> audit = pd.DataFrame({"doc_id": ["a", "a"], "rule": ["promo", "promo"],
    ...                       "original": ["Buy\n", "x"], "replacement": ["", ""]})
    >>> summarize_audit(audit).values.tolist()
    [['a', 'promo', 2, 5]]
    """
    audit = audit.assign(chars=audit["original"].str.len() - audit["replacement"].str.len())
    return (
        audit.groupby(["doc_id", "rule"], sort=True)
        .agg(edits=("rule", "size"), chars_removed=("chars", "sum"))
        .reset_index()
    )


def count_edits_by_rule(audit: pd.DataFrame) -> pd.DataFrame:
    r"""Number of edits per rule (rows) and document (columns), 0 where a rule made none.

    >>> audit = pd.DataFrame({"doc_id": ["a", "b", "b"], "rule": ["promo", "promo", "toc"],
    ...                       "original": ["Buy\n", "x", "y"], "replacement": ["", "", ""]})
    >>> count_edits_by_rule(audit).values.tolist()
    [[1, 1], [0, 1]]
    """
    return summarize_audit(audit).pivot_table(
        index="rule", columns="doc_id", values="edits", aggfunc="sum", fill_value=0
    )


def select_removed_lines(audit: pd.DataFrame) -> pd.DataFrame:
    r"""The audit rows that removed a line with text (not character repairs or blank lines), in
    page order: ``doc_id, start, end, rule, removed`` (the line without its line break).

    >>> audit = pd.DataFrame({"doc_id": ["a", "a", "a"], "start": [0, 6, 9], "end": [6, 7, 10],
    ...                       "original": ["Share\n", "\n", "\u2019"], "replacement": ["", "", "'"],
    ...                       "rule": ["markup_debris", "normalize_whitespace", "normalize_unicode"]})
    >>> select_removed_lines(audit).values.tolist()
    [['a', 0, 6, 'markup_debris', 'Share']]
    """
    removed = audit[audit["replacement"].eq("") & audit["original"].str.strip().ne("")]
    removed = removed.assign(removed=removed["original"].str.strip())
    return removed[["doc_id", "start", "end", "rule", "removed"]]
