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

>>> from corpus_tools.runner.study import read_study
>>> from corpus_tools.config import PROJECT_DIR
>>> result = run_study(read_study(PROJECT_DIR / "studies" / "seeds.yml"), out=PROJECT_DIR / "reports")  # doctest: +SKIP
>>> result.ok  # doctest: +SKIP
True
>>> RunResult(Path("reports/seeds"), ran=["keywords"], failed=["keywords"]).ok
False
"""

from __future__ import annotations

import ast
import contextlib
import dataclasses
import fcntl
import json
import os
import re
import shutil
import sys
import tempfile
import time
from dataclasses import dataclass, field
from datetime import UTC, datetime
from pathlib import Path

from corpus_tools.config import NOTEBOOKS_DIR, REPORTS_DIR
from corpus_tools.runner import provenance
from corpus_tools.runner.execute import KERNEL_NAME
from corpus_tools.runner.index import write_index
from corpus_tools.runner.plan import (
    MANIFEST,
    Job,
    build_jobs,
    check_inputs,
    read_declared_parameters,
    read_manifest,
    select_jobs_to_run,
)
from corpus_tools.runner.processes import KILL_GRACE_S, execute_jobs
from corpus_tools.runner.study import (
    Study,
    StudyError,
    list_notebooks,
    read_parameters,
    resolve_parameters,
    select_notebooks,
)

__all__ = ["run_study", "RunResult", "read_manifest", "select_grouping_variant", "MANIFEST", "KILL_GRACE_S"]

#: A run whose grouping differs from the study's goes to ``<out>/<study><VARIANT_SEP><group_by>/``.
VARIANT_SEP = "--by-"


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


def _default(declared: dict, name: str):
    """A notebook's declared default of ``name``, as a value (``None`` when not a literal)."""
    try:
        return ast.literal_eval(str(declared.get(name, {}).get("default")))
    except (ValueError, SyntaxError):
        return None


def select_grouping_variant(study: Study, parameters: dict[str, dict], declared: dict[str, dict]) -> str | None:
    """The grouping a run uses when it differs from the study's (``-p group_by=...``), else None.

    The study's grouping is its ``group_by`` or, without one, each notebook's default.

    >>> declared = {"sentiment": {"group_by": {"default": '"doc_id"'}}}
    >>> select_grouping_variant(Study(name="s", group_by="outlet"), {"sentiment": {"group_by": "country"}}, declared)
    'country'
    >>> select_grouping_variant(Study(name="s"), {"sentiment": {"group_by": "doc_id"}}, declared) is None
    True
    """
    for name, params in parameters.items():
        if "group_by" not in params:
            continue
        expected = study.group_by or _default(declared.get(name, {}), "group_by")
        if params["group_by"] != expected:
            return str(params["group_by"])
    return None


def _variant_study(study: Study, group_by: str) -> Study:
    safe = re.sub(r"[^A-Za-z0-9_.-]+", "_", group_by).strip("_") or "group"
    return dataclasses.replace(study, name=f"{study.name}{VARIANT_SEP}{safe}")


def _refresh_index(out: Path, name: str) -> None:
    """Rewrite the index of study ``name`` (if it has a report) so that it lists every variant folder."""
    report_dir = out / name
    manifest = read_manifest(report_dir)
    if not manifest:
        return
    try:
        with _study_lock(out, name):
            write_index(report_dir, manifest)
    except StudyError:  # the study itself is running; its own index will list the variants
        pass


#: Notebooks in the order they start on a first run (no durations yet): the longest first, as
#: measured on a 100,000-article study (sentiment 324 s, framing 283, trends 234, keywords 174,
#: overview 77); a notebook of one's own starts before them.
_FIRST_RUN_ORDER = ("sentiment", "framing", "trends", "keywords", "corpus_overview")


def _longest_first(todo: list[Job], before: dict) -> list[Job]:
    """``todo`` in the order to start the notebooks so that, ``jobs`` at a time, they end soonest:
    the longest first (the longest-processing-time rule), by each notebook's duration in the
    last run; notebooks never timed go first, in :data:`_FIRST_RUN_ORDER`.

    >>> jobs = [Job(n, Path(f"{n}.ipynb"), {}, "", "", {}) for n in ("corpus_overview", "keywords", "sentiment")]
    >>> [j.name for j in _longest_first(jobs, {"keywords": {"duration_s": 9.0}, "sentiment": {"duration_s": 2.0}})]
    ['corpus_overview', 'keywords', 'sentiment']
    >>> [j.name for j in _longest_first(jobs, {})]
    ['sentiment', 'keywords', 'corpus_overview']
    """
    rank = {name: i for i, name in enumerate(_FIRST_RUN_ORDER)}

    def key(job: Job) -> tuple:
        duration = before.get(job.name, {}).get("duration_s")
        if isinstance(duration, (int, float)):
            return (1, -duration)
        return (0, rank.get(job.name, -1))

    return sorted(todo, key=key)


