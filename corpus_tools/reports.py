"""Regenerate a study's reports, safely, incrementally and in parallel: ``corpus-tools report``.

A run writes ``<out>/<study>/``: per notebook ``<name>.ipynb`` (executed) and ``<name>.html``,
the ``tables/`` and ``figures/`` the notebooks write, ``index.html`` and ``manifest.json``.

- Incremental: a notebook whose notebook file, parameters, input files and package (version
  and source) are unchanged since its last good run is not re-run; its outputs are reused.
- Parallel: ``jobs`` notebooks at once, each in its own process with its own kernel.
- Atomic: the new report is assembled in a hidden folder beside the old one and swapped in
  with two renames; a failing notebook keeps its last good outputs and leaves
  ``<name>.failed.ipynb`` beside them; a killed run leaves the old report in place and the
  next run removes (or restores) what it left behind.

>>> from corpus_tools.study import read_study
>>> from corpus_tools.config import PROJECT_DIR
>>> result = run_study(read_study(PROJECT_DIR / "studies" / "seeds.yml"), out=PROJECT_DIR / "reports")  # doctest: +SKIP
>>> result.ok  # doctest: +SKIP
True
"""

from __future__ import annotations

import contextlib
import fcntl
import json
import os
import shutil
import signal
import subprocess
import sys
import tempfile
import threading
import time
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass, field
from datetime import UTC, datetime
from pathlib import Path

from corpus_tools import execute, provenance
from corpus_tools.config import NOTEBOOKS_DIR, REPORTS_DIR
from corpus_tools.execute import KERNEL_NAME, PROGRESS_PREFIX
from corpus_tools.report_index import write_index
from corpus_tools.study import Study, StudyError, list_notebooks, read_parameters, resolve_parameters, select_notebooks

__all__ = ["run_study", "RunResult", "read_manifest", "MANIFEST", "KILL_GRACE_S"]

MANIFEST = "manifest.json"
#: Seconds a notebook process gets beyond its time limit (kernel start, HTML export) before it is killed.
KILL_GRACE_S = 60
#: Parameters that depend on where a run happens, not on what it computes (their content is hashed).
_LOCATION_PARAMETERS = ("corpus", "metadata", "output_dir")


@dataclass
class Job:
    """One notebook to run or reuse."""

    name: str
    notebook: Path
    parameters: dict
    notebook_sha256: str
    key: str
    declared: dict  # the notebook's parameters cell: {name: {type, default, help}}


@dataclass
class RunResult:
    """What a run did: notebooks run, reused and failed, and the manifest written."""

    report_dir: Path
    ran: list[str] = field(default_factory=list)
    reused: list[str] = field(default_factory=list)
    failed: list[str] = field(default_factory=list)
    manifest: dict = field(default_factory=dict)

    @property
    def ok(self) -> bool:
        return not self.failed


def _now() -> str:
    return datetime.now(UTC).isoformat(timespec="seconds")


