"""Cleaning: each rule on small fixtures, the seeds, and the audit's exact reconstruction."""

from __future__ import annotations

import pandas as pd
import pytest

from corpus_tools.clean import clean_text

BODY = (
    "Diplomats from thirty countries met in Paris on Tuesday to discuss the security of the region, "
    "according to officials who attended the talks.\n\n"
    "The meeting ended without an agreement, but the ministers said they would meet again next month "
    "and that the work of their teams would continue in the meantime.\n"
)


def removed_by(result, rule):
    return [e.original.strip() for e in result.edits if e.rule == rule and e.original.strip()]


@pytest.mark.parametrize(
    ("chrome", "rule"),
    [
        ("Skip to content", "skip_link"),
        ("Home » World » Europe", "breadcrumb"),
        ("Share on Facebook Twitter Email", "share_buttons"),
        ("Keywords: Paris, diplomacy, talks", "keyword_line"),
        ("Tags: Europe, security", "keyword_line"),
        ("5 min read", "dateline_meta"),
        ("|---|---|", "markup_debris"),
        ("close", "markup_debris"),
        ("Leave a Comment", "comment_prompt"),
        ("Subscribe to our newsletter for the latest headlines delivered to your inbox.", "promo"),
        ("Thank you for visiting our website, your trusted source for news.", "promo"),
    ],
)
def test_chrome_lines_are_removed_with_their_rule(chrome, rule):
    result = clean_text(f"Talks in Paris\n\n{chrome}\n\n{BODY}")
    assert chrome in removed_by(result, rule) or chrome.replace("|", "").strip("-") in " ".join(
        removed_by(result, rule)
    )
    assert "Diplomats from thirty countries" in result.text
    assert "meet again next month" in result.text


def test_related_block_removes_heading_and_link_list():
    raw = BODY + "\nRead also:\n\nEU leaders meet in Brussels\nSanctions package agreed\n"
    result = clean_text(raw)
    assert removed_by(result, "related_block") == [
        "Read also:",
        "EU leaders meet in Brussels",
        "Sanctions package agreed",
    ]
    assert result.text.rstrip().endswith("in the meantime.")


def test_table_of_contents_is_removed_when_headings_recur():
    raw = (
        "Table of Contents\n- 1. The talks\n- 2. What comes next\n"
        "The talks\n" + BODY + "What comes next\nMinisters will meet again in April, the statement said.\n"
    )
    result = clean_text(raw)
    assert removed_by(result, "toc") == ["Table of Contents", "- 1. The talks", "- 2. What comes next"]
    assert "The talks\n" in result.text and "What comes next\n" in result.text


def test_title_and_date_are_extracted_once():
    raw = "Peace talks stall\n\n3 min read Post on Mar 22, 2025\nPeace talks stall\n\n" + BODY + "\nPeace talks stall\n"
    result = clean_text(raw)
    assert result.title == "Peace talks stall"
    assert result.date == pd.Timestamp("2025-03-22")
    assert "Peace talks stall" not in result.text
    assert len(removed_by(result, "repeated_headline")) == 2


def test_trailing_fragment_is_removed():
    result = clean_text(BODY + "4.")
    assert removed_by(result, "trailing_fragment") == ["4."]


def test_professional_article_keeps_every_body_line():
    raw = "Minister resigns over budget row\n\n" + BODY + "\nShe will be replaced by her deputy, the office said.\n"
    result = clean_text(raw)
    assert result.title == "Minister resigns over budget row"
    body_lines = [line for line in raw.splitlines()[1:] if line.strip()]
    assert [line for line in result.text.splitlines() if line.strip()] == body_lines


PROSE = "The ministers said on Monday that they would meet again in Paris at the end of the month, officials confirmed."


@pytest.mark.parametrize(
    ("headline", "body"),
    [
        # "US" the country is not the "join us" of a promotion
        ("Film stars join US charity concert", [PROSE]),
        # a headline ending in an ellipsis
        ("Is this the end of the paper map...", [PROSE]),
        # a standfirst sharing two words with the headline is article text
        ("Rovers through on penalties", ["Rovers win 5-4 on penalties", PROSE]),
        # a team sheet: short last lines of a list, not truncated fragments
        ("Cup final line-ups", [PROSE, "Town: A Smith, B Jones, C Brown.", "Subs: D Green, E White.", "F Black"]),
        (
            "Cup draw in full",
            [PROSE, "Rovers v United", "Winners play in the final", "City v Athletic", "Winners play in the final"],
        ),
        ("Champions list", [PROSE, "WINNERS (twice)"]),
        # a prose line that mentions a newsletter and signing up is not a promotion
        (
            "Party targets voters by mail",
            [
                PROSE,
                "The party newsletter says it can sign up supporters for postal votes, "
                "according to a copy seen by reporters on Tuesday.",
                PROSE.replace("Paris", "Rome"),
            ],
        ),
        # a broadcast line at the end of a sports report
        ("Derby preview", [PROSE, "Live on Channel 7 and this website"]),
    ],
)
def test_edited_article_keeps_every_line(headline, body):
    raw = headline + "\n\n" + "\n\n".join(body) + "\n"
    result = clean_text(raw)
    assert result.title == headline
    assert [line for line in result.text.splitlines() if line.strip()] == body


