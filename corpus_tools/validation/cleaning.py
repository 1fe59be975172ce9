"""Validation of the cleaner on third-party pages: conservative on edited articles, and
what it removes from real scraped pages.

(a) **BBC News** (``bbc/raw``, 2,225 professionally edited articles; line 1 is the headline,
    then the body). The whole folder is cleaned as one corpus, as ``load_corpus`` would.
    Every body line (with at least one letter or digit) must come through, and the headline
    must become ``title``. Targets: at least :data:`BBC_MIN_FULLY_KEPT` of the distinct
    articles keep every body line, and at least :data:`BBC_MIN_TITLE` get their headline as
    title. Lost lines are listed with the rule that removed them.
(b) **Raw scraped pages** (``ukraine_news/ukraine_raw_pages.jsonl``: the ``## Content`` part
    of 21 pages, chrome included). No clean reference exists for them, so the report gives
    kept/removed line counts per page and by rule, plus two independent checks: the
    long prose lines of each page (:func:`is_prose`, a criterion that does not use the
    cleaner) should be kept, and the search engine's snippet of the page, when it occurs in
    the raw page, should occur in the clean text. Target: at least :data:`PAGES_MIN_PROSE_KEPT`
    of the prose lines kept. Also reported: the chrome removed (removed lines that are not
    prose by that criterion) and the titles that match the search engine's title of the page.
(c) **Filtered pages** (``ukraine_news/crawl4ai_filtered``: other pages, already stripped by a
    different tool, some chrome left). Informational: share of lines and of prose lines kept.

Run: ``make validate`` or ``python -m corpus_tools.runner.validate --only cleaning``.
"""

from __future__ import annotations

import json
import re
from collections import Counter
from pathlib import Path

import pandas as pd
from tqdm import tqdm

from corpus_tools.clean import CleanResult, clean_text, list_repeated_lines, normalize_line
from corpus_tools.io import read_text_file
from corpus_tools.segment import read_stopwords
from corpus_tools.tokens import count_words

#: Share of distinct BBC articles that must keep every body line.
BBC_MIN_FULLY_KEPT = 0.995
#: Share of distinct BBC articles whose headline must become the title.
BBC_MIN_TITLE = 0.995
#: Share of the prose lines of the raw scraped pages that must be kept.
PAGES_MIN_PROSE_KEPT = 0.95

_HAS_TEXT_RE = re.compile(r"[^\W_]")
_STOPWORDS = read_stopwords()


def is_prose(line: str) -> bool:
    """A line that is article prose by a criterion independent of the cleaner: at least 15
    words, ending like a sentence, at least 30% stop words, no link markup.

    >>> is_prose("The ministers said on Monday that they would meet again in Paris at the end of the month.")
    True
    >>> is_prose("Subscribe | Sign in | Newsletters")
    False
    """
    words = re.findall(r"[^\W\d_][\w'-]*", line)
    return (
        len(words) >= 15
        and bool(re.search(r"[.!?][\"')\]]*\s*$", line.strip()))
        and sum(w.lower() in _STOPWORDS for w in words) / len(words) >= 0.3
        and "](" not in line
        and "http" not in line
    )


def _clean_all(raws: list[str], desc: str, *, titles: list[str] | None = None) -> list[CleanResult]:
    """Clean the documents as one corpus (cross-document repeats computed over all of them)."""
    repeated = list_repeated_lines(raws)
    titles = titles or [None] * len(raws)
    return [
        clean_text(raw, repeated_keys=repeated, title=title)
        for raw, title in tqdm(list(zip(raws, titles)), desc=desc, unit="doc", leave=False)
    ]


def _kept_lines(result: CleanResult) -> Counter[str]:
    return Counter(line for line in result.text.splitlines() if line.strip())


def _removed_by(result: CleanResult) -> dict[str, str]:
    """Normalised text of each removed line -> the rule that removed it."""
    return {
        normalize_line(e.original.rstrip("\r\n")): e.rule
        for e in result.edits
        if e.replacement == "" and e.original.strip()
    }


# --------------------------------------------------------------------------- (a) BBC


