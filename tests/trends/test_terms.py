import numpy as np
import pandas as pd
import pytest

from corpus_tools import trends


def test_chosen_terms_per_week_are_counted_exactly(dated):
    out = trends.count_term_periods(dated, ["ceasefire", "tariff*", "ceasefire proposal"], period="week")
    cease = out[out["term"] == "ceasefire"].reset_index(drop=True)
    per_week = [5 if w % 2 == 0 else 2 for w in range(12)]  # articles per week (both outlets)
    assert cease["count"].tolist() == [w * n for w, n in zip(range(12), per_week)]
    assert cease["articles"].tolist() == [0] + per_week[1:]
    tariff = out[out["term"] == "tariff*"]
    assert (tariff["count"] > 0).tolist() == [False] * 6 + [True] * 6
    phrase = out[out["term"] == "ceasefire proposal"]
    assert phrase["count"].tolist() == cease["count"].tolist()
    week = out[(out["term"] == "ceasefire")].iloc[3]
    assert week["per_10k"] == pytest.approx(week["count"] / week["words"] * 10_000)


def test_rising_and_falling_terms_come_from_an_article_level_trend_test(dated):
    out = trends.summarize_term_trends(dated, top_n=10, min_articles=3)
    rising = out[out["direction"] == "rising"]["term"].tolist()
    falling = out[out["direction"] == "falling"]["term"].tolist()
    assert "ceasefire" in rising[:2] and "tariff" in rising
    assert "blockade" in falling  # (the filler words fall too: their share shrinks as articles grow)
    row = out[out["term"] == "blockade"].iloc[0]
    assert row["early_per_10k"] > 0 and row["late_per_10k"] == 0
    assert out.attrs["tested"] >= 5
    assert (out["p_adjusted"] >= out["p"]).all()


def test_the_trend_statistic_matches_scipy(dated):
    from scipy import stats as sps

    from corpus_tools.tokens import tokenize

    out = trends.summarize_term_trends(dated, top_n=50, min_articles=3)
    docs = dated.sort_values("date", kind="stable")
    rate = [
        sum(w == "ceasefire" for w, _, _ in tokenize(t, lowercase=True)) / len(tokenize(t)) * 10_000
        for t in docs["text"]
    ]
    expected = sps.spearmanr(docs["date"].astype("int64"), rate)
    row = out[out["term"] == "ceasefire"].iloc[0]
    assert row["rho"] == pytest.approx(expected.statistic) and row["p"] == pytest.approx(expected.pvalue)


def test_too_few_dated_articles_give_an_empty_table():
    docs = pd.DataFrame(
        {
            "doc_id": ["a", "b"],
            "date": pd.to_datetime(["2025-01-01", "2025-02-01"]),
            "text": ["peace now", "peace later"],
        }
    )
    assert trends.summarize_term_trends(docs).empty


def test_a_term_without_words_is_refused(dated):
    with pytest.raises(ValueError, match="no word"):
        trends.count_term_periods(dated, ["--"])


# ---------------------------------------------------------------- the previous implementations


