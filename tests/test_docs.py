"""The README, the seminar guide and the seeds' example metadata: examples run, names exist.

The code blocks of README.md and docs/seminar.md are executed as written (from the project's
top folder, as the documents say), links to files resolve, every table a document tells the
reader to open is one a notebook writes, and the example metadata agrees with the seed files.
"""

from __future__ import annotations

import re
import textwrap

import matplotlib.pyplot as plt
import pandas as pd
import pytest

import corpus_tools as ct
from corpus_tools.config import NOTEBOOKS_DIR, PROJECT_DIR, SEEDS_DIR
from corpus_tools.runner.study import list_notebooks, read_study, resolve_parameters

# The documentation teaches the current names: an example using a renamed one fails.
pytestmark = pytest.mark.filterwarnings("error::DeprecationWarning")

README = PROJECT_DIR / "README.md"
SEMINAR = PROJECT_DIR / "docs" / "seminar.md"
METHODS = PROJECT_DIR / "docs" / "methods.md"
METADATA = PROJECT_DIR / "seeds_metadata" / "seeds.csv"


def _code_blocks(path, language: str) -> list[str]:
    text = path.read_text(encoding="utf-8")
    return [textwrap.dedent(body) for lang, body in re.findall(r"```(\w*)\n(.*?)```", text, re.S) if lang == language]


def _run_blocks(blocks: list[str], label: str, namespace: dict | None = None) -> dict:
    namespace = {} if namespace is None else namespace
    for number, block in enumerate(blocks):
        try:
            exec(compile(block, f"{label} block {number}", "exec"), namespace)
        finally:
            plt.close("all")
    return namespace


def _written_tables() -> set[str]:
    """Table and figure names the notebooks pass to write_table / save_figure (literal names)."""
    names = set()
    for notebook in NOTEBOOKS_DIR.glob("*.ipynb"):
        source = notebook.read_text(encoding="utf-8")
        names |= set(re.findall(r'(?:write_table|save_figure)\([^"]*?\\"(\w+)\\"', source))
    return names


def test_readme_python_examples_run(monkeypatch):
    monkeypatch.chdir(PROJECT_DIR)
    blocks = _code_blocks(README, "python")
    assert len(blocks) >= 5
    _run_blocks(blocks, "README.md")


def test_seminar_python_cells_run(monkeypatch, tmp_path):
    monkeypatch.chdir(tmp_path)
    blocks = _code_blocks(SEMINAR, "python")
    # Two coders' sheets for the comparison cell: the exported sheet, coded by two rules a
    # reader can check (every frame present / every frame absent).
    coding_cell = next(i for i, block in enumerate(blocks) if "read_coding" in block)
    namespace = _run_blocks(blocks[:coding_cell], "docs/seminar.md")
    sheet = pd.read_csv(tmp_path / "coding_sheet.csv")
    frames = [c for c in sheet.columns if c not in ("coding_id", "doc_id", "sent_id", "start", "end", "text")]
    (tmp_path / "coding").mkdir()
    sheet.assign(**{f: 1 for f in frames}).to_csv(tmp_path / "coding" / "coder_a.csv", index=False)
    sheet.assign(**{f: 0 for f in frames}).to_csv(tmp_path / "coding" / "coder_b.csv", index=False)
    _run_blocks(blocks[coding_cell : coding_cell + 1], "docs/seminar.md (coding)", namespace)
    agreement = namespace["agreement"]
    coders = agreement[agreement["rater_a"] == "coder_a"]
    assert (
        set(coders["rater_b"]) == {"coder_b"} and (coders["both"] == 0).all() and (coders["only_a"] == len(sheet)).all()
    )
    dictionary = agreement[(agreement["rater_a"] == "dictionary") & (agreement["rater_b"] == "coder_a")]
    assert (dictionary["recall"] <= 1).all() and (dictionary["only_a"] == 0).all()  # coder_a codes every frame present


@pytest.mark.parametrize("path", [README, SEMINAR, METHODS], ids=["README", "seminar", "methods"])
def test_relative_links_resolve(path):
    prose = re.sub(r"```.*?```|`[^`\n]*`", "", path.read_text(encoding="utf-8"), flags=re.S)  # code is not a link
    for target in re.findall(r"\]\(([^)#:]+)(?:#[^)]*)?\)", prose):
        assert (path.parent / target).exists(), f"{path.name}: link to {target} does not resolve"


def test_seminar_tables_and_figures_are_written_by_a_notebook():
    written = _written_tables()
    assert {"overview_cleaning_audit", "framing_coding_sample", "sentiment_overrides"} <= written
    mentioned = set(re.findall(r"(?:tables|figures)/(\w+)\.(?:csv|png)", SEMINAR.read_text(encoding="utf-8")))
    assert mentioned, "the guide names no report files"
    assert not mentioned - written, (
        f"named in docs/seminar.md but written by no notebook: {sorted(mentioned - written)}"
    )


