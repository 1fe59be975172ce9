"""Benchmark: cleaning a large generated corpus of scraped pages (bench/generate_pages.py).

Cases (baseline -> ours):
- the cleaner before its speed-up (commit :data:`BEFORE`, taken from git and imported under
  another name) -> ``clean_corpus_audited`` now: the same tables, faster (``bench/check_identity.py``
  checks they are identical);
- py3langid's own byte-by-byte feature walk -> ``label_languages`` (the numpy walk), on the
  cleaned pages: the same labels;
- per-page rules only (``clean_text`` on each page, no cross-document pass) -> ``clean_corpus``
  (adds the corpus-wide count of repeated template lines): the cost of the cross-document rule;
- Unicode/whitespace repair of every line (``normalize_line``, the least a cleaner does) ->
  ``clean_corpus``: the cost of the boilerplate rules on top of normalisation.

Every case empties the cleaner's per-line caches before each run (:func:`cold`), so neither side
profits from lines scored in an earlier run.
"""

from __future__ import annotations

import importlib
import importlib.util
import io
import re
import subprocess
import sys
import tarfile
import tempfile
from pathlib import Path

import pandas as pd

from corpus_tools import clean
from corpus_tools.clean import clean_corpus, clean_corpus_audited, clean_text, normalize_line
from corpus_tools.io.language import label_languages

N_PAGES = 1000
N_QUICK = 200
#: The commit whose cleaner is the baseline of the first case (before the per-line shortcuts).
BEFORE = "42e9952ed4b91ca376acb3485eae6ddcd70d4a59"
ROOT = Path(__file__).resolve().parents[1]


def _generator():
    path = Path(__file__).with_name("generate_pages.py")
    spec = importlib.util.spec_from_file_location("generate_pages", path)
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def cold(fn, *packages):
    """Run ``fn`` with the per-line caches of the cleaner (and of each of ``packages``' cleaners)
    emptied, so neither side profits from lines the other has already scored."""

    def run():
        clean.clear_caches()
        for package in packages:
            package.clean.clear_caches()
        return fn()

    return run


def before_package(commit: str = BEFORE, name: str = "corpus_tools_before"):
    """The package as it was at ``commit``, imported as ``name`` (its own imports renamed), or
    None when git or the commit is not available (an installed copy without history)."""
    if name in sys.modules:
        return sys.modules[name]
    try:
        archive = subprocess.run(
            ["git", "-C", str(ROOT), "archive", commit, "corpus_tools"], capture_output=True, check=True
        ).stdout
    except (OSError, subprocess.CalledProcessError):
        return None
    folder = Path(tempfile.mkdtemp(prefix="bench-clean-"))
    with tarfile.open(fileobj=io.BytesIO(archive)) as tar:
        tar.extractall(folder, filter="data")
    package = folder / name
    (folder / "corpus_tools").rename(package)
    for path in package.rglob("*.py"):
        path.write_text(re.sub(r"\bcorpus_tools\b", name, path.read_text(encoding="utf-8")), encoding="utf-8")
    sys.path.insert(0, str(folder))
    try:
        return importlib.import_module(name)
    finally:
        sys.path.remove(str(folder))


def _plain_labels(texts):
    """Labels from py3langid's own identifier (its byte-by-byte walk), as ``label_languages`` gives them."""
    from py3langid.langid import MODEL_FILE, LanguageIdentifier

    from corpus_tools.io.language import MAX_CHARS, MIN_LETTERS, UNDETERMINED

    identifier = _plain_labels.__dict__.setdefault("identifier", LanguageIdentifier.from_model_file(MODEL_FILE))
    return [
        identifier.classify(t[:MAX_CHARS])[0] if sum(map(str.isalnum, t[:MAX_CHARS])) >= MIN_LETTERS else UNDETERMINED
        for t in texts
    ]


def cases(quick: bool = False):
    raws = _generator().generate_pages(N_QUICK if quick else N_PAGES, seed=0)
    corpus = pd.DataFrame({"doc_id": [f"p{i}" for i in range(len(raws))], "raw_text": raws})
    n = f"{len(raws):,} pages"
    before = before_package()
    if before is not None:
        yield (
            f"clean_corpus_audited: before ({BEFORE[:7]}) vs now, {n}",
            cold(lambda: before.clean.clean_corpus_audited(corpus), before),
            cold(lambda: clean_corpus_audited(corpus), before),
        )
    texts = clean_corpus(corpus)["text"].tolist()
    label_languages(texts[:1])  # both load their model before timing
    _plain_labels(texts[:1])
    yield (
        f"label_languages: py3langid's walk vs numpy walk, {n}",
        lambda: _plain_labels(texts),
        lambda: label_languages(texts),
    )
    full = cold(lambda: clean_corpus(corpus))
    yield (f"clean_corpus vs per-page rules only, {n}", cold(lambda: [clean_text(r) for r in raws]), full)
    yield (
        f"clean_corpus vs line normalisation only, {n}",
        lambda: [normalize_line(ln) for r in raws for ln in r.splitlines()],
        full,
    )