def _summarize_term_trends_before(documents, top_n=15, min_articles=5, max_terms=1000, stopwords="english"):
    """The previous implementation: a Counter per article, a dense rate matrix, scipy per term."""
    from collections import Counter

    import numpy as np
    from scipy import stats as sps

    from corpus_tools.shipped import read_stopwords
    from corpus_tools.stats import adjust_p
    from corpus_tools.tokens import tokenize
    from corpus_tools.trends.periods import label_periods

    dated = label_periods(documents, period="day", warn=False).sort_values("date", kind="stable")
    columns = ["term", "direction", "rho", "p", "p_adjusted", "articles", "early_per_10k", "late_per_10k"]
    stop = {w.lower() for w in (read_stopwords(stopwords) if isinstance(stopwords, str) else stopwords or ())}
    bags = [Counter(w for w, _, _ in tokenize(t, lowercase=True)) for t in dated["text"]]
    doc_freq = Counter(w for bag in bags for w in bag if w not in stop and not w.isdigit())
    vocab = [w for w, n in doc_freq.most_common(max_terms) if n >= min_articles]
    if len(dated) < 4 or not vocab or dated["date"].nunique() < 2:
        return pd.DataFrame(columns=columns)
    lengths = np.array([max(sum(bag.values()), 1) for bag in bags], dtype=float)
    rates = np.array([[bag.get(w, 0) for w in vocab] for bag in bags], dtype=float) / lengths[:, None] * 10_000
    when = dated["date"].to_numpy(dtype="datetime64[ns]").astype(np.int64)
    rho, p = np.empty(len(vocab)), np.empty(len(vocab))
    for j in range(len(vocab)):
        result = sps.spearmanr(when, rates[:, j])
        rho[j], p[j] = result.statistic, result.pvalue
    half = len(dated) // 2
    table = pd.DataFrame(
        {
            "term": vocab,
            "rho": rho,
            "p": p,
            "p_adjusted": adjust_p(np.nan_to_num(p, nan=1.0), "holm"),
            "articles": [doc_freq[w] for w in vocab],
            "early_per_10k": rates[:half].mean(axis=0),
            "late_per_10k": rates[half:].mean(axis=0),
        }
    )
    table["direction"] = np.where(table["rho"] > 0, "rising", "falling")
    rising = table[table["rho"] > 0].sort_values(["rho", "term"], ascending=[False, True]).head(top_n)
    falling = table[table["rho"] < 0].sort_values(["rho", "term"]).head(top_n)
    return pd.concat([rising, falling], ignore_index=True)[columns]


def _term_corpora(dated, generated_corpus, seeds_corpus):
    seeds = seeds_corpus.assign(date=pd.Timestamp("2025-01-01") + pd.to_timedelta(range(len(seeds_corpus)), unit="D"))
    tied = dated.assign(date=dated["date"].dt.to_period("M").dt.start_time)  # many articles share a date
    return {"dated": dated, "generated": generated_corpus[0], "seeds": seeds, "tied": tied}


@pytest.mark.parametrize("source", ["dated", "generated", "seeds", "tied"])
@pytest.mark.parametrize(("min_articles", "max_terms", "chunk"), [(3, 1000, 1_000_000), (1, 40, 7), (2, 5, 500)])
def test_summarize_term_trends_equals_the_previous_implementation(
    source, min_articles, max_terms, chunk, dated, generated_corpus, seeds_corpus, monkeypatch
):
    monkeypatch.setattr("corpus_tools.trends.terms._CHUNK_WORDS", chunk)  # words numbered a chunk at a time
    docs = _term_corpora(dated, generated_corpus, seeds_corpus)[source]
    new = trends.summarize_term_trends(docs, top_n=500, min_articles=min_articles, max_terms=max_terms)
    old = _summarize_term_trends_before(docs, top_n=500, min_articles=min_articles, max_terms=max_terms)
    # the same terms in the same order and the same counts; the statistics to rounding (a sum of
    # ranks over the articles with the term instead of a correlation matrix of every article)
    pd.testing.assert_frame_equal(new, old, check_exact=False, rtol=1e-9, atol=1e-12)
    assert new[["term", "direction", "articles"]].equals(old[["term", "direction", "articles"]])
    assert len(new) > 0


MATCH_TERMS = [
    ["ceasefire"],
    ["tariff*", "ceasefire proposal"],
    ["*fire", "block?de", "Blockade"],
    ["[bc]lockade", "peace"],
    ["zoë", "straße*"],
    ["Officials", "at the summit", "the"],
    ["talks peace", "peace talks", "talks talks"],  # phrases within a sentence, overlapping starts
    ["nothingmatcheshere"],
    ["plain*", "plain"],  # ignoring case, "i" also matches "İ" and "ı"
]


