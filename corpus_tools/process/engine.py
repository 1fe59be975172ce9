"""Where per-document work runs: this process, a pool of local processes, or a Dask cluster.

:func:`run_tasks` maps a function over partitions and yields the results in the order of the
partitions, whichever engine runs them, so results never depend on the engine or the number of
jobs. ``jobs`` processes run on this machine (``concurrent.futures``); with ``scheduler`` (a
``dask.distributed`` scheduler's address, or a ``Client``) the partitions are sent to the Dask
cluster. A progress bar (``tqdm``: a terminal, or a notebook with ipywidgets installed) shows the
partitions done and the time left; it stays off when the output is neither (papermill runs, logs).

>>> list(run_tasks(abs, [-1, 2, -3], jobs=1, progress=False))
[1, 2, 3]
"""

from __future__ import annotations

import collections
import ctypes
import ctypes.util
import functools
import gc
import itertools
import multiprocessing
import os
from collections.abc import Callable, Iterable, Iterator
from concurrent.futures import ProcessPoolExecutor

__all__ = ["release_memory", "run_tasks", "resolve_jobs"]


def resolve_jobs(jobs: int | None) -> int:
    """The number of local processes: ``jobs``, or every core the process may use when None or 0.

    >>> resolve_jobs(3), resolve_jobs(None) >= 1
    (3, True)
    """
    if jobs is None or jobs == 0:
        return len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else os.cpu_count() or 1
    if jobs < 0:
        raise ValueError(f"jobs must be a positive number of processes, or 0/None for every core; got {jobs}")
    return int(jobs)


def run_tasks(
    fn: Callable,
    tasks: Iterable,
    *,
    jobs: int | None = 1,
    scheduler=None,
    progress: bool = True,
    desc: str = "",
    total: int | None = None,
) -> Iterator:
    """``fn(task)`` for every task, yielded in the order of ``tasks``.

    Args:
        fn: a module-level function (it is sent to other processes by reference).
        tasks: its arguments, one per partition. A generator is read as workers become free (a
            few tasks ahead of them), so a partition's data need not exist before its turn.
        jobs: local processes (None or 0: every core; 1: this process).
        scheduler: a ``dask.distributed.Client`` or a scheduler address (``"tcp://host:8786"``):
            run on that Dask cluster instead (``jobs`` is then ignored).
        progress: show a progress bar with the time left (when the output is a terminal or a
            notebook); the environment variable ``CORPUS_TOOLS_PROGRESS=0`` turns bars off (report
            runs set it: a report records results, not progress).
        desc: the progress bar's label.
        total: the number of tasks, when ``tasks`` is a generator (else they are listed first).
    """
    if total is None or not isinstance(tasks, Iterator):
        tasks = list(tasks)
        total = len(tasks)
    progress = progress and os.environ.get("CORPUS_TOOLS_PROGRESS", "1") != "0"
    if not total:
        return
    bar = _progress_bar()(total=total, desc=desc, unit="part", disable=None if progress else True, leave=False)
    try:
        for result in _results(fn, iter(tasks), total, resolve_jobs(jobs), scheduler):
            bar.update(1)
            yield result
    finally:
        bar.close()


def release_memory() -> None:
    """Give freed memory back to the system: Python's garbage cycles, the pages Arrow's allocator
    keeps for reuse, and the free pages of the C heap (glibc's ``malloc_trim``; elsewhere
    skipped). Reading a cache or cleaning a corpus frees as much as it keeps; without this the
    process stays that much larger, and workers forked from it share, and may copy, dead pages.

    >>> release_memory()
    """
    gc.collect()
    import pyarrow as pa

    pa.default_memory_pool().release_unused()
    trim = _malloc_trim()
    if trim is not None:
        trim(0)


@functools.cache
def _malloc_trim():
    """glibc's ``malloc_trim``, or None (another C library)."""
    name = ctypes.util.find_library("c")
    try:
        return ctypes.CDLL(name).malloc_trim if name else None
    except (OSError, AttributeError):
        return None


def _progress_bar():
    """``tqdm.auto`` (a widget in a notebook) when ipywidgets is installed, else the text bar, which
    shows on a terminal and stays off elsewhere (papermill runs, logs)."""
    import importlib.util

    if importlib.util.find_spec("ipywidgets") is not None:
        from tqdm.auto import tqdm
    else:
        from tqdm.std import tqdm
    return tqdm


def _results(fn: Callable, tasks: Iterator, total: int, jobs: int, scheduler) -> Iterator:
    if scheduler is not None:
        yield from _dask_results(fn, tasks, scheduler)
    elif jobs == 1 or total <= 1:
        yield from map(fn, tasks)
    else:
        release_memory()  # garbage left now would be frozen with the rest, and freed pages shared
        gc.freeze()  # objects alive now are never collected in the workers: their pages stay shared
        try:
            with ProcessPoolExecutor(max_workers=min(jobs, total), mp_context=_context()) as pool:
                yield from _in_order(pool.submit, fn, tasks, ahead=2 * min(jobs, total))
        finally:
            gc.unfreeze()


def _in_order(submit: Callable, fn: Callable, tasks: Iterator, *, ahead: int) -> Iterator:
    """The results of ``submit(fn, task)`` in the order of ``tasks``, with at most ``ahead`` tasks
    submitted and not yet returned (``Executor.map`` would take every task at once)."""
    pending: collections.deque = collections.deque(submit(fn, task) for task in itertools.islice(tasks, ahead))
    try:
        while pending:
            result = pending.popleft().result()
            pending.extend(submit(fn, task) for task in itertools.islice(tasks, 1))
            yield result
    finally:
        for future in pending:  # an error, or the caller stopped reading: nothing more is run
            future.cancel()


def _context():
    """Worker processes forked from this one. They share its memory until either writes to a
    page; :func:`_results` freezes the garbage collector's view of this process's objects
    first, so a worker's collections do not touch (and copy) the pages of the corpus it holds.
    (A ``forkserver`` or ``spawn`` worker would not inherit the corpus at all, but it imports
    the user's script again, which then must guard its code with ``if __name__ == "__main__"``.)"""
    return multiprocessing.get_context("fork" if "fork" in multiprocessing.get_all_start_methods() else None)


def _dask_results(fn: Callable, tasks: Iterator, scheduler) -> Iterator:
    from distributed import Client  # dask.distributed

    client = scheduler if isinstance(scheduler, Client) else Client(scheduler)
    try:
        threads = max(1, sum(client.nthreads().values()))

        def submit(fn, task):
            return client.submit(fn, task, pure=False)

        yield from _in_order(submit, fn, tasks, ahead=2 * threads)
    finally:
        if client is not scheduler:
            client.close()
