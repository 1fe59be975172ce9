"""corpus_tools: load, clean and analyse corpora of scraped news articles.

The pipeline runs one way: ``io`` (read) -> ``clean`` (strip boilerplate, with an audit) ->
``corpus`` (``load_corpus``: read + clean + metadata) -> ``segment`` (sentences, tokens) ->
analyses -> reports.

>>> import corpus_tools as ct
>>> corpus = ct.load_corpus(ct.config.SEEDS_DIR)
>>> sentences = ct.split_sentences(corpus)
"""

from corpus_tools import config, dictionaries, framing, keywords, sentiment, stats
from corpus_tools.clean import clean_audit, clean_corpus, clean_text
from corpus_tools.corpus import LoadedCorpus, load_corpus, read_corpus
from corpus_tools.io import CorpusInputError, CorpusWarning
from corpus_tools.segment import split_sentences, split_tokens, tokenize

__version__ = "0.1.0"

__all__ = [
    "config",
    "dictionaries",
    "sentiment",
    "keywords",
    "framing",
    "stats",
    "load_corpus",
    "read_corpus",
    "LoadedCorpus",
    "clean_corpus",
    "clean_text",
    "clean_audit",
    "split_sentences",
    "split_tokens",
    "tokenize",
    "CorpusInputError",
    "CorpusWarning",
    "__version__",
]
