"""The stage's public names: the old names warn and serve the new functions for one release."""

from __future__ import annotations

import numpy as np
import pandas as pd
import pytest

import corpus_tools.stats as stats


@pytest.mark.parametrize(("old", "new"), [("bootstrap_groups", "summarize_groups"), ("p_adjust", "adjust_p")])
def test_old_names_warn_and_return_the_new_function(old, new):
    with pytest.warns(DeprecationWarning, match=rf"corpus_tools.stats.{old} is renamed corpus_tools.stats.{new}"):
        function = getattr(stats, old)
    assert function is getattr(stats, new)


def test_old_import_still_works():
    with pytest.warns(DeprecationWarning):
        from corpus_tools.stats import bootstrap_groups
    frame = pd.DataFrame({"x": [1.0, 2.0, 3.0]})
    # by=None pools every row, as the old default did
    assert bootstrap_groups(frame, value="x", by=None, n_boot=50)[["group", "n"]].values.tolist() == [["all", 3]]


def test_compare_groups_old_adjust_keyword_warns_and_is_p_adjust():
    frame = pd.DataFrame({"g": list("aaabbbccc"), "x": np.arange(9.0) % 4})
    with pytest.warns(DeprecationWarning, match=r"compare_groups\(adjust=\) is renamed p_adjust="):
        old = stats.compare_groups(frame, value="x", by="g", n_boot=100, adjust="bonferroni")
    pd.testing.assert_frame_equal(
        old, stats.compare_groups(frame, value="x", by="g", n_boot=100, p_adjust="bonferroni")
    )


def test_public_names():
    assert set(stats.__all__) >= {"bootstrap_ci", "summarize_groups", "summarize_by", "compare_groups", "adjust_p"}
    assert "none" in stats.P_ADJUST_METHODS and "fdr_bh" in stats.P_ADJUST_METHODS
