"""Column checks shared by every stage: one message, naming what is missing and how to fix it.

>>> import textwrap
>>> import pandas as pd
>>> try:
...     require_columns(pd.DataFrame({"doc_id": []}), ["doc_id", "text"], table="corpus")
... except KeyError as error:
...     print(textwrap.fill(error.args[0], 100))
corpus is missing column(s) ['text']; it has ['doc_id']. Pass a corpus from corpus_tools.load_corpus
(or rename your columns).
"""

from __future__ import annotations

import importlib
import warnings
from collections.abc import Callable, Iterable, Mapping
from typing import TYPE_CHECKING

if TYPE_CHECKING:  # annotations only: the runner imports this module and must start fast
    import pandas as pd

__all__ = ["require_columns", "make_renamed_getattr"]

_DEFAULT_HINT = "Pass a corpus from corpus_tools.load_corpus (or rename your columns)."


def require_columns(frame: pd.DataFrame, columns: Iterable[str], *, table: str = "table", hint: str = "") -> None:
    """Raise ``KeyError`` if ``frame`` lacks any of ``columns``, listing what it has and the fix.

    Args:
        frame: the table to check.
        columns: the columns it must have.
        table: what to call it in the message ("corpus", "sentence scores", ...).
        hint: the fix; by default, pass a corpus from ``load_corpus``.
    """
    missing = [c for c in columns if c not in frame.columns]
    if missing:
        raise KeyError(f"{table} is missing column(s) {missing}; it has {list(frame.columns)}. {hint or _DEFAULT_HINT}")


def make_renamed_getattr(module: str, renames: Mapping[str, str]) -> Callable[[str], object]:
    """A module ``__getattr__`` that serves each old public name for one release, with a
    ``DeprecationWarning`` naming the new one. A new name is an attribute of ``module`` or a
    full ``"package.module:name"``.

    >>> import textwrap
    >>> import warnings
    >>> getattr_ = make_renamed_getattr("corpus_tools.checks", {"check_columns": "require_columns"})
    >>> with warnings.catch_warnings(record=True) as caught:
    ...     warnings.simplefilter("always")
    ...     getattr_("check_columns").__name__
    'require_columns'
    >>> print(textwrap.fill(str(caught[0].message), 100))
    corpus_tools.checks.check_columns is renamed corpus_tools.checks.require_columns; the old name goes
    in the next release
    """

    def __getattr__(name: str) -> object:
        if name not in renames:
            raise AttributeError(f"module {module!r} has no attribute {name!r}")
        target = renames[name]
        where, _, attr = target.rpartition(":") if ":" in target else (module, ":", target)
        warnings.warn(
            f"{module}.{name} is renamed {where}.{attr}; the old name goes in the next release",
            DeprecationWarning,
            stacklevel=2,
        )
        return getattr(importlib.import_module(where), attr)

    return __getattr__
