"""What reading a corpus can go wrong with: an error to stop on, a warning to note, and the log.

Every decision the reader takes about an input file (encoding guessed, file skipped, metadata
row without a document) is a :class:`CorpusWarning` naming the file and the remedy, and a row of
the load log (``source, issue, action``), which :func:`corpus_tools.read_corpus` returns.

>>> import warnings
>>> log = []
>>> with warnings.catch_warnings(record=True) as caught:
...     warnings.simplefilter("always")
...     record_problem(log, "c/a.txt", "file is empty", "file skipped")
>>> log, str(caught[0].message)
([{'source': 'c/a.txt', 'issue': 'file is empty', 'action': 'file skipped'}], 'c/a.txt: file is empty; file skipped')
"""

from __future__ import annotations

import warnings

__all__ = ["CorpusInputError", "CorpusWarning", "LOG_COLUMNS", "record_problem"]

#: The columns of the load log.
LOG_COLUMNS = ("source", "issue", "action")


class CorpusInputError(ValueError):
    """An input file or table that cannot be read as a corpus; the message says how to fix it."""


class CorpusWarning(UserWarning):
    """Something about the input that the loader handled, but the user should know."""


def record_problem(log: list[dict], source: str, issue: str, action: str, *, stacklevel: int = 3) -> None:
    """Append ``{source, issue, action}`` to ``log`` and warn ``"source: issue; action"``.

    Args:
        log: the load log being built (one dict per problem).
        source: the file (``path``, ``path:line``) or part of the input concerned.
        issue: what is wrong with it.
        action: what the loader did about it, and the remedy.
        stacklevel: passed to :func:`warnings.warn`.
    """
    log.append({"source": source, "issue": issue, "action": action})
    warnings.warn(f"{source}: {issue}; {action}", CorpusWarning, stacklevel=stacklevel)
