"""HTML pages: the article's main text and metadata, extracted with trafilatura (offline: the page
is parsed as given, nothing is fetched), the page itself kept beside it.

The extracted text keeps one paragraph per line, the article's own lists (``- item``) and
quotes; comments sections are left out. It becomes ``raw_text``, which the cleaner then audits
like any text; ``raw_html`` keeps the page as read, so what the extractor dropped is
recoverable. A page with too little prose (a section front, a search page) is not an article:
:func:`parse_html` raises, naming the page and why.

>>> page = ("<html><head><title>Talks resume | Daily</title><meta name='author' content='Ann Lee'></head><body>"
...         "<nav><a href='/'>Home</a></nav><article><h1>Talks resume</h1>"
...         "<p>Diplomats met in Geneva on Monday to discuss a ceasefire, officials said after the meeting.</p>"
...         "<p>Both delegations described the first round as useful and agreed to meet again next week.</p>"
...         "</article></body></html>")
>>> record = parse_html(page, min_prose_words=10)
>>> record["title"], record["author"], [line[:22] for line in record["raw_text"].splitlines()]
('Talks resume', 'Ann Lee', ['Talks resume', 'Diplomats met in Genev', 'Both delegations descr'])
"""

from __future__ import annotations

import codecs
import re
from pathlib import Path

from corpus_tools.io.decode import _detect_encoding, decode_bytes
from corpus_tools.io.problems import CorpusInputError

__all__ = [
    "HTML_SUFFIXES",
    "HTML_COLUMNS",
    "EXTRACT_OPTIONS",
    "MIN_PROSE_WORDS",
    "parse_html",
    "read_html_records",
    "decode_html_bytes",
]

# ``decode_``: bytes -> str, as ``decode_bytes``; nothing is read from disk.
_GRAMMAR_EXCEPTIONS = {"decode_html_bytes"}

HTML_SUFFIXES = (".html", ".htm")
#: Table columns holding a page's HTML, extracted like an ``.html`` file.
HTML_COLUMNS = ("html", "raw_html", "page_html")
#: Options passed to trafilatura, measured on 100 generated pages (``make validate``, html):
#: comments sections left out; tables kept (a news table carries the figures the article
#: discusses; the cleaner handles table markup); neither ``favor_precision`` nor ``favor_recall``:
#: every article sentence was kept with all three, trafilatura alone kept 7.9% of chrome lines
#: (5.5% with ``favor_precision``), but with our cleaner after it 1.6% either way, so precision
#: buys nothing and risks short paragraphs; no dedup (it drops text repeated across pages).
EXTRACT_OPTIONS = {
    "include_comments": False,
    "include_tables": True,
    "include_images": False,
    "include_links": False,
    "include_formatting": False,
    "favor_precision": False,
    "favor_recall": False,
    "deduplicate": False,
}
#: An article has at least this many words in prose lines (6+ words ending like a sentence).
MIN_PROSE_WORDS = 40
#: Metadata fields kept, trafilatura name -> column.
META_COLUMNS = {"title": "title", "date": "date", "author": "author", "sitename": "site", "url": "url"}

_CHARSET_RE = re.compile(rb"""<meta[^>]+charset\s*=\s*["']?\s*([A-Za-z0-9_.:-]+)""", re.I)
_FOOTNOTE_RE = re.compile(r"^\s*\[?\s*\d{1,3}(?:\s*[,\u2013-]\s*\d{1,3})*\s*\]?\s*$")
_SENTENCE_END_RE = re.compile(r"""[.!?]["'\u201d\u2019)\]]*$""")
# HTML5: pages declaring latin-1 or ASCII are decoded as windows-1252 by browsers.
_HTML5_ALIASES = {"latin_1": "cp1252", "iso8859-1": "cp1252", "ascii": "cp1252"}


