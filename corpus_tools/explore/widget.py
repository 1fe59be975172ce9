"""The explorer: search, read and compare a corpus in a notebook cell (ipywidgets).

``Explorer(docs)`` shows three tabs. **Search**: a word, phrase, glob (``sanction*``) or
``/regular expression/`` gives the hits per group, a dispersion strip for the documents using it
most and the concordance lines, sortable by left or right context; clicking a line opens the
article at the match. **Read**: any article with its sentences tinted by tone, frame cue words and
actor mentions marked, or the raw page with every cleaning edit struck through. **Compare**: pick
a grouping column and groups; keyness (G2, log ratio) and frame salience of those groups against
the rest. Every view is a table in :attr:`Explorer.tables` (the functions the reports use), and
:meth:`Explorer.export` writes them as CSV.

>>> docs = pd.DataFrame({"doc_id": ["a", "b"], "title": ["A", "B"], "text": ["Peace talks.", "War."]})
>>> ex = Explorer(docs)
>>> ex.search("peace").hits
1
"""

from __future__ import annotations

from html import escape
from pathlib import Path

import pandas as pd

from corpus_tools.checks import require_columns
from corpus_tools.explore.reader import format_article_html, format_edits_html
from corpus_tools.explore.search import Search, build_search_index, count_hits, match_index
from corpus_tools.groups import attach_groups

__all__ = ["Explorer", "format_dispersion_svg", "list_group_columns"]

_SORTS = {"document order": None, "left context": "left", "right context": "right", "match": "match"}


def list_group_columns(docs: pd.DataFrame, *, max_groups: int = 200) -> list[str]:
    """Columns that can group documents: text columns with 2 to ``max_groups`` values, and ``doc_id``.

    >>> list_group_columns(pd.DataFrame({"doc_id": ["a", "b"], "outlet": ["X", "Y"], "text": ["t", "u"]}))
    ['doc_id', 'outlet']
    """
    skip = {"doc_id", "text", "raw_text", "title", "date", "source_file", "duplicate_of", "title_source"}
    found = [
        c
        for c in docs.columns
        if c not in skip
        and not pd.api.types.is_numeric_dtype(docs[c])
        and not pd.api.types.is_datetime64_any_dtype(docs[c])
        and 2 <= docs[c].nunique() <= max_groups
    ]
    return ["doc_id", *found]


def format_dispersion_svg(search: Search, positions: pd.DataFrame, *, labels: dict | None = None, width: int = 560):
    """A dispersion strip per document (most hits first): a tick where each match falls, 0 = start.

    Args:
        search: the search (for the documents and hit counts).
        positions: ``doc_id, position`` (0 to 1) of the matches to draw.
        labels: document labels to show instead of doc_ids.
        width: width of a strip in pixels.

    >>> s = Search("x", "glob", pd.DataFrame({"doc_id": ["a"], "hits": [1], "n_words": [3]}), pd.DataFrame())
    >>> "<line" in format_dispersion_svg(s, pd.DataFrame({"doc_id": ["a"], "position": [0.5]}))
    True
    """
    docs = list(dict.fromkeys(positions["doc_id"]))
    rows = []
    for k, doc_id in enumerate(docs):
        y = 14 + 18 * k
        name = escape(str((labels or {}).get(doc_id, doc_id))[:38])
        ticks = "".join(
            f'<line x1="{200 + p * width:.1f}" x2="{200 + p * width:.1f}" y1="{y - 7}" y2="{y + 7}" '
            'stroke="#1a73e8" stroke-width="1.5"/>'
            for p in positions.loc[positions["doc_id"] == doc_id, "position"]
        )
        rows.append(
            f'<text x="0" y="{y + 4}" font-size="11">{name}</text>'
            f'<rect x="200" y="{y - 7}" width="{width}" height="14" fill="#f1f3f4"/>{ticks}'
        )
    height = 18 * len(docs) + 10
    return f'<svg width="{200 + width + 10}" height="{height}" role="img" aria-label="dispersion">{"".join(rows)}</svg>'


