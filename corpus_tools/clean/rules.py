r"""The line rules and the context rules: which rule removes each line of a page.

Line rules judge a line on its own evidence (:func:`_line_rule`); a table-of-contents or
related-stories heading also removes the list under it. The context rules, in the spirit of
jusText, remove runs of short menu-like lines outside the body (:func:`_remove_menu_blocks`) and
lines between removed site furniture (:func:`_remove_chrome_context`).

>>> from corpus_tools.clean.body import _Page
>>> from corpus_tools.clean.lines import _split_lines
>>> page = _Page(_split_lines("Skip to content\nShare\nThe talks resumed on Monday, officials said.\n"), set())
>>> page.first, page.last = 2, 2
>>> _classify_lines(page)
>>> page.removed
{0: 'skip_link', 1: 'markup_debris'}
"""

from __future__ import annotations

from corpus_tools.clean.body import _Page, _similar_to_title
from corpus_tools.clean.lines import (
    _breadcrumb_parts,
    _is_cookie_notice,
    _is_date_line,
    _is_link_only,
    _is_promo,
    _is_short,
    _is_social_row,
    _key,
    _Line,
    _looks_like_chrome,
    _repeated_blocks,
)
from corpus_tools.clean.patterns import (
    _COMMENT_RE,
    _COPYRIGHT_RE,
    _DATELINE_RE,
    _DEBRIS_RE,
    _FOOTNOTE_RE,
    _KEYWORD_RE,
    _MEDIA_CREDIT_RE,
    _NUMBERING_RE,
    _READER_RE,
    _RELATED_HEAD_RE,
    _RELATED_INLINE_RE,
    _SHARE_RE,
    _SKIP_RE,
    _TABLE_RULE_RE,
    _TOC_HEAD_RE,
    _UI_WORDS,
    _parse_date,
)
from corpus_tools.clean.references import (
    _is_account_link,
    _is_citation_head,
    _is_note_item,
    _is_notes_heading,
    _is_reference_line,
)
from corpus_tools.clean.sentences import _is_long_prose, _sentence_cuts


def _line_rule(page: _Page, ln: _Line, seen_keys: set[str], context: dict) -> str | None:
    """The rule that removes one line on its own evidence, or None to keep it."""
    text, i = ln.norm, ln.idx
    outside_body = page.outside(i)
    if _TABLE_RULE_RE.match(ln.raw) or _DEBRIS_RE.match(text) or ln.key in _UI_WORDS or _FOOTNOTE_RE.match(text):
        return "markup_debris"
    if _is_link_only(ln) or i in context["link_heads"]:
        return "link_list"
    if _is_reference_line(ln):
        return "reference_list"
    if _is_account_link(ln):
        return "account_link"
    if outside_body and _is_date_line(ln):
        if i < page.first:
            page.date = page.date or _parse_date(text)
        elif i - page.last <= 6:  # just below the article (not a timeline or another story further down)
            page.late_date = page.late_date or _parse_date(text)
        return "dateline_meta"
    if _SKIP_RE.match(ln.raw):
        return "skip_link"
    if outside_body and _breadcrumb_parts(ln):
        return "breadcrumb"
    if _SHARE_RE.match(text) or _is_social_row(ln):
        return "share_buttons"
    # Cheap tests first (the searches are the cost on long lines); every test is free of side effects.
    if ln.n_words <= 20 and _COPYRIGHT_RE.search(text):
        return "copyright"
    if ln.n_words <= 15 and _MEDIA_CREDIT_RE.match(text) and not ln.is_prose:
        return "media_credit"
    if ln.n_words <= 15 and _DATELINE_RE.search(text):
        page.date = page.date or _parse_date(text)
        return "dateline_meta"
    if _KEYWORD_RE.match(text) and (not ln.is_prose or outside_body or i >= page.last):
        return "keyword_line"
    if (ln.n_words <= 40 or outside_body or "?" in text) and _COMMENT_RE.search(text):
        return "comment_prompt"
    if (outside_body or not ln.is_prose) and _is_cookie_notice(ln):
        return "cookie_notice"
    if _is_promo(ln, outside_body):
        return "promo"
    title = page.title
    if (
        title
        and (ln.key == context["title_key"] != "" or i < page.first and _similar_to_title(ln, page.title_words))
        and not ln.is_prose
    ):
        return "repeated_headline"
    if page.repeated and ln.key in page.repeated and not (ln.is_prose and not outside_body):
        return "cross_document_repeat"
    if (
        ln.key in seen_keys
        and ln.n_words >= 1
        and (i > page.last and ln.key in context["keys_above"] or i in context["blocks"])
    ):
        return "repeated_line"
    return None