def test_seminar_functions_exist():
    text = SEMINAR.read_text(encoding="utf-8")
    modules = {"framing": ct.framing, "kw": ct.keywords, "ct.sentiment": ct.sentiment, "clean": ct.clean}
    for prefix, name in re.findall(r"\b(framing|kw|ct\.sentiment|clean)\.(\w+)(?=[(\[])", text):
        assert hasattr(modules[prefix], name), f"docs/seminar.md names {prefix}.{name}, which does not exist"


def test_seed_metadata_describes_the_files():
    meta = pd.read_csv(METADATA, dtype=str)
    assert sorted(meta["doc_id"]) == sorted(p.stem for p in SEEDS_DIR.glob("*.txt"))
    docs = ct.load_corpus(SEEDS_DIR, metadata=METADATA)
    for _, doc in docs.iterrows():
        first_line = next(line for line in doc["raw_text"].splitlines() if line.strip())
        starts_with_prose = first_line.rstrip().endswith(".") and len(first_line.split()) > 20
        assert doc["headline"] == ("missing" if starts_with_prose else "scraped"), doc["doc_id"]
        words = len(re.findall(r"\w+(?:['’]\w+)*", doc["text"]))
        assert doc["length"] == ("long" if words > 1000 else "short"), doc["doc_id"]


def test_grouped_study_resolves():
    study = read_study(PROJECT_DIR / "studies" / "seeds_grouped.yml")
    assert study.metadata == METADATA.resolve() and study.corpus == SEEDS_DIR.resolve()
    assert study.group_by in pd.read_csv(study.metadata).columns
    resolved = resolve_parameters(study, list_notebooks())
    assert all(params.get("group_by", study.group_by) == study.group_by for params in resolved.values())


def test_seminar_quoted_figures():
    """Figures the guide quotes, counted by hand in the seed files or given by VADER's reference package."""
    assert SEMINAR.read_text(encoding="utf-8").count("+0.05 (neutral), the second -0.51") == 1
    scores = ct.sentiment.score_texts(["Russia rejected the peace plan.", "Russia rejected the plan."])
    assert scores["compound"].round(2).tolist() == [0.05, -0.51]
    docs = ct.load_corpus(SEEDS_DIR)
    oil = ct.keywords.match_kwic(docs, "oil", window=8)
    assert len(oil) == 4 and set(oil["doc_id"]) == {"003_564980538acac505"}
    raw = (SEEDS_DIR / "000_02b64eec91d5a962.txt").read_text(encoding="utf-8")
    clean_text = docs.set_index("doc_id").at["000_02b64eec91d5a962", "text"]
    counts = [len(re.findall(r"\breassurance\b", text, re.I)) for text in (raw, clean_text)]
    assert counts == [15, 7]


def test_methods_page_names_files_and_functions_that_exist():
    text = METHODS.read_text(encoding="utf-8")
    paths = re.findall(r"`((?:corpus_tools|tests|docs)/[\w/.]+)`", text)
    assert len(paths) >= 3
    for path in paths:
        assert (PROJECT_DIR / path).exists(), f"docs/methods.md names {path}, which does not exist"
    modules = {"stats": ct.stats, "sentiment": ct.sentiment, "framing": ct.framing, "keywords": ct.keywords}
    for prefix, name in re.findall(r"`(stats|sentiment|framing|keywords)\.(\w+)", text):
        assert hasattr(modules[prefix], name), f"docs/methods.md names {prefix}.{name}, which does not exist"
    written = _written_tables()
    for table in re.findall(r"`(\w+)\.csv`", text):
        assert table in written, f"docs/methods.md names {table}.csv, which no notebook writes"
    for source in (
        "Efron & Tibshirani 1993",
        "Davison & Hinkley 1997",
        "Field & Welsh 2007",
        "Lijffijt et al. 2016",
        "Dunning 1993",
        "Hardie 2014",
        "Holm 1979",
        "Benjamini & Hochberg 1995",
        "Krippendorff 2004",
    ):
        assert source in text, source


@pytest.mark.parametrize("notebook", sorted(NOTEBOOKS_DIR.glob("*.ipynb")), ids=lambda p: p.stem)
def test_every_report_links_the_methods_page_in_its_last_notes(notebook):
    import json

    cells = json.loads(notebook.read_text(encoding="utf-8"))["cells"]
    last = next(c for c in reversed(cells) if c["cell_type"] == "markdown")
    text = "".join(last["source"])
    assert "](../docs/methods.md)" in text, f"{notebook.name}: the last markdown cell does not link docs/methods.md"
    assert (notebook.parent / "../docs/methods.md").resolve() == METHODS.resolve()
