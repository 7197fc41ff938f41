"""The seams between the packages: the channels (`connectors/`) and the knowledge base
(`knowledge_base/`) never import each other; both, and the actions, may import `common/`, which
imports neither. Checked on the source (AST), so a lazy import inside a function counts too."""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]


def imported_modules(path: Path) -> set[str]:
    """Absolute module names `path` imports; relative imports resolved against its package."""
    package = path.relative_to(ROOT).with_suffix("").parts[:-1]
    found = set()
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.Import):
            found |= {alias.name for alias in node.names}
        elif isinstance(node, ast.ImportFrom):
            if node.level:
                base = package[: len(package) - node.level + 1]
                module = ".".join([*base, node.module] if node.module else base)
            else:
                module = node.module or ""
            found.add(module)
            found |= {f"{module}.{alias.name}" for alias in node.names}
    return found


def imports_of(folder: str) -> dict[str, set[str]]:
    return {str(path.relative_to(ROOT)): imported_modules(path) for path in (ROOT / folder).rglob("*.py")}


def crossing(folder: str, forbidden: tuple[str, ...]) -> list[str]:
    return sorted(
        f"{path} imports {module}"
        for path, modules in imports_of(folder).items()
        for module in modules
        if module.split(".")[0] in forbidden
    )


@pytest.mark.parametrize(
    "folder, forbidden",
    [
        ("knowledge_base", ("connectors", "bot", "actions")),
        ("connectors", ("knowledge_base", "bot", "actions")),
        ("common", ("connectors", "knowledge_base", "bot", "actions")),
        ("bot/actions", ("connectors", "knowledge_base")),
    ],
)
def test_packages_import_only_across_the_shared_package(folder, forbidden):
    assert crossing(folder, forbidden) == []


def test_the_handoff_never_imports_the_widget():
    """Both use the transcript (`connectors/transcript.py`); the widget channel may start a
    handoff, but the handoff and the console know nothing of the widget."""
    found = sorted(
        f"{path} imports {module}"
        for path, modules in imports_of("connectors/handoff").items()
        for module in modules
        if module.startswith("connectors.widget")
    )
    assert found == []


def test_the_check_sees_relative_and_absolute_imports():
    package = ROOT / "connectors" / "handoff" / "console.py"
    modules = imported_modules(package)
    assert "common.login_throttle" in modules  # absolute
    assert "connectors.handoff.tickets" in modules  # relative, resolved
    assert "connectors.errors" in modules  # two dots up
