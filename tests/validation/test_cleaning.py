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


def test_one_line_article_with_a_newsletter_sentence_is_not_emptied(tmp_path, capsys):
    # a BBC-like edited article delivered as ONE line, a newsletter sentence inside
    body = [BODY[0] + " Sign up for our newsletter to get the latest headlines in your inbox. " + BODY[1], *BODY]
    table = cleaning.score_bbc_one_line(
        cleaning.pd.DataFrame({"doc_id": ["a"], "raw": ["Bridge to open in spring\n\n" + "\n\n".join(body) + "\n"]})
    )
    # 22 + 13 + 19 words, then 22 + 19: 95 words; the 13 of the newsletter sentence go
    assert table[["words", "kept_words", "emptied"]].values.tolist() == [[95, 82, False]]
    assert cleaning._report_bbc_one_line(table)
    assert "articles emptied: 0" in capsys.readouterr().out


def test_emptied_articles_and_chrome_are_reported(tmp_path, capsys):
    assert cleaning.run(write_eval(tmp_path, BODY))
    out = capsys.readouterr().out
    assert "articles emptied by cleaning: 0  (target 0)" in out
    # 14 lines with text, 12 removed, none of them prose
    assert "chrome removed (removed lines that are not prose): 12" in out


@pytest.mark.parametrize(
    ("title", "reference", "expected"),
    [
        ("Talks resume", "Talks resume | Example News", True),
        ("Talks resume in Paris", "Talks resume", True),
        ("Menu", "Talks resume", False),
        (None, "Talks resume", False),
        ("Talks resume", None, None),
    ],
)
def test_title_matches(title, reference, expected):
    assert cleaning._title_matches(title, reference) is expected
