"""The processed corpus equals the direct calls, and the cache rebuilds exactly what changed."""

from __future__ import annotations

import warnings

import pandas as pd
import pytest

import corpus_tools as ct
from corpus_tools import framing, keywords, sentiment
from corpus_tools.process import build_processed, read_processed
from tests.process.conftest import BODIES, TEMPLATE, write_corpus

LEXICONS = ["vader", "afinn", "pattern"]
COUNT_OPTIONS = {"min_length": 2, "ngram_range": (1, 2), "phrases": ["harbour dispute"]}


def _quiet(fn, *args, **kwargs):
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        return fn(*args, **kwargs)


def _assert_counts_equal(got, expected):
    assert list(got.terms) == list(expected.terms)
    assert list(got.doc_ids) == list(expected.doc_ids) and list(got.groups) == list(expected.groups)
    assert got.matrix.shape == expected.matrix.shape and (got.matrix != expected.matrix).nnz == 0
    assert got.matrix.dtype == expected.matrix.dtype and got.by == expected.by


def _assert_same_as_direct(processed, corpus, metadata):
    loaded = _quiet(ct.read_corpus, corpus, metadata=metadata)
    docs = _quiet(ct.load_corpus, corpus, metadata=metadata)
    pd.testing.assert_frame_equal(processed.all_documents, loaded.documents)
    pd.testing.assert_frame_equal(processed.documents, docs)
    pd.testing.assert_frame_equal(processed.audit, loaded.audit)
    pd.testing.assert_frame_equal(processed.log, loaded.log)
    pd.testing.assert_frame_equal(processed.files, loaded.files)
    sentences = ct.split_sentences(docs)
    pd.testing.assert_frame_equal(processed.sentences, sentences)
    pd.testing.assert_frame_equal(
        processed.split_sentences(processed.all_documents), ct.split_sentences(loaded.documents)
    )
    pd.testing.assert_frame_equal(
        _quiet(processed.score_sentences, lexicons=LEXICONS),
        _quiet(sentiment.score_sentences, sentences, lexicons=LEXICONS),
    )
    overrides = {"peace": None, "good": 1.5}
    pd.testing.assert_frame_equal(
        _quiet(processed.score_sentences, lexicons=["vader", "afinn"], overrides=overrides),
        _quiet(sentiment.score_sentences, sentences, lexicons=["vader", "afinn"], overrides=overrides),
    )
    for dictionary in ("generic", "security"):
        pd.testing.assert_frame_equal(
            processed.match_frames(dictionary=dictionary),
            _quiet(framing.match_frames, sentences, dictionary=dictionary, corpus=docs),
        )
    by = "outlet" if "outlet" in docs.columns else "doc_id"
    _assert_counts_equal(
        _quiet(processed.count_terms, by=by, **COUNT_OPTIONS),
        _quiet(keywords.count_terms, docs, by=by, **COUNT_OPTIONS),
    )
    _assert_counts_equal(_quiet(processed.count_terms), _quiet(keywords.count_terms, docs))


def test_seeds_processed_equal_the_direct_calls(tmp_path):
    processed = read_processed(ct.config.SEEDS_DIR, cache_dir=tmp_path, jobs=1, progress=False)
    _assert_same_as_direct(processed, ct.config.SEEDS_DIR, None)
    again = _quiet(read_processed, ct.config.SEEDS_DIR, cache_dir=tmp_path, jobs=1, progress=False)
    _assert_same_as_direct(again, ct.config.SEEDS_DIR, None)  # now read from the cache
    assert set(again.built.values()) == {0} and again.built["sentences"] == 0


def test_fixture_corpus_processed_equal_the_direct_calls(tmp_path, fixture_corpus):
    corpus, meta = fixture_corpus
    processed = _quiet(read_processed, corpus, metadata=meta, cache_dir=tmp_path / "cache", jobs=1, progress=False)
    docs = processed.all_documents
    assert docs.set_index("doc_id")["status"]["s01"].startswith("stub: access denied")
    assert docs["duplicate_of"].notna().sum() == 1 and set(docs["language"]) >= {"en", "de"}
    assert "cross_document_repeat" in set(processed.audit["rule"])  # the template lines were seen across pages
    _assert_same_as_direct(processed, corpus, meta)


