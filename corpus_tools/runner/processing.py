"""The processing step of a study: ``corpus-tools process``, also run by ``corpus-tools report``
before any notebook, so every notebook reads the processed corpus from the cache.

The stages processed follow the notebooks' parameters (the sentiment notebook's ``lexicons``,
the framing notebook's ``dictionary``, the keywords notebook's counting options), so the
notebooks find everything they read already in the cache. The cache of a study lives in the
reports folder: ``<out>/.cache/<study>`` (``reports/`` is not tracked by git).

>>> resolve_cache_dir(Path("reports"), "seeds").as_posix()
'reports/.cache/seeds'
"""

from __future__ import annotations

import ast
import sys
import warnings
from pathlib import Path

from corpus_tools.config import NOTEBOOKS_DIR
from corpus_tools.io import CorpusWarning, format_files_summary
from corpus_tools.process import ProcessedCorpus, build_processed
from corpus_tools.runner.study import Study

__all__ = ["run_processing", "resolve_cache_dir", "resolve_stage_options"]


def resolve_cache_dir(out: Path, study_name: str) -> Path:
    """The cache folder of a study whose reports go to ``out``."""
    return Path(out) / ".cache" / study_name


def _value(name: str, key: str, parameters: dict, declared: dict):
    """A notebook's parameter as it will run: given, else its default (a Python literal)."""
    if key in parameters.get(name, {}):
        return parameters[name][key]
    if key in declared.get(name, {}):
        try:
            return ast.literal_eval(declared[name][key]["default"])
        except (ValueError, SyntaxError):
            return None
    return None


def _path_or_name(value, notebooks_dir: Path):
    """A file named relative to the notebooks' folder (as the notebook reads it) made absolute."""
    if isinstance(value, str) and value and not Path(value).is_absolute() and (notebooks_dir / value).exists():
        return str((notebooks_dir / value).resolve())
    return value


def resolve_stage_options(parameters: dict, declared: dict, notebooks_dir: Path = NOTEBOOKS_DIR) -> dict:
    """The options of :func:`corpus_tools.process.build_processed` the study's notebooks will read.

    Args:
        parameters: ``{notebook: {parameter: value}}`` the notebooks run with.
        declared: ``{notebook: parameters cell}`` (:func:`corpus_tools.runner.study.read_parameters`).
        notebooks_dir: the notebooks' folder (relative paths in parameters are relative to it).

    Returns:
        ``lexicons``, ``dictionary`` and ``count_options``: the keywords notebook's counting options
        and, for the framing notebook's term contrast, ``count_terms``'s defaults (``{}``); None
        when no notebook counts terms.

    >>> declared = {"framing": {"dictionary": {"type": "str", "default": '"security"', "help": ""}}}
    >>> resolve_stage_options({"framing": {}}, declared)
    {'lexicons': (), 'dictionary': 'security', 'count_options': [{}]}
    """
    options: dict = {"lexicons": (), "dictionary": None, "count_options": None}
    if "sentiment" in parameters:
        lexicons = _value("sentiment", "lexicons", parameters, declared) or ["vader"]
        options["lexicons"] = [_path_or_name(lex, notebooks_dir) for lex in lexicons]
    counts: list[dict] = []
    if "framing" in parameters:
        options["dictionary"] = _path_or_name(_value("framing", "dictionary", parameters, declared), notebooks_dir)
        counts.append({})  # the term contrast: processed.count_terms(by=group_by), count_terms's defaults
    if "keywords" in parameters:

        def get(key):
            return _value("keywords", key, parameters, declared)

        counts.insert(
            0,
            {
                "stopwords": get("stopwords") or None,
                "extra_stopwords": get("extra_stopwords") or [],
                "min_length": get("min_length") or 1,
                "stem": get("stem") or None,
                "ngram_range": tuple(get("ngram_range") or (1, 1)),
                "phrases": get("phrases") or [],
            },
        )
    options["count_options"] = counts or None
    return options


def run_processing(
    study: Study,
    *,
    parameters: dict | None = None,
    declared: dict | None = None,
    notebooks_dir: Path = NOTEBOOKS_DIR,
    cache_dir: Path,
    jobs: int | None = None,
    scheduler: str | None = None,
    progress: bool = True,
) -> ProcessedCorpus:
    """Process a study's corpus into ``cache_dir`` and print the load report (files loaded and
    skipped) on the terminal.

    Args:
        study: the study (its corpus, metadata, ``engine`` and ``scheduler``).
        parameters, declared, notebooks_dir: the notebooks' parameters (see :func:`resolve_stage_options`).
        cache_dir: the cache folder (:func:`resolve_cache_dir`).
        jobs: local processes (None: every core).
        scheduler: a Dask scheduler address; default the study's (``engine: dask``).
        progress: progress bars with the time left.
    """
    options = resolve_stage_options(parameters or {}, declared or {}, Path(notebooks_dir))
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", CorpusWarning)  # the notebooks show them, with the load log
        processed = build_processed(
            study.corpus,
            metadata=study.metadata,
            cache_dir=cache_dir,
            jobs=jobs,
            scheduler=scheduler or study.scheduler,
            progress=progress,
            **options,
        )
    files = processed.files.to_dict("records")
    print(f"{study.corpus}: {format_files_summary(files)}", flush=True)
    built = ", ".join(f"{stage} {n}" for stage, n in processed.built.items())
    print(f"{study.name}: processed into {cache_dir} (documents processed per stage: {built})", file=sys.stderr)
    return processed
