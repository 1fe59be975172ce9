"""Scale benchmark (``make bench-scale N=10000``): generate a corpus of N articles, process it,
time each stage, compare with the naive pipeline, and fit how time grows with N. Not a test.

The generator is seeded. Each article is about 4 KB: a headline and paragraphs drawn from three
source articles (the seeds, and the BBC articles of ``../shared/eval/bbc/bbc_news.csv`` when that
file exists: read at run time, never copied into the project), with outlet and date metadata;
a share of the pages (``--chrome``, default 0.6) carries scraped-page chrome (site header, menu,
related links, newsletter prompt, footer) from ``bench/generate_pages.py``.

Measured, one after the other in this process:

- each stage on one core, on ``--stage-sample`` articles (default 1,000) of the same generator:
  load (read the files), clean, languages, split (sentences), sentiment (VADER, sentence by
  sentence), counts (sparse term counts), frames (generic dictionary, documents' languages given);
- processing with ``--jobs`` into an empty cache (``build_processed``: everything above, for what
  the notebooks read with their default parameters: three lexicons, the security frames, the
  keywords notebook's counts), then again with the cache full (the unchanged re-run);
- the notebooks executed from the cache (``corpus-tools report`` on the generated study, the
  processing step finding everything cached), unless ``--no-notebooks``;
- the naive pipeline a tutorial teaches, on a sample: NLTK's Punkt sentence splitter (untrained
  parameters: no download) and Treebank word tokenizer, vaderSentiment sentence by sentence, one
  row per token in a pandas DataFrame and a groupby for the counts; then the same work (sentences,
  VADER scores, term counts) done by the package with --jobs on every document; the ratio of the
  two throughputs is the "naive ratio" (the whole processing, which also cleans, labels languages,
  finds duplicates and runs two more lexicons and the frames, is compared too, on its own line);
  the VADER scores of the project's sentences are checked against the reference package's,
  sentence by sentence;
- the scaling exponent: processing with --jobs at N/10, N/sqrt(10) and N (slope of log time
  against log N).

Every stage prints wall time, docs/s, MB/s and the peak resident memory (this process and its
children, sampled). The machine may be shared: timings are then contended. The last line is
``scale: N docs, X MB, T s wall, D docs/s, peak P MB, naive ratio Rx, exponent E`` for the
processing of the N articles with --jobs.
"""

from __future__ import annotations

import argparse
import csv
import math
import random
import shutil
import sys
import tempfile
import threading
import time
import warnings
from collections.abc import Callable
from pathlib import Path

import numpy as np
import psutil

BENCH_DIR = Path(__file__).resolve().parent
PROJECT_DIR = BENCH_DIR.parent
sys.path.insert(0, str(BENCH_DIR))

from generate_pages import FOOTER, MENU, PROMOS, SITES, _headline  # noqa: E402

EVAL_CANDIDATES = [PROJECT_DIR.parent / "shared" / "eval", PROJECT_DIR.parent.parent / "shared" / "eval"]
TARGET_BYTES = 4000


# --------------------------------------------------------------------------- corpus generator


def _paragraphs(text: str) -> list[str]:
    return [p.strip() for p in text.replace("\r\n", "\n").split("\n\n") if len(p.strip()) > 60]


def read_sources(eval_dir: Path | None) -> tuple[list[list[str]], str]:
    """Paragraph lists of the source articles: the seeds' clean texts, plus the BBC articles when present."""
    import corpus_tools as ct

    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        seeds = ct.load_corpus(ct.config.SEEDS_DIR)
    sources = [_paragraphs(t) or [t] for t in seeds["text"]]
    used = "seeds"
    bbc = eval_dir / "bbc" / "bbc_news.csv" if eval_dir else None
    if bbc and bbc.is_file():
        csv.field_size_limit(1 << 30)
        with bbc.open(encoding="utf-8", newline="") as handle:
            sources += [p for row in csv.DictReader(handle) if (p := _paragraphs(row.get("text") or ""))]
        used = f"seeds + {bbc}"
    return sources, used


def _chrome(rng: random.Random, site: str, title: str, date: str) -> tuple[list[str], list[str]]:
    header = [f"{title} | {site}", "Skip to content", *rng.sample(MENU, 6), f"Published {date}"]
    footer = [
        "Read also:",
        *(_headline(rng) for _ in range(3)),
        rng.choice(PROMOS),
        *rng.sample(FOOTER, 5),
        f"© {date[:4]} {site}. All rights reserved.",
    ]
    return header, footer


def metadata_path(folder: Path) -> Path:
    """The metadata table of a generated corpus (``doc_id, outlet, date``), beside its folder."""
    return folder.with_name(f"{folder.name}_metadata.csv")