def _read_bbc(eval_dir: Path) -> pd.DataFrame:
    root = eval_dir / "bbc" / "raw"
    files = sorted(root.rglob("*.txt"))
    if not files:
        raise FileNotFoundError(f"{root}: no BBC .txt files; expected bbc/raw/<category>/<NNN>.txt under --eval")
    rows = [(f.relative_to(root).as_posix(), read_text_file(f)[0]) for f in files]
    return pd.DataFrame(rows, columns=["doc_id", "raw"])


def score_bbc(docs: pd.DataFrame, results: list[CleanResult]) -> tuple[pd.DataFrame, pd.DataFrame]:
    """Per article: body lines, lines lost, title correct; and one row per lost line."""
    per_doc, lost = [], []
    for doc_id, raw, result in zip(docs["doc_id"], docs["raw"], results):
        lines = [ln for ln in raw.splitlines() if ln.strip()]
        headline = normalize_line(lines[0]).strip()
        body = [normalize_line(ln) for ln in lines[1:] if _HAS_TEXT_RE.search(ln)]
        kept = _kept_lines(result)
        removed = _removed_by(result)
        n_lost = 0
        for line in body:
            if kept[line] > 0:
                kept[line] -= 1
                continue
            n_lost += 1
            lost.append((doc_id, removed.get(line, "altered"), line))
        per_doc.append(
            (doc_id, raw, len(body), n_lost, result.title == headline, headline, result.title, not result.text.strip())
        )
    table = pd.DataFrame(
        per_doc, columns=["doc_id", "raw", "body_lines", "lost", "title_ok", "headline", "title", "emptied"]
    )
    return table, pd.DataFrame(lost, columns=["doc_id", "rule", "line"])


def _report_bbc(table: pd.DataFrame, lost: pd.DataFrame) -> bool:
    distinct = table.drop_duplicates("raw")
    fully = (distinct["lost"] == 0).mean()
    title = distinct["title_ok"].mean()
    print(
        f"BBC: {len(table):,} articles cleaned as one corpus "
        f"({len(distinct):,} distinct texts; figures below on distinct)"
    )
    print(f"  articles with every body line kept: {fully:.2%}  (target >= {BBC_MIN_FULLY_KEPT:.1%})")
    print(f"  body lines lost: {int(distinct['lost'].sum()):,} of {int(distinct['body_lines'].sum()):,}")
    print(f"  headline taken as title: {title:.2%}  (target >= {BBC_MIN_TITLE:.1%})")
    emptied = int(distinct["emptied"].sum())
    print(f"  articles emptied by cleaning: {emptied}  (target 0)")
    lost = lost[lost["doc_id"].isin(distinct["doc_id"])]
    if len(lost):
        print("  lost lines by rule:", dict(Counter(lost["rule"]).most_common()))
        for row in lost.groupby("rule").head(3).itertuples():
            print(f"    [{row.rule}] {row.doc_id}: {row.line[:90]!r}")
    wrong = distinct[~distinct["title_ok"]]
    for row in wrong.head(5).itertuples():
        print(f"    [title] {row.doc_id}: headline {row.headline[:60]!r} -> title {row.title!r}")
    return fully >= BBC_MIN_FULLY_KEPT and title >= BBC_MIN_TITLE and emptied == 0


def score_bbc_one_line(docs: pd.DataFrame) -> pd.DataFrame:
    """Each BBC article as one line (body joined, headline given as title): per article the
    body's words, the words kept and whether it came out empty."""
    raws, titles = [], []
    for raw in docs["raw"]:
        lines = [ln.strip() for ln in raw.splitlines() if ln.strip()]
        titles.append(normalize_line(lines[0]).strip())
        raws.append(" ".join(lines[1:]) + "\n")
    results = _clean_all(raws, "BBC one line", titles=titles)
    return pd.DataFrame(
        {
            "doc_id": docs["doc_id"],
            "raw": raws,
            "words": [count_words(r) for r in raws],
            "kept_words": [count_words(r.text) for r in results],
            "emptied": [not r.text.strip() for r in results],
        }
    )


