"""Who did what to whom, without a parser: tokens, clauses and the role of each mention.

The rules behind :func:`corpus_tools.sentiment.targets.score_targets`. A sentence is cut into
tokens with offsets and into clauses (at ``;`` and ``:``, before "but", "while", "whereas",
"although", "yet", at ", and", around quotations and after a reporting verb; a relative clause or
apposition between commas, ", who ... ,", is a clause of its own). Within a clause, a verb of the
shipped list ``resources/targets/verbs.tsv`` is a wall: its subject is on one side, its object on
the other, and each gets the tone the verb implies toward it ("X criticised Y": negative toward
Y, none toward X; "X attacked Y": negative toward X, none toward Y; passive voice swaps the sides).
A noun of ``resources/targets/nouns.tsv`` links its possessor or ``by``/``from`` object (the doer)
and its ``on``/``of``/``against``/``for`` object (the one it is done to): "Y's attack on Z".
A negator up to three words before such a verb cancels what the verb implies.

>>> words = read_role_words()
>>> tokens = split_tokens_with_offsets("Brandt praised Alvarez, but Kesh's attack on Tarvia ended.")
>>> [t[0] for t in tokens][:8]
['Brandt', 'praised', 'Alvarez', ',', 'but', 'Kesh', "'s", 'attack']
>>> split_clause_ids(tokens, words)
[0, 0, 0, 0, 1, 1, 1, 1, 1, 1, 1, 1]
>>> [match_role(tokens, (2, 2), words)[:2], match_role(tokens, (0, 0), words)[:2]]
[(1, 'object of praised'), (0, 'subject of praised')]
>>> match_role(tokens, (5, 5), words)[:2], match_role(tokens, (9, 9), words)[:2]
((-1, 'doer of attack'), (0, 'object of attack'))
"""

from __future__ import annotations

import functools
import re
from dataclasses import dataclass
from typing import NamedTuple

from corpus_tools.shipped import read_word_list, resolve_resource

__all__ = [
    "RoleWords",
    "read_role_words",
    "split_tokens_with_offsets",
    "split_clause_ids",
    "match_role",
    "Role",
    "is_role_verb",
    "is_noun_use",
    "is_passive",
    "is_negated",
]

#: A token: its text, lower-cased text, start and end offsets.
Token = tuple[str, str, int, int]

_TOKEN = re.compile(r"\w+(?:[-&.'’]\w+)*|[^\w\s]")
_POSSESSIVE = re.compile(r"(?i)^(.+\w)(['’]s)$")
CONTRAST = frozenset({"but", "while", "whereas", "although", "though", "yet", "however"})
SUBORDINATORS = frozenset({"although", "though", "while", "whereas", "despite", "because", "after", "if", "when"})
QUOTES = frozenset({'"', "“", "”", "«", "»"})
BE = frozenset({"was", "were", "is", "are", "been", "being", "be", "got", "get", "gets", "am"})
DETERMINERS = frozenset({"the", "a", "an", "its", "his", "her", "their", "our", "my", "your", "this", "that", "these"})
AGENT_PREPOSITIONS = frozenset({"by", "from"})
OBJECT_PREPOSITIONS = frozenset({"on", "of", "against", "for", "to", "towards", "toward", "in", "at", "about", "over"})
PREPOSITIONS = AGENT_PREPOSITIONS | OBJECT_PREPOSITIONS | frozenset({"with", "near", "after", "before", "into"})
RELATIVE = frozenset({"who", "which", "whose", "whom", "where"})
#: Words before a verb that cancel what it implies ("refused to condemn"), besides the negators.
CANCELLERS = frozenset({"refused", "refuses", "declined", "declines", "failed", "fails", "nobody", "no one"})
_TONES = {"+": 1, "-": -1, "0": 0, "=": 0}
#: Words before "of" that leave the noun after it the verb's object ("killed dozens of villagers").
QUANTITIES = frozenset(
    {"dozens", "hundreds", "thousands", "millions", "scores", "many", "some", "most", "all", "several", "half"}
    | {"members", "group", "groups", "families", "one", "two", "three", "four", "five", "ten", "none"}
)
#: Words that may join a list of objects of one verb.
LIST_WORDS = frozenset({",", "and", "or", "the", "a", "an", "its", "their", "his", "her", "both", "also", "then"})
#: Words after a verb of harm that make it one of blame ("attacked X for ...", "attacked X over ...").
REASONS = frozenset({"for", "over"})