def generate_corpus(folder: Path, n: int, sources: list[list[str]], *, seed: int = 0, chrome: float = 0.6) -> int:
    """Write ``n`` articles (``<outlet>/<id>.txt``) into ``folder`` and their metadata beside it
    (:func:`metadata_path`); returns the bytes written."""
    rng = random.Random(seed)
    folder.mkdir(parents=True, exist_ok=True)
    total = 0
    with metadata_path(folder).open("w", encoding="utf-8", newline="") as handle:
        writer = csv.writer(handle)
        writer.writerow(["doc_id", "outlet", "date"])
        for i in range(n):
            site = rng.choice(SITES)
            date = f"{rng.choice([2024, 2025])}-{rng.randint(1, 12):02d}-{rng.randint(1, 28):02d}"
            picked = [rng.choice(sources) for _ in range(3)]
            pool = [p for paragraphs in picked for p in paragraphs]
            rng.shuffle(pool)
            body, size = [], 0
            for paragraph in pool:
                if size > TARGET_BYTES:
                    break
                body.append(paragraph)
                size += len(paragraph) + 2
            title = " ".join(body[0].split()[:8]).rstrip(".,;:") if body else "Untitled"
            lines = [title, "", *body]
            if rng.random() < chrome:
                header, footer = _chrome(rng, site, title, date)
                lines = [*header, *lines, *footer]
            text = "\n\n".join(lines) + "\n"
            doc_id = f"{i:06d}"
            outlet = site.lower().replace(" ", "_")
            path = folder / outlet / f"{doc_id}.txt"
            path.parent.mkdir(exist_ok=True)
            path.write_text(text, encoding="utf-8")
            total += len(text.encode("utf-8"))
            writer.writerow([doc_id, site, date])
    return total


# --------------------------------------------------------------------------- measuring


class Peak:
    """The peak memory of this process and its children while the block runs, sampled every 0.1 s:
    the sum of their proportional set sizes (PSS: a page shared by several processes counts once
    in all, where summing resident sizes would count it in each)."""

    def __enter__(self):
        self.proc, self.peak, self._stop = psutil.Process(), 0, threading.Event()
        self._thread = threading.Thread(target=self._sample, daemon=True)
        self._thread.start()
        return self

    def _sample(self):
        while not self._stop.is_set():
            try:
                rss = _pss(self.proc)
                for child in self.proc.children(recursive=True):
                    try:
                        rss += _pss(child)
                    except psutil.Error:
                        pass
            except psutil.Error:
                rss = 0
            self.peak = max(self.peak, rss)
            self._stop.wait(0.1)

    def __exit__(self, *exc):
        self._stop.set()
        self._thread.join()


def _pss(proc: psutil.Process) -> int:
    """The proportional set size of a process (its resident size where the system does not give it)."""
    info = proc.memory_full_info()
    return getattr(info, "pss", info.rss)


def measure(name: str, fn: Callable[[], object], n_docs: int, n_bytes: int, rows: list) -> tuple[object, float]:
    with warnings.catch_warnings(), Peak() as peak:
        warnings.simplefilter("ignore")
        started = time.perf_counter()
        result = fn()
        wall = time.perf_counter() - started
    mb = n_bytes / 1e6
    rows.append(
        (name, n_docs, wall, n_docs / wall if wall else float("inf"), mb / wall if wall else 0, peak.peak / 1e6)
    )
    print(
        f"  {name:<34} {wall:9.2f} s  {n_docs / wall if wall else 0:9.1f} docs/s  "
        f"{mb / wall if wall else 0:7.2f} MB/s  peak {peak.peak / 1e6:8.0f} MB",
        flush=True,
    )
    return result, wall


def notebook_stages() -> dict:
    """What the notebooks read with their default parameters (as ``corpus-tools report`` processes it)."""
    from corpus_tools.config import NOTEBOOKS_DIR
    from corpus_tools.runner.processing import resolve_stage_options
    from corpus_tools.runner.study import list_notebooks, read_parameters

    notebooks = list_notebooks(NOTEBOOKS_DIR)
    declared = {name: read_parameters(path) for name, path in notebooks.items()}
    return resolve_stage_options(dict.fromkeys(notebooks, {}), declared, NOTEBOOKS_DIR)


# --------------------------------------------------------------------------- the naive pipeline


def naive_pipeline(texts: list[str]):
    """Punkt + Treebank + vaderSentiment per sentence + one row per token + groupby counts."""
    import pandas as pd
    from nltk.tokenize import TreebankWordTokenizer
    from nltk.tokenize.punkt import PunktSentenceTokenizer
    from vaderSentiment.vaderSentiment import SentimentIntensityAnalyzer

    splitter, words, analyzer = PunktSentenceTokenizer(), TreebankWordTokenizer(), SentimentIntensityAnalyzer()
    scores, tokens = [], []
    for doc, text in enumerate(texts):
        for sentence in splitter.tokenize(text):
            scores.append(analyzer.polarity_scores(sentence)["compound"])
            tokens.extend((doc, w.lower()) for w in words.tokenize(sentence))
    table = pd.DataFrame(tokens, columns=["doc", "token"])
    return scores, table.groupby(["doc", "token"]).size()


