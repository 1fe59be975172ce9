"""Export fixtures: the hand-written text exports, and writers of the binary ones (RTF by hand,
``.docx`` with python-docx) from lines of text."""

from __future__ import annotations

from pathlib import Path

import pytest

EXPORTS = Path(__file__).parents[2] / "fixtures" / "exports"


def _rtf(lines: list[str], codepage: int = 1252) -> bytes:
    """An RTF document with one paragraph per line (non-ASCII as ``\\'xx`` escapes, else ``\\uN?``)."""
    out = [f"{{\\rtf1\\ansi\\ansicpg{codepage}\\deff0{{\\fonttbl{{\\f0\\fswiss Arial;}}}}\n"]
    for line in lines:
        chars = []
        for char in line:
            if char in "\\{}":
                chars.append("\\" + char)
            elif ord(char) < 128:
                chars.append(char)
            else:
                try:
                    chars.append("".join(f"\\'{b:02x}" for b in char.encode(f"cp{codepage}")))
                except UnicodeEncodeError:
                    chars.append(f"\\u{ord(char)}?")
        out.append("{\\f0 " + "".join(chars) + "}\\par\n")
    out.append("}")
    return "".join(out).encode("ascii")


@pytest.fixture()
def exports_dir() -> Path:
    return EXPORTS


@pytest.fixture()
def write_rtf(tmp_path):
    """``write_rtf(name, lines)`` -> the path of an RTF file holding those lines as paragraphs."""

    def write(name: str, lines: list[str], codepage: int = 1252) -> Path:
        path = tmp_path / name
        path.write_bytes(_rtf(lines, codepage))
        return path

    return write


@pytest.fixture()
def write_docx(tmp_path):
    """``write_docx(name, lines)`` -> the path of a ``.docx`` holding those lines as paragraphs."""
    import docx

    def write(name: str, lines: list[str]) -> Path:
        document = docx.Document()
        for line in lines:
            document.add_paragraph(line)
        path = tmp_path / name
        document.save(path)
        return path

    return write
