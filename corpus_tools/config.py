"""Paths the package and its notebooks share, so no notebook hard-codes a location."""

from __future__ import annotations

from pathlib import Path

PACKAGE_DIR = Path(__file__).resolve().parent
RESOURCES_DIR = PACKAGE_DIR / "resources"
PROJECT_DIR = PACKAGE_DIR.parent
SEEDS_DIR = PROJECT_DIR / "seeds"
NOTEBOOKS_DIR = PROJECT_DIR / "notebooks"
REPORTS_DIR = PROJECT_DIR / "reports"


def resource_path(name: str) -> Path:
    """Return the path of a shipped resource file, with a clear error if it is missing.

    >>> resource_path("abbreviations.txt").name
    'abbreviations.txt'
    """
    path = RESOURCES_DIR / name
    if not path.exists():
        available = sorted(p.relative_to(RESOURCES_DIR).as_posix() for p in RESOURCES_DIR.rglob("*") if p.is_file())
        raise FileNotFoundError(f"no shipped resource {name!r} in {RESOURCES_DIR}; available: {', '.join(available)}")
    return path
