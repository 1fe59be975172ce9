"""Explore a corpus interactively in JupyterLab or a plain notebook (ipywidgets).

``search``  an index built once (:func:`build_search_index`) and fast queries (:func:`match_index`):
            hits in every document, concordance lines from :func:`corpus_tools.keywords.match_kwic`
``reader``  one article as HTML: sentences tinted by tone, cue words and mentions marked, or the
            raw page with every cleaning edit struck through
``widget``  :class:`Explorer`: the views' computations and tables (usable without widgets)
``views``   the ipywidgets tabs (Search, Read, Compare) driving an :class:`Explorer`

>>> import pandas as pd
>>> Explorer(pd.DataFrame({"doc_id": ["a"], "text": ["Peace talks."]})).search("talk*").hits
1
"""

from corpus_tools.explore.reader import format_article_html, format_edits_html
from corpus_tools.explore.search import Search, SearchIndex, build_search_index, count_hits, match_index
from corpus_tools.explore.widget import Explorer, list_group_columns

__all__ = [
    "Explorer",
    "Search",
    "SearchIndex",
    "build_search_index",
    "match_index",
    "count_hits",
    "format_article_html",
    "format_edits_html",
    "list_group_columns",
]