class Role(NamedTuple):
    """The role of a mention: the ``tone`` (-1, 0, +1) it implies, its ``name`` (e.g.
    ``"object of praised"``, ``""`` when none), the ``verb`` index (None when a noun or nothing
    governs) and whether the mention is the ``patient`` of an act of harm or help (the one
    attacked or rescued: its clause's words describe the act, not the patient)."""

    tone: int
    name: str
    verb: int | None
    patient: bool


@dataclass(frozen=True)
class RoleWords:
    """The shipped word lists the rules read.

    Attributes:
        verbs: word form -> (lemma, tone toward the object, tone toward the subject); ``None``
            as the object's tone means the verb passes on the tone of what follows ("called").
        nouns: word form -> (lemma, tone toward the one it is done to, tone toward the doer).
        reporting: reporting verb forms ("said", "told", "according").
        negators: negators (``resources/negators.txt``).
    """

    verbs: dict[str, tuple[str, int | None, int]]
    nouns: dict[str, tuple[str, int, int]]
    reporting: frozenset[str]
    negators: frozenset[str]


def _read_table(name: str, *, passes: bool) -> dict[str, tuple[str, int | None, int]]:
    path = resolve_resource(name)
    table: dict[str, tuple[str, int | None, int]] = {}
    lines = path.read_text(encoding="utf-8").splitlines()
    for number, line in enumerate(lines, start=1):
        if not line.strip() or line.startswith("#") or line.startswith("lemma\t"):
            continue
        fields = line.split("\t")
        if len(fields) != 4 or fields[1] not in _TONES or fields[2] not in _TONES or (fields[1] == "=" and not passes):
            raise ValueError(
                f"{path}:{number}: expected 'lemma<TAB>object<TAB>subject<TAB>forms' with tones +, -, 0"
                f"{' or = (object)' if passes else ''}; got {line!r}"
            )
        obj = None if fields[1] == "=" else _TONES[fields[1]]
        for form in fields[3].split():
            table[form.lower()] = (fields[0], obj, _TONES[fields[2]])
    return table


@functools.cache
def read_role_words() -> RoleWords:
    """The shipped verbs, nouns, reporting verbs and negators (read once).

    >>> read_role_words().verbs["criticised"]
    ('criticise', -1, 0)
    """
    return RoleWords(
        verbs=_read_table("targets/verbs.tsv", passes=True),
        nouns=_read_table("targets/nouns.tsv", passes=False),  # type: ignore[arg-type]
        reporting=read_word_list("targets/reporting_verbs.txt"),
        negators=read_word_list("negators.txt"),
    )


def split_tokens_with_offsets(text: str) -> list[Token]:
    """Words and punctuation with their offsets; a possessive ``'s`` is a token of its own.

    >>> [t[0] for t in split_tokens_with_offsets("The rebels' siege of Marren's port, U.S.-backed.")]
    ['The', 'rebels', "'", 'siege', 'of', 'Marren', "'s", 'port', ',', 'U.S', '.', '-', 'backed', '.']
    """
    tokens: list[Token] = []
    for match in _TOKEN.finditer(text):
        word, start = match.group(), match.start()
        possessive = _POSSESSIVE.match(word)
        if possessive and "'" not in possessive.group(1) and "’" not in possessive.group(1):
            cut = start + len(possessive.group(1))
            tokens.append((possessive.group(1), possessive.group(1).lower(), start, cut))
            tokens.append((possessive.group(2), "'s", cut, match.end()))
        else:
            tokens.append((word, word.lower(), start, match.end()))
    return tokens


