"""The landing page of a report folder: ``index.html``, one line per notebook, linking every page.

The page is plain HTML and CSS (no scripts, nothing fetched), built from the run manifest and
the first markdown cell of each notebook (its title and first sentence).
"""

from __future__ import annotations

import html
import json
import re
from pathlib import Path

__all__ = ["write_index", "summarize_notebook"]

_STYLE = (
    "body { font: 15px/1.45 system-ui, sans-serif; max-width: 60rem; margin: 2rem auto; padding: 0 1rem; "
    "color: #222; }\n"
    "table { border-collapse: collapse; width: 100%; } "
    "th, td { text-align: left; padding: .4rem .6rem; border-bottom: 1px solid #ddd; vertical-align: top; }\n"
    ".ok { color: #1a7f37; } .failed, .timeout { color: #b42318; font-weight: 600; } "
    ".meta { color: #666; font-size: 13px; }\n"
    "code { font-size: 13px; } details { margin: .2rem 0; }"
)


def summarize_notebook(path: str | Path) -> tuple[str, str]:
    """``(title, first sentence)`` of a notebook's first markdown cell.

    >>> from corpus_tools.config import NOTEBOOKS_DIR
    >>> summarize_notebook(NOTEBOOKS_DIR / "corpus_overview.ipynb")[0]
    'Corpus overview'
    """
    path = Path(path)
    try:
        cells = json.loads(path.read_text(encoding="utf-8"))["cells"]
    except (OSError, ValueError, KeyError):
        return path.stem, ""
    text = next(("".join(c["source"]) for c in cells if c["cell_type"] == "markdown"), "")
    lines = text.strip().splitlines()
    title = lines[0].lstrip("#").strip() if lines and lines[0].startswith("#") else path.stem
    body = " ".join(ln.strip() for ln in (lines[1:] if lines and lines[0].startswith("#") else lines)).strip()
    sentence = re.split(r"(?<=[.!?])\s+(?=[A-Z`*])", body, maxsplit=1)[0] if body else ""
    return title, re.sub(r"[`*_]", "", sentence)


def _links(entry: dict) -> str:
    files = sorted(entry.get("outputs") or {})
    groups = {
        "tables": [f for f in files if f.startswith("tables/")],
        "figures": [f for f in files if f.startswith("figures/")],
    }
    parts = []
    for label, items in groups.items():
        if items:
            links = " ".join(f'<a href="{html.escape(f)}">{html.escape(Path(f).name)}</a>' for f in items)
            noun = label if len(items) > 1 else label[:-1]
            parts.append(f"<details><summary>{len(items)} {noun}</summary>{links}</details>")
    return "".join(parts)


def _row(name: str, entry: dict, report_dir: Path) -> str:
    page = f"{name}.html"
    source = report_dir / f"{name}.ipynb"
    title, sentence = summarize_notebook(source if source.is_file() else report_dir / f"{name}.failed.ipynb")
    status = entry.get("status", "?")
    link = f'<a href="{page}">{html.escape(title)}</a>' if (report_dir / page).is_file() else html.escape(title)
    extra = [f'<a href="{name}.ipynb">notebook</a>'] if source.is_file() else []
    if entry.get("failed_notebook"):
        error = entry.get("error") or {}
        extra.append(f'<a href="{entry["failed_notebook"]}">failed run</a>: {html.escape(error.get("message", ""))}')
        if entry.get("last_good"):
            extra.append(f"showing the last good run ({html.escape(entry['last_good'].get('ended', '?'))})")
    when = f"{html.escape(str(entry.get('ended', '')))}, {entry.get('duration_s', 0):.1f} s" + (
        " (reused)" if entry.get("reused") else ""
    )
    return (
        f"<tr><td>{link}<br><code>{html.escape(name)}</code></td><td>{html.escape(sentence)}{_links(entry)}</td>"
        f'<td class="{html.escape(status)}">{html.escape(status)}</td>'
        f'<td class="meta">{when}<br>{" · ".join(extra)}</td></tr>'
    )


def write_index(report_dir: str | Path, manifest: dict) -> Path:
    """Write ``<report_dir>/index.html`` from a run manifest and return its path.

    >>> import tempfile
    >>> write_index(tempfile.mkdtemp(), {"study": {"name": "seeds"}}).name
    'index.html'
    """
    report_dir = Path(report_dir)
    study = manifest.get("study", {})
    run = manifest.get("run", {})
    git = manifest.get("git") or {}
    rows = "\n".join(_row(name, entry, report_dir) for name, entry in manifest.get("notebooks", {}).items())
    started, ended = html.escape(run.get("started", "")), html.escape(run.get("ended", ""))
    commit = (
        f"commit <code>{html.escape(git.get('commit', '')[:12])}</code>{' (modified)' if git.get('dirty') else ''} · "
        if git
        else ""
    )
    page = f"""<!DOCTYPE html>
<html lang="en"><head><meta charset="utf-8"><title>Reports: {html.escape(study.get("name", ""))}</title>
<style>{_STYLE}</style></head>
<body><h1>Reports: {html.escape(study.get("name", ""))}</h1>
{f"<p>{html.escape(study['description'])}</p>" if study.get("description") else ""}
<p class="meta">Run {started} to {ended} · {commit}corpus fingerprint
<code>{html.escape(manifest.get("corpus", {}).get("fingerprint", "")[:12])}</code> ·
<a href="manifest.json">manifest.json</a> (parameters, input hashes, versions)</p>
<table><thead><tr><th>report</th><th>what it shows</th><th>status</th><th>run</th></tr></thead>
<tbody>
{rows}
</tbody></table></body></html>
"""
    path = report_dir / "index.html"
    path.write_text(page, encoding="utf-8")
    return path
