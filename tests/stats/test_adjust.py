"""p-value adjustment checked by hand, against scipy and against statsmodels."""

from __future__ import annotations

import numpy as np
import pytest
from scipy import stats as sps

from corpus_tools.stats import adjust_p

PVALUES = [0.01, 0.04, 0.03, 0.005, 0.2]


@pytest.mark.parametrize(
    ("method", "expected"),
    [
        ("bonferroni", [0.05, 0.2, 0.15, 0.025, 1.0]),
        # sorted 0.005, 0.01, 0.03, 0.04, 0.2 times 5, 4, 3, 2, 1 = .025, .04, .09, .08, .2; running max
        ("holm", [0.04, 0.09, 0.09, 0.025, 0.2]),
        # sorted times 5/rank = .025, .025, .05, .05, .2; running min from the top
        ("fdr_bh", [0.025, 0.05, 0.05, 0.025, 0.2]),
        ("none", PVALUES),
    ],
)
def test_adjust_p_hand_values(method, expected):
    assert adjust_p(PVALUES, method=method) == pytest.approx(expected)


def test_adjust_p_bh_matches_scipy():
    p = np.random.default_rng(3).uniform(0, 0.2, size=25)
    assert adjust_p(p, method="fdr_bh") == pytest.approx(sps.false_discovery_control(p, method="bh"))


def test_adjust_p_keeps_nan_and_rejects_unknown_method():
    assert adjust_p([0.01, np.nan, 0.02], method="bonferroni") == pytest.approx([0.02, np.nan, 0.04], nan_ok=True)
    with pytest.raises(ValueError, match="unknown p-value adjustment 'fdr'"):
        adjust_p([0.1], method="fdr")
