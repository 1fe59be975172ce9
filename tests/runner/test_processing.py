"""The processing step: ``corpus-tools process``, and ``report`` processing before the notebooks
that read the cache (and not at all when every notebook is up to date)."""

from __future__ import annotations

import json

import nbformat
import pandas as pd
import pytest

from corpus_tools.config import NOTEBOOKS_DIR
from corpus_tools.runner import cli
from corpus_tools.runner.processing import resolve_cache_dir, resolve_stage_options
from corpus_tools.runner.run import run_study
from corpus_tools.runner.study import Study, StudyError, read_parameters, read_study


def test_the_stage_options_are_those_the_notebooks_read():
    names = ["sentiment", "framing", "keywords"]
    declared = {name: read_parameters(NOTEBOOKS_DIR / f"{name}.ipynb") for name in names}
    options = resolve_stage_options({"sentiment": {}, "framing": {"dictionary": "generic"}, "keywords": {}}, declared)
    assert options["lexicons"] == ["vader", "afinn", "pattern"]
    assert options["dictionary"] == "generic"  # given, not the notebook's default ("security")
    keywords_counts = {
        "stopwords": "snowball",
        "extra_stopwords": [],
        "min_length": 2,
        "stem": None,
        "ngram_range": (1, 1),
        "phrases": [],
    }
    assert options["count_options"] == [keywords_counts, {}]  # {}: the framing term contrast's defaults
    assert resolve_stage_options({"keywords": {}}, declared)["count_options"] == [keywords_counts]
    assert resolve_stage_options({}, declared) == {"lexicons": (), "dictionary": None, "count_options": None}


@pytest.mark.parametrize(
    ("lines", "expected"),
    [
        ("", ("local", None)),
        ("engine: dask\nscheduler: tcp://10.0.0.5:8786\n", ("dask", "tcp://10.0.0.5:8786")),
        ("engine: local\nscheduler: tcp://10.0.0.5:8786\n", ("local", None)),
    ],
)
def test_a_study_names_its_engine(tmp_path, lines, expected):
    path = tmp_path / "s.yml"
    path.write_text(f"name: s\ncorpus: c\n{lines}", encoding="utf-8")
    study = read_study(path)
    assert (study.engine, study.scheduler) == expected


@pytest.mark.parametrize(
    ("lines", "message"),
    [("engine: spark\n", "engine 'spark' is not one of local, dask"), ("engine: dask\n", "needs 'scheduler: ADDRESS'")],
)
def test_a_bad_engine_is_an_error_naming_the_file(tmp_path, lines, message):
    path = tmp_path / "s.yml"
    path.write_text(f"name: s\n{lines}", encoding="utf-8")
    with pytest.raises(StudyError, match=rf"{path}: .*{message}"):
        read_study(path)


def test_process_command_fills_the_cache_once(tmp_path, corpus, capsys):
    args = ["process", "--corpus", str(corpus), "--out", str(tmp_path / "out"), "--jobs", "1", "--no-progress"]
    assert cli.main(args) == 0
    first = capsys.readouterr()
    assert first.out == f"{corpus}: 2 files seen: 2 loaded (2 documents), 0 skipped\n"
    # three lexicons (the sentiment notebook's), each scoring the two documents; two sets of count
    # options (the keywords notebook's, and the framing term contrast's defaults), each counting them
    assert "documents processed per stage: clean 2, sentences 2, scores 6, frames 2, counts 4" in first.err
    assert resolve_cache_dir(tmp_path / "out", "corpus").is_dir()
    assert cli.main(args) == 0
    assert "clean 0, sentences 0, scores 0, frames 0, counts 0" in capsys.readouterr().err


def _reader_notebook(folder):
    """A notebook that reads the processed corpus and writes its sentences."""
    nb = nbformat.v4.new_notebook()
    params = nbformat.v4.new_code_cell(
        'corpus: str = ""  # corpus\noutput_dir: str = "."  # outputs\ncache_dir: str = ""  # cache'
    )
    params.metadata["tags"] = ["parameters"]
    body = nbformat.v4.new_code_cell(
        "import corpus_tools as ct\nfrom corpus_tools import report\n"
        "processed = ct.read_processed(corpus, cache_dir=cache_dir or None, jobs=1, progress=False)\n"
        'report.write_table(processed.sentences, "reader_sentences", output_dir)\n'
        "print(cache_dir, processed.built)"
    )
    nb.cells = [params, body]
    nb.metadata["kernelspec"] = {"name": "python3", "display_name": "Python 3", "language": "python"}
    folder.mkdir()
    nbformat.write(nb, folder / "reader.ipynb")
    return folder


def test_report_processes_first_and_an_unchanged_run_reads_no_corpus(tmp_path, corpus, monkeypatch):
    notebooks = _reader_notebook(tmp_path / "notebooks")
    study, out = Study(name="cached", corpus=corpus), tmp_path / "out"
    result = run_study(study, notebooks_dir=notebooks, out=out, progress=False, process_jobs=1)
    assert result.ok and result.ran == ["reader"]
    executed = json.loads((out / "cached" / "reader.ipynb").read_text(encoding="utf-8"))
    printed = "".join("".join(o.get("text", "")) for c in executed["cells"] for o in c.get("outputs", []))
    assert f"{resolve_cache_dir(out.resolve(), 'cached')} {{'clean': 0, 'sentences': 0}}" in printed  # all cached
    sentences = pd.read_csv(out / "cached" / "tables" / "reader_sentences.csv")
    assert sentences["text"].tolist() == ["Peace talks resumed.", "Both sides met.", "The force was proposed."]

    def fail(*args, **kwargs):
        raise AssertionError("the corpus was read on an unchanged run")

    monkeypatch.setattr("corpus_tools.runner.processing.build_processed", fail)
    monkeypatch.setattr("corpus_tools.io.read_documents", fail)
    again = run_study(study, notebooks_dir=notebooks, out=out, progress=False, process_jobs=1)
    assert again.ran == [] and again.reused == ["reader"]
