r"""Sentence boundaries by rule, with exact offsets: ``text[start:end]`` is the sentence.

The splitter works in three passes over one text, each a compiled regular expression:

1. **Lines.** A paragraph break (two or more line breaks) always ends a sentence. A single line
   break ends one too (headings, bylines and list items stand on lines of their own), unless the
   line before is not in title case, does not end in punctuation, and the next line starts with a
   lower-case letter: a hard-wrapped sentence.
2. **Lists.** A bullet between spaces (``•``) starts a new item; a line that starts with an
   enumerator (``1.)``, ``a.``, ``(2)``, ``ii.``, ``1)``) is cut before the next enumerator of the
   same sequence ("1.) Secure the border 2.) Restore power").
3. **Terminators.** ``.``, ``!``, ``?``, ellipses (``...``, ``. . .``, ``…``), the Greek question
   mark and the terminators of other scripts, with any closing quotes or brackets after them.
   CJK full stops (``。！？``) and the Devanagari, Arabic, Urdu, Armenian, Ethiopic, Myanmar and
   Khmer terminators end a sentence without white space (not before the Japanese quotative
   particle: 「...。」と述べた). A Latin terminator ends one only when white space follows, and:

   - before a lower-case word, only after a full stop that ends a word of five letters or more
     ("defend itself. given that", scraped text) or a quotation inside the sentence; a quotation
     that opens the sentence stays with its speech tag ('"Great." she said.'), and an unlisted
     short abbreviation with its phrase ("incl. tanks");
   - never after the enumerator that starts a list item ("1. Talks resume");
   - after an abbreviation, by the language's lists (:mod:`.rules`): titles never ("Mr. Smith"),
     "No." only when no number follows, "U.S.", months and single initials only before a
     sentence-starting word ("in the U.S. He left" / "the U.S. Army", "J. R. R. Tolkien"),
     "a.m." before any capitalised word but a weekday, month or time zone;
   - a quotation ending in ``!`` or ``?`` stays with a capitalised speech tag ('"Enough!" Prime
     Minister Karlsen said.'); after ``."`` a capitalised word starts a new sentence, as in news
     copy ('... did." Mr Milburn told reporters that ...');
   - "Yahoo!" or "Jeopardy!" end a sentence only before a sentence-starting word.

Numbers (3.5, 1.000,50), URLs and e-mail addresses never contain a boundary, since a Latin
terminator needs white space after it.

>>> [s for _, _, s in split_text_sentences('I live in the U.S. How about you? "Great." she said.')]
['I live in the U.S.', 'How about you?', '"Great." she said.']
>>> [s for _, _, s in split_text_sentences("1.) Secure the border 2.) Restore power")]
['1.) Secure the border', '2.) Restore power']
>>> [s for _, _, s in split_text_sentences("会议结束了。我们走吧！", language="zh")]
['会议结束了。', '我们走吧！']
"""

from __future__ import annotations

import re
import warnings

from corpus_tools.segment.rules import DEFAULT_LANGUAGE, SegmentRules, read_segment_rules

__all__ = ["split_text_sentences", "SentenceSplitter", "make_sentence_tokenizer", "LINE_BREAKS"]

#: Characters that break a line (those of ``str.splitlines``).
LINE_BREAKS = "\n\r\x0b\x0c\x1c\x1d\x1e\x85\u2028\u2029"
_NO_SPACE_TERMINALS = "。！？｡．︒﹒﹖﹗।॥؟۔։።፧፨။។"
_LATIN_TERMINALS = ".!?‼⁇⁈⁉…\u037e"  # U+037E: the Greek question mark
_CLOSERS = "\"'”’»›)]}」』）］】〉》〕〗〙〛"
_OPENERS = "\"'“‘«‹([{「『（［【〈《〔〖〘〚¿¡"
_QUOTES = "\"'”’»›」』"
_BULLETS = "•▪◦‣●■►"
_QUOTE_PARTICLES = frozenset("とっ")  # Japanese: 「...。」と言った
_ESC = re.escape

