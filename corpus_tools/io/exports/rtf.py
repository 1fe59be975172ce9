"""Text of an ``.rtf`` file (LexisNexis and Factiva exports), with ``striprtf``.

>>> parse_rtf_text(r"{\\rtf1\\ansi\\ansicpg1252 {\\b HD}\\tab Caf\\'e9 reopens\\par PD\\tab 3 March 2025\\par}")
('HD\\tCafé reopens\\nPD\\t3 March 2025\\n', 'cp1252')
"""

from __future__ import annotations

import re
from pathlib import Path

from striprtf.striprtf import rtf_to_text

from corpus_tools.io.problems import CorpusInputError

__all__ = ["read_rtf_text", "parse_rtf_text", "is_rtf"]

_CODEPAGE = re.compile(rb"\\ansicpg(\d+)")


def is_rtf(data: bytes | str) -> bool:
    """Whether the content starts as an RTF document does (``{\\rtf``).

    >>> is_rtf(b"{\\\\rtf1\\\\ansi hello}"), is_rtf("hello")
    (True, False)
    """
    head = data[:16] if isinstance(data, bytes) else data[:16].encode("latin-1", "replace")
    return head.lstrip(b"\xef\xbb\xbf \r\n\t").startswith(b"{\\rtf")


def read_rtf_text(path: str | Path) -> tuple[str, str]:
    """The plain text of an RTF file and its code page (``"cp1252"`` unless it says otherwise).

    Raises:
        CorpusInputError: the file is not RTF, or its RTF cannot be read.
    """
    path = Path(path)
    data = path.read_bytes()
    if not is_rtf(data):
        raise CorpusInputError(f"{path}: is not an RTF file (it does not start with '{{\\rtf'); rename or re-save it")
    match = _CODEPAGE.search(data[:4096])
    encoding = f"cp{match.group(1).decode()}" if match else "cp1252"
    try:
        return parse_rtf_text(data.decode(encoding, errors="replace"), encoding=encoding)
    except (LookupError, ValueError, IndexError) as exc:
        raise CorpusInputError(f"{path}: RTF cannot be read ({exc}); re-save it from a word processor") from exc


def parse_rtf_text(rtf: str, *, encoding: str | None = None) -> tuple[str, str]:
    """The plain text of an RTF document and the code page used for its ``\\'xx`` escapes.

    Args:
        rtf: the RTF source.
        encoding: the code page; by default the one the document names (``\\ansicpg1252``).
    """
    if encoding is None:
        match = _CODEPAGE.search(rtf[:4096].encode("latin-1", "replace"))
        encoding = f"cp{match.group(1).decode()}" if match else "cp1252"
    text = rtf_to_text(rtf, encoding=encoding, errors="replace")
    return text.replace("\r\n", "\n").replace("\r", "\n"), encoding
