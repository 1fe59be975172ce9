"""One process, several processes and a Dask cluster give the same processed corpus."""

from __future__ import annotations

import warnings

import distributed
import pandas as pd
import pytest

from corpus_tools.process import build_processed
from corpus_tools.process.engine import resolve_jobs, run_tasks

STAGES = {"lexicons": ["vader", "afinn"], "dictionary": "generic", "count_options": {"min_length": 2}}


def _square(x):
    return x * x


@pytest.mark.parametrize("jobs", [1, 2])
def test_run_tasks_keeps_the_order_of_the_tasks(jobs):
    assert list(run_tasks(_square, range(7), jobs=jobs, progress=False)) == [x * x for x in range(7)]


@pytest.mark.parametrize("jobs", [1, 2])
def test_run_tasks_reads_a_generator_as_workers_take_its_tasks(jobs):
    made = []

    def tasks():
        for x in range(20):
            made.append(x)
            yield x

    results = run_tasks(_square, tasks(), jobs=jobs, progress=False, total=20)
    assert next(results) == 0 and len(made) <= 2 * jobs + 1  # a few ahead of the workers, not all 20
    assert list(results) == [x * x for x in range(1, 20)] and len(made) == 20


def _fail_on_three(x):
    if x == 3:
        raise ValueError("three")
    return x


def test_an_error_in_a_task_reaches_the_caller_and_stops_the_rest():
    made = []

    def tasks():
        for x in range(50):
            made.append(x)
            yield x

    with pytest.raises(ValueError, match="three"):
        list(run_tasks(_fail_on_three, tasks(), jobs=2, progress=False, total=50))
    assert len(made) < 10


@pytest.mark.parametrize(("jobs", "expected"), [(3, 3), (1, 1)])
def test_resolve_jobs(jobs, expected):
    assert resolve_jobs(jobs) == expected


def test_resolve_jobs_refuses_a_negative_number():
    with pytest.raises(ValueError, match="positive number of processes"):
        resolve_jobs(-2)


def _results(corpus, meta, cache, **engine):
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        processed = build_processed(
            corpus, metadata=meta, cache_dir=cache, progress=False, partition_size=2, **STAGES, **engine
        )
        counts = processed.count_terms(by="outlet", **STAGES["count_options"])
        return {
            "documents": processed.all_documents,
            "audit": processed.audit,
            "sentences": processed.sentences,
            "scores": processed.score_sentences(lexicons=STAGES["lexicons"]),
            "frames": processed.match_frames(dictionary="generic"),
            "counts": pd.DataFrame.sparse.from_spmatrix(counts.matrix, index=counts.doc_ids, columns=counts.terms),
        }, processed.built


def _assert_same(got, expected):
    for name, frame in expected.items():
        pd.testing.assert_frame_equal(got[name], frame, obj=name)


def test_two_processes_give_the_results_of_one(tmp_path, fixture_corpus):
    corpus, meta = fixture_corpus
    one, built_one = _results(corpus, meta, tmp_path / "one", jobs=1)
    two, built_two = _results(corpus, meta, tmp_path / "two", jobs=2)
    assert built_one == built_two and built_two["clean"] == 9  # everything processed, in 5 partitions of 2
    _assert_same(two, one)


def test_a_dask_local_cluster_gives_the_results_of_one_process(tmp_path, fixture_corpus):
    corpus, meta = fixture_corpus
    one, _ = _results(corpus, meta, tmp_path / "one", jobs=1)
    with (
        distributed.LocalCluster(n_workers=2, threads_per_worker=1, processes=False, dashboard_address=None) as cluster,
        distributed.Client(cluster) as client,
    ):
        on_dask, built = _results(corpus, meta, tmp_path / "dask", scheduler=client)
        assert built["clean"] == 9 and len(client.scheduler_info()["workers"]) == 2
        by_address, again = _results(corpus, meta, tmp_path / "address", scheduler=cluster.scheduler_address)
    _assert_same(on_dask, one)
    _assert_same(by_address, one)


def test_report_runs_turn_progress_bars_off(monkeypatch, capsys):
    from corpus_tools.process import engine
    from corpus_tools.runner.execute import KERNEL_ENVIRONMENT

    made = []

    class Bar:
        def __init__(self, **options):
            made.append(options)

        def update(self, n):
            pass

        def close(self):
            pass

    monkeypatch.setattr(engine, "_progress_bar", lambda: Bar)
    monkeypatch.setenv("CORPUS_TOOLS_PROGRESS", KERNEL_ENVIRONMENT["CORPUS_TOOLS_PROGRESS"])
    assert list(engine.run_tasks(abs, [-1, -2], jobs=1, progress=True)) == [1, 2]
    monkeypatch.delenv("CORPUS_TOOLS_PROGRESS")
    assert list(engine.run_tasks(abs, [-3], jobs=1, progress=True)) == [3]
    assert [m["disable"] for m in made] == [True, None]  # off in a report run; on (when shown) otherwise


@pytest.mark.parametrize("setting, shown", [(None, True), ("0", False)])
def test_a_notebook_shows_a_progress_widget_with_the_time_left(monkeypatch, setting, shown):
    import nbformat
    from nbclient import NotebookClient

    from corpus_tools.runner.execute import KERNEL_NAME

    if setting is None:
        monkeypatch.delenv("CORPUS_TOOLS_PROGRESS", raising=False)
    else:
        monkeypatch.setenv("CORPUS_TOOLS_PROGRESS", setting)
    code = "from corpus_tools.process.engine import run_tasks\nlist(run_tasks(abs, [-1, -2], jobs=1, desc='demo'))"
    notebook = nbformat.v4.new_notebook(cells=[nbformat.v4.new_code_cell(code)])
    NotebookClient(notebook, kernel_name=KERNEL_NAME, timeout=120).execute()
    widgets = [
        out["data"]["text/plain"]
        for out in notebook.cells[0].outputs
        if "application/vnd.jupyter.widget-view+json" in out.get("data", {})
    ]
    assert bool(widgets) == shown
    if shown:
        assert widgets[0].startswith("demo:") and "<?" in widgets[0]  # label, then "elapsed<left" (unknown at 0)
