"""Field values: date lines of every layout, stated word counts, the record's columns."""

from __future__ import annotations

import pytest

from corpus_tools.io.exports.fields import EXPORT_COLUMNS, make_export_record, parse_export_date, parse_word_count


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        ("March 3, 2025 Monday", "2025-03-03"),  # LexisNexis classic
        ("Monday, March 3, 2025", "2025-03-03"),  # Nexis Uni
        ("Thursday, March 6, 2025 10:30 AM GMT", "2025-03-06"),  # with a clock time
        ("3 March 2025", "2025-03-03"),  # Factiva
        ("03 Mar 2025", "2025-03-03"),
        ("2025-03-03", "2025-03-03"),
        ("March 3rd, 2025", "2025-03-03"),
        ("06/03/2025", "2025-03-06"),  # day first
        ("March 2025", "2025-03-01"),  # a monthly: the first of the month
        ("Final Edition", None),
        ("February 30, 2025", None),
        ("", None),
        ("Copyright 2025 Courier Media Ltd", None),
    ],
)
def test_date_lines(value, expected):
    assert parse_export_date(value) == expected


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        ("LENGTH: 1,204 words", 1204),
        ("Length: 812 words", 812),
        ("812 words", 812),
        ("1 word", 1),
        ("1.204 words", 1204),
        ("12,345,678 words", 12345678),
        ("about 800 words", None),
        ("812", None),
        ("", None),
    ],
)
def test_word_counts(value, expected):
    assert parse_word_count(value) == expected


def test_a_record_has_every_column_in_order_and_rejects_unknown_ones():
    record = make_export_record(title="T", word_count=3)
    assert tuple(record) == EXPORT_COLUMNS
    assert record["title"] == "T" and record["word_count"] == 3 and record["raw_text"] is None
    with pytest.raises(TypeError, match="headline"):
        make_export_record(headline="T")