class Explorer:
    """Search, read and compare a corpus interactively (see the module docstring).

    Args:
        docs: the corpus (``load_corpus``; ``text``, optionally ``raw_text``, ``title``, ``date`` and
            metadata columns).
        audit: the cleaning audit (``read_corpus(...).audit``) for the reader's "cleaning edits" view.
        by: the grouping column shown first (any column of ``docs``).
        dictionary: the frame dictionary for cue words and salience (a shipped name or a path).
        actors: an actors list whose mentions the reader marks ("" for none).
        lexicon: the lexicon tinting sentences by tone.
        window: words of context in concordance lines; max_lines: lines shown per search.
        query: a first search, run when the widgets are shown.
    """

    def __init__(
        self,
        docs: pd.DataFrame,
        *,
        audit: pd.DataFrame | None = None,
        by: str = "doc_id",
        dictionary: str = "generic",
        actors: str = "",
        lexicon: str = "vader",
        window: int = 6,
        max_lines: int = 200,
        query: str = "",
    ):
        require_columns(docs, ["doc_id", "text"], table="corpus")
        self.docs = docs.reset_index(drop=True)
        self.audit = audit
        self.by = by if by in self.docs.columns else "doc_id"
        self.dictionary, self.actors, self.lexicon = dictionary, actors, lexicon
        self.window, self.max_lines, self.query = window, max_lines, query
        self.index = build_search_index(self.docs)
        self.tables: dict[str, pd.DataFrame] = {}
        self.last_search: Search | None = None
        self._frame_scores: pd.DataFrame | None = None
        self._widget = None

    @classmethod
    def from_loaded(cls, loaded, **options) -> Explorer:
        """An explorer of the documents ``load_corpus`` would analyse (no stubs, one copy of each
        duplicate), with the cleaning audit of ``loaded`` (``ct.read_corpus(...)``) for the reader."""
        docs = loaded.documents
        keep = docs["status"].eq("ok") if "status" in docs.columns else pd.Series(True, index=docs.index)
        if "duplicate_of" in docs.columns:
            keep &= docs["duplicate_of"].isna()
        return cls(docs[keep], audit=loaded.audit, **options)

    # -- the computations behind each view (usable without widgets) --------------------------
    def search(self, query: str, *, pattern_type: str = "auto", sort_by: str | None = None) -> Search:
        """Run a search; its tables become ``tables["lines"]``, ``["hits_by_group"]``, ``["hits_by_document"]``."""
        found = match_index(
            self.index,
            self.docs,
            query,
            pattern_type=pattern_type,
            window=self.window,
            sort_by=sort_by,
            max_lines=self.max_lines,
        )
        self.last_search = found
        self.tables["lines"] = found.lines
        self.tables["hits_by_group"] = count_hits(found, self.docs, by=self.by)
        self.tables["hits_by_document"] = found.counts[found.counts["hits"] > 0].sort_values(
            "hits", ascending=False, kind="stable"
        )
        return found

    def select_dispersion(self, search: Search, *, top_n: int = 12) -> pd.DataFrame:
        """``doc_id, position`` of every match in the ``top_n`` documents with most hits."""
        from corpus_tools.keywords import match_kwic

        top = search.counts[search.counts["hits"] > 0].nlargest(top_n, "hits", keep="first")
        subset = self.docs[self.docs["doc_id"].isin(top["doc_id"])]
        lines = match_kwic(subset, search.pattern, window=0, pattern_type=search.pattern_type)
        lengths = subset.set_index("doc_id")["text"].str.len().clip(lower=1)
        out = lines.assign(position=lines["start"] / lines["doc_id"].map(lengths))[["doc_id", "position"]]
        order = {d: i for i, d in enumerate(top["doc_id"])}
        return out.sort_values("doc_id", key=lambda s: s.map(order), kind="stable").reset_index(drop=True)

    def read_article(self, doc_id: str, *, edits: bool = False, query_spans=()) -> str:
        """The reader's HTML for one article (see :mod:`corpus_tools.explore.reader`)."""
        from corpus_tools import framing, sentiment
        from corpus_tools.dictionaries import match_actors
        from corpus_tools.segment import split_sentences

        row = self.docs[self.docs["doc_id"] == doc_id]
        if row.empty:
            raise KeyError(f"no document {doc_id!r} in this corpus")
        doc = row.iloc[0].to_dict()
        group = str(attach_groups(row, self.by, warn=False)["group"].iloc[0])
        if edits:
            if self.audit is None or "raw_text" not in row.columns:
                return "<p>No cleaning audit given: pass audit=ct.read_corpus(...).audit to see the edits.</p>"
            return format_edits_html(doc, self.audit, group=group)
        sentences = split_sentences(row)
        scores = sentiment.score_sentences(sentences, lexicons=[self.lexicon])
        marks = framing.match_frames(sentences, dictionary=self.dictionary)
        highlights = marks.assign(kind="frame", label=marks["frame"])[["start", "end", "kind", "label"]]
        if self.actors:
            mentions = match_actors(sentences, self.actors)
            highlights = pd.concat(
                [
                    highlights,
                    mentions.assign(kind="actor", label=mentions["category"])[["start", "end", "kind", "label"]],
                ]
            )
        self.tables["article_sentences"] = scores
        self.tables["article_highlights"] = highlights
        return format_article_html(doc, sentences=scores, highlights=highlights, query_spans=query_spans, group=group)

    def compare(self, by: str, groups: list[str], *, top_n: int = 20) -> tuple[pd.DataFrame, pd.DataFrame]:
        """Keyness of ``groups`` (pooled) against the rest, and frame salience of every group of ``by``."""
        from corpus_tools import framing, keywords

        labelled = attach_groups(self.docs, by, warn=False)
        keyness = keywords.score_keyness(labelled, by="group", target=list(groups))
        keyness = keyness.sort_values("g2", ascending=False, kind="stable").head(top_n).reset_index(drop=True)
        if self._frame_scores is None:
            self._frame_scores = framing.score_frames(self.docs, dictionary=self.dictionary)
        salience = framing.count_frame_salience(self._frame_scores, by=by, corpus=self.docs)
        salience = salience[salience["group"].astype(str).isin([str(g) for g in groups])].reset_index(drop=True)
        self.tables["keyness"], self.tables["frame_salience"] = keyness, salience
        return keyness, salience

    def export(self, output_dir: str | Path) -> list[Path]:
        """Write every current view's table as ``explore_<view>.csv`` under ``output_dir/tables``."""
        from corpus_tools.report import write_table

        return [write_table(table, f"explore_{name}", output_dir) for name, table in self.tables.items()]

    # -- the widgets --------------------------------------------------------------------------
    @property
    def widget(self):
        """The ipywidgets box (built on first use)."""
        if self._widget is None:
            from corpus_tools.explore.views import build_explorer_widget

            self._widget = build_explorer_widget(self)
        return self._widget

    def _repr_mimebundle_(self, **kwargs):
        return self.widget._repr_mimebundle_(**kwargs)
