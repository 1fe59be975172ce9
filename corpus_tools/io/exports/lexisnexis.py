"""LexisNexis exports (Nexis, Nexis Uni, Lexis+) split into one record per article.

Two layouts are read, from text already extracted from ``.txt``, ``.rtf`` or ``.docx``:

- classic: each article starts with a line ``N of M DOCUMENTS``; then the newspaper, the date
  line ("March 3, 2025 Monday"), an edition, the headline, ``BYLINE:``/``SECTION:``/``LENGTH:``
  fields, the body, and ``LOAD-DATE:``/``LANGUAGE:``/``PUBLICATION-TYPE:`` and a copyright notice;
- Nexis Uni: an optional cover page (``Job Number``, ``Documents (3)``, the list of titles),
  then per article the headline, the newspaper, the date line, fields (``Section:``,
  ``Length:``, ``Byline:``), ``Body``, the body, ``Classification`` with ``Load-Date:`` etc.,
  and ``End of Document``. A ``Document N of M`` line before an article is read as in the
  classic layout.

>>> text = '''1 of 1 DOCUMENT
...
... The Daily Courier
...
... March 3, 2025 Monday
...
... Harbour bridge reopens
...
... BYLINE: Ann Lee
...
... LENGTH: 12 words
...
... The bridge reopened on Monday after repairs.
...
... LOAD-DATE: March 4, 2025
... '''
>>> [article] = split_lexisnexis(text, source="courier.txt")
>>> article["doc_id"], article["title"], article["date"], article["word_count"], article["raw_text"]
('courier_001', 'Harbour bridge reopens', '2025-03-03', 12, 'The bridge reopened on Monday after repairs.')
"""

from __future__ import annotations

import re
from pathlib import PurePath

from corpus_tools.io.exports.fields import make_export_record, parse_export_date, parse_word_count
from corpus_tools.io.problems import record_problem

__all__ = ["split_lexisnexis", "is_lexisnexis"]

_START = re.compile(r"^\s*(?:(\d+)\s+of\s+(\d+)\s+DOCUMENTS?|Document\s+(\d+)\s+of\s+(\d+))\s*$", re.I)
_END = re.compile(r"^\s*End of Document\s*$", re.I)
_FIELD = re.compile(r"^\s*([A-Za-z][A-Za-z-]*):\s*(.*?)\s*$")
_HEAD_FIELDS = {"BYLINE", "SECTION", "LENGTH", "DATELINE", "HIGHLIGHT", "EDITION", "COLUMN", "SERIES"}
_TAIL_FIELDS = {
    "LOAD-DATE",
    "LANGUAGE",
    "PUBLICATION-TYPE",
    "DOCUMENT-TYPE",
    "JOURNAL-CODE",
    "SUBJECT",
    "GEOGRAPHIC",
    "ORGANIZATION",
    "PERSON",
    "INDUSTRY",
    "COMPANY",
    "TICKER",
    "COUNTRY",
    "CITY",
    "STATE",
    "GRAPHIC",
    "NOTES",
    "CORRECTION-DATE",
    "CORRECTION",
    "URL",
    "DISTRIBUTION",
    "ACC-NO",
}
# Lines that close the body of the Nexis Uni layout.
_SECTIONS = {"classification", "graphic", "notes", "end of document"}
_COVER = re.compile(
    r"^\s*(?:User Name|Date and Time|Job Number|Client/Matter|Search Terms|Search Type|Narrowed by|Content Type)\b"
    r"|^\s*Documents\s*\(\d+\)\s*$|^\s*\d+\.\s",
    re.I,
)
_DOCUMENTS = re.compile(r"^\s*Documents\s*\((\d+)\)\s*$", re.I)

Line = tuple[int, str]  # (1-based line number in the text, the line)


def is_lexisnexis(text: str) -> bool:
    """Whether the text looks like a LexisNexis export (article markers or a Nexis Uni cover page).

    >>> is_lexisnexis("2 of 5 DOCUMENTS\\n..."), is_lexisnexis("Job Number: 1\\nDocuments (0)\\n"), is_lexisnexis("Hi")
    (True, True, False)
    """
    lines = text.splitlines()
    if any(_START.match(line) or _END.match(line) for line in lines):
        return True
    head = lines[:40]
    return any(line.strip().lower().startswith("job number:") for line in head) and any(
        _DOCUMENTS.match(line) for line in head
    )