def test_one_pass_build_fills_what_each_reader_reads(tmp_path, fixture_corpus):
    corpus, meta = fixture_corpus
    options = {"metadata": meta, "cache_dir": tmp_path / "c", "jobs": 1, "progress": False}
    built = _quiet(
        build_processed, corpus, lexicons=LEXICONS, dictionary="generic", count_options=COUNT_OPTIONS, **options
    )
    assert built.built == {"clean": 9, "sentences": 7, "scores": 21, "frames": 7, "counts": 7}
    assert "sentences" not in built.__dict__  # the sentences were never gathered in this process
    processed = _quiet(read_processed, corpus, **options)
    _quiet(processed.score_sentences, lexicons=LEXICONS)
    processed.match_frames(dictionary="generic")
    _quiet(processed.count_terms, **COUNT_OPTIONS)
    assert set(processed.built.values()) == {0}  # every reader found its rows
    _assert_same_as_direct(processed, corpus, meta)


def test_sentences_follow_each_documents_language(tmp_path):
    corpus = tmp_path / "corpus"
    corpus.mkdir()
    german = "Die Gespräche beginnen am 3. Mai in Berlin. Die Minister der Länder treffen sich dort zum ersten Mal."
    (corpus / "de1.txt").write_text(" ".join([german] * 4), encoding="utf-8")
    processed = _quiet(read_processed, corpus, cache_dir=tmp_path / "c", jobs=1, progress=False)
    docs = processed.documents
    assert docs["language"].tolist() == ["de"]
    expected = ct.split_sentences(docs)
    assert len(expected) != len(ct.split_sentences(docs, language="en"))  # "3. Mai" splits by the English rules
    pd.testing.assert_frame_equal(processed.sentences, expected)


def _built(corpus, cache, **kwargs):
    return _quiet(
        build_processed, corpus, cache_dir=cache, jobs=1, progress=False, dictionary="generic", **kwargs
    ).built


def test_unchanged_corpus_processes_nothing(tmp_path, fixture_corpus):
    corpus, _ = fixture_corpus
    first = _built(corpus, tmp_path / "c")
    assert first == {"clean": 9, "sentences": 7, "scores": 7, "frames": 7}  # 9 pages: 7 kept (a stub, a copy)
    assert _built(corpus, tmp_path / "c") == dict.fromkeys(first, 0)


def test_a_changed_file_reprocesses_that_file_only(tmp_path, fixture_corpus):
    corpus, _ = fixture_corpus
    _built(corpus, tmp_path / "c")
    page = corpus / "b02.txt"
    page.write_text(page.read_text(encoding="utf-8").replace("great day", "proud day"), encoding="utf-8")
    assert _built(corpus, tmp_path / "c") == {"clean": 1, "sentences": 1, "scores": 1, "frames": 1}


def test_an_added_file_processes_only_the_new_document(tmp_path):
    corpus = tmp_path / "corpus"
    write_corpus(corpus)
    _built(corpus, tmp_path / "c")
    (corpus / "d01.txt").write_text(
        TEMPLATE + "Library reopens\n\nThe town library reopened after repairs. Readers queued at the door.\n",
        encoding="utf-8",
    )
    assert _built(corpus, tmp_path / "c") == {"clean": 1, "sentences": 1, "scores": 1, "frames": 1}


def test_a_new_template_line_recleans_the_documents_that_hold_it(tmp_path):
    """Cleaning looks across documents (lines repeated in many pages): a line that becomes a
    template line re-cleans the pages that contain it, and only those."""
    corpus = tmp_path / "corpus"
    bodies = dict(BODIES)
    shared = "\nRead more from our regional desk today\n"
    for doc_id in ("a01", "a02"):
        bodies[doc_id] += shared
    write_corpus(corpus, bodies)
    _built(corpus, tmp_path / "c")
    (corpus / "a03.txt").write_text(TEMPLATE + BODIES["a03"] + shared, encoding="utf-8")  # third page: now a template
    built = _built(corpus, tmp_path / "c")
    assert built["clean"] == 4  # a03 changed; a01, a02 and z01 (a copy of a01) hold the new template line
    processed = _quiet(read_processed, corpus, cache_dir=tmp_path / "c", jobs=1, progress=False)
    _assert_same_as_direct(processed, corpus, None)