def _report_bbc_one_line(table: pd.DataFrame) -> bool:
    distinct = table.drop_duplicates("raw")
    emptied = int(distinct["emptied"].sum())
    share = distinct["kept_words"].sum() / max(1, distinct["words"].sum())
    fully = (distinct["kept_words"] >= distinct["words"]).mean()
    print(f"BBC as one line per article (title given): {len(distinct):,} distinct articles")
    print(f"  articles emptied: {emptied}  (target 0); body words kept: {share:.2%}; articles kept whole: {fully:.2%}")
    return emptied == 0


# --------------------------------------------------------------------------- (b) raw pages


def _snippet_found(snippet: str, raw: str, text: str) -> str:
    """'kept' / 'lost' when the longest piece of the search snippet occurs in the raw page,
    '-' when it does not (snippets are often the page's description, not its text)."""
    pieces = [p for p in re.split(r"\.\.\.|\u2026", snippet or "") if p.strip()]
    if not pieces:
        return "-"
    key = " ".join(re.findall(r"[^\W_]+", max(pieces, key=len).lower())[1:-1])  # end words may be cut
    if len(key.split()) < 4:
        return "-"

    def norm(s: str) -> str:
        return " ".join(re.findall(r"[^\W_]+", normalize_line(s).lower()))

    if key not in norm(raw):
        return "-"
    return "kept" if key in norm(text) else "lost"


def score_pages(pages: list[dict], results: list[CleanResult]) -> tuple[pd.DataFrame, pd.DataFrame]:
    """Per page: lines kept/removed, distinct prose lines kept (a prose line printed twice is
    not lost when one copy is kept), snippet kept; and one row per removed line."""
    per_page, removed_rows = [], []
    for page, result in zip(pages, results):
        raw = page["raw_text"]
        lines = [norm for norm in map(normalize_line, raw.splitlines()) if _HAS_TEXT_RE.search(norm)]
        kept = _kept_lines(result)
        removed = _removed_by(result)
        prose = {ln for ln in lines if is_prose(ln)}
        n_kept = sum(min(c, kept[ln]) for ln, c in Counter(lines).items())
        kept_any = {ln for ln, c in kept.items() if c > 0}
        prose_kept = len(prose & kept_any)
        chrome_removed = 0
        for ln in lines:
            if kept[ln] <= 0:
                chrome_removed += not is_prose(ln)
                removed_rows.append((page["id"], removed.get(ln, "altered"), ln, ln in prose - kept_any))
            kept[ln] -= 1
        per_page.append(
            {
                "page": page["id"][:48],
                "lines": len(lines),
                "kept": n_kept,
                "removed": len(lines) - n_kept,
                "prose": len(prose),
                "prose_kept": prose_kept,
                "chrome_removed": chrome_removed,
                "snippet": _snippet_found(page.get("search_snippet", ""), raw, result.text),
                "date": result.date.date().isoformat() if result.date is not None else "-",
                "title": (result.title or "")[:50],
                "title_ok": page.get("title") is not None
                and (result.title or "") == normalize_line(page["title"]).strip(),
                "title_match": _title_matches(result.title, page.get("search_title")),
            }
        )
    return pd.DataFrame(per_page), pd.DataFrame(removed_rows, columns=["page", "rule", "line", "prose"])


def _title_matches(title: str | None, reference: str | None) -> bool | None:
    """Whether the title found matches a reference title ("Headline | Site" contains
    "Headline"), compared on lower-case letters and digits; None without a reference.

    >>> _title_matches("Talks resume", "Talks resume | Example News"), _title_matches(None, "Talks")
    (True, False)
    """
    if not reference:
        return None
    key, ref = (" ".join(re.findall(r"[^\W_]+", normalize_line(t or "").lower())) for t in (title, reference))
    return bool(key) and (key in ref or ref in key)


