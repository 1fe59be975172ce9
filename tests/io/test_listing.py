"""Every file seen is loaded or skipped with the reason: links, loops, dangling links, unreadable files."""

from __future__ import annotations

import os
import warnings
from pathlib import Path

import pytest

import corpus_tools as ct
from corpus_tools.io import CorpusWarning, format_files_summary, list_folder_files
from corpus_tools.io import listing as listing_mod

TEXT = "Talks resume\n\nDiplomats met in Geneva on Monday to discuss a ceasefire, officials said.\n"


def write(path: Path, text: str = TEXT) -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, encoding="utf-8")
    return path


def read(folder: Path):
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", CorpusWarning)
        return ct.read_corpus(folder, clean=False)


@pytest.fixture
def linked(tmp_path):
    folder, outside = tmp_path / "c", tmp_path / "outside"
    write(folder / "a.txt")
    write(folder / "sub" / "b.txt", TEXT.replace("Geneva", "Vienna"))
    write(outside / "c.txt", TEXT.replace("Geneva", "Oslo"))
    write(outside / "d.md", TEXT.replace("Geneva", "Rome"))
    (folder / "linked_dir").symlink_to(outside, target_is_directory=True)  # folder outside the corpus
    (folder / "e.txt").symlink_to(outside / "d.md")  # file outside the corpus (read under its link name)
    (folder / "sub" / "loop").symlink_to(folder, target_is_directory=True)  # loop back to the corpus
    (folder / "again.txt").symlink_to(folder / "a.txt")  # second path to a.txt
    (folder / "gone.txt").symlink_to(tmp_path / "missing.txt")  # dangling
    write(folder / "notes.pdf", "%PDF-1.4")
    return folder


# case | file in the load report | status | reason contains
CASES = [
    ("plain file", "a.txt", "loaded", ""),
    ("file in subfolder", "sub/b.txt", "loaded", ""),
    ("link to folder outside", "linked_dir/c.txt", "loaded", ""),
    ("link to file outside", "e.txt", "loaded", ""),
    ("second link to a read folder", "linked_dir/d.md", "skipped", "same file as e.txt"),
    ("symlink loop", "sub/loop/", "skipped", "link to a folder already read"),
    ("second path to a file", "again.txt", "skipped", "same file as a.txt"),
    ("dangling link", "gone.txt", "skipped", "dangling link"),
    ("unknown kind", "notes.pdf", "skipped", "not a corpus file kind"),
]


@pytest.mark.parametrize("case, file, status, reason", CASES, ids=[c[0] for c in CASES])
def test_every_file_seen_is_in_the_load_report(linked, case, file, status, reason):
    files = read(linked).files.set_index("file")
    assert files.at[file, "status"] == status
    assert reason in files.at[file, "reason"]


def test_seen_equals_loaded_plus_skipped(linked):
    loaded = read(linked)
    files = loaded.files
    assert list(files.columns) == ["file", "kind", "status", "reason", "n_documents"]
    assert len(files) == 9  # a, sub/b, linked_dir/c, linked_dir/d, e, sub/loop, again, gone, notes.pdf
    assert set(files["status"]) == {"loaded", "skipped"}
    assert files.loc[files["status"] == "loaded", "n_documents"].sum() == len(loaded.documents) == 4
    assert sorted(loaded.documents["source_file"]) == ["a.txt", "e.txt", "linked_dir/c.txt", "sub/b.txt"]


def test_dangling_link_and_loop_are_warned_with_the_file(linked):
    with pytest.warns(CorpusWarning) as caught:
        ct.read_corpus(linked, clean=False)
    messages = [str(w.message) for w in caught]
    assert any("gone.txt: dangling link" in m for m in messages)
    assert any("loop: link to a folder already read" in m for m in messages)


def test_unreadable_file_is_skipped_not_a_traceback(tmp_path, monkeypatch):
    folder = tmp_path / "c"
    write(folder / "a.txt")
    locked = write(folder / "b.txt", TEXT.replace("Geneva", "Vienna"))
    real = Path.read_bytes

    def refuse(self):  # root ignores chmod 000, so the refusal is simulated
        if self == locked:
            raise PermissionError(13, "Permission denied", str(self))
        return real(self)

    monkeypatch.setattr(Path, "read_bytes", refuse)
    with pytest.warns(CorpusWarning, match=r"b\.txt: cannot be read \(Permission denied\)"):
        loaded = ct.read_corpus(folder, clean=False)
    assert loaded.documents["doc_id"].tolist() == ["a"]
    assert loaded.files.set_index("file").at["b.txt", "status"] == "skipped"


def test_unreadable_subfolder_is_listed(tmp_path, monkeypatch):
    folder = tmp_path / "c"
    write(folder / "a.txt")
    write(folder / "locked" / "b.txt")
    real = os.scandir

    def refuse(path):
        if Path(path).name == "locked":
            raise PermissionError(13, "Permission denied", str(path))
        return real(path)

    monkeypatch.setattr(listing_mod.os, "scandir", refuse)
    files, skipped = list_folder_files(folder)
    assert [p.name for p in files] == ["a.txt"]
    assert skipped == [
        {
            "file": "locked/",
            "kind": "folder",
            "status": "skipped",
            "reason": "folder cannot be read (Permission denied); its files are not read",
            "n_documents": 0,
        }
    ]


def test_hidden_files_are_listed_without_a_warning(tmp_path):
    folder = tmp_path / "c"
    write(folder / "a.txt")
    write(folder / ".git" / "config", "x")
    with warnings.catch_warnings():
        warnings.simplefilter("error", CorpusWarning)
        files = ct.read_corpus(folder, clean=False).files
    assert files[["file", "status", "reason"]].values.tolist() == [
        [".git/", "skipped", "hidden"],
        ["a.txt", "loaded", ""],
    ]


def test_table_corpus_is_one_row(tmp_path):
    table = write(tmp_path / "t.csv", "doc_id,text\nx,Hello there friends\ny,Goodbye now friends\n")
    files = read(table).files
    assert files.values.tolist() == [["t.csv", ".csv", "loaded", "", 2]]


@pytest.mark.parametrize(
    "rows, expected",
    [
        ([], "0 files seen: 0 loaded (0 documents), 0 skipped"),
        (
            [
                ("a.txt", "loaded", "", 1),
                ("b.html", "loaded", "", 2),
                ("notes.pdf", "skipped", "not a corpus file kind", 0),
            ],
            "3 files seen: 2 loaded (3 documents), 1 skipped: notes.pdf (not a corpus file kind)",
        ),
    ],
)
def test_format_files_summary(rows, expected):
    report = [{"file": f, "status": s, "reason": r, "n_documents": n} for f, s, r, n in rows]
    assert format_files_summary(report) == expected


def test_format_files_summary_names_at_most_limit():
    report = [{"file": f"f{i}.pdf", "status": "skipped", "reason": "x", "n_documents": 0} for i in range(4)]
    assert format_files_summary(report, limit=2).endswith("f0.pdf (x), f1.pdf (x) and 2 more")
