"""Fixtures of the runner tests: a two-document corpus folder."""

from __future__ import annotations

import pytest


@pytest.fixture
def corpus(tmp_path):
    folder = tmp_path / "corpus"
    folder.mkdir()
    (folder / "a.txt").write_text("Peace talks resumed. Both sides met.\n", encoding="utf-8")
    (folder / "b.txt").write_text("The force was proposed.\n", encoding="utf-8")
    return folder
