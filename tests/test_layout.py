"""The shape of the code: no import cycles between apps, no module or function too long.

Every app of the project (an installed app whose folder is in the repository) is read
with ``ast``, migrations aside (they are a frozen history and name other apps' models by
string). An import of another app anywhere in a module counts, inside a function or under
``TYPE_CHECKING`` too: an import hidden in a function is still a dependency. The apps
form layers: ``core`` imports no app, ``accounts`` only the core, the organisations and
the outbox import accounts, the domain apps import those, and the project
(``network_portal``) may import any app.
"""

from __future__ import annotations

import ast
from pathlib import Path

from django.apps import apps
from django.conf import settings

MAX_MODULE_LINES = 500
MAX_FUNCTION_LINES = 60

ROOT = Path(settings.BASE_DIR).resolve()


def _project_apps() -> dict[str, Path]:
    """The project's own top-level apps by package name, e.g. ``{"core": <path>}``."""
    found = {}
    for config in apps.get_app_configs():
        path = Path(config.path).resolve()
        if path.parent == ROOT:
            found[config.name.split(".")[0]] = path
    return found


APPS = _project_apps()


def _modules(app_path: Path) -> list[Path]:
    return sorted(
        path
        for path in app_path.rglob("*.py")
        if "migrations" not in path.relative_to(app_path).parts
    )


def _parsed() -> list[tuple[str, Path, str, ast.Module]]:
    rows = []
    for app, app_path in sorted(APPS.items()):
        for path in _modules(app_path):
            source = path.read_text(encoding="utf-8")
            rows.append((app, path, source, ast.parse(source, str(path))))
    return rows


MODULES = _parsed()


def _imported_apps(tree: ast.Module) -> dict[str, int]:
    """The apps a module imports (absolute imports, wherever they stand), each with the
    line of its first import."""
    found: dict[str, int] = {}
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            names = [alias.name for alias in node.names]
        elif isinstance(node, ast.ImportFrom) and node.level == 0 and node.module:
            names = [node.module]
        else:
            continue
        for name in names:
            top = name.split(".")[0]
            if top in APPS:
                found.setdefault(top, node.lineno)
    return found


def import_graph() -> dict[str, dict[str, str]]:
    """For each app, the apps it imports, each with where (``path:line``) it first does."""
    graph: dict[str, dict[str, str]] = {app: {} for app in APPS}
    for app, path, _source, tree in MODULES:
        for target, line in _imported_apps(tree).items():
            if target != app:
                graph[app].setdefault(target, f"{path.relative_to(ROOT)}:{line}")
    return graph


def cycles(graph: dict[str, dict[str, str]]) -> list[list[str]]:
    """The strongly connected components of more than one app (Tarjan), sorted."""
    index: dict[str, int] = {}
    low: dict[str, int] = {}
    stack: list[str] = []
    on_stack: set[str] = set()
    found: list[list[str]] = []

    def visit(app: str) -> None:
        index[app] = low[app] = len(index)
        stack.append(app)
        on_stack.add(app)
        for target in sorted(graph[app]):
            if target not in index:
                visit(target)
                low[app] = min(low[app], low[target])
            elif target in on_stack:
                low[app] = min(low[app], index[target])
        if low[app] == index[app]:
            component = []
            while True:
                member = stack.pop()
                on_stack.discard(member)
                component.append(member)
                if member == app:
                    break
            if len(component) > 1:
                found.append(sorted(component))

    for app in sorted(graph):
        if app not in index:
            visit(app)
    return sorted(found)


def _describe(component: list[str], graph: dict[str, dict[str, str]]) -> str:
    members = set(component)
    edges = [
        f"  {app} -> {target} ({where})"
        for app in component
        for target, where in sorted(graph[app].items())
        if target in members
    ]
    return "import cycle between " + ", ".join(component) + ":\n" + "\n".join(edges)


def test_the_layout_reads_every_app():
    assert {"core", "accounts", "partners", "notifications", "network_portal"} <= set(APPS)


def test_no_import_cycle_between_apps():
    graph = import_graph()
    found = cycles(graph)
    assert not found, "\n".join(_describe(component, graph) for component in found)


def test_the_core_imports_no_app():
    imported = import_graph()["core"]
    assert not imported, f"core imports {imported}"


def test_no_app_imports_the_project():
    importers = {
        app: where
        for app, imported in import_graph().items()
        if (where := imported.get("network_portal"))
    }
    assert not importers, f"network_portal is imported by {importers}"


def test_accounts_import_only_the_core():
    imported = set(import_graph()["accounts"]) - {"core"}
    assert not imported, f"accounts imports {sorted(imported)}"


def test_the_cycle_finder_names_a_cycle():
    graph = {"a": {"b": "a.py:1"}, "b": {"c": "b.py:1"}, "c": {"a": "c.py:1"}, "d": {}}
    assert cycles(graph) == [["a", "b", "c"]]
    assert "a -> b (a.py:1)" in _describe(["a", "b", "c"], graph)


def test_imports_inside_functions_and_type_checking_blocks_count():
    tree = ast.parse(
        "from typing import TYPE_CHECKING\n"
        "if TYPE_CHECKING:\n    from accounts.models import User\n"
        "def f():\n    import partners.rules\n"
        "from . import views\n"
    )
    assert _imported_apps(tree) == {"accounts": 3, "partners": 5}


def test_no_module_is_too_long():
    too_long = [
        f"{path.relative_to(ROOT)}: {lines} lines"
        for _app, path, source, _tree in MODULES
        if (lines := len(source.splitlines())) > MAX_MODULE_LINES
    ]
    assert not too_long, f"modules over {MAX_MODULE_LINES} lines:\n" + "\n".join(too_long)


def test_no_function_is_too_long():
    too_long = [
        f"{path.relative_to(ROOT)}:{node.lineno} {node.name}: {length} lines"
        for _app, path, _source, tree in MODULES
        for node in ast.walk(tree)
        if isinstance(node, ast.FunctionDef | ast.AsyncFunctionDef)
        and (length := (node.end_lineno or node.lineno) - node.lineno + 1) > MAX_FUNCTION_LINES
    ]
    assert not too_long, f"functions over {MAX_FUNCTION_LINES} lines:\n" + "\n".join(too_long)
