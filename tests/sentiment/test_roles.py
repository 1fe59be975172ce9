"""Parser-free roles: tokens with offsets, clause boundaries, the role of a mention, word lists."""

from __future__ import annotations

import pytest

from corpus_tools.sentiment import roles

WORDS = roles.read_role_words()


def _clauses(text: str) -> list[str]:
    """The clauses of ``text`` as strings of tokens, in order."""
    tokens = roles.split_tokens_with_offsets(text)
    ids = roles.split_clause_ids(tokens, WORDS)
    assert ids == sorted(ids) or "," in text  # a parenthetical goes back to its clause's number
    groups: dict[int, list[str]] = {}
    for token, clause in zip(tokens, ids, strict=True):
        groups.setdefault(clause, []).append(token[0])
    return [" ".join(g) for g in groups.values()]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Ana won but Ben lost.", ["Ana won", "but Ben lost ."]),
        ("Ana won, whereas Ben lost.", ["Ana won ,", "whereas Ben lost ."]),
        ("Although Ana won, Ben smiled.", ["Although Ana won ,", "Ben smiled ."]),
        ("Ana won; Ben lost.", ["Ana won ;", "Ben lost ."]),
        ("Ana won, and Ben lost.", ["Ana won ,", "and Ben lost ."]),
        ("Ana said Ben lied.", ["Ana said", "Ben lied ."]),
        ("Ana told reporters that Ben lied.", ["Ana told reporters", "that Ben lied ."]),
        ("Ben lied, Ana said.", ["Ben lied ,", "Ana said ."]),
        ("According to Ana, Ben lied.", ["According to Ana ,", "Ben lied ."]),
        ("Ana, who lost in May, praised Ben.", ["Ana , praised Ben .", "who lost in May ,"]),
        ("Ana praised Ben and Cal.", ["Ana praised Ben and Cal ."]),
    ],
)
def test_clause_boundaries(text, expected):
    assert _clauses(text) == expected


def test_tokens_keep_exact_offsets_and_split_possessives():
    text = "Kesh's army, the rebels' siege and Ana’s plan."
    tokens = roles.split_tokens_with_offsets(text)
    assert all(text[s:e] == word for word, _, s, e in tokens)
    assert [t[0] for t in tokens[:3]] == ["Kesh", "'s", "army"]
    assert [t[1] for t in tokens if "'" in t[1] or "’" in t[1]] == ["'s", "'", "'s"]


def _role(text: str, target: str, others: tuple[str, ...] = ()) -> roles.Role:
    """The role of ``target`` in ``text``; ``others``: the other mentions (not verbs)."""
    tokens = roles.split_tokens_with_offsets(text)

    def span(name):
        start = text.index(name)
        inside = [i for i, t in enumerate(tokens) if t[2] < start + len(name) and t[3] > start]
        return inside[0], inside[-1]

    names = frozenset(i for name in (target, *others) for i in range(span(name)[0], span(name)[1] + 1))
    return roles.match_role(tokens, span(target), WORDS, names=names)


@pytest.mark.parametrize(
    ("text", "target", "tone", "role"),
    [
        ("Ana criticised Ben.", "Ana", 0, "subject of criticised"),
        ("Ana criticised Ben.", "Ben", -1, "object of criticised"),
        ("Ana attacked Ben.", "Ana", -1, "subject of attacked"),
        ("Ben was attacked by Ana.", "Ben", 0, "object of attacked"),
        ("Ben was attacked by Ana.", "Ana", -1, "subject of attacked"),
        ("Ana rescued Ben.", "Ana", 1, "subject of rescued"),
        ("Ana defeated Ben.", "Ben", -1, "object of defeated"),
        ("Ana did not praise Ben.", "Ben", 0, "object of praise (negated)"),
        ("Ana refused to praise Ben.", "Ben", 0, "object of praise (negated)"),
        ("Ana's attack on Ben ended.", "Ana", -1, "doer of attack"),
        ("Ana's attack on Ben ended.", "Ben", 0, "object of attack"),
        ("The attack by Ana on Ben ended.", "Ana", -1, "doer of attack"),
        ("Praise for Ben came from Ana.", "Ben", 1, "object of Praise"),
        ("Ana met Ben in Rome.", "Ben", 0, ""),
        ("Ana thanked Ben and blamed Cal.", "Cal", -1, "object of blamed"),
        ("Ana thanked Ben and blamed Cal.", "Ben", 1, "object of thanked"),
    ],
)
def test_roles(text, target, tone, role):
    assert _role(text, target)[:2] == (tone, role)