@pytest.mark.parametrize("terms", MATCH_TERMS)
@pytest.mark.parametrize("source", ["dated", "generated", "seeds"])
def test_match_term_documents_equals_matching_every_document(source, terms, dated, generated_corpus, seeds_corpus):
    from corpus_tools.keywords import match_kwic

    docs = _term_corpora(dated, generated_corpus, seeds_corpus)[source]
    docs = pd.concat(
        [
            docs,
            pd.DataFrame(
                {
                    "doc_id": ["zz", "zy", "zz"],  # a doc_id twice: counted together
                    "text": [
                        "Zoë and STRASSE, the ſtraße",
                        None,
                        "Peace talks. Talks peace; talks talks talks peace talks",
                    ],
                }
            ),
        ]
    )
    new = trends.match_term_documents(docs, terms)
    lines = match_kwic(docs, terms, window=0)
    old = lines.groupby(["doc_id", "pattern"], sort=False).size().rename("count").reset_index()
    pd.testing.assert_frame_equal(new, old.rename(columns={"pattern": "term"})[["doc_id", "term", "count"]])


@pytest.mark.parametrize(
    ("term", "cue"),
    [("ceasefire", "ceasefire"), ("tariff*", "tariff"), ("*fire", "fire"), ("a?c*def", "def"), ("zoë", None),
     ("zo*ë", "zo"), ("[bc]at", None), ("*", None), ("peace talks", "peace")],
)  # fmt: skip
def test_term_cues_are_fixed_parts_of_the_first_word(term, cue):
    import re

    from corpus_tools.trends.terms import _term_cue

    assert _term_cue(term) == (re.escape(cue) if cue else None)


# ---------------------------------------------------------------- word-bounded cues, faster tokens

TRICKY_TEXTS = [
    "5plan U.S.plan e.g.plan 中plan x-plan x'plan _plan",  # a token can begin after these
    "xplan plan5 plan_ plans planning ſplan planſ",  # not after a letter, not before a word character
    "PLAN, Plan; plan’s plan-b plan.",
    "PLAN, Plan; plan's plan-b plan. The peace, Kelvin!",
    "İPLAN ıplan İstanbul ISTANBUL ıstanbul",  # "i" ignoring case also matches "İ" and "ı"
    "e\u0301plan caf\u00e9 café — £5m • “plan” ‘plan’ plan\u00a0plan",
    "Peace talks. Talks peace; talks talks talks peace talks",
    "ΣΊΣΥΦΟΣ σίσυφος Zoë STRASSE straße ſtraße Kelvin \u212aelvin",
    "",
]
TRICKY_TERMS = [
    ["plan"],
    ["plan*", "*plan"],
    ["pl?n", "p*n"],
    ["istanbul", "İstanbul*"],
    ["kelvin", "straße*", "zoë"],
    ["talks peace", "peace talks", "plan plan"],
    ["σίσυφος"],
    ["Plan", "plan", "PLAN", "kelvin", "zoë", "istanbul", "the", "Peace"],  # words only
]


def _match_term_documents_before(documents, terms):
    """The previous implementation: the texts holding a term's fixed part anywhere, tokenised as they are."""
    from collections import Counter

    import numpy as np

    from corpus_tools.tokens import TOKEN_RE, _token_re
    from corpus_tools.trends.terms import _check_terms, _count_phrase, _form_test, _iterate_texts, _term_cue

    def may_match(texts, terms):
        import re

        cues = [_term_cue(t) for t in terms]
        if not cues or None in cues:
            return np.ones(len(texts), dtype=bool)
        search = re.compile("|".join(sorted(set(cues), key=len, reverse=True)), re.IGNORECASE).search
        return np.array([isinstance(t, str) and search(t) is not None for t in texts], dtype=bool)

    terms = list(dict.fromkeys(_check_terms(terms)))
    words = [t.split() for t in terms]
    tests = {w: _form_test(w) for term in words for w in term}
    doc_ids = documents["doc_id"].tolist()
    counts = {}
    single = [t for t, term in enumerate(words) if len(term) == 1]
    phrases = [t for t, term in enumerate(words) if len(term) > 1]
    candidates = np.flatnonzero(may_match(documents["text"], terms))
    for i, text in zip(candidates, _iterate_texts(documents["text"].iloc[candidates])):
        tokens, phrase_start = None, False
        for form, n in Counter(_token_re(text).findall(text)).items():
            for t in single:
                if tests[words[t][0]](form):
                    counts[t, i] = counts.get((t, i), 0) + n
            phrase_start |= any(tests[words[t][0]](form) for t in phrases)
        for t in phrases if phrase_start else ():
            tokens = list(TOKEN_RE.finditer(text)) if tokens is None else tokens
            found = _count_phrase(text, tokens, words[t], lambda w, f: tests[w](f))
            if found:
                counts[t, i] = found
    rows = [(doc_ids[i], terms[t], n) for (t, i), n in sorted(counts.items())]
    table = pd.DataFrame(rows, columns=["doc_id", "term", "count"]).astype({"count": "int64"})
    return table.groupby(["doc_id", "term"], sort=False)["count"].sum().reset_index()


