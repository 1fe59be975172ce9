"""The explorer's widgets (ipywidgets): built from an :class:`~corpus_tools.explore.widget.Explorer`.

The controls are kept in ``explorer.controls`` by name so a test (or a teaching notebook) can
drive them as a user would: set ``controls["query"].value`` and read ``controls["status"].value``.

>>> import pandas as pd
>>> from corpus_tools.explore.widget import Explorer
>>> ex = Explorer(pd.DataFrame({"doc_id": ["a"], "title": ["A"], "text": ["Peace talks."]}))
>>> _ = build_explorer_widget(ex)
>>> ex.controls["query"].value = "peace"
>>> "1 hit in 1 of 1 documents" in ex.controls["status"].value
True
"""

from __future__ import annotations

from html import escape

import pandas as pd

from corpus_tools.explore.widget import _SORTS, format_dispersion_svg, list_group_columns
from corpus_tools.report.html import format_table_html

__all__ = ["build_explorer_widget", "format_line_option"]


def format_line_option(left: str, match: str, right: str, *, width: int = 48) -> str:
    """One concordance line as a fixed-width option: left context right-aligned, the match in brackets.

    >>> format_line_option("the allies offered", "guarantees", "to Kyiv", width=12)
    'lies offered [guarantees] to Kyiv'
    """
    return f"{left[-width:]:>{width}} [{match}] {right[:width]}"


def _labels(docs: pd.DataFrame) -> dict:
    titles = docs["title"] if "title" in docs.columns else pd.Series("", index=docs.index)
    return {
        d: f"{str(d)[:16]} · {str(t)[:50]}" if isinstance(t, str) and t else str(d)
        for d, t in zip(docs["doc_id"], titles)
    }


def build_explorer_widget(ex):
    """The tabs Search / Read / Compare wired to ``ex``; controls in ``ex.controls``."""
    import ipywidgets as w

    labels = _labels(ex.docs)
    c = ex.controls = {}
    c["query"] = w.Text(
        placeholder="word, phrase, glob* or /regex/ then Enter",
        continuous_update=False,
        description="Search",
        layout=w.Layout(width="34em"),
    )
    c["mode"] = w.Dropdown(
        options=["auto", "glob", "phrase", "regex"], value="auto", description="as", layout=w.Layout(width="12em")
    )
    c["sort"] = w.Dropdown(
        options=list(_SORTS), value="document order", description="sort by", layout=w.Layout(width="16em")
    )
    c["by"] = w.Dropdown(
        options=list_group_columns(ex.docs), value=ex.by, description="groups", layout=w.Layout(width="16em")
    )
    c["status"] = w.HTML()
    c["counts"] = w.HTML()
    c["dispersion"] = w.HTML()
    c["lines"] = w.Select(options=[], rows=14, layout=w.Layout(width="100%"))
    c["lines"].add_class("ct-kwic")
    style = w.HTML("<style>.ct-kwic select {font-family: monospace; white-space: pre}</style>")
    c["article"] = w.Dropdown(
        options=[(v, k) for k, v in labels.items()], description="article", layout=w.Layout(width="40em")
    )
    c["edits"] = w.Checkbox(value=False, description="show cleaning edits", indent=False)
    c["reader"] = w.HTML()
    c["compare_by"] = w.Dropdown(options=list_group_columns(ex.docs), value=ex.by, description="group by")
    c["groups"] = w.SelectMultiple(options=[], rows=6, description="groups")
    c["compare"] = w.Button(description="compare", button_style="primary")
    c["keyness"] = w.HTML()
    c["salience"] = w.HTML()
    state = {"spans": {}}

    def run_search(_=None):
        query = c["query"].value.strip()
        if not query:
            return
        try:
            found = ex.search(query, pattern_type=c["mode"].value, sort_by=_SORTS[c["sort"].value])
        except ValueError as exc:
            c["status"].value = f"<b style='color:#a33'>{escape(str(exc))}</b>"
            return
        hits, docs_with = found.hits, found.documents
        notes = "".join(f"<br><i>{escape(n)}</i>" for n in found.notes)
        c["status"].value = (
            f"<b>{hits} hit{'s' if hits != 1 else ''} in {docs_with} of {len(ex.docs)} "
            f"documents</b> for {escape(query)} ({found.pattern_type}){notes}"
        )
        c["counts"].value = format_table_html(ex.tables["hits_by_group"].round(2), max_rows=30)
        c["dispersion"].value = format_dispersion_svg(found, ex.select_dispersion(found), labels=labels) if hits else ""
        lines = found.lines
        state["spans"] = {
            i: (d, s, e) for i, (d, s, e) in enumerate(lines[["doc_id", "start", "end"]].itertuples(index=False))
        }
        c["lines"].options = [
            (format_line_option(left, m, right), i)
            for i, (left, m, right) in enumerate(lines[["left", "match", "right"]].itertuples(index=False))
        ]

    def open_line(change):
        if change["new"] is None or change["new"] not in state["spans"]:
            return
        doc_id, start, end = state["spans"][change["new"]]
        c["edits"].value = False
        c["article"].value = doc_id
        show_article(query_spans=[(start, end)])
        c["tabs"].selected_index = 1

    def show_article(_=None, query_spans=()):
        if c["article"].value is None:
            return
        c["reader"].value = ex.read_article(c["article"].value, edits=c["edits"].value, query_spans=query_spans)

    def fill_groups(_=None):
        values = pd.Series(ex.docs[c["compare_by"].value]).fillna("(missing)").astype(str)
        c["groups"].options = sorted(values.unique())[:500]

    def run_compare(_=None):
        chosen = list(c["groups"].value)
        if not chosen:
            c["keyness"].value = "<i>pick one or more groups (Ctrl/Cmd-click for several)</i>"
            return
        keyness, salience = ex.compare(c["compare_by"].value, chosen)
        c["keyness"].value = "<h4>Key terms of the chosen groups against the rest (token-level G2)</h4>" + (
            format_table_html(keyness[["term", "n_target", "n_reference", "g2", "log_ratio", "p_adjusted"]].round(3))
        )
        c["salience"].value = "<h4>Frame salience (cue words per 10,000 words)</h4>" + format_table_html(
            salience.round(2), max_rows=60
        )

    def regroup(_=None):
        ex.by = c["by"].value
        run_search()

    c["query"].observe(run_search, names="value")
    for name in ("mode", "sort"):
        c[name].observe(run_search, names="value")
    c["by"].observe(regroup, names="value")
    c["lines"].observe(open_line, names="value")
    c["article"].observe(show_article, names="value")
    c["edits"].observe(show_article, names="value")
    c["compare_by"].observe(fill_groups, names="value")
    c["compare"].on_click(run_compare)
    fill_groups()
    search_tab = w.VBox(
        [
            style,
            w.HBox([c["query"], c["mode"], c["sort"], c["by"]]),
            c["status"],
            w.HBox([c["counts"], c["dispersion"]]),
            c["lines"],
        ]
    )
    read_tab = w.VBox([w.HBox([c["article"], c["edits"]]), c["reader"]])
    compare_tab = w.VBox([w.HBox([c["compare_by"], c["groups"], c["compare"]]), c["keyness"], c["salience"]])
    c["tabs"] = w.Tab(children=[search_tab, read_tab, compare_tab])
    for i, title in enumerate(["Search", "Read", "Compare"]):
        c["tabs"].set_title(i, title)
    show_article()
    if ex.query:
        c["query"].value = ex.query
    return c["tabs"]
