"""Check that two source trees of the package give identical outputs on real corpora.

``python bench/check_identity.py --reference DIR [--eval ../shared/eval]`` imports the package
from ``DIR`` (a checkout of another commit, e.g. ``git archive main | tar -x -C DIR``) in one
process and from this tree in another, on the same inputs, read at run time: the seeds, and
when present the BBC articles (``<eval>/bbc/raw``), the raw scraped pages
(``<eval>/ukraine_news/raw_pages``) and VADER's rated sentences (``<eval>/vader_groundtruth``),
a corpus of ``--generated`` scraped pages (``bench/scale.py``'s generator: articles with site
chrome, written once and read by both trees) and the text fixtures of ``tests/fixtures`` (pages in
ten languages and scripts: cleaned corpus, audit and languages).
Both run at the same time, so on a shared machine they see the same load. It compares, table
by table and exactly: the loaded documents (``raw_text, text, title, date, status``), the
cleaning audit, VADER sentence scores, term counts and frame hits, and prints one line per
table, then the CPU time of each step in each tree (CPU time, not wall time, so the figures
hold on a loaded machine). Exit status 1 when anything differs.
"""

from __future__ import annotations

import argparse
import pickle
import subprocess
import sys
import tempfile
import time
import warnings
from pathlib import Path

HERE = Path(__file__).resolve().parents[1]


def _import_from(tree: Path):
    """The package imported from ``tree`` (not from the editable install of this checkout)."""
    sys.meta_path[:] = [f for f in sys.meta_path if "__editable__" not in getattr(f, "__module__", "")]
    sys.path.insert(0, str(tree))
    import corpus_tools

    if Path(corpus_tools.__file__).resolve().parents[1] != tree.resolve():
        raise SystemExit(f"error: imported {corpus_tools.__file__}, not the tree {tree}")
    return corpus_tools


def _corpora(eval_dir: Path, seeds: Path, generated: Path | None = None) -> dict[str, Path]:
    found = {"seeds": seeds}
    for name, sub in (("bbc", "bbc/raw"), ("raw_pages", "ukraine_news/raw_pages")):
        if (eval_dir / sub).is_dir():
            found[name] = eval_dir / sub
    if generated is not None:
        found["generated"] = generated
    return found


def _generate(folder: Path, n: int, eval_dir: Path) -> Path:
    """``n`` generated pages (``bench/scale.py``) in ``folder``, from the seeds and BBC articles."""
    sys.path.insert(0, str(Path(__file__).parent))
    import scale

    sources, _ = scale.read_sources(eval_dir if eval_dir.is_dir() else None)
    scale.generate_corpus(folder, n, sources)
    return folder


def _fixture_tables(ct) -> dict:
    """The cleaned text fixtures (``tests/fixtures/**/*.txt``), their audit and languages."""
    import pandas as pd

    paths = sorted((HERE / "tests" / "fixtures").rglob("*.txt"))
    raws = [p.read_text(encoding="utf-8", errors="replace") for p in paths]
    docs = pd.DataFrame({"doc_id": [str(p.relative_to(HERE)) for p in paths], "raw_text": raws})
    cleaned, audit = ct.clean.clean_corpus_audited(docs)
    languages = pd.DataFrame(
        {
            "doc_id": docs["doc_id"],
            "raw": ct.io.language.label_languages(raws),
            "clean": ct.io.language.label_languages(cleaned["text"]),
        }
    )
    return {"fixtures: cleaned": cleaned, "fixtures: audit": audit, "fixtures: languages": languages}


def _rated_sentences(eval_dir: Path) -> list[str]:
    texts = []
    for path in sorted((eval_dir / "vader_groundtruth").glob("*GroundTruth.txt")):
        for line in path.read_text(encoding="utf-8", errors="replace").splitlines():
            parts = line.split("\t")
            if len(parts) >= 3:
                texts.append(parts[2])
    return texts


