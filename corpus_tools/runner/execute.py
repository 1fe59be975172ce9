"""Execute one notebook with papermill and export it as a standalone HTML page.

Each kernel talks to its notebook over Unix sockets in a private folder (jupyter's ``ipc``
transport) instead of TCP ports, so notebooks running side by side cannot race for a port
(papermill's "Address already in use" and "Kernel didn't respond" failures); a kernel that
still fails to start is retried. A time limit applies to the whole notebook, not per cell.

``python -P corpus_tools/runner/execute.py SPEC.json`` runs one notebook described by a JSON file and
writes ``result.json`` beside the output; ``corpus-tools report`` starts one such process per
notebook so that a notebook over its time limit can be stopped without touching the others.
This module imports nothing from the package, so that process starts without loading it.
"""

from __future__ import annotations

import contextlib
import json
import os
import re
import shutil
import sys
import tempfile
import time
from datetime import UTC, datetime
from pathlib import Path

__all__ = ["execute_notebook", "export_html", "format_run_header", "summarize_error", "NotebookTimeout", "KERNEL_NAME"]

KERNEL_NAME = "python3"
PROGRESS_PREFIX = "@@progress"
KERNEL_START_ERRORS = re.compile(
    r"Address already in use|Kernel died before replying|didn't respond|Kernel didn't|DeadKernel", re.I
)
START_ATTEMPTS = 3
#: Modules a notebook process never uses that take seconds to import: jsonschema (under nbformat)
#: loads the optional ``rfc3987_syntax`` IRI checker, which builds a Lark grammar on import, though
#: nbformat validates no string formats. The notebook process marks them missing before importing.
SKIPPED_IMPORTS = ("rfc3987_syntax",)
INLINE_BACKEND = "module://matplotlib_inline.backend_inline"
_ANSI_RE = re.compile(r"\x1b\[[0-9;]*[A-Za-z]")
_CDN_SCRIPT_RE = re.compile(r'<script src="https?://[^"]*"[^>]*>\s*</script>\s*')
_TOGGLE_HEAD = """<style>
body.ct-hide-code .jp-CodeCell:not(.celltag_injected-parameters) .jp-Cell-inputWrapper { display: none; }
#ct-toggle-code { position: fixed; top: 8px; right: 12px; z-index: 10; font: 13px sans-serif; padding: 4px 10px; }
.ct-run-header { font: 13px/1.5 sans-serif; color: #333; background: #f4f6f8; border: 1px solid #dde2e8;
  padding: 6px 10px; margin: 8px 0; overflow-wrap: anywhere; }
.ct-run-header code { font-size: 12px; } .ct-run-header .ct-note { color: #8a4b00; font-weight: 600; }
.jp-RenderedHTMLCommon td, .jp-RenderedHTMLCommon th { overflow-wrap: anywhere; }
.jp-RenderedImage img { max-width: 100%; height: auto; }
@media print { #ct-toggle-code { display: none; } }
</style>
<noscript><style>body.ct-hide-code .jp-CodeCell .jp-Cell-inputWrapper { display: block !important; }</style></noscript>
"""
_TOGGLE_BODY = """<button id="ct-toggle-code" type="button">Show code</button>
<script>
document.getElementById("ct-toggle-code").addEventListener("click", function () {
  var hidden = document.body.classList.toggle("ct-hide-code");
  this.textContent = hidden ? "Show code" : "Hide code";
});
</script>
"""


#: The kernel environment of a report run: figures drawn inline, even where ``MPLBACKEND=Agg`` is
#: set for headless runs, and no progress bars (a report is a record, and a notebook progress bar
#: is a widget whose HTML would fetch the widget manager from the network).
KERNEL_ENVIRONMENT = {"MPLBACKEND": INLINE_BACKEND, "CORPUS_TOOLS_PROGRESS": "0"}


@contextlib.contextmanager
def _inline_figures():
    """Set :data:`KERNEL_ENVIRONMENT` for the kernels started inside, and restore it after."""
    saved = {name: os.environ.get(name) for name in KERNEL_ENVIRONMENT}
    os.environ.update(KERNEL_ENVIRONMENT)
    try:
        yield
    finally:
        for name, value in saved.items():
            if value is None:
                os.environ.pop(name, None)
            else:
                os.environ[name] = value


class NotebookTimeout(TimeoutError):
    """A notebook ran past its time limit."""


