"""What a report was made from: hashes of the input files, the package, its resources and word
lists, the environment and the git commit, and the cache key that decides whether a notebook re-runs.

The package hash covers every file under ``corpus_tools/`` (code and resources) except the
``runner/`` folder: whatever a notebook can import changes the key; the runner itself does not.

>>> key = make_cache_key(notebook_sha256="ab", parameters={"top_n": 20}, corpus_fingerprint="cd", package="ef")
>>> key == make_cache_key(notebook_sha256="ab", parameters={"top_n": 20}, corpus_fingerprint="cd", package="ef")
True
"""

from __future__ import annotations

import hashlib
import json
import platform
import subprocess
from importlib import metadata as importlib_metadata
from pathlib import Path

from corpus_tools.checks import make_renamed_getattr
from corpus_tools.config import PACKAGE_DIR, PROJECT_DIR
from corpus_tools.shipped import WORD_LISTS, resolve_resource

__all__ = [
    "hash_file",
    "fingerprint_files",
    "fingerprint_corpus",
    "record_package",
    "record_word_lists",
    "record_environment",
    "record_git",
    "make_cache_key",
    "format_package_id",
]

__getattr__ = make_renamed_getattr(__name__, {"cache_key": "make_cache_key"})

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
    "trafilatura",
    "charset-normalizer",
    "lxml",
    "striprtf",
    "python-docx",
    "py3langid",
    "datasketch",
    "distributed",
    "stop-words",
    "ipywidgets",
)
#: Folders of the package that notebooks never import: left out of the package hash.
RUNNER_FOLDERS = frozenset({"runner"})
_SKIP_PARTS = {"__pycache__", ".ipynb_checkpoints", ".git"}


def hash_file(path: str | Path) -> str:
    """The SHA-256 of a file's bytes, in hex.

    >>> from corpus_tools.shipped import resolve_resource
    >>> len(hash_file(resolve_resource("negators.txt")))
    64
    """
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

    >>> from corpus_tools.config import SEEDS_DIR
    >>> files, fingerprint = fingerprint_files(SEEDS_DIR)
    >>> len(files) > 0 and len(fingerprint) == 64
    True
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


def record_package(package_dir: str | Path = PACKAGE_DIR) -> dict:
    """The package's version, a hash of its source, and each resource's hash.

    The source hash covers every file under ``package_dir`` (modules, resources, anything a
    notebook can import or read) except the ``runner/`` folder and caches, found by walking the
    folder, so a new module or subpackage is covered without being listed anywhere.

    >>> record = record_package()
    >>> len(record["source_sha256"]), "abbreviations.txt" in record["resources"]
    (64, True)
    """
    import corpus_tools

    package_dir = Path(package_dir)
    source = {
        rel: hash_file(path)
        for path in _files_under(package_dir)
        if (rel := path.relative_to(package_dir).as_posix()).split("/", 1)[0] not in RUNNER_FOLDERS
    }
    listing = "".join(f"{k} {v}\n" for k, v in sorted(source.items()))
    resources = {k.removeprefix("resources/"): v for k, v in source.items() if k.startswith("resources/")}
    return {
        "name": "corpus-tools",
        "version": corpus_tools.__version__,
        "source_sha256": hashlib.sha256(listing.encode("utf-8")).hexdigest(),
        "resources": resources,
    }


def format_package_id(package: dict) -> str:
    """The package part of a cache key: version and source hash of :func:`record_package`.

    >>> format_package_id({"version": "0.1.0", "source_sha256": "ab12"})
    '0.1.0 ab12'
    """
    return f"{package['version']} {package['source_sha256']}"


def record_word_lists() -> dict[str, dict]:
    """Every shipped word list a stage reads (:data:`corpus_tools.shipped.WORD_LISTS`), with the
    stage that uses it and the SHA-256 of the file, so a report shows which lists made it.

    >>> lists = record_word_lists()
    >>> lists["segment/en.txt"]["used_by"].startswith("segment")
    True
    """
    return {
        name: {"used_by": used_by, "sha256": hash_file(resolve_resource(name))}
        for name, used_by in sorted(WORD_LISTS.items())
    }


def record_environment() -> dict:
    """Python and dependency versions (``None`` for one not installed).

    >>> sorted(record_environment()["packages"])[:2]
    ['afinn', 'charset-normalizer']
    """
    versions = {}
    for name in DEPENDENCIES:
        try:
            versions[name] = importlib_metadata.version(name)
        except importlib_metadata.PackageNotFoundError:
            versions[name] = None
    return {"python": platform.python_version(), "platform": platform.platform(terse=True), "packages": versions}


def record_git(root: str | Path = PROJECT_DIR) -> dict | None:
    """The commit checked out in ``root`` and whether tracked files differ from it; None outside git.

    >>> import tempfile
    >>> record_git(tempfile.mkdtemp()) is None
    True
    """
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


def make_cache_key(*, notebook_sha256: str, parameters: dict, corpus_fingerprint: str, package: str) -> str:
    """The key under which a notebook's outputs are reused: any change to the notebook, its
    parameters, the input files or the package (version and source) changes it."""
    payload = json.dumps(
        {"notebook": notebook_sha256, "parameters": parameters, "corpus": corpus_fingerprint, "package": package},
        sort_keys=True,
        default=str,
    )
    return hashlib.sha256(payload.encode("utf-8")).hexdigest()
