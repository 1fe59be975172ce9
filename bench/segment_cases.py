"""The sentence-boundary case table (``tests/segment/sentence_cases.txt``): reader, halves, accuracy.

Shared by ``tests/segment/test_sentences.py`` (every case asserted) and ``bench/bench_segment.py``
(accuracy of today's splitter, pySBD and the project's splitter on both halves). A case belongs to
the held-out half when the SHA-256 of its id is odd: fixed before any rule was written, and
independent of the text, so neither half was chosen by how hard it is.
"""

from __future__ import annotations

import hashlib
from collections.abc import Callable
from pathlib import Path
from typing import NamedTuple

CASES_PATH = Path(__file__).resolve().parent.parent / "tests" / "segment" / "sentence_cases.txt"


class Case(NamedTuple):
    id: str
    language: str
    text: str
    sentences: list[str]
    line: int

    @property
    def half(self) -> str:
        return "held-out" if int(hashlib.sha256(self.id.encode()).hexdigest(), 16) % 2 else "tune"


def _unescape(value: str) -> str:
    return value.replace("\\n", "\n").replace("\\r", "\r")


def read_cases(path: Path = CASES_PATH) -> list[Case]:
    """Every case of the table, in file order."""
    cases: list[Case] = []
    current = None
    for number, raw in enumerate(path.read_text(encoding="utf-8").splitlines(), start=1):
        if not raw.strip() or raw.startswith("#"):
            continue
        if raw.startswith("== "):
            parts = raw[3:].split()
            current = {"id": parts[0], "language": parts[1] if len(parts) > 1 else "en", "text": None}
            current["sentences"], current["line"] = [], number
            cases.append(current)
        elif current is None:
            raise ValueError(f"{path}:{number}: a line before the first '== <id>' header")
        elif raw.startswith("text: "):
            current["text"] = _unescape(raw[len("text: ") :])
        else:
            current["sentences"].append(_unescape(raw))
    out = []
    for c in cases:
        text = c["text"] if c["text"] is not None else " ".join(c["sentences"])
        out.append(Case(c["id"], c["language"], text, c["sentences"], c["line"]))
    return out


def score_splitter(split: Callable[[Case], list[str]], cases: list[Case]) -> dict[str, tuple[int, int]]:
    """``{half: (correct, total)}``: a case is correct when every sentence matches exactly."""
    out: dict[str, list[int]] = {"tune": [0, 0], "held-out": [0, 0]}
    for case in cases:
        got = [s.strip() for s in split(case) if s.strip()]
        out[case.half][0] += got == case.sentences
        out[case.half][1] += 1
    return {half: (a, b) for half, (a, b) in out.items()}
