"""Extraction quality on generated pages: thresholds met, and the measure can fail."""

from __future__ import annotations

import random

import pytest

from corpus_tools.validation import html as validation
from corpus_tools.validation._html_pages import LAYOUTS, build_page, build_pages


@pytest.fixture(scope="module")
def table():
    return validation.compare_html_paths(build_pages(10, seed=3), variants=False)


def test_our_path_meets_every_target_on_a_small_generated_set(table):
    assert list(table.index) == ["trafilatura", "ours"]
    assert validation.check_thresholds(table) == []
    assert table.loc["ours", "sentences_kept"] >= table.loc["trafilatura", "sentences_kept"]
    assert table.loc["ours", "chrome_kept"] < table.loc["trafilatura", "chrome_kept"]
    assert table.loc["ours", "pages"] == 10


@pytest.mark.parametrize("layout", LAYOUTS)
def test_each_layout_holds_its_truth_in_the_page(layout):
    page = build_page(random.Random(5), layout=layout)
    assert page.layout == layout and page.title in page.html and f'datetime="{page.date}"' in page.html
    assert len(page.sentences) >= 6 and len(set(page.sentences)) == len(page.sentences)
    assert all(c.replace("&", "&amp;") not in page.sentences for c in page.chrome)
    assert len(page.chrome) >= 15


def test_the_score_counts_a_dropped_sentence_and_a_kept_chrome_line():
    page = build_page(random.Random(2), layout="wire")
    text = "\n".join([*page.sentences[1:], page.chrome[0]])
    row = validation._score(page, text, page.title, page.date, None)
    assert (row["sentences_kept"], row["chrome_kept"]) == (len(page.sentences) - 1, 1)
    assert (row["title_right"], row["date_right"], row["author_right"]) == (True, True, False)
