"""p-value adjustment for multiple comparisons, by ``statsmodels.stats.multitest.multipletests``.

The option is called ``p_adjust=`` wherever an analysis takes it; its values are
:data:`P_ADJUST_METHODS`.

>>> adjust_p([0.01, 0.04, 0.03, 0.005], method="holm").round(3).tolist()
[0.03, 0.06, 0.06, 0.02]
"""

from __future__ import annotations

import numpy as np
from statsmodels.stats.multitest import multipletests

__all__ = ["P_ADJUST_METHODS", "adjust_p"]

#: Methods :func:`adjust_p` accepts: names of ``statsmodels.stats.multitest.multipletests``, and "none".
P_ADJUST_METHODS = ("bonferroni", "holm", "fdr_bh", "fdr_by", "none")


def adjust_p(pvalues, method: str = "holm") -> np.ndarray:
    """Adjust p-values for multiple comparisons.

    Args:
        pvalues: p-values; NaN stays NaN and is not counted.
        method: ``"bonferroni"``, ``"holm"`` (step-down, controls the family-wise error),
            ``"fdr_bh"`` (Benjamini-Hochberg false discovery rate), ``"fdr_by"``
            (Benjamini-Yekutieli, valid under any dependence) or ``"none"``.

    Returns:
        The adjusted p-values (at most 1), in the order given.

    >>> adjust_p([0.01, 0.04, 0.03, 0.005], method="bonferroni").tolist()
    [0.04, 0.16, 0.12, 0.02]
    """
    if method not in P_ADJUST_METHODS:
        raise ValueError(f"unknown p-value adjustment {method!r}; use one of {', '.join(P_ADJUST_METHODS)}")
    p = np.asarray(pvalues, dtype=float)
    out = np.full(p.shape, np.nan)
    ok = ~np.isnan(p)
    if method == "none" or not ok.any():
        out[ok] = p[ok]
        return out
    out[ok] = multipletests(p[ok], method=method)[1]
    return out
