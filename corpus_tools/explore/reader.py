"""The explorer's reader: one article as escaped HTML, sentences tinted by tone, cue words and
actor mentions marked, the search match outlined; or the raw page with every cleaning edit shown.

Every piece of corpus text is escaped (no markup in a page or a title can become active).

>>> doc = {"doc_id": "a", "title": "T", "text": "Good news. Bad war."}
>>> sentences = pd.DataFrame({"start": [0, 11], "end": [10, 19], "compound": [0.4, -0.6]})
>>> html = format_article_html(doc, sentences=sentences, highlights=pd.DataFrame(
...     {"start": [15], "end": [18], "kind": ["frame"], "label": ["conflict"]}))
>>> '<mark class="ct-frame" title="frame: conflict">war</mark>' in html
True
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from html import escape

import pandas as pd

__all__ = ["READER_CSS", "format_article_html", "format_edits_html", "format_tone_colour"]

#: Styles of the reader (inline in the page; nothing fetched).
READER_CSS = """<style>
.ct-reader {font-family: Georgia, serif; line-height: 1.55; max-width: 48em; white-space: pre-wrap;
            overflow-wrap: anywhere}
.ct-reader h3 {font-family: sans-serif; white-space: normal; margin: 0 0 .2em}
.ct-reader .ct-meta {font-family: sans-serif; font-size: 85%; color: #555; white-space: normal}
.ct-reader mark.ct-frame {background: #ffe58a; padding: 0 1px}
.ct-reader mark.ct-actor {background: none; border-bottom: 2px solid #3c78d8; font-weight: 600}
.ct-reader mark.ct-query {background: #c9e7ff; outline: 2px solid #1a73e8}
.ct-reader del {color: #a33; text-decoration: line-through; background: #fbeaea}
.ct-reader ins {color: #176; text-decoration: none; background: #e3f5ec}
</style>"""


def format_tone_colour(compound: float) -> str:
    """The background of a sentence with this compound: green positive, red negative, none neutral.

    >>> format_tone_colour(0.8), format_tone_colour(0.01)
    ('rgba(46, 160, 67, 0.40)', 'transparent')
    """
    if compound is None or pd.isna(compound) or abs(compound) < 0.05:
        return "transparent"
    alpha = min(0.45, 0.1 + 0.375 * abs(float(compound)))
    rgb = "46, 160, 67" if compound > 0 else "218, 54, 51"
    return f"rgba({rgb}, {alpha:.2f})"


def _header(doc: Mapping, group: str | None) -> str:
    title = doc.get("title") if isinstance(doc.get("title"), str) and doc.get("title") else "(no title)"
    meta = [f"doc_id {doc.get('doc_id')}"]
    date = doc.get("date")
    meta.append(f"date {pd.Timestamp(date).date()}" if date is not None and not pd.isna(date) else "no date")
    if group is not None:
        meta.append(f"group {group}")
    return f"<h3>{escape(title)}</h3><div class='ct-meta'>{escape(' · '.join(meta))}</div>"


def _marks(text: str, start: int, end: int, spans: list[tuple[int, int, str, str]]) -> str:
    """``text[start:end]`` escaped, with the spans inside it marked (overlaps: the first wins)."""
    out, pos = [], start
    for s, e, cls, title in spans:
        s, e = max(s, start), min(e, end)
        if e <= s or s < pos:
            continue
        out.append(escape(text[pos:s]))
        out.append(f'<mark class="{cls}" title="{escape(title)}">{escape(text[s:e])}</mark>')
        pos = e
    out.append(escape(text[pos:end]))
    return "".join(out)


def format_article_html(
    doc: Mapping,
    *,
    sentences: pd.DataFrame | None = None,
    highlights: pd.DataFrame | None = None,
    query_spans: Iterable[tuple[int, int]] = (),
    group: str | None = None,
) -> str:
    """One article as HTML: header, then the clean text with sentences tinted by tone.

    Args:
        doc: a corpus row (``doc_id``, ``title``, ``date``, ``text``).
        sentences: ``start, end, compound`` of its sentences (offsets into ``text``).
        highlights: ``start, end, kind, label`` spans to mark: ``kind`` ``frame`` (a cue word; label
            the frame) or ``actor`` (a mention; label the actor).
        query_spans: ``(start, end)`` of search matches, outlined.
        group: the article's group, shown in the header.
    """
    text = doc.get("text") if isinstance(doc.get("text"), str) else ""
    spans = [(s, e, "ct-query", "search match") for s, e in query_spans]
    if highlights is not None:
        spans += [
            (int(s), int(e), f"ct-{k}", f"{k}: {lab}")
            for s, e, k, lab in highlights[["start", "end", "kind", "label"]].itertuples(index=False)
        ]
    spans.sort(key=lambda x: (x[0], -x[1]))
    parts, pos = [], 0
    rows = [] if sentences is None else sentences[["start", "end", "compound"]].itertuples(index=False)
    for start, end, compound in sorted(rows):
        start, end = int(start), int(end)
        if start < pos:
            continue
        parts.append(_marks(text, pos, start, spans))
        tone = "" if pd.isna(compound) else f"tone {compound:+.2f}"
        parts.append(
            f'<span style="background:{format_tone_colour(compound)}" title="{tone}">'
            f"{_marks(text, start, end, spans)}</span>"
        )
        pos = end
    parts.append(_marks(text, pos, len(text), spans))
    return f"{READER_CSS}<div class='ct-reader'>{_header(doc, group)}\n{''.join(parts)}</div>"


def format_edits_html(doc: Mapping, audit: pd.DataFrame, *, group: str | None = None) -> str:
    """The raw page with every cleaning edit shown: removed text struck through (its rule and
    reason on hover), replaced characters as deleted then inserted.

    Args:
        doc: a corpus row with ``raw_text``.
        audit: the cleaning audit (``start, end, original, replacement, rule, reason``; offsets
            into ``raw_text``), any rows of other documents are ignored.
        group: the article's group, shown in the header.

    >>> doc = {"doc_id": "a", "raw_text": "Share this\\nPeace talks.", "text": "Peace talks."}
    >>> audit = pd.DataFrame({"doc_id": ["a"], "start": [0], "end": [11], "original": ["Share this\\n"],
    ...                       "replacement": [""], "rule": ["share"], "reason": ["share button"]})
    >>> "<del title=\\"share: share button\\">Share this\\n</del>Peace talks." in format_edits_html(doc, audit)
    True
    """
    raw = doc.get("raw_text") if isinstance(doc.get("raw_text"), str) else ""
    rows = audit[audit["doc_id"] == doc.get("doc_id")] if "doc_id" in audit.columns else audit
    parts, pos = [], 0
    for start, end, replacement, rule, reason in sorted(
        rows[["start", "end", "replacement", "rule", "reason"]].itertuples(index=False)
    ):
        start, end = int(start), int(end)
        if start < pos:
            continue
        parts.append(escape(raw[pos:start]))
        title = escape(f"{rule}: {reason}")
        parts.append(f'<del title="{title}">{escape(raw[start:end])}</del>')
        if isinstance(replacement, str) and replacement:
            parts.append(f'<ins title="{title}">{escape(replacement)}</ins>')
        pos = end
    parts.append(escape(raw[pos:]))
    return f"{READER_CSS}<div class='ct-reader'>{_header(doc, group)}\n{''.join(parts)}</div>"
