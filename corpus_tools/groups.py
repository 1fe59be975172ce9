"""One grouping policy for every table: documents, sentences, hits, scores.

Every analysis that compares groups takes ``by=`` (a column of the table or of the corpus,
default ``"doc_id"``: each document its own group) and calls :func:`attach_groups`, which adds a
``group`` column of strings. A document with no value in the grouping column is never dropped:
it joins the explicit group :data:`MISSING_GROUP`, and a :class:`GroupWarning` says how many
documents are in it and which.

>>> import pandas as pd
>>> docs = pd.DataFrame({"doc_id": ["a", "b", "c"], "outlet": ["Times", None, "Post"]})
>>> sents = pd.DataFrame({"doc_id": ["a", "a", "b", "c"], "sent_id": [0, 1, 0, 0]})
>>> import warnings
>>> with warnings.catch_warnings(record=True) as caught:
...     warnings.simplefilter("always")
...     table = attach_groups(sents, by="outlet", documents=docs)
>>> table["group"].tolist()
['Times', 'Times', '(missing)', 'Post']
>>> str(caught[0].message)
"1 of 3 document(s) have no 'outlet' value (b); they are counted in the group '(missing)'"
"""

from __future__ import annotations

import warnings

import numpy as np
import pandas as pd

from corpus_tools.checks import make_renamed_getattr, require_columns

__all__ = ["MISSING_GROUP", "GroupWarning", "attach_groups", "label_groups", "count_missing_groups"]

#: The group of documents whose grouping value is missing or blank.
MISSING_GROUP = "(missing)"


class GroupWarning(UserWarning):
    """Documents without a value in the grouping column (counted in :data:`MISSING_GROUP`)."""


def _missing(values: pd.Series) -> pd.Series:
    return values.isna() | (values.astype(str).str.strip() == "")


def label_groups(values: pd.Series) -> pd.Series:
    """Grouping values as strings, a missing or blank value as :data:`MISSING_GROUP`.

    >>> label_groups(pd.Series(["x", None, " ", 3])).tolist()
    ['x', '(missing)', '(missing)', '3']
    """
    missing = _missing(values)
    labels = values.astype(object).where(~missing, MISSING_GROUP).astype(str)
    return pd.Series(labels.to_numpy(dtype=object), index=values.index, name=values.name)


def count_missing_groups(documents: pd.DataFrame, by: str) -> pd.DataFrame:
    """The documents (``doc_id``) without a ``by`` value: the members of :data:`MISSING_GROUP`.

    >>> count_missing_groups(pd.DataFrame({"doc_id": ["a", "b"], "g": ["x", ""]}), "g")["doc_id"].tolist()
    ['b']
    """
    require_columns(documents, ["doc_id", by], table="documents")
    per_doc = documents.drop_duplicates("doc_id")
    return per_doc.loc[_missing(per_doc[by]), ["doc_id"]].reset_index(drop=True)


def _warn_missing(documents: pd.DataFrame, by: str, stacklevel: int) -> None:
    missing = count_missing_groups(documents, by)
    if len(missing):
        ids = missing["doc_id"].astype(str).tolist()
        shown = ", ".join(ids[:6]) + (", ..." if len(ids) > 6 else "")
        n_docs = documents["doc_id"].nunique()
        warnings.warn(
            f"{len(ids)} of {n_docs} document(s) have no {by!r} value ({shown}); they are counted in the group "
            f"{MISSING_GROUP!r}",
            GroupWarning,
            stacklevel=stacklevel,
        )


def attach_groups(
    table: pd.DataFrame,
    by: str = "doc_id",
    *,
    documents: pd.DataFrame | None = None,
    column: str = "group",
    warn: bool = True,
) -> pd.DataFrame:
    """``table`` (any table keyed by ``doc_id``) with a ``group`` column from ``by``.

    Args:
        table: documents, sentences, hits or scores; needs ``doc_id`` unless it has ``by`` itself.
        by: the grouping column, in ``table`` or in ``documents`` (joined on ``doc_id``);
            ``"doc_id"`` makes each document its own group.
        documents: the corpus (or metadata) to take ``by`` from when ``table`` lacks it.
        column: name of the added column.
        warn: emit a :class:`GroupWarning` naming the documents put in :data:`MISSING_GROUP`.

    Returns:
        A copy of ``table`` with ``column`` (strings). Rows are never dropped.

    Raises:
        KeyError: ``by`` is in neither table, with the columns each has and the fix.

    >>> attach_groups(pd.DataFrame({"doc_id": ["a", "b"]}))["group"].tolist()
    ['a', 'b']
    """
    if by in table.columns:
        values = table[by]
        source = table if "doc_id" in table.columns else None
    else:
        if documents is None or by not in documents.columns:
            have = "" if documents is None else f"; the documents have {list(documents.columns)}"
            raise KeyError(
                f"grouping column {by!r} is not in the table (columns {list(table.columns)}){have}. "
                f"Pass documents= (the corpus, loaded with metadata=...) that has a {by!r} column, or choose by= "
                "from the columns listed."
            )
        require_columns(table, ["doc_id"], table="table to group")
        lookup = documents.drop_duplicates("doc_id").set_index("doc_id")[by]
        values = pd.Series(table["doc_id"].map(lookup).to_numpy(dtype=object), index=table.index, name=by)
        source = documents
    if warn and source is not None and by != "doc_id":
        frame = source if by in source.columns else table.assign(**{by: values})
        _warn_missing(frame[["doc_id", by]], by, stacklevel=3)
    out = table.copy()
    out[column] = label_groups(values).to_numpy(dtype=object) if len(values) else np.array([], dtype=object)
    return out


# Old names, kept for one release with a DeprecationWarning.
__getattr__ = make_renamed_getattr(__name__, {"group_labels": "label_groups"})
