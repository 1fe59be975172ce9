"""Duplicate articles: the same story copied, syndicated (wire copy) or scraped twice.

Two kinds are found, on the clean text:

- **exact**: the same words once the text is normalised (Unicode NFKC, case folded, every run of
  punctuation and spaces made one space): :func:`hash_text`;
- **near**: word 5-shingles whose Jaccard similarity is at least ``threshold`` (default 0.8).
  Candidates come from MinHash/LSH (``datasketch``, 128 permutations of the CRC-32 of each
  shingle: :func:`hash_minhash`) so the corpus is never compared pair by pair; each candidate
  pair is then checked with the exact Jaccard similarity of its shingle sets, so no pair below
  the threshold is reported. With the defaults, LSH proposes a pair of Jaccard similarity 0.95
  with a probability of 0.998, of 0.9 with 0.93, of 0.8 with 0.40: copies far above the
  threshold (a changed byline or last paragraph) are found, pairs near it can be missed.

Memory grows with the corpus by about 3 KB a document (the LSH index of its signature: 128 values
of 4 bytes, in 9 bands), beside the texts: the shingle sets of a candidate pair are built when it
is checked and dropped after (at most :data:`SHINGLE_SETS_KEPT` at a time), and texts are signed
:data:`SIGNED_AT_ONCE` at a time. The signatures can be given (``signer=``):
:mod:`corpus_tools.process` computes them with the cleaning, on every core, and keeps them in its cache.

The threshold was measured on constructed pairs (``tests/clean/test_duplicates.py``): a wire
story of 300 words whose byline and last paragraph were changed has a Jaccard similarity of
about 0.9 to the original and matches; two different stories on the same event (same names,
places and figures, different sentences) stay below 0.1.

Documents linked by either kind form a cluster. The first document of a cluster in ``doc_id``
order is kept; the others are its copies (``duplicate_of``). Empty texts are never duplicates.

>>> docs = pd.DataFrame({"doc_id": ["b", "a", "c"],
...                      "text": ["Rain, rain today.", "rain rain TODAY", "Sun all week long."]})
>>> match_duplicates(docs).values.tolist()
[['a', 1, None, 1.0, 'kept'], ['b', 1, 'a', 1.0, 'exact']]
"""

from __future__ import annotations

import functools
import hashlib
import re
import unicodedata
import zlib
from collections.abc import Callable, Iterable, Sequence

import numpy as np
import pandas as pd

from corpus_tools.io import record_problem

__all__ = [
    "DUPLICATE_COLUMNS",
    "hash_text",
    "split_shingles",
    "hash_minhash",
    "match_duplicates",
    "attach_duplicates",
    "list_duplicates",
]

#: The columns of :func:`match_duplicates`.
DUPLICATE_COLUMNS = ["doc_id", "cluster", "duplicate_of", "similarity", "kind"]

#: The most shingle sets :func:`match_duplicates` holds at once (the most recently checked ones).
SHINGLE_SETS_KEPT = 64

#: The most texts :func:`match_duplicates` asks signatures of at once (and holds as Python strings).
SIGNED_AT_ONCE = 2_000

#: The ``datasketch`` permutation scheme of the signatures (32-bit hash values).
_SCHEME = "affine32"

_WORD_RE = re.compile(r"[^\W_]+")


def _words(text: str) -> list[str]:
    return _WORD_RE.findall(unicodedata.normalize("NFKC", text or "").casefold())


def hash_text(text: str) -> str:
    """A hash of the normalised text: equal for texts that differ only in case, punctuation,
    spacing or Unicode form (empty string for a text without words).

    >>> hash_text("Aid: $5bn, or 2%.") == hash_text("aid 5bn OR 2")
    True
    >>> hash_text("  ...  ")
    ''
    """
    words = _words(text)
    return hashlib.sha1(" ".join(words).encode("utf-8")).hexdigest() if words else ""


def split_shingles(text: str, *, size: int = 5) -> set[str]:
    """The word ``size``-shingles of the normalised text (the whole text when it is shorter).

    >>> sorted(split_shingles("One two, three! four", size=3))
    ['one two three', 'two three four']
    >>> split_shingles("Short text", size=5)
    {'short text'}
    """
    return set(_shingle_list(_words(text), size))


