r"""The cleaner of one page: :func:`clean_text` finds the body, the title and the date,
applies the line and context rules, and returns the clean text with every edit.

>>> r = clean_text("Share\nHello\u00a0world.\n")
>>> r.text, [e.rule for e in r.edits]
('Hello world.\n', ['markup_debris', 'normalize_unicode'])
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field

import pandas as pd

from corpus_tools.clean.body import _body_range, _find_title, _Page
from corpus_tools.clean.edits import Edit, _apply
from corpus_tools.clean.lines import _STOPWORDS, _is_truncated_stub, _Line, _split_lines
from corpus_tools.clean.normalize import _fix_encoding, normalize_line
from corpus_tools.clean.rules import (
    _classify_lines,
    _remove_chrome_context,
    _remove_menu_blocks,
    _remove_title_rewordings,
)
from corpus_tools.clean.vocabulary import _words
from corpus_tools.io.language import label_languages

__all__ = ["CleanResult", "clean_text"]


@dataclass
class CleanResult:
    """What :func:`clean_text` returns for one document."""

    text: str
    title: str | None
    date: pd.Timestamp | None
    edits: list[Edit] = field(default_factory=list)


def clean_text(
    raw: str, *, repeated_keys: Iterable[str] = (), title: str | None = None, language: str | None = None
) -> CleanResult:
    """Clean one scraped page.

    Args:
        raw: the page text as read.
        repeated_keys: normalised line keys that recur across many documents of the corpus
            (site template lines); :func:`clean_corpus` computes them.
        title: the title when it is known (a ``title`` column, metadata): the first line is
            then never taken as the title, and is removed only when it repeats ``title``.
        language: the page's language (ISO 639-1), whose stop words count in the prose test
            besides the English ones; detected from the page's longest lines (py3langid, see
            :mod:`corpus_tools.io.language`) when None. The site-chrome vocabulary of every
            shipped language applies whatever the language.

    Returns:
        A :class:`CleanResult`: clean text, title and date when the page states them, and the
        edits that turn ``raw`` into ``text``.

    >>> r = clean_text(
    ...     "Home » World » Talks resume\\n\\nTalks resume\\n\\nThe talks resumed on Monday, officials said.\\n"
    ... )
    >>> r.title, r.text
    ('Talks resume', 'The talks resumed on Monday, officials said.\\n')
    """
    if language is None:
        language = _page_language(raw)
    lines = _split_lines(raw, language=language)
    page = _Page(lines, set(repeated_keys))
    page.first, page.last = _body_range(lines)
    _find_title(page, given=title.strip() if isinstance(title, str) and title.strip() else None)
    _classify_lines(page)
    page.date = page.date or page.late_date
    _remove_title_rewordings(page)
    _remove_menu_blocks(page)
    _remove_chrome_context(page)
    kept = [ln for ln in lines if not ln.blank and ln.idx not in page.removed]
    if kept and _is_truncated_stub(kept[-1]):
        page.remove(kept[-1].idx, "trailing_fragment")
    edits = _line_edits(lines, page.removed, page.cuts)
    return CleanResult(_apply(raw, edits), page.title, page.date, edits)


def _page_language(raw: str, *, chars: int = 500) -> str:
    """The language of a page, told from its longest lines (prose, not menus) up to about
    ``chars`` characters. When at least :data:`ENGLISH_SHARE` of their words are English stop
    words the page is English without asking the detector (invented pages in nine other languages
    reach at most 0.27, BBC articles mostly over 0.35); a page taken for English by mistake is
    cleaned as before the other languages' stop words were known."""
    sample, size = [], 0
    for line in sorted(raw.splitlines(), key=len, reverse=True):
        if size >= chars:
            break
        sample.append(line)
        size += len(line)
    text = "\n".join(sample)[: 2 * chars]
    words = _words(text.lower())
    if words and sum(map(_STOPWORDS.__contains__, words)) >= ENGLISH_SHARE * len(words):
        return "en"
    return label_languages([text])[0]


#: Share of English stop words above which a page is English without running the detector.
ENGLISH_SHARE = 0.35


def _line_edits(
    lines: Sequence[_Line], removed: dict[int, str], cuts: dict[int, list[tuple[int, int, str]]]
) -> list[Edit]:
    """Edits for removed lines, sentences cut from long lines, repaired kept lines and
    blank-line runs."""
    edits: list[Edit] = []
    previous_kept_blank = True  # drops blank lines at the top
    kept_nonblank = [ln.idx for ln in lines if not ln.blank and ln.idx not in removed]
    last_kept = kept_nonblank[-1] if kept_nonblank else -1
    for ln in lines:
        full = ln.raw + ln.newline
        if ln.idx in removed:
            edits.append(Edit(ln.start, ln.stop, full, "", removed[ln.idx]))
            continue
        if ln.blank:
            if previous_kept_blank or ln.idx > last_kept:
                edits.append(Edit(ln.start, ln.stop, full, "", "normalize_whitespace"))
                continue
            previous_kept_blank = True
            if ln.raw:
                edits.append(Edit(ln.start, ln.end, ln.raw, "", "normalize_whitespace"))
        else:
            previous_kept_blank = False
            fixed = _fix_encoding(ln.raw)
            if ln.idx in cuts:
                edits.extend(_cut_edits(ln, cuts[ln.idx], mojibake=fixed != ln.raw))
            elif fixed != ln.raw:
                edits.append(Edit(ln.start, ln.end, ln.raw, ln.norm, "fix_mojibake"))
            else:
                edits.extend(
                    Edit(e.start + ln.start, e.end + ln.start, e.original, e.replacement, e.rule) for e in ln.char_edits
                )
        if ln.newline == "\r\n":
            edits.append(Edit(ln.end, ln.end + 1, "\r", "", "normalize_whitespace"))
        elif ln.newline == "\r":
            edits.append(Edit(ln.end, ln.end + 1, "\r", "\n", "normalize_whitespace"))
    return edits


def _cut_edits(ln: _Line, cuts: list[tuple[int, int, str]], *, mojibake: bool) -> list[Edit]:
    """Edits of a long line that loses some sentences: one per removed sentence, and the
    repairs of the parts kept (a mojibake repair per kept part, without its outer spaces)."""
    edits = [Edit(ln.start + s, ln.start + e, ln.raw[s:e], "", rule) for s, e, rule in cuts]
    bounds = [0] + [x for s, e, _ in cuts for x in (s, e)] + [len(ln.raw)]
    for a, b in zip(bounds[::2], bounds[1::2]):
        if mojibake:
            part = ln.raw[a:b]
            a, b = a + len(part) - len(part.lstrip()), a + len(part.rstrip())
            fixed = normalize_line(ln.raw[a:b])
            if fixed != ln.raw[a:b]:
                edits.append(Edit(ln.start + a, ln.start + b, ln.raw[a:b], fixed, "fix_mojibake"))
        else:
            edits.extend(
                Edit(e.start + ln.start, e.end + ln.start, e.original, e.replacement, e.rule)
                for e in ln.char_edits
                if a <= e.start and e.end <= b
            )
    return sorted(edits, key=lambda e: e.start)
