"""Strip web boilerplate from scraped news text, recording every change.

Cleaning works line by line on the raw text. Each line is repaired (mojibake, Unicode quotes,
dashes and spaces, list and table markup) and then either kept or removed by a named rule.
Every change is an :class:`Edit` in raw-text coordinates, so

* ``apply_edits(raw, edits)`` gives the clean text,
* ``restore_raw(clean, edits)`` gives the raw text back, byte for byte,
* ``clean_audit(corpus)`` lists every edit as a table a researcher can cite.

The rules use signals that hold on any news site (each rule's reason is in :data:`RULES`): the
shape of a line (length, final punctuation, share of stop words, link-list shape), its position
relative to the article body, lines repeated inside a page or across many documents, and generic
vocabulary of site furniture ("subscribe", "read also", "leave a comment"). Nothing is matched
against strings of one site or one story. The cleaner is conservative: a line that reads like
article prose (long, punctuated, rich in stop words) is never removed by a vocabulary rule unless
several independent chrome signals agree, and short lines inside the body are kept.

Submodules, in the order a page goes through them:

- :mod:`~corpus_tools.clean.edits`: ``Edit``, ``apply_edits``, ``restore_raw``.
- :mod:`~corpus_tools.clean.normalize`: character and line repairs, ``normalize_line``.
- :mod:`~corpus_tools.clean.patterns`: the rule vocabulary, ``RULES`` and their reasons (``list_rules``);
  English patterns joined with the shipped chrome vocabulary of nine more languages
  (``resources/chrome/<language>.yml``: de, es, fr, it, nl, pl, pt, ru, uk), applied to every page.
- :mod:`~corpus_tools.clean.vocabulary`: the shipped vocabulary of the other languages and the
  exact shortcuts that keep the patterns cheap on every line (trigger words, start strings, needles).
- :mod:`~corpus_tools.clean.lines`: lines and their features (prose, heading, shape tests); the
  prose test's stop words are the shipped ``stopwords_english_extended.txt``, never NLTK data,
  plus those of the page's language (``stop-words`` package) when it is not English.
- :mod:`~corpus_tools.clean.body`: the page state, the article body, the title, ``clear_caches``.
- :mod:`~corpus_tools.clean.rules`: the line rules and the context rules (menus, chrome context).
- :mod:`~corpus_tools.clean.sentences`: long prose lines (an article exported as one line) lose
  only their promotional sentences, never the whole line.
- :mod:`~corpus_tools.clean.stubs`: ``status`` of a document (``"ok"`` or ``"stub: <reason>"``:
  access denied, paywall, cookie wall, not found, enable JavaScript, too few words), ``list_stubs``.
- :mod:`~corpus_tools.clean.page`: ``clean_text`` (one page) and ``CleanResult``.
- :mod:`~corpus_tools.clean.documents`: ``clean_corpus``, ``clean_audit``, ``summarize_audit``,
  ``count_edits_by_rule``, ``select_removed_lines``, ``list_repeated_lines`` (site template
  lines across documents).
- :mod:`~corpus_tools.clean.duplicates`: exact and near-duplicate articles (``match_duplicates``,
  ``list_duplicates``; ``attach_duplicates`` gives ``load_corpus`` its ``duplicate_of`` column;
  ``hash_minhash``: the MinHash signature of a text, which the processing cache keeps).
"""

from corpus_tools.checks import make_renamed_getattr
from corpus_tools.clean.body import clear_caches
from corpus_tools.clean.documents import (
    AUDIT_COLUMNS,
    clean_audit,
    clean_corpus,
    clean_corpus_audited,
    count_edits_by_rule,
    list_repeated_lines,
    select_removed_lines,
    summarize_audit,
)
from corpus_tools.clean.duplicates import (
    attach_duplicates,
    hash_minhash,
    hash_text,
    list_duplicates,
    match_duplicates,
)
from corpus_tools.clean.edits import Edit, apply_edits, restore_raw
from corpus_tools.clean.normalize import normalize_line
from corpus_tools.clean.page import CleanResult, clean_text
from corpus_tools.clean.patterns import RULES, list_rules
from corpus_tools.clean.stubs import MIN_WORDS, list_stubs

__all__ = [
    "Edit",
    "CleanResult",
    "RULES",
    "AUDIT_COLUMNS",
    "clean_text",
    "clean_corpus",
    "clean_corpus_audited",
    "clean_audit",
    "summarize_audit",
    "count_edits_by_rule",
    "select_removed_lines",
    "list_rules",
    "list_stubs",
    "MIN_WORDS",
    "apply_edits",
    "restore_raw",
    "normalize_line",
    "list_repeated_lines",
    "clear_caches",
    "match_duplicates",
    "list_duplicates",
    "attach_duplicates",
    "hash_text",
    "hash_minhash",
]

# Old names, kept for one release with a DeprecationWarning.
__getattr__ = make_renamed_getattr(__name__, {"repeated_line_keys": "list_repeated_lines"})
