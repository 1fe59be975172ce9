"""A corpus whose titles and texts carry markup and dollar signs: every report is written, and no
markup from the corpus becomes active in any HTML file the study writes."""

from __future__ import annotations

import shutil
from html.parser import HTMLParser

from corpus_tools.config import NOTEBOOKS_DIR, SEEDS_DIR
from corpus_tools.runner.run import run_study
from corpus_tools.runner.study import Study, list_notebooks

TITLE = "<script>alert(1)</script> Aid: $5bn, or 2% of GDP <img src=x onerror=alert(1)>"
SENTENCE = (
    "Officials said <script>alert(1)</script> the aid of $5bn_x_ or 2% ^ $2bn <img src=x onerror=alert(1)> helps."
)


class _ActiveMarkup(HTMLParser):
    """Collects script contents, img sources and on* attributes that carry the corpus payload."""

    def __init__(self):
        super().__init__()
        self.found: list[str] = []
        self._in_script = False

    def handle_starttag(self, tag, attrs):
        self._in_script = tag == "script"
        for name, value in attrs:
            if name.startswith("on") and "alert(1)" in (value or ""):
                self.found.append(f"<{tag} {name}={value}>")
            if tag == "img" and name == "src" and value == "x":
                self.found.append("<img src=x>")

    def handle_endtag(self, tag):
        self._in_script = False if tag == "script" else self._in_script

    def handle_data(self, data):
        if self._in_script and "alert(1)" in data:
            self.found.append(f"<script>{data[:60]}")


def test_the_seeds_study_on_a_hostile_corpus_writes_safe_reports(tmp_path):
    corpus = tmp_path / "hostile"
    shutil.copytree(SEEDS_DIR, corpus, ignore=shutil.ignore_patterns("*.csv", "*.md"))
    for path in sorted(corpus.glob("*.txt")):
        text = path.read_text(encoding="utf-8")
        path.write_text(f"{TITLE}\n\n{text}\n\n{SENTENCE}\n", encoding="utf-8")
    result = run_study(Study(name="hostile", corpus=corpus), out=tmp_path / "out", jobs=2, progress=False)
    assert result.ok and sorted(result.ran) == sorted(list_notebooks(NOTEBOOKS_DIR))
    pages = sorted((tmp_path / "out").rglob("*.html"))
    assert len(pages) >= len(result.ran)
    for page in pages:
        parser = _ActiveMarkup()
        parser.feed(page.read_text(encoding="utf-8"))
        assert parser.found == [], f"{page.name}: {parser.found[:3]}"
    assert any("alert(1)" in p.read_text(encoding="utf-8") for p in pages)  # the text is shown, escaped
