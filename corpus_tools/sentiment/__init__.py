"""Sentiment of sentences, documents, groups and actors, with several lexicons side by side.

Submodules:

- :mod:`~corpus_tools.sentiment.lexicons`: the lexicon registry (``LEXICONS``, :class:`Lexicon`,
  ``read_lexicon``): VADER, AFINN, Pattern and user dictionaries, and the score columns.
- :mod:`~corpus_tools.sentiment.vader`: VADER's reference scores and per-word valences.
- :mod:`~corpus_tools.sentiment.dictionary`: the one scoring rule of dictionary lexicons.
- :mod:`~corpus_tools.sentiment.scores`: ``score_texts``, ``score_sentences``, ``score_documents``.
- :mod:`~corpus_tools.sentiment.groups`: ``summarize_groups``, ``compare_groups`` (articles
  are the sampled units by default, ``unit="article"``), ``summarize_arcs``, ``compare_lexicons``.
- :mod:`~corpus_tools.sentiment.summary`: the group summaries and pairwise contrasts behind
  ``summarize_groups``, ``compare_groups`` and ``summarize_actors``, in one pass on integer codes
  (the tables of :func:`corpus_tools.stats.summarize_by` and :func:`corpus_tools.stats.compare_groups`).
- :mod:`~corpus_tools.sentiment.drivers`: ``count_drivers``, ``compare_overrides``.
- :mod:`~corpus_tools.sentiment.targets`: ``score_targets``, the tone toward one mention, by the
  rules of :mod:`~corpus_tools.sentiment.roles` (who did what to whom, without a parser).
- :mod:`~corpus_tools.sentiment.actors`: ``score_actor_sentences`` (each actor's tone by
  ``score_targets``), ``summarize_actors``, ``select_examples``.

Figures are drawn by :mod:`corpus_tools.report.sentiment`. Every function with ``by=`` groups
through :func:`corpus_tools.groups.attach_groups`: a document without a value in the grouping
column is counted in the group ``"(missing)"``.
"""

from corpus_tools.checks import make_renamed_getattr
from corpus_tools.sentiment import actors, dictionary, drivers, groups, lexicons, roles, scores, summary, targets, vader
from corpus_tools.sentiment.actors import score_actor_sentences, select_examples, summarize_actors
from corpus_tools.sentiment.drivers import compare_overrides, count_drivers
from corpus_tools.sentiment.groups import compare_groups, compare_lexicons, summarize_arcs, summarize_groups
from corpus_tools.sentiment.lexicons import LEXICONS, Lexicon, read_lexicon
from corpus_tools.sentiment.scores import score_documents, score_sentences, score_texts
from corpus_tools.sentiment.targets import score_targets

__all__ = [
    "actors",
    "dictionary",
    "drivers",
    "groups",
    "lexicons",
    "roles",
    "scores",
    "summary",
    "targets",
    "vader",
    "LEXICONS",
    "Lexicon",
    "read_lexicon",
    "score_texts",
    "score_sentences",
    "score_documents",
    "score_targets",
    "summarize_groups",
    "compare_groups",
    "summarize_arcs",
    "compare_lexicons",
    "count_drivers",
    "compare_overrides",
    "score_actor_sentences",
    "summarize_actors",
    "select_examples",
]

# Old names, kept for one release with a DeprecationWarning.
RENAMED = {
    "score_groups": "summarize_groups",
    "score_actors": "summarize_actors",
    "score_arcs": "summarize_arcs",
    "plot_groups": "corpus_tools.report.sentiment:plot_groups",
    "plot_arcs": "corpus_tools.report.sentiment:plot_arcs",
    "plot_actor_heatmap": "corpus_tools.report.sentiment:plot_actor_heatmap",
    "plot_drivers": "corpus_tools.report.sentiment:plot_drivers",
}
__getattr__ = make_renamed_getattr(__name__, RENAMED)
