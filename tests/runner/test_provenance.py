"""Provenance: the package hash covers everything a notebook can import (walked, not listed) and
nothing of the runner; the word lists and their hashes; the recorded dependencies are real."""

from __future__ import annotations

import ast
import functools
import hashlib
import importlib.metadata
import json
import pkgutil
import re
import shutil
import tomllib
from pathlib import Path

import pytest

import corpus_tools
from corpus_tools.config import NOTEBOOKS_DIR, PACKAGE_DIR, PROJECT_DIR
from corpus_tools.runner.provenance import (
    DEPENDENCIES,
    format_package_id,
    make_cache_key,
    record_package,
    record_word_lists,
)
from corpus_tools.shipped import WORD_LISTS, resolve_resource

#: Recorded dependencies used without an ``import`` in the package or the notebooks.
NOT_IMPORTED = {"ipykernel": "the notebooks' Jupyter kernel, started by name"}
#: Recorded dependencies not imported yet on this branch (strict: the test fails once they are).


def _key(package_dir: Path) -> str:
    """The cache key of one fixed notebook, parameters and corpus: only the package varies."""
    package = record_package(package_dir)
    return make_cache_key(
        notebook_sha256="nb", parameters={"top_n": 20}, corpus_fingerprint="corpus", package=format_package_id(package)
    )


def _module_file(package_dir: Path, name: str) -> Path:
    """The file of module ``name`` (``corpus_tools.a.b``) inside a copy of the package."""
    parts = name.split(".")[1:]
    folder = package_dir.joinpath(*parts)
    return folder / "__init__.py" if folder.is_dir() else folder.with_suffix(".py")


@pytest.fixture(scope="module")
def package_copy(tmp_path_factory):
    copy = tmp_path_factory.mktemp("package") / "corpus_tools"
    shutil.copytree(PACKAGE_DIR, copy, ignore=shutil.ignore_patterns("__pycache__", ".ipynb_checkpoints"))
    return copy


def _walked_modules() -> list[str]:
    """Every module of the package, found by walking it."""
    found = ["corpus_tools"]
    found += [m.name for m in pkgutil.walk_packages(corpus_tools.__path__, prefix="corpus_tools.")]
    return sorted(found)


def test_the_copy_has_the_packages_key(package_copy):
    assert record_package(package_copy)["source_sha256"] == record_package()["source_sha256"]


def test_editing_any_module_a_notebook_can_import_changes_the_key_and_editing_the_runner_does_not(package_copy):
    modules = _walked_modules()
    importable = [m for m in modules if not m.startswith("corpus_tools.runner")]
    runner = [m for m in modules if m.startswith("corpus_tools.runner")]
    assert "corpus_tools.validation.sentiment" in importable and "corpus_tools.runner.run" in runner
    baseline = _key(package_copy)
    for name, should_change in [*((m, True) for m in importable), *((m, False) for m in runner)]:
        path = _module_file(package_copy, name)
        original = path.read_bytes()
        path.write_bytes(original + b"\n# edited\n")
        try:
            changed = _key(package_copy) != baseline
        finally:
            path.write_bytes(original)
        assert changed == should_change, f"editing {name} {'does not change' if should_change else 'changes'} the key"
    assert _key(package_copy) == baseline


def test_a_new_module_or_an_edited_resource_changes_the_key(package_copy):
    baseline = _key(package_copy)
    new = package_copy / "validation" / "extra.py"
    new.write_text('"""A module no list names."""\n', encoding="utf-8")
    try:
        assert _key(package_copy) != baseline
    finally:
        new.unlink()
    word_list = package_copy / "resources" / "negators.txt"
    original = word_list.read_bytes()
    word_list.write_bytes(original + b"nary\n")
    try:
        assert _key(package_copy) != baseline
    finally:
        word_list.write_bytes(original)
    (package_copy / "runner" / "new_runner_module.py").write_text("", encoding="utf-8")
    assert _key(package_copy) == baseline


def test_every_word_list_is_recorded_with_its_stage_and_hash():
    recorded = record_word_lists()
    assert set(recorded) == set(WORD_LISTS)
    for name, entry in recorded.items():
        assert entry["used_by"] == WORD_LISTS[name]
        assert entry["sha256"] == hashlib.sha256(resolve_resource(name).read_bytes()).hexdigest()


def _normalize(name: str) -> str:
    return re.sub(r"[-_.]+", "-", name).lower()


@functools.cache
def _declared() -> set[str]:
    project = tomllib.loads((PROJECT_DIR / "pyproject.toml").read_text(encoding="utf-8"))["project"]
    return {_normalize(re.split(r"[<>=!~\[; ]", spec, maxsplit=1)[0]) for spec in project["dependencies"]}


@functools.cache
def _imported_distributions() -> set[str]:
    """Distributions whose modules the package or a notebook imports."""
    sources = [p.read_text(encoding="utf-8") for p in PACKAGE_DIR.rglob("*.py")]
    for notebook in NOTEBOOKS_DIR.glob("*.ipynb"):
        cells = json.loads(notebook.read_text(encoding="utf-8"))["cells"]
        sources += ["".join(c["source"]) for c in cells if c["cell_type"] == "code"]
    modules = set()
    for source in sources:
        for node in ast.walk(ast.parse(source)):
            if isinstance(node, ast.Import):
                modules.update(a.name.split(".")[0] for a in node.names)
            elif isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
                modules.add(node.module.split(".")[0])
    owners = importlib.metadata.packages_distributions()
    return {_normalize(dist) for module in modules for dist in owners.get(module, [])}


@pytest.mark.parametrize("name", DEPENDENCIES)
def test_every_recorded_dependency_is_installed_and_declared(name):
    assert importlib.metadata.version(name), f"{name} is recorded but not installed"
    assert _normalize(name) in _declared(), f"{name} is recorded but not declared in pyproject.toml"


@pytest.mark.parametrize(
    "name",
    [n for n in DEPENDENCIES if n not in NOT_IMPORTED],
)
def test_every_recorded_dependency_is_imported_by_the_package_or_a_notebook(name):
    assert _normalize(name) in _imported_distributions(), (
        f"{name} is recorded but nothing imports it: a dead dependency?"
    )