def split_lexisnexis(
    text: str,
    *,
    source: str,
    encoding: str = "utf-8",
    log: list[dict] | None = None,
    line_numbers: bool = True,
) -> list[dict]:
    """Split a LexisNexis export into one record per article (columns of ``EXPORT_COLUMNS``).

    Args:
        text: the export's text (``.rtf``/``.docx`` already extracted).
        source: the file it came from: ``source_file``, and ``doc_id`` is its stem plus the
            article number (``courier_003``).
        encoding: recorded in the ``encoding`` column.
        log: the load log; a cut-off last article (skipped), an export without articles and a
            date or word count that cannot be read (kept empty) are recorded, naming the file,
            the article and (with ``line_numbers``) the line.
        line_numbers: name the line in messages (off when the text was extracted from a
            binary file, whose lines are not the user's).

    Returns:
        The complete articles, in file order.
    """
    log = [] if log is None else log
    lines = list(enumerate(text.splitlines(), start=1))

    def where(line: int) -> str:
        return f"{source}:{line}" if line_numbers else source

    blocks = _blocks(lines)
    nexis = any(_END.match(s) for _, s in lines)  # the Nexis Uni layout, even where an article has no "Body"
    expected = next((int(m.group(1)) for _, s in lines[:60] if (m := _DOCUMENTS.match(s))), None)
    records = []
    stem = PurePath(source).stem
    width = max(3, len(str(max([n for n, _, _ in blocks] + [expected or 0]))))
    for number, block, complete in blocks:
        start = block[0][0] if block else 1
        if not complete:
            record_problem(
                log,
                where(start),
                f"article {number} is cut off (the export ends inside it)",
                f"article skipped; the {len(records)} complete one(s) before it are kept; download the export again",
            )
            continue
        record = _parse_block(block, number=number, where=where(start), log=log, nexis=nexis)
        if record is None:
            continue
        record.update(doc_id=f"{stem}_{number:0{width}d}", source_file=source, export="lexisnexis", encoding=encoding)
        records.append(record)
    if not blocks:
        record_problem(
            log,
            source,
            "LexisNexis export holds no articles",
            "file skipped; export the documents again with their text",
        )
    elif expected is not None and expected != len(blocks):
        record_problem(
            log,
            source,
            f"the cover page lists {expected} documents but the file holds {len(blocks)}",
            f"{len(records)} article(s) read; download the missing ones",
        )
    return records


def _blocks(lines: list[Line]) -> list[tuple[int, list[Line], bool]]:
    """``(article number, its lines, complete?)`` for each article of the export."""
    starts = [(i, m) for i, (_, s) in enumerate(lines) if (m := _START.match(s))]
    ends = [i for i, (_, s) in enumerate(lines) if _END.match(s)]
    blocks = []
    if starts:
        for k, (i, match) in enumerate(starts):
            stop = starts[k + 1][0] if k + 1 < len(starts) else len(lines)
            block = lines[i + 1 : stop]
            number = int(match.group(1) or match.group(3))
            last = k + 1 == len(starts)
            complete = not last or any(_END.match(s) or _field_name(s) in _TAIL_FIELDS for _, s in block)
            blocks.append((number, [x for x in block if not _END.match(x[1])], complete))
        return blocks
    previous = 0
    for k, i in enumerate(ends, start=1):
        blocks.append((k, lines[previous:i], True))
        previous = i + 1
    rest = lines[previous:]
    if ends and any(s.strip().lower() == "body" or _field_name(s) in _HEAD_FIELDS for _, s in rest):
        blocks.append((len(ends) + 1, rest, False))
    return blocks


def _field_name(line: str) -> str | None:
    match = _FIELD.match(line)
    if not match:
        return None
    name = match.group(1).upper()
    return name if name in _HEAD_FIELDS or name in _TAIL_FIELDS else None