def _process_first(
    study: Study, todo: list[Job], declared: dict, notebooks_dir: Path, out: Path, jobs, scheduler, progress: bool
) -> None:
    """Process the corpus into the study's cache for the notebooks that read it (``cache_dir``),
    and give them the folder. A corpus that cannot be loaded is reported here and by the notebooks."""
    readers = [job for job in todo if "cache_dir" in job.declared]
    if not readers:
        return
    from corpus_tools.io import CorpusInputError
    from corpus_tools.process.engine import release_memory
    from corpus_tools.runner.processing import resolve_cache_dir, run_processing

    cache_dir = resolve_cache_dir(out, study.name)
    try:
        run_processing(
            study,
            parameters={job.name: job.parameters for job in readers},
            declared=declared,
            notebooks_dir=notebooks_dir,
            cache_dir=cache_dir,
            jobs=jobs,
            scheduler=scheduler,
            progress=progress,
        )
    except (CorpusInputError, OSError) as exc:
        print(f"{study.corpus}: cannot process the corpus: {exc}", file=sys.stderr)
    release_memory()  # the processed corpus is in the cache: this process holds none of it while notebooks run
    for job in readers:
        job.parameters = {**job.parameters, "cache_dir": str(cache_dir)}


def _manifest(
    study: Study, corpus: dict, package: dict, entries: dict, started: str, clock: float, run: dict | None = None
) -> dict:
    return {
        "study": {
            "name": study.name,
            "description": study.description,
            "file": str(study.source) if study.source else None,
            "file_sha256": provenance.hash_file(study.source) if study.source else None,
            "group_by": study.group_by,
            **(run or {}).pop("variant", {}),
        },
        "corpus": corpus,
        "package": package,
        "word_lists": provenance.record_word_lists(),
        "environment": provenance.record_environment(),
        "git": provenance.record_git(),
        "run": {
            "started": started,
            "ended": _now(),
            "duration_s": round(time.perf_counter() - clock, 2),
            "status": "ok" if all(e["status"] == "ok" for e in entries.values()) else "failed",
            **(run or {}),
        },
        "notebooks": entries,
    }


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
    process_jobs: int | None = None,
    scheduler: str | None = None,
) -> RunResult:
    """Run a study's notebooks into ``<out>/<study.name>/`` (see the module docstring).

    A run whose grouping differs from the study's (``-p group_by=country``) never replaces the
    study's reports: it goes to ``<out>/<study.name>--by-country/``, whose index and report headers
    say so, and the study's index lists it.

    Args:
        study: what to run (:func:`corpus_tools.runner.study.read_study`).
        notebooks_dir: where the notebooks are.
        only: run only these notebooks (the others' reports are kept as they are).
        overrides: ``NAME=VALUE`` or ``NOTEBOOK.NAME=VALUE`` parameters, parsed by type.
        out: the reports folder.
        jobs: notebooks run at once.
        force: re-run notebooks whose inputs are unchanged.
        timeout: seconds each notebook may run.
        kernel_name: the Jupyter kernel.
        progress: show progress bars (on a terminal).
        process_jobs: processes for the processing step (None: every core); it runs before the
            notebooks when any has to run, into ``<out>/.cache/<study>`` (the notebooks'
            ``cache_dir``), and is skipped when every notebook is up to date.
        scheduler: a Dask scheduler address for the processing step (default: the study's).

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
    known = read_declared_parameters(read_manifest(report_dir), selected)
    declared = {name: known.get(name) or read_parameters(path) for name, path in selected.items()}
    parameters = resolve_parameters(study, selected, list(overrides), declared=declared)
    variant = select_grouping_variant(study, parameters, declared)
    base_name, expected = study.name, study.group_by or "each notebook's default"
    note = ""
    if variant is not None:
        study = _variant_study(study, variant)
        report_dir = out / study.name
        note = (
            f"Grouped by {variant!r}, not by the study's grouping ({expected}): a variant of study {base_name!r}, "
            f"kept in its own folder {study.name}/ so that the study's reports stay as they are."
        )
    run_record = {"overrides": list(overrides), "only": list(only) if only else None}
    if variant is not None:
        run_record["variant"] = {"variant_of": base_name, "variant_group_by": variant}
    corpus = provenance.fingerprint_corpus(study.corpus, study.metadata)
    check_inputs(study, parameters, Path(notebooks_dir))
    package = provenance.record_package()
    plan = build_jobs(selected, declared, parameters, corpus, package)
    for job in plan:
        job.note = note
    with _study_lock(out, study.name):
        _recover(out, study.name)
        previous = read_manifest(report_dir)
        before = previous.get("notebooks", {})
        todo = select_jobs_to_run(plan, previous, report_dir, force=force)
        carried = [n for n in before if n in study_notebooks and n not in selected]
        result = RunResult(report_dir, ran=[j.name for j in todo], reused=[j.name for j in plan if j not in todo])
        if not todo and set(before) == set(carried) | set(selected):
            result.manifest = previous
            print(f"{study.name}: {len(plan)} notebook(s) up to date in {report_dir}", file=sys.stderr)
            return result
        _process_first(study, todo, declared, Path(notebooks_dir), out, process_jobs, scheduler, progress)
        staging = Path(tempfile.mkdtemp(prefix=f".{study.name}.tmp-", dir=out))
        staging.chmod(0o755)
        try:
            results = execute_jobs(
                _longest_first(todo, before),
                staging / ".work",
                report_dir,
                jobs=jobs,
                timeout=timeout,
                kernel_name=kernel_name,
                progress=progress,
            )
            entries = _assemble(staging, report_dir, previous, plan, carried, results)
            result.failed = [job.name for job in plan if entries[job.name]["status"] != "ok"]
            result.manifest = _manifest(study, corpus, package, entries, started, clock, run_record)
            (staging / MANIFEST).write_text(json.dumps(result.manifest, indent=2) + "\n", encoding="utf-8")
            write_index(staging, result.manifest)
        except BaseException:  # the previous report stays as it was
            shutil.rmtree(staging, ignore_errors=True)
            raise
        _swap(staging, report_dir)
    if variant is not None:
        _refresh_index(out, base_name)
    return result
