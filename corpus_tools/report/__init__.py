"""Draw and write what the notebooks show; compute no statistics.

Shared pieces: :mod:`~corpus_tools.report.files` (tables as CSV, figures as PNG/SVG, byte-stable),
:mod:`~corpus_tools.report.html` (escaped HTML, highlights), :mod:`~corpus_tools.report.labels`
(document labels), :mod:`~corpus_tools.report.heatmap` (one heatmap for all analyses). One module
per analysis holds its figures: ``report.overview``, ``report.sentiment``, ``report.keywords``,
``report.framing``, ``report.trends``. Analyses never import this package; notebooks call both.
"""

from corpus_tools.checks import make_renamed_getattr
from corpus_tools.report import files, framing, heatmap, html, keywords, labels, overview, sentiment, trends
from corpus_tools.report.files import make_output_dirs, save_figure, write_table
from corpus_tools.report.heatmap import plot_heatmap
from corpus_tools.report.html import format_table_html, highlight_html
from corpus_tools.report.labels import label_documents

__all__ = [
    "files",
    "framing",
    "heatmap",
    "html",
    "keywords",
    "labels",
    "overview",
    "sentiment",
    "trends",
    "make_output_dirs",
    "write_table",
    "save_figure",
    "plot_heatmap",
    "highlight_html",
    "format_table_html",
    "label_documents",
]

# Old names, kept for one release with a DeprecationWarning.
__getattr__ = make_renamed_getattr(__name__, {"output_dirs": "make_output_dirs", "table_html": "format_table_html"})