def _shingle_list(words: list[str], size: int) -> list[str]:
    """The shingles of ``words`` in text order (a repeated one repeats)."""
    if len(words) <= size:
        return [" ".join(words)] if words else []
    return [" ".join(words[i : i + size]) for i in range(len(words) - size + 1)]


@functools.cache
def _permutations(num_perm: int, seed: int) -> np.ndarray:
    from datasketch import MinHash

    return MinHash(num_perm=num_perm, seed=seed, scheme=_SCHEME).permutations


def hash_minhash(text: str, *, num_perm: int = 128, shingle_size: int = 5, seed: int = 1) -> np.ndarray:
    """The MinHash signature of the text's word shingles (:func:`split_shingles`): ``num_perm``
    unsigned 32-bit values (``datasketch.MinHash`` with ``seed``, each shingle hashed by the
    CRC-32 of its UTF-8 bytes). Texts with the same shingles have the same signature; the share
    of equal values estimates the Jaccard similarity of two texts' shingles.

    >>> a = hash_minhash("The council voted for a new bridge across the river.")
    >>> b = hash_minhash("THE COUNCIL voted for a new bridge, across the river")
    >>> a.dtype.name, len(a), bool((a == b).all())
    ('uint32', 128, True)
    >>> c = hash_minhash("The council voted against a new bridge across the river.")
    >>> 0.1 < float((a == c).mean()) < 0.6  # 2 of 10 different shingles shared: Jaccard 0.2
    True
    """
    from datasketch import MinHash

    minhash = MinHash(
        num_perm, seed=seed, hashfunc=zlib.crc32, permutations=_permutations(num_perm, seed), scheme=_SCHEME
    )
    minhash.update_batch([s.encode("utf-8") for s in _shingle_list(_words(text), shingle_size)])
    return minhash.hashvalues


def _jaccard(a: set[str], b: set[str]) -> float:
    return len(a & b) / len(a | b) if a or b else 0.0


def _sign(texts: list[str], signer, *, num_perm: int, shingle_size: int, seed: int) -> list[np.ndarray]:
    """The signatures of ``texts``: from ``signer``, checked, or computed."""
    if signer is None:
        return [hash_minhash(t, num_perm=num_perm, shingle_size=shingle_size, seed=seed) for t in texts]
    signatures = list(signer(texts))
    if len(signatures) != len(texts):
        raise ValueError(
            f"signer gave {len(signatures)} signature(s) for {len(texts)} text(s); it must give one per text, "
            "in order (hash_minhash of each text)"
        )
    wrong = next((i for i, s in enumerate(signatures) if np.shape(s) != (num_perm,)), None)
    if wrong is not None:
        raise ValueError(
            f"signer gave a signature of shape {np.shape(signatures[wrong])} for text {wrong}, not ({num_perm},): "
            f"give hash_minhash(text, num_perm={num_perm}, shingle_size={shingle_size}, seed={seed})"
        )
    return signatures


def _near_pairs(
    signed: Iterable[tuple[int, np.ndarray]], shingles: Callable[[int], set[str]], *, threshold, num_perm, seed
):
    """Candidate pairs (i, j, jaccard) from MinHash/LSH over the ``signed`` keys (in increasing
    order, with their signatures), kept when the exact Jaccard of their shingle sets
    (``shingles(key)``, built on demand) is >= threshold."""
    from datasketch import LeanMinHash, MinHashLSH

    lsh = MinHashLSH(threshold=threshold, num_perm=num_perm)
    pairs = []
    for key, signature in signed:
        minhash = LeanMinHash(seed=seed, hashvalues=signature, scheme=_SCHEME)
        for other in sorted(lsh.query(minhash)):
            similarity = _jaccard(shingles(key), shingles(other))
            if similarity >= threshold:
                pairs.append((other, key, similarity))
        lsh.insert(key, minhash)
    return pairs


