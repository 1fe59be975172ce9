"""The report runner: failure isolation, atomic swap, recovery, locking, determinism,
parallel runs and the manifest. Fixture notebooks: tests/fixtures/notebooks/ (``simple`` writes a
table and a figure from typed parameters; ``broken`` fails on purpose)."""

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

from corpus_tools.config import NOTEBOOKS_DIR, PROJECT_DIR, RESOURCES_DIR
from corpus_tools.runner import cli
from corpus_tools.runner.plan import read_manifest
from corpus_tools.runner.run import run_study
from corpus_tools.runner.study import (
    StudyError,
    list_notebooks,
    read_study,
)
from corpus_tools.shipped import WORD_LISTS, resolve_resource

FIXTURE_NOTEBOOKS = Path(__file__).parents[1] / "fixtures" / "notebooks"


def _sha(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def test_failure_is_isolated_and_caching_reruns_only_what_changed(corpus, tmp_path, make_study, run_fixture):
    out = tmp_path / "out"
    first = run_fixture(make_study(corpus), out, jobs=2)
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

    second = run_fixture(make_study(corpus), out, only=["simple"])
    assert (second.ran, second.reused) == ([], ["simple"])

    third = run_fixture(make_study(corpus), out, overrides=["simple.n=5"])
    assert sorted(third.ran) == ["broken"] or sorted(third.ran) == ["broken", "simple"]
    assert "simple" in third.ran and len(pd.read_csv(report / "tables" / "simple_values.csv")) == 5


def test_a_failing_notebook_keeps_its_last_good_report(corpus, tmp_path, make_study, run_fixture):
    out = tmp_path / "out"
    report = out / "fixture"
    good = run_fixture(make_study(corpus, broken={"fail": False}), out, only=["broken"])
    assert good.ok
    html_before = (report / "broken.html").read_bytes()
    bad = run_fixture(make_study(corpus), out, only=["broken"])
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
    fixed = run_fixture(make_study(corpus, broken={"fail": False}), out, only=["broken"])
    assert fixed.ok and not (report / "broken.failed.ipynb").exists()


def test_killed_run_leaves_previous_report_and_next_run_recovers(corpus, tmp_path, make_study, run_fixture):
    out = tmp_path / "out"
    run_fixture(make_study(corpus), out, only=["simple"])
    report = out / "fixture"
    table = (report / "tables" / "simple_values.csv").read_bytes()
    # what a run killed mid-swap leaves: a half-built folder, and the old report moved aside
    (out / ".fixture.tmp-dead").mkdir()
    (out / ".fixture.tmp-dead" / "junk.csv").write_text("x")
    report.rename(out / ".fixture.old-999")
    result = run_fixture(make_study(corpus), out, only=["simple"])
    assert result.ran == [] and (report / "tables" / "simple_values.csv").read_bytes() == table
    assert sorted(p.name for p in out.iterdir()) == [".fixture.lock", "fixture"]


def test_a_terminated_run_leaves_the_previous_report_and_nothing_else(corpus, tmp_path, make_study, run_fixture):
    out = tmp_path / "out"
    run_fixture(make_study(corpus), out, only=["simple"])
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


def test_a_second_run_of_the_same_study_at_once_is_refused(corpus, tmp_path, make_study, run_fixture):
    from corpus_tools.runner.run import _study_lock

    with _study_lock(tmp_path / "out", "fixture"):
        with pytest.raises(StudyError, match="another report run of study 'fixture' is in progress"):
            run_fixture(make_study(corpus), tmp_path / "out", only=["simple"])


def test_two_runs_give_identical_tables_and_figures(corpus, tmp_path, make_study, run_fixture):
    first = run_fixture(make_study(corpus), tmp_path / "one", only=["simple"]).report_dir
    second = run_fixture(make_study(corpus), tmp_path / "two", only=["simple"]).report_dir
    files = sorted(p.relative_to(first) for p in first.rglob("*") if p.parent.name in ("tables", "figures"))
    assert [f.as_posix() for f in files] == [
        "figures/simple_plot.png",
        "figures/simple_plot.svg",
        "tables/simple_values.csv",
    ]
    for rel in files:
        assert (first / rel).read_bytes() == (second / rel).read_bytes(), rel


def test_manifest_records_inputs_versions_and_runs(corpus, tmp_path, make_study, run_fixture):
    result = run_fixture(make_study(corpus, simple={"n": 2}), tmp_path / "out", only=["simple"])
    manifest = json.loads((result.report_dir / "manifest.json").read_text())
    assert manifest["corpus"]["corpus"]["files"] == {"a.txt": _sha(corpus / "a.txt"), "b.txt": _sha(corpus / "b.txt")}
    resources = manifest["package"]["resources"]
    assert resources["abbreviations.txt"] == _sha(RESOURCES_DIR / "abbreviations.txt")
    assert len(resources) == sum(1 for p in RESOURCES_DIR.rglob("*") if p.is_file() and "__pycache__" not in p.parts)
    assert manifest["package"]["version"] and manifest["environment"]["packages"]["papermill"]
    assert set(manifest["word_lists"]) == set(WORD_LISTS)
    for name, entry in manifest["word_lists"].items():
        assert entry == {"used_by": WORD_LISTS[name], "sha256": _sha(resolve_resource(name))}
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