def same_work(documents, count_options: dict, jobs: int) -> int:
    """The naive pipeline's work done by the package on every core: sentences, VADER scores of each
    sentence and sparse term counts (:func:`corpus_tools.process.stages.build_partition`, the
    function processing runs); returns the sentences scored."""
    from corpus_tools.process.engine import run_tasks
    from corpus_tools.process.stages import build_partition

    docs = documents[["doc_id", "text", "language"]].assign(_key=documents["doc_id"], _count_key=documents["doc_id"])
    parts = [docs.iloc[i : i + 500].reset_index(drop=True) for i in range(0, len(docs), 500)]
    tasks = ((part, [("vader", None, "en")], None, count_options) for part in parts)
    return sum(len(r["scores0"]) for r in run_tasks(build_partition, tasks, jobs=jobs, progress=False))


def check_vader(sentences: list[str]) -> bool:
    """The project's VADER scores equal the reference package's, sentence by sentence."""
    from vaderSentiment.vaderSentiment import SentimentIntensityAnalyzer

    from corpus_tools.sentiment import score_texts

    analyzer = SentimentIntensityAnalyzer()
    ours = score_texts(sentences, lexicon="vader")["compound"].tolist()
    return ours == [analyzer.polarity_scores(s)["compound"] for s in sentences]


# --------------------------------------------------------------------------- main


