"""Field values of news-database exports: dates, word counts and the record every article becomes.

>>> parse_export_date("March 3, 2025 Monday"), parse_word_count("LENGTH: 1,204 words")
('2025-03-03', 1204)
"""

from __future__ import annotations

import re
from datetime import datetime

__all__ = ["EXPORT_COLUMNS", "parse_export_date", "parse_word_count", "make_export_record"]

#: The columns of one article of an export, in order.
EXPORT_COLUMNS = (
    "doc_id",
    "title",
    "date",
    "newspaper",
    "byline",
    "section",
    "word_count",
    "raw_text",
    "source_file",
    "export",
    "encoding",
)

_WEEKDAYS = r"(?:monday|tuesday|wednesday|thursday|friday|saturday|sunday|mon|tue|tues|wed|thu|thur|thurs|fri|sat|sun)"
_WEEKDAY = re.compile(rf"\b{_WEEKDAYS}\b\.?,?", re.I)
# A clock time and what follows it ("10:30 AM GMT", "3:14:00 PM EST").
_TIME = re.compile(r"\b\d{1,2}:\d{2}(?::\d{2})?\s*(?:[ap]\.?m\.?)?.*$", re.I)
_ORDINAL = re.compile(r"\b(\d{1,2})(?:st|nd|rd|th)\b", re.I)
_YEAR = re.compile(r"\d{4}")
_FORMATS = (
    "%Y-%m-%d",
    "%B %d %Y",
    "%b %d %Y",
    "%d %B %Y",
    "%d %b %Y",
    "%d/%m/%Y",
    "%Y/%m/%d",
    "%d.%m.%Y",
    "%B %Y",
    "%b %Y",
)
_WORDS = re.compile(r"^\s*(?:[A-Za-z-]+:\s*)?(\d{1,3}(?:[,.\u00a0 ]\d{3})+|\d+)\s+words?\s*$", re.I)


def parse_export_date(value: str) -> str | None:
    """The date of a date line as ``YYYY-MM-DD``, or ``None`` when it is not a date.

    Weekday names, ordinals, commas and a trailing clock time are ignored, so the layouts of
    LexisNexis ("March 3, 2025 Monday", "Monday, March 3, 2025") and Factiva ("3 March 2025")
    read alike. Day-first for numeric dates with slashes or dots (``03/04/2025`` is 3 April).

    >>> [parse_export_date(v) for v in ["3 March 2025", "2025-03-03", "Sunday 2 Feb 2025", "Final Edition"]]
    ['2025-03-03', '2025-03-03', '2025-02-02', None]
    """
    if len(value) > 80 or not _YEAR.search(value):  # cheap: most lines tried are not dates
        return None
    text = _TIME.sub("", value.strip())
    text = _WEEKDAY.sub(" ", text)
    text = _ORDINAL.sub(r"\1", text)
    text = " ".join(text.replace(",", " ").split())
    if not text or len(text) > 40 or not _YEAR.search(text):
        return None
    for fmt in _FORMATS:
        try:
            return datetime.strptime(text, fmt).date().isoformat()
        except ValueError:
            continue
    return None


def parse_word_count(value: str) -> int | None:
    """The word count a field states ("812 words", "LENGTH: 1,204 words"), or ``None``.

    >>> parse_word_count("812 words"), parse_word_count("Length: 1.204 words"), parse_word_count("long")
    (812, 1204, None)
    """
    match = _WORDS.match(value)
    if not match:
        return None
    return int(re.sub(r"\D", "", match.group(1)))


def make_export_record(**fields) -> dict:
    """One article as a dict with every column of :data:`EXPORT_COLUMNS` (missing ones ``None``).

    >>> record = make_export_record(doc_id="a_001", title="Talks")
    >>> list(record)[:3], record["byline"]
    (['doc_id', 'title', 'date'], None)
    """
    unknown = set(fields) - set(EXPORT_COLUMNS)
    if unknown:
        raise TypeError(f"unknown export columns: {sorted(unknown)}")
    return {column: fields.get(column) for column in EXPORT_COLUMNS}