@pytest.mark.parametrize(
    ("text", "target", "others", "tone", "role", "patient"),
    [
        ("Ana attacked Ben.", "Ben", (), 0, "object of attacked", True),
        ("Ana rescued Ben.", "Ben", (), 0, "object of rescued", True),
        ("Ana criticised Ben.", "Ben", (), -1, "object of criticised", False),
        ("Ana attacked Ben for his lies.", "Ben", (), -1, "object of attacked", False),
        ("Ana attacked Ben for his lies.", "Ana", (), 0, "subject of attacked", False),
        ("Ana killed dozens of farmers.", "farmers", (), 0, "object of killed", True),
        ("Ana thanked Ben, Cal and Dee.", "Dee", ("Ben", "Cal"), 1, "object of thanked", False),
        ("Ana beat Ben as Cal watched.", "Cal", ("Ben",), 0, "", False),
        ("Ben, rescued by Ana, smiled.", "Ana", ("Ben",), 1, "subject of rescued", False),
        ("Ana collapsed in the polls.", "Ana", (), -1, "subject of collapsed", False),
        ("Ana surged in the polls.", "Ana", (), 1, "subject of surged", False),
        ("The victims of Ana wept.", "Ana", (), -1, "object of victims", False),
        ("Ana's attack on Ben was blamed on Cal.", "Cal", ("Ana", "Ben"), 0, "", False),
    ],
)
def test_patients_reasons_lists_participles_and_outcomes(text, target, others, tone, role, patient):
    assert _role(text, target, others)[1:2] + (_role(text, target, others).tone,) == (role, tone)
    assert _role(text, target, others).patient is patient


def test_a_verb_used_as_a_noun_is_not_a_verb():
    tokens = roles.split_tokens_with_offsets("The attack on Ben and Ana's support for Cal")
    assert [roles.is_role_verb(tokens, i, WORDS) for i in (1, 7)] == [False, False]
    assert roles.is_role_verb(roles.split_tokens_with_offsets("Ana will support Cal"), 2, WORDS)


def test_every_shipped_form_has_one_reading_and_the_lists_are_well_formed():
    assert WORDS.verbs["praised"] == ("praise", 1, 0)
    assert WORDS.verbs["attacked"] == ("attack", 0, -1)
    assert WORDS.verbs["called"] == ("call", None, 0)
    assert WORDS.nouns["invasion"] == ("invasion", 0, -1)
    assert {"said", "told", "according"} <= WORDS.reporting
    assert all(form == form.lower() and " " not in form for form in WORDS.verbs)


def test_a_malformed_word_list_line_is_named(tmp_path, monkeypatch):
    bad = tmp_path / "targets"
    bad.mkdir()
    (bad / "verbs.tsv").write_text(
        "lemma\tobject\tsubject\tforms\npraise\t+\tmaybe\tpraise praised\n", encoding="utf-8"
    )
    monkeypatch.setattr("corpus_tools.shipped.RESOURCES_DIR", tmp_path)
    with pytest.raises(ValueError, match=r"verbs\.tsv:2: expected 'lemma<TAB>object<TAB>subject<TAB>forms'"):
        roles._read_table("targets/verbs.tsv", passes=True)
