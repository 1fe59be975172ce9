"""The HTML reports as a reader sees them: every page of the seeds study opened in headless
Chromium (Debian's ``chromium``) over the DevTools protocol, checking that it loads without
script errors or failed requests, that every image loads, that the index links resolve and
that the "Show code" button works. A screenshot of each page is saved for a human look.

The same pages of a generated 300-article study (``tests/news_corpus.py``: invented articles,
eight outlets, long titles, file names and URLs) are measured in the browser: no figure and no
table may be wider than the page, no figure taller than a bounded height, and every "N more rows"
link must lead to its CSV.

Run with ``make test-browser`` (installs chromium if missing); plain ``make test`` leaves
these tests out (marker ``browser``).
"""

from __future__ import annotations

import base64
import importlib.util
import json
import shutil
import subprocess
import tempfile
import time
import urllib.request
from pathlib import Path
from urllib.parse import unquote, urlparse

import pytest

from corpus_tools.config import NOTEBOOKS_DIR, PROJECT_DIR
from corpus_tools.runner.run import run_study
from corpus_tools.runner.study import list_notebooks, read_study

pytestmark = pytest.mark.browser

CHROMIUM = shutil.which("chromium") or shutil.which("chromium-browser")
FLAGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--host-resolver-rules=MAP * ~NOTFOUND, EXCLUDE 127.0.0.1",  # the network fails (and is seen); local servers work
    "--remote-debugging-port=0",
    "--window-size=1200,900",
]
#: The tallest figure a page may show, in CSS pixels (the figures' height cap at the notebook's dpi, with margins).
MAX_FIGURE_HEIGHT = 1800
#: Every figure and table on a page, with its box and (for images) its natural size; the page's width.
WIDTH_PROBE = (
    "JSON.stringify((() => {\n"
    "  const page = document.documentElement.clientWidth;\n"
    "  const box = (e, kind) => { const r = e.getBoundingClientRect();\n"
    "    return {kind, left: r.left, right: r.right, width: r.width, natural: e.naturalWidth || null,\n"
    "            naturalHeight: e.naturalHeight || null, text: (e.innerText || e.alt || '').slice(0, 80)}; };\n"
    "  return {page, scrollWidth: document.documentElement.scrollWidth,\n"
    "          images: [...document.querySelectorAll('.jp-OutputArea-output img')].map(e => box(e, 'figure')),\n"
    "          tables: [...document.querySelectorAll('.jp-OutputArea-output table')].map(e => box(e, 'table')),\n"
    "          more: [...document.querySelectorAll('.ct-more a[href]')].map(a => a.href)};\n"
    "})())"
)
PAGE_PROBE = (
    "JSON.stringify({\n"
    "  images: [...document.images]"
    ".map(i => ({src: i.src.slice(0, 80), complete: i.complete, width: i.naturalWidth})),\n"
    "  links: [...document.querySelectorAll('a[href]')].map(a => a.href),\n"
    "  shownCode: [...document.querySelectorAll('.jp-CodeCell .jp-Cell-inputWrapper')]"
    ".filter(e => e.offsetParent !== null).length,\n"
    "  codeCells: document.querySelectorAll('.jp-CodeCell').length,\n"
    "})"
)