@pytest.mark.parametrize(
    ("change", "rebuilt"),
    [
        ({"lexicons": ["afinn"]}, {"scores"}),
        ({"overrides": {"cost": None}}, {"scores"}),
        ({"dictionary": "security"}, {"frames"}),
        ({"count_options": {"min_length": 3}}, {"counts"}),
    ],
)
def test_a_changed_parameter_rebuilds_exactly_its_stage(tmp_path, fixture_corpus, change, rebuilt):
    corpus, _ = fixture_corpus
    base = {"lexicons": ["vader"], "overrides": None, "dictionary": "generic", "count_options": {"min_length": 2}}
    _quiet(build_processed, corpus, cache_dir=tmp_path / "c", jobs=1, progress=False, **base)
    built = _quiet(build_processed, corpus, cache_dir=tmp_path / "c", jobs=1, progress=False, **{**base, **change})
    assert {stage for stage, n in built.built.items() if n} == rebuilt


def test_the_cache_is_keyed_by_the_stage_code(tmp_path, fixture_corpus, monkeypatch):
    """Another version of the cleaning code (its hash) cleans everything again."""
    from corpus_tools.process import build as build_module
    from corpus_tools.process import cleaning, snapshot

    corpus, _ = fixture_corpus
    _built(corpus, tmp_path / "c")
    real = build_module.hash_code
    for module in (build_module, cleaning, snapshot):  # the cleaning code is part of the clean and corpus stages
        monkeypatch.setattr(
            module, "hash_code", lambda stage: real(stage) + ("x" if stage in ("clean", "corpus") else "")
        )
    assert _built(corpus, tmp_path / "c") == {"clean": 9, "sentences": 0, "scores": 0, "frames": 0}


def test_a_cache_of_another_version_is_ignored(tmp_path, fixture_corpus, monkeypatch):
    from corpus_tools.process import keys

    corpus, _ = fixture_corpus
    _built(corpus, tmp_path / "c")
    monkeypatch.setattr(keys, "CACHE_VERSION", keys.CACHE_VERSION + 1)  # the files say another version
    assert _built(corpus, tmp_path / "c")["clean"] == 9