def match_duplicates(
    docs: pd.DataFrame,
    *,
    threshold: float = 0.8,
    num_perm: int = 128,
    shingle_size: int = 5,
    seed: int = 1,
    signer: Callable[[list[str]], Sequence[np.ndarray]] | None = None,
) -> pd.DataFrame:
    """Find exact and near-duplicate documents.

    Args:
        docs: a table with ``doc_id`` and ``text`` (``load_corpus(..., keep_duplicates=True)``).
        threshold: the Jaccard similarity of word shingles from which two texts are near-duplicates.
        num_perm: MinHash permutations (more: fewer missed candidates, slower).
        shingle_size: words per shingle.
        seed: the MinHash seed (the result is checked with exact Jaccard, so it rarely matters).
        signer: what gives the MinHash signatures of a list of texts, one per text in order
            (default: :func:`hash_minhash` of each, with ``num_perm``, ``shingle_size`` and
            ``seed``; :mod:`corpus_tools.process` reads them from its cache). Only the texts
            compared for near copies are signed: one per group of exact copies, at most
            :data:`SIGNED_AT_ONCE` a call.

    Returns:
        One row per document in a cluster of two or more, sorted by ``cluster`` then ``doc_id``:
        ``doc_id``, ``cluster`` (1, 2, ... in ``doc_id`` order of the kept documents),
        ``duplicate_of`` (the kept document's ``doc_id``; None for the kept one), ``similarity``
        (Jaccard of shingles to the kept document, 1.0 for exact copies) and ``kind``
        (``"kept"``, ``"exact"`` or ``"near"``). No rows when there are no duplicates.

    >>> wire = " ".join(f"word{i}" for i in range(60))
    >>> docs = pd.DataFrame({"doc_id": ["x", "y", "z"], "text": [wire, wire + " By Staff.", "Other news."]})
    >>> match_duplicates(docs)[["doc_id", "duplicate_of", "kind"]].values.tolist()
    [['x', None, 'kept'], ['y', 'x', 'near']]

    Raises:
        ValueError: when ``signer`` gives a wrong number of signatures or one of the wrong length.
    """
    doc_ids = docs["doc_id"].astype(str).to_numpy(dtype=object)
    order = np.argsort(doc_ids, kind="stable")  # positions in doc_id order
    ids = doc_ids[order].tolist()
    column = docs["text"]  # texts are read one at a time: never all as Python strings at once

    def text(i: int) -> str:
        value = column.iat[order[i]]
        return value if isinstance(value, str) else ""

    in_order = [hash_text(t) if isinstance(t, str) else "" for t in column]
    hashes = [in_order[j] for j in order]
    del in_order
    parent = list(range(len(ids)))

    def find(i: int) -> int:
        while parent[i] != i:
            parent[i] = parent[parent[i]]
            i = parent[i]
        return i

    def union(i: int, j: int) -> None:
        a, b = find(i), find(j)
        if a != b:
            parent[max(a, b)] = min(a, b)

    first_with_hash: dict[str, int] = {}
    for i, h in enumerate(hashes):
        if h:
            union(first_with_hash.setdefault(h, i), i)

    @functools.lru_cache(maxsize=SHINGLE_SETS_KEPT)
    def shingles(i: int) -> set[str]:
        return split_shingles(text(i), size=shingle_size)

    keys = sorted(set(first_with_hash.values()))  # one text per group of exact copies

    def signed():
        for start in range(0, len(keys) if len(keys) > 1 else 0, SIGNED_AT_ONCE):
            chunk = keys[start : start + SIGNED_AT_ONCE]
            texts = [text(i) for i in chunk]
            yield from zip(chunk, _sign(texts, signer, num_perm=num_perm, shingle_size=shingle_size, seed=seed))

    checked = {}  # the similarity of each near pair found, (first, second) in doc_id order
    for i, j, similarity in _near_pairs(signed(), shingles, threshold=threshold, num_perm=num_perm, seed=seed):
        union(i, j)
        checked[i, j] = similarity
    members: dict[int, list[int]] = {}
    for i in range(len(ids)):
        if hashes[i]:
            members.setdefault(find(i), []).append(i)
    rows = []
    for number, root in enumerate(sorted(r for r, m in members.items() if len(m) > 1), start=1):
        rows.append({"doc_id": ids[root], "cluster": number, "duplicate_of": None, "similarity": 1.0, "kind": "kept"})
        for i in members[root][1:]:
            exact = hashes[i] == hashes[root]
            rep = first_with_hash[hashes[i]]
            similarity = 1.0 if exact else checked.get((root, rep)) or _jaccard(shingles(root), shingles(rep))
            rows.append(
                {
                    "doc_id": ids[i],
                    "cluster": number,
                    "duplicate_of": ids[root],
                    "similarity": round(similarity, 3),
                    "kind": "exact" if exact else "near",
                }
            )
    table = pd.DataFrame(rows, columns=DUPLICATE_COLUMNS).astype({"cluster": "int64", "similarity": "float64"})
    table["duplicate_of"] = table["duplicate_of"].astype(object).where(table["duplicate_of"].notna(), None)
    shingles.cache_clear()
    return table


