"""Effect sizes checked against hand-computed values and scipy."""

from __future__ import annotations

import numpy as np
import pytest
from scipy import stats as sps

from corpus_tools.stats import cliffs_delta, cohens_d


@pytest.mark.parametrize(
    ("a", "b", "hedges", "expected"),
    [
        # means 3 and 5, both variances 2.5: d = -2 / sqrt(2.5)
        ([1, 2, 3, 4, 5], [3, 4, 5, 6, 7], False, -2 / np.sqrt(2.5)),
        # Hedges: J = 1 - 3 / (4 * 10 - 9) = 28 / 31
        ([1, 2, 3, 4, 5], [3, 4, 5, 6, 7], True, -2 / np.sqrt(2.5) * 28 / 31),
        # unequal sizes: means 2 and 5, variances 1 (n=3) and 2/3 (n=4); pooled = (2*1 + 3*2/3)/5 = 0.8
        ([1, 2, 3], [4, 5, 5, 6], False, -3 / np.sqrt(0.8)),
        ([1, 1, 1], [1, 1], False, np.nan),
    ],
)
def test_cohens_d_hand_values(a, b, hedges, expected):
    assert cohens_d(a, b, hedges=hedges) == pytest.approx(expected, nan_ok=True)


@pytest.mark.parametrize(
    ("a", "b", "expected"),
    [
        ([1, 2, 3], [4, 5, 6], -1.0),
        ([4, 5, 6], [1, 2, 3], 1.0),
        ([1, 2], [1, 2], 0.0),
        ([1, 2, 3], [2, 2, 4], -3 / 9),
    ],  # a>b: 3>2 twice; a<b: 1<2 twice, 1<4, 2<4, 3<4 -> (2-5)/9
)
def test_cliffs_delta_hand_values(a, b, expected):
    assert cliffs_delta(a, b) == pytest.approx(expected)


def test_cliffs_delta_matches_mann_whitney_u():
    rng = np.random.default_rng(1)
    a, b = rng.integers(0, 6, size=40).astype(float), rng.integers(1, 7, size=55).astype(float)  # many ties
    u = sps.mannwhitneyu(a, b).statistic
    assert cliffs_delta(a, b) == pytest.approx(2 * u / (a.size * b.size) - 1)


@pytest.mark.parametrize("seed", [0, 1, 2])
def test_cliffs_delta_is_the_mean_sign_over_every_pair(seed):
    """The definition, over all n_a x n_b pairs (ties count 0), against the sorted computation."""
    rng = np.random.default_rng(seed)
    a, b = np.round(rng.normal(0, 1, 300), 1), np.round(rng.normal(0.2, 1.3, 240), 1)  # many ties
    assert cliffs_delta(a, b) == pytest.approx(np.sign(a[:, None] - b[None, :]).mean(), abs=1e-12)
