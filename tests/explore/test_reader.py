import html as htmlmod
import re

import pandas as pd

import corpus_tools as ct
from corpus_tools.explore import format_article_html, format_edits_html


def _text_of(markup: str, *, drop: str = "ins") -> str:
    body = markup.split("<div class='ct-reader'>", 1)[1]
    body = body.split("</div>", 1)[1]  # after the header's meta line
    body = re.sub(rf"<{drop}[^>]*>.*?</{drop}>", "", body, flags=re.S)
    return htmlmod.unescape(re.sub(r"<[^>]+>", "", body)).removeprefix("\n").removesuffix("</div>")


def test_the_edits_view_shows_every_character_of_the_raw_page():
    loaded = ct.read_corpus(ct.config.SEEDS_DIR)
    for doc in loaded.documents.to_dict("records"):
        shown = _text_of(format_edits_html(doc, loaded.audit))
        assert shown == doc["raw_text"], doc["doc_id"]


def test_the_article_view_shows_the_clean_text_unchanged():
    docs = ct.load_corpus(ct.config.SEEDS_DIR)
    doc = docs.iloc[1].to_dict()
    sentences = ct.split_sentences(docs.iloc[[1]]).assign(compound=0.5)
    marks = pd.DataFrame({"start": [10, 12], "end": [20, 14], "kind": ["frame", "actor"], "label": ["x", "y"]})
    assert (
        _text_of(format_article_html(doc, sentences=sentences, highlights=marks, query_spans=[(0, 3)])) == doc["text"]
    )
