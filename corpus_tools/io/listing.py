"""Every file of a corpus folder accounted for: the walk that finds them and the load report.

:func:`list_folder_files` walks a folder recursively and follows symbolic links to files and
folders (inside or outside the corpus) once: a folder or file already reached by another path
(a link loop, two links to one file) is not read twice. What cannot be walked (a dangling link,
an unreadable subfolder) and what is hidden is listed as skipped with the reason, so that
``seen = loaded + skipped`` always holds in the load report (:data:`FILE_COLUMNS`, one row per
file seen), which :func:`corpus_tools.read_corpus` returns as ``.files``.

>>> import pathlib, tempfile
>>> folder = pathlib.Path(tempfile.mkdtemp())
>>> _ = (folder / "a.txt").write_text("Talks resume.", encoding="utf-8")
>>> (folder / "gone.txt").symlink_to(folder / "missing.txt")
>>> files, skipped = list_folder_files(folder)
>>> [p.name for p in files], [(s["file"], s["reason"]) for s in skipped]
(['a.txt'], [('gone.txt', 'dangling link (its target does not exist)')])
>>> print(format_files_summary([{"file": "a.txt", "status": "loaded", "reason": "", "n_documents": 1},
...                             *skipped]))
2 files seen: 1 loaded (1 document), 1 skipped: gone.txt (dangling link (its target does not exist))
"""

from __future__ import annotations

import os
from pathlib import Path

__all__ = ["FILE_COLUMNS", "list_folder_files", "make_file_row", "format_files_summary"]

#: The columns of the load report: one row per file seen.
FILE_COLUMNS = ("file", "kind", "status", "reason", "n_documents")


def make_file_row(file: str, kind: str, status: str, reason: str = "", n_documents: int = 0) -> dict:
    """One row of the load report (:data:`FILE_COLUMNS`)."""
    return {"file": file, "kind": kind, "status": status, "reason": reason, "n_documents": int(n_documents)}


def _kind(path: Path) -> str:
    return path.suffix.lower() or "(no suffix)"


def list_folder_files(folder: str | Path) -> tuple[list[Path], list[dict]]:
    """The files under ``folder`` to offer to the readers, and the rows of those skipped.

    Args:
        folder: the corpus folder.

    Returns:
        ``(files, skipped)``: the paths (under ``folder``, links not resolved) sorted by their
        path, and one load-report row per file or folder not walked (``status`` ``"skipped"``
        and the ``reason``: hidden, dangling link, unreadable folder, already reached by
        another path).
    """
    folder = Path(folder)
    files: list[Path] = []
    skipped: list[dict] = []
    seen_dirs = {folder.resolve()}
    seen_files: dict[Path, str] = {}
    pending = [folder]
    while pending:
        current = pending.pop()
        rel_dir = current.relative_to(folder).as_posix()
        try:
            with os.scandir(current) as handle:
                entries = sorted(handle, key=lambda e: e.name)
        except OSError as exc:
            reason = f"folder cannot be read ({exc.strerror or exc}); its files are not read"
            skipped.append(make_file_row(f"{rel_dir}/", "folder", "skipped", reason))
            continue
        for entry in entries:
            path = Path(entry.path)
            rel = path.relative_to(folder).as_posix()
            try:
                is_dir = entry.is_dir()
                is_file = entry.is_file()
            except OSError as exc:  # pragma: no cover - stat refused
                skipped.append(make_file_row(rel, _kind(path), "skipped", f"cannot be read ({exc.strerror or exc})"))
                continue
            if entry.name.startswith("."):
                kind = "folder" if is_dir else _kind(path)
                skipped.append(make_file_row(rel + ("/" if is_dir else ""), kind, "skipped", "hidden"))
            elif entry.is_symlink() and not (is_dir or is_file):
                skipped.append(make_file_row(rel, _kind(path), "skipped", "dangling link (its target does not exist)"))
            elif is_dir:
                target = path.resolve()
                if target in seen_dirs:
                    reason = f"link to a folder already read ({_shown(target, folder)}); not read twice"
                    skipped.append(make_file_row(f"{rel}/", "folder", "skipped", reason))
                else:
                    seen_dirs.add(target)
                    pending.append(path)
            elif is_file:
                target = path.resolve()
                if target in seen_files:
                    reason = f"same file as {seen_files[target]} (a link); not read twice"
                    skipped.append(make_file_row(rel, _kind(path), "skipped", reason))
                else:
                    seen_files[target] = rel
                    files.append(path)
            else:
                skipped.append(make_file_row(rel, "other", "skipped", "not a regular file (a device, pipe or socket)"))
    return sorted(files, key=lambda p: p.relative_to(folder).as_posix()), skipped


def _shown(target: Path, folder: Path) -> str:
    try:
        shown = target.relative_to(folder.resolve()).as_posix()
        return shown if shown != "." else "the corpus folder itself"
    except ValueError:
        return str(target)


def format_files_summary(files, *, limit: int = 8) -> str:
    """One line for the terminal: files seen, loaded (documents), skipped (each with why).

    Args:
        files: the load report (a DataFrame or list of rows with :data:`FILE_COLUMNS`).
        limit: at most this many skipped files are named.
    """
    rows = files.to_dict("records") if hasattr(files, "to_dict") else list(files)
    loaded = [r for r in rows if r["status"] == "loaded"]
    skipped = [r for r in rows if r["status"] != "loaded"]
    n_docs = sum(int(r["n_documents"]) for r in loaded)
    line = (
        f"{len(rows)} file{'s' if len(rows) != 1 else ''} seen: {len(loaded)} loaded "
        f"({n_docs} document{'s' if n_docs != 1 else ''}), {len(skipped)} skipped"
    )
    if skipped:
        named = ", ".join(f"{r['file']} ({r['reason']})" for r in skipped[:limit])
        more = f" and {len(skipped) - limit} more" if len(skipped) > limit else ""
        line += f": {named}{more}"
    return line
