"""Duplicates through the cache: the MinHash signatures computed with the cleaning (in the workers),
kept in the clean cache and given to ``read_corpus``, find the duplicates ``load_corpus`` finds."""

from __future__ import annotations

import warnings

import numpy as np
import pandas as pd
import pytest

import corpus_tools as ct
from corpus_tools.clean import duplicates
from corpus_tools.clean.duplicates import hash_minhash
from corpus_tools.process import build, read_processed, stages
from corpus_tools.process.keys import CACHE_VERSION, hash_code
from corpus_tools.process.store import PartitionStore
from tests.process.conftest import BODIES, write_corpus

STORY = (
    "Long read\n\n"
    "The regional water board published its plan for the coming decade on Thursday morning. "
    "It foresees new reservoirs in the hills above the valley and a pipeline to the coastal towns. "
    "Farmers fear that the reservoirs will flood some of the best grazing land in the district. "
    "The board says that every owner will be offered land of the same quality elsewhere. "
    "Engineers expect the first reservoir to hold water within four years of the approval. "
    "Environmental groups asked for a study of the river fish before any dam is built. "
    "The minister for the region welcomed the plan and promised money from the national budget. "
    "A public hearing will be held in the town hall at the end of next month."
)


def _quiet(fn, *args, **kwargs):
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        return fn(*args, **kwargs)


@pytest.fixture()
def corpus_with_copies(tmp_path):
    """The processing corpus (with its exact copy z01 of a01) and a story with its near copy (n02:
    another last word)."""
    bodies = {**BODIES, "n01": STORY, "n02": STORY.removesuffix("month.") + "week."}
    folder = tmp_path / "corpus"
    meta = write_corpus(folder, bodies)
    meta_path = tmp_path / "meta.csv"
    meta.to_csv(meta_path, index=False)
    return folder, meta_path


def _duplicates(documents: pd.DataFrame) -> dict:
    return dict(zip(documents["doc_id"], documents["duplicate_of"]))


@pytest.mark.parametrize("jobs", [1, 2])
def test_the_cached_path_finds_the_duplicates_of_load_corpus(tmp_path, corpus_with_copies, jobs):
    corpus, meta = corpus_with_copies
    expected = _quiet(ct.load_corpus, corpus, metadata=meta, include_stubs=True, keep_duplicates=True)
    processed = _quiet(
        read_processed, corpus, metadata=meta, cache_dir=tmp_path / "c", jobs=jobs, progress=False, partition_size=3
    )
    found = _duplicates(processed.all_documents)
    assert found == _duplicates(expected)
    assert {k: v for k, v in found.items() if v is not None} == {"n02": "n01", "z01": "a01"}  # near and exact


def test_the_clean_cache_holds_each_clean_texts_signature(tmp_path, corpus_with_copies):
    corpus, _ = corpus_with_copies
    _quiet(read_processed, corpus, cache_dir=tmp_path / "c", jobs=1, progress=False)
    store = PartitionStore(tmp_path / "c" / f"v{CACHE_VERSION}" / "clean" / hash_code("clean"))
    rows = store.read_rows(sorted(store.read_index()))
    assert len(rows) == 11  # every page, the stub included
    for text, signature in zip(rows["text"], rows["signature"]):
        assert signature.dtype == np.uint32 and np.array_equal(signature, hash_minhash(text))


def test_a_corpus_read_again_from_the_cache_computes_no_signature(tmp_path, corpus_with_copies, monkeypatch):
    corpus, meta = corpus_with_copies
    _quiet(read_processed, corpus, metadata=meta, cache_dir=tmp_path / "c", jobs=1, progress=False)
    table = pd.read_csv(meta)
    table.loc[0, "outlet"] = "Z"
    table.to_csv(meta, index=False)  # changed metadata: the corpus is read again, its cleaning from the cache
    expected = _quiet(ct.read_corpus, corpus, metadata=meta).documents

    def refuse(*args, **kwargs):
        raise AssertionError("a signature was computed although the cache holds it")

    for module in (duplicates, build, stages):
        monkeypatch.setattr(module, "hash_minhash", refuse)
    processed = _quiet(read_processed, corpus, metadata=meta, cache_dir=tmp_path / "c", jobs=1, progress=False)
    assert processed.built == {"clean": 0}
    pd.testing.assert_frame_equal(processed.all_documents, expected)
