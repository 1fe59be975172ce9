"""Shipped resources by name: one resolver for files, word lists and named dictionaries.

Everything the package reads at run time lives in ``corpus_tools/resources/`` (listed with source
and licence in its README) or in an installed package; nothing is downloaded, and nothing depends
on what else a machine happens to have (such as an ``nltk_data`` folder). Word lists are read here
only, so the same text is cleaned and counted the same way everywhere, and :data:`WORD_LISTS`
says which list each stage uses (the report manifest records them with their hashes).

>>> "the" in read_word_list("stopwords_snowball_english.txt")
True
>>> sorted(WORD_LISTS)[:2]
['abbreviations.txt', 'name_stopwords.txt']
"""

from __future__ import annotations

import functools
from pathlib import Path

from corpus_tools.checks import make_renamed_getattr
from corpus_tools.config import RESOURCES_DIR

__all__ = [
    "RESOURCES_DIR",
    "WORD_LISTS",
    "STOPWORD_LISTS",
    "resolve_resource",
    "read_word_list",
    "read_stopwords",
    "list_resources",
    "resolve_named",
]

#: Every word list a stage reads, by file, with the stage that uses it.
WORD_LISTS: dict[str, str] = {
    "abbreviations.txt": "segment: abbreviations that do not end a sentence",
    "name_stopwords.txt": "keywords: capitalised words that are not names (count_names)",
    "negators.txt": "dictionaries: negators for dictionary matching",
    "stopwords_english_extended.txt": "clean: stop words of the prose test",
    "stopwords_snowball_english.txt": "keywords: default stop words for counting",
}

#: Stop-word lists by the name a user passes (``stopwords="snowball"``).
STOPWORD_LISTS: dict[str, str] = {
    "snowball": "stopwords_snowball_english.txt",
    "english": "stopwords_english_extended.txt",
    "extended": "stopwords_english_extended.txt",
}


def list_resources(folder: str = "") -> list[str]:
    """Shipped resource files (relative POSIX paths), optionally under one folder.

    >>> "frames/generic.yml" in list_resources("frames")
    True
    """
    root = RESOURCES_DIR / folder
    return sorted(p.relative_to(RESOURCES_DIR).as_posix() for p in root.rglob("*") if p.is_file())


def resolve_resource(name: str) -> Path:
    """Return the path of a shipped resource file, with a clear error if it is missing.

    >>> resolve_resource("abbreviations.txt").name
    'abbreviations.txt'
    """
    path = RESOURCES_DIR / name
    if not path.is_file():
        raise FileNotFoundError(
            f"no shipped resource {name!r} in {RESOURCES_DIR}; available: {', '.join(list_resources())}"
        )
    return path


@functools.cache
def read_word_list(name: str) -> frozenset[str]:
    """A shipped word list: one entry per line, ``#`` comments and blank lines skipped, lower case.

    >>> len(read_word_list("stopwords_snowball_english.txt"))
    174
    """
    lines = resolve_resource(name).read_text(encoding="utf-8").splitlines()
    return frozenset(w.strip().lower() for w in lines if w.strip() and not w.lstrip().startswith("#"))


def read_stopwords(name: str = "english", *, extra=()) -> frozenset[str]:
    """A shipped stop-word list by name (see :data:`STOPWORD_LISTS`), plus ``extra`` words.

    ``"english"`` (alias ``"extended"``) is the 1,333-word list of the ``stop-words`` package,
    shipped as a file; ``"snowball"`` is the 174 function words of the Snowball project. Both are
    the same on every machine.

    >>> len(read_stopwords()), "kremlin" in read_stopwords(extra=["Kremlin"])
    (1333, True)
    >>> read_stopwords("german")
    Traceback (most recent call last):
    ...
    ValueError: no shipped stop-word list 'german'; shipped: english, extended, snowball
    """
    if name not in STOPWORD_LISTS:
        raise ValueError(f"no shipped stop-word list {name!r}; shipped: {', '.join(sorted(STOPWORD_LISTS))}")
    return read_word_list(STOPWORD_LISTS[name]) | {w.lower() for w in extra}


def resolve_named(source: str | Path, *, folders: tuple[str, ...], suffixes: tuple[str, ...] = (".yml",)) -> Path:
    """A user's file path as given, or a shipped resource by bare name (``"generic"``).

    A name without a folder separator or suffix is looked up as ``<folder>/<name><suffix>`` in
    each of ``folders``; anything else is a path. The error lists what is shipped.

    >>> resolve_named("generic", folders=("frames",)).relative_to(RESOURCES_DIR).as_posix()
    'frames/generic.yml'
    """
    path = Path(source)
    text = str(source)
    if path.exists() or "/" in text or "\\" in text or path.suffix:
        if not path.exists():
            raise FileNotFoundError(f"no file {text!r} (relative paths are read from {Path.cwd()})")
        return path
    for folder in folders:
        for suffix in suffixes:
            candidate = RESOURCES_DIR / folder / f"{text}{suffix}"
            if candidate.is_file():
                return candidate
    shipped = sorted({p.stem for folder in folders for s in suffixes for p in (RESOURCES_DIR / folder).glob(f"*{s}")})
    raise FileNotFoundError(
        f"no shipped resource named {text!r} in {', '.join(folders)}; shipped: {', '.join(shipped)}"
    )


# Old names, kept for one release with a DeprecationWarning.
__getattr__ = make_renamed_getattr(__name__, {"resource_path": "resolve_resource"})
