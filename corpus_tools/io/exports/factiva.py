"""Factiva exports (``.rtf``, ``.html``, or their text) split into one record per article.

A Factiva article (display "Full Article/Report plus Indexing") is a list of fields, each
starting a line with its code: ``HD`` headline, ``BY`` byline, ``WC`` "812 words", ``PD``
publication date, ``SN`` source name, ``SC`` source code, ``LA`` language, ``CY`` copyright,
``LP`` lead paragraph, ``TD`` text, ... and last ``AN`` "Document GRDN000020250303el3300001",
which ends the article. A field's value is the rest of its line and the lines up to the next
field.

>>> text = '''HD Harbour bridge reopens
... WC 12 words
... PD 3 March 2025
... SN The Daily Courier
... LP
... The bridge reopened on Monday.
... TD
... Repairs took a year.
... AN Document DCOUR00020250303el3300001
... '''
>>> [article] = split_factiva(text, source="courier.rtf")
>>> article["doc_id"], article["date"], article["newspaper"]
('DCOUR00020250303el3300001', '2025-03-03', 'The Daily Courier')
>>> article["raw_text"]
'The bridge reopened on Monday.\\n\\nRepairs took a year.'
"""

from __future__ import annotations

import re

from corpus_tools.io.exports.fields import make_export_record, parse_export_date, parse_word_count
from corpus_tools.io.problems import record_problem

__all__ = ["split_factiva", "is_factiva", "FACTIVA_CODES"]

#: Field codes of Factiva's "plus Indexing" display.
FACTIVA_CODES = "HD SE CLM BY CR WC PD ET SN SC ED PG VOL LA CY LP TD CT RF CO IN NS RE IPC IPD PUB AN ART".split()
_CODE = re.compile(rf"^\s*({'|'.join(FACTIVA_CODES)})(?:[ \t\u00a0]+(.*?))?\s*$")
_AN = re.compile(r"^\s*AN\s+(?:Document\s+)?(\S+)\s*$", re.I)
# Codes that follow the text; a body line that starts with one of them ends the body, except that
# the indexing codes (values "i7902 : Telecommunications") must look so: "IN the first week" is text.
_AFTER_TEXT = {"CT", "RF", "CO", "IN", "NS", "RE", "IPC", "IPD", "PUB", "AN", "ART"}
_INDEXING = {"CO", "IN", "NS", "RE"}
_INDEX_VALUE = re.compile(r"^\S+\s+:\s")
_BODY = {"LP", "TD"}


def is_factiva(text: str) -> bool:
    """Whether the text looks like a Factiva export: an ``AN Document ...`` line, or the ``HD``
    and ``PD`` codes and a ``TD``/``LP`` code at line starts.

    >>> is_factiva("HD Title\\nPD 3 March 2025\\nTD\\nText\\n"), is_factiva("Headline\\nText\\n")
    (True, False)
    """
    codes = set()
    for line in text.splitlines():
        if re.match(r"^\s*AN\s+Document\s+\S+\s*$", line):
            return True
        match = _CODE.match(line)
        if match:
            codes.add(match.group(1))
    return {"HD", "PD"} <= codes and bool(codes & _BODY)


