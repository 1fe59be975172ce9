"""Endnotes, reference lists, citation blocks and account/product links go; article text stays."""

from __future__ import annotations

import pytest

from corpus_tools.clean import clean_text, restore_raw
from corpus_tools.clean.lines import _split_lines
from corpus_tools.clean.references import _is_account_link, _is_reference_line

PARA = (
    "Russian forces attacked energy infrastructure in Odesa Oblast overnight, according to the regional "
    "administration, which said that repairs would take several days to complete."
)


def _page(*lines: str) -> str:
    return "\n\n".join(lines) + "\n"


def test_endnotes_under_a_heading_go_with_the_heading():
    notes = [
        "[1] https://t.me/kpszsu/56598 ; https://x.com/example/status/1",
        "[2] Ministry of Defence, statement, accessed February 21, 2026, <https://example.org/statement>",
        "3. Smith, J. (2024). Energy and war. Kyiv: Example Press.",
    ]
    raw = _page(PARA, PARA.replace("Odesa", "Kharkiv"), "Endnotes", *notes)
    result = clean_text(raw)
    assert result.text == _page(PARA, PARA.replace("Odesa", "Kharkiv"))
    removed = [(e.original.strip(), e.rule) for e in result.edits if e.original.strip()]
    assert removed == [("Endnotes", "reference_list")] + [(n, "reference_list") for n in notes]
    assert restore_raw(result.text, result.edits) == raw


def test_https_org_com_leave_the_text():
    notes = [f"[{i}] https://www.example{i}.org/report/{i} ; https://news{i}.com/story/{i}" for i in range(1, 31)]
    text = clean_text(_page(PARA, *notes)).text
    assert "https" not in text and ".org" not in text and ".com" not in text


def test_citation_block_goes():
    raw = _page(PARA, "Cite this article:", "Doe, J. (2026). Odesa under fire. Example Review, 4(2), 1-10.")
    assert clean_text(raw).text == _page(PARA)


@pytest.mark.parametrize(
    ("line", "expected"),
    [
        ("[12] https://example.org/report.pdf", True),
        ("https://example.org/a ; https://example.org/b", True),
        ("[[iv]](https://example.org/#ref4) https://t.me/channel/35832", True),
        ("* Retrieved from https://example.org/data on 3 March 2026", True),
        # article text that cites its source in a link is prose, not a reference
        (
            "**A Russian milblogger claimed that Russian forces continued offensive operations northeast of the "
            "town on February 26.** [https://t.me/x/1](https://t.me/x/1)",
            False,
        ),
        ("3. In 2022, the army withdrew from the city.", False),
        ("2,000 internet shutdowns", False),
    ],
)
def test_reference_lines(line, expected):
    assert _is_reference_line(_split_lines(line)[0]) is expected


@pytest.mark.parametrize(
    ("line", "expected"),
    [
        ("Bloomberg Terminal Demo Request", True),
        ("Bloomberg Anywhere Login", True),
        ("Anywhere Remote Login", True),
        ("Customer Support", True),
        ("The Company & its Products", True),
        ("Log In Using Your Account", True),
        ("Get it on Google Play", True),
        ("Request a demo", True),
        # headlines, subheads and a demonstration are article text
        ("Login data of millions leaked", False),
        ("Students hold demo in the capital", False),
        ("Sign in the window read: closed", False),
        ("Bank customers can log in again after outage, the bank said.", False),
    ],
)
def test_account_links(line, expected):
    assert _is_account_link(_split_lines(line)[0]) is expected


def test_quotes_datelines_subheads_and_captions_stay():
    kept = [
        "Odesa hit overnight",
        "KYIV, Feb 27 (Reuters) - " + PARA,
        '"We will not give up," the mayor said.',
        "What happens next?",
        "Rescue workers clear debris in Odesa on Friday.",
        PARA.replace("Odesa", "Sumy"),
    ]
    result = clean_text(_page(*kept))
    assert result.title == "Odesa hit overnight"
    assert result.text == _page(*kept[1:])
