"""The house's shape, checked: readers and layout know nothing of each other, the CLI reads
through the pipeline, and no module imports itself round a circle.

A new reader (ALTO, hOCR) plugs in under `load/` and hands the pipeline the same page
geometry (`model.py`); role detection and story assembly live in `layout/`. These tests keep
that true as the code grows: they read every module's imports with `ast`, so nothing is run.
"""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

PACKAGE = Path(__file__).resolve().parents[1] / "src" / "broadsheet"


def module_name(path: Path) -> str:
    parts = path.relative_to(PACKAGE.parent).with_suffix("").parts
    return ".".join(parts[:-1] if parts[-1] == "__init__" else parts)


def imports(path: Path) -> set[str]:
    """The broadsheet modules a module imports, at any depth of its code."""
    found: set[str] = set()
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
            found.add(node.module)
            found.update(f"{node.module}.{a.name}" for a in node.names)
        elif isinstance(node, ast.Import):
            found.update(a.name for a in node.names)
    return {name for name in found if name.startswith("broadsheet")}


MODULES = {module_name(p): p for p in sorted(PACKAGE.rglob("*.py"))}
GRAPH = {
    name: {m for m in imports(path) if m in MODULES and m != name} for name, path in MODULES.items()
}


def in_package(name: str, package: str) -> bool:
    return name == package or name.startswith(package + ".")


@pytest.mark.parametrize(
    "importer, imported",
    [("broadsheet.load", "broadsheet.layout"), ("broadsheet.layout", "broadsheet.load")],
)
def test_readers_and_layout_import_nothing_from_each_other(importer: str, imported: str) -> None:
    crossing = sorted(
        f"{name} imports {m}"
        for name, deps in GRAPH.items()
        if in_package(name, importer)
        for m in deps
        if in_package(m, imported)
    )
    assert crossing == []


def test_cli_reads_inputs_only_through_the_pipeline() -> None:
    readers = sorted(m for m in GRAPH["broadsheet.cli"] if in_package(m, "broadsheet.load"))
    assert readers == []


def test_no_import_circle() -> None:
    """Depth-first search over the module graph; a back edge is a circle."""
    state: dict[str, int] = {}  # 1: on the current path, 2: done
    circles: list[str] = []

    def visit(name: str, path: list[str]) -> None:
        state[name] = 1
        for dep in sorted(GRAPH[name]):
            if state.get(dep) == 1:
                circles.append(" -> ".join([*path[path.index(dep) :], dep]))
            elif dep not in state:
                visit(dep, [*path, dep])
        state[name] = 2

    for name in sorted(GRAPH):
        if name not in state:
            visit(name, [name])
    assert circles == []


def test_the_graph_is_read() -> None:
    """The checks above see the real modules (an empty graph would pass them all)."""
    assert "broadsheet.pipeline" in GRAPH and "broadsheet.model" in GRAPH["broadsheet.pipeline"]
    assert any(in_package(m, "broadsheet.layout") for m in GRAPH["broadsheet.pipeline"])