def _progress_engine():
    """A papermill engine that prints ``@@progress done total`` after each cell, for the runner."""
    from papermill.engines import NBClientEngine

    class ProgressEngine(NBClientEngine):
        @classmethod
        def execute_managed_notebook(cls, nb_man, kernel_name, **kwargs):
            complete = nb_man.cell_complete

            def cell_complete(cell, cell_index=None, **kw):
                complete(cell, cell_index=cell_index, **kw)
                print(f"{PROGRESS_PREFIX} {cell_index + 1} {len(nb_man.nb.cells)}", flush=True)

            nb_man.cell_complete = cell_complete
            return super().execute_managed_notebook(nb_man, kernel_name, **kwargs)

    return ProgressEngine


def _run_papermill(
    notebook: Path, executed: Path, parameters: dict, *, deadline: float, kernel_name: str, progress: bool
) -> None:
    import papermill as pm
    from jupyter_client.manager import AsyncKernelManager
    from jupyter_core.utils import run_sync
    from papermill.engines import papermill_engines

    if progress:
        papermill_engines.register("corpus-tools-progress", _progress_engine())
    socket_dir = tempfile.mkdtemp(prefix="ct-kernel-")
    km = AsyncKernelManager(kernel_name=kernel_name, transport="ipc", ip=os.path.join(socket_dir, "k"))
    try:
        with _inline_figures():
            pm.execute_notebook(
                str(notebook),
                str(executed),
                parameters=parameters,
                kernel_name=kernel_name,
                cwd=str(notebook.parent),
                progress_bar=False,
                engine_name="corpus-tools-progress" if progress else None,
                km=km,
                timeout_func=lambda cell: max(1, int(deadline - time.monotonic())),
            )
    finally:  # nbclient leaves a kernel manager it was given running: stop it here
        if km.has_kernel:
            run_sync(km.shutdown_kernel)(now=True)
        shutil.rmtree(socket_dir, ignore_errors=True)


def execute_notebook(
    notebook: Path,
    out_dir: Path,
    parameters: dict,
    *,
    timeout: float = 600,
    kernel_name: str = KERNEL_NAME,
    progress: bool = False,
    shown_output_dir: str | None = None,
    header: dict | None = None,
) -> Path:
    """Run one notebook with papermill into ``out_dir`` and export it to HTML.

    Args:
        notebook: the notebook to run (its folder is the working directory).
        out_dir: where ``<name>.ipynb`` and ``<name>.html`` are written.
        parameters: injected after the ``parameters`` cell.
        timeout: seconds for the whole notebook; past it the running cell is interrupted.
        kernel_name: the Jupyter kernel.
        progress: print ``@@progress done total`` after each cell (read by the runner).
        shown_output_dir: the folder the outputs will finally live in, shown in the executed
            notebook's parameters instead of ``parameters["output_dir"]`` (a staging folder).
        header: what the HTML page's header states (:func:`export_html`).

    Returns:
        The executed notebook's path.

    Raises:
        papermill.PapermillExecutionError: a cell raised (the executed notebook is still written).
        NotebookTimeout: the notebook ran past ``timeout``.
    """
    from nbclient.exceptions import CellTimeoutError

    notebook, out_dir = Path(notebook), Path(out_dir)
    out_dir.mkdir(parents=True, exist_ok=True)
    executed = out_dir / notebook.name
    deadline = time.monotonic() + timeout
    for attempt in range(1, START_ATTEMPTS + 1):
        try:
            _run_papermill(
                notebook, executed, parameters, deadline=deadline, kernel_name=kernel_name, progress=progress
            )
            break
        except CellTimeoutError as exc:
            raise NotebookTimeout(f"{notebook.name} ran past its time limit of {timeout:g} s") from exc
        except Exception as exc:  # a kernel that failed to start is retried; anything else is raised
            if (
                type(exc).__name__ == "PapermillExecutionError"
                or attempt == START_ATTEMPTS
                or not KERNEL_START_ERRORS.search(str(exc))
            ):
                raise
            print(f"{notebook.name}: kernel failed to start ({exc}); retrying", file=sys.stderr, flush=True)
            time.sleep(0.5 * attempt)
        finally:
            if shown_output_dir and executed.exists():
                _show_output_dir(executed, str(parameters.get("output_dir", "")), shown_output_dir)
    export_html(executed, header=header)
    return executed


def _show_output_dir(executed: Path, actual: str, shown: str) -> None:
    """Replace the staging folder by the final one in the injected parameters and metadata."""
    import nbformat

    nb = nbformat.read(executed, as_version=4)
    for cell in nb.cells:
        if "injected-parameters" in cell.get("metadata", {}).get("tags", []):
            cell.source = cell.source.replace(json.dumps(actual), json.dumps(shown)).replace(repr(actual), repr(shown))
    params = nb.metadata.get("papermill", {}).get("parameters", {})
    if params.get("output_dir") == actual:
        params["output_dir"] = shown
    nbformat.write(nb, executed)


