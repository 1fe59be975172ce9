"""The duplicates validation on a tiny BBC-shaped archive."""

from __future__ import annotations

import pandas as pd
import pytest

from corpus_tools.validation import duplicates

BODY = " ".join(f"The council met on day {i} and voted on budget line {i} after a long debate." for i in range(6))


def _archive(tmp_path, rows):
    (tmp_path / "bbc").mkdir()
    frame = pd.DataFrame(rows, columns=["article_id", "category", "title", "text"])
    frame.to_csv(tmp_path / "bbc" / "bbc_news.csv", index=False)
    return tmp_path


@pytest.mark.parametrize(
    ("threshold", "expected"),
    [(1, True), (2, False)],  # one byte-identical copy: enough for 1, not for 2
)
def test_every_byte_identical_copy_must_be_found(tmp_path, monkeypatch, capsys, threshold, expected):
    rows = [
        ("a/1", "a", "Budget", BODY),
        ("a/2", "a", "Budget", BODY),  # byte-identical copy
        ("a/3", "a", "Budget vote", BODY + " Updated."),  # near copy
        ("a/4", "a", "Other", "Something else entirely happened in another town today."),
    ]
    monkeypatch.setattr(duplicates, "BBC_EXACT", threshold)
    assert duplicates.run(_archive(tmp_path, rows)) is expected
    out = capsys.readouterr().out
    assert "byte-identical copies (title and text): 1, found as exact: 1" in out
    assert "exact copies (normalised): 1, near copies (Jaccard >= 0.8): 1" in out


def test_a_missing_archive_is_skipped(tmp_path, capsys):
    assert duplicates.run(tmp_path) is True and "skipped" in capsys.readouterr().out
