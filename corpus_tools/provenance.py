"""What a report was made from: hashes of the input files, the package, its resources, the
environment and the git commit, and the cache key that decides whether a notebook re-runs.

>>> import json
>>> key = cache_key(notebook_sha256="ab", parameters={"top_n": 20}, corpus_fingerprint="cd", package="ef")
>>> key == cache_key(notebook_sha256="ab", parameters={"top_n": 20}, corpus_fingerprint="cd", package="ef")
True
"""

from __future__ import annotations

import hashlib
import json
import platform
import subprocess
from importlib import metadata as importlib_metadata
from pathlib import Path

from corpus_tools.config import PACKAGE_DIR, PROJECT_DIR, RESOURCES_DIR

__all__ = [
    "hash_file",
    "fingerprint_files",
    "fingerprint_corpus",
    "record_package",
    "record_environment",
    "record_git",
    "cache_key",
]

#: Distributions whose versions go into the manifest (those that shape the numbers and pages).
DEPENDENCIES = (
    "pandas",
    "numpy",
    "scipy",
    "scikit-learn",
    "matplotlib",
    "nltk",
    "ftfy",
    "vaderSentiment",
    "afinn",
    "textblob",
    "snowballstemmer",
    "statsmodels",
    "krippendorff",
    "papermill",
    "nbconvert",
    "nbclient",
    "ipykernel",
    "jupyter_client",
)
#: Modules that run reports or validations but are never imported by a notebook: editing them
#: does not change any report, so they are left out of the package hash in the cache key.
RUNNER_MODULES = frozenset(
    {
        "__main__.py",
        "cli.py",
        "execute.py",
        "provenance.py",
        "report_index.py",
        "reports.py",
        "run_notebooks.py",
        "study.py",
        "validate.py",
    }
)
_SKIP_PARTS = {"__pycache__", ".ipynb_checkpoints", ".git"}


def hash_file(path: str | Path) -> str:
    """The SHA-256 of a file's bytes, in hex."""
    digest = hashlib.sha256()
    with open(path, "rb") as handle:
        for block in iter(lambda: handle.read(1 << 20), b""):
            digest.update(block)
    return digest.hexdigest()


def _files_under(root: Path) -> list[Path]:
    if root.is_file():
        return [root]
    return sorted(
        p
        for p in root.rglob("*")
        if p.is_file() and not _SKIP_PARTS & set(p.relative_to(root).parts) and not p.name.startswith(".")
    )


def fingerprint_files(root: str | Path) -> tuple[dict[str, str], str]:
    """Hash every file under ``root`` (or ``root`` itself if a file).

    Returns:
        ``({relative path: sha256}, fingerprint)``, the fingerprint being the SHA-256 of the
        sorted ``path sha256`` lines, so renaming, adding or editing any file changes it.
    """
    root = Path(root)
    base = root.parent if root.is_file() else root
    files = {p.relative_to(base).as_posix(): hash_file(p) for p in _files_under(root)}
    listing = "".join(f"{path} {digest}\n" for path, digest in sorted(files.items()))
    return files, hashlib.sha256(listing.encode("utf-8")).hexdigest()


def fingerprint_corpus(corpus: str | Path, metadata: str | Path | None = None) -> dict:
    """The corpus record of a manifest: every input file (corpus and metadata) with its hash.

    Raises:
        FileNotFoundError: the corpus or metadata path does not exist.
    """
    record, combined = {}, hashlib.sha256()
    for role, path in (("corpus", corpus), ("metadata", metadata)):
        if not path:
            continue
        path = Path(path)
        if not path.exists():
            raise FileNotFoundError(f"{role} {path} not found; check the study file or --{role}")
        files, fingerprint = fingerprint_files(path)
        record[role] = {"path": str(path), "fingerprint": fingerprint, "files": files}
        combined.update(f"{role} {fingerprint}\n".encode())
    record["fingerprint"] = combined.hexdigest()
    return record


def record_package() -> dict:
    """The package's version, a hash of its source (the ``*.py`` files notebooks can import, and the
    resources), and each resource's hash."""
    import corpus_tools

    source = {
        rel: hash_file(PACKAGE_DIR / rel)
        for rel in (p.relative_to(PACKAGE_DIR).as_posix() for p in _files_under(PACKAGE_DIR) if p.suffix == ".py")
        if rel not in RUNNER_MODULES and not rel.startswith("validation/")
    }
    resources = {p.relative_to(RESOURCES_DIR).as_posix(): hash_file(p) for p in _files_under(RESOURCES_DIR)}
    listing = "".join(
        f"{k} {v}\n" for k, v in sorted({**source, **{f"resources/{k}": v for k, v in resources.items()}}.items())
    )
    return {
        "name": "corpus-tools",
        "version": corpus_tools.__version__,
        "source_sha256": hashlib.sha256(listing.encode("utf-8")).hexdigest(),
        "resources": resources,
    }


def record_environment() -> dict:
    """Python and dependency versions (``None`` for one not installed)."""
    versions = {}
    for name in DEPENDENCIES:
        try:
            versions[name] = importlib_metadata.version(name)
        except importlib_metadata.PackageNotFoundError:
            versions[name] = None
    return {"python": platform.python_version(), "platform": platform.platform(terse=True), "packages": versions}


def record_git(root: str | Path = PROJECT_DIR) -> dict | None:
    """The commit checked out in ``root`` and whether tracked files differ from it; None outside git."""
    try:
        commit = subprocess.run(["git", "rev-parse", "HEAD"], cwd=root, capture_output=True, text=True, timeout=10)
        if commit.returncode != 0:
            return None
        status = subprocess.run(
            ["git", "status", "--porcelain", "--untracked-files=no"],
            cwd=root,
            capture_output=True,
            text=True,
            timeout=10,
        )
    except (OSError, subprocess.SubprocessError):
        return None
    return {"commit": commit.stdout.strip(), "dirty": bool(status.stdout.strip())}


def cache_key(*, notebook_sha256: str, parameters: dict, corpus_fingerprint: str, package: str) -> str:
    """The key under which a notebook's outputs are reused: any change to the notebook, its
    parameters, the input files or the package (version and source) changes it."""
    payload = json.dumps(
        {"notebook": notebook_sha256, "parameters": parameters, "corpus": corpus_fingerprint, "package": package},
        sort_keys=True,
        default=str,
    )
    return hashlib.sha256(payload.encode("utf-8")).hexdigest()