def attach_duplicates(
    documents: pd.DataFrame,
    *,
    log: list[dict] | None = None,
    where: Callable[[object], str] | None = None,
    signer: Callable[[list[str]], Sequence[np.ndarray]] | None = None,
) -> pd.DataFrame:
    """Add ``duplicate_of`` (the kept copy's ``doc_id``, else None) from :func:`match_duplicates`
    on the ``"ok"`` documents (stubs are never duplicates), and record each copy in ``log``.

    Args:
        documents: the corpus: ``doc_id``, ``text`` and, when present, ``status``.
        log: the load log; each copy is a row and a ``CorpusWarning``
            (:func:`corpus_tools.io.record_problem`). None: no log, no warning.
        where: names a row's source (default: ``document '<doc_id>'``).
        signer: gives the MinHash signatures of texts (as :func:`match_duplicates`).

    Returns:
        A copy of ``documents`` with the ``duplicate_of`` column.

    >>> docs = pd.DataFrame({"doc_id": ["a", "b", "c"], "text": ["Same words.", "same words", "Else."],
    ...                      "status": ["ok", "ok", "ok"]})
    >>> attach_duplicates(docs)["duplicate_of"].tolist()
    [None, 'a', None]
    """
    ok = documents["status"].eq("ok") if "status" in documents.columns else pd.Series(True, index=documents.index)
    table = match_duplicates(documents[ok], signer=signer)
    copies = table[table["kind"] != "kept"].set_index("doc_id")
    out = documents.copy()
    found = out["doc_id"].astype(str).map(copies["duplicate_of"]).where(ok)
    out["duplicate_of"] = found.astype(object).where(found.notna(), None)
    if log is not None:
        name = where or (lambda row: f"document {row.doc_id!r}")
        for row in out[out["duplicate_of"].notna()].itertuples():
            copy = copies.loc[str(row.doc_id)]
            issue = (
                f"{'exact' if copy.kind == 'exact' else 'near'} duplicate of {row.duplicate_of!r}"
                f" (shingle similarity {copy.similarity:.2f})"
            )
            action = "load_corpus uses one copy (the first by doc_id); keep_duplicates=True keeps every copy"
            record_problem(log, name(row), issue, action, stacklevel=5)
    return out


def list_duplicates(documents: pd.DataFrame) -> pd.DataFrame:
    """The duplicate clusters of a loaded corpus (:func:`match_duplicates` on its ``"ok"``
    documents), with each document's ``title`` when the corpus has one: for the overview report.

    When the documents carry ``duplicate_of`` (as :func:`corpus_tools.read_corpus` gives them),
    only the documents of its clusters are compared again: the same table (LSH proposes a pair
    whatever the other documents), in time that grows with the copies, not the corpus.

    >>> docs = pd.DataFrame({"doc_id": ["a", "b"], "title": ["Rain", "Rain!"], "text": ["Rain today.", "rain today"],
    ...                      "status": ["ok", "ok"]})
    >>> list_duplicates(docs)[["doc_id", "title", "duplicate_of", "kind"]].values.tolist()
    [['a', 'Rain', None, 'kept'], ['b', 'Rain!', 'a', 'exact']]
    """
    ok = documents["status"].eq("ok") if "status" in documents.columns else pd.Series(True, index=documents.index)
    if "duplicate_of" in documents.columns:
        copies = documents["duplicate_of"].notna()
        ok &= copies | documents["doc_id"].astype(str).isin(set(documents.loc[copies, "duplicate_of"].astype(str)))
    table = match_duplicates(documents[ok])
    if "title" in documents.columns:
        titles = documents.assign(doc_id=documents["doc_id"].astype(str)).drop_duplicates("doc_id")
        title = table["doc_id"].map(titles.set_index("doc_id")["title"])
        table.insert(1, "title", title.astype(object).where(title.notna(), None))
    return table
