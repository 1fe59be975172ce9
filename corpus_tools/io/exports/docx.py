"""Text of a ``.docx`` file (LexisNexis exports), with ``python-docx``: one line per paragraph.

>>> import io, docx
>>> document = docx.Document()
>>> for line in ["Harbour bridge reopens", "Body", "The bridge reopened."]:
...     _ = document.add_paragraph(line)
>>> buffer = io.BytesIO()
>>> document.save(buffer)
>>> parse_docx_text(buffer.getvalue()).splitlines()
['Harbour bridge reopens', 'Body', 'The bridge reopened.']
"""

from __future__ import annotations

import io
import zipfile
from pathlib import Path

from corpus_tools.io.problems import CorpusInputError

__all__ = ["read_docx_text", "parse_docx_text"]


def read_docx_text(path: str | Path) -> str:
    """The text of a ``.docx`` file: its paragraphs (and table cells), one per line.

    Raises:
        CorpusInputError: the file is not a readable ``.docx``.
    """
    path = Path(path)
    try:
        return parse_docx_text(path.read_bytes())
    except CorpusInputError as exc:
        raise CorpusInputError(f"{path}: {exc}") from exc


def parse_docx_text(data: bytes) -> str:
    """The text of a ``.docx`` document given as bytes, one line per paragraph.

    Raises:
        CorpusInputError: the bytes are not a ``.docx`` (Word 2007+) document.
    """
    from docx import Document  # python-docx, imported here: only ``.docx`` files need it

    try:
        document = Document(io.BytesIO(data))
    except (zipfile.BadZipFile, KeyError, ValueError) as exc:
        raise CorpusInputError(
            f"not a readable .docx document ({type(exc).__name__}: {exc}); "
            "open it in a word processor and save it as .docx again"
        ) from exc
    lines = []
    for block in document.iter_inner_content():  # paragraphs and tables, in document order
        if hasattr(block, "rows"):
            lines.extend("\t".join(cell.text for cell in row.cells) for row in block.rows)
        else:
            lines.append(block.text)
    return "\n".join(lines) + "\n"
