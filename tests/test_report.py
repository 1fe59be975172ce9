"""corpus_tools.report: HTML rendering never lets corpus text inject markup."""

from __future__ import annotations

import pandas as pd
import pytest

from corpus_tools.report import highlight_html, table_html


@pytest.mark.parametrize("dtype", [object, "string", pd.StringDtype("python")])
def test_table_html_escapes_text_whatever_its_dtype(dtype):
    table = pd.DataFrame({"doc_id": pd.Series(["<b>x</b>"], dtype=dtype), "n": [3]})
    html = table_html(table)
    assert "<b>x</b>" not in html
    assert "&lt;b&gt;x&lt;/b&gt;" in html


def test_table_html_keeps_the_callers_html_columns():
    text = "a <script>alert(1)</script> reassurance force"
    start = text.index("reassurance")
    marked = highlight_html(text, [(start, start + len("reassurance force"))])
    html = table_html(pd.DataFrame({"sentence": [marked]}), html_columns=["sentence"])
    assert "<script>" not in html and "<mark" in html