def split_factiva(
    text: str,
    *,
    source: str,
    encoding: str = "utf-8",
    log: list[dict] | None = None,
    line_numbers: bool = True,
) -> list[dict]:
    """Split a Factiva export into one record per article (columns of ``EXPORT_COLUMNS``).

    Args:
        text: the export's text (``.rtf``/``.html`` already extracted).
        source: the file it came from (``source_file``).
        encoding: recorded in the ``encoding`` column.
        log: the load log; a cut-off last article (no ``AN`` line: skipped), an export without
            articles, an article without text (skipped) and a date or word count that cannot be
            read (kept empty) are recorded, naming the file, the article and the line.
        line_numbers: name the line in messages (off for text extracted from a binary file).

    Returns:
        The complete articles in file order; ``doc_id`` is the accession number (``AN``), with
        ``_2``, ``_3`` added should it repeat; ``raw_text`` is the lead paragraph (``LP``) and
        the text (``TD``) separated by a blank line.
    """
    log = [] if log is None else log

    def where(line: int) -> str:
        return f"{source}:{line}" if line_numbers else source

    articles = _articles(text)
    records: list[dict] = []
    seen: dict[str, int] = {}
    for number, (start, fields, complete) in enumerate(articles, start=1):
        label = f"article {number} ({fields.get('HD', 'no headline')!r})"
        if not complete:
            record_problem(
                log,
                where(start),
                f"{label} is cut off (the export ends before its AN line)",
                f"article skipped; the {len(records)} complete one(s) before it are kept; download the export again",
            )
            continue
        body = "\n\n".join(fields[code] for code in ("LP", "TD") if fields.get(code))
        if not body:
            record_problem(log, where(start), f"{label} has no text (no LP or TD field)", "article skipped")
            continue
        date = parse_export_date(fields.get("PD", ""))
        if date is None:
            record_problem(
                log,
                where(start),
                f"article {number}: date {fields.get('PD', '(no PD field)')!r} cannot be read",
                "article kept with an empty date; add its date in the metadata",
            )
        word_count = parse_word_count(fields["WC"]) if fields.get("WC") else None
        if fields.get("WC") and word_count is None:
            record_problem(
                log,
                where(start),
                f"article {number}: word count {fields['WC']!r} cannot be read",
                "word_count left empty",
            )
        doc_id = fields["AN"]
        seen[doc_id] = seen.get(doc_id, 0) + 1
        if seen[doc_id] > 1:
            doc_id = f"{doc_id}_{seen[doc_id]}"
        records.append(
            make_export_record(
                doc_id=doc_id,
                title=fields.get("HD", ""),
                date=date,
                newspaper=fields.get("SN"),
                byline=fields.get("BY"),
                section=fields.get("SE"),
                word_count=word_count,
                raw_text=body,
                source_file=source,
                export="factiva",
                encoding=encoding,
            )
        )
    if not articles:
        record_problem(
            log, source, "Factiva export holds no articles", "file skipped; export the articles again with their text"
        )
    return records


def _articles(text: str) -> list[tuple[int, dict[str, str], bool]]:
    """``(first line, fields, complete?)`` per article; an article ends with its ``AN`` line."""
    articles = []
    fields: dict[str, list[str]] = {}
    start = None
    current = None
    for number, line in enumerate(text.splitlines(), start=1):
        match = _CODE.match(line)
        if match and (current not in _BODY or _ends_text(match.group(1), match.group(2) or "")):
            code, value = match.group(1), match.group(2) or ""
            start = number if start is None else start
            an = _AN.match(line) if code == "AN" else None
            if an:
                fields["AN"] = [an.group(1)]
                articles.append((start, _join(fields), True))
                fields, start, current = {}, None, None
                continue
            current = code
            fields.setdefault(code, []).append(value)
        elif current is not None:
            fields[current].append(line)
    if start is not None and set(fields) & {"HD", "LP", "TD"}:
        articles.append((start, _join(fields), False))
    return articles


def _ends_text(code: str, value: str) -> bool:
    """Whether a code line inside ``LP``/``TD`` starts the next field (or is body text)."""
    if code in _INDEXING:
        return not value or bool(_INDEX_VALUE.match(value))
    return code in _AFTER_TEXT or code in _BODY


def _join(fields: dict[str, list[str]]) -> dict[str, str]:
    joined = {}
    for code, lines in fields.items():
        if code in _BODY:
            text = "\n".join(line.rstrip() for line in lines).strip()
            joined[code] = re.sub(r"\n{3,}", "\n\n", text)
        else:
            joined[code] = " ".join(line.strip() for line in lines if line.strip())
    return joined