def _parse_block(block: list[Line], *, number: int, where: str, log: list[dict], nexis: bool) -> dict | None:
    texts = [s for _, s in block]
    first_field = next((i for i, s in enumerate(texts) if _field_name(s)), len(texts))
    body_line = next((i for i, s in enumerate(texts) if s.strip().lower() == "body"), None)
    if body_line is not None:
        first_field = min(first_field, body_line)
    fields, body_start = _read_fields(texts, first_field, one_line=nexis)
    if body_line is not None or nexis:
        title, newspaper, date_line = _nexis_header(texts[:first_field])
        start = body_start if body_line is None else body_line + 1
        body = _body(texts, start, lambda s: s.strip().lower() in _SECTIONS or _field_name(s) in _TAIL_FIELDS)
    else:
        title, newspaper, date_line = _classic_header(texts[:first_field])
        body = _body(texts, body_start, lambda s: _field_name(s) in _TAIL_FIELDS)
    if not body:
        record_problem(log, where, f"article {number} ({title or 'no headline'!r}) has no body text", "article skipped")
        return None
    date = parse_export_date(date_line) if date_line else None
    if date is None:
        record_problem(
            log,
            where,
            f"article {number}: date line {date_line!r} cannot be read",
            "article kept with an empty date; add its date in the metadata",
        )
    word_count = None
    if "LENGTH" in fields:
        word_count = parse_word_count(fields["LENGTH"])
        if word_count is None:
            record_problem(
                log, where, f"article {number}: length {fields['LENGTH']!r} cannot be read", "word_count left empty"
            )
    return make_export_record(
        title=title,
        date=date,
        newspaper=newspaper,
        byline=fields.get("BYLINE"),
        section=fields.get("SECTION"),
        word_count=word_count,
        raw_text=body,
    )


def _read_fields(texts: list[str], start: int, *, one_line: bool) -> tuple[dict[str, str], int]:
    """The head fields from ``start`` on, and the index of the first line after them. A value goes
    on to a blank line or the next field; with ``one_line`` (Nexis Uni, whose lines are
    paragraphs) only a ``Highlight`` goes on past its line."""
    fields: dict[str, str] = {}
    current = None
    i = start
    while i < len(texts):
        line = texts[i]
        name = _field_name(line)
        if name in _HEAD_FIELDS:
            current = name
            fields[name] = _FIELD.match(line).group(2)
        elif not line.strip():
            current = None
        elif current is not None and line.strip().lower() != "body" and (not one_line or current == "HIGHLIGHT"):
            fields[current] = f"{fields[current]} {line.strip()}".strip()
        else:
            break
        i += 1
    return fields, i


def _body(texts: list[str], start: int, stops) -> str:
    end = next((i for i in range(start, len(texts)) if stops(texts[i])), len(texts))
    body = "\n".join(line.rstrip() for line in texts[start:end]).strip("\n")
    return re.sub(r"\n{3,}", "\n\n", body).strip()


def _classic_header(head: list[str]) -> tuple[str, str | None, str | None]:
    """Newspaper, date line, (edition), headline: the headline is the last paragraph."""
    paragraphs: list[list[str]] = [[]]
    for line in head:
        if line.strip():
            paragraphs[-1].append(line.strip())
        elif paragraphs[-1]:
            paragraphs.append([])
    paragraphs = [p for p in paragraphs if p]
    flat = [line for p in paragraphs for line in p]
    newspaper = flat[0] if flat else None
    date_line = flat[1] if len(flat) > 1 else None
    title = " ".join(paragraphs[-1]) if len(paragraphs) >= 3 else (flat[-1] if len(flat) > 2 else "")
    return title, newspaper, date_line


def _nexis_header(head: list[str]) -> tuple[str, str | None, str | None]:
    """Headline, newspaper, date line: found from the date line, after any cover page."""
    flat = [line.strip() for line in head if line.strip()]
    dates = [i for i, line in enumerate(flat) if parse_export_date(line)]
    if dates and dates[-1] >= 2:
        d = dates[-1]
        return flat[d - 2], flat[d - 1], flat[d]
    covered = [i for i, line in enumerate(flat) if _COVER.match(line)]
    flat = flat[covered[-1] + 1 :] if covered else flat
    flat += [None] * 3
    return flat[0] or "", flat[1], flat[2]