def decode_html_bytes(data: bytes, *, source: str = "<bytes>") -> tuple[str, str, str | None]:
    """Decode an HTML page: a byte-order mark, else the charset the page declares, else UTF-8,
    else the encoding charset-normalizer detects.

    Returns:
        ``(html, encoding, note)``; ``note`` says when the encoding was not the declared one or UTF-8.

    >>> decode_html_bytes('<meta charset="windows-1252"><p>caf\u00e9</p>'.encode("cp1252"))[1:]
    ('cp1252', None)
    >>> decode_html_bytes("<p>caf\u00e9</p>".encode("utf-8"))[1:]
    ('utf-8', None)
    """
    if not data.strip():
        raise CorpusInputError(f"{source}: file is empty (or only whitespace); remove it or add its text")
    if data.startswith((codecs.BOM_UTF8, codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        return decode_bytes(data, source=source)
    match = _CHARSET_RE.search(data[:4096])
    declared = None
    if match:
        try:
            declared = codecs.lookup(match.group(1).decode("ascii")).name
        except LookupError:
            declared = None
        declared = _HTML5_ALIASES.get(declared, declared)
    if declared and declared != "utf-8":
        try:
            return data.decode(declared), declared, None
        except UnicodeDecodeError:
            pass
    try:
        return data.decode("utf-8"), "utf-8", None
    except UnicodeDecodeError as exc:
        bad = exc.start
    # Ties (as French in cp1252 vs cp1250) go to windows-1252, the web's usual legacy encoding.
    detected = _detect_encoding(data, preferred=("cp1252",))
    if detected is None:
        return decode_bytes(data, source=source)
    page, encoding = detected
    said = f"declares {match.group(1).decode('ascii', 'replace')} but " if match else ""
    return page, encoding, f"{said}not valid UTF-8 (first bad byte at offset {bad}); detected as {encoding}"


def _prose_words(text: str) -> int:
    words = 0
    for line in text.splitlines():
        n = len(line.split())
        if n >= 6 and _SENTENCE_END_RE.search(line.strip()):
            words += n
    return words


def _parse_tree(page: str):
    """The page as an lxml tree, footnote reference markers (``<sup>1</sup>``, ``<sup>[2]</sup>``)
    dropped: flattened, they glue a digit to the sentence before (``said.1``)."""
    import lxml.html

    try:
        tree = lxml.html.fromstring(page)
    except (ValueError, lxml.etree.ParserError):  # e.g. an encoding declaration in a str, or no elements
        return page
    for sup in tree.iter("sup"):
        if _FOOTNOTE_RE.match(sup.text_content()):
            sup.drop_tree()
    return tree


def parse_html(
    page: str, *, source: str = "<html>", url: str | None = None, min_prose_words: int = MIN_PROSE_WORDS
) -> dict:
    """The article of one HTML page: ``raw_text`` (the extracted main text) and its ``title``,
    ``date`` (``YYYY-MM-DD``), ``author``, ``site`` and ``url`` (``None`` when the page has none).

    Args:
        page: the page's HTML, decoded.
        source: the file (or table row) named in errors.
        url: the page's address when known (a table's ``url`` column); else the page's own.
        min_prose_words: fewer words in prose lines than this, and the page is not an article.

    Raises:
        CorpusInputError: the page holds no article (nothing extracted, or too little prose).
    """
    import trafilatura

    doc = trafilatura.bare_extraction(_parse_tree(page), url=url, with_metadata=True, **EXTRACT_OPTIONS)
    text = (doc.text or "") if doc is not None else ""
    prose = _prose_words(text)
    if prose < min_prose_words:
        found = "no main text" if not text.strip() else f"{prose} words of prose in {len(text.split())} words"
        raise CorpusInputError(
            f"{source}: not an article page (trafilatura found {found}, under {min_prose_words}); "
            "a section front, listing or search page? save the article page itself"
        )
    record = {"raw_text": text.strip() + "\n"}
    for name, column in META_COLUMNS.items():
        value = getattr(doc, name, None)
        record[column] = value if value else None
    if url and not record["url"]:
        record["url"] = url
    return record


def read_html_records(path: str | Path) -> list[dict]:
    """One record for an HTML page file: ``doc_id`` (the file name without suffix), ``raw_text``,
    ``encoding``, ``title``, ``date``, ``author``, ``site``, ``url``, ``raw_html`` and ``note``
    (how the encoding was found, when guessed).

    Raises:
        CorpusInputError: the file is empty, cannot be decoded, or is not an article page.
    """
    path = Path(path)
    page, encoding, note = decode_html_bytes(path.read_bytes(), source=str(path))
    record = {"doc_id": path.stem, **parse_html(page, source=str(path)), "encoding": encoding}
    return [{**record, "raw_html": page, "note": note}]