def _is_negator(lower: str, words: RoleWords) -> bool:
    return lower in words.negators or lower.endswith("n't") or lower.endswith("n’t")


def is_noun_use(tokens: list[Token], i: int, words: RoleWords) -> bool:
    """Whether token ``i`` is used as a noun: after a determiner or possessive, or before one of
    the nouns' prepositions ("the attack", "Kesh's attack", "attack on").

    >>> is_noun_use(split_tokens_with_offsets("Kesh attacked Tarvia"), 1, read_role_words())
    False
    """
    before = tokens[i - 1][1] if i else ""
    after = tokens[i + 1][1] if i + 1 < len(tokens) else ""
    return before in DETERMINERS or before in ("'s", "'", "’") or after in OBJECT_PREPOSITIONS | AGENT_PREPOSITIONS


def is_role_verb(tokens: list[Token], i: int, words: RoleWords) -> bool:
    """Whether token ``i`` is a listed verb used as a verb.

    >>> is_role_verb(split_tokens_with_offsets("the attack on Kesh"), 1, read_role_words())
    False
    """
    lower = tokens[i][1]
    if lower not in words.verbs:
        return False
    return not (lower in words.nouns and is_noun_use(tokens, i, words))


def _parenthetical(tokens: list[Token], i: int) -> int | None:
    """End (exclusive) of a relative clause or apposition opening at the comma ``i`` and closed
    by a comma (", who was elected in May,"), else None."""
    if i + 1 >= len(tokens) or tokens[i + 1][1] not in RELATIVE | {"a", "an"}:
        return None
    for j in range(i + 2, min(len(tokens), i + 30)):
        if tokens[j][0] in (",", "("):
            return j + 1 if tokens[j][0] == "," else None
        if tokens[j][0] in (";", ":", ".") or tokens[j][0] in QUOTES:
            return None
    return None


def split_clause_ids(tokens: list[Token], words: RoleWords) -> list[int]:
    """A clause number for every token (see the module docstring for the boundaries); numbers
    grow along the sentence but may skip (a quotation mark is a clause of its own).

    >>> words = read_role_words()
    >>> split_clause_ids(split_tokens_with_offsets('"Kesh lied," Ana said.'), words)
    [1, 2, 2, 2, 4, 5, 5, 5]
    """
    ids: list[int] = []
    current, counter, start = 0, 0, 0  # start: index where the current clause began
    resume: list[tuple[int, int]] = []  # (end of a parenthetical, clause to go back to)
    closing_comma = False  # the clause opened with a subordinator ends at its first comma
    quoted = False
    n = len(tokens)

    def new() -> int:
        nonlocal counter
        counter += 1
        return counter

    i = 0
    while i < n:
        text, lower = tokens[i][0], tokens[i][1]
        if resume and i == resume[-1][0]:
            current = resume.pop()[1]
        if text in QUOTES:
            current, start = new(), i
            quoted = not quoted
            ids.append(current)
            current, start = new(), i + 1
            i += 1
            continue
        if lower in CONTRAST or (lower in SUBORDINATORS and i == start):
            if i != start:
                current, start = new(), i
            closing_comma = lower in SUBORDINATORS
        elif text == "," and i + 1 < n:
            end = _parenthetical(tokens, i)
            if end is not None and not quoted:
                ids.append(current)
                resume.append((end, current))
                current = new()
                i += 1
                continue
            nxt = tokens[i + 1][1]
            if closing_comma or nxt in ("and", "as", "or") or _speech_tail(tokens, i + 1, words):
                ids.append(current)
                current, start, closing_comma = new(), i + 1, False
                i += 1
                continue
        elif lower in words.reporting and not _speech_tail(tokens, start, words):
            ids.append(current)
            cut = i + 1
            for j in range(i + 1, min(n, i + 6)):  # "told reporters that ...": the speaker's side ends at "that"
                if tokens[j][1] == "that":
                    cut = j
                    break
            if lower == "according":
                cut = next((j + 1 for j in range(i + 1, n) if tokens[j][0] == ","), n)
            for _ in range(i + 1, cut):
                ids.append(current)
            current, start = new(), cut
            i = cut
            continue
        ids.append(current)
        if text in (";", ":"):
            current, start = new(), i + 1
        i += 1
    return ids


