"""Execute every notebook in ``notebooks/`` on a corpus with papermill, headless.

``python -m corpus_tools.run_notebooks --out reports`` writes, per notebook,
``reports/<name>.ipynb`` (executed) and ``reports/<name>.html`` (standalone, images
embedded), and the tables and figures the notebook writes under ``reports/tables`` and
``reports/figures``.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from corpus_tools.config import NOTEBOOKS_DIR, SEEDS_DIR

KERNEL_NAME = "python3"


def execute_notebook(notebook: Path, out_dir: Path, parameters: dict, *, timeout: int = 600) -> Path:
    """Run one notebook with papermill and export it to HTML; returns the executed notebook."""
    import nbformat
    import papermill as pm
    from nbconvert import HTMLExporter

    out_dir.mkdir(parents=True, exist_ok=True)
    executed = out_dir / notebook.name
    pm.execute_notebook(
        str(notebook),
        str(executed),
        parameters=parameters,
        kernel_name=KERNEL_NAME,
        cwd=str(notebook.parent),
        progress_bar=False,
        execution_timeout=timeout,
    )
    body, _ = HTMLExporter(embed_images=True).from_notebook_node(nbformat.read(executed, as_version=4))
    executed.with_suffix(".html").write_text(body, encoding="utf-8")
    return executed


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--corpus", default=str(SEEDS_DIR), help="corpus folder or table (default: seeds/)")
    parser.add_argument("--metadata", default="", help="metadata table keyed by doc_id")
    parser.add_argument("--out", default="reports", help="output folder")
    parser.add_argument("--only", nargs="*", help="notebook names to run (default: all)")
    args = parser.parse_args(argv)
    out = Path(args.out).resolve()
    notebooks = sorted(NOTEBOOKS_DIR.glob("*.ipynb"))
    if args.only:
        notebooks = [nb for nb in notebooks if nb.stem in args.only]
    params = {"corpus": str(Path(args.corpus).resolve()), "metadata": args.metadata and str(Path(args.metadata).resolve()), "output_dir": str(out)}
    failed = []
    for nb in notebooks:
        print(f"running {nb.name} ...", flush=True)
        try:
            execute_notebook(nb, out, params)
        except Exception as exc:  # report every failure, run the rest
            print(f"FAILED {nb.name}: {exc}", file=sys.stderr)
            failed.append(nb.name)
    print(f"{len(notebooks) - len(failed)} of {len(notebooks)} notebooks written to {out}")
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
