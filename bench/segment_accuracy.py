"""Accuracy of three sentence splitters on the case table, both halves: ``python bench/segment_accuracy.py``.

A case counts as correct when every sentence matches exactly (see ``bench/segment_cases.py``).
``--failures`` lists the cases each splitter gets wrong.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from segment_baselines import split_punkt, split_pysbd  # noqa: E402
from segment_cases import read_cases, score_splitter  # noqa: E402

from corpus_tools.segment import split_text_sentences  # noqa: E402

SPLITTERS = {
    "Punkt (previous)": lambda case: split_punkt(case.text),
    "pySBD 0.3.4": lambda case: split_pysbd(case.text, case.language),
    "rules (corpus_tools)": lambda case: [s for _, _, s in split_text_sentences(case.text, language=case.language)],
}


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--failures", action="store_true", help="list each splitter's wrong cases")
    args = parser.parse_args(argv)
    cases = read_cases()
    print(f"{'splitter':<22} {'tune':>12} {'held-out':>12} {'all':>12}")
    for name, split in SPLITTERS.items():
        scores = score_splitter(split, cases)
        right = sum(a for a, _ in scores.values())
        cells = [f"{a}/{b} {a / b:4.0%}" for a, b in [scores["tune"], scores["held-out"], (right, len(cases))]]
        print(f"{name:<22} " + " ".join(f"{c:>12}" for c in cells))
        if args.failures:
            for case in cases:
                got = [s.strip() for s in split(case) if s.strip()]
                if got != case.sentences:
                    print(f"    {case.half:<8} {case.id}: {got}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
