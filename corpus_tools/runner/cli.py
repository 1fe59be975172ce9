"""The ``corpus-tools`` command (also ``python -m corpus_tools``).

``corpus-tools report`` regenerates a study's reports (processing the corpus first, as
``corpus-tools process`` does); ``corpus-tools params`` lists every
notebook's parameters (and keeps the README's table of them current).

>>> args = build_parser(list_parameters=False).parse_args(["report", "--only", "keywords", "-j", "2"])
>>> args.command, args.only, args.jobs
('report', ['keywords'], 2)
"""

from __future__ import annotations

import argparse
import re
import signal
import sys
from pathlib import Path

from corpus_tools.config import NOTEBOOKS_DIR, PROJECT_DIR, REPORTS_DIR
from corpus_tools.runner.study import (
    StudyError,
    format_parameter_table,
    list_notebooks,
    make_default_study,
    read_study,
    update_readme_table,
)

__all__ = ["main", "build_parser"]

REPORT_HELP = """Run a study's notebooks with papermill into OUT/<study>/: per notebook the executed
.ipynb and a standalone .html, tables/, figures/, index.html and manifest.json. A notebook whose
notebook file, parameters, input files and package are unchanged since its last good run is reused
(--force re-runs it). A failing notebook keeps its last good report, is saved as <name>.failed.ipynb
and makes the command exit 1; the other notebooks still complete. A run grouped otherwise than the
study (-p group_by=COLUMN) goes to OUT/<study>--by-COLUMN/, listed on the study's index; the
index and each report's header state the parameters of the run."""


PROCESS_HELP = """Read, clean and process a study's corpus (sentences, sentence scores for the sentiment
notebook's lexicons, frame hits for the framing notebook's dictionary, term counts for the keywords
notebook's options) into its cache, OUT/.cache/<study>; only documents and stages not yet in the cache
are processed. Runs on every core (--jobs), or on a Dask cluster (--scheduler, or 'engine: dask' with
'scheduler:' in the study file)."""


def _parameters_epilog(notebooks_dir: Path) -> str:
    try:
        table = format_parameter_table(list_notebooks(notebooks_dir), markdown=False)
    except Exception as exc:  # help must work even when a notebook cannot be read
        table = f"(cannot read the notebooks' parameters: {exc})"
    return (
        "notebook parameters (set them per notebook in the study file, or with -p NAME=VALUE or\n"
        "-p NOTEBOOK.NAME=VALUE; corpus, metadata and group_by come from the study, output_dir from --out):\n" + table
    )


