"""The report runner: study files, parameter checks, caching, failure isolation, atomic swap,
determinism, parallel runs and the manifest. Fixture notebooks: tests/fixtures/notebooks/
(``simple`` writes a table and a figure from typed parameters; ``broken`` fails on purpose)."""

from __future__ import annotations

import hashlib
import json
import re
import shutil
import subprocess
import sys
import time
from pathlib import Path

import pandas as pd
import pytest

from corpus_tools import cli
from corpus_tools.config import NOTEBOOKS_DIR, PROJECT_DIR, RESOURCES_DIR
from corpus_tools.reports import read_manifest, run_study
from corpus_tools.study import Study, StudyError, list_notebooks, read_study, resolve_parameters, update_readme_table

FIXTURE_NOTEBOOKS = Path(__file__).parent / "fixtures" / "notebooks"


@pytest.fixture
def corpus(tmp_path):
    folder = tmp_path / "corpus"
    folder.mkdir()
    (folder / "a.txt").write_text("Peace talks resumed. Both sides met.\n", encoding="utf-8")
    (folder / "b.txt").write_text("The force was proposed.\n", encoding="utf-8")
    return folder


def _study(corpus, **parameters):
    return Study(name="fixture", corpus=corpus, parameters=parameters)


def _run(study, out, **kwargs):
    kwargs.setdefault("notebooks_dir", FIXTURE_NOTEBOOKS)
    return run_study(study, out=out, progress=False, **kwargs)


def _sha(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


# --------------------------------------------------------------------------- study files


def test_read_study_resolves_paths_relative_to_the_file(tmp_path):
    (tmp_path / "meta.csv").write_text("doc_id,outlet\n", encoding="utf-8")
    path = tmp_path / "s.yml"
    path.write_text("name: mine\ncorpus: data\nmetadata: meta.csv\ngroup_by: outlet\nparameters:\n  simple: {n: 2}\n")
    study = read_study(path)
    assert (study.name, study.corpus, study.metadata, study.group_by) == (
        "mine",
        tmp_path / "data",
        tmp_path / "meta.csv",
        "outlet",
    )
    assert study.parameters == {"simple": {"n": 2}}


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ("nmae: x\n", "unknown key(s) nmae; valid keys: name, description"),
        ("name: a b\n", "may use only letters"),
        ("parameters: [1, 2]\n", "'parameters' must map notebook names"),
        (
            "name: [unclosed\n",
            "bad.yml:2: not valid YAML (expected ',' or ']', but got '<stream end>'); fix the syntax there",
        ),
        ("name: x\nparameters:\n  sentiment: {n_boot: 10\n", "bad.yml:4: not valid YAML"),
        ("name: x\n  corpus: y\n", "bad.yml:2: not valid YAML (mapping values are not allowed here); fix the syntax"),
    ],
)
def test_read_study_errors_name_the_file_and_the_fix(tmp_path, text, message):
    path = tmp_path / "bad.yml"
    path.write_text(text)
    with pytest.raises(StudyError, match="bad.yml") as err:
        read_study(path)
    assert message in str(err.value)


