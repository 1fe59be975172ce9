"""Cache keys: a hash of each input document, of the processing parameters and of the code.

A processed document is found in the cache by a key that changes whenever anything that shapes
its result changes: its own text (and ``doc_id``, written into every row), the options of the
stage, the source code of the stage and of the stages before it, and :data:`CACHE_VERSION` (the
layout of the cache files). A key never depends on the other documents of the corpus, except
through what cleaning reads across documents (the site template lines a document contains,
:func:`corpus_tools.clean.list_repeated_lines`), which is part of the cleaning key.

>>> hash_values("a", 1) == hash_values("a", 1), hash_values("a", 1) == hash_values("a", 2)
(True, False)
>>> len(hash_code("clean"))
16
"""

from __future__ import annotations

import functools
import hashlib
import json
import pickle
from pathlib import Path

from corpus_tools.config import PACKAGE_DIR

__all__ = ["CACHE_VERSION", "STAGE_CODE", "hash_values", "hash_code", "hash_source"]

#: The layout of the cache files; a cache written with another version is ignored, never read.
CACHE_VERSION = 2

#: The package folders and modules whose source shapes each processing stage (a stage's code
#: hash covers these files and those of the stages it reads from). The analysis modules of a
#: stage's package (``sentiment/groups.py``, ``keywords/rates.py``, ...) only read its results:
#: editing them keeps the cache.
STAGE_CODE = {
    "corpus": ("process", "io", "clean", "corpus.py", "tokens.py", "shipped.py", "checks.py", "config.py", "resources"),
    "clean": (
        "process",
        "clean",
        "tokens.py",
        "shipped.py",
        "io",
        "resources/abbreviations.txt",
        "resources/stopwords_english_extended.txt",
        "resources/chrome",
    ),
    "sentences": ("process", "segment", "tokens.py", "shipped.py", "resources/segment"),
    "scores": (
        "process",
        "sentiment/scores.py",
        "sentiment/vader.py",
        "sentiment/lexicons.py",
        "sentiment/dictionary.py",
        "dictionaries",
        "tokens.py",
        "segment",
        "resources/negators.txt",
    ),
    "frames": ("process", "framing/frames.py", "dictionaries", "io", "tokens.py", "segment", "resources/negators.txt"),
    "counts": (
        "process",
        "keywords/counts.py",
        "groups.py",
        "tokens.py",
        "shipped.py",
        "resources/stopwords_snowball_english.txt",
        "resources/stopwords_english_extended.txt",
    ),
}


def hash_values(*values) -> str:
    """A short, stable hash of JSON-able values (tuples are lists; other objects by ``repr``).

    >>> hash_values({"b": 1, "a": [1, 2]}) == hash_values({"a": [1, 2], "b": 1})
    True
    """
    text = json.dumps(values, sort_keys=True, default=repr, ensure_ascii=False)
    return hashlib.sha256(text.encode("utf-8")).hexdigest()[:32]


@functools.cache
def hash_code(stage: str) -> str:
    """A hash of the source files and shipped resources a stage runs (see :data:`STAGE_CODE`),
    with :data:`CACHE_VERSION`: any edit to them gives the stage new keys.

    >>> hash_code("sentences") != hash_code("scores")
    True
    """
    digest = hashlib.sha256(f"cache {CACHE_VERSION} {stage} {_library_versions()}".encode())
    for name in STAGE_CODE[stage]:
        root = PACKAGE_DIR / name
        files = sorted(p for p in root.rglob("*") if p.is_file()) if root.is_dir() else [root]
        for path in files:
            if path.suffix == ".pyc" or "__pycache__" in path.parts:
                continue
            digest.update(str(path.relative_to(PACKAGE_DIR)).encode())
            digest.update(path.read_bytes())
    return digest.hexdigest()[:16]


@functools.cache
def _library_versions() -> str:
    """Versions of the libraries whose results the cache holds (a new version may change them)."""
    from importlib import metadata

    names = ("ftfy", "py3langid", "datasketch", "charset-normalizer", "trafilatura", "lxml", "nltk", "vaderSentiment")
    found = []
    for name in names:
        try:
            found.append(f"{name}={metadata.version(name)}")
        except metadata.PackageNotFoundError:
            found.append(f"{name}=none")
    return " ".join(found)


def hash_source(source) -> str:
    """A hash of what a lexicon, dictionary or list option names: a file's bytes for a path that
    exists, the name for a shipped name, the ``sha256`` of a loaded dictionary, else its pickle.

    >>> hash_source("vader") == hash_source("vader"), hash_source("vader") == hash_source("afinn")
    (True, False)
    """
    if isinstance(source, (str, Path)):
        path = Path(source)
        if path.is_file():
            return "file:" + hashlib.sha256(path.read_bytes()).hexdigest()
        return "name:" + str(source)
    sha = getattr(source, "sha256", "") or getattr(getattr(source, "dictionary", None), "sha256", "")
    if sha:
        overrides = hash_values(getattr(source, "overrides", {}))
        return f"{type(source).__name__}:{getattr(source, 'name', '')}:{sha}:{overrides}"
    return "pickle:" + hashlib.sha256(pickle.dumps(source)).hexdigest()
