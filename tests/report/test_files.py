"""Tables written as CSV up to a spreadsheet's rows, as Parquet beyond; stable bytes."""

import numpy as np
import pandas as pd
import pytest

from corpus_tools.report import files


def _table(n: int) -> pd.DataFrame:
    rng = np.random.default_rng(0)
    return pd.DataFrame(
        {
            "doc_id": [f"d{i % 7}" for i in range(n)],
            "score": rng.normal(size=n),
            "n": np.arange(n),
            "note": [None if i % 3 else "few" for i in range(n)],
        }
    )


@pytest.mark.parametrize(("n", "limit", "suffix"), [(5, 5, ".csv"), (6, 5, ".parquet"), (0, 0, ".csv")])
def test_format_follows_the_row_limit(tmp_path, n, limit, suffix):
    path = files.write_table(_table(n), "scores", tmp_path, max_csv_rows=limit)
    assert path.suffix == suffix
    assert sorted(p.name for p in (tmp_path / "tables").iterdir()) == [path.name]


def test_parquet_keeps_every_value_at_full_precision(tmp_path, capsys):
    table = _table(50)
    path = files.write_table(table, "scores", tmp_path, max_csv_rows=10)
    assert "50 rows" in capsys.readouterr().out
    pd.testing.assert_frame_equal(pd.read_parquet(path), table)


def test_the_other_format_of_an_earlier_run_is_removed(tmp_path):
    files.write_table(_table(20), "scores", tmp_path, max_csv_rows=10)
    path = files.write_table(_table(5), "scores", tmp_path, max_csv_rows=10)
    assert path.suffix == ".csv" and not (tmp_path / "tables" / "scores.parquet").exists()
    files.write_table(_table(20), "scores", tmp_path, max_csv_rows=10)
    assert not (tmp_path / "tables" / "scores.csv").exists()


def test_mixed_text_column_is_written_as_text(tmp_path):
    table = pd.DataFrame({"group": ["a", 3, None, 2.5], "n": [1, 2, 3, 4]})
    back = pd.read_parquet(files.write_table(table, "mixed", tmp_path, max_csv_rows=1))
    assert back["group"].isna().tolist() == [False, False, True, False]
    assert back["group"].dropna().tolist() == ["a", "3", "2.5"]
    assert back["n"].tolist() == [1, 2, 3, 4]


def test_same_table_same_bytes(tmp_path):
    first = files.write_table(_table(30), "scores", tmp_path / "a", max_csv_rows=10).read_bytes()
    assert files.write_table(_table(30), "scores", tmp_path / "b", max_csv_rows=10).read_bytes() == first
    csv = files.write_table(_table(3), "scores", tmp_path / "c").read_text(encoding="utf-8")
    assert csv.splitlines()[0] == "doc_id,score,n,note"
