"""The landing page of a report folder: ``index.html``, one line per notebook, linking every page.

The page is plain HTML and CSS (no scripts, nothing fetched), built from the run manifest and
the first markdown cell of each notebook (its title and first sentence).
"""

from __future__ import annotations

import ast
import html
import json
import re
from pathlib import Path

__all__ = ["write_index", "summarize_notebook", "format_parameters_html", "list_variants"]

#: Shown once at the top of the page, not per notebook.
_PAGE_PARAMETERS = ("corpus", "metadata", "output_dir")

_STYLE = (
    "body { font: 15px/1.45 system-ui, sans-serif; max-width: 60rem; margin: 2rem auto; padding: 0 1rem; "
    "color: #222; }\n"
    "table { border-collapse: collapse; width: 100%; } "
    "th, td { text-align: left; padding: .4rem .6rem; border-bottom: 1px solid #ddd; vertical-align: top; }\n"
    ".ok { color: #1a7f37; } .failed, .timeout { color: #b42318; font-weight: 600; } "
    ".meta { color: #666; font-size: 13px; }\n"
    "code { font-size: 13px; } details { margin: .2rem 0; }\n"
    ".params { font-size: 13px; color: #333; } .note { background: #fff4e0; border: 1px solid #f0c36d; "
    "padding: .5rem .8rem; }"
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


def _literal(text):
    try:
        return ast.literal_eval(str(text))
    except (ValueError, SyntaxError):
        return text


def format_parameters_html(entry: dict) -> str:
    """The parameters a notebook ran with that differ from its defaults (its grouping always),
    as ``name = value`` items; corpus and metadata are shown once for the page.

    >>> entry = {"parameters": {"group_by": "outlet", "n_boot": 200, "seed": 0},
    ...          "declared_parameters": {"group_by": {"default": '"doc_id"'}, "n_boot": {"default": "2000"},
    ...                                  "seed": {"default": "0"}}}
    >>> format_parameters_html(entry)
    '<div class="params">grouped by <code>outlet</code> · <code>n_boot = 200</code></div>'
    """
    params = entry.get("parameters") or {}
    declared = entry.get("declared_parameters") or {}
    items = []
    if "group_by" in params:
        items.append(f"grouped by <code>{html.escape(str(params['group_by']))}</code>")
    for name, value in params.items():
        if name in _PAGE_PARAMETERS or name == "group_by":
            continue
        if name in declared and _literal(declared[name].get("default")) == value:
            continue
        items.append(f"<code>{html.escape(name)} = {html.escape(repr(value))}</code>")
    return f'<div class="params">{" · ".join(items)}</div>' if items else ""


def list_variants(report_dir: str | Path) -> list[tuple[str, dict]]:
    """The variant folders of a study (``<study>--by-<grouping>/`` beside ``report_dir``) that hold a
    manifest, as ``(folder name, manifest)`` sorted by name.

    >>> import tempfile
    >>> list_variants(Path(tempfile.mkdtemp()) / "seeds")
    []
    """
    report_dir = Path(report_dir)
    found = []
    for folder in sorted(report_dir.parent.glob(f"{report_dir.name}--by-*")):
        try:
            found.append((folder.name, json.loads((folder / "manifest.json").read_text(encoding="utf-8"))))
        except (OSError, ValueError):
            continue
    return found


def _variants_html(report_dir: Path, study: dict) -> str:
    if study.get("variant_of"):
        base = html.escape(study["variant_of"])
        return (
            f'<p class="note"><strong>Grouping variant</strong>: these reports group by '
            f"<code>{html.escape(str(study.get('variant_group_by')))}</code>, not by the study's grouping "
            f"(<code>{html.escape(str(study.get('group_by') or 'the notebook default'))}</code>). "
            f'The study\'s own reports: <a href="../{base}/index.html">{base}/index.html</a>.</p>'
        )
    variants = list_variants(report_dir)
    if not variants:
        return ""
    items = "".join(
        f'<li><a href="../{html.escape(name)}/index.html">{html.escape(name)}</a>: grouped by '
        f"<code>{html.escape(str(m.get('study', {}).get('variant_group_by')))}</code> "
        f"({html.escape(', '.join(m.get('notebooks', {})))}; run {html.escape(m.get('run', {}).get('ended', ''))})</li>"
        for name, m in variants
    )
    return f"<h2>Other groupings of this study</h2><ul>{items}</ul>"


def _run_html(run: dict, study: dict) -> str:
    """How the run was asked for: ``--only`` and ``-p`` overrides, and the corpus."""
    parts = []
    if run.get("only"):
        parts.append("--only " + " ".join(run["only"]))
    parts += [f"-p {o}" for o in run.get("overrides") or []]
    asked = f"Run with <code>{html.escape(' '.join(parts))}</code> · " if parts else ""
    grouping = study.get("variant_group_by") or study.get("group_by") or "each notebook's default"
    return f'<p class="meta">{asked}grouped by <code>{html.escape(str(grouping))}</code></p>'


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
        f"<tr><td>{link}<br><code>{html.escape(name)}</code></td>"
        f"<td>{html.escape(sentence)}{format_parameters_html(entry)}{_links(entry)}</td>"
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
{_run_html(run, study)}
{_variants_html(report_dir, study)}
<table><thead><tr><th>report</th><th>what it shows</th><th>status</th><th>run</th></tr></thead>
<tbody>
{rows}
</tbody></table></body></html>
"""
    path = report_dir / "index.html"
    path.write_text(page, encoding="utf-8")
    return path