def read_manifest(report_dir: str | Path) -> dict:
    """The manifest of a report folder, or ``{}`` when there is none (or it is unreadable)."""
    try:
        return json.loads((Path(report_dir) / MANIFEST).read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return {}


def _parameter_files(params: dict, notebook_dir: Path) -> dict[str, str]:
    """Fingerprints of the files and folders that string parameters name (a dictionary, a
    reference list...), relative paths taken from the notebook's folder as the notebook does."""
    found = {}
    for key, value in params.items():
        values = value if isinstance(value, list) else [value]
        for item in values:
            if key in _LOCATION_PARAMETERS or not isinstance(item, str) or not item.strip():
                continue
            path = Path(item).expanduser()
            path = path if path.is_absolute() else notebook_dir / path
            if path.exists():
                found[f"{key}: {item}"] = provenance.fingerprint_files(path)[1]
    return found


def _plan(
    selected: dict[str, Path], declared: dict[str, dict], parameters: dict[str, dict], corpus: dict, package: dict
) -> list[Job]:
    jobs = []
    for name, path in selected.items():
        digest = provenance.hash_file(path)
        params = parameters[name]
        keyed = {k: v for k, v in params.items() if k not in _LOCATION_PARAMETERS}
        files = _parameter_files({**_defaults(declared[name]), **params}, path.parent)
        key = provenance.cache_key(
            notebook_sha256=digest,
            parameters={**keyed, "files named by parameters": files},
            corpus_fingerprint=corpus["fingerprint"],
            package=f"{package['version']} {package['source_sha256']}",
        )
        jobs.append(Job(name, path, params, digest, key, declared[name]))
    return jobs


def _defaults(declared: dict) -> dict:
    """The notebook's default values that are plain string literals (e.g. ``"../data/x.yml"``)."""
    return {
        k: p["default"][1:-1]
        for k, p in declared.items()
        if p["type"] == "str" and p["default"][:1] in "\"'" and len(p["default"]) > 1
    }


def _declared_before(manifest: dict, selected: dict[str, Path]) -> dict[str, dict]:
    """Parameters read from the same notebook file by an earlier run (reading them again takes seconds)."""
    entries = manifest.get("notebooks", {})
    return {
        name: entries[name]["declared_parameters"]
        for name, path in selected.items()
        if entries.get(name, {}).get("declared_parameters")
        and entries[name].get("notebook_sha256") == provenance.hash_file(path)
    }


def _reusable(entry: dict | None, job: Job, report_dir: Path) -> bool:
    """A previous good run with the same key whose outputs are all still there, unchanged."""
    if not entry or entry.get("status") != "ok" or entry.get("cache_key") != job.key:
        return False
    outputs = entry.get("outputs") or {}
    return bool(outputs) and all(
        (report_dir / rel).is_file() and provenance.hash_file(report_dir / rel) == digest
        for rel, digest in outputs.items()
    )


@contextlib.contextmanager
def _study_lock(out: Path, name: str):
    out.mkdir(parents=True, exist_ok=True)
    with open(out / f".{name}.lock", "w") as handle:
        try:
            fcntl.flock(handle, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except BlockingIOError as exc:
            raise StudyError(
                f"another report run of study {name!r} is in progress (lock {out / f'.{name}.lock'})"
            ) from exc
        yield


def _recover(out: Path, name: str) -> None:
    """Clean up after a killed run: drop half-built folders, restore a report caught mid-swap."""
    report_dir = out / name
    for stale in sorted(out.glob(f".{name}.tmp-*")):
        shutil.rmtree(stale, ignore_errors=True)
    for old in sorted(out.glob(f".{name}.old-*")):
        if not report_dir.exists():
            old.rename(report_dir)
            print(f"restored {report_dir} from an interrupted run", file=sys.stderr)
        else:
            shutil.rmtree(old, ignore_errors=True)


def _swap(staging: Path, report_dir: Path) -> None:
    old = report_dir.with_name(f".{report_dir.name}.old-{os.getpid()}")
    if report_dir.exists():
        report_dir.rename(old)
    staging.rename(report_dir)
    shutil.rmtree(old, ignore_errors=True)


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


def _execute_all(
    todo: list[Job], work: Path, report_dir: Path, *, jobs: int, timeout: float, kernel_name: str, progress: bool
) -> dict[str, dict]:
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


def _copy_outputs(entry: dict, source: Path, staging: Path) -> dict:
    """Copy a previous run's outputs of one notebook into the new report; return those copied."""
    copied = {}
    for rel, digest in (entry.get("outputs") or {}).items():
        if (source / rel).is_file():
            (staging / rel).parent.mkdir(parents=True, exist_ok=True)
            shutil.copy2(source / rel, staging / rel)
            copied[rel] = digest
    return copied


def _adopt_outputs(work: Path, staging: Path, taken: dict[str, str], name: str) -> dict:
    """Move a successful notebook's files into the report; raise if another notebook wrote the same file."""
    files = sorted(p for p in work.rglob("*") if p.is_file())
    rels = [p.relative_to(work).as_posix() for p in files]
    clashes = [f"{rel} (also written by {taken[rel]})" for rel in rels if rel in taken]
    if clashes:
        raise StudyError(f"{name} writes {', '.join(clashes)}; give each notebook's files its own prefix")
    outputs = {}
    for path, rel in zip(files, rels):
        (staging / rel).parent.mkdir(parents=True, exist_ok=True)
        outputs[rel] = provenance.hash_file(path)
        path.rename(staging / rel)
        taken[rel] = name
    return outputs


def _assemble(
    staging: Path, report_dir: Path, previous: dict, jobs: list[Job], carried: list[str], results: dict[str, dict]
) -> dict[str, dict]:
    """Build the new report folder's notebook entries: new, reused, failed (last good kept), carried over."""
    before = previous.get("notebooks", {})
    entries, taken = {}, {}
    for name in carried:
        entries[name] = {**before[name], "outputs": _copy_outputs(before[name], report_dir, staging)}
        taken.update(dict.fromkeys(entries[name]["outputs"], name))
    for job in jobs:
        result = results.get(job.name)
        base = {
            "notebook": job.notebook.name,
            "notebook_sha256": job.notebook_sha256,
            "parameters": job.parameters,
            "declared_parameters": job.declared,
            "cache_key": job.key,
        }
        if result is None:  # reused
            entries[job.name] = {
                **before[job.name],
                "reused": True,
                "outputs": _copy_outputs(before[job.name], report_dir, staging),
            }
        elif result["status"] == "ok":
            try:
                outputs = _adopt_outputs(staging / ".work" / job.name, staging, taken, job.name)
                entries[job.name] = {**base, **result, "reused": False, "outputs": outputs}
            except StudyError as exc:
                result = {**result, "status": "failed", "error": {"cell": None, "line": None, "message": str(exc)}}
                results[job.name] = result
        if result is not None and result["status"] != "ok":
            entries[job.name] = _failed_entry(job, base, result, before.get(job.name), staging, report_dir)
        taken.update(dict.fromkeys(entries[job.name]["outputs"], job.name))
    shutil.rmtree(staging / ".work", ignore_errors=True)
    return dict(sorted(entries.items()))


def _failed_entry(job: Job, base: dict, result: dict, last: dict | None, staging: Path, report_dir: Path) -> dict:
    """Keep the last good outputs of a failed notebook and put the failed notebook beside them."""
    failed_nb = staging / ".work" / job.name / job.notebook.name
    if failed_nb.is_file():
        failed_nb.rename(staging / f"{job.name}.failed.ipynb")
    good = last if last and last.get("status") == "ok" else (last or {}).get("last_good")
    kept = _copy_outputs(good, report_dir, staging) if good else {}
    last_good = {k: good[k] for k in ("started", "ended", "cache_key", "parameters") if k in good} if good else None
    return {
        **base,
        **result,
        "reused": False,
        "outputs": kept,
        "last_good": last_good and {**last_good, "outputs": kept},
        "failed_notebook": f"{job.name}.failed.ipynb" if (staging / f"{job.name}.failed.ipynb").is_file() else None,
    }


def _manifest(study: Study, corpus: dict, package: dict, entries: dict, started: str, clock: float) -> dict:
    return {
        "study": {
            "name": study.name,
            "description": study.description,
            "file": str(study.source) if study.source else None,
            "file_sha256": provenance.hash_file(study.source) if study.source else None,
            "group_by": study.group_by,
        },
        "corpus": corpus,
        "package": package,
        "environment": provenance.record_environment(),
        "git": provenance.record_git(),
        "run": {
            "started": started,
            "ended": _now(),
            "duration_s": round(time.perf_counter() - clock, 2),
            "status": "ok" if all(e["status"] == "ok" for e in entries.values()) else "failed",
        },
        "notebooks": entries,
    }


def _input_paths(study: Study, params: dict, notebooks_dir: Path) -> tuple[Path, Path | None]:
    """The corpus and metadata a notebook will read (its parameters win; relative to ``notebooks_dir``)."""
    paths = []
    for key, fallback in (("corpus", study.corpus), ("metadata", study.metadata)):
        value = params.get(key, fallback)
        paths.append(
            notebooks_dir / value if value and not Path(value).is_absolute() else (Path(value) if value else None)
        )
    return paths[0] or study.corpus, paths[1]


def _check_inputs(study: Study, parameters: dict[str, dict], notebooks_dir: Path) -> None:
    """An unreadable corpus or metadata table, or a ``group_by`` naming none of their columns,
    is an error before anything runs (not one failure per notebook)."""
    from corpus_tools.io import CorpusInputError, read_corpus_columns

    known: dict[tuple, list[str]] = {}
    for name, params in parameters.items():
        corpus, metadata = _input_paths(study, params, Path(notebooks_dir))
        if (corpus, metadata) not in known:
            try:
                known[(corpus, metadata)] = read_corpus_columns(corpus, metadata=metadata)
            except CorpusInputError as exc:  # reported like any other bad input of the study, before anything runs
                raise StudyError(str(exc)) from exc
        columns = known[(corpus, metadata)]
        group_by = params.get("group_by")
        if group_by and str(group_by) not in columns:
            where = f"{study.source}: " if study.source else ""
            raise StudyError(
                f"{where}group_by {group_by!r} is not a column of the corpus {corpus} or of its metadata "
                f"({metadata or 'none given'}) that notebook {name} reads; columns: {', '.join(columns)}. "
                "Set group_by to one of them, or add the column to the metadata table (keyed by doc_id)"
            )


def run_study(
    study: Study,
    *,
    notebooks_dir: str | Path = NOTEBOOKS_DIR,
    only: list[str] | None = None,
    overrides: list[str] = (),
    out: str | Path = REPORTS_DIR,
    jobs: int = 1,
    force: bool = False,
    timeout: float = 1800,
    kernel_name: str = KERNEL_NAME,
    progress: bool = True,
) -> RunResult:
    """Run a study's notebooks into ``<out>/<study.name>/`` (see the module docstring).

    Args:
        study: what to run (:func:`corpus_tools.study.read_study`).
        notebooks_dir: where the notebooks are.
        only: run only these notebooks (the others' reports are kept as they are).
        overrides: ``NAME=VALUE`` or ``NOTEBOOK.NAME=VALUE`` parameters, parsed by type.
        out: the reports folder.
        jobs: notebooks run at once.
        force: re-run notebooks whose inputs are unchanged.
        timeout: seconds each notebook may run.
        kernel_name: the Jupyter kernel.
        progress: show progress bars (on a terminal).

    Raises:
        StudyError: a bad selection or parameter (before anything runs), or a concurrent run.
    """
    started, clock = _now(), time.perf_counter()
    out = Path(out).resolve()
    available = list_notebooks(notebooks_dir)
    study_notebooks = select_notebooks(study, available)
    selected = select_notebooks(study, available, only)
    if not selected:
        raise StudyError(f"no notebooks to run (notebooks folder {notebooks_dir})")
    report_dir = out / study.name
    known = _declared_before(read_manifest(report_dir), selected)
    declared = {name: known.get(name) or read_parameters(path) for name, path in selected.items()}
    parameters = resolve_parameters(study, selected, list(overrides), declared=declared)
    corpus = provenance.fingerprint_corpus(study.corpus, study.metadata)
    _check_inputs(study, parameters, Path(notebooks_dir))
    package = provenance.record_package()
    plan = _plan(selected, declared, parameters, corpus, package)
    with _study_lock(out, study.name):
        _recover(out, study.name)
        previous = read_manifest(report_dir)
        before = previous.get("notebooks", {})
        todo = [job for job in plan if force or not _reusable(before.get(job.name), job, report_dir)]
        carried = [n for n in before if n in study_notebooks and n not in selected]
        result = RunResult(report_dir, ran=[j.name for j in todo], reused=[j.name for j in plan if j not in todo])
        if not todo and set(before) == set(carried) | set(selected):
            result.manifest = previous
            print(f"{study.name}: {len(plan)} notebook(s) up to date in {report_dir}", file=sys.stderr)
            return result
        staging = Path(tempfile.mkdtemp(prefix=f".{study.name}.tmp-", dir=out))
        staging.chmod(0o755)
        try:
            results = _execute_all(
                todo,
                staging / ".work",
                report_dir,
                jobs=jobs,
                timeout=timeout,
                kernel_name=kernel_name,
                progress=progress,
            )
            entries = _assemble(staging, report_dir, previous, plan, carried, results)
            result.failed = [job.name for job in plan if entries[job.name]["status"] != "ok"]
            result.manifest = _manifest(study, corpus, package, entries, started, clock)
            (staging / MANIFEST).write_text(json.dumps(result.manifest, indent=2) + "\n", encoding="utf-8")
            write_index(staging, result.manifest)
        except BaseException:  # the previous report stays as it was
            shutil.rmtree(staging, ignore_errors=True)
            raise
        _swap(staging, report_dir)
    return result