class DevTools:
    """A minimal Chrome DevTools protocol client for one page (commands, and events while waiting)."""

    def __init__(self, ws_url: str):
        import websocket

        self.ws = websocket.create_connection(ws_url, timeout=60, suppress_origin=True)
        self.next_id = 0
        self.events: list[dict] = []

    def call(self, method: str, **params) -> dict:
        self.next_id += 1
        self.ws.send(json.dumps({"id": self.next_id, "method": method, "params": params}))
        while True:
            message = json.loads(self.ws.recv())
            if message.get("id") == self.next_id:
                if "error" in message:
                    raise RuntimeError(f"{method}: {message['error']}")
                return message.get("result", {})
            self.events.append(message)

    def wait_for(self, method: str, timeout: float = 60) -> None:
        deadline = time.monotonic() + timeout
        while not any(e.get("method") == method for e in self.events):
            if time.monotonic() > deadline:
                raise TimeoutError(f"no {method} within {timeout} s")
            self.events.append(json.loads(self.ws.recv()))

    def errors(self) -> list[str]:
        found = []
        for event in self.events:
            params = event.get("params", {})
            if event.get("method") == "Runtime.exceptionThrown":
                found.append(json.dumps(params.get("exceptionDetails", {}))[:500])
            elif event.get("method") == "Log.entryAdded" and params["entry"]["level"] == "error":
                found.append(f"{params['entry'].get('text')} {params['entry'].get('url', '')}")
            elif event.get("method") == "Runtime.consoleAPICalled" and params.get("type") == "error":
                found.append(json.dumps(params.get("args"))[:500])
        return found


