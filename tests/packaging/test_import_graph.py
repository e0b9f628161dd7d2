"""The import graph of ``pipeline``: no cycles, and no stage module imports another stage.

Every ``import`` counts, also those inside functions: a lazy import hides a cycle from the
interpreter, not from a reader.
"""
from __future__ import annotations

import ast
from pathlib import Path

from conftest import REPO

PACKAGE = REPO / "pipeline"
STAGE_BASE = "pipeline.stages.base"   # the stage protocol, not a stage


def module_name(path: Path) -> str:
    """``pipeline/ner/model.py`` -> ``pipeline.ner.model``; a package is its ``__init__``."""
    parts = list(path.relative_to(REPO).with_suffix("").parts)
    return ".".join(parts[:-1] if parts[-1] == "__init__" else parts)


def absolute(package: list[str], node: ast.ImportFrom) -> str:
    """The module ``from ... import`` names, from inside ``package``."""
    if not node.level:
        return node.module or ""
    parts = package[:len(package) - node.level + 1]
    return ".".join(parts + [node.module] if node.module else parts)


def import_graph() -> dict[str, set[str]]:
    """Module -> the modules of ``pipeline`` it imports (a submodule named in ``from X import``
    counts as that submodule, not as ``X``)."""
    files = {module_name(p): p for p in sorted(PACKAGE.rglob("*.py"))}
    graph: dict[str, set[str]] = {}
    for name, path in files.items():
        here = name.split(".") if path.name == "__init__.py" else name.split(".")[:-1]
        targets: set[str] = set()
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.Import):
                targets.update(a.name for a in node.names)
            elif isinstance(node, ast.ImportFrom):
                base = absolute(here, node)
                targets.update(f"{base}.{a.name}" if f"{base}.{a.name}" in files else base
                               for a in node.names)
        graph[name] = {t for t in targets if t in files and t != name}
    return graph


def cycles(graph: dict[str, set[str]]) -> list[list[str]]:
    """The strongly connected components with more than one module (Tarjan)."""
    index: dict[str, int] = {}
    low: dict[str, int] = {}
    stack: list[str] = []
    found: list[list[str]] = []

    def visit(v: str) -> None:
        index[v] = low[v] = len(index)
        stack.append(v)
        for w in sorted(graph[v]):
            if w not in index:
                visit(w)
                low[v] = min(low[v], low[w])
            elif w in stack:
                low[v] = min(low[v], index[w])
        if low[v] == index[v]:
            component = [stack.pop()]
            while component[-1] != v:
                component.append(stack.pop())
            if len(component) > 1:
                found.append(sorted(component))

    for v in sorted(graph):
        if v not in index:
            visit(v)
    return found


def test_no_import_cycles():
    assert cycles(import_graph()) == []


def test_no_stage_imports_another_stage():
    graph = import_graph()
    stages = {m for m in graph if m.startswith("pipeline.stages.") and m != STAGE_BASE}
    assert {m: sorted(graph[m] & stages) for m in stages if graph[m] & stages} == {}


def test_the_checks_see_a_cycle_and_a_relative_import():
    assert cycles({"a": {"b"}, "b": {"c"}, "c": {"a"}, "d": {"a"}}) == [["a", "b", "c"]]
    assert "pipeline.ner.features" in import_graph()["pipeline.ner.model"]
