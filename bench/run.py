"""Run the benchmarks in ``bench/``: ``make bench`` or ``python bench/run.py [--only clean] [--quick]``.

Every ``bench/bench_*.py`` module exposes ``cases(quick: bool = False)``, which yields
``Case`` tuples ``(name, baseline, candidate)`` or ``(name, baseline, candidate,
baseline_scale)``: two functions without arguments that do the same job, the baseline the
simple or previous way, the candidate the project's way. Inputs are built inside ``cases``
so they are not timed. When the baseline is too slow to run in full it runs on a sample
and ``baseline_scale`` extrapolates its time (the output marks it with ``~``). A module
with only a ``main()`` (its own timing and printing) is run after the table, as it is.

For each case both functions run in this process, alternately, ``--repeat`` times (default
1; use 3 or more for stable figures); the best time of each is kept, and the ratio
``baseline / candidate`` is printed (above 1: the candidate is faster). A last run of each under
``tracemalloc`` gives its peak memory
(Python allocations only). Timings are for comparison on one machine, never asserted.
"""

from __future__ import annotations

import argparse
import gc
import importlib.util
import sys
import time
import tracemalloc
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import NamedTuple

BENCH_DIR = Path(__file__).resolve().parent


class Case(NamedTuple):
    """One comparison: ``baseline`` and ``candidate`` do the same job."""

    name: str
    baseline: Callable[[], object]
    candidate: Callable[[], object]
    baseline_scale: float = 1.0


class Result(NamedTuple):
    module: str
    name: str
    baseline_s: float
    candidate_s: float
    ratio: float
    baseline_peak_mib: float
    candidate_peak_mib: float
    extrapolated: bool


def discover(only: list[str] | None = None) -> dict[str, Path]:
    """``bench_<name>.py`` files of this folder, by ``<name>``, optionally filtered."""
    found = {p.stem.removeprefix("bench_"): p for p in sorted(BENCH_DIR.glob("bench_*.py"))}
    if only:
        unknown = sorted(set(only) - set(found))
        if unknown:
            raise SystemExit(f"error: no benchmark {', '.join(unknown)}; available: {', '.join(found)}")
        found = {name: path for name, path in found.items() if name in only}
    return found


def load_module(path: Path):
    spec = importlib.util.spec_from_file_location(path.stem, path)
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    if not hasattr(module, "cases") and not hasattr(module, "main"):
        raise SystemExit(f"error: {path} has neither cases(quick=False) nor main(); see bench/run.py for the interface")
    return module


def load_cases(module, *, quick: bool) -> Iterator[Case]:
    for case in module.cases(quick=quick):
        yield Case(*case)


def time_once(fn: Callable[[], object]) -> float:
    gc.collect()
    started = time.perf_counter()
    fn()
    return time.perf_counter() - started


def peak_mib(fn: Callable[[], object]) -> float:
    gc.collect()
    tracemalloc.start()
    try:
        fn()
        return tracemalloc.get_traced_memory()[1] / 2**20
    finally:
        tracemalloc.stop()


def run_case(module: str, case: Case, *, repeat: int, memory: bool) -> Result:
    baseline, candidate = [], []
    for _ in range(repeat):
        baseline.append(time_once(case.baseline) * case.baseline_scale)
        candidate.append(time_once(case.candidate))
    b, c = min(baseline), min(candidate)
    b_mem = peak_mib(case.baseline) if memory else float("nan")
    c_mem = peak_mib(case.candidate) if memory else float("nan")
    return Result(module, case.name, b, c, b / c if c else float("inf"), b_mem, c_mem, case.baseline_scale != 1.0)


def format_result(r: Result) -> str:
    mark = "~" if r.extrapolated else " "
    return (
        f"{r.module:<13} {r.name:<52} {mark}{r.baseline_s:9.3f} {r.candidate_s:10.3f} {r.ratio:8.2f}x"
        f" {r.baseline_peak_mib:10.1f} {r.candidate_peak_mib:10.1f}"
    )


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description="Time each benchmark case against its baseline, in one process.")
    parser.add_argument("--only", nargs="*", help="benchmark names (bench_<name>.py) to run")
    parser.add_argument("--repeat", type=int, default=1, help="timed runs of each function; the best is kept")
    parser.add_argument("--quick", action="store_true", help="smaller inputs (a smoke run)")
    parser.add_argument("--no-memory", action="store_true", help="skip the tracemalloc run")
    args = parser.parse_args(argv)
    header = (
        f"{'benchmark':<13} {'case':<52} {'baseline s':>10} {'ours s':>10} {'ratio':>9} "
        f"{'base MiB':>10} {'ours MiB':>10}"
    )
    print(header)
    print("-" * len(header))
    legacy = []
    for name, path in discover(args.only).items():
        module = load_module(path)
        if not hasattr(module, "cases"):
            legacy.append((name, module))  # prints its own figures, after the table
            continue
        for case in load_cases(module, quick=args.quick):
            print(format_result(run_case(name, case, repeat=args.repeat, memory=not args.no_memory)), flush=True)
    print("\nratio = baseline time / our time (above 1: ours is faster); ~ = baseline timed on a sample and scaled;")
    print("MiB = peak Python allocations under tracemalloc.")
    for name, module in legacy:
        print(f"\n=== {name}: no cases() yet, its own main() (full size, --quick does not apply) ===", flush=True)
        module.main()
    return 0


if __name__ == "__main__":
    sys.exit(main())