def build_parser(notebooks_dir: Path = NOTEBOOKS_DIR, *, list_parameters: bool = True) -> argparse.ArgumentParser:
    """The argument parser; ``report --help`` lists the parameters of the notebooks in ``notebooks_dir``
    (read only when ``list_parameters``, since reading them takes a second or two)."""
    parser = argparse.ArgumentParser(prog="corpus-tools", description=__doc__.splitlines()[0])
    sub = parser.add_subparsers(dest="command", required=True)
    report = sub.add_parser(
        "report",
        help="regenerate a study's reports",
        description=REPORT_HELP,
        epilog=_parameters_epilog(notebooks_dir) if list_parameters else None,
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    report.add_argument(
        "--study",
        type=Path,
        help="study file (YAML); default: study 'seeds' (the seeds, default "
        "parameters), or with --corpus a study named after the corpus",
    )
    report.add_argument("--corpus", type=Path, help="corpus folder or table (overrides the study's)")
    report.add_argument("--metadata", type=Path, help="metadata table keyed by doc_id (overrides the study's)")
    report.add_argument("--only", nargs="+", metavar="NAME", help="run only these notebooks (others' reports are kept)")
    report.add_argument(
        "-p",
        "--parameter",
        action="append",
        default=[],
        metavar="NAME=VALUE",
        dest="parameters",
        help="set a parameter, parsed by its declared type (repeatable)",
    )
    report.add_argument("--out", type=Path, default=REPORTS_DIR, help="reports folder (default: %(default)s)")
    report.add_argument(
        "--jobs",
        "-j",
        type=int,
        default=None,
        help="notebooks run at once (default: 1), and processes of the processing step (default: every core)",
    )
    report.add_argument("--scheduler", metavar="ADDRESS", help="process on this Dask scheduler (tcp://host:8786)")
    report.add_argument("--force", action="store_true", help="re-run notebooks whose inputs are unchanged")
    report.add_argument(
        "--timeout", type=float, default=1800, help="seconds each notebook may run (default: %(default)s)"
    )
    report.add_argument("--notebooks", type=Path, default=notebooks_dir, help="notebooks folder (default: %(default)s)")
    report.add_argument("--no-progress", action="store_true", help="no progress bars")
    process = sub.add_parser(
        "process",
        help="process a study's corpus into its cache (run by 'report' first)",
        description=PROCESS_HELP,
    )
    process.add_argument("--study", type=Path, help="study file (YAML); default: the seeds study")
    process.add_argument("--corpus", type=Path, help="corpus folder or table (overrides the study's)")
    process.add_argument("--metadata", type=Path, help="metadata table keyed by doc_id (overrides the study's)")
    process.add_argument("--out", type=Path, default=REPORTS_DIR, help="reports folder (default: %(default)s)")
    process.add_argument("--notebooks", type=Path, default=notebooks_dir, help="notebooks folder")
    process.add_argument("--jobs", "-j", type=int, default=None, help="processes (default: every core)")
    process.add_argument("--scheduler", metavar="ADDRESS", help="process on this Dask scheduler (tcp://host:8786)")
    process.add_argument("--no-progress", action="store_true", help="no progress bars")
    params = sub.add_parser("params", help="list every notebook's parameters with type, default and meaning")
    params.add_argument("--notebooks", type=Path, default=notebooks_dir, help="notebooks folder")
    params.add_argument("--markdown", action="store_true", help="print a markdown table")
    params.add_argument(
        "--update-readme",
        nargs="?",
        const=PROJECT_DIR / "README.md",
        type=Path,
        metavar="README",
        help="rewrite the parameter table in the README (default: the project's)",
    )
    return parser


def _report(args: argparse.Namespace) -> int:
    from corpus_tools.runner.run import run_study

    study = _study(args)
    result = run_study(
        study,
        notebooks_dir=args.notebooks,
        only=args.only,
        overrides=args.parameters,
        out=args.out,
        jobs=args.jobs or 1,
        force=args.force,
        timeout=args.timeout,
        progress=not args.no_progress,
        process_jobs=args.jobs,
        scheduler=args.scheduler,
    )
    print(
        f"{result.report_dir}/index.html: {len(result.ran)} run, "
        f"{len(result.reused)} reused, {len(result.failed)} failed"
        + (f" ({', '.join(result.failed)})" if result.failed else "")
    )
    return 0 if result.ok else 1


def _study(args: argparse.Namespace):
    study = read_study(args.study) if args.study else make_default_study()
    if args.corpus:
        study.corpus = args.corpus.resolve()
        if not args.study:  # another corpus without a study file: its reports are named after it
            study.name = re.sub(r"[^A-Za-z0-9_.-]+", "_", study.corpus.stem) or "corpus"
    if args.metadata:
        study.metadata = args.metadata.resolve()
    return study


def _process(args: argparse.Namespace) -> int:
    from corpus_tools.io import CorpusInputError
    from corpus_tools.runner.processing import resolve_cache_dir, run_processing
    from corpus_tools.runner.study import read_parameters, resolve_parameters, select_notebooks

    study = _study(args)
    notebooks = select_notebooks(study, list_notebooks(args.notebooks))
    declared = {name: read_parameters(path) for name, path in notebooks.items()}
    parameters = resolve_parameters(study, notebooks, declared=declared)
    try:
        run_processing(
            study,
            parameters=parameters,
            declared=declared,
            notebooks_dir=args.notebooks,
            cache_dir=resolve_cache_dir(args.out.resolve(), study.name),
            jobs=args.jobs,
            scheduler=args.scheduler,
            progress=not args.no_progress,
        )
    except CorpusInputError as exc:
        print(f"error: {exc}", file=sys.stderr)
        return 1
    return 0


def _params(args: argparse.Namespace) -> int:
    notebooks = list_notebooks(args.notebooks)
    if args.update_readme:
        changed = update_readme_table(args.update_readme, notebooks)
        print(f"{args.update_readme}: parameter table {'updated' if changed else 'already current'}")
        return 0
    print(format_parameter_table(notebooks, markdown=args.markdown))
    return 0


def _terminate(signum, frame):
    raise KeyboardInterrupt(f"signal {signum}")


def main(argv: list[str] | None = None) -> int:
    """Entry point of ``corpus-tools``; returns the exit status (2 for a bad study or parameter)."""
    argv = sys.argv[1:] if argv is None else argv
    args = build_parser(list_parameters=bool({"-h", "--help"} & set(argv))).parse_args(argv)
    previous = signal.signal(signal.SIGTERM, _terminate)  # a terminated run cleans up like an interrupted one
    try:
        return {"report": _report, "process": _process, "params": _params}[args.command](args)
    except (StudyError, FileNotFoundError) as exc:
        print(f"error: {exc}", file=sys.stderr)
        return 2
    except KeyboardInterrupt:
        print("interrupted; the previous reports are unchanged", file=sys.stderr)
        return 130
    finally:
        signal.signal(signal.SIGTERM, previous)


if __name__ == "__main__":
    sys.exit(main())
