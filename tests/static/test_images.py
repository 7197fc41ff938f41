"""Every image copies the shared package whole, and what the action server imports from it runs
in the rasa-sdk image (standard library only)."""

from __future__ import annotations

import ast
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
DOCKERFILES = {
    "knowledge base": (ROOT / "knowledge_base" / "Dockerfile", "COPY common common"),
    "rasa": (ROOT / "bot" / "Dockerfile", "COPY common /app/common"),
    "action server": (ROOT / "bot" / "actions" / "Dockerfile", "COPY common /app/common"),
}


def top_level_imports(path: Path) -> set[str]:
    tree = ast.parse(path.read_text(encoding="utf-8"))
    tops = {alias.name.split(".")[0] for node in ast.walk(tree) if isinstance(node, ast.Import) for alias in node.names}
    tops |= {node.module.split(".")[0] for node in ast.walk(tree) if isinstance(node, ast.ImportFrom) and node.level == 0 and node.module}
    return tops


@pytest.mark.parametrize("image", sorted(DOCKERFILES))
def test_each_image_copies_the_shared_package_whole(image):
    path, line = DOCKERFILES[image]
    lines = path.read_text().splitlines()
    assert line in lines
    # Nothing is hand-picked across the seam any more: no single files of another package.
    assert not [copy for copy in lines if copy.startswith("COPY connectors/") or copy.startswith("COPY knowledge_base/kb_service")]


def test_the_shared_package_needs_only_what_both_environments_have():
    allowed = {"argon2", "redis", "yaml"}
    for path in (ROOT / "common").rglob("*.py"):
        outside = top_level_imports(path) - set(sys.stdlib_module_names) - {"common"}
        assert outside <= allowed, (path.name, outside)
    for requirements in ("service.txt", "bot.txt"):
        pinned = (ROOT / "requirements" / requirements).read_text().lower()
        for name in ("argon2-cffi==", "redis==", "pyyaml=="):
            assert name in pinned, (requirements, name)


def test_the_action_server_imports_only_stdlib_modules_of_the_shared_package():
    """The rasa-sdk image has neither argon2 nor redis: the actions may import `common.spelling`
    and the like (and what bot/actions/requirements.txt installs: PyYAML for the chat network),
    and `common/__init__.py` may not import anything that needs more."""
    installed = {"yaml"} if "pyyaml==" in (ROOT / "bot" / "actions" / "requirements.txt").read_text().lower() else set()
    imported = set()
    for path in (ROOT / "bot" / "actions").rglob("*.py"):
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.ImportFrom) and node.level == 0 and (node.module or "").startswith("common."):
                imported.add(ROOT / (node.module.replace(".", "/") + ".py"))
    assert ROOT / "common" / "spelling.py" in imported
    # and what those modules import of the shared package in turn
    pending = list(imported)
    while pending:
        for node in ast.walk(ast.parse(pending.pop().read_text(encoding="utf-8"))):
            if isinstance(node, ast.ImportFrom) and node.level == 0 and (node.module or "").startswith("common."):
                module = ROOT / (node.module.replace(".", "/") + ".py")
                if module not in imported:
                    imported.add(module)
                    pending.append(module)
    for module in [*imported, ROOT / "common" / "__init__.py"]:
        assert top_level_imports(module) <= set(sys.stdlib_module_names) | installed | {"common"}, module
