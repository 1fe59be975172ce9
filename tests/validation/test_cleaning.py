"""The cleaning validation on a tiny evaluation folder written here (the real one is not shipped)."""

from __future__ import annotations

import json

import pytest

from corpus_tools.validation import cleaning

BODY = [
    "The council said on Monday that the new bridge would open in the spring, after two years of work on the river.",
    "Residents welcomed the news, although some said the project had cost far more than the town was first told.",
]
CHROME_PAGE = (
    "\n".join(
        [
            "Bridge to open in spring | Valley Courier",
            "Menu",
            "News",
            "Sport",
            "Weather",
            "Sign In",
            "Bridge to open in spring",
            *BODY,
            "Privacy Policy",
            "Contact Us",
            "Terms of Use",
            "Careers",
            "- [News](https://example.org/news)",
        ]
    )
    + "\n"
)


def write_eval(tmp_path, bbc_body):
    folder = tmp_path / "bbc" / "raw" / "news"
    folder.mkdir(parents=True)
    (folder / "001.txt").write_text("Bridge to open in spring\n\n" + "\n\n".join(bbc_body) + "\n", encoding="utf-8")
    (folder / "002.txt").write_text("Talks resume in Paris\n\n" + BODY[1] + "\n", encoding="utf-8")
    pages = tmp_path / "ukraine_news"
    pages.mkdir()
    row = {
        "id": "example.org_bridge",
        "raw_text": CHROME_PAGE,
        "search_snippet": "The council said on Monday that the new bridge would open...",
    }
    (pages / "ukraine_raw_pages.jsonl").write_text(json.dumps(row) + "\n", encoding="utf-8")
    return tmp_path


def test_passes_when_every_body_line_is_kept(tmp_path, capsys):
    assert cleaning.run(write_eval(tmp_path, BODY))
    out = capsys.readouterr().out
    assert "articles with every body line kept: 100.00%" in out
    assert "distinct prose lines kept: 2 of 2" in out
    assert "search snippet found in the raw page: 1, kept: 1" in out


def test_fails_when_a_body_line_is_lost(tmp_path, capsys):
    promo = "Subscribe to our newsletter for the latest headlines delivered to your inbox."
    assert not cleaning.run(write_eval(tmp_path, [*BODY, promo]))
    out = capsys.readouterr().out
    assert "articles with every body line kept: 50.00%" in out
    assert "[promo] news/001.txt" in out


def test_page_counts_by_hand(tmp_path):
    pages = [{"id": "p", "raw_text": CHROME_PAGE}]
    table, removed = cleaning.score_pages(pages, cleaning._clean_all([CHROME_PAGE], "test"))
    # 14 lines with text: the two body lines are kept; page title, menu (5), headline, footer (4) and link go
    assert table.loc[0, ["lines", "kept", "removed", "prose", "prose_kept"]].tolist() == [14, 2, 12, 2, 2]
    assert set(removed["rule"]) >= {"title", "link_list"}


def test_missing_pages_file_is_a_clear_error(tmp_path):
    with pytest.raises(FileNotFoundError, match="ukraine_raw_pages.jsonl"):
        cleaning._read_jsonl(tmp_path / "ukraine_raw_pages.jsonl")
