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
    "CHROME_SECTIONS",
    "list_chrome_languages",
    "read_chrome_vocabulary",
    "read_language_stopwords",
]

#: Every word list a stage reads, by file, with the stage that uses it.
WORD_LISTS: dict[str, str] = {
    "abbreviations.txt": "clean: abbreviations that do not end a sentence of a long line",
    "name_stopwords.txt": "keywords: capitalised words that are not names (count_names)",
    "negators.txt": "dictionaries: negators for dictionary matching",
    "segment/de.txt": "segment: German sentence-splitting rules (abbreviations, sentence starters)",
    "segment/en.txt": "segment: English sentence-splitting rules (abbreviations, sentence starters)",
    "segment/es.txt": "segment: Spanish sentence-splitting rules (abbreviations, sentence starters)",
    "segment/fr.txt": "segment: French sentence-splitting rules (abbreviations, sentence starters)",
    "segment/ru.txt": "segment: Russian sentence-splitting rules (abbreviations, sentence starters)",
    "stopwords_english_extended.txt": "clean: stop words of the prose test",
    "stopwords_snowball_english.txt": "keywords: default stop words for counting",
    "targets/nouns.tsv": "sentiment: nouns of acts done to someone, for tone toward a target",
    "targets/reporting_verbs.txt": "sentiment: reporting verbs, whose subject is a source, for tone toward a target",
    "targets/verbs.tsv": "sentiment: verbs of who does what to whom, for tone toward a target",
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


#: The sections of a chrome vocabulary file (``resources/chrome/<language>.yml``; the rule each
#: feeds is in ``resources/chrome/README.md``).
CHROME_SECTIONS = (
    "ui",
    "social",
    "share",
    "related",
    "toc",
    "tags",
    "comments",
    "comment_count",
    "promo",
    "reader",
    "cookie",
    "cookie_context",
    "furniture",
    "copyright",
    "dateline",
    "read_time",
    "credit",
    "skip",
)


def list_chrome_languages() -> list[str]:
    """The languages (ISO 639-1) with a shipped site-chrome vocabulary (besides English, whose
    vocabulary is the patterns of :mod:`corpus_tools.clean.patterns`).

    >>> list_chrome_languages()
    ['de', 'es', 'fr', 'it', 'nl', 'pl', 'pt', 'ru', 'uk']
    """
    return sorted(p.stem for p in (RESOURCES_DIR / "chrome").glob("*.yml"))


@functools.cache
def read_chrome_vocabulary(language: str | None = None) -> dict[str, tuple[str, ...]]:
    """The site-chrome vocabulary of one language, or of every shipped language merged (None):
    each section of :data:`CHROME_SECTIONS` with its entries, lower case, in file order.

    >>> vocabulary = read_chrome_vocabulary("de")
    >>> vocabulary["related"][:2], "teilen" in read_chrome_vocabulary()["ui"]
    (('lesen sie auch', 'lesen sie mehr'), True)
    >>> read_chrome_vocabulary("xx")
    Traceback (most recent call last):
    ...
    FileNotFoundError: no shipped chrome vocabulary 'xx'; shipped: de, es, fr, it, nl, pl, pt, ru, uk
    """
    import yaml

    languages = list_chrome_languages() if language is None else [language]
    merged: dict[str, list[str]] = {section: [] for section in CHROME_SECTIONS}
    for code in languages:
        path = RESOURCES_DIR / "chrome" / f"{code}.yml"
        if not path.is_file():
            raise FileNotFoundError(
                f"no shipped chrome vocabulary {code!r}; shipped: {', '.join(list_chrome_languages())}"
            )
        data = yaml.safe_load(path.read_text(encoding="utf-8"))
        unknown = sorted(set(data) - set(CHROME_SECTIONS) - {"language", "name"})
        if unknown:
            raise ValueError(f"{path}: unknown section(s) {', '.join(unknown)}; sections: {', '.join(CHROME_SECTIONS)}")
        for section in CHROME_SECTIONS:
            merged[section].extend(str(entry).strip().lower() for entry in data.get(section) or ())
    return {section: tuple(dict.fromkeys(entries)) for section, entries in merged.items()}


@functools.cache
def read_language_stopwords(language: str) -> frozenset[str]:
    """Stop words of a language by its ISO 639-1 code, from the ``stop-words`` package (the source
    of the shipped English list; 33 languages, installed with the package, nothing downloaded):
    empty for a language it does not have (or ``"und"``). English is the shipped 1,333-word list.

    >>> len(read_language_stopwords("en")), "und" in read_language_stopwords("de"), len(read_language_stopwords("und"))
    (1333, True, 0)
    """
    if language == "en":
        return read_stopwords("english")
    from stop_words import LANGUAGE_MAPPING, get_stop_words

    code = {"no": "nb", "nn": "nb"}.get(language, language)
    if code not in LANGUAGE_MAPPING:
        return frozenset()
    return frozenset(w.strip().lower() for w in get_stop_words(code) if w.strip())


# Old names, kept for one release with a DeprecationWarning.
__getattr__ = make_renamed_getattr(__name__, {"resource_path": "resolve_resource"})
