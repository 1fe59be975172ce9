"""Quoted voices: attributions ("X said", "said X", "according to X") and quotations found by
regular expressions (no model), the speaker matched to an actor list (:func:`match_quotes`),
and whose voice each group carries (:func:`count_quotes`).

>>> sents = pd.DataFrame({"doc_id": ["a"], "sent_id": [0], "start": [0], "text": ["Macron said yes."]})
>>> count_quotes(match_quotes(sents))[["group", "actor", "n_quotes"]].values.tolist()
[['a', 'France', 1]]
"""

from __future__ import annotations

import re
from pathlib import Path

import numpy as np
import pandas as pd
import pyarrow as pa
import pyarrow.compute as pc

from corpus_tools.dictionaries import Dictionary, match_actors
from corpus_tools.framing.articles import _iterate_values
from corpus_tools.groups import attach_groups

__all__ = ["SPEECH_VERBS", "SPEAKER_NOUNS", "ATTRIBUTION_PATTERNS", "match_quotes", "count_quotes"]

#: Verbs that attribute speech ("X said", "said X").
SPEECH_VERBS = (
    "said says say stated told tells added adds warned warns noted notes argued argues insisted insists "
    "claimed claims announced announces declared declares explained explains emphasized emphasised emphasizes "
    "emphasises stressed stresses wrote writes asked asks replied replies acknowledged acknowledges confirmed "
    "confirms suggested suggests urged urges cautioned cautions remarked commented posted tweeted "
    "predicted predicts conceded concedes underlined underscored reiterated affirmed"
).split()
#: Nouns that end a described speaker ("a Downing Street spokesperson", "Western officials").
SPEAKER_NOUNS = (
    "spokesperson spokesman spokeswoman spokespeople official officials minister ministers president source "
    "sources diplomat diplomats analyst analysts expert experts envoy envoys aide aides adviser advisers advisor "
    "advisors leader leaders chancellor secretary ministry government office commander commanders general "
    "ambassador statement report researchers observers negotiators representative representatives"
).split()
_NAME = r"[A-Z](?:[\w'’\-]|\.(?=\w))*"
_NAMED = rf"{_NAME}(?:\s+(?:(?:of|the|for|de|von|der|al)\s+)?{_NAME})*"
_DETERMINER = r"(?:[Tt]he|[Aa]n?|[Oo]ne|[Tt]wo|[Ss]everal|[Ss]ome|[Ss]enior|[Ww]estern)"
_DESCRIBED = rf"{_DETERMINER}\s+(?:[\w'’\-]+\s+){{0,4}}?(?:{'|'.join(SPEAKER_NOUNS)})\b"
_PRONOUN = r"\b(?:[Hh]e|[Ss]he|[Tt]hey|[Ww]e|I)\b"
_SPEAKER = rf"(?P<speaker>{_DESCRIBED}|{_NAMED}|{_PRONOUN})"
_VERB = rf"(?P<cue>{'|'.join(SPEECH_VERBS)})\b"
ATTRIBUTION_PATTERNS = {
    "speaker_verb": re.compile(
        rf"{_SPEAKER}(?:\s*,[^,]{{1,80}},)?\s+(?:also\s+|later\s+|previously\s+|has\s+|have\s+|had\s+)?{_VERB}"
    ),
    "verb_speaker": re.compile(rf"[,\"”]\s*{_VERB}\s+{_SPEAKER}"),
    "according_to": re.compile(rf"(?P<cue>[Aa]ccording to)\s+{_SPEAKER}"),
}
_QUOTE_RE = re.compile(r"[\"“]([^\"“”]+)[\"”]")
_PRONOUN_RE = re.compile(rf"^{_PRONOUN}$")


def _attributions(text: str) -> list[tuple[str, str, int, int]]:
    """``(cue, speaker, start, end)`` of each attribution in a sentence, earliest first, no overlaps."""
    found = []
    for pattern in ATTRIBUTION_PATTERNS.values():
        for m in pattern.finditer(text):
            found.append((m.start("speaker"), m.end("speaker"), m.group("cue"), m.group("speaker")))
    kept: list[tuple] = []
    for start, end, cue, speaker in sorted(found, key=lambda f: (f[0], -(f[1] - f[0]))):
        if not any(start < e and s < end for s, e, _, _ in kept):
            kept.append((start, end, cue, speaker))
    return [(cue.lower(), speaker, s, e) for s, e, cue, speaker in kept]


