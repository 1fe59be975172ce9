"""Paths the package and its notebooks share, so no notebook hard-codes a location.

>>> (SEEDS_DIR.parent == PROJECT_DIR, RESOURCES_DIR.is_dir())
(True, True)
"""

from __future__ import annotations

import os
from pathlib import Path

PACKAGE_DIR = Path(__file__).resolve().parent
RESOURCES_DIR = PACKAGE_DIR / "resources"
PROJECT_DIR = PACKAGE_DIR.parent
SEEDS_DIR = PROJECT_DIR / "seeds"
NOTEBOOKS_DIR = PROJECT_DIR / "notebooks"
REPORTS_DIR = PROJECT_DIR / "reports"
#: Where :func:`corpus_tools.process.read_processed` keeps processed corpora: the environment
#: variable ``CORPUS_TOOLS_CACHE``, else ``~/.cache/corpus-tools`` (a study's run uses a folder
#: inside its output, ``reports/<study>/.cache``).
CACHE_DIR = Path(os.environ.get("CORPUS_TOOLS_CACHE") or Path.home() / ".cache" / "corpus-tools")