def _classify_lines(page: _Page) -> None:
    """Apply the line rules top to bottom; a table-of-contents or related-stories heading
    also removes the list that follows it."""
    lines, n = page.lines, len(page.lines)
    nonblank = [ln for ln in lines if not ln.blank]
    link_heads = {
        a.idx for a, b in zip(nonblank, nonblank[1:]) if 0 < a.n_words <= 4 and a.is_heading_like and _is_link_only(b)
    }
    context = {
        "blocks": _repeated_blocks(lines),
        "keys_above": {ln.key for ln in lines[: page.first]},
        "link_heads": link_heads,
        "title_key": _key(page.title) if page.title else "",  # the title is known before the line rules
    }
    seen_keys: set[str] = set()
    for ln in lines:
        i = ln.idx
        if ln.blank or i in page.removed:
            continue
        rule = _line_rule(page, ln, seen_keys, context)
        seen_keys.add(ln.key)
        if rule not in _WHOLE_LINE_RULES and _is_long_prose(ln):
            _cut_sentences(page, ln)
        elif rule:
            page.remove(i, rule)
        elif _is_notes_heading(ln) and i >= page.first and _remove_list_after(page, i, _is_note_item):
            page.remove(i, "reference_list")
        elif _is_citation_head(ln):
            page.remove(i, "citation")
            _remove_list_after(page, i, _is_note_item, max_lines=4, rule="citation")
        elif _TOC_HEAD_RE.match(ln.norm):
            page.remove(i, "toc")
            _remove_toc_items(page, i + 1)
        elif _RELATED_HEAD_RE.match(ln.norm) or _RELATED_INLINE_RE.match(ln.norm) and ln.n_words <= 25:
            page.remove(i, "related_block")
            j = i + 1
            while (
                _RELATED_HEAD_RE.match(ln.norm)
                and j < n
                and (lines[j].blank or (lines[j].is_heading_like and not lines[j].is_prose))
            ):
                if not lines[j].blank:
                    page.remove(j, "related_block")
                j += 1


# Rules that may remove a long prose line whole: it is markup, links or a verbatim repeat.
_WHOLE_LINE_RULES = {"markup_debris", "link_list", "reference_list", "cross_document_repeat", "repeated_line"}


def _remove_list_after(page: _Page, i: int, is_item, *, max_lines: int = 10_000, rule: str = "reference_list") -> bool:
    """Remove the lines after line ``i`` while they are items (``is_item``), blank lines
    between them skipped, up to ``max_lines``; True if there was at least one."""
    removed = 0
    for ln in page.lines[i + 1 :]:
        if ln.blank or ln.idx in page.removed and page.removed[ln.idx] == rule:
            continue
        if removed >= max_lines or not is_item(ln):
            break
        page.remove(ln.idx, rule)
        removed += 1
    return removed > 0


def _cut_sentences(page: _Page, ln: _Line) -> None:
    """A long prose line loses only its promotional sentences (the whole line if nothing else
    is left)."""
    cuts = _sentence_cuts(ln, outside_body=page.outside(ln.idx))
    if len(cuts) == 1 and cuts[0][:2] == (0, len(ln.raw)):
        page.remove(ln.idx, cuts[0][2])
    elif cuts:
        page.cuts[ln.idx] = cuts