def _speech_tail(tokens: list[Token], i: int, words: RoleWords) -> bool:
    """Whether tokens ``i..``, after a comma or quotation mark, are a short speech tag closing the
    sentence (", Ana said.")."""
    if i == 0 or (tokens[i - 1][0] != "," and tokens[i - 1][0] not in QUOTES):
        return False
    rest = [t for t in tokens[i:] if t[0] not in (".", "!", "?") and t[0] not in QUOTES]
    return 0 < len(rest) <= 8 and any(t[1] in words.reporting for t in rest)


def is_passive(tokens: list[Token], v: int) -> bool:
    """Whether the verb at ``v`` follows a form of "be" (one adverb may stand between) or
    precedes "by".

    >>> is_passive(split_tokens_with_offsets("Kesh was fiercely criticised"), 3)
    True
    """
    if v + 1 < len(tokens) and tokens[v + 1][1] == "by":  # a participle: "rescued by the navy"
        return True
    for j in (v - 1, v - 2):
        if j < 0:
            return False
        if tokens[j][1] in BE:
            return True
        if not tokens[j][1].endswith("ly"):
            return False
    return False


def is_negated(tokens: list[Token], v: int, words: RoleWords, clause: list[int] | None = None) -> bool:
    """Whether a negator or "refused"/"failed" stands up to three words before token ``v``.

    >>> toks = split_tokens_with_offsets("Ana did not criticise Kesh, she praised it")
    >>> is_negated(toks, 3, read_role_words()), is_negated(toks, 7, read_role_words())
    (True, False)
    """
    for j in range(max(0, v - 3), v):
        if clause is not None and clause[j] != clause[v]:
            continue
        if _is_negator(tokens[j][1], words) or tokens[j][1] in CANCELLERS:
            return True
    return False


def _preposition_before(tokens: list[Token], a: int) -> int | None:
    """Index of the preposition that governs a mention starting at ``a`` (determiners and up to
    two modifiers may stand between), else None."""
    for j in range(a - 1, max(-1, a - 4), -1):
        lower = tokens[j][1]
        if lower in PREPOSITIONS:
            return j
        if tokens[j][0] in (",", ";", ":") or not tokens[j][0][0].isalnum():
            return None
    return None


def _verb_tones(tokens: list[Token], v: int, words: RoleWords, clause: list[int]) -> tuple[int | None, int]:
    """The verb's tones toward object and subject; a verb of harm followed by "for"/"over" in
    its clause blames its object instead ("attacked the bank for closing branches")."""
    _, to_object, to_subject = words.verbs[tokens[v][1]]
    if to_object == 0 and to_subject == -1:
        if any(clause[j] == clause[v] and tokens[j][1] in REASONS for j in range(v + 2, min(len(tokens), v + 8))):
            return -1, 0
    return to_object, to_subject