def test_duplicated_block_is_removed_once():
    table = ["| Country | View |", "| France | Supports the plan |", "| Italy | Opposes the plan |"]
    raw = "\n".join([PROSE, *table, PROSE.replace("Paris", "Rome"), *table]) + "\n"
    result = clean_text(raw)
    assert len(removed_by(result, "repeated_line")) == 3
    assert result.text.count("France ; Supports the plan") == 1


# --------------------------------------------------------------------------- page-level rules on invented pages

MENU = ["Menu", "World", "Business", "Sport", "Weather", "Sign In"]
FOOTER = ["About Us", "Contact Us", "Privacy Policy", "Terms of Use", "Careers"]


def page(*parts: list[str] | str) -> str:
    lines: list[str] = []
    for part in parts:
        lines.extend([part] if isinstance(part, str) else part)
    return "\n".join(lines) + "\n"


def kept_lines(result) -> list[str]:
    return [line for line in result.text.splitlines() if line.strip()]


def test_markdown_link_lines_are_removed_and_link_markup_unwrapped():
    raw = page(
        "Harbour reopens after storm",
        (
            "The harbour reopened on Friday after a week of repairs, the [port authority](https://example.org/port)"
            " said in a statement."
        ),
        PROSE,
        "## Links",
        "- [World](https://example.org/world)",
        "- [https://example.org/](https://example.org/)",
        "https://example.org/feed",
    )
    result = clean_text(raw)
    assert removed_by(result, "link_list") == [
        "## Links",
        "- [World](https://example.org/world)",
        "- [https://example.org/](https://example.org/)",
        "https://example.org/feed",
    ]
    assert kept_lines(result)[0].startswith(
        "The harbour reopened on Friday after a week of repairs, the port authority said"
    )
    assert [e.original for e in result.edits if e.rule == "link_markup"] == [
        "[port authority](https://example.org/port)"
    ]


def test_menu_and_footer_runs_outside_the_body_are_removed():
    body = [PROSE, BODY.splitlines()[0], BODY.splitlines()[2]]
    raw = page(
        "Harbour reopens after storm | Coast Herald",
        MENU,
        "Harbour reopens after storm",
        "Mar 3, 2025 | 9:05 AM",
        "By Ann Example",
        body,
        "Fishing fleet returns to port",
        "Ferry timetable changes next week",
        FOOTER,
    )
    result = clean_text(raw)
    assert result.title == "Harbour reopens after storm"  # the site name after " | " is dropped
    assert result.date == pd.Timestamp("2025-03-03")  # read from the header run
    assert kept_lines(result) == ["By Ann Example", *body]  # the byline leads into the body and is kept
    assert set(removed_by(result, "menu_block")) >= {"World", "Business", "Fishing fleet returns to port", "Careers"}


def test_short_lines_after_the_body_without_furniture_are_kept():
    tail = ["Group A", "North v South", "East v West", "Winners meet in the final", "Kick-off 3pm"]
    raw = page("Cup draw made", PROSE, BODY.splitlines()[0], tail)
    assert kept_lines(clean_text(raw)) == [PROSE, BODY.splitlines()[0], *tail]


@pytest.mark.parametrize(
    ("line", "rule"),
    [
        (
            "We use cookies to improve your experience on our website. By browsing you accept our cookie policy.",
            "cookie_notice",
        ),
        (
            "This cookie is used to collect statistics about how visitors use the site and which pages they open.",
            "cookie_notice",
        ),
    ],
)
def test_cookie_notices_are_removed(line, rule):
    result = clean_text(page("Harbour reopens after storm", PROSE, BODY.splitlines()[0], FOOTER[:2], line, FOOTER[2:]))
    assert removed_by(result, rule) == [line]
    assert kept_lines(result) == [PROSE, BODY.splitlines()[0]]


def test_article_about_cookies_keeps_its_prose():
    line = (
        "Regulators said the company had set advertising cookies before visitors could accept or refuse them,"
        " the ruling says."
    )
    result = clean_text(page("Regulator fines retailer", PROSE, line, PROSE.replace("Paris", "Rome")))
    assert line in kept_lines(result)


def test_reader_addressed_line_between_footer_furniture_is_removed_by_context():
    line = "Create a password that only you will remember, and keep it somewhere safe for the next time you visit."
    result = clean_text(
        page("Harbour reopens after storm", PROSE, BODY.splitlines()[0], FOOTER, line, "Log in", "Newsletters")
    )
    assert line in removed_by(result, "chrome_context") + removed_by(result, "promo")
    assert kept_lines(result) == [PROSE, BODY.splitlines()[0]]