def _report_pages(table: pd.DataFrame, removed: pd.DataFrame, label: str) -> float:
    with pd.option_context("display.width", 220, "display.max_colwidth", 50, "display.max_rows", 100):
        print(table.drop(columns=["title_ok", "title_match"]).to_string(index=False))
    total, kept = table["lines"].sum(), table["kept"].sum()
    prose_share = table["prose_kept"].sum() / max(1, table["prose"].sum())
    print(
        f"{label}: {len(table)} pages, {total:,} lines: "
        f"kept {kept:,} ({kept / max(1, total):.1%}), removed {total - kept:,}"
    )
    print(f"  distinct prose lines kept: {table['prose_kept'].sum():,} of {table['prose'].sum():,} ({prose_share:.1%})")
    print(f"  chrome removed (removed lines that are not prose): {int(table['chrome_removed'].sum()):,}")
    matches = table["title_match"].dropna()
    if len(matches):
        print(f"  title matching the search engine's title: {int(matches.sum())} of {len(matches)}")
    if "snippet" in table:
        snippets = table["snippet"].value_counts()
        print(
            f"  search snippet found in the raw page: {snippets.get('kept', 0) + snippets.get('lost', 0)}, "
            f"kept: {snippets.get('kept', 0)}"
        )
    if len(removed):
        print("  removed lines by rule:", dict(Counter(removed["rule"]).most_common()))
        for row in removed[removed["prose"]].drop_duplicates(["page", "line"]).head(15).itertuples():
            print(f"    removed prose? [{row.rule}] {row.page[:30]}: {row.line[:100]!r}")
    return prose_share


def _read_jsonl(path: Path) -> list[dict]:
    if not path.is_file():
        raise FileNotFoundError(
            f"{path}: not found; expected ukraine_news/ukraine_raw_pages.jsonl (one page per line) under --eval"
        )
    pages = []
    with path.open(encoding="utf-8") as fh:
        for lineno, line in enumerate(fh, 1):
            if line.strip():
                try:
                    pages.append(json.loads(line))
                except json.JSONDecodeError as err:
                    raise ValueError(
                        f"{path}:{lineno}: not valid JSON ({err.msg}); the file must hold one object per line"
                    ) from err
    return pages


def _read_filtered(folder: Path) -> list[dict]:
    """The pre-filtered pages, without their YAML front matter."""
    pages = []
    for path in sorted(folder.glob("*.md")):
        text = path.read_text(encoding="utf-8")
        body = re.sub(r"\A---\n.*?\n---\n", "", text, count=1, flags=re.DOTALL)
        title = re.search(r'\Atitle: *"?(.*?)"? *$', text.split("\n", 2)[1] if text.startswith("---") else "", re.M)
        pages.append({"id": path.stem, "raw_text": body, "title": title.group(1) if title else None})
    return pages


def run(eval_dir: Path) -> bool:
    """Print the cleaning figures; False if a target of the module docstring is missed."""
    eval_dir = Path(eval_dir)
    docs = _read_bbc(eval_dir)
    table, lost = score_bbc(docs, _clean_all(docs["raw"].tolist(), "BBC"))
    ok = _report_bbc(table, lost)
    print()
    ok = _report_bbc_one_line(score_bbc_one_line(docs)) and ok

    print()
    pages = _read_jsonl(eval_dir / "ukraine_news" / "ukraine_raw_pages.jsonl")
    page_table, removed = score_pages(pages, _clean_all([p["raw_text"] for p in pages], "raw pages"))
    prose_share = _report_pages(page_table, removed, "raw pages")
    print(f"  target: prose lines kept >= {PAGES_MIN_PROSE_KEPT:.0%}")
    ok = ok and prose_share >= PAGES_MIN_PROSE_KEPT

    filtered_dir = eval_dir / "ukraine_news" / "crawl4ai_filtered"
    if filtered_dir.is_dir():
        print()
        filtered = _read_filtered(filtered_dir)
        f_table, f_removed = score_pages(filtered, _clean_all([p["raw_text"] for p in filtered], "filtered pages"))
        _report_pages(f_table.drop(columns=["snippet"]), f_removed, "pre-filtered pages (informational)")
        print(
            f"  title equal to the front matter's title: {int(f_table['title_ok'].sum())} of {len(f_table)} "
            "(their headline is mostly not in the text: the cleaner should then return no title)"
        )
    return ok
