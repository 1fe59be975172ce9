"""Events: a file of dated events to mark on time plots, and a before/after comparison around one.

An events file is a CSV (``date,label``) or YAML list (``- {date: 2025-03-11, label: Talks}``);
every problem names the file and line. The comparison is article-level: each article is one value
on its side of the event; the difference of means has a bootstrap interval (articles resampled on
each side) and a Mann-Whitney p-value; fewer than 3 articles on a side gives the means only, with
the reason in ``note``.

>>> docs = pd.DataFrame({"doc_id": list("abcdef"), "date": pd.date_range("2025-03-01", periods=6, freq="D")})
>>> values = pd.DataFrame({"doc_id": list("abcdef"), "tone": [0.0, 0.1, 0.0, 0.5, 0.6, 0.7]})
>>> row = compare_before_after(values, docs, value="tone", event="2025-03-04", n_boot=200).iloc[0]
>>> int(row["before_articles"]), int(row["after_articles"]), round(float(row["difference"]), 2)
(3, 3, 0.57)
"""

from __future__ import annotations

from pathlib import Path

import numpy as np
import pandas as pd
from scipy import stats as sps

from corpus_tools.checks import require_columns
from corpus_tools.trends.periods import _group_dated, label_periods
from corpus_tools.trends.series import MIN_ARTICLES

__all__ = ["read_events", "compare_before_after"]


def _event_rows(path: Path) -> list[tuple[int, object, object]]:
    if path.suffix.lower() in {".yml", ".yaml"}:
        import yaml

        data = yaml.safe_load(path.read_text(encoding="utf-8")) or []
        if not isinstance(data, list) or not all(isinstance(d, dict) for d in data):
            raise ValueError(f"{path}: an events file in YAML is a list of '- {{date: ..., label: ...}}' entries")
        return [(i + 1, d.get("date"), d.get("label")) for i, d in enumerate(data)]
    frame = pd.read_csv(path, dtype=str, keep_default_na=False)
    missing = {"date", "label"} - set(frame.columns)
    if missing:
        raise ValueError(f"{path}: an events table needs the columns date,label; missing {sorted(missing)}")
    return [(i + 2, d, lab) for i, (d, lab) in enumerate(zip(frame["date"], frame["label"]))]


def read_events(path: str | Path) -> pd.DataFrame:
    """Read an events file (CSV ``date,label`` or YAML list) into ``date, label``, sorted by date.

    Raises:
        FileNotFoundError: no such file; ValueError: a row without a readable date or a label,
        naming the file and line.
    """
    path = Path(path)
    if not path.is_file():
        raise FileNotFoundError(f"events file {path} not found; give a CSV with columns date,label")
    rows = []
    for line, day, label in _event_rows(path):
        when = pd.to_datetime(str(day), errors="coerce", utc=True) if day not in (None, "") else pd.NaT
        if pd.isna(when):
            raise ValueError(f"{path}, line {line}: {day!r} is not a date; write dates as YYYY-MM-DD")
        if label is None or not str(label).strip():
            raise ValueError(f"{path}, line {line}: the event on {day} has no label")
        rows.append((when.tz_localize(None), str(label).strip()))
    return pd.DataFrame(rows, columns=["date", "label"]).sort_values("date", ignore_index=True)


def _boot_difference(before: np.ndarray, after: np.ndarray, n_boot: int, ci: float, seed: int) -> tuple:
    rng = np.random.default_rng(seed)
    b = rng.choice(before, size=(n_boot, len(before))).mean(axis=1)
    a = rng.choice(after, size=(n_boot, len(after))).mean(axis=1)
    tail = (1 - ci) / 2 * 100
    low, high = np.percentile(a - b, [tail, 100 - tail])
    return float(low), float(high)


def compare_before_after(
    values: pd.DataFrame,
    documents: pd.DataFrame,
    *,
    value: str,
    event,
    window_days: int | None = None,
    by: str | None = None,
    category: str | None = None,
    n_boot: int = 2000,
    ci: float = 0.95,
    seed: int = 0,
    date: str = "date",
) -> pd.DataFrame:
    """Article-level comparison of ``value`` before and after an event, per group (and category).

    Articles dated on or after the event's day are "after". ``window_days`` limits both sides to
    that many days around the event.

    Returns:
        ``group, [category,] before_articles, after_articles, before_mean, after_mean, difference,
        low, high, p, note`` (``difference`` = after - before; ``p`` from a two-sided Mann-Whitney).
    """
    require_columns(values, ["doc_id", value] + ([category] if category else []), table="values")
    when = pd.Timestamp(event)
    dated = label_periods(documents, period="day", date=date)
    if window_days is not None:
        dated = dated[(dated[date] - when).abs() <= pd.Timedelta(days=window_days)]
    dated = _group_dated(dated, by)
    keep = ["doc_id", value] + ([category] if category else [])
    table = values[keep].merge(dated[["doc_id", date, "group"]], on="doc_id").dropna(subset=[value])
    keys = ["group"] + ([category] if category else [])
    rows = []
    for key, part in table.groupby(keys, sort=True):
        key = key if isinstance(key, tuple) else (key,)
        before = part.loc[part[date] < when, value].to_numpy(dtype=float)
        after = part.loc[part[date] >= when, value].to_numpy(dtype=float)
        row = dict(zip(keys, key), before_articles=len(before), after_articles=len(after))
        row["before_mean"] = before.mean() if len(before) else np.nan
        row["after_mean"] = after.mean() if len(after) else np.nan
        row["difference"] = row["after_mean"] - row["before_mean"]
        row["low"] = row["high"] = row["p"] = np.nan
        if min(len(before), len(after)) >= MIN_ARTICLES:
            row["low"], row["high"] = _boot_difference(before, after, n_boot, ci, seed)
            row["p"] = float(sps.mannwhitneyu(after, before, alternative="two-sided").pvalue)
            row["note"] = ""
        else:
            row["note"] = f"fewer than {MIN_ARTICLES} articles on a side: means only, no interval or test"
        rows.append(row)
    columns = keys + ["before_articles", "after_articles", "before_mean", "after_mean", "difference"]
    return pd.DataFrame(rows, columns=columns + ["low", "high", "p", "note"])