_TERMINAL_RE = re.compile(rf"(\.(?: \.){{2,}}|[{_ESC(_LATIN_TERMINALS + _NO_SPACE_TERMINALS)}]+)[{_ESC(_CLOSERS)}]*")
_LINE_BREAK_RE = re.compile(rf"[{_ESC(LINE_BREAKS)}]\s*")
_BREAK_CHAR_RE = re.compile(rf"\r\n|[{_ESC(LINE_BREAKS)}]")
_BULLET_RE = re.compile(rf"\s+(?=[{_BULLETS}]\s)")
_NO_SPACE_RE = re.compile(rf"[{_ESC(_NO_SPACE_TERMINALS)}]")
_PLAIN_RUNS = frozenset({".", "!", "?", "...", "…", "?!", "!!"})
_BULLET_CHAR_RE = re.compile(rf"[{_BULLETS}]")
_ENUM = r"[0-9]{1,3}|[A-Za-z]|[ivxIVX]{2,5}"
_ENUM_RE = re.compile(rf"(?:[{_BULLETS}*\-–]\s*)?(?:\(({_ENUM})\)|({_ENUM})(\.\)|\.|\)))(?=\s)")
_ENUM_ONLY_RE = re.compile(rf"(?:[{_BULLETS}*\-–]\s*)?\(?(?:{_ENUM})")
_DOTTED_RE = re.compile(r"(?:[^\W\d_]{1,2}\.)+[^\W\d_]{1,2}")
_WORDS_RE = re.compile(r"[^\W\d_][\w.'’-]*")
#: A full stop after a word of this many letters or more ends a sentence even before a lower-case
#: word (an abbreviation that is not listed is shorter: "incl.", "esp.", "govt.").
_MIN_WORD = 5
_ROMAN = ["i", "ii", "iii", "iv", "v", "vi", "vii", "viii", "ix", "x", "xi", "xii", "xiii", "xiv", "xv"]


def _next_labels(label: str) -> list[str]:
    """The labels that may follow an enumerator label: 1 -> 2, a -> b, i -> ii (or j)."""
    if label.isdigit():
        return [str(int(label) + 1)]
    out = []
    if len(label) == 1 and label.isascii() and label.lower() != "z":
        out.append(chr(ord(label) + 1))
    lower = label.lower()
    if lower in _ROMAN[:-1]:
        following = _ROMAN[_ROMAN.index(lower) + 1]
        out.append(following.upper() if label.isupper() else following)
    return out


def _list_cuts(text: str, start: int, end: int) -> list[int]:
    """Cut positions inside one line that starts with an enumerator: before each next item."""
    cuts = []
    while True:
        m = _ENUM_RE.match(text, start, end)
        if not m:
            return cuts
        paren, label, punct = m.group(1), m.group(2), m.group(3)
        label = paren if paren is not None else label
        found = None
        for following in _next_labels(label):
            marker = f"({following})" if paren is not None else following + punct
            n = text.find(" " + marker, m.end(), end)
            while n != -1 and n + len(marker) + 1 < end and not text[n + len(marker) + 1].isspace():
                n = text.find(" " + marker, n + 1, end)
            if n != -1 and n + len(marker) + 1 < end and (found is None or n < found):
                found = n
        if found is None:
            return cuts
        cuts.append(found)
        start = found + 1


def _lines(text: str) -> list[tuple[int, int]]:
    """``(start, end)`` of each block between sentence-ending line breaks (white space trimmed)."""
    blocks, start = [], 0
    for m in _LINE_BREAK_RE.finditer(text):
        before, after = m.start(), m.end()
        while before > start and text[before - 1].isspace():
            before -= 1
        if before > start and after < len(text) and len(_BREAK_CHAR_RE.findall(text, before, after)) == 1:
            prev, nxt = text[before - 1], text[after]
            continues = nxt.islower() and not _ENUM_RE.match(text, after)
            if continues and prev not in _LATIN_TERMINALS + _NO_SPACE_TERMINALS + _CLOSERS + ":":
                if not _is_heading(text[start:before]):
                    continue
        blocks.append((start, before))
        start = after
    blocks.append((start, len(text)))
    return blocks