def _count_tokens_before(texts):
    """The previous implementation: each token lower-cased, the words numbered with pandas a chunk at a time."""
    from collections import Counter

    import numpy as np

    from corpus_tools.tokens import _token_re

    index, ids, numbers, n_tokens, n_words = {}, [], [], [], []
    for text in texts:
        bag = Counter(map(str.lower, _token_re(text).findall(text)))
        codes, found = pd.factorize(np.array(list(bag), dtype=object))
        ids.append(np.array([index.setdefault(w, len(index)) for w in found], dtype=np.int64)[codes])
        numbers.append(np.array(list(bag.values()), dtype=float))
        n_tokens.append(sum(bag.values()))
        n_words.append(len(bag))
    lengths = (np.array(n_tokens, dtype=float), np.array(n_words, dtype=np.int64))
    return np.concatenate(ids), np.concatenate(numbers), lengths, list(index)


@pytest.mark.parametrize("terms", TRICKY_TERMS + MATCH_TERMS)
def test_match_term_documents_equals_the_previous_implementation(terms, generated_corpus, seeds_corpus):
    tricky = pd.DataFrame({"doc_id": [f"t{i}" for i in range(len(TRICKY_TEXTS))], "text": TRICKY_TEXTS})
    docs = pd.concat([tricky, generated_corpus[0][["doc_id", "text"]], seeds_corpus[["doc_id", "text"]]])
    new = trends.match_term_documents(docs, terms)
    pd.testing.assert_frame_equal(new, _match_term_documents_before(docs, terms))


def test_bounded_cues_keep_every_text_a_term_matches():
    from corpus_tools.trends.terms import _may_match

    texts = pd.Series(TRICKY_TEXTS)
    for terms in TRICKY_TERMS:
        matched = set(
            trends.match_term_documents(pd.DataFrame({"doc_id": range(len(texts)), "text": texts}), terms)["doc_id"]
        )
        kept = set(np.flatnonzero(_may_match(texts, terms)))
        assert matched <= kept, terms
    assert _may_match(pd.Series(["xplan plans", "5plan"]), ["plan"]).tolist() == [False, True]


@pytest.mark.parametrize("chunk", [1_000_000, 5])
def test_count_tokens_equals_the_previous_implementation(chunk, generated_corpus, seeds_corpus, monkeypatch):
    from corpus_tools.trends.terms import _count_tokens

    monkeypatch.setattr("corpus_tools.trends.terms._CHUNK_WORDS", chunk)
    texts = [*TRICKY_TEXTS, *generated_corpus[0]["text"], *seeds_corpus["text"], *TRICKY_TEXTS]
    new, old = _count_tokens(texts), _count_tokens_before(texts)
    for a, b in [(new[0], old[0]), (new[1], old[1]), *zip(new[2], old[2])]:
        np.testing.assert_array_equal(a, b)
    assert new[3] == old[3] and "σίσυφος" in new[3] and "i̇plan" in new[3]
