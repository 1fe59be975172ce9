"""Benchmark: the keywords notebook's slow calls at scale against their previous implementations,
on a generated news corpus (``tests/news_corpus.py``: invented articles of 8 outlets).

- ``compare_term_rates`` (Welch): sparse column moments against dense article x term blocks
  through ``scipy.stats.ttest_ind``, every outlet against the rest.
- ``count_collocations``, the notebook's two calls (window 2; window 5 around 5 nodes): the words
  read once as integer codes and pairs counted with numpy, against a Python list of tokens, a
  ``Counter`` of pairs and NLTK's finder.
- ``match_kwic`` of key terms: only the texts that can match tokenised, against every text.

The previous implementations are the ones the tests keep (``tests/keywords/test_*.py``); each
case checks that both give the same table before it is timed. Run with
``python bench/run.py --only keywords_scale [--quick]``.
"""

from __future__ import annotations

import importlib.util
import sys
from pathlib import Path

import numpy as np
import pandas as pd

from corpus_tools import keywords as kw

TESTS = Path(__file__).resolve().parent.parent / "tests"
N_DOCS = 6_000


def _load(path: Path):
    spec = importlib.util.spec_from_file_location(f"_bench_{path.stem}", path)
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def build_corpus(n: int) -> pd.DataFrame:
    """``n`` invented articles (text with its boilerplate) and their outlets."""
    sys.path.insert(0, str(TESTS))
    try:
        news = _load(TESTS / "news_corpus.py")
    finally:
        sys.path.remove(str(TESTS))
    rng = np.random.default_rng(0)
    outlets = list(news.OUTLETS)
    rows = []
    for i in range(n):
        outlet = outlets[int(rng.integers(len(outlets)))]
        rows.append({"doc_id": f"d{i:05d}", "outlet": outlet, "text": news._article(rng, i, outlet)[1]})
    return pd.DataFrame(rows)


def cases(quick: bool = False):
    """Previous and current implementations of the three calls, on the same generated corpus."""
    docs = build_corpus(N_DOCS // 10 if quick else N_DOCS)
    rates_test = _load(TESTS / "keywords" / "test_rates.py")
    colloc_test = _load(TESTS / "keywords" / "test_collocations.py")
    kwic_test = _load(TESTS / "keywords" / "test_concordance.py")

    counts = kw.count_terms(docs, by="outlet", min_length=2)
    groups = sorted(set(counts.groups))

    def previous_rates():
        return {g: rates_test._previous_p_values(counts, g, 3, "welch") for g in groups}

    def current_rates():
        return kw.compare_term_rates(counts, min_count=3)

    table, previous = current_rates(), previous_rates()
    for group in groups:
        got = table[table["group"] == group]["p_value"].to_numpy()
        # far-tail p-values (1e-80 and below) differ from the 11th digit on: the sums' order
        np.testing.assert_allclose(got, previous[group].to_numpy(), rtol=1e-9, atol=1e-300, equal_nan=True)
    yield f"compare_term_rates (Welch) of {len(groups)} outlets, {len(docs):,} articles", previous_rates, current_rates

    keyness = kw.compare_keyness(counts, top_n=500, min_count=3)
    key_terms = kw.select_key_terms(keyness, top_n=5)["term"].drop_duplicates().tolist()
    nodes = [t for t in key_terms if " " not in t and "_" not in t][:5]
    options = {"stopwords": "snowball", "extra_stopwords": [], "min_length": 2, "phrases": []}
    calls = [{"window": 2, "min_count": 3}, {"node": nodes, "window": 5, "min_count": 2}]

    def previous_collocations():
        return [colloc_test._previous_count_collocations(docs, count_options=options, **c) for c in calls]

    def current_collocations():
        words = kw.read_collocation_words(docs, count_options=options)
        return [kw.count_collocations(words, count_options=options, **c) for c in calls]

    for got, expected in zip(current_collocations(), previous_collocations()):
        pd.testing.assert_frame_equal(got, expected, check_exact=True)
    name = f"count_collocations, window 2 and window 5 around {len(nodes)} nodes"
    yield name, previous_collocations, current_collocations

    patterns = {t: kw.make_term_pattern(t) for t in key_terms}

    def previous_kwic():
        return kwic_test._previous_match_kwic(docs, patterns, window=8)

    def current_kwic():
        return kw.match_kwic(docs, patterns, window=8)

    pd.testing.assert_frame_equal(current_kwic(), previous_kwic(), check_exact=True)
    yield f"match_kwic of {len(patterns)} key terms", previous_kwic, current_kwic
