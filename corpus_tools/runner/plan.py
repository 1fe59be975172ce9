"""What a report run will do before it does anything: one job per notebook with its cache key,
the inputs checked, and which jobs can reuse their last good outputs.

A job's cache key (:func:`corpus_tools.runner.provenance.make_cache_key`) covers the notebook
file, its parameters (minus where the run happens), the content of the files its parameters name,
the corpus and metadata, and the package (:func:`corpus_tools.runner.provenance.record_package`).

>>> read_manifest("/nonexistent/report")
{}
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from pathlib import Path

from corpus_tools.runner import provenance
from corpus_tools.runner.study import Study, StudyError

__all__ = [
    "MANIFEST",
    "Job",
    "read_manifest",
    "read_declared_parameters",
    "build_jobs",
    "select_jobs_to_run",
    "check_inputs",
]

MANIFEST = "manifest.json"
#: Parameters that depend on where a run happens, not on what it computes (their content is hashed).
_LOCATION_PARAMETERS = ("corpus", "metadata", "output_dir", "cache_dir")


@dataclass
class Job:
    """One notebook to run or reuse."""

    name: str
    notebook: Path
    parameters: dict
    notebook_sha256: str
    key: str
    declared: dict  # the notebook's parameters cell: {name: {type, default, help}}
    note: str = ""  # stated in the report's header (e.g. a grouping other than the study's)


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


def build_jobs(
    selected: dict[str, Path], declared: dict[str, dict], parameters: dict[str, dict], corpus: dict, package: dict
) -> list[Job]:
    """One :class:`Job` per selected notebook, keyed by everything that shapes its outputs.

    Args:
        selected: ``{name: notebook path}``.
        declared: each notebook's parameters cell (:func:`corpus_tools.runner.study.read_parameters`).
        parameters: the parameters each notebook runs with.
        corpus: :func:`corpus_tools.runner.provenance.fingerprint_corpus` of the inputs.
        package: :func:`corpus_tools.runner.provenance.record_package`.
    """
    jobs = []
    for name, path in selected.items():
        digest = provenance.hash_file(path)
        params = parameters[name]
        keyed = {k: v for k, v in params.items() if k not in _LOCATION_PARAMETERS}
        files = _parameter_files({**_defaults(declared[name]), **params}, path.parent)
        key = provenance.make_cache_key(
            notebook_sha256=digest,
            parameters={**keyed, "files named by parameters": files},
            corpus_fingerprint=corpus["fingerprint"],
            package=provenance.format_package_id(package),
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


def read_declared_parameters(manifest: dict, selected: dict[str, Path]) -> dict[str, dict]:
    """Parameters read from the same notebook file by an earlier run (reading them again takes seconds).

    >>> read_declared_parameters({}, {})
    {}
    """
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


def select_jobs_to_run(jobs: list[Job], manifest: dict, report_dir: Path, *, force: bool = False) -> list[Job]:
    """The jobs that must run: all with ``force``, else those without a reusable last good run
    (same cache key, every output still present and unchanged).

    >>> select_jobs_to_run([], {}, Path("."))
    []
    """
    before = manifest.get("notebooks", {})
    return [job for job in jobs if force or not _reusable(before.get(job.name), job, report_dir)]


def _input_paths(study: Study, params: dict, notebooks_dir: Path) -> tuple[Path, Path | None]:
    """The corpus and metadata a notebook will read (its parameters win; relative to ``notebooks_dir``)."""
    paths = []
    for key, fallback in (("corpus", study.corpus), ("metadata", study.metadata)):
        value = params.get(key, fallback)
        paths.append(
            notebooks_dir / value if value and not Path(value).is_absolute() else (Path(value) if value else None)
        )
    return paths[0] or study.corpus, paths[1]


def check_inputs(study: Study, parameters: dict[str, dict], notebooks_dir: Path) -> None:
    """An unreadable corpus or metadata table, or a ``group_by`` naming none of their columns,
    is an error before anything runs (not one failure per notebook).

    Raises:
        StudyError: naming the table, the notebook and the columns there are.
    """
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
