"""Study files and notebook parameters: reading, typing, checking, the README table."""

from __future__ import annotations

from pathlib import Path

import pytest

from corpus_tools.config import NOTEBOOKS_DIR, PROJECT_DIR
from corpus_tools.runner.study import (
    Study,
    StudyError,
    list_notebooks,
    read_study,
    resolve_parameters,
    update_readme_table,
)

FIXTURE_NOTEBOOKS = Path(__file__).parents[1] / "fixtures" / "notebooks"


def _study(corpus, **parameters):
    return Study(name="fixture", corpus=corpus, parameters=parameters)


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


def test_period_and_events_reach_the_notebooks_that_declare_them(tmp_path):
    (tmp_path / "events.csv").write_text("date,label\n2025-03-01,Summit\n", encoding="utf-8")
    path = tmp_path / "s.yml"
    path.write_text(f"name: t\ncorpus: {PROJECT_DIR / 'seeds'}\nperiod: Month\nevents: events.csv\n")
    study = read_study(path)
    assert (study.period, study.events) == ("month", tmp_path / "events.csv")
    resolved = resolve_parameters(study, list_notebooks(NOTEBOOKS_DIR))
    assert resolved["trends"]["period"] == "month" and resolved["trends"]["events"] == str(tmp_path / "events.csv")
    assert "period" not in resolved["sentiment"]  # only notebooks declaring a parameter receive it


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ("period: fortnight\n", "'period' must be one of auto, day, week, month, quarter, year, not 'fortnight'"),
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


def test_shipped_seeds_study_is_valid():
    study = read_study(PROJECT_DIR / "studies" / "seeds.yml")
    notebooks = list_notebooks(NOTEBOOKS_DIR)
    resolved = resolve_parameters(study, notebooks)
    assert study.name == "seeds" and set(resolved) == set(notebooks)
    assert all(p.get("corpus") == str(PROJECT_DIR / "seeds") for p in resolved.values() if "corpus" in p)


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
    from corpus_tools.runner.study import select_notebooks

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


def test_readme_parameter_table_is_current():
    readme = PROJECT_DIR / "README.md"
    stale = update_readme_table(readme, list_notebooks(NOTEBOOKS_DIR), write=False)
    assert not stale, "README parameter table is out of date: run `.venv/bin/corpus-tools params --update-readme`"


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
    from corpus_tools.runner.study import parse_value

    assert parse_value(text, type_name, name="x") == expected


def test_command_line_value_of_the_wrong_kind_names_the_parameter():
    from corpus_tools.runner.study import parse_value

    with pytest.raises(StudyError, match="parameter overrides: expected dict"):
        parse_value("[1, 2]", "dict", name="overrides")