@pytest.mark.filterwarnings("ignore:.*(stub|duplicate|snapshot replaced)")
def test_a_corrupt_cache_file_is_rebuilt_with_a_warning(tmp_path, fixture_corpus):
    corpus, meta = fixture_corpus
    _built(corpus, tmp_path / "c")
    files = sorted((tmp_path / "c").rglob("*.parquet"))  # partitions and the snapshot of the corpus
    assert files
    for path in files:
        path.write_bytes(path.read_bytes()[: len(path.read_bytes()) // 2])  # cut short
    with pytest.warns(ct.CorpusWarning, match=r"cache file cannot be read .*processed again"):
        built = build_processed(corpus, cache_dir=tmp_path / "c", jobs=1, progress=False, dictionary="generic").built
    assert built == {"clean": 9, "sentences": 7, "scores": 7, "frames": 7}
    processed = _quiet(read_processed, corpus, metadata=meta, cache_dir=tmp_path / "c", jobs=1, progress=False)
    _assert_same_as_direct(processed, corpus, meta)


def _messages(fn, *args, **kwargs):
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        fn(*args, **kwargs)
    return [str(w.message) for w in caught if issubclass(w.category, ct.CorpusWarning)]


def test_a_corpus_read_from_its_snapshot_warns_as_read_corpus(tmp_path, fixture_corpus):
    corpus, meta = fixture_corpus
    expected = _messages(ct.read_corpus, corpus, metadata=meta)
    assert any("duplicate" in m for m in expected) and any("stub" in m or "access denied" in m for m in expected)
    first = _messages(read_processed, corpus, metadata=meta, cache_dir=tmp_path / "c", jobs=1, progress=False)
    again = _messages(read_processed, corpus, metadata=meta, cache_dir=tmp_path / "c", jobs=1, progress=False)
    assert first == expected and again == expected


def test_changed_metadata_reads_the_corpus_again_and_cleans_nothing(tmp_path, fixture_corpus):
    corpus, meta = fixture_corpus
    _quiet(read_processed, corpus, metadata=meta, cache_dir=tmp_path / "c", jobs=1, progress=False)
    table = pd.read_csv(meta)
    table.loc[0, "outlet"] = "Z"
    table.to_csv(meta, index=False)
    processed = _quiet(read_processed, corpus, metadata=meta, cache_dir=tmp_path / "c", jobs=1, progress=False)
    assert processed.built == {"clean": 0} and processed.all_documents["outlet"].iloc[0] == "Z"
    _assert_same_as_direct(processed, corpus, meta)


def test_every_file_a_stage_code_hash_covers_exists():
    from corpus_tools.config import PACKAGE_DIR
    from corpus_tools.process.keys import STAGE_CODE

    missing = sorted({name for names in STAGE_CODE.values() for name in names if not (PACKAGE_DIR / name).exists()})
    assert missing == [], f"STAGE_CODE names files that do not exist (renamed or moved?): {missing}"


def test_several_count_option_sets_are_built_in_one_pass_and_read_without_counting(tmp_path, fixture_corpus):
    """The report runner asks for the keywords notebook's options and the framing contrast's
    defaults; each set is cached on its own, ``{}`` and the defaults written out are one cache."""
    corpus, _ = fixture_corpus
    sets = [COUNT_OPTIONS, {}, {"min_length": 1, "stopwords": "snowball"}]  # the third: the second, written out
    built = _quiet(build_processed, corpus, cache_dir=tmp_path / "c", jobs=1, progress=False, count_options=sets)
    n_docs = len(built.documents)
    assert built.built["counts"] == 2 * n_docs  # two distinct sets, each document counted once per set
    processed = _quiet(read_processed, corpus, cache_dir=tmp_path / "c", jobs=1, progress=False)
    for options in sets:
        _assert_counts_equal(
            processed.count_terms(by="doc_id", **options), keywords.count_terms(processed.documents, **options)
        )
    assert processed.built.get("counts", 0) == 0  # every set was read from the cache


@pytest.mark.parametrize("pattern", ["all", "none", "first", "last", "alternate", "random"])
def test_kept_rows_equal_a_filter_and_share_the_texts_memory(pattern):
    import numpy as np

    from corpus_tools.process.build import _kept_rows

    rng = np.random.default_rng(3)
    n = 40
    frame = pd.DataFrame(
        {
            "text": [f"text {i} " * (i % 5) for i in range(n)],
            "n": np.arange(n),
            "date": pd.date_range("2025-01-01", periods=n),
            "dup": [None if i % 3 else "x" for i in range(n)],
        },
        index=np.arange(n) * 2,
    )
    keep = {
        "all": np.ones(n, bool),
        "none": np.zeros(n, bool),
        "first": np.arange(n) > 0,
        "last": np.arange(n) < n - 1,
        "alternate": np.arange(n) % 2 == 0,
        "random": rng.random(n) < 0.7,
    }[pattern]
    kept = _kept_rows(frame, keep)
    pd.testing.assert_frame_equal(kept, frame[keep].reset_index(drop=True))

    def data_buffers(series):  # the addresses of the Arrow buffers holding the characters
        return {chunk.buffers()[2].address for chunk in series.array.__arrow_array__().chunks if len(chunk)}

    assert data_buffers(kept["text"]) <= data_buffers(frame["text"])
    if 0 < keep.sum() < n:  # what the check catches: a filter copies the characters
        assert not data_buffers(frame[keep]["text"]) & data_buffers(frame["text"])


def test_the_audit_stays_on_disk_until_it_is_used(tmp_path, fixture_corpus):
    corpus, meta = fixture_corpus
    options = {"metadata": meta, "cache_dir": tmp_path / "c", "jobs": 1, "progress": False}
    expected = _quiet(ct.read_corpus, corpus, metadata=meta).audit
    for processed in (_quiet(read_processed, corpus, **options), _quiet(read_processed, corpus, **options)):
        assert callable(processed.loaded.__dict__["_audit"])  # built, then read from the snapshot: not read yet
        pd.testing.assert_frame_equal(processed.audit, expected)
        assert processed.loaded.__dict__["_audit"] is processed.audit  # read once, then kept


def test_an_audit_whose_cache_was_removed_says_to_read_the_corpus_again(tmp_path, fixture_corpus):
    import shutil

    corpus, meta = fixture_corpus
    options = {"metadata": meta, "cache_dir": tmp_path / "c", "jobs": 1, "progress": False}
    processed = _quiet(read_processed, corpus, **options)
    shutil.rmtree(tmp_path / "c" / f"v{ct.process.keys.CACHE_VERSION}" / "audit")
    with pytest.raises(RuntimeError, match="cleaning audit is missing.*read the corpus again"):
        _ = processed.audit
    again = _quiet(read_processed, corpus, **options)  # the snapshot lists the audit: it is cleaned again
    pd.testing.assert_frame_equal(again.audit, _quiet(ct.read_corpus, corpus, metadata=meta).audit)
