"""Statistics shared by the analyses.

Submodules:

- :mod:`~corpus_tools.stats.bootstrap`: percentile bootstrap intervals of one sample
  (:func:`bootstrap_ci`), per group (:func:`summarize_groups`, optionally resampling whole
  documents) and per group within each category of a long table (:func:`summarize_by`).
- :mod:`~corpus_tools.stats.effects`: effect sizes (:func:`cohens_d`, :func:`cliffs_delta`).
- :mod:`~corpus_tools.stats.compare`: pairwise group comparisons with Mann-Whitney or
  permutation p-values (:func:`compare_groups`).
- :mod:`~corpus_tools.stats.units`: the sampled unit of every group statistic (``unit=``:
  ``"article"``, the default, or ``"sentence"``, descriptive only; :func:`resolve_unit`).
- :mod:`~corpus_tools.stats.adjust`: p-value adjustment for multiple comparisons
  (:func:`adjust_p`; the option is ``p_adjust=`` everywhere, values :data:`P_ADJUST_METHODS`).

Every random step takes a ``seed`` and uses :func:`numpy.random.default_rng`, so a report run
twice gives the same intervals. Grouping follows :mod:`corpus_tools.groups` (a missing group
value is the group ``"(missing)"``). Keyness statistics live in ``corpus_tools.keywords``.
"""

from corpus_tools.checks import make_renamed_getattr
from corpus_tools.stats.adjust import P_ADJUST_METHODS, adjust_p
from corpus_tools.stats.bootstrap import MIN_CLUSTERS, POOLED_GROUP, bootstrap_ci, summarize_by, summarize_groups
from corpus_tools.stats.compare import COMPARE_COLUMNS, TESTS, compare_groups
from corpus_tools.stats.effects import cliffs_delta, cohens_d
from corpus_tools.stats.units import ARTICLE_UNIT, SENTENCE_UNIT, UNITS, resolve_unit

__all__ = [
    "ARTICLE_UNIT",
    "COMPARE_COLUMNS",
    "MIN_CLUSTERS",
    "P_ADJUST_METHODS",
    "POOLED_GROUP",
    "SENTENCE_UNIT",
    "TESTS",
    "UNITS",
    "adjust_p",
    "bootstrap_ci",
    "cliffs_delta",
    "cohens_d",
    "compare_groups",
    "resolve_unit",
    "summarize_by",
    "summarize_groups",
]

# Old names, kept for one release with a DeprecationWarning.
__getattr__ = make_renamed_getattr(__name__, {"bootstrap_groups": "summarize_groups", "p_adjust": "adjust_p"})