@pytest.mark.parametrize(
    ("group_by", "metadata", "overrides", "message"),
    [
        ("outlett", None, [], "s.yml: group_by 'outlett' is not a column of the corpus"),
        (
            "outlett",
            "doc_id,outlet\na,X\n",
            [],
            "columns: doc_id, title, date, text, raw_text, n_words, source_file, encoding, outlet. Set group_by to one of them",
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


def test_shipped_seeds_study_is_valid():
    study = read_study(PROJECT_DIR / "studies" / "seeds.yml")
    notebooks = list_notebooks(NOTEBOOKS_DIR)
    resolved = resolve_parameters(study, notebooks)
    assert study.name == "seeds" and set(resolved) == set(notebooks)
    assert all(p.get("corpus") == str(PROJECT_DIR / "seeds") for p in resolved.values() if "corpus" in p)


# --------------------------------------------------------------------------- parameters


def test_parameters_from_study_and_command_line_are_typed(corpus):
    notebooks = list_notebooks(FIXTURE_NOTEBOOKS)
    study = _study(corpus, simple={"scale": 2, "label": "y"})
    resolved = resolve_parameters(study, notebooks, ["n=7", "broken.fail=no", "simple.wait=0.5"])
    assert resolved["simple"] == {"corpus": str(corpus), "scale": 2.0, "label": "y", "n": 7, "wait": 0.5}
    assert resolved["broken"] == {"fail": False}
    assert isinstance(resolved["simple"]["scale"], float)


@pytest.mark.parametrize(
    ("parameters", "overrides", "message"),
    [
        (
            {"simple": {"nn": 3}},
            [],
            "notebook simple has no parameter 'nn'; valid parameters: corpus: str, n: int, scale: float",
        ),
        ({"simple": {"n": "three"}}, [], "simple.n: expected int, got str 'three'"),
        ({"simple": {"n": True}}, [], "simple.n: expected int, got bool"),
        ({"simple": {"label": 5}}, [], "simple.label: expected str, got int 5 (quote it in YAML)"),
        ({"simple": {"output_dir": "x"}}, [], "has no parameter 'output_dir'"),
        ({"simpel": {"n": 3}}, [], "study parameters names unknown notebook(s) simpel; available: broken, simple"),
        ({}, ["n=three"], "simple.n: 'three' is not a valid int"),
        ({}, ["fail=maybe"], "broken.fail: 'maybe' is not a valid bool"),
        (
            {},
            ["top_n=3"],
            "no selected notebook has a parameter 'top_n'; parameters: corpus, fail, label, n, scale, wait",
        ),
        ({}, ["broken.n=3"], "notebook broken has no parameter 'n'; valid parameters: fail: bool"),
        ({}, ["other.n=3"], "no notebook 'other' in this run; notebooks: broken, simple"),
        ({}, ["n"], "expected NAME=VALUE"),
    ],
)
def test_bad_parameters_are_errors_naming_the_valid_ones(corpus, parameters, overrides, message):
    from corpus_tools.study import select_notebooks

    study = _study(corpus, **parameters)
    with pytest.raises(StudyError) as err:
        notebooks = select_notebooks(study, list_notebooks(FIXTURE_NOTEBOOKS))
        resolve_parameters(study, notebooks, overrides)
    assert message in str(err.value)


@pytest.mark.parametrize(
    ("parameters", "message"),
    [
        ("simple: {nn: 3}", "study.yml: notebook simple has no parameter 'nn'; valid parameters: corpus: str, n: int"),
        ("simple: {n: three}", "study.yml: parameter simple.n: expected int, got str 'three'"),
        ("simple: {label: 5}", "study.yml: parameter simple.label: expected str, got int 5 (quote it in YAML)"),
    ],
)
def test_bad_parameters_in_a_study_file_name_the_file(corpus, tmp_path, parameters, message):
    path = tmp_path / "study.yml"
    path.write_text(f"name: fixture\ncorpus: {corpus}\nparameters:\n  {parameters}\n", encoding="utf-8")
    study = read_study(path)
    with pytest.raises(StudyError) as err:
        resolve_parameters(study, list_notebooks(FIXTURE_NOTEBOOKS))
    assert f"{path.parent / message}" in str(err.value)


def test_bad_parameter_stops_the_run_before_anything_runs(corpus, tmp_path):
    with pytest.raises(StudyError, match="valid parameters"):
        _run(_study(corpus, simple={"sacle": 2}), tmp_path / "out")
    assert not (tmp_path / "out" / "fixture").exists()


def test_unknown_notebook_in_only_names_the_available_ones(corpus, tmp_path):
    with pytest.raises(StudyError, match="--only names unknown notebook.s. simpel; available: broken, simple"):
        _run(_study(corpus), tmp_path / "out", only=["simpel"])


def test_command_line_errors_exit_2_naming_the_valid_parameters(capsys, tmp_path):
    args = ["report", "--notebooks", str(FIXTURE_NOTEBOOKS), "--out", str(tmp_path), "--no-progress"]
    assert cli.main([*args, "-p", "simple.nn=1"]) == 2
    assert (
        "error: notebook simple has no parameter 'nn'; valid parameters: corpus: str, n: int" in capsys.readouterr().err
    )
    assert cli.main([*args, "--study", str(tmp_path / "missing.yml")]) == 2
    assert "missing.yml not found" in capsys.readouterr().err
    assert list(tmp_path.iterdir()) == []


def test_help_lists_every_notebook_parameter_with_type_default_and_meaning(capsys):
    with pytest.raises(SystemExit):
        cli.main(["report", "--help"])
    text = capsys.readouterr().out
    for name, path in list_notebooks(NOTEBOOKS_DIR).items():
        assert f"{name}:" in text
        from corpus_tools.study import read_parameters

        for param, spec in read_parameters(path).items():
            assert f"  {param}: {spec['type']} = {spec['default']}  # {spec['help']}" in text


def test_readme_parameter_table_is_current():
    readme = PROJECT_DIR / "README.md"
    stale = update_readme_table(readme, list_notebooks(NOTEBOOKS_DIR), write=False)
    assert not stale, "README parameter table is out of date: run `.venv/bin/corpus-tools params --update-readme`"


# --------------------------------------------------------------------------- runs


def test_failure_is_isolated_and_caching_reruns_only_what_changed(corpus, tmp_path):
    out = tmp_path / "out"
    first = _run(_study(corpus), out, jobs=2)
    report = out / "fixture"
    assert (sorted(first.ran), first.failed) == (["broken", "simple"], ["broken"])
    assert (report / "simple.html").is_file() and (report / "tables" / "simple_values.csv").is_file()
    assert (report / "broken.failed.ipynb").is_file() and not (report / "broken.html").exists()
    assert not (report / "tables" / "broken_before.csv").exists(), "a failed run's tables are not published"
    error = first.manifest["notebooks"]["broken"]["error"]
    assert error["message"] == "ValueError: failing on purpose"
    assert (
        error["line"] == 'line 2: raise ValueError("failing on purpose")' and error["cell"] == 4
    )  # In [4]: parameters, injected parameters, imports, then the failing cell

    second = _run(_study(corpus), out, only=["simple"])
    assert (second.ran, second.reused) == ([], ["simple"])

    third = _run(_study(corpus), out, overrides=["simple.n=5"])
    assert sorted(third.ran) == ["broken"] or sorted(third.ran) == ["broken", "simple"]
    assert "simple" in third.ran and len(pd.read_csv(report / "tables" / "simple_values.csv")) == 5


def test_one_changed_parameter_reruns_only_that_notebook(corpus, tmp_path):
    out = tmp_path / "out"
    study = _study(corpus, broken={"fail": False})
    assert sorted(_run(study, out, jobs=2).ran) == ["broken", "simple"]
    again = _run(study, out)
    assert (again.ran, sorted(again.reused)) == ([], ["broken", "simple"])
    changed = _run(_study(corpus, broken={"fail": False}, simple={"label": "z"}), out)
    assert (changed.ran, changed.reused) == (["simple"], ["broken"])
    assert set(pd.read_csv(out / "fixture" / "tables" / "simple_values.csv")["label"]) == {"z"}
    forced = _run(study, out, force=True, only=["broken"])
    assert forced.ran == ["broken"]


def test_a_changed_input_file_reruns(corpus, tmp_path):
    out = tmp_path / "out"
    named = tmp_path / "terms.txt"  # a file a parameter names, as a dictionary path would be
    named.write_text("peace\n", encoding="utf-8")
    study = _study(corpus, simple={"label": str(named)})
    assert _run(study, out, only=["simple"]).ran == ["simple"]
    (corpus / "c.txt").write_text("A new article.\n", encoding="utf-8")
    assert _run(study, out, only=["simple"]).ran == ["simple"]
    named.write_text("peace\nwar\n", encoding="utf-8")
    assert _run(study, out, only=["simple"]).ran == ["simple"]
    assert _run(study, out, only=["simple"]).ran == []


def test_a_failing_notebook_keeps_its_last_good_report(corpus, tmp_path):
    out = tmp_path / "out"
    report = out / "fixture"
    good = _run(_study(corpus, broken={"fail": False}), out, only=["broken"])
    assert good.ok
    html_before = (report / "broken.html").read_bytes()
    bad = _run(_study(corpus), out, only=["broken"])
    assert bad.failed == ["broken"]
    assert (report / "broken.html").read_bytes() == html_before
    assert (report / "tables" / "broken_before.csv").is_file() and (report / "broken.failed.ipynb").is_file()
    entry = read_manifest(report)["notebooks"]["broken"]
    assert entry["status"] == "failed" and entry["last_good"]["parameters"] == {"fail": False}
    assert (
        cli.main(
            [
                "report",
                "--notebooks",
                str(FIXTURE_NOTEBOOKS),
                "--corpus",
                str(corpus),
                "--out",
                str(out),
                "--only",
                "broken",
                "--no-progress",
            ]
        )
        == 1
    )
    fixed = _run(_study(corpus, broken={"fail": False}), out, only=["broken"])
    assert fixed.ok and not (report / "broken.failed.ipynb").exists()


def test_timeout_stops_a_notebook(corpus, tmp_path):
    result = _run(_study(corpus, simple={"wait": 60.0}), tmp_path / "out", only=["simple"], timeout=4)
    entry = result.manifest["notebooks"]["simple"]
    assert result.failed == ["simple"] and entry["status"] == "timeout" and entry["duration_s"] < 60


def test_killed_run_leaves_previous_report_and_next_run_recovers(corpus, tmp_path):
    out = tmp_path / "out"
    _run(_study(corpus), out, only=["simple"])
    report = out / "fixture"
    table = (report / "tables" / "simple_values.csv").read_bytes()
    # what a run killed mid-swap leaves: a half-built folder, and the old report moved aside
    (out / ".fixture.tmp-dead").mkdir()
    (out / ".fixture.tmp-dead" / "junk.csv").write_text("x")
    report.rename(out / ".fixture.old-999")
    result = _run(_study(corpus), out, only=["simple"])
    assert result.ran == [] and (report / "tables" / "simple_values.csv").read_bytes() == table
    assert sorted(p.name for p in out.iterdir()) == [".fixture.lock", "fixture"]


def test_a_terminated_run_leaves_the_previous_report_and_nothing_else(corpus, tmp_path):
    out = tmp_path / "out"
    _run(_study(corpus), out, only=["simple"])
    before = {p.relative_to(out): p.read_bytes() for p in out.rglob("*") if p.is_file()}
    study = tmp_path / "fixture.yml"
    study.write_text(f"name: fixture\ncorpus: {corpus}\n", encoding="utf-8")
    command = [
        sys.executable,
        "-m",
        "corpus_tools",
        "report",
        "--notebooks",
        str(FIXTURE_NOTEBOOKS),
        "--study",
        str(study),
        "--out",
        str(out),
        "--only",
        "simple",
        "--force",
        "-p",
        "wait=60",
        "--no-progress",
    ]
    proc = subprocess.Popen(command, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    deadline = time.monotonic() + 60
    while not list(out.glob(".fixture.tmp-*/.work/simple")) and time.monotonic() < deadline:
        time.sleep(0.2)
    proc.terminate()
    _, stderr = proc.communicate(timeout=60)
    assert proc.returncode == 130 and "previous reports are unchanged" in stderr
    after = {p.relative_to(out): p.read_bytes() for p in out.rglob("*") if p.is_file()}
    assert after == before and sorted(p.name for p in out.iterdir()) == [".fixture.lock", "fixture"]


def test_a_second_run_of_the_same_study_at_once_is_refused(corpus, tmp_path):
    from corpus_tools.reports import _study_lock

    with _study_lock(tmp_path / "out", "fixture"):
        with pytest.raises(StudyError, match="another report run of study 'fixture' is in progress"):
            _run(_study(corpus), tmp_path / "out", only=["simple"])


def test_two_runs_give_identical_tables_and_figures(corpus, tmp_path):
    first = _run(_study(corpus), tmp_path / "one", only=["simple"]).report_dir
    second = _run(_study(corpus), tmp_path / "two", only=["simple"]).report_dir
    files = sorted(p.relative_to(first) for p in first.rglob("*") if p.parent.name in ("tables", "figures"))
    assert [f.as_posix() for f in files] == [
        "figures/simple_plot.png",
        "figures/simple_plot.svg",
        "tables/simple_values.csv",
    ]
    for rel in files:
        assert (first / rel).read_bytes() == (second / rel).read_bytes(), rel


def test_manifest_records_inputs_versions_and_runs(corpus, tmp_path):
    result = _run(_study(corpus, simple={"n": 2}), tmp_path / "out", only=["simple"])
    manifest = json.loads((result.report_dir / "manifest.json").read_text())
    assert manifest["corpus"]["corpus"]["files"] == {"a.txt": _sha(corpus / "a.txt"), "b.txt": _sha(corpus / "b.txt")}
    resources = manifest["package"]["resources"]
    assert resources["abbreviations.txt"] == _sha(RESOURCES_DIR / "abbreviations.txt")
    assert len(resources) == sum(1 for p in RESOURCES_DIR.rglob("*") if p.is_file() and "__pycache__" not in p.parts)
    assert manifest["package"]["version"] and manifest["environment"]["packages"]["papermill"]
    if shutil.which("git") and (PROJECT_DIR / ".git").exists():
        assert len(manifest["git"]["commit"]) == 40
    entry = manifest["notebooks"]["simple"]
    assert entry["parameters"] == {"corpus": str(corpus), "n": 2} and entry["status"] == "ok"
    assert entry["notebook_sha256"] == _sha(FIXTURE_NOTEBOOKS / "simple.ipynb")
    assert entry["started"] <= entry["ended"] and entry["duration_s"] > 0
    assert entry["outputs"]["tables/simple_values.csv"] == _sha(result.report_dir / "tables" / "simple_values.csv")
    executed = json.loads((result.report_dir / "simple.ipynb").read_text())
    assert executed["metadata"]["papermill"]["parameters"]["output_dir"] == str(result.report_dir)
    page = (result.report_dir / "simple.html").read_text()
    assert len(re.findall(r'<img [^>]*src="data:image/png;base64,', page)) == 1, (
        "the figure is drawn inline (MPLBACKEND=Agg in the test process)"
    )
    assert "https://" not in "".join(line for line in page.splitlines() if "<script" in line), "no network scripts"
    index = (result.report_dir / "index.html").read_text()
    assert 'href="simple.html"' in index and "Writes a small table and a figure from its parameters" in index


def test_seeds_study_runs_every_notebook_in_parallel(tmp_path):
    study = read_study(PROJECT_DIR / "studies" / "seeds.yml")
    result = run_study(study, out=tmp_path, jobs=2, progress=False)
    assert result.ok and sorted(result.ran) == sorted(list_notebooks(NOTEBOOKS_DIR))
    for name in result.ran:
        assert (result.report_dir / f"{name}.html").stat().st_size > 10_000


def test_a_kernel_that_fails_to_start_is_retried_and_a_cell_error_is_not(tmp_path, monkeypatch):
    import nbformat

    from corpus_tools import execute

    calls = []

    def fake_run(notebook, executed, parameters, **kwargs):
        calls.append(notebook.name)
        if len(calls) == 1:
            raise RuntimeError("Kernel died before replying to kernel_info")
        nbformat.write(nbformat.v4.new_notebook(cells=[nbformat.v4.new_markdown_cell("# Done")]), executed)

    monkeypatch.setattr(execute, "_run_papermill", fake_run)
    monkeypatch.setattr(execute.time, "sleep", lambda s: None)
    executed = execute.execute_notebook(FIXTURE_NOTEBOOKS / "simple.ipynb", tmp_path, {})
    assert calls == ["simple.ipynb", "simple.ipynb"] and executed.with_suffix(".html").is_file()

    from papermill.exceptions import PapermillExecutionError

    def failing_cell(notebook, executed, parameters, **kwargs):
        calls.append("cell")  # a cell's own error is not retried, whatever it says
        raise PapermillExecutionError(
            3, 3, "bind()", "OSError", "Address already in use", ["OSError: Address already in use"]
        )

    monkeypatch.setattr(execute, "_run_papermill", failing_cell)
    with pytest.raises(PapermillExecutionError):
        execute.execute_notebook(FIXTURE_NOTEBOOKS / "simple.ipynb", tmp_path, {})
    assert calls.count("cell") == 1


@pytest.mark.parametrize(
    ("text", "type_name", "expected"),
    [
        ('{"force": None, "peace": 0.5}', "dict", {"force": None, "peace": 0.5}),  # as the parameter table shows it
        ("{force: null, peace: 0.5}", "dict", {"force": None, "peace": 0.5}),  # YAML
        ("[a, b]", "list", ["a", "b"]),
        ('["a", "b"]', "list", ["a", "b"]),
        ("[1, 2]", "list", [1, 2]),
    ],
)
def test_command_line_lists_and_dicts_read_python_or_yaml(text, type_name, expected):
    from corpus_tools.study import parse_value

    assert parse_value(text, type_name, name="x") == expected


def test_command_line_value_of_the_wrong_kind_names_the_parameter():
    from corpus_tools.study import parse_value

    with pytest.raises(StudyError, match="parameter overrides: expected dict"):
        parse_value("[1, 2]", "dict", name="overrides")
