"""Kept for existing callers: ``execute_notebook`` runs one notebook, ``main`` runs a report.

The report runner is :mod:`corpus_tools.reports` (``corpus-tools report``); one notebook's
execution and HTML export is :mod:`corpus_tools.execute`.
"""

from __future__ import annotations

import sys

from corpus_tools.execute import KERNEL_NAME, execute_notebook

__all__ = ["execute_notebook", "KERNEL_NAME", "main"]


def main(argv: list[str] | None = None) -> int:
    """``python -m corpus_tools.run_notebooks ARGS`` is ``corpus-tools report ARGS``."""
    from corpus_tools.cli import main as cli_main

    return cli_main(["report", *(sys.argv[1:] if argv is None else argv)])


if __name__ == "__main__":
    sys.exit(main())
