"""Duplicate detection on generated documents, one in ten a near copy (a new last line):

- ``match_duplicates`` (MinHash/LSH candidates) against a naive all-pairs Jaccard of word
  5-shingles (300 words a document);
- ``match_duplicates`` against the previous algorithm (:func:`match_duplicates_before`: the
  shingle set of every document kept for the whole run, datasketch's SHA-1 of each shingle), at
  5,000 articles of 700 words; and the same with the signatures given (``signer=``), as the
  cache gives them to :func:`corpus_tools.process.read_processed`. Both give the same table
  (checked before timing).
"""

from __future__ import annotations

import random

import pandas as pd

from corpus_tools.clean.duplicates import (
    DUPLICATE_COLUMNS,
    _jaccard,
    hash_minhash,
    hash_text,
    match_duplicates,
    split_shingles,
)


def _documents(n: int, seed: int = 7, words: int = 300) -> pd.DataFrame:
    rng = random.Random(seed)
    vocab = [f"w{i}" for i in range(5000)]
    texts = [" ".join(rng.choices(vocab, k=words)) for _ in range(n)]
    for i in range(0, n, 10):
        texts[i] = texts[i + 1].rsplit(" ", 10)[0] + " byline changed here"
    return pd.DataFrame({"doc_id": [f"d{i:05d}" for i in range(n)], "text": texts})


def _all_pairs(docs: pd.DataFrame, threshold: float = 0.8) -> list[tuple[int, int]]:
    sets = [split_shingles(t) for t in docs["text"]]
    return [
        (i, j)
        for i in range(len(sets))
        for j in range(i + 1, len(sets))
        if len(sets[i] & sets[j]) / len(sets[i] | sets[j]) >= threshold
    ]


def _near_pairs_before(shingles: dict[int, set[str]], *, threshold: float, num_perm: int, seed: int):
    from datasketch import MinHash, MinHashLSH

    keys = list(shingles)
    if len(keys) < 2:
        return []
    lsh = MinHashLSH(threshold=threshold, num_perm=num_perm)
    hashes = MinHash.bulk([[s.encode("utf-8") for s in shingles[k]] for k in keys], num_perm=num_perm, seed=seed)
    pairs = []
    for key, minhash in zip(keys, hashes):
        for other in lsh.query(minhash):
            similarity = _jaccard(shingles[key], shingles[other])
            if similarity >= threshold:
                pairs.append((other, key, similarity))
        lsh.insert(key, minhash)
    return pairs


def match_duplicates_before(docs: pd.DataFrame, *, threshold=0.8, num_perm=128, shingle_size=5, seed=1):
    """``match_duplicates`` as it was: every shingle set kept, SHA-1 MinHash, serial."""
    ordered = docs[["doc_id", "text"]].assign(doc_id=docs["doc_id"].astype(str)).sort_values("doc_id", kind="stable")
    ids = ordered["doc_id"].tolist()
    hashes = [hash_text(t) if isinstance(t, str) else "" for t in ordered["text"]]
    parent = list(range(len(ids)))

    def find(i):
        while parent[i] != i:
            parent[i] = parent[parent[i]]
            i = parent[i]
        return i

    def union(i, j):
        a, b = find(i), find(j)
        if a != b:
            parent[max(a, b)] = min(a, b)

    first_with_hash: dict[str, int] = {}
    for i, h in enumerate(hashes):
        if h:
            union(first_with_hash.setdefault(h, i), i)
    texts = ordered["text"].tolist()
    shingles = {i: split_shingles(texts[i], size=shingle_size) for i in sorted(set(first_with_hash.values()))}
    for i, j, _ in _near_pairs_before(shingles, threshold=threshold, num_perm=num_perm, seed=seed):
        union(i, j)
    members: dict[int, list[int]] = {}
    for i in range(len(ids)):
        if hashes[i]:
            members.setdefault(find(i), []).append(i)
    rows = []
    for number, root in enumerate(sorted(r for r, m in members.items() if len(m) > 1), start=1):
        rows.append({"doc_id": ids[root], "cluster": number, "duplicate_of": None, "similarity": 1.0, "kind": "kept"})
        for i in members[root][1:]:
            exact = hashes[i] == hashes[root]
            similarity = 1.0 if exact else _jaccard(shingles[root], shingles[first_with_hash[hashes[i]]])
            kind = "exact" if exact else "near"
            rows.append(
                {
                    "doc_id": ids[i],
                    "cluster": number,
                    "duplicate_of": ids[root],
                    "similarity": round(similarity, 3),
                    "kind": kind,
                }
            )
    table = pd.DataFrame(rows, columns=DUPLICATE_COLUMNS).astype({"cluster": "int64", "similarity": "float64"})
    table["duplicate_of"] = table["duplicate_of"].astype(object).where(table["duplicate_of"].notna(), None)
    return table


def cases(quick: bool = False):
    n = 500 if quick else 2000
    docs = _documents(n)
    sample = docs.head(n // 4)
    yield (f"{n} docs vs all pairs", lambda: _all_pairs(sample), lambda: match_duplicates(docs), 16.0)
    n = 1000 if quick else 5000
    articles = _documents(n, words=700)
    before, after = match_duplicates_before(articles), match_duplicates(articles)
    if not before.equals(after):
        raise AssertionError("match_duplicates and the previous algorithm give different tables")
    yield (
        f"{n} articles of 700 words vs before",
        lambda: match_duplicates_before(articles),
        lambda: match_duplicates(articles),
    )
    cached = dict(zip(articles["text"], map(hash_minhash, articles["text"])))
    yield (
        f"{n} articles, signatures given, vs before",
        lambda: match_duplicates_before(articles),
        lambda: match_duplicates(articles, signer=lambda texts: [cached[t] for t in texts]),
    )
