"""Read a corpus from disk: files and tables only (no cleaning; :mod:`corpus_tools.corpus` loads).

Submodules:

- :mod:`~corpus_tools.io.problems`: ``CorpusInputError``, ``CorpusWarning`` and the load log
  (``record_problem``).
- :mod:`~corpus_tools.io.decode`: ``read_text_file``, ``decode_bytes`` (any encoding, with a note
  when it had to be guessed).
- :mod:`~corpus_tools.io.tables`: ``read_table`` (``.csv``, ``.tsv``, ``.jsonl``, ``.json``,
  ``.parquet``; errors name file and line), recognised column names (``TEXT_COLUMNS``).
- :mod:`~corpus_tools.io.metadata`: ``read_metadata``, ``attach_metadata``, ``parse_dates``.
- :mod:`~corpus_tools.io.html`: ``parse_html``, ``read_html_records`` (an HTML page's main text
  and metadata through trafilatura, the page kept in ``raw_html``), ``decode_html_bytes``.
- :mod:`~corpus_tools.io.files`: ``READERS`` (one reader per file kind, by suffix:
  ``.txt``, ``.md``/``.markdown``, ``.html``/``.htm``), ``TEXT_SNIFFERS``, ``read_file_records``.
- :mod:`~corpus_tools.io.listing`: ``list_folder_files`` (the recursive walk: links followed
  once, dangling links and unreadable folders listed), the load report (``FILE_COLUMNS``,
  ``format_files_summary``).
- :mod:`~corpus_tools.io.documents`: ``read_documents`` (a folder of article files of any
  registered kind, or a table, one row per document, raw text), ``read_corpus_columns``.
- :mod:`~corpus_tools.io.language`: ``label_languages`` (ISO 639-1 code of each text, ``"und"`` when
  too short; py3langid, offline), ``summarize_languages`` (documents and words per language).

``load_corpus`` (read + clean + metadata) is :func:`corpus_tools.corpus.load_corpus`;
``corpus_tools.io.load_corpus`` still works for one release, with a ``DeprecationWarning``.
"""

from corpus_tools.checks import make_renamed_getattr
from corpus_tools.io.decode import decode_bytes, read_text_file
from corpus_tools.io.documents import read_corpus_columns, read_documents
from corpus_tools.io.files import READERS, TEXT_SNIFFERS, read_file_records
from corpus_tools.io.html import parse_html, read_html_records
from corpus_tools.io.language import label_languages, summarize_languages
from corpus_tools.io.listing import FILE_COLUMNS, format_files_summary, list_folder_files
from corpus_tools.io.metadata import attach_metadata, parse_dates, read_metadata
from corpus_tools.io.problems import LOG_COLUMNS, CorpusInputError, CorpusWarning, record_problem
from corpus_tools.io.tables import ID_COLUMNS, TABLE_SUFFIXES, TEXT_COLUMNS, read_table, read_table_lines

__all__ = [
    "label_languages",
    "summarize_languages",
    "read_documents",
    "read_corpus_columns",
    "read_file_records",
    "READERS",
    "TEXT_SNIFFERS",
    "parse_html",
    "read_html_records",
    "read_text_file",
    "decode_bytes",
    "read_table",
    "read_table_lines",
    "read_metadata",
    "attach_metadata",
    "parse_dates",
    "record_problem",
    "CorpusInputError",
    "CorpusWarning",
    "LOG_COLUMNS",
    "FILE_COLUMNS",
    "list_folder_files",
    "format_files_summary",
    "TEXT_COLUMNS",
    "ID_COLUMNS",
    "TABLE_SUFFIXES",
]

# Old names, kept for one release with a DeprecationWarning.
__getattr__ = make_renamed_getattr(__name__, {"load_corpus": "corpus_tools.corpus:load_corpus"})
