"""Normalisation: Unicode quotes, dashes and spaces made plain, whitespace runs removed."""

from __future__ import annotations

import pytest

from corpus_tools.clean import clean_text, normalize_line


def test_unicode_and_whitespace_are_normalised():
    raw = "\u201cWe\u2019re ready\u201d \u2014 said the\u00a0minister  today.\r\n"
    result = clean_text(raw)
    assert result.text == '"We\'re ready" - said the minister today.\n'
    assert {"normalize_unicode", "normalize_whitespace"} <= {e.rule for e in result.edits}


SPACES = {"no-break space": "\u00a0", "thin space": "\u2009", "ideographic space": "\u3000"}


@pytest.mark.parametrize("space", SPACES.values(), ids=SPACES.keys())
@pytest.mark.parametrize(
    ("template", "expected"),
    [
        ("Peace talks{s}", "Peace talks"),  # at the end: stripped like a trailing space
        ("Peace talks.{s}{s}", "Peace talks."),
        ("{s}Peace talks", "Peace talks"),  # at the start
        ("{s} Peace talks", "Peace talks"),
        ("Peace{s}talks", "Peace talks"),  # in the middle: a plain space
        ("Peace {s}talks", "Peace talks"),  # a run of spaces: one plain space
    ],
    ids=["end", "end-run", "start", "start-run", "middle", "middle-run"],
)
def test_normalize_line_handles_unusual_spaces_anywhere(space, template, expected):
    assert normalize_line(template.format(s=space)) == expected


@pytest.mark.parametrize(
    ("line", "expected"),
    [
        ("# Talks resume", "Talks resume"),
        ("### Sanctions: what next", "Sanctions: what next"),
        ("   ## Indented heading", "Indented heading"),
        ("#hashtag is not a heading", "#hashtag is not a heading"),
        ("####### seven is not a heading", "####### seven is not a heading"),
        ("Issue #5 stays", "Issue #5 stays"),
    ],
)
def test_markdown_heading_markers_go_and_hashtags_stay(line, expected):
    assert normalize_line(line) == expected


def _random_lines(n: int, seed: int) -> list[str]:
    """Random lines over the characters the repairs look for (markup, spaces of every kind,
    typographic quotes), ASCII and not."""
    import random

    rng = random.Random(seed)
    pieces = [
        "a",
        "Word",
        " ",
        "  ",
        "\t",
        "|",
        "#",
        "## ",
        "[",
        "]",
        "(",
        ")",
        "!",
        "-",
        "* ",
        "1. ",
        "http://x.y",
        "www.z",
        "\u00a0",
        "\u2019",
        "\u201c",
        "\u2014",
        "\u3000",
        "\u200b",
        "\n",
        "[a](b)",
        "![x](y)",
        "\u00e9",
    ]
    return ["".join(rng.choice(pieces) for _ in range(rng.randint(0, 12))) for _ in range(n)]


def test_each_repair_pattern_is_skipped_only_where_it_cannot_match():
    """_char_edits runs a pattern only when the characters it needs are in the line; the
    pre-tests must never skip a line the pattern matches."""
    from corpus_tools.clean import normalize as nz

    lines = _random_lines(6000, seed=0)
    for line in lines:
        if nz._SPACE_RUN_RE.search(line):
            assert nz._may_have_space_runs(line), repr(line)
        if nz._MD_LINK_RE.search(line):
            assert "[" in line
        if nz._CHAR_RE.search(line):
            assert not line.isascii()
        if nz._TABLE_ROW_RE.match(line):
            assert "|" in line
        if nz._HEADING_RE.match(line):
            assert "#" in line
    assert sum(bool(nz._SPACE_RUN_RE.search(ln)) for ln in lines) > 1000  # the lines exercise every pattern
    assert sum(bool(nz._MD_LINK_RE.search(ln)) for ln in lines) > 100
