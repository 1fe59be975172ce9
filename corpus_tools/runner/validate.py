"""Run every validation module against an evaluation folder: ``make validate``.

``python -m corpus_tools.runner.validate --eval ../shared/eval [--only cleaning sentiment]``

``--only targets`` needs no evaluation data (its labelled sentences are shipped), but the
``--eval`` folder must exist.

>>> "sentiment" in list_validations()
True
"""

from __future__ import annotations

import argparse
import importlib
import pkgutil
import sys
import time
from pathlib import Path

import corpus_tools.validation as validation_pkg
from corpus_tools.checks import make_renamed_getattr

__all__ = ["list_validations", "main"]

__getattr__ = make_renamed_getattr(__name__, {"available": "list_validations"})


def list_validations() -> list[str]:
    """Names of the validation modules, in alphabetical order."""
    return sorted(m.name for m in pkgutil.iter_modules(validation_pkg.__path__) if not m.name.startswith("_"))


def main(argv: list[str] | None = None) -> int:
    """Entry point of ``make validate``; returns 0 when every validation passes, 1 on a regression."""
    parser = argparse.ArgumentParser(description="Validate corpus_tools against third-party evaluation data.")
    parser.add_argument("--eval", default="../shared/eval", help="folder with the evaluation data sets")
    parser.add_argument("--only", nargs="*", choices=list_validations(), help="run only these validations")
    args = parser.parse_args(argv)
    eval_dir = Path(args.eval)
    if not eval_dir.is_dir():
        print(f"error: evaluation folder {eval_dir} not found; pass --eval PATH", file=sys.stderr)
        return 2
    failed = []
    for name in args.only or list_validations():
        print(f"\n=== validation: {name} ===", flush=True)
        started = time.perf_counter()
        ok = importlib.import_module(f"corpus_tools.validation.{name}").run(eval_dir)
        print(f"--- {name}: {'ok' if ok else 'REGRESSION'} ({time.perf_counter() - started:.1f} s)", flush=True)
        if not ok:
            failed.append(name)
    if failed:
        print(f"\nvalidation failed: {', '.join(failed)}", file=sys.stderr)
        return 1
    print("\nall validations passed")
    return 0


if __name__ == "__main__":
    sys.exit(main())
