"""Decoding text files whatever their encoding: UTF-8 (with or without BOM), UTF-16/32 with a
byte-order mark, or cp1252/latin-1 as a last resort (with a note saying so).

>>> decode_bytes("caf\u00e9".encode("utf-8"))
('café', 'utf-8', None)
"""

from __future__ import annotations

import codecs
from pathlib import Path

from corpus_tools.io.problems import CorpusInputError

__all__ = ["read_text_file", "decode_bytes"]

# ``decode_``: the codecs term for bytes -> str (``bytes.decode``); nothing is read from disk.
_GRAMMAR_EXCEPTIONS = {"decode_bytes"}


def read_text_file(path: str | Path) -> tuple[str, str, str | None]:
    """Read a text file whatever its encoding.

    Returns:
        ``(text, encoding, note)``: the decoded text exactly as in the file (a byte-order mark
        is dropped, line endings are kept), the encoding used, and a note when the encoding
        had to be guessed (``None`` for UTF-8).

    Raises:
        CorpusInputError: the file is empty, or binary (not text in any supported encoding).
    """
    path = Path(path)
    data = path.read_bytes()
    return decode_bytes(data, source=str(path))


def decode_bytes(data: bytes, *, source: str = "<bytes>") -> tuple[str, str, str | None]:
    """Decode bytes as UTF-8 (with or without BOM), UTF-16/32 with BOM, or cp1252/latin-1.

    >>> decode_bytes("caf\u00e9".encode("cp1252"))
    ('café', 'cp1252', 'not valid UTF-8 (first bad byte at offset 3); decoded as cp1252')
    """
    if not data.strip():
        raise CorpusInputError(f"{source}: file is empty (or only whitespace); remove it or add its text")
    for bom, encoding in (
        (codecs.BOM_UTF32_LE, "utf-32"),
        (codecs.BOM_UTF32_BE, "utf-32"),
        (codecs.BOM_UTF8, "utf-8-sig"),
        (codecs.BOM_UTF16_LE, "utf-16"),
        (codecs.BOM_UTF16_BE, "utf-16"),
    ):
        if data.startswith(bom):
            try:
                return (
                    data.decode(encoding),
                    encoding,
                    None if encoding == "utf-8-sig" else f"decoded as {encoding} (byte-order mark)",
                )
            except UnicodeDecodeError as exc:
                raise CorpusInputError(
                    f"{source}: starts with a {encoding} byte-order mark but is not valid {encoding} "
                    f"(byte {exc.start}); re-save the file as UTF-8"
                ) from exc
    if b"\x00" in data[:4096]:
        raise CorpusInputError(
            f"{source}: looks binary (NUL bytes and no UTF-16 byte-order mark); "
            "convert it to plain text (UTF-8) or remove it from the corpus folder"
        )
    try:
        return data.decode("utf-8"), "utf-8", None
    except UnicodeDecodeError as exc:
        bad = exc.start
    for encoding in ("cp1252", "latin-1"):
        try:
            text = data.decode(encoding)
        except UnicodeDecodeError:
            continue
        controls = sum(1 for c in text if ord(c) < 32 and c not in "\t\n\r\f")
        if controls > max(2, 0.01 * len(text)):
            raise CorpusInputError(
                f"{source}: looks binary ({controls} control characters); convert it to plain text (UTF-8)"
            )
        return text, encoding, f"not valid UTF-8 (first bad byte at offset {bad}); decoded as {encoding}"
    raise CorpusInputError(f"{source}: cannot be decoded; re-save it as UTF-8")  # pragma: no cover
