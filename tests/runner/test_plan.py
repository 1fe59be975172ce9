"""Before anything runs: inputs and parameters checked; caching reruns only what changed."""

from __future__ import annotations

import re
from pathlib import Path

import pandas as pd
import pytest

from corpus_tools.config import NOTEBOOKS_DIR
from corpus_tools.runner import cli
from corpus_tools.runner.run import run_study
from corpus_tools.runner.study import (
    Study,
    StudyError,
)

FIXTURE_NOTEBOOKS = Path(__file__).parents[1] / "fixtures" / "notebooks"


@pytest.mark.parametrize(
    ("group_by", "metadata", "overrides", "message"),
    [
        ("outlett", None, [], "s.yml: group_by 'outlett' is not a column of the corpus"),
        (
            "outlett",
            "doc_id,outlet\na,X\n",
            [],
            (
                "columns: doc_id, title, date, text, raw_text, n_words, status, title_source, language, source_file,"
                " encoding, outlet, duplicate_of."
                " Set group_by to one of them"
            ),
        ),
        (
            "outlet",
            "doc_id,outlet\na,X\na,Y\n",
            [],
            "meta.csv: doc_id repeats in the metadata (a); one row per document",
        ),
        # -p values are checked too, with the metadata the notebooks will read
        (None, "doc_id,outlet\na,X\n", ["group_by=outlett", "metadata={meta}"], "metadata ({meta}) that notebook"),
    ],
)
def test_group_by_must_name_a_column_before_anything_runs(corpus, tmp_path, group_by, metadata, overrides, message):
    meta = tmp_path / "meta.csv"
    if metadata:
        meta.write_text(metadata, encoding="utf-8")
    in_study = meta if metadata and not overrides else None
    study = Study(name="grouped", corpus=corpus, metadata=in_study, group_by=group_by, source=tmp_path / "s.yml")
    overrides = [o.format(meta=meta) for o in overrides]
    with pytest.raises(StudyError) as err:
        run_study(study, notebooks_dir=NOTEBOOKS_DIR, out=tmp_path / "out", overrides=overrides, progress=False)
    assert message.format(meta=meta) in str(err.value)
    assert not (tmp_path / "out" / "grouped").exists()


@pytest.mark.parametrize(
    ("table", "message"),
    [
        (
            "doc_id,text\na,Peace talks resumed.\nb,one,two\n",
            "corpus.csv:3: 3 fields, but the header has 2; check the quoting",
        ),
        ('doc_id,text\na,"Peace talks\n', "corpus.csv:2: a double quote on this line is never closed"),
        ("doc_id,words\na,Peace talks resumed.\n", "corpus.csv: no text column found"),
    ],
)
def test_unreadable_corpus_table_stops_the_run_before_anything_runs(tmp_path, capsys, table, message):
    (tmp_path / "corpus.csv").write_text(table, encoding="utf-8")
    study = Study(name="table", corpus=tmp_path / "corpus.csv")
    with pytest.raises(StudyError, match=re.escape(message)):
        run_study(study, notebooks_dir=FIXTURE_NOTEBOOKS, out=tmp_path / "out", progress=False)
    args = [
        "report",
        "--notebooks",
        str(FIXTURE_NOTEBOOKS),
        "--corpus",
        str(tmp_path / "corpus.csv"),
        "--out",
        str(tmp_path / "out"),
    ]
    assert cli.main(args) == 2 and message in capsys.readouterr().err
    assert not (tmp_path / "out" / "table").exists() and not (tmp_path / "out" / "corpus").exists()


def test_bad_parameter_stops_the_run_before_anything_runs(corpus, tmp_path, make_study, run_fixture):
    with pytest.raises(StudyError, match="valid parameters"):
        run_fixture(make_study(corpus, simple={"sacle": 2}), tmp_path / "out")
    assert not (tmp_path / "out" / "fixture").exists()


def test_unknown_notebook_in_only_names_the_available_ones(corpus, tmp_path, make_study, run_fixture):
    with pytest.raises(StudyError, match="--only names unknown notebook.s. simpel; available: broken, simple"):
        run_fixture(make_study(corpus), tmp_path / "out", only=["simpel"])


def test_one_changed_parameter_reruns_only_that_notebook(corpus, tmp_path, make_study, run_fixture):
    out = tmp_path / "out"
    study = make_study(corpus, broken={"fail": False})
    assert sorted(run_fixture(study, out, jobs=2).ran) == ["broken", "simple"]
    again = run_fixture(study, out)
    assert (again.ran, sorted(again.reused)) == ([], ["broken", "simple"])
    changed = run_fixture(make_study(corpus, broken={"fail": False}, simple={"label": "z"}), out)
    assert (changed.ran, changed.reused) == (["simple"], ["broken"])
    assert set(pd.read_csv(out / "fixture" / "tables" / "simple_values.csv")["label"]) == {"z"}
    forced = run_fixture(study, out, force=True, only=["broken"])
    assert forced.ran == ["broken"]


def test_a_changed_input_file_reruns(corpus, tmp_path, make_study, run_fixture):
    out = tmp_path / "out"
    named = tmp_path / "terms.txt"  # a file a parameter names, as a dictionary path would be
    named.write_text("peace\n", encoding="utf-8")
    study = make_study(corpus, simple={"label": str(named)})
    assert run_fixture(study, out, only=["simple"]).ran == ["simple"]
    (corpus / "c.txt").write_text("A new article.\n", encoding="utf-8")
    assert run_fixture(study, out, only=["simple"]).ran == ["simple"]
    named.write_text("peace\nwar\n", encoding="utf-8")
    assert run_fixture(study, out, only=["simple"]).ran == ["simple"]
    assert run_fixture(study, out, only=["simple"]).ran == []


def test_a_document_without_a_group_value_does_not_stop_the_run(corpus, tmp_path):
    """The runner only checks that ``group_by`` names a column; a document with no value in it is
    kept (the notebooks put it in the "(missing)" group), never a reason to refuse the study."""
    from corpus_tools.runner.plan import check_inputs

    meta = tmp_path / "meta.csv"
    meta.write_text("doc_id,outlet\na,X\nb,\n", encoding="utf-8")
    study = Study(name="grouped", corpus=corpus, metadata=meta, group_by="outlet")
    parameters = {"keywords": {"corpus": str(corpus), "metadata": str(meta), "group_by": "outlet"}}
    assert check_inputs(study, parameters, NOTEBOOKS_DIR) is None


@pytest.mark.parametrize(
    ("files", "corpus", "message"),
    [
        ({}, "c", "c: no corpus files found (searched subfolders too"),
        ({"c/notes.pdf": b"%PDF-1.4"}, "c", "found 1 other file(s): .pdf)"),
        ({"notes.pdf": b"%PDF-1.4"}, "notes.pdf", "notes.pdf: unsupported input; use a folder of article files"),
        ({"c/a.txt": b"Peace talks resumed."}, "c/a.txt", "a.txt: is a single .txt file; pass the folder"),
    ],
)
def test_an_unusable_corpus_folder_or_file_exits_2_before_any_notebook_runs(tmp_path, capsys, files, corpus, message):
    (tmp_path / "c").mkdir()
    for name, data in files.items():
        (tmp_path / name).write_bytes(data)
    args = ["report", "--notebooks", str(FIXTURE_NOTEBOOKS), "--corpus", str(tmp_path / corpus)]
    assert cli.main([*args, "--out", str(tmp_path / "out")]) == 2
    assert message in capsys.readouterr().err
    assert not (tmp_path / "out").exists() or not any((tmp_path / "out").rglob("*.ipynb"))
