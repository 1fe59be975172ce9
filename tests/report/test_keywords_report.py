"""Keyword figures and HTML (corpus_tools.report.keywords), and the keywords notebook end to end."""

from __future__ import annotations

import pandas as pd

from corpus_tools import keywords as kw
from corpus_tools.report import keywords as report_kw

KWIC_DOCS = pd.DataFrame(
    {
        "doc_id": ["k1", "k2"],
        "text": [
            "Allies discussed Security Guarantees.\nThe security guarantee talks ended; security. Guarantees later.",
            "<script>alert(1)</script> sanctions & sanctioned banks; no sanction relief.",
        ],
    }
)


def test_kwic_html_escapes_corpus_text_and_links_terms():
    lines = kw.match_kwic(KWIC_DOCS, "sanctions", window=4)
    page = report_kw.format_kwic_html(lines)
    assert "</script>" not in page and "&lt;/script&gt;" in page and "&amp; sanctioned" in page
    assert "<mark>sanctions</mark>" in page
    assert f'id="{kw.make_kwic_anchor("sanctions")}"' in page
    table = pd.DataFrame({"term": ["sanctions", "<b>x</b>"], "g2": [3.0, 1.0]})
    linked = report_kw.format_keyness_html(table, linked=["sanctions"])
    assert f'<a href="#{kw.make_kwic_anchor("sanctions")}">sanctions</a>' in linked
    assert "<b>x</b>" not in linked and "&lt;b&gt;x&lt;/b&gt;" in linked


def test_plots_draw_the_expected_marks(outlet_docs):
    table = kw.score_keyness(outlet_docs, by="outlet", target="A")
    fig = report_kw.plot_keyness(table, top_n=2)
    bars = fig.axes[0].patches
    assert len(bars) == 4 and sum(b.get_width() > 0 for b in bars) == 2
    scatter = report_kw.plot_term_scatter(table, label_top=3)
    assert len(scatter.axes[0].collections[0].get_offsets()) == len(table)
    assert len(scatter.axes[0].texts) == 3
    xray = report_kw.plot_dispersion(KWIC_DOCS, ["sanction*", "security_guarantees"])
    assert [ax.get_title() for ax in xray.axes] == ["sanction*", "security_guarantees"]
    assert len(xray.axes[0].collections[0].get_offsets()) == 3


def test_term_scatter_labels_land_in_the_same_place_every_time(tmp_path, outlet_docs):
    # Label placement must not depend on how fast the machine is (reports are diffed byte by byte).
    from corpus_tools.report import save_figure

    table = kw.score_keyness(outlet_docs, by="outlet", target="A")
    paths = [
        save_figure(report_kw.plot_term_scatter(table, label_top=5), "scatter", tmp_path / str(i), formats=("svg",))[0]
        for i in range(2)
    ]
    assert paths[0].read_bytes() == paths[1].read_bytes()


NOTEBOOK_TEXTS = {
    "n1": (
        "Ministers discussed security guarantees for Ukraine.\n"
        "Security guarantees need troops on the ground. Troops wait."
    ),
    "n2": "The coalition of the willing met in Paris. Security guarantees and troops were the topic.",
    "n3": "Sanctions on oil hit the economy. Oil prices rose as sanctions bit.\nSanctions again.",
    "n4": "Oil exports fell under sanctions. Traders expect oil prices to fall when sanctions ease.",
}


def test_keywords_notebook_runs_with_metadata_groups(tmp_path):
    from corpus_tools.config import NOTEBOOKS_DIR
    from corpus_tools.runner.execute import execute_notebook

    corpus = tmp_path / "corpus"
    corpus.mkdir()
    for doc_id, text in NOTEBOOK_TEXTS.items():
        (corpus / f"{doc_id}.txt").write_text(text + "\n", encoding="utf-8")
    (tmp_path / "meta.csv").write_text("doc_id,outlet\nn1,north\nn2,north\nn3,south\nn4,south\n", encoding="utf-8")
    out = tmp_path / "report"
    params = {
        "corpus": str(corpus),
        "metadata": str(tmp_path / "meta.csv"),
        "output_dir": str(out),
        "group_by": "outlet",
        "phrases": ["security guarantees", "coalition of the willing"],
        "min_count": 2,
        "kwic_terms": 2,
    }
    execute_notebook(NOTEBOOKS_DIR / "keywords.ipynb", out, params)
    tables = out / "tables"
    keyness = pd.read_csv(tables / "keywords_keyness.csv")
    north = keyness[keyness["group"] == "north"].set_index("term")
    # hand count: north has security_guarantees 3, troops 3; south has sanctions 5, oil 4
    assert north.loc["security_guarantees", ["n_target", "n_reference"]].tolist() == [3, 0]
    assert north.loc["sanctions", ["n_target", "n_reference"]].tolist() == [0, 5]
    assert north["g2"].iloc[0] > 0 > north["g2"].iloc[-1]
    # the article-level test beside the token-level one: two articles per side, so rates but no test
    assert north.loc["security_guarantees", "article_rate_reference"] == 0
    assert north["article_p_value"].isna().all()
    assert north["article_note"].str.contains("2 target and 2 reference articles").all()
    assert len(pd.read_csv(tables / "keywords_term_rates.csv")) == len(keyness)
    frequency = pd.read_csv(tables / "keywords_frequency.csv").set_index(["group", "term"])
    assert frequency.loc[("south", "oil"), ["n", "range"]].tolist() == [4, 2]
    lines = pd.read_csv(tables / "keywords_kwic.csv")
    for row in lines.itertuples():
        assert NOTEBOOK_TEXTS[row.doc_id][row.start : row.end].lower() == row.match.lower()
    assert {"security_guarantees", "sanctions"} <= set(lines["pattern"])
    assert set(pd.read_csv(tables / "keywords_collocations.csv", keep_default_na=False)["node"]) >= {""}
    page = (out / "keywords.html").read_text(encoding="utf-8")
    assert f'href="#{kw.make_kwic_anchor("sanctions")}"' in page and f'id="{kw.make_kwic_anchor("sanctions")}"' in page
    for name in ("keywords_keyness_north", "keywords_term_scatter", "keywords_dispersion"):
        assert (out / "figures" / f"{name}.png").exists()


def test_plot_keyness_title(outlet_docs):
    table = kw.score_keyness(outlet_docs, by="outlet", target="A")
    assert report_kw.plot_keyness(table, title="A vs B").axes[0].get_title() == "A vs B"
    assert report_kw.plot_keyness(table).axes[0].get_title() == ""
