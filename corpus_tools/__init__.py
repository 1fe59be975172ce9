"""corpus_tools: load, clean and analyse corpora of scraped news articles.

The package's folders show the pipeline, and data flows one way (no module imports from a stage
downstream of it; ``tests/test_package.py`` checks it):

==================  ===================================================================
``config``          paths; ``checks`` column checks; ``shipped`` shipped resources and word lists
``groups``          the one grouping policy: ``attach_groups`` adds a ``group`` column to any
                    table; a missing value is the explicit group ``"(missing)"``, never dropped
``io``              read files and tables (encodings, folders, tables, metadata)
``clean``           strip web boilerplate with an audit of every edit
``corpus``          ``load_corpus`` (read + clean + metadata; ok documents, stubs left out);
                    ``read_corpus`` gives every document with its ``status``, the load log and audit
``segment``         sentences and tokens (``tokens`` holds the shared tokenizer)
``dictionaries``    dictionary model, readers (YAML, CSV, LIWC, Lexicoder) and matcher
``stats``           bootstrap intervals, effect sizes, tests, p-value adjustment
``sentiment``       lexicons, sentence and document scores, drivers, actors
``keywords``        term counts, keyness, collocations, concordance (KWIC)
``framing``         frames, naming, quotes, hand-coding and agreement
``trends``          coverage over time: volume, measures and terms per period, events, first use
``validation``      measurements against third-party labelled data (``make validate``)
``process``         the processed-corpus cache: ``read_processed`` (documents, sentences, scores,
                    frame hits, term counts, each document processed once, Parquet on disk)
``report``          draws and writes: tables, figures, HTML; computes no statistics
``runner``          ``corpus-tools report``: studies, cached papermill runs, manifest, index
==================  ===================================================================

One naming grammar, followed everywhere; a function's name says what kind of thing it returns:

- ``read_`` / ``write_``: disk only (``read_dictionary``, ``write_table``);
- ``split_``: table -> finer table (``split_sentences``: documents -> sentences);
- ``match_``: find dictionary or pattern hits (``match_dictionary``);
- ``score_``: the same rows plus score columns (``score_sentences``);
- ``summarize_``: rows -> one row per group with an estimate and an interval;
- ``count_``: -> counts (``count_terms``); ``compare_``: groups -> a contrast table;
- ``select_``: pick rows; ``format_``: -> HTML or text; ``plot_``: -> a Figure, never saved;
- ``fit_``: -> a fitted model (``fit_frame_classifier``).

One option name per concept: ``by=`` (a grouping column, default ``"doc_id"``: each document its
own group; the output column is ``group``), ``p_adjust=``, ``n_boot=``, ``seed=``, ``ci=``,
``top_n=``; rates are per 10,000 words in a column ``per_10k``; a token or term column is ``term``.
Options after the data argument are keyword-only. A renamed public name keeps working for one
release with a ``DeprecationWarning`` naming the new one.

>>> import corpus_tools as ct
>>> corpus = ct.load_corpus(ct.config.SEEDS_DIR)
>>> sentences = ct.split_sentences(corpus)
>>> list(sentences.columns[:4])
['doc_id', 'sent_id', 'start', 'end']
"""

from __future__ import annotations

import importlib
from typing import TYPE_CHECKING

from corpus_tools import config

if TYPE_CHECKING:  # imported on first use (module __getattr__ below), so `import corpus_tools` stays fast
    from corpus_tools import dictionaries, framing, keywords, sentiment, stats, trends
    from corpus_tools.clean import clean_audit, clean_corpus, clean_text
    from corpus_tools.corpus import LoadedCorpus, load_corpus, read_corpus
    from corpus_tools.io import CorpusInputError, CorpusWarning
    from corpus_tools.process import ProcessedCorpus, build_processed, read_processed
    from corpus_tools.segment import split_sentences, split_tokens, tokenize

__version__ = "0.1.0"

__all__ = [
    "config",
    "dictionaries",
    "sentiment",
    "keywords",
    "framing",
    "stats",
    "trends",
    "load_corpus",
    "read_corpus",
    "LoadedCorpus",
    "clean_corpus",
    "clean_text",
    "clean_audit",
    "split_sentences",
    "split_tokens",
    "tokenize",
    "read_processed",
    "build_processed",
    "ProcessedCorpus",
    "CorpusInputError",
    "CorpusWarning",
    "__version__",
]

# Where each public name lives. Nothing heavy (pandas, NLTK, SciPy, scikit-learn, statsmodels,
# matplotlib) is imported by ``import corpus_tools``: a name's module is imported when the name
# is first used, and then the name is an ordinary attribute of the package.
_SUBPACKAGES = frozenset(
    {
        # every stage, so ``ct.<stage>`` works whatever was imported before
        "checks",
        "shipped",
        "tokens",
        "groups",
        "io",
        "clean",
        "corpus",
        "segment",
        "dictionaries",
        "stats",
        "sentiment",
        "keywords",
        "framing",
        "trends",
        "validation",
        "process",
        "report",
        "explore",
        "runner",
    }
)
_LAZY = {
    "load_corpus": "corpus_tools.corpus",
    "read_corpus": "corpus_tools.corpus",
    "LoadedCorpus": "corpus_tools.corpus",
    "clean_corpus": "corpus_tools.clean",
    "clean_text": "corpus_tools.clean",
    "clean_audit": "corpus_tools.clean",
    "split_sentences": "corpus_tools.segment",
    "split_tokens": "corpus_tools.segment",
    "tokenize": "corpus_tools.segment",
    "CorpusInputError": "corpus_tools.io",
    "CorpusWarning": "corpus_tools.io",
    "ProcessedCorpus": "corpus_tools.process",
    "build_processed": "corpus_tools.process",
    "read_processed": "corpus_tools.process",
}


def __getattr__(name: str):
    if name in _SUBPACKAGES:
        return importlib.import_module(f"corpus_tools.{name}")
    if name in _LAZY:
        value = getattr(importlib.import_module(_LAZY[name]), name)
        globals()[name] = value
        return value
    raise AttributeError(f"module 'corpus_tools' has no attribute {name!r}")


def __dir__() -> list[str]:
    return sorted(set(globals()) | set(__all__))
