r"""Edits: every change the cleaner makes, in raw-text coordinates, and their exact inverse.

``apply_edits(raw, edits)`` gives the clean text and ``restore_raw(clean, edits)`` gives the raw
text back, byte for byte; an audit table (rows of :func:`corpus_tools.clean.clean_audit`) works
as well as a list of :class:`Edit`.

>>> edits = [Edit(0, 6, "Share\n", "", "markup_debris")]
>>> apply_edits("Share\nHello.\n", edits), restore_raw("Hello.\n", edits)
('Hello.\n', 'Share\nHello.\n')
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

import pandas as pd

__all__ = ["Edit", "apply_edits", "restore_raw"]


@dataclass(frozen=True)
class Edit:
    """One change to the raw text: ``raw[start:end]`` becomes ``replacement`` (by ``rule``)."""

    start: int
    end: int
    original: str
    replacement: str
    rule: str


def _apply(raw: str, edits: Sequence[Edit]) -> str:
    out = []
    pos = 0
    for e in sorted(edits, key=lambda e: e.start):
        out.append(raw[pos : e.start])
        out.append(e.replacement)
        pos = e.end
    out.append(raw[pos:])
    return "".join(out)


def apply_edits(raw: str, edits: Sequence[Edit] | pd.DataFrame) -> str:
    """Apply edits (or audit rows of one document) to the raw text: the clean text."""
    return _apply(raw, _as_edits(edits))


def restore_raw(clean: str, edits: Sequence[Edit] | pd.DataFrame) -> str:
    """Invert :func:`apply_edits`: the raw text from the clean text and the edits.

    >>> from corpus_tools.clean import clean_text
    >>> raw = "Share\\nHello\u00a0world.\\n"
    >>> r = clean_text(raw)
    >>> restore_raw(r.text, r.edits) == raw
    True
    """
    out = []
    pos_clean = 0
    pos_raw = 0
    for e in sorted(_as_edits(edits), key=lambda e: e.start):
        unchanged = e.start - pos_raw
        out.append(clean[pos_clean : pos_clean + unchanged])
        out.append(e.original)
        pos_clean += unchanged + len(e.replacement)
        pos_raw = e.end
    out.append(clean[pos_clean:])
    return "".join(out)


def _as_edits(edits: Sequence[Edit] | pd.DataFrame) -> list[Edit]:
    if isinstance(edits, pd.DataFrame):
        return [
            Edit(int(r.start), int(r.end), r.original, r.replacement, r.rule) for r in edits.itertuples(index=False)
        ]
    return list(edits)
