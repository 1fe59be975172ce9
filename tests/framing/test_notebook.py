"""The framing notebook on a fixture corpus, and every framing docstring example."""

from __future__ import annotations

from pathlib import Path

import pandas as pd
import pytest

from corpus_tools import framing
from corpus_tools.report import framing as report_framing

FIXTURES_DIR = Path(__file__).parents[1] / "fixtures"


def test_framing_notebook_runs_on_fixture_corpus(tmp_path):
    from corpus_tools.config import NOTEBOOKS_DIR
    from corpus_tools.runner.execute import execute_notebook

    fixtures = FIXTURES_DIR / "framing"
    sheet = pd.DataFrame(
        {
            "doc_id": ["beta_2", "beta_1", "alpha_1", "alpha_2"],
            "sent_id": [2, 0, 0, 2],
            "text": ["", "", "", ""],
            "sovereignty_territory": [1, 1, 0, 0],
        }
    )
    sheet.to_csv(tmp_path / "coder_a.csv", index=False)
    codes = pd.DataFrame({"doc_id": ["alpha_1", "alpha_2", "beta_1", "beta_2"], "deterrence_security": [1, 1, 0, 0]})
    codes.to_csv(tmp_path / "codes.csv", index=False)
    params = {
        "corpus": str(fixtures / "corpus"),
        "metadata": str(fixtures / "metadata.csv"),
        "group_by": "outlet",
        "dictionary": "security",
        "actors": "ukraine_security",
        "naming": "ukraine_security",
        "n_boot": 200,
        "coding_n": 6,
        "coding_sheets": str(tmp_path / "coder_a.csv"),
        "codes": str(tmp_path / "codes.csv"),
        "output_dir": str(tmp_path),
    }
    execute_notebook(NOTEBOOKS_DIR / "framing.ipynb", tmp_path, params)
    tables = tmp_path / "tables"
    salience = pd.read_csv(tables / "framing_salience.csv").set_index(["group", "frame"])
    assert len(salience) == 2 * 8
    # Alpha: security guarantees, troops, deter, reassurance, protect (alpha_1) + air defence (alpha_2); 55 + 42 words
    assert salience.loc[("Alpha", "deterrence_security"), "hits"] == 6
    assert salience.loc[("Alpha", "deterrence_security"), "per_10k"] == pytest.approx(10_000 * 6 / 97, rel=1e-5)
    # Beta: territory, Donetsk, Crimea in one sentence of beta_2
    assert salience.loc[("Beta", "sovereignty_territory"), ["hits", "share_documents"]].tolist() == [3, 0.5]
    naming = pd.read_csv(tables / "framing_naming.csv").set_index(["group", "name"])
    assert naming.loc[("Alpha", "Kyiv"), "hits"] == 1 and naming.loc[("Alpha", "Kiev"), "hits"] == 0
    assert naming.loc[("Beta", "Kiev"), "hits"] == 1 and naming.loc[("Beta", "special military operation"), "hits"] == 1
    voices = pd.read_csv(tables / "framing_voices.csv").set_index(["group", "actor"])
    assert voices.loc[("Alpha", "France"), "n_quotes"] == 2 and voices.loc[("Alpha", "France"), "n_direct"] == 1
    assert voices.loc[("Beta", "Russia"), "n_quotes"] == 2 and voices.loc[("Alpha", "United Kingdom"), "n_quotes"] == 1
    differences = pd.read_csv(tables / "framing_differences.csv")
    assert set(differences["group_a"]) == {"Alpha"} and len(differences) == 8
    # two articles per outlet: differences, but no interval or test at the article level, and the reason
    assert (differences["unit"] == "article").all() and differences["diff"].notna().all()
    assert differences[["diff_ci_low", "diff_ci_high", "p_value"]].isna().all().all()
    assert differences["note"].str.contains("'Alpha' has 2 articles \\(fewer than 3\\)").all()
    kruskal = pd.read_csv(tables / "framing_kruskal.csv", keep_default_na=False)
    assert len(kruskal) == 8 and (kruskal["unit"] == "article").all()
    assert kruskal["note"].str.contains("left out \\(fewer than 3 articles\\): Alpha, Beta").all()
    chi2 = pd.read_csv(tables / "framing_chi2.csv")
    assert (chi2["unit"] == "sentence (descriptive)").all()
    sample = pd.read_csv(tables / "framing_coding_sample.csv", keep_default_na=False)
    assert len(sample) == 6 and (sample["legitimacy_law"] == "").all()
    agreement = pd.read_csv(tables / "framing_agreement.csv").set_index(["frame", "rater_a"])
    row = agreement.loc[("sovereignty_territory", "dictionary")]
    assert row[["n", "both", "only_a", "only_b", "neither"]].tolist() == [4, 1, 0, 1, 2]
    assert row["precision"] == 1.0 and row["recall"] == 0.5
    contrast = pd.read_csv(tables / "framing_term_contrast.csv", keep_default_na=False).set_index("term")
    assert contrast["log_odds_z"].is_monotonic_decreasing
    # target Alpha (first by name among the two groups of two documents), reference Beta
    assert contrast.loc["reassurance", ["n_target", "n_reference"]].tolist() == [1, 0]
    assert contrast.loc["peace", ["n_target", "n_reference"]].tolist() == [0, 2]
    assert contrast.loc["reassurance", "log_odds_z"] > 0 > contrast.loc["peace", "log_odds_z"]
    assert "article_p_adjusted" in contrast.columns  # empty: two articles per side, no article-level test
    rates = pd.read_csv(tables / "framing_term_rates.csv")
    assert rates["p_value"].isna().all() and rates["note"].str.contains("each side needs 3").all()
    evidence = pd.read_csv(tables / "framing_evidence.csv")
    assert evidence["html"].str.contains("<mark>").all()
    # frames learned from the four coded articles: two folds of one article per class
    validity = pd.read_csv(tables / "framing_learned_validity.csv")
    assert validity[["frame", "n_coded", "n_positive", "n_splits"]].values.tolist() == [
        ["deterrence_security", 4, 2, 2]
    ]
    learned = pd.read_csv(tables / "framing_learned_scores.csv")
    assert (
        sorted(learned["doc_id"]) == ["alpha_1", "alpha_2", "beta_1", "beta_2"]
        and learned["probability"].between(0, 1).all()
    )
    assert pd.read_csv(tables / "framing_next_to_code.csv").empty  # every article is coded
    figures = ("framing_heatmap", "framing_differences", "framing_cooccurrence", "framing_term_contrast")
    for name in (*figures, "framing_learning_curve"):
        assert (tmp_path / "figures" / f"{name}.png").exists()


def test_docstring_examples_run():
    import doctest

    from corpus_tools.validation import framing as validation

    modules = [framing, *(getattr(framing, name) for name in framing.__all__ if name.islower() and "_" not in name)]
    assert len(modules) == 9
    for module in (*modules, report_framing, validation):
        assert doctest.testmod(module, optionflags=doctest.NORMALIZE_WHITESPACE).failed == 0