@pytest.fixture(scope="module")
def browser():
    if not CHROMIUM:
        # These tests run only when asked for (marker ``browser``); a missing browser is a failure, not a skip.
        pytest.fail("chromium not installed: `make test-browser` installs Debian's chromium and runs these tests")
    profile = Path(tempfile.mkdtemp(prefix="ct-chromium-"))
    proc = subprocess.Popen(
        [CHROMIUM, *FLAGS, f"--user-data-dir={profile}", "about:blank"],
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    try:
        port_file = profile / "DevToolsActivePort"
        deadline = time.monotonic() + 60
        while not port_file.exists() or not port_file.read_text().strip():
            assert proc.poll() is None and time.monotonic() < deadline, "chromium did not start"
            time.sleep(0.2)
        yield int(port_file.read_text().split()[0])
    finally:
        proc.terminate()
        proc.wait(timeout=30)
        shutil.rmtree(profile, ignore_errors=True)


def open_page(port: int, path: Path) -> tuple[DevTools, dict]:
    """Load ``path`` in a fresh tab; return the client (with its events) and the page probe."""
    request = urllib.request.Request(f"http://127.0.0.1:{port}/json/new?about:blank", method="PUT")
    with urllib.request.urlopen(request, timeout=30) as response:
        target = json.load(response)
    page = DevTools(target["webSocketDebuggerUrl"])
    for domain in ("Page", "Runtime", "Log"):
        page.call(f"{domain}.enable")
    page.call("Page.navigate", url=path.resolve().as_uri())
    page.wait_for("Page.loadEventFired")
    probe = json.loads(page.call("Runtime.evaluate", expression=PAGE_PROBE, returnByValue=True)["result"]["value"])
    return page, probe


@pytest.fixture(scope="module")
def report_dir(tmp_path_factory):
    out = tmp_path_factory.mktemp("browser-reports")
    result = run_study(read_study(PROJECT_DIR / "studies" / "seeds.yml"), out=out, jobs=2, progress=False)
    assert result.ok, result.failed
    return result.report_dir


def _screenshot(page: DevTools, path: Path) -> None:
    """The whole page (up to 8000 px tall), for a human look."""
    size = page.call("Page.getLayoutMetrics")["cssContentSize"]
    clip = {"x": 0, "y": 0, "width": size["width"], "height": min(size["height"], 8000), "scale": 1}
    data = page.call("Page.captureScreenshot", format="png", captureBeyondViewport=True, clip=clip)["data"]
    path.write_bytes(base64.b64decode(data))


@pytest.mark.parametrize("name", list(list_notebooks(NOTEBOOKS_DIR)))
def test_report_page_loads_cleanly_with_every_image(browser, report_dir, name):
    page, probe = open_page(browser, report_dir / f"{name}.html")
    assert page.errors() == []
    assert probe["images"], "a report shows at least one figure"
    assert [i for i in probe["images"] if not i["complete"] or i["width"] == 0] == []
    assert probe["codeCells"] > 0 and probe["shownCode"] <= 1, "code hidden (only the injected parameters show)"
    _screenshot(page, report_dir / f"{name}.screenshot.png")
    page.call("Runtime.evaluate", expression="document.getElementById('ct-toggle-code').click()")
    shown = json.loads(page.call("Runtime.evaluate", expression=PAGE_PROBE, returnByValue=True)["result"]["value"])
    assert shown["shownCode"] == shown["codeCells"], "the button shows every code cell"


def test_index_links_resolve(browser, report_dir):
    page, probe = open_page(browser, report_dir / "index.html")
    assert page.errors() == []
    targets = [Path(unquote(urlparse(link).path)) for link in probe["links"] if link.startswith("file:")]
    names = {t.name for t in targets}
    for name in list_notebooks(NOTEBOOKS_DIR):
        assert {f"{name}.html", f"{name}.ipynb"} <= names
    assert [t for t in targets if not t.is_file()] == []
    _screenshot(page, report_dir / "index.screenshot.png")


@pytest.fixture(scope="module")
def voila_explorer():
    """``notebooks/interactive/explore.ipynb`` served by Voila on a free local port."""
    import socket
    import sys

    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        port = s.getsockname()[1]
    notebook = NOTEBOOKS_DIR / "interactive" / "explore.ipynb"
    proc = subprocess.Popen(
        [sys.executable, "-m", "voila", str(notebook), "--no-browser", f"--port={port}", "--Voila.ip=127.0.0.1"],
        stdout=subprocess.DEVNULL,
        stderr=subprocess.PIPE,
    )
    try:
        deadline = time.monotonic() + 120
        while True:
            assert proc.poll() is None, f"voila exited: {proc.stderr.read().decode()[-2000:]}"
            try:
                socket.create_connection(("127.0.0.1", port), timeout=5).close()
                break
            except OSError:
                assert time.monotonic() < deadline, "voila did not start within 120 s"
                time.sleep(0.5)
        yield f"http://127.0.0.1:{port}/"
    finally:
        proc.terminate()
        proc.wait(timeout=30)


def _evaluate(page: DevTools, expression: str):
    return page.call("Runtime.evaluate", expression=expression, returnByValue=True, awaitPromise=True)["result"].get(
        "value"
    )


def _wait_until(page: DevTools, expression: str, timeout: float = 180):
    deadline = time.monotonic() + timeout
    while not _evaluate(page, expression):
        assert time.monotonic() < deadline, f"timed out waiting for {expression}"
        time.sleep(0.5)


def test_explorer_search_renders_results_in_a_real_browser(browser, voila_explorer, tmp_path):
    import corpus_tools as ct
    from corpus_tools.keywords import match_kwic

    request = urllib.request.Request(f"http://127.0.0.1:{browser}/json/new?about:blank", method="PUT")
    with urllib.request.urlopen(request, timeout=30) as response:
        page = DevTools(json.load(response)["webSocketDebuggerUrl"])
    for domain in ("Page", "Runtime", "Log"):
        page.call(f"{domain}.enable")
    page.call("Page.navigate", url=voila_explorer)
    _wait_until(page, "!!document.querySelector('.widget-text input')")  # the kernel ran and the widgets rendered
    page.call("Runtime.evaluate", expression="document.querySelector('.widget-text input').focus()")
    page.call("Input.insertText", text="guarantee*")
    for kind in ("keyDown", "keyUp"):
        page.call("Input.dispatchKeyEvent", type=kind, key="Enter", code="Enter", windowsVirtualKeyCode=13)
    page.call("Runtime.evaluate", expression="document.querySelector('.widget-text input').blur()")
    _wait_until(page, "document.body.innerText.includes('hits in')", timeout=120)
    expected = match_kwic(ct.load_corpus(ct.config.SEEDS_DIR), "guarantee*")
    status = _evaluate(page, "document.body.innerText")
    assert f"{len(expected)} hits in {expected['doc_id'].nunique()} of 5 documents" in status
    options = _evaluate(page, "[...document.querySelectorAll('.ct-kwic select option')].map(o => o.textContent)")
    assert len(options) == min(len(expected), 200) and "[guarantees]" in options[0]
    # clicking a line opens the article with the match outlined
    page.call(
        "Runtime.evaluate",
        expression="(() => {const s = document.querySelector('.ct-kwic select'); s.selectedIndex = 0;"
        " s.dispatchEvent(new Event('change', {bubbles: true}));})()",
    )
    _wait_until(page, "!!document.querySelector('mark.ct-query')", timeout=60)
    assert _evaluate(page, "document.querySelector('mark.ct-query').textContent").lower().startswith("guarantee")
    # Voila's page template asks a CDN for its icon font; offline that request fails (and nothing else may)
    assert [e for e in page.errors() if "fontawesome" not in e] == []
    _screenshot(page, tmp_path / "explore.screenshot.png")


@pytest.fixture(scope="module")
def news_reports(tmp_path_factory):
    """The 300-article study run once, then its sentiment report again grouped by country."""
    folder = tmp_path_factory.mktemp("news300")
    study = read_study(write_news_corpus(folder, n=300, n_boot=100))
    result = run_study(study, out=folder / "reports", jobs=2, progress=False)
    assert result.ok, result.failed
    variant = run_study(
        study, out=folder / "reports", jobs=1, progress=False, only=["sentiment"], overrides=["group_by=country"]
    )
    assert variant.ok, variant.failed
    return result.report_dir, variant.report_dir


def write_news_corpus(folder: Path, **options) -> Path:
    """:func:`news_corpus.write_news_corpus` (``tests/news_corpus.py``, beside this file)."""
    spec = importlib.util.spec_from_file_location("news_corpus", Path(__file__).with_name("news_corpus.py"))
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module.write_news_corpus(folder, **options)


def _measure(page: DevTools) -> dict:
    return json.loads(page.call("Runtime.evaluate", expression=WIDTH_PROBE, returnByValue=True)["result"]["value"])


@pytest.mark.parametrize("name", list(list_notebooks(NOTEBOOKS_DIR)))
def test_300_article_report_fits_the_page(browser, news_reports, name):
    report_dir, _ = news_reports
    page, _ = open_page(browser, report_dir / f"{name}.html")
    assert page.errors() == []
    sizes = _measure(page)
    assert sizes["images"] and sizes["tables"], "every report shows figures and tables (none measured: a broken probe)"
    width = sizes["page"]
    too_wide = [e for e in sizes["images"] + sizes["tables"] if e["right"] > width + 1 or e["left"] < -1]
    assert too_wide == [], f"wider than the page ({width} px)"
    assert [e for e in sizes["images"] if e["natural"] > width] == [], "a figure drawn wider than the page, shrunk"
    assert [e for e in sizes["images"] if e["naturalHeight"] > MAX_FIGURE_HEIGHT] == []
    assert sizes["scrollWidth"] <= width, "the page scrolls sideways"
    linked = [Path(unquote(urlparse(link).path)) for link in sizes["more"]]
    assert [p for p in linked if not p.is_file()] == [], "every 'more rows' link leads to its CSV"
    _screenshot(page, report_dir / f"{name}.screenshot.png")


def test_300_article_index_names_the_grouping_variant(browser, news_reports):
    report_dir, variant_dir = news_reports
    assert variant_dir.name == "news--by-country" and (report_dir / "sentiment.html").is_file()
    page, probe = open_page(browser, report_dir / "index.html")
    assert page.errors() == []
    targets = {Path(unquote(urlparse(link).path)) for link in probe["links"] if link.startswith("file:")}
    assert variant_dir / "index.html" in targets and all(t.is_file() for t in targets)
    text = page.call("Runtime.evaluate", expression="document.body.innerText", returnByValue=True)["result"]["value"]
    assert "Other groupings of this study" in text and "grouped by country" in text
    page, _ = open_page(browser, variant_dir / "sentiment.html")
    header = page.call(
        "Runtime.evaluate", expression="document.querySelector('.ct-run-header').innerText", returnByValue=True
    )["result"]["value"]
    assert "group_by = 'country'" in header and "not by the study's grouping (outlet)" in header
