"""Decoding text files whatever their encoding: UTF-8 (with or without BOM), UTF-16/32 with a
byte-order mark, else the legacy code page: cp1252 for Western European text (few accented
letters), else the one charset-normalizer detects (cp1251, KOI8-R, ...), with a note naming it.

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
    """Decode bytes as UTF-8 (with or without BOM), UTF-16/32 with BOM, or a legacy code page.

    Not UTF-8: the text is read as cp1252 when that gives Western text (at most
    :data:`MAX_ACCENTED_SHARE` of its letters accented), else in the encoding charset-normalizer
    detects (ties go to the first of :data:`PREFERRED`); the note says which was used.

    >>> decode_bytes("caf\u00e9".encode("cp1252"))
    ('café', 'cp1252', 'not valid UTF-8 (first bad byte at offset 3); decoded as cp1252')
    >>> decode_bytes("Министры встретились".encode("koi8-r"))
    ('Министры встретились', 'koi8-r', 'not valid UTF-8 (first bad byte at offset 0); detected as koi8-r')
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
    detected = _detect_legacy(data)
    if detected is not None:
        _check_controls(detected[0], source)
        return detected[0], detected[1], f"not valid UTF-8 (first bad byte at offset {bad}); detected as {detected[1]}"
    for encoding in ("cp1252", "latin-1"):
        try:
            text = data.decode(encoding)
        except UnicodeDecodeError:
            continue
        _check_controls(text, source)
        return text, encoding, f"not valid UTF-8 (first bad byte at offset {bad}); decoded as {encoding}"
    raise CorpusInputError(f"{source}: cannot be decoded; re-save it as UTF-8")  # pragma: no cover


#: Above this share of accented (non-ASCII) letters, cp1252 text is taken for another code page.
MAX_ACCENTED_SHARE = 0.3
#: Encodings preferred, in this order, among equally good charset-normalizer guesses.
PREFERRED = ("cp1252", "cp1251", "koi8-r", "cp1250", "iso8859-15")
#: The single-byte code pages considered; multi-byte East Asian ones only for longer texts
#: (:data:`MIN_MULTIBYTE`), where a short text would be misread as, say, Shift-JIS.
SINGLE_BYTE = (
    "cp1252",
    "cp1251",
    "koi8_r",
    "koi8_u",
    "cp1250",
    "cp1253",
    "cp1254",
    "cp1255",
    "cp1256",
    "cp1257",
    "cp866",
    "iso8859_2",
    "iso8859_5",
    "iso8859_7",
    "iso8859_15",
    "mac_cyrillic",
    "mac_roman",
    "cp874",
)
MULTI_BYTE = ("gb18030", "big5", "shift_jis", "euc_jp", "euc_kr", "cp932", "cp949")
MIN_MULTIBYTE = 200


def _check_controls(text: str, source: str) -> None:
    controls = sum(1 for c in text if ord(c) < 32 and c not in "\t\n\r\f\x1b")
    if controls > max(2, 0.01 * len(text)):
        raise CorpusInputError(
            f"{source}: looks binary ({controls} control characters); convert it to plain text (UTF-8)"
        )


def _detect_legacy(data: bytes) -> tuple[str, str] | None:
    """``(text, encoding)`` by charset-normalizer, or ``None`` to read it as cp1252 (Western
    text: few accented letters) or when nothing is detected."""
    try:
        western = data.decode("cp1252")
    except UnicodeDecodeError:
        western = None
    if western is not None:
        letters = [c for c in western if c.isalpha()]
        accented = sum(1 for c in letters if not c.isascii())
        if not letters or accented <= MAX_ACCENTED_SHARE * len(letters):
            return None
    non_ascii = sum(1 for b in data if b > 127)
    detected = _detect_encoding(data, candidates=SINGLE_BYTE + (MULTI_BYTE if non_ascii >= MIN_MULTIBYTE else ()))
    if detected is None or detected[1] == "cp1252":
        return None
    return detected


def _detect_encoding(
    data: bytes, *, candidates: tuple[str, ...] | None = None, preferred: tuple[str, ...] = PREFERRED
) -> tuple[str, str] | None:
    """``(text, encoding)`` as charset-normalizer reads ``data`` (among ``candidates``, or any
    encoding), a tie going to the first of ``preferred``; ``None`` when nothing fits.

    >>> _detect_encoding("Министры встретились в Женеве".encode("cp1251"), candidates=SINGLE_BYTE)[1]
    'cp1251'
    """
    from charset_normalizer import from_bytes

    matches = list(from_bytes(data, cp_isolation=list(candidates) if candidates else None))
    if not matches:
        return None
    best = matches[0]
    tied = [m for m in matches if (m.chaos, m.coherence) == (best.chaos, best.coherence)]
    rank = {name: i for i, name in enumerate(preferred)}
    best = min(tied, key=lambda m: rank.get(codecs.lookup(m.encoding).name, len(rank)))
    return str(best), codecs.lookup(best.encoding).name
    encoding = codecs.lookup(best.encoding).name
    if encoding == "cp1252":
        return None
    return str(best), encoding
