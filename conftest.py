"""Settings for every test, the package's doctests included: no display, and figures closed
after each test so a long run does not keep hundreds of them open."""

from __future__ import annotations

import os

import pytest

os.environ.setdefault("MPLBACKEND", "Agg")


@pytest.fixture(autouse=True)
def _close_figures():
    yield
    import matplotlib.pyplot as plt

    plt.close("all")
