"""The report runner and the command line: ``corpus-tools report``, ``corpus-tools params`` and
``make validate``. Nothing here is imported by a notebook, so editing it never re-runs a report.

Submodules:

- :mod:`~corpus_tools.runner.cli`: the ``corpus-tools`` command (argparse).
- :mod:`~corpus_tools.runner.study`: study files (YAML), notebook ``parameters`` cells, parameter
  parsing and checks, the README parameter table.
- :mod:`~corpus_tools.runner.plan`: one job per notebook with its cache key, input checks, which
  jobs reuse their last good outputs, the run manifest file.
- :mod:`~corpus_tools.runner.processes`: notebooks run in parallel, one process each, with
  progress bars and a time limit.
- :mod:`~corpus_tools.runner.run`: :func:`run_study`: plan, lock, run, assemble the report in a
  staging folder, write the manifest and index, swap it in atomically.
- :mod:`~corpus_tools.runner.execute`: one notebook with papermill and its HTML export (also run
  as a script, importing nothing from the package).
- :mod:`~corpus_tools.runner.index`: the report folder's ``index.html``.
- :mod:`~corpus_tools.runner.provenance`: hashes of inputs, package, word lists, environment and
  git commit; the cache key.
- :mod:`~corpus_tools.runner.validate`: ``make validate`` (every ``corpus_tools.validation`` module).
"""

from corpus_tools.runner.execute import execute_notebook, export_html
from corpus_tools.runner.plan import read_manifest
from corpus_tools.runner.run import RunResult, run_study
from corpus_tools.runner.study import (
    Study,
    StudyError,
    list_notebooks,
    make_default_study,
    read_parameters,
    read_study,
    resolve_parameters,
)

__all__ = [
    "Study",
    "StudyError",
    "RunResult",
    "read_study",
    "make_default_study",
    "list_notebooks",
    "read_parameters",
    "resolve_parameters",
    "run_study",
    "read_manifest",
    "execute_notebook",
    "export_html",
]