def format_run_header(header: dict | None) -> str:
    """The report's header: the parameters the run set (``header["parameters"]``: name -> value as
    written) and a note (``header["note"]``, e.g. a grouping that differs from the study's).

    >>> format_run_header({"parameters": {"group_by": "'outlet'"}, "note": "grouped <by> outlet"})
    '<div class="ct-run-header">Run parameters: <code>group_by = &#x27;outlet&#x27;</code><br>...&lt;by&gt;...</div>'
    >>> format_run_header(None)
    ''
    """
    if not header:
        return ""
    import html

    items = " \u00b7 ".join(
        f"<code>{html.escape(name)} = {html.escape(value)}</code>"
        for name, value in header.get("parameters", {}).items()
    )
    parts = [f"Run parameters: {items or 'the notebook defaults'}"]
    if header.get("note"):
        parts.append(f'<span class="ct-note">{html.escape(header["note"])}</span>')
    return '<div class="ct-run-header">' + "<br>".join(parts) + "</div>"


def export_html(executed: Path, *, header: dict | None = None) -> Path:
    """Write ``<name>.html`` beside an executed notebook: images embedded, no network scripts,
    code cells hidden behind a "Show code" button (the injected parameters stay visible), and a
    header stating the run's parameters (:func:`format_run_header`)."""
    import nbformat
    from nbconvert import HTMLExporter

    nb = nbformat.read(executed, as_version=4)
    body, _ = HTMLExporter(embed_images=True).from_notebook_node(nb)
    body = _CDN_SCRIPT_RE.sub("", body)
    body = body.replace("</head>", _TOGGLE_HEAD + "</head>", 1)
    body = re.sub(r'<body class="([^"]*)"', r'<body class="\1 ct-hide-code"', body, count=1)
    body = body.replace("<main>", "<main>\n" + _TOGGLE_BODY + format_run_header(header), 1)
    path = executed.with_suffix(".html")
    path.write_text(body, encoding="utf-8")
    return path


def summarize_error(exc: BaseException) -> dict:
    """The cell, line and error of a failed notebook, for the console and the manifest.

    >>> summarize_error(ValueError("bad value"))["message"]
    'ValueError: bad value'
    """
    if type(exc).__name__ != "PapermillExecutionError":
        return {"cell": None, "line": None, "message": f"{type(exc).__name__}: {exc}".strip()}
    trace = _ANSI_RE.sub("", "\n".join(exc.traceback))
    arrow = re.search(r"^\s*---->\s*(\d+)\s+(.*)$", trace, re.M)
    return {
        "cell": exc.exec_count,
        "line": f"line {arrow.group(1)}: {arrow.group(2).strip()}" if arrow else None,
        "message": f"{exc.ename}: {exc.evalue}",
    }


def _now() -> str:
    return datetime.now(UTC).isoformat(timespec="seconds")


def _exit_with_parent() -> None:
    """End this process when the runner that started it dies (its kernel then ends too)."""
    import threading

    parent = os.getppid()

    def watch():
        while os.getppid() == parent:
            time.sleep(1)
        os._exit(1)

    threading.Thread(target=watch, daemon=True).start()


def _skip_slow_imports() -> None:
    """Mark :data:`SKIPPED_IMPORTS` missing in this process (only the notebook process calls this)."""
    for name in SKIPPED_IMPORTS:
        sys.modules.setdefault(name, None)


def main(argv: list[str] | None = None) -> int:
    """Run the notebook a JSON spec describes; write ``result.json`` into its ``out_dir``."""
    _exit_with_parent()
    _skip_slow_imports()
    spec = json.loads(Path((argv or sys.argv[1:])[0]).read_text(encoding="utf-8"))
    out_dir = Path(spec["out_dir"])
    result = {"started": _now(), "status": "ok", "error": None}
    clock = time.perf_counter()
    try:
        execute_notebook(
            Path(spec["notebook"]),
            out_dir,
            spec["parameters"],
            timeout=spec["timeout"],
            kernel_name=spec["kernel_name"],
            progress=True,
            shown_output_dir=spec.get("shown_output_dir"),
            header=spec.get("header"),
        )
    except NotebookTimeout as exc:
        result.update(status="timeout", error={"cell": None, "line": None, "message": str(exc)})
    except Exception as exc:  # recorded and reported by the runner; the other notebooks go on
        result.update(status="failed", error=summarize_error(exc))
    result.update(ended=_now(), duration_s=round(time.perf_counter() - clock, 2))
    (out_dir / "result.json").write_text(json.dumps(result, indent=2), encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main())
