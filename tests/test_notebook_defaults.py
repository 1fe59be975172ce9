"""The notebooks' default parameters fit any news corpus: on invented business and sport news
they show no Ukraine-specific list, frame or term, and they show the corpus's own names."""

from __future__ import annotations

import ast
import json
from pathlib import Path

import pandas as pd
import pytest

from corpus_tools.config import NOTEBOOKS_DIR

FIXTURE = Path(__file__).parent / "fixtures" / "neutral"
#: Words that would only appear through a Ukraine-specific list (the fixture never uses them).
UKRAINE_WORDS = ("Russia", "Ukraine", "Kyiv", "Kiev", "NATO", "Putin", "Zelensky", "security guarantee")
GENERIC_FRAMES = {"conflict", "human_interest", "economic", "morality", "responsibility"}


def _defaults(name: str) -> dict:
    nb = json.loads((NOTEBOOKS_DIR / f"{name}.ipynb").read_text(encoding="utf-8"))
    cell = next(c for c in nb["cells"] if "parameters" in c.get("metadata", {}).get("tags", []))
    return {n.target.id: ast.literal_eval(n.value) for n in ast.parse("".join(cell["source"])).body}


@pytest.mark.parametrize(
    ("notebook", "parameter", "value"),
    [
        ("framing", "dictionary", "generic"),
        ("framing", "actors", ""),
        ("framing", "naming", ""),
        ("sentiment", "actors", ""),
        ("sentiment", "overrides", {}),
    ],
)
def test_default_parameters_are_topic_neutral(notebook, parameter, value):
    assert _defaults(notebook)[parameter] == value


@pytest.fixture(scope="module")
def reports(tmp_path_factory):
    from corpus_tools.runner.execute import execute_notebook

    out = tmp_path_factory.mktemp("neutral")
    for name in ("sentiment", "framing"):
        params = {
            "corpus": str(FIXTURE / "corpus"),
            "metadata": str(FIXTURE / "metadata.csv"),
            "group_by": "topic",
            "n_boot": 200,
            "output_dir": str(out / name),
        }
        execute_notebook(NOTEBOOKS_DIR / f"{name}.ipynb", out / name, params)
    return out


def test_no_ukraine_specific_table_or_term(reports):
    tables = sorted(reports.glob("*/tables/*"))
    assert len(tables) > 20
    for path in tables:
        text = path.read_text(encoding="utf-8")
        for word in UKRAINE_WORDS:
            assert word.lower() not in text.lower(), f"{path.name} mentions {word!r}"
    # no naming table without a names file
    assert not (reports / "framing" / "tables" / "framing_naming.csv").exists()


def test_generic_frames_and_no_overrides(reports):
    salience = pd.read_csv(reports / "framing" / "tables" / "framing_salience.csv")
    assert set(salience["frame"]) == GENERIC_FRAMES
    effect = pd.read_csv(reports / "sentiment" / "tables" / "sentiment_overrides.csv")
    changes = effect.filter(like="change")
    assert (changes.abs().fillna(0).to_numpy() == 0).all()


@pytest.mark.parametrize("notebook", ["sentiment", "framing"])
def test_actors_are_the_corpus_names(reports, notebook):
    names = pd.read_csv(reports / notebook / "tables" / f"{notebook}_names.csv")
    assert {"Maria Lopez", "Harbour Bank", "Ana Kovac", "Tom Ashby"} <= set(names["name"])
    actor_list = (reports / notebook / "tables" / f"{notebook}_actors_from_names.yml").read_text(encoding="utf-8")
    assert actor_list.count("\n  ") == 10  # the first ten names, one actor each
    for name in names["name"].head(10):
        assert f'"{name}"' in actor_list


def test_actor_tables_name_corpus_actors(reports):
    by_group = pd.read_csv(reports / "sentiment" / "tables" / "sentiment_actors_by_group.csv")
    names = pd.read_csv(reports / "sentiment" / "tables" / "sentiment_names.csv")
    assert len(by_group) > 0 and set(by_group["actor"]) <= set(names["name"].head(10))
    voices = pd.read_csv(reports / "framing" / "tables" / "framing_voices.csv")
    assert set(voices["actor"]) & set(names["name"].head(10))