def dump(tree: Path, eval_dir: Path, out: Path, generated: Path | None = None) -> None:
    """Compute every compared table with the package of ``tree``; pickle them to ``out``."""
    ct = _import_from(tree)
    import pandas as pd

    import corpus_tools.io.language
    from corpus_tools import framing, keywords, sentiment

    warnings.simplefilter("ignore")
    tables, times, sizes = {}, {}, {}
    for name, path in _corpora(eval_dir, Path(ct.config.SEEDS_DIR), generated).items():
        started = time.process_time()
        loaded = ct.read_corpus(path)
        times[f"{name}: load and clean"] = time.process_time() - started
        docs = loaded.documents
        started = time.process_time()
        ct.clean.clean_corpus_audited(docs[["doc_id", "raw_text"]])
        times[f"{name}: clean"] = time.process_time() - started
        sizes[name] = (len(docs), sum(len(t.encode("utf-8")) for t in docs["raw_text"]) / 1e6)
        columns = ["doc_id", "raw_text", "text", "title", "date", "status", "language"]
        tables[f"{name}: documents"] = docs[[c for c in columns if c in docs.columns]]
        started = time.process_time()
        tables[f"{name}: languages"] = pd.DataFrame(
            {"doc_id": docs["doc_id"], "language": corpus_tools.io.language.label_languages(docs["text"])}
        )
        times[f"{name}: languages"] = time.process_time() - started
        tables[f"{name}: audit"] = loaded.audit
        ok = docs[docs["status"] == "ok"]
        sentences = ct.split_sentences(ok)
        started = time.process_time()
        tables[f"{name}: vader"] = sentiment.score_texts(sentences["text"], details=True)
        times[f"{name}: vader"] = time.process_time() - started
        started = time.process_time()
        tables[f"{name}: term counts"] = keywords.count_terms(ok).to_frame(level="doc")
        times[f"{name}: term counts"] = time.process_time() - started
        started = time.process_time()
        tables[f"{name}: frame hits"] = framing.match_frames(sentences)
        times[f"{name}: frame hits"] = time.process_time() - started
    tables.update(_fixture_tables(ct))
    rated = _rated_sentences(eval_dir)
    if rated:
        started = time.process_time()
        tables["rated sentences: vader"] = sentiment.score_texts(rated, details=True)
        times["rated sentences: vader"] = time.process_time() - started
    out.write_bytes(pickle.dumps((tables, times, sizes)))


def _run_both(trees: list[Path], eval_dir: Path, tmp: Path, generated: Path | None) -> list[tuple[dict, dict]]:
    """Dump both trees' tables at the same time (on a shared machine both see the same load)."""
    outs = [tmp / f"tree{k}.pkl" for k in range(len(trees))]
    extra = ["--generated-dir", str(generated)] if generated is not None else []
    procs = [
        subprocess.Popen(
            [sys.executable, __file__, "--dump", str(out), "--tree", str(tree), "--eval", str(eval_dir), *extra]
        )
        for tree, out in zip(trees, outs)
    ]
    if any(p.wait() for p in procs):
        raise SystemExit("error: a dump failed (see above)")
    return [pickle.loads(out.read_bytes()) for out in outs]


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--reference", type=Path, help="source tree to compare with (holds corpus_tools/)")
    parser.add_argument("--eval", type=Path, default=HERE.parent / "shared" / "eval")
    parser.add_argument("--tree", type=Path, default=HERE, help=argparse.SUPPRESS)
    parser.add_argument("--dump", type=Path, help=argparse.SUPPRESS)
    parser.add_argument("--generated", type=int, default=1000, help="generated pages to compare (0: none)")
    parser.add_argument("--generated-dir", type=Path, help=argparse.SUPPRESS)
    args = parser.parse_args(argv)
    if args.dump:
        dump(args.tree, args.eval, args.dump, args.generated_dir)
        return 0
    if args.reference is None:
        parser.error("--reference is required")
    import pandas as pd

    with tempfile.TemporaryDirectory() as tmp:
        generated = _generate(Path(tmp) / "generated", args.generated, args.eval) if args.generated else None
        (ref_tables, ref_times, sizes), (our_tables, our_times, _) = _run_both(
            [args.reference, HERE], args.eval, Path(tmp), generated
        )
    failed = 0
    for name in ref_tables:
        ref, ours = ref_tables[name], our_tables.get(name)
        try:
            pd.testing.assert_frame_equal(ours, ref, check_exact=True)
            verdict = "identical"
        except AssertionError as error:
            failed += 1
            verdict = "DIFFERENT: " + str(error).splitlines()[0]
        print(f"{name:<32} {len(ref):>9,} rows  {verdict}")
    print()
    print("CPU seconds (time.process_time) of each step; for load and clean also documents and MB per second")
    for name in ref_times:
        r, o = ref_times[name], our_times[name]
        line = f"{name:<32} reference {r:8.2f} s   this tree {o:8.2f} s   {r / o:6.2f}x"
        corpus = name.split(":")[0]
        if name.endswith("clean") and corpus in sizes:
            n, mb = sizes[corpus]
            line += f"   docs/s {n / r:9.1f} -> {n / o:9.1f}   MB/s {mb / r:6.3f} -> {mb / o:6.3f}"
        print(line)
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
