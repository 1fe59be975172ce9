"""Effect sizes for two samples: Cohen's d (or Hedges' g) and Cliff's delta.

>>> round(cohens_d([1, 2, 3, 4, 5], [3, 4, 5, 6, 7]), 4), round(cliffs_delta([1, 2, 3], [4, 5, 6]), 4)
(-1.2649, -1.0)
"""

from __future__ import annotations

import numpy as np

from corpus_tools.stats.bootstrap import _as_values

__all__ = ["cliffs_delta", "cohens_d"]

# Established statistic names (Cohen's d, Cliff's delta), kept as is.
_GRAMMAR_EXCEPTIONS = {"cohens_d", "cliffs_delta"}


def cohens_d(a, b, *, hedges: bool = False) -> float:
    """Cohen's d of ``mean(a) - mean(b)`` with the pooled standard deviation.

    Args:
        a, b: the two samples (NaN dropped).
        hedges: apply Hedges' small-sample correction ``J = 1 - 3 / (4 (n_a + n_b) - 9)``,
            giving Hedges' g.

    Returns:
        The effect size; NaN when a sample has fewer than 2 values or both have no spread.

    >>> round(cohens_d([1, 2, 3, 4, 5], [3, 4, 5, 6, 7]), 4)
    -1.2649
    """
    x, y = _as_values(a, name="a"), _as_values(b, name="b")
    n1, n2 = x.size, y.size
    if n1 < 2 or n2 < 2:
        return float("nan")
    pooled = np.sqrt(((n1 - 1) * x.var(ddof=1) + (n2 - 1) * y.var(ddof=1)) / (n1 + n2 - 2))
    if pooled == 0:
        return float("nan")
    d = (x.mean() - y.mean()) / pooled
    return float(d * (1 - 3 / (4 * (n1 + n2) - 9)) if hedges else d)


def cliffs_delta(a, b) -> float:
    """Cliff's delta: P(a > b) - P(a < b) over all pairs, from -1 to 1 (ties count 0).

    Computed by sorting, so large samples are cheap.

    >>> round(cliffs_delta([1, 2, 3], [2, 2, 4]), 4)  # 2 pairs a > b, 5 pairs a < b, of 9
    -0.3333
    """
    x, y = _as_values(a, name="a"), np.sort(_as_values(b, name="b"))
    below = np.searchsorted(y, x, side="left")  # b values smaller than each a
    above = y.size - np.searchsorted(y, x, side="right")  # b values larger than each a
    return float((below.sum() - above.sum()) / (x.size * y.size))