def _remove_toc_items(page: _Page, j: int) -> None:
    lines = page.lines
    while j < len(lines) and (lines[j].blank or lines[j].is_heading_like):
        if not lines[j].blank:
            item_key = _key(_NUMBERING_RE.sub("", lines[j].norm))
            appears_later = any(o.key == item_key for o in lines if o.idx != j)
            if not appears_later and not _similar_to_title(lines[j], page.title_words):
                break
            page.remove(j, "toc" if appears_later else "repeated_headline")
        j += 1


def _remove_title_rewordings(page: _Page) -> None:
    """Heading-like lines above the body that re-word the title."""
    if not page.title_words:
        return
    for ln in page.lines[: page.first]:
        if (
            not ln.blank
            and ln.idx not in page.removed
            and ln.is_heading_like
            and _similar_to_title(ln, page.title_words)
        ):
            page.remove(ln.idx, "repeated_headline")


def _drop_lead_in(page: _Page, run: list[_Line], kept: list[_Line], *, max_lines: int = 3) -> list[_Line]:
    """Spare the last lines of a header run that lead into the body (a heading, a byline, the
    start of a paragraph split by a link): up to ``max_lines`` lines after the run's last line
    of site furniture (jusText keeps headings next to good text)."""
    last_chrome = max((r.idx for r in run if _is_furniture(page, r.idx) or _looks_like_chrome(r)), default=-1)
    lead_in = [r for r in kept if r.idx > last_chrome][-max_lines:]
    return [r for r in kept if r not in lead_in] if lead_in else kept[:-1]


def _remove_chrome_context(page: _Page, *, passes: int = 3) -> None:
    """A line outside the body whose nearest non-blank neighbours (or the page's edge) were
    both removed as site furniture goes too, if it is short or addresses the reader."""
    nonblank = [ln for ln in page.lines if not ln.blank]

    def is_chrome(k: int) -> bool:
        return k < 0 or k >= len(nonblank) or page.removed.get(nonblank[k].idx) not in (None, "title")

    for _ in range(passes):
        changed = False
        for k, ln in enumerate(nonblank):
            if ln.idx in page.removed or not page.outside(ln.idx) or not (is_chrome(k - 1) and is_chrome(k + 1)):
                continue
            if _is_short(ln) or _READER_RE.search(ln.norm) or _looks_like_chrome(ln):
                page.remove(ln.idx, "chrome_context")
                changed = True
        if not changed:
            break


# Rules whose removals are evidence of site furniture; repeats and the title are not
# (a table printed twice or a table of contents is article content shown again).
_NOT_FURNITURE = {None, "title", "repeated_line", "repeated_headline", "toc", "trailing_fragment"}


def _is_furniture(page: _Page, idx: int) -> bool:
    return page.removed.get(idx) not in _NOT_FURNITURE


def _remove_menu_blocks(page: _Page, *, min_lines: int = 4) -> None:
    """Runs of at least ``min_lines`` short lines outside the body that include site
    furniture (a line another rule removed, or one with furniture vocabulary): navigation
    menus, footers, lists of other stories. A date among them fills the date column."""
    run: list[_Line] = []
    for ln in page.lines + [None]:
        if ln is not None and (ln.blank or page.outside(ln.idx) and (ln.idx in page.removed or _is_short(ln))):
            run.append(ln)
            continue
        body = [r for r in run if not r.blank]
        kept = [r for r in body if r.idx not in page.removed]
        evidence = sum(_is_furniture(page, r.idx) for r in body) + sum(map(_looks_like_chrome, kept))
        if kept and ln is not None and ln.idx == page.first:
            kept = _drop_lead_in(page, body, kept)
        if len(body) >= min_lines and evidence >= 2:
            # Menus and footers do not ask questions; a question of some length is a subheading.
            for r in [r for r in kept if not (r.n_words >= 4 and r.norm.rstrip().endswith("?"))]:
                if r.idx < page.first and r.n_words <= 8:
                    page.date = page.date or _parse_date(r.norm)
                page.remove(r.idx, "menu_block")
        run = []
