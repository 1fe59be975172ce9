"""The notebook processes of a run: ``jobs`` notebooks at once, each in its own Python process
(:mod:`corpus_tools.runner.execute` run as a script) with its own kernel, with progress bars,
a time limit past which the process (and so its kernel) is killed, and a status line each.

>>> _status_line("simple", {"status": "ok", "duration_s": 1.25})
'ok      simple (1.2 s)'
"""

from __future__ import annotations

import contextlib
import json
import os
import signal
import subprocess
import sys
import threading
import time
from concurrent.futures import ThreadPoolExecutor
from datetime import UTC, datetime
from pathlib import Path

from corpus_tools.runner import execute
from corpus_tools.runner.execute import PROGRESS_PREFIX
from corpus_tools.runner.plan import Job

__all__ = ["execute_jobs", "KILL_GRACE_S"]

#: Seconds a notebook process gets beyond its time limit (kernel start, HTML export) before it is killed.
KILL_GRACE_S = 60


def _now() -> str:
    return datetime.now(UTC).isoformat(timespec="seconds")


class _Progress:
    """An overall bar and one bar per running notebook (cells done), on a terminal."""

    def __init__(self, total: int, slots: int, enabled: bool):
        from tqdm import tqdm

        self._tqdm = tqdm
        self.enabled = enabled
        self.lock = threading.Lock()
        self.free = list(range(1, slots + 1))
        self.overall = tqdm(total=total, desc="notebooks", unit="nb", position=0, disable=None if enabled else True)

    def open(self, name: str):
        with self.lock:
            slot = self.free.pop(0) if self.free else 1
        return self._tqdm(
            desc=name, unit="cell", position=slot, leave=False, disable=None if self.enabled else True
        ), slot

    def close(self, bar, slot: int, line: str) -> None:
        bar.close()
        with self.lock:
            self.free.append(slot)
            self.free.sort()
            self._tqdm.write(line, file=sys.stderr)
            self.overall.update(1)


def _run_process(
    job: Job, work: Path, *, timeout: float, kernel_name: str, shown_dir: Path, progress: _Progress, running: set
) -> dict:
    """Run one notebook in its own Python process; kill it (and so its kernel) past the limit."""
    work.mkdir(parents=True)
    spec = work.parent / f"{job.name}.spec.json"
    params = {**job.parameters, "output_dir": str(work)}
    spec.write_text(
        json.dumps(
            {
                "notebook": str(job.notebook),
                "out_dir": str(work),
                "parameters": params,
                "timeout": timeout,
                "kernel_name": kernel_name,
                "shown_output_dir": str(shown_dir),
                "header": {
                    "parameters": {k: repr(v) for k, v in job.parameters.items() if k != "output_dir"},
                    "note": job.note,
                },
            }
        )
    )
    bar, slot = progress.open(job.name)
    started, clock = _now(), time.perf_counter()
    # run as a script (-P: its folder not on sys.path), so the process imports papermill, not the package
    proc = subprocess.Popen(
        [sys.executable, "-P", execute.__file__, str(spec)],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
        start_new_session=True,
    )
    running.add(proc)
    timed_out = threading.Event()
    timer = threading.Timer(timeout + KILL_GRACE_S, lambda: (timed_out.set(), _kill(proc)))
    timer.start()
    try:
        for line in proc.stdout:
            if line.startswith(PROGRESS_PREFIX):
                done, total = map(int, line.split()[1:3])
                bar.total = total
                bar.update(done - bar.n)
        stderr = proc.stderr.read()
        proc.wait()
    finally:
        timer.cancel()
        running.discard(proc)
    result_file = work / "result.json"
    if result_file.is_file():
        result = json.loads(result_file.read_text(encoding="utf-8"))
        result_file.unlink()
    else:
        if timed_out.is_set():
            message = f"killed after {timeout + KILL_GRACE_S:g} s (time limit {timeout:g} s)"
        elif proc.returncode == -signal.SIGKILL:
            message = "stopped: the run was interrupted"
        else:
            message = f"process exited {proc.returncode}: {stderr.strip()[-2000:]}"
        result = {
            "status": "timeout" if timed_out.is_set() else "failed",
            "error": {"cell": None, "line": None, "message": message},
            "started": started,
            "ended": _now(),
            "duration_s": round(time.perf_counter() - clock, 2),
        }
    progress.close(bar, slot, _status_line(job.name, result))
    return result


def _kill(proc: subprocess.Popen) -> None:
    """Stop a notebook process (its kernel notices its parent is gone and exits too)."""
    with contextlib.suppress(ProcessLookupError):
        os.killpg(proc.pid, signal.SIGKILL)


def _status_line(name: str, result: dict) -> str:
    if result["status"] == "ok":
        return f"ok      {name} ({result['duration_s']:.1f} s)"
    error = result.get("error") or {}
    where = f"cell In [{error['cell']}]" if error.get("cell") is not None else "notebook"
    line = f", {error['line']}" if error.get("line") else ""
    return f"FAILED  {name}: {where}{line}\n        {error.get('message', result['status'])}"


def execute_jobs(
    todo: list[Job], work: Path, report_dir: Path, *, jobs: int, timeout: float, kernel_name: str, progress: bool
) -> dict[str, dict]:
    """Run ``todo`` notebooks, ``jobs`` at once, each in its own process under ``work/<name>/``.

    Returns:
        ``{name: result}``: status (``ok``, ``failed``, ``timeout``), error, start, end, duration.
        An interrupt stops every notebook still running and starts no more.
    """
    bars = _Progress(len(todo), min(jobs, len(todo)), progress)
    running: set[subprocess.Popen] = set()
    pool = ThreadPoolExecutor(max_workers=max(1, jobs))
    try:
        futures = {
            job.name: pool.submit(
                _run_process,
                job,
                work / job.name,
                timeout=timeout,
                kernel_name=kernel_name,
                shown_dir=report_dir,
                progress=bars,
                running=running,
            )
            for job in todo
        }
        return {name: future.result() for name, future in futures.items()}
    except BaseException:  # interrupted: stop every notebook still running, start no more
        pool.shutdown(wait=False, cancel_futures=True)
        for proc in list(running):
            _kill(proc)
        raise
    finally:
        pool.shutdown(wait=True)
        bars.overall.close()
