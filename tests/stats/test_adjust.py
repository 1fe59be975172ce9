"""p-value adjustment checked by hand, against scipy and against statsmodels."""

from __future__ import annotations

import numpy as np
import pytest
from scipy import stats as sps
from statsmodels.stats.multitest import multipletests

from corpus_tools.stats import P_ADJUST_METHODS, adjust_p

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


@pytest.mark.parametrize("method", [m for m in P_ADJUST_METHODS if m != "none"])
def test_adjust_p_is_statsmodels_multipletests(method):
    rng = np.random.default_rng(8)
    p = rng.uniform(0, 1, size=40) ** 3  # many small p-values
    p[[3, 17]] = p[5]  # ties
    assert adjust_p(p, method=method) == pytest.approx(multipletests(p, method=method)[1], rel=1e-12)
    with_nan = np.insert(p, [0, 10], np.nan)
    adjusted = adjust_p(with_nan, method=method)
    assert np.isnan(adjusted[[0, 11]]).all()
    assert np.delete(adjusted, [0, 11]) == pytest.approx(multipletests(p, method=method)[1], rel=1e-12)


def test_adjust_p_none_and_empty():
    assert adjust_p([0.3, np.nan], method="none") == pytest.approx([0.3, np.nan], nan_ok=True)
    assert adjust_p([], method="holm").size == 0
    assert np.isnan(adjust_p([np.nan, np.nan], method="fdr_bh")).all()


# a small table: p-values of 6 tests and their Holm and BH adjustments by hand
SMALL = [0.001, 0.008, 0.039, 0.041, 0.042, 0.060]


def _holm_by_hand(p):
    """Step-down: the i-th smallest (i = 0..m-1) times m - i, made non-decreasing, capped at 1."""
    m, order = len(p), np.argsort(p)
    out, running = np.empty(m), 0.0
    for i, k in enumerate(order):
        running = max(running, (m - i) * p[k])
        out[k] = min(running, 1.0)
    return out


def _bh_by_hand(p):
    """Step-up: the i-th smallest (rank r = i + 1) times m / r, made non-increasing from the top, capped at 1."""
    m, order = len(p), np.argsort(p)
    out, running = np.empty(m), 1.0
    for i in range(m - 1, -1, -1):
        k = order[i]
        running = min(running, p[k] * m / (i + 1))
        out[k] = running
    return out


@pytest.mark.parametrize(
    ("method", "by_hand", "expected"),
    [
        # 6 x .001, 5 x .008, 4 x .039, 3 x .041, 2 x .042, 1 x .060 = .006 .040 .156 .123 .084 .060; running max
        ("holm", _holm_by_hand, [0.006, 0.040, 0.156, 0.156, 0.156, 0.156]),
        # x 6/1 .. 6/6 = .006 .024 .078 .0615 .0504 .060; running min from the top
        ("fdr_bh", _bh_by_hand, [0.006, 0.024, 0.0504, 0.0504, 0.0504, 0.060]),
    ],
)
def test_adjust_p_holm_and_bh_by_hand_on_a_small_table(method, by_hand, expected):
    p = np.array(SMALL)
    assert by_hand(p) == pytest.approx(expected)
    assert adjust_p(p, method=method) == pytest.approx(expected)
    shuffled = p[[3, 0, 5, 1, 4, 2]]
    assert adjust_p(shuffled, method=method) == pytest.approx(by_hand(shuffled))
