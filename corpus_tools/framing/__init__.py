"""Comparative framing: frame dictionaries scored per document and sentence, compared between
groups (outlets, countries, periods) with uncertainty, with the actors, names and quoted voices
behind each frame, the evidence sentences behind every number, and a hand-coding workflow to
check the dictionary against human coders.

A frame dictionary is an ordinary :mod:`corpus_tools.dictionaries` file whose categories are
frames. Two are shipped in ``corpus_tools/resources/frames`` (each with a Markdown codebook):
``generic`` (the five generic news frames of Semetko & Valkenburg 2000) and ``security``
(issue-specific frames of coverage of security guarantees for Ukraine).

Dictionary framing counts words that cue a frame. It cannot see stance, irony, a frame carried
by a story's structure, or a cue word used in another sense; read the evidence sentences and
measure agreement with coders (:func:`export_coding_sample`, :func:`compare_coding`) before
trusting a difference.

Every function that takes ``by=`` groups through :func:`corpus_tools.groups.attach_groups`
(default ``"doc_id"``: each document its own group); a document without a value is counted in
the group ``"(missing)"``, never dropped.

Submodules:

- :mod:`~corpus_tools.framing.frames`: frame dictionaries, hits (:func:`match_frames`), scores
  per sentence and per document.
- :mod:`~corpus_tools.framing.salience`: salience per group, dominant frames, shares of
  sentences with intervals (:func:`summarize_frames`).
- :mod:`~corpus_tools.framing.compare`: differences between groups (article-level: pairwise
  and Kruskal-Wallis per frame), chi-square and Cramér's V over sentences (descriptive),
  co-occurrence, actors x frames.
- :mod:`~corpus_tools.framing.naming`: competing names for the same things.
- :mod:`~corpus_tools.framing.quotes`: attributions and quotations, voices per group.
- :mod:`~corpus_tools.framing.evidence`: the groups to contrast, evidence sentences (text and
  spans; the HTML is :func:`corpus_tools.report.framing.highlight_evidence`).
- :mod:`~corpus_tools.framing.coding`: coding sample, coding sheets, agreement.
- :mod:`~corpus_tools.framing.learn`: frames learned from a coded sample of articles
  (:func:`fit_frame_classifier`), validity next to the dictionary's, articles to code next.

Figures are in :mod:`corpus_tools.report.framing`.

>>> import corpus_tools as ct
>>> docs = ct.load_corpus(ct.config.SEEDS_DIR)
>>> scores = score_frames(docs, dictionary="generic")
>>> list(scores.columns[:4])
['doc_id', 'frame', 'hits', 'n_words']
"""

from corpus_tools.checks import make_renamed_getattr
from corpus_tools.framing import coding, compare, evidence, frames, learn, naming, quotes, salience
from corpus_tools.framing.coding import (
    CODING_KEYS,
    cohens_kappa,
    compare_coding,
    export_coding_sample,
    krippendorff_alpha,
    read_coding,
)
from corpus_tools.framing.compare import (
    compare_frames,
    compare_frames_chi2,
    compare_frames_kruskal,
    count_actor_frames,
    count_frame_cooccurrence,
    cramers_v,
)
from corpus_tools.framing.evidence import select_contrast_groups, select_evidence
from corpus_tools.framing.frames import (
    FRAMES_DIR,
    HIT_COLUMNS,
    list_frame_dictionaries,
    match_frames,
    read_frames,
    score_frame_sentences,
    score_frames,
)
from corpus_tools.framing.learn import (
    FrameClassifier,
    export_article_sample,
    fit_frame_classifier,
    select_next_to_code,
)
from corpus_tools.framing.naming import NAMING_DIR, count_naming, match_naming, read_naming
from corpus_tools.framing.quotes import ATTRIBUTION_PATTERNS, SPEAKER_NOUNS, SPEECH_VERBS, count_quotes, match_quotes
from corpus_tools.framing.salience import count_dominant_frames, count_frame_salience, summarize_frames

__all__ = [
    "coding",
    "compare",
    "evidence",
    "frames",
    "learn",
    "naming",
    "quotes",
    "salience",
    "CODING_KEYS",
    "FRAMES_DIR",
    "FrameClassifier",
    "HIT_COLUMNS",
    "NAMING_DIR",
    "ATTRIBUTION_PATTERNS",
    "SPEAKER_NOUNS",
    "SPEECH_VERBS",
    "compare_coding",
    "compare_frames",
    "compare_frames_chi2",
    "compare_frames_kruskal",
    "cohens_kappa",
    "count_actor_frames",
    "count_dominant_frames",
    "count_frame_cooccurrence",
    "count_frame_salience",
    "count_naming",
    "count_quotes",
    "cramers_v",
    "export_article_sample",
    "export_coding_sample",
    "fit_frame_classifier",
    "krippendorff_alpha",
    "list_frame_dictionaries",
    "match_frames",
    "match_naming",
    "match_quotes",
    "read_coding",
    "read_frames",
    "read_naming",
    "score_frame_sentences",
    "score_frames",
    "select_contrast_groups",
    "select_evidence",
    "select_next_to_code",
    "summarize_frames",
]

# Old names, kept for one release with a DeprecationWarning.
__getattr__ = make_renamed_getattr(
    __name__,
    {
        "split_frame_hits": "match_frames",
        "split_naming_hits": "match_naming",
        "split_quotes": "match_quotes",
        "count_frame_shares": "summarize_frames",
        "plot_frame_heatmap": "corpus_tools.report.framing:plot_frame_heatmap",
        "plot_frame_cooccurrence": "corpus_tools.report.framing:plot_frame_cooccurrence",
        "plot_frame_differences": "corpus_tools.report.framing:plot_frame_differences",
    },
)