def _is_heading(block: str) -> bool:
    """The last line of ``block`` is in title case: most of its words are capitalised."""
    cut = max(block.rfind(c) for c in LINE_BREAKS)
    words = [w for w in block[cut + 1 :].split() if w[0].isalpha()]
    return len(words) >= 2 and sum(w[0].isupper() for w in words) * 2 > len(words)


def _items(text: str, start: int, end: int) -> list[tuple[int, int]]:
    """Split one line block at in-line bullets and enumerators; each piece trimmed."""
    has_bullet = _BULLET_CHAR_RE.search(text, start, end) is not None
    cuts = [m.start() for m in _BULLET_RE.finditer(text, start, end)] if has_bullet else []
    pieces, begin = [], start
    for cut in [*cuts, end]:
        pieces.append((begin, cut))
        begin = cut
    out = []
    for a, b in pieces:
        while a < b and text[a].isspace():
            a += 1
        begin = a
        for cut in _list_cuts(text, a, b):
            out.append((begin, cut))
            begin = cut + 1
        out.append((begin, b))
    return out


def _word_after(text: str, pos: int, end: int) -> tuple[str, int]:
    """The word starting at ``pos`` without opening quotes or brackets, and where it starts."""
    while pos < end and text[pos] in _OPENERS:
        pos += 1
    stop = pos
    while stop < end and not text[stop].isspace():
        stop += 1
    return text[pos:stop], pos


def _word_before(text: str, pos: int, start: int) -> str:
    """The token ending at ``pos`` (the terminator's position), without brackets or quotes."""
    begin = pos
    while begin > start and not text[begin - 1].isspace():
        begin -= 1
    word = text[begin:pos].strip(_OPENERS + _CLOSERS)
    return word


def _starts_lower(word: str) -> bool:
    """A word in lower case ("she"), not one with an inner capital ("iPhone")."""
    return bool(word) and word[0].islower() and not any(c.isupper() for c in word[1:])


def _is_listed(lower: str, rules: SegmentRules) -> bool:
    return lower in rules.title or lower in rules.number or lower in rules.abbreviation or lower in rules.final


def _is_boundary(text: str, m: re.Match, start: int, end: int, rules: SegmentRules) -> bool:
    run = m.group(1)
    if run not in _PLAIN_RUNS and _NO_SPACE_RE.search(run):
        # 「準備はできた。」と述べた: a quotation and the particle that makes it a complement
        return not (m.end() > m.end(1) and text[m.end() : m.end() + 1] in _QUOTE_PARTICLES)
    after = m.end()
    if after >= end:
        return True
    if not text[after].isspace():
        return False
    nxt = after
    while nxt < end and text[nxt].isspace():
        nxt += 1
    if nxt >= end:
        return True
    if text[nxt] in _BULLETS:
        return True
    word, word_start = _word_after(text, nxt, end)
    closers = text[m.end(1) : m.end()]
    if not word and text[nxt] in _OPENERS:
        return False
    if _starts_lower(word):
        if closers and any(c in _QUOTES for c in closers):
            # '"Great." she said.' (a quotation that opens the sentence, then its speech tag) /
            # 'He called them "illogical." he added' (a quoted word closing the sentence)
            return text[start] not in _OPENERS
        prev = _word_before(text, m.start(), start)
        # "defend itself. given that": a word too long for an unlisted abbreviation ("approx.", "incl.")
        return run == "." and len(prev) >= _MIN_WORD and prev.isalpha() and not _is_listed(prev.lower(), rules)
    key = word.rstrip(_LATIN_TERMINALS + _CLOSERS + ",;:").lower()
    starter = key in rules.starter
    if run == ".":
        if _ENUM_ONLY_RE.fullmatch(text, start, m.start()):
            return False  # the enumerator of a list item: "1. Talks resume", "a. Freeze assets"
        prev = _word_before(text, m.start(), start)
        lower = prev.lower()
        tail = lower.rsplit("-", 1)[-1]
        digit = word[:1].isdigit()
        if lower in rules.title or tail in rules.title:
            return False
        if lower in rules.number or tail in rules.number:
            return not digit
        if lower in rules.final or tail in rules.final:
            return key not in rules.continuer
        if (
            lower in rules.abbreviation
            or tail in rules.abbreviation
            or (len(prev) == 1 and prev.isalpha())
            or _DOTTED_RE.fullmatch(prev)
        ):
            return starter and not digit
        if rules.ordinal and prev.isdigit() and len(prev) <= 2 and key in rules.ordinal:
            return False
    elif run == "!" and _word_before(text, m.start(), start).lower() in rules.exclaim:
        return starter
    if run != "." and closers and any(c in _QUOTES for c in closers) and not starter and rules.speech:
        words = [w.group() for w, _ in zip(_WORDS_RE.finditer(text, word_start, end), range(4))]
        for i in range(1, len(words)):
            if not words[i - 1][0].isupper():
                break
            if words[i].rstrip(".'’-").lower() in rules.speech:
                return False  # a quotation and its speech tag: '"Enough!" Prime Minister Karlsen said.'
    return True


