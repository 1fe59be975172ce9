"""HTML text: table rows become lines with tab-separated cells, paragraphs stay apart."""

from __future__ import annotations

import pytest

from corpus_tools.io.exports.html import is_html, parse_html_text


def test_a_factiva_html_export_becomes_code_lines(exports_dir):
    text = parse_html_text((exports_dir / "factiva.html").read_text(encoding="utf-8"))
    lines = text.splitlines()
    assert lines[:3] == ["HD\tHarbour bridge reopens after a year of repairs", "BY\tAnn Lee", "WC\t1,204 words"]
    assert "TD" in lines and "Café owners welcomed the news." in lines
    assert "Factiva" not in text and "color" not in text  # <title> and <style> are not text


@pytest.mark.parametrize(
    ("html", "expected"),
    [
        ("<p>One\n two</p><p>Three</p>", "One two\n\nThree\n"),
        ("<div>A<br>B</div>", "A\nB\n"),
        ("<tr><td> X </td><td></td><td>Y&nbsp;</td></tr>", "X\tY\n"),
        ("<script>var a = '<p>';</script><p>Kept</p>", "Kept\n"),
    ],
)
def test_blocks_cells_and_skipped_elements(html, expected):
    assert parse_html_text(html) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [("<!doctype html><html>", True), ("  <html lang='en'>", True), ("HD <b>bold</b>", False)],
)
def test_is_html(text, expected):
    assert is_html(text) is expected
