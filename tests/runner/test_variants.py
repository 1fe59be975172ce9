"""Runs and index agree: a run with another grouping than the study's goes to its own folder
(``<study>--by-<grouping>``), never over the study's reports; both indexes and the report header
say which grouping and which parameters a page was run with."""

from __future__ import annotations

import hashlib
import json
from pathlib import Path

import nbformat
import pytest

from corpus_tools.runner.run import run_study
from corpus_tools.runner.study import Study

FIXTURE_NOTEBOOKS = Path(__file__).parents[1] / "fixtures" / "notebooks"


def _sha(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


@pytest.fixture
def grouped(tmp_path, corpus):
    """A notebook folder with ``grouped`` (the ``simple`` fixture plus a ``group_by`` parameter),
    a metadata table with two grouping columns, and a study grouping by ``outlet``."""
    notebooks = tmp_path / "notebooks"
    notebooks.mkdir()
    nb = nbformat.read(FIXTURE_NOTEBOOKS / "simple.ipynb", as_version=4)
    cell = next(c for c in nb.cells if "parameters" in c.metadata.get("tags", []))
    cell.source += '\ngroup_by: str = "doc_id"  # grouping column'
    nbformat.write(nb, notebooks / "grouped.ipynb")
    meta = tmp_path / "meta.csv"
    meta.write_text("doc_id,outlet,country\na,X,UK\nb,Y,FR\n", encoding="utf-8")
    study = Study(name="st", corpus=corpus, metadata=meta, group_by="outlet")
    return notebooks, study


def _run(study, out, notebooks, **kwargs):
    return run_study(study, out=out, notebooks_dir=notebooks, progress=False, **kwargs)


def test_a_changed_grouping_gets_its_own_folder_and_both_indexes_say_so(tmp_path, grouped):
    notebooks, study = grouped
    out = tmp_path / "out"
    main = _run(study, out, notebooks)
    assert main.ok and main.report_dir == out / "st"
    page = out / "st" / "grouped.html"
    before = _sha(page)

    variant = _run(study, out, notebooks, only=["grouped"], overrides=["group_by=country", "n=4"])
    assert variant.ok and variant.report_dir == out / "st--by-country"
    assert _sha(page) == before, "the study's report of its own grouping is left as it was"
    assert json.loads((out / "st" / "manifest.json").read_text())["notebooks"]["grouped"]["parameters"]["group_by"] == (
        "outlet"
    )
    manifest = variant.manifest
    assert (manifest["study"]["variant_of"], manifest["study"]["variant_group_by"]) == ("st", "country")
    assert (manifest["run"]["overrides"], manifest["run"]["only"]) == (["group_by=country", "n=4"], ["grouped"])

    variant_index = (out / "st--by-country" / "index.html").read_text(encoding="utf-8")
    assert "Grouping variant" in variant_index and 'href="../st/index.html"' in variant_index
    assert "-p group_by=country -p n=4" in variant_index and "--only grouped" in variant_index
    assert "grouped by <code>country</code> · <code>n = 4</code>" in variant_index  # the notebook's row
    main_index = (out / "st" / "index.html").read_text(encoding="utf-8")
    assert 'href="../st--by-country/index.html"' in main_index, "the study's index lists the variant"
    assert "Other groupings of this study" in main_index and "grouped by <code>outlet</code>" in main_index

    header = (out / "st--by-country" / "grouped.html").read_text(encoding="utf-8")
    assert "ct-run-header" in header and "group_by = &#x27;country&#x27;" in header and "n = 4" in header
    assert "not by the study&#x27;s grouping (outlet)" in header
    main_header = page.read_text(encoding="utf-8")
    assert "group_by = &#x27;outlet&#x27;" in main_header and 'class="ct-note"' not in main_header


def test_an_override_that_keeps_the_grouping_updates_the_study_report(tmp_path, grouped):
    notebooks, study = grouped
    out = tmp_path / "out"
    result = _run(study, out, notebooks, overrides=["group_by=outlet", "n=2"])
    assert result.ok and result.report_dir == out / "st"
    assert not list(out.glob("st--by-*"))
    index = (out / "st" / "index.html").read_text(encoding="utf-8")
    assert "-p n=2" in index and "<code>n = 2</code>" in index and "Other groupings" not in index