def run(args: argparse.Namespace) -> str:
    from corpus_tools.clean import clean_corpus_audited
    from corpus_tools.framing import match_frames
    from corpus_tools.io import read_documents
    from corpus_tools.io.language import label_languages
    from corpus_tools.keywords import count_terms
    from corpus_tools.process import build_processed
    from corpus_tools.process.engine import release_memory, resolve_jobs
    from corpus_tools.segment import split_sentences
    from corpus_tools.sentiment import score_sentences

    given = [Path(args.eval)] if args.eval else []
    eval_dir = next((p for p in [*given, *EVAL_CANDIDATES] if p.is_dir()), None)  # a worktree: ../../shared
    sources, used = read_sources(eval_dir)
    if args.tmp:
        Path(args.tmp).mkdir(parents=True, exist_ok=True)
    work = Path(tempfile.mkdtemp(prefix="bench-scale-", dir=args.tmp))
    jobs = resolve_jobs(args.jobs)
    rows: list = []
    try:
        n = args.n
        corpus = work / f"corpus_{n}"
        started = time.perf_counter()
        n_bytes = generate_corpus(corpus, n, sources, seed=args.seed, chrome=args.chrome)
        print(
            f"generated {n} articles, {n_bytes / 1e6:.1f} MB ({n_bytes / n / 1000:.1f} KB each) from {used} "
            f"in {time.perf_counter() - started:.1f} s; {jobs} jobs; load average {psutil.getloadavg()[0]:.1f} "
            f"on {psutil.cpu_count()} cores (timings are contended when the machine is shared)",
            flush=True,
        )
        m = min(n, args.stage_sample)
        sample = work / f"corpus_{m}_stages"
        m_bytes = generate_corpus(sample, m, sources, seed=args.seed, chrome=args.chrome)
        print(f"stages on one core ({m} articles, {m_bytes / 1e6:.1f} MB, of the same generator):")
        frame, _ = measure("load (read files)", lambda: read_documents(sample), m, m_bytes, rows)
        (docs, _audit), _ = measure("clean", lambda: clean_corpus_audited(frame), m, m_bytes, rows)
        docs = docs[docs["status"].eq("ok")].reset_index(drop=True)
        languages, _ = measure("languages", lambda: label_languages(docs["text"]), m, m_bytes, rows)
        docs = docs.assign(language=languages)
        sentences, _ = measure("split (sentences)", lambda: split_sentences(docs), m, m_bytes, rows)
        measure("sentiment (VADER)", lambda: score_sentences(sentences, lexicons=["vader"]), m, m_bytes, rows)
        measure("counts (sparse)", lambda: count_terms(docs), m, m_bytes, rows)
        measure(
            "frames (generic)", lambda: match_frames(sentences, dictionary="generic", corpus=docs), m, m_bytes, rows
        )

        print(f"processing (build_processed, --jobs {jobs}):")
        stages = notebook_stages()
        print(f"  stages the notebooks read: {stages}")

        def process(folder, cache):
            return build_processed(
                folder, metadata=metadata_path(folder), cache_dir=cache, jobs=jobs, progress=False, **stages
            )

        # each measured step starts with none of the previous steps' corpora held in this process
        # (a large heap would slow every later step and count in its peak)
        processed, wall = measure(
            f"process N={n}, empty cache", lambda: process(corpus, work / "cache"), n, n_bytes, rows
        )
        del processed
        release_memory()
        again, wall_again = measure(
            "process again, cache full", lambda: process(corpus, work / "cache"), n, n_bytes, rows
        )
        del again
        release_memory()
        peak_mb = rows[-2][5]

        if not args.no_notebooks:
            from corpus_tools.runner.run import run_study
            from corpus_tools.runner.study import Study

            study = Study(name=f"scale_{n}", corpus=corpus, metadata=metadata_path(corpus), group_by="outlet")
            shutil.copytree(work / "cache", work / "out" / ".cache" / study.name)
            result, _ = measure(
                "notebooks from the cache",
                lambda: run_study(
                    study, out=work / "out", jobs=jobs, progress=False, process_jobs=jobs, timeout=args.timeout
                ),
                n,
                n_bytes,
                rows,
            )
            print(f"    notebooks: {len(result.ran)} run, failed: {', '.join(result.failed) or 'none'}")

        processed = process(corpus, work / "cache")  # read from the cache, not measured
        documents = processed.documents
        sample_texts = documents["text"].head(args.naive_sample).tolist()
        print(f"naive pipeline on {len(sample_texts)} documents, and the same work by the package:")
        _, naive_wall = measure(
            "naive (Punkt, Treebank, VADER, rows)", lambda: naive_pipeline(sample_texts), len(sample_texts), 0, rows
        )
        count_options = stages.get("count_options") or {}
        _, same_wall = measure(
            f"same work, package (--jobs {jobs})",
            lambda docs=documents: same_work(docs, count_options, jobs),
            len(documents),
            n_bytes,
            rows,
        )
        naive_rate, our_rate, same_rate = len(sample_texts) / naive_wall, n / wall, len(documents) / same_wall
        ratio, whole_ratio = same_rate / naive_rate, our_rate / naive_rate
        identical = check_vader(processed.sentences["text"].head(2000).tolist())
        print(
            f"  throughput on the same work (split, VADER, term counts): package {same_rate:.1f} docs/s, "
            f"naive {naive_rate:.1f} docs/s: ratio {ratio:.1f}x"
        )
        print(
            f"  whole processing (cleaning, languages, duplicates, three lexicons, frames, counts) {our_rate:.1f} "
            f"docs/s against the naive pipeline's three steps: ratio {whole_ratio:.1f}x"
        )
        print(f"  VADER scores identical to vaderSentiment on 2,000 sentences: {identical}")

        del processed, documents
        release_memory()
        print("scaling (processing with --jobs into an empty cache):")
        sizes = sorted({max(10, round(n / 10)), max(10, round(n / math.sqrt(10))), n})
        times = {n: wall}
        for size in sizes[:-1]:
            folder = work / f"corpus_{size}"
            size_bytes = generate_corpus(folder, size, sources, seed=args.seed, chrome=args.chrome)
            _, times[size] = measure(
                f"process N={size}", lambda f=folder: process(f, work / f"cache_{f.name}"), size, size_bytes, rows
            )
        exponent = float(np.polyfit(np.log(sizes), np.log([times[s] for s in sizes]), 1)[0])
        print(f"  exponent of time against N: {exponent:.2f} (1 = linear); unchanged re-run {wall_again:.1f} s")
        return (
            f"scale: {n} docs, {n_bytes / 1e6:.1f} MB, {wall:.1f} s wall, {n / wall:.1f} docs/s, "
            f"peak {peak_mb:.0f} MB, naive ratio {ratio:.1f}x, exponent {exponent:.2f}"
        )
    finally:
        shutil.rmtree(work, ignore_errors=True)


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--n", type=int, default=1000, help="articles to generate (default: %(default)s)")
    parser.add_argument("--jobs", type=int, default=None, help="processes (default: every core)")
    parser.add_argument("--seed", type=int, default=0)
    parser.add_argument("--chrome", type=float, default=0.6, help="share of pages with scraped-page chrome")
    parser.add_argument("--eval", help="evaluation data folder (default: ../shared/eval when present)")
    parser.add_argument("--naive-sample", type=int, default=200, help="documents the naive pipeline runs on")
    parser.add_argument(
        "--stage-sample",
        type=int,
        default=1000,
        help="articles each stage is timed on, one core (default: %(default)s)",
    )
    parser.add_argument("--no-notebooks", action="store_true", help="skip executing the notebooks")
    parser.add_argument("--timeout", type=float, default=1800, help="seconds each notebook may run")
    parser.add_argument("--tmp", help="folder for the generated corpora (default: the system's temporary folder)")
    print(run(parser.parse_args(argv)), flush=True)


if __name__ == "__main__":
    main()
