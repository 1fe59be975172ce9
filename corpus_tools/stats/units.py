"""The sampled unit of every group statistic: articles by default, sentences as a description.

Sentences of one article share its author, topic and style, so they are not independent draws:
an interval that resamples sentences, or a test that counts them as observations, is too
narrow and too confident (the more sentences per article, the worse). Every analysis that
compares groups (sentiment groups and contrasts, frame shares and differences, keyword rates)
therefore takes ``unit=``:

- ``"article"`` (default): intervals resample whole articles within each group (a cluster
  bootstrap; the sentences stay with their article) and tests compare one value per article;
  a group with fewer than :data:`~corpus_tools.stats.bootstrap.MIN_CLUSTERS` articles gets its
  estimate but no interval or test, and a ``note`` saying so.
- ``"sentence"``: sentences resampled as if independent, labelled ``"sentence (descriptive)"``:
  a description of the sentences at hand, not an inference about the articles they come from.

Tables carry the label in a ``unit`` column. The methods page (``docs/methods.md``) explains both.

>>> resolve_unit("article"), resolve_unit("sentence")
(('doc_id', 'article'), (None, 'sentence (descriptive)'))
"""

from __future__ import annotations

import warnings

__all__ = ["ARTICLE_UNIT", "SENTENCE_UNIT", "UNITS", "resolve_unit"]

#: The ``unit`` label of article-level statistics (the default).
ARTICLE_UNIT = "article"
#: The ``unit`` label of statistics that treat sentences as independent: descriptions only.
SENTENCE_UNIT = "sentence (descriptive)"
#: ``unit=`` values: the cluster column resampled and the label written in the ``unit`` column.
UNITS: dict[str, tuple[str | None, str]] = {"article": ("doc_id", ARTICLE_UNIT), "sentence": (None, SENTENCE_UNIT)}

#: Default of the deprecated ``cluster=`` keyword: tells "not given" from ``cluster=None``.
CLUSTER_UNSET = object()


def resolve_unit(unit: str = "article", *, cluster=CLUSTER_UNSET, caller: str = "") -> tuple[str | None, str]:
    """The cluster column and the ``unit`` label of a ``unit=`` option.

    Args:
        unit: ``"article"`` or ``"sentence"``.
        cluster: the old keyword (``"doc_id"`` = ``unit="article"``, None = ``unit="sentence"``);
            when given it wins, with a ``DeprecationWarning``.
        caller: the function name, for the messages.

    Returns:
        ``(cluster, label)``: ``("doc_id", "article")`` or ``(None, "sentence (descriptive)")``.

    Raises:
        ValueError: an unknown unit, with the accepted ones.

    >>> resolve_unit("sentences")
    Traceback (most recent call last):
    ...
    ValueError: unit='sentences' is not known; use unit="article" (the default) or unit="sentence"
    """
    if cluster is not CLUSTER_UNSET:
        warnings.warn(
            f"{caller or 'this function'}(cluster=...) is replaced by unit= ('article' resamples documents, the "
            "default; 'sentence' resamples sentences); cluster= goes in the next release",
            DeprecationWarning,
            stacklevel=3,
        )
        unit = "sentence" if cluster is None else "article"
    if unit not in UNITS:
        raise ValueError(f'unit={unit!r} is not known; use unit="article" (the default) or unit="sentence"')
    return UNITS[unit]