def test_question_subheads_and_colon_paragraphs_after_a_removed_table_are_kept():
    # An explainer's closing section: a question subhead over a broken table, another question,
    # then a paragraph that ends in a colon and introduces a list.
    question_1 = "How do the governments involved view the proposal?"
    question_2 = "Which other options are being discussed by the ministers?"
    intro = (
        "Besides the treaty, other forms of support are being considered, although they raise hard questions. "
        "These include:"
    )
    table = ["| Country | View |", "| :--- | :--- |", "| Norway | Supports |", "| Chile | Undecided |"]
    items = ["Loans: Offering credit to rebuild the ports.", "Training: Sending instructors to the academy."]
    raw = page(
        "Ministers weigh new treaty",
        PROSE,
        BODY.splitlines()[0],
        question_1,
        table,
        question_2,
        intro,
        items,
        "You may also like",
        FOOTER,
    )
    kept = kept_lines(clean_text(raw))
    assert question_1 in kept and question_2 in kept
    assert intro in kept
    assert "Careers" not in kept


@pytest.mark.parametrize(
    ("chrome", "rule"),
    [
        ("[iv]", "markup_debris"),  # a footnote reference on its own line
        ("[12]", "markup_debris"),
        ("Click here", "markup_debris"),
        ("Mail Facebook Twitter / X LinkedIn", "share_buttons"),
        ("Photo: Example Agency", "media_credit"),
        ("Image by Jane Example for the Herald", "media_credit"),
        ("Skip to main contentSkip to navigation", "skip_link"),
        ("© 2025 Coast Herald. All rights reserved.", "copyright"),
    ],
)
def test_small_chrome_lines_inside_the_page(chrome, rule):
    result = clean_text(
        page("Harbour reopens after storm", PROSE, chrome, BODY.splitlines()[0], PROSE.replace("Paris", "Rome"))
    )
    assert removed_by(result, rule) == [chrome]
    assert len(kept_lines(result)) == 3


def test_news_feed_heading_takes_its_headlines():
    raw = page(
        "Harbour reopens after storm",
        PROSE,
        BODY.splitlines()[0],
        "News Feed",
        "Ferry fares rise in spring",
        "Council approves new bridge",
    )
    result = clean_text(raw)
    assert removed_by(result, "related_block") == [
        "News Feed",
        "Ferry fares rise in spring",
        "Council approves new bridge",
    ]


@pytest.mark.parametrize(
    ("date_line", "expected"),
    [
        ("March 3, 2025 at 7:00 a.m. EST", "2025-03-03"),
        ("03.03.2025. 06:20h", "2025-03-03"),
        ("Published on Monday, 3 March 2025", "2025-03-03"),
    ],
)
def test_date_only_line_above_the_body_fills_the_date(date_line, expected):
    result = clean_text(page("Harbour reopens after storm", date_line, PROSE, BODY.splitlines()[0]))
    assert result.date == pd.Timestamp(expected)
    assert removed_by(result, "dateline_meta") == [date_line]


def test_line_mentioning_a_date_is_not_a_date_line():
    line = "Attack on 3 March 2025"
    result = clean_text(page("Harbour reopens after storm", line, PROSE, BODY.splitlines()[0]))
    assert line in kept_lines(result)


def test_question_section_after_the_body_is_kept_and_its_repeated_table_dropped():
    table = ["Country Position", "France Supports the plan.", "Italy Opposes the plan."]
    piped = ["| Country | Position |", "|---|---|", "| France | Supports the plan. |", "| Italy | Opposes the plan. |"]
    questions = [
        "How do the governments view the plan?",
        "What other options are being considered?",
        (
            "Besides the plan, other forms of support are being discussed, though they raise hard questions."
            " These include:"
        ),
        "Bilateral agreements: separate pacts between pairs of countries.",
    ]
    raw = page(
        "Ministers weigh the plan",
        PROSE,
        table,
        BODY.splitlines()[0],
        BODY.splitlines()[2],
        questions[0],
        piped,
        questions[1:],
        "You may also like",
        "Leave a Comment",
    )
    result = clean_text(raw)
    kept = kept_lines(result)
    assert all(q in kept for q in questions)
    assert len(removed_by(result, "repeated_line")) == 3  # the table's rows, shown a second time
    assert "You may also like" in removed_by(result, "related_block")


@pytest.mark.parametrize(
    ("first_line", "title"),
    [
        ("Harbour reopens after storm - Coast Herald", "Harbour reopens after storm"),  # the copyright holder
        ("Harbour reopens after storm - Mayor", "Harbour reopens after storm - Mayor"),  # an attribution stays
    ],
)
def test_site_name_named_in_the_copyright_line_leaves_the_title(first_line, title):
    raw = page(
        first_line,
        PROSE,
        "The Mayor said the work was finished early.",
        BODY.splitlines()[0],
        FOOTER,
        "© 1999-2025 Coast Herald",
    )
    assert clean_text(raw).title == title