def match_quotes(
    sentences: pd.DataFrame,
    *,
    actors: str | Path | Dictionary = "ukraine_security",
    min_quote_words: int = 4,
    pronoun_window: int = 3,
) -> pd.DataFrame:
    """Quotations and attributed speakers, found with regular expressions (no model).

    A sentence yields one row per attribution ("X said", "said X", "according to X"), with
    ``kind="direct"`` when it also holds a quotation of at least ``min_quote_words`` words
    (shorter quoted strings are scare quotes, "security guarantees", and ignored), else
    ``"indirect"``; a quotation without an attribution in its sentence gives a row with
    ``kind="direct"`` and an empty speaker. The speaker's span is matched against the actor
    list; "he"/"she" take the actor of the last named speaker of the document within
    ``pronoun_window`` sentences (named in ``resolved_from``; 0 switches this off), other
    pronouns give ``actor="(pronoun)"``, unknown speakers ``"(other)"``. The end of a quotation
    begun in an earlier sentence counts as a quotation.

    Returns:
        ``doc_id, sent_id, kind, cue, speaker, speaker_start, speaker_end, actor,
        resolved_from, quote, quote_start, quote_end``; offsets index into the document text
        (-1 when absent).

    >>> sents = pd.DataFrame({"doc_id": ["a"], "sent_id": [0], "start": [0],
    ...     "text": ['"We will not accept foreign troops," Putin said.']})
    >>> match_quotes(sents)[["kind", "cue", "speaker", "actor"]].values.tolist()
    [['direct', 'said', 'Putin', 'Russia']]
    """
    candidates = sentences[_may_quote(sentences["text"])]  # the others have no quotation mark or cue
    codes, texts = pd.factorize(candidates["text"])  # each distinct sentence text is searched once
    found = [_match_sentence(text, min_quote_words) for text in texts.tolist()]
    table = _expand_sentence_rows(candidates, codes, found)
    if table.empty:
        table.insert(7, "actor", [])
    else:  # each distinct speaker matched once
        speaker_codes, speakers = pd.factorize(table["speaker"].to_numpy(dtype=object))
        actors_of = np.array(_speaker_actors(pd.DataFrame({"speaker": speakers}), actors), dtype=object)
        table.insert(7, "actor", actors_of[speaker_codes].tolist())
    table.insert(8, "resolved_from", "")
    return _resolve_pronouns(table, window=pronoun_window) if pronoun_window else table


_COLUMNS = [
    "doc_id",
    "sent_id",
    "kind",
    "cue",
    "speaker",
    "speaker_start",
    "speaker_end",
    "quote",
    "quote_start",
    "quote_end",
]


def _match_sentence(text: str, min_quote_words: int) -> list[tuple]:
    """The rows one sentence text gives (``kind, cue, speaker, speaker_start, speaker_end, quote,
    quote_start, quote_end``, offsets in the sentence, -1 when absent)."""
    quote = _find_quote(text, min_quote_words)
    q = (text[quote[0] : quote[1]], quote[0], quote[1]) if quote else ("", -1, -1)
    found = _attributions(text)
    rows = [("direct" if quote else "indirect", cue, speaker, s, e, *q) for cue, speaker, s, e in found]
    if quote and not found:
        rows.append(("direct", "", "", -1, -1, *q))
    return rows


def _expand_sentence_rows(candidates: pd.DataFrame, codes: np.ndarray, found: list[list[tuple]]) -> pd.DataFrame:
    """The rows of every sentence: those of its text (``found[codes[i]]``), in sentence order,
    with the sentence's ``doc_id`` and ``sent_id`` and offsets moved to the document's."""
    n_found = np.array([len(rows) for rows in found], dtype=np.int64)
    per_sentence = n_found[codes] if len(codes) else np.zeros(0, dtype=np.int64)
    if not per_sentence.sum():
        return pd.DataFrame([], columns=_COLUMNS)
    sentence = np.repeat(np.arange(len(codes)), per_sentence)  # the sentence of each row
    first = np.cumsum(n_found) - n_found  # the first row of each text
    rank = np.arange(len(sentence)) - np.repeat(np.cumsum(per_sentence) - per_sentence, per_sentence)
    local = list(zip(*(row for rows in found for row in rows)))
    take = first[codes][sentence] + rank  # the text's row each row copies
    offset = candidates["start"].to_numpy(dtype=np.int64)[sentence]

    def column(k: int) -> list:
        return np.array(local[k], dtype=object)[take].tolist()

    def moved(k: int) -> np.ndarray:
        at = np.array(local[k], dtype=np.int64)[take]
        return np.where(at >= 0, offset + at, -1)

    values = {
        "doc_id": np.array(list(_iterate_values(candidates["doc_id"])), dtype=object)[sentence].tolist(),
        "sent_id": np.array(list(_iterate_values(candidates["sent_id"])), dtype=object)[sentence].tolist(),
        "kind": column(0),
        "cue": column(1),
        "speaker": column(2),
        "speaker_start": moved(3),
        "speaker_end": moved(4),
        "quote": column(5),
        "quote_start": moved(6),
        "quote_end": moved(7),
    }
    return pd.DataFrame(values, columns=_COLUMNS)


