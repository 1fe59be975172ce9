"""Keyword analysis: term counts, frequency lists, TF-IDF, keyness, collocations, concordance.

Submodules:

- :mod:`~corpus_tools.keywords.counts`: :class:`TermCounts` (sparse documents x terms),
  :func:`count_terms` (phrases, stop words from :mod:`corpus_tools.shipped`, stemming,
  n-grams, groups ``by=``), :func:`count_frequencies` (``per_10k``, range), :func:`score_tfidf`,
  :func:`select_top_terms` (each group's top terms side by side).
- :mod:`~corpus_tools.keywords.contrast`: the statistics (:func:`score_keyness_statistics`:
  G2, chi2, log ratio, %DIFF; :func:`score_log_odds`: Fightin' Words), :func:`score_keyness`
  (one target against a reference, one row per term), :func:`compare_keyness` (every group in
  turn, stacked with a ``group`` column), :func:`select_key_terms`, :func:`read_frequency_list`,
  :func:`resolve_reference` (a reference option as text: "", a group or a frequency list file).
- :mod:`~corpus_tools.keywords.rates`: :func:`compare_term_rates`, the article-level test of
  each term's per-article rate (Welch t or Mann-Whitney; Lijffijt et al. 2016) beside the
  token-level G2 and log ratio.
- :mod:`~corpus_tools.keywords.names`: :func:`count_names` (the most frequent people and
  organisations, from capitalisation, offline) and :func:`format_actor_yaml` (an actor list of them).
- :mod:`~corpus_tools.keywords.collocations`: :func:`count_collocations` (NLTK measures) and
  :func:`read_collocation_words` (the corpus's words read once for several windows or nodes).
- :mod:`~corpus_tools.keywords.concordance`: concordance lines (:func:`match_kwic`), the pattern of a
  counted term (:func:`make_term_pattern`) and the id of its section (:func:`make_kwic_anchor`).

Figures and HTML (``plot_keyness``, ``plot_term_scatter``, ``plot_dispersion``,
``format_kwic_html``, ``format_keyness_html``) live in :mod:`corpus_tools.report.keywords`;
their old names here, and the old names ``keyness``, ``keyness_statistics``,
``log_odds_dirichlet``, ``kwic``, ``term_pattern`` and ``kwic_anchor``, still work for one
release with a ``DeprecationWarning``.

>>> import pandas as pd
>>> docs = pd.DataFrame({"doc_id": ["a", "b"], "text": ["troops troops talks", "talks talks troops"]})
>>> compare_keyness(docs).groupby("group")["term"].first().to_dict()
{'a': 'troops', 'b': 'talks'}
"""

from corpus_tools.checks import make_renamed_getattr
from corpus_tools.groups import MISSING_GROUP, GroupWarning
from corpus_tools.keywords import collocations, concordance, contrast, counts, names, rates
from corpus_tools.keywords.collocations import MEASURES, CollocationWords, count_collocations, read_collocation_words
from corpus_tools.keywords.concordance import KWIC_COLUMNS, make_kwic_anchor, make_term_pattern, match_kwic
from corpus_tools.keywords.contrast import (
    KEYNESS_COLUMNS,
    KeywordsWarning,
    compare_keyness,
    read_frequency_list,
    resolve_reference,
    score_keyness,
    score_keyness_statistics,
    score_log_odds,
    select_key_terms,
)
from corpus_tools.keywords.counts import (
    CONCATENATOR,
    TermCounts,
    count_frequencies,
    count_terms,
    read_stopword_list,
    score_tfidf,
    select_top_terms,
)
from corpus_tools.keywords.names import NAME_COLUMNS, count_names, format_actor_yaml, write_actor_list
from corpus_tools.keywords.rates import RATE_COLUMNS, RATE_TESTS, attach_term_rates, compare_term_rates

__all__ = [
    "counts",
    "contrast",
    "collocations",
    "concordance",
    "names",
    "rates",
    "TermCounts",
    "KeywordsWarning",
    "GroupWarning",
    "MISSING_GROUP",
    "CONCATENATOR",
    "count_terms",
    "read_stopword_list",
    "count_frequencies",
    "score_tfidf",
    "select_top_terms",
    "score_keyness",
    "score_keyness_statistics",
    "score_log_odds",
    "compare_keyness",
    "select_key_terms",
    "read_frequency_list",
    "resolve_reference",
    "count_collocations",
    "read_collocation_words",
    "CollocationWords",
    "match_kwic",
    "make_term_pattern",
    "make_kwic_anchor",
    "KEYNESS_COLUMNS",
    "KWIC_COLUMNS",
    "MEASURES",
    "NAME_COLUMNS",
    "RATE_COLUMNS",
    "RATE_TESTS",
    "attach_term_rates",
    "compare_term_rates",
    "count_names",
    "format_actor_yaml",
    "write_actor_list",
]

_REPORT = "corpus_tools.report.keywords"


# Old names, kept for one release with a DeprecationWarning.
__getattr__ = make_renamed_getattr(
    __name__,
    {
        "keyness": "score_keyness",
        "kwic": "match_kwic",
        "keyness_statistics": "score_keyness_statistics",
        "log_odds_dirichlet": "score_log_odds",
        "term_pattern": "make_term_pattern",
        "kwic_anchor": "make_kwic_anchor",
        "format_kwic_html": f"{_REPORT}:format_kwic_html",
        "format_keyness_html": f"{_REPORT}:format_keyness_html",
        "plot_keyness": f"{_REPORT}:plot_keyness",
        "plot_term_scatter": f"{_REPORT}:plot_term_scatter",
        "plot_dispersion": f"{_REPORT}:plot_dispersion",
    },
)
