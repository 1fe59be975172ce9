"""Text of an ``.html`` export (Factiva saves articles as HTML), with the standard library's parser.

Block elements and table rows become lines; the cells of a row are separated by a tab, so a
Factiva field row ``<tr><td>HD</td><td>Headline</td></tr>`` becomes ``HD<tab>Headline``.

>>> parse_html_text("<div><table><tr><td><b>HD</b></td><td>Caf&eacute; reopens</td></tr></table><p>Hi</p></div>")
'HD\\tCafé reopens\\nHi\\n'
"""

from __future__ import annotations

import re
from html.parser import HTMLParser

__all__ = ["parse_html_text", "is_html"]

_BLOCKS = {
    "address", "article", "blockquote", "br", "dd", "div", "dl", "dt", "h1", "h2", "h3", "h4", "h5", "h6",
    "header", "footer", "hr", "li", "ol", "p", "pre", "section", "table", "tbody", "thead", "tr", "ul",
}  # fmt: skip
_PARAGRAPH = "\x00"  # marks the end of a paragraph until the lines are made
_SKIP = {"script", "style", "head", "title", "noscript"}


def is_html(text: str) -> bool:
    """Whether the text starts as an HTML document.

    >>> is_html("<!DOCTYPE html><html>"), is_html("HD Title")
    (True, False)
    """
    return bool(re.match(r"\s*(?:<!DOCTYPE\s+html|<html\b|<\?xml[^>]*>\s*<html\b)", text[:1024], re.I))


class _Text(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.parts: list[str] = []
        self.skipping = 0

    def handle_starttag(self, tag, attrs):
        if tag in _SKIP:
            self.skipping += 1
        elif tag in _BLOCKS:
            self.parts.append("\n")
        elif tag in ("td", "th"):
            self.parts.append("\t")

    def handle_endtag(self, tag):
        if tag in _SKIP:
            self.skipping = max(0, self.skipping - 1)
        elif tag == "p":
            self.parts.append(f"\n{_PARAGRAPH}\n")  # paragraphs stay apart: a blank line
        elif tag in _BLOCKS:
            self.parts.append("\n")

    def handle_data(self, data):
        if not self.skipping:
            self.parts.append(re.sub(r"\s+", " ", data))


def parse_html_text(html: str) -> str:
    """The text of an HTML document: one line per block element or table row, a blank line after
    each paragraph (``<p>``), no other empty lines.

    >>> parse_html_text("<td>TD</td><td><p>One.</p><p>Two.</p></td>")
    'TD\\nOne.\\n\\nTwo.\\n'
    """
    parser = _Text()
    parser.feed(html)
    parser.close()
    lines = []
    for line in "".join(parser.parts).split("\n"):
        cells = [" ".join(cell.replace("\u00a0", " ").split()) for cell in line.split("\t")]
        text = "\t".join(cell for cell in cells if cell and cell != _PARAGRAPH)
        if text:
            lines.append(text)
        elif _PARAGRAPH in line and lines and lines[-1]:
            lines.append("")
    return "\n".join(lines).strip("\n") + "\n"