#: What every attribution or quotation holds: a quotation mark, "according to" or a speech verb.
_CUE_RE = re.compile(rf"[\"“”]|[Aa]ccording to|(?:{'|'.join(SPEECH_VERBS)})\b")


def _may_quote(texts: pd.Series) -> np.ndarray:
    """Which texts can hold an attribution or a quotation (one compiled alternation): the
    patterns of :data:`ATTRIBUTION_PATTERNS` and quotations are looked for in these only."""
    values = pa.array(texts, from_pandas=True)  # a column of Arrow strings: not copied
    if not (pa.types.is_string(values.type) or pa.types.is_large_string(values.type)):  # no string (all missing)
        values = pa.array(texts.to_numpy(dtype=object, na_value=None), type=pa.large_string(), from_pandas=True)
    # RE2 in one call: its \b (ASCII) holds wherever Python's (Unicode) does, so no text is missed
    return np.asarray(pc.fill_null(pc.match_substring_regex(values, _CUE_RE.pattern), False), dtype=bool)


def _find_quote(text: str, min_words: int) -> tuple[int, int] | None:
    """Span of the first quotation of at least ``min_words`` words in a sentence, or of the
    end of a quotation begun in an earlier sentence (``We will act," she said.``)."""
    for m in _QUOTE_RE.finditer(text):
        if len(m.group(1).split()) >= min_words:
            return m.start(1), m.end(1)
    marks = [m.start() for m in re.finditer(r"[\"“”]", text)]
    if len(marks) % 2 == 1 and text[marks[0]] != "“" and text[: marks[0]].rstrip().endswith((",", ".", "!", "?")):
        if len(text[: marks[0]].split()) >= min_words:
            return 0, marks[0]
    return None


def _resolve_pronouns(table: pd.DataFrame, *, window: int) -> pd.DataFrame:
    """Give "he"/"she" speakers the actor of the last named speaker of the same document, if
    that speaker was attributed at most ``window`` sentences before (each row's last named row
    carried forward within its document)."""
    actor, speaker = table["actor"], table["speaker"]
    if table.empty:
        return table.assign(actor=[], resolved_from=[])
    named = ~actor.str.startswith("(").to_numpy(dtype=bool)
    last = pd.Series(np.where(named, np.arange(len(table)), np.nan))
    last = last.groupby(table["doc_id"].to_numpy(), dropna=False).ffill().fillna(-1).to_numpy(dtype=np.int64)
    sent_ids = table["sent_id"].to_numpy()
    gap = sent_ids - sent_ids[last]
    pronoun = actor.eq("(pronoun)").to_numpy(dtype=bool) & speaker.str.lower().isin(["he", "she"]).to_numpy(dtype=bool)
    resolved = np.flatnonzero(pronoun & (last >= 0) & (gap >= 0) & (gap <= window))
    actors, sources = table["actor"].tolist(), table["resolved_from"].tolist()
    for i in resolved:
        actors[i], sources[i] = actors[last[i]], speaker.iat[last[i]]
    return table.assign(actor=actors, resolved_from=sources)


def _speaker_actors(quotes: pd.DataFrame, actors) -> list[str]:
    if quotes.empty:
        return []
    spans = pd.DataFrame({"doc_id": range(len(quotes)), "sent_id": 0, "start": 0, "text": quotes["speaker"].tolist()})
    found = match_actors(spans, actors).groupby("doc_id")["category"].agg(lambda c: "; ".join(dict.fromkeys(c)))
    out = []
    for i, speaker in enumerate(quotes["speaker"]):
        if i in found.index:
            out.append(found[i])
        elif _PRONOUN_RE.match(speaker):
            out.append("(pronoun)")
        else:
            out.append("(other)" if speaker else "(unattributed)")
    return out


def count_quotes(quotes: pd.DataFrame, *, by: str = "doc_id", corpus: pd.DataFrame | None = None) -> pd.DataFrame:
    """Whose voice each group carries: attributions per group and actor.

    Args:
        quotes: :func:`match_quotes` output.
        by, corpus: the grouping column, joined from ``corpus`` if the quotes lack it; a
            document without a value is in the group ``"(missing)"``.

    Returns:
        ``group, actor, n_quotes, n_direct, n_documents, share``: rows of :func:`match_quotes`,
        those with a direct quotation, documents they come from, and the actor's share of the
        group's attributions.
    """
    quotes = attach_groups(quotes, by, documents=corpus)
    table = (
        quotes.assign(direct=quotes["kind"].eq("direct"))
        .groupby(["group", "actor"])
        .agg(n_quotes=("kind", "size"), n_direct=("direct", "sum"), n_documents=("doc_id", "nunique"))
        .reset_index()
    )
    table["share"] = table["n_quotes"] / table.groupby("group")["n_quotes"].transform("sum")
    table = table.astype({"n_direct": "int64"})
    return table.sort_values(["group", "n_quotes"], ascending=[True, False], ignore_index=True)