def _spans(text: str, rules: SegmentRules) -> list[tuple[int, int]]:
    out = []
    for line_start, line_end in _lines(text):
        for start, end in _items(text, line_start, line_end):
            begin = start
            for m in _TERMINAL_RE.finditer(text, start, end):
                if _is_boundary(text, m, begin, end, rules):
                    out.append((begin, m.end()))
                    begin = m.end()
                    while begin < end and text[begin].isspace():
                        begin += 1
            out.append((begin, end))
    spans = []
    for a, b in out:
        while a < b and text[a].isspace():
            a += 1
        while b > a and text[b - 1].isspace():
            b -= 1
        if b > a:
            spans.append((a, b))
    return spans


def _warn_nltk_data(use_nltk_data: object) -> None:
    if use_nltk_data is not None:
        warnings.warn(
            "use_nltk_data has no effect and will be removed: sentences come from the project's rule splitter, "
            "not NLTK Punkt; drop the argument",
            DeprecationWarning,
            stacklevel=3,
        )


def split_text_sentences(
    text: str, *, language: str = DEFAULT_LANGUAGE, use_nltk_data: object = None
) -> list[tuple[int, int, str]]:
    """Split one text into ``(start, end, sentence)`` triples; ``text[start:end] == sentence``.

    Args:
        text: any string; white space between sentences is left out, nothing else is.
        language: an ISO 639-1 code choosing the abbreviation lists (:func:`.read_segment_rules`);
            a language without shipped rules uses the English ones.
        use_nltk_data: deprecated, without effect (sentences no longer come from NLTK Punkt).

    >>> split_text_sentences("Home\\nDr. Who said \\"Hi.\\" Then left.")
    [(0, 4, 'Home'), (5, 23, 'Dr. Who said "Hi."'), (24, 34, 'Then left.')]
    """
    _warn_nltk_data(use_nltk_data)
    return [(a, b, text[a:b]) for a, b in _spans(text, read_segment_rules(language))]


class SentenceSplitter:
    """The rule splitter of one language, with the methods of NLTK's Punkt tokenizer
    (``tokenize``, ``span_tokenize``) so code written for Punkt keeps working."""

    def __init__(self, language: str = DEFAULT_LANGUAGE):
        self.rules = read_segment_rules(language)

    def span_tokenize(self, text: str) -> list[tuple[int, int]]:
        return _spans(text, self.rules)

    def tokenize(self, text: str) -> list[str]:
        return [text[a:b] for a, b in _spans(text, self.rules)]


def make_sentence_tokenizer(*, language: str = DEFAULT_LANGUAGE, use_nltk_data: object = None) -> SentenceSplitter:
    """Return the sentence splitter used by :func:`split_text_sentences` for ``language``
    (``use_nltk_data`` is deprecated and has no effect).

    >>> make_sentence_tokenizer().tokenize("Gen. Smith met Mr. Jones in the U.S. capital. They talked.")
    ['Gen. Smith met Mr. Jones in the U.S. capital.', 'They talked.']
    """
    _warn_nltk_data(use_nltk_data)
    return SentenceSplitter(language)