def match_role(
    tokens: list[Token],
    span: tuple[int, int],
    words: RoleWords,
    clause: list[int] | None = None,
    names: frozenset[int] = frozenset(),
) -> Role:
    """The tone the listed verbs and nouns imply toward the mention at token indices
    ``span = (first, last)`` (see :class:`Role`). ``names``: indices of tokens inside mentions,
    which are not verbs ("the wounded").

    >>> toks = split_tokens_with_offsets("Kesh was attacked by Tarvia")
    >>> match_role(toks, (0, 0), read_role_words()), match_role(toks, (4, 4), read_role_words())
    (Role(tone=0, name='object of attacked', verb=2, patient=True), Role(tone=-1, name='subject of attacked', \
verb=2, patient=False))
    """
    clause = clause if clause is not None else split_clause_ids(tokens, words)
    a, b = span
    own = clause[a]
    tone, role, verb, patient = 0, "", None, False
    noun_role = _match_noun(tokens, span, words, clause)
    verbs = [i for i in range(len(tokens)) if clause[i] == own and i not in names and is_role_verb(tokens, i, words)]
    left = [v for v in verbs if v < a]
    right = [v for v in verbs if v > b]
    prep = _preposition_before(tokens, a)
    if left:
        v = left[-1]
        to_object, to_subject = _verb_tones(tokens, v, words, clause)
        passive = is_passive(tokens, v)
        between = [j for j in range(v + 1, a) if tokens[j][1] in PREPOSITIONS]
        direct = not between or tokens[between[0]][1] in ("to", "on", "against", "at")
        direct = direct or (tokens[between[0]][1] == "of" and tokens[between[0] - 1][1] in QUANTITIES)
        if any(j in names for j in range(v + 1, a)):  # a list of objects ("thanked A, B and C"), not "beat A as B"
            last = max(j for j in range(v + 1, a) if j in names)
            direct = direct and all(tokens[j][1] in LIST_WORDS for j in range(last + 1, a))
        if passive and prep is not None and tokens[prep][1] == "by":
            tone, role, verb = to_subject, f"subject of {tokens[v][0]}", v
        elif not passive and direct:
            tone, role, verb = (to_object or 0), f"object of {tokens[v][0]}", v
            patient = to_object == 0 and to_subject != 0
    if not role and right and not any(v < a for v in verbs):
        v = right[0]
        to_object, to_subject = _verb_tones(tokens, v, words, clause)
        if prep is None or tokens[prep][1] in AGENT_PREPOSITIONS or noun_role.name:
            if is_passive(tokens, v):
                tone, role, verb = (to_object or 0), f"object of {tokens[v][0]}", v
                patient = to_object == 0 and to_subject != 0
            else:
                tone, role, verb = to_subject, f"subject of {tokens[v][0]}", v
    if verb is not None and is_negated(tokens, verb, words, clause):
        tone, role, patient = 0, f"{role} (negated)", False
    if noun_role.name:
        if noun_role.name.startswith("object of"):
            return noun_role
        combined = max(-1, min(1, noun_role.tone + tone))
        return Role(combined, noun_role.name + (f"; {role}" if role else ""), verb, False)
    return Role(tone, role, verb, patient)


def _match_noun(tokens: list[Token], span: tuple[int, int], words: RoleWords, clause: list[int]) -> Role:
    """The role of a mention toward a listed noun: possessor or ``by``/``from`` object (the doer),
    or ``on``/``of``/``against``/``for``... object (the one it is done to)."""
    a, b = span
    n = len(tokens)
    if b + 1 < n and tokens[b + 1][1] in ("'s", "'", "’"):
        for j in range(b + 2, min(n, b + 5)):
            if clause[j] != clause[a]:
                break
            if tokens[j][1] in words.nouns:
                _, _, to_doer = words.nouns[tokens[j][1]]
                return Role(to_doer, f"doer of {tokens[j][0]}", None, False)
            if tokens[j][1] in PREPOSITIONS or not tokens[j][0][0].isalnum():
                break
    prep = _preposition_before(tokens, a)
    if prep is None:
        return Role(0, "", None, False)
    for j in range(prep - 1, max(-1, prep - 7), -1):
        if clause[j] != clause[a] or tokens[j][0] in (",", ";", ":") or tokens[j][1] in BE:
            break
        if tokens[j][1] in words.verbs and is_role_verb(tokens, j, words):
            break
        if tokens[j][1] in words.nouns and not is_role_verb(tokens, j, words):
            _, to_object, to_doer = words.nouns[tokens[j][1]]
            if tokens[prep][1] in AGENT_PREPOSITIONS:
                return Role(to_doer, f"doer of {tokens[j][0]}", None, False)
            if tokens[prep][1] in OBJECT_PREPOSITIONS:
                return Role(to_object, f"object of {tokens[j][0]}", None, to_object == 0 and to_doer != 0)
            break
    return Role(0, "", None, False)
