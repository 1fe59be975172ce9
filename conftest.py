"""Settings for every test, the package's doctests included: no display, a temporary cache, and
figures closed after each test so a long run does not keep hundreds of them open."""

from __future__ import annotations

import os
import tempfile

import pytest

os.environ.setdefault("MPLBACKEND", "Agg")
# The processed-corpus cache of every test run (notebooks included) is a fresh temporary folder,
# never the user's ``~/.cache/corpus-tools``.
os.environ["CORPUS_TOOLS_CACHE"] = tempfile.mkdtemp(prefix="corpus-tools-test-cache-")


@pytest.fixture(autouse=True)
def _close_figures():
    yield
    import matplotlib.pyplot as plt

    plt.close("all")
