"""The seams between the packages: the channels (`connectors/`) and the knowledge base
(`knowledge_base/`) never import each other; both, and the actions, may import `common/`, which
imports neither. Checked on the source (AST), so a lazy import inside a function counts too.

The one crossing allowed is data, not code: the service catalogue's files under `knowledge_base/`
(`services.yml`, `services-added.yml`, `contact_channels.yml`), which `common/` reads, are copied
into the Rasa and action-server images beside it. (`rasa train` also reads `knowledge_base/content/`
from the repository for the crisis classifier; no image copies it.)"""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

from common.catalogue import CATALOGUE_FILES
from common.contact_channels import CHANNELS_FILE

ROOT = Path(__file__).resolve().parents[2]
# What the channels' images may take from the knowledge base's folder: the catalogue's data.
CATALOGUE_DATA = {str(path.relative_to(ROOT)) for path in (*CATALOGUE_FILES, CHANNELS_FILE)}


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


def copied_sources(dockerfile: Path) -> set[str]:
    """What the Dockerfile's COPY lines take from the build context."""
    sources = set()
    for line in dockerfile.read_text(encoding="utf-8").splitlines():
        words = line.split()
        if words[:1] == ["COPY"]:
            sources |= {word for word in words[1:-1] if not word.startswith("--")}
    return sources


@pytest.mark.parametrize("dockerfile", ["bot/Dockerfile", "bot/actions/Dockerfile"])
def test_the_channels_images_take_only_the_catalogue_data_from_the_knowledge_base(dockerfile):
    taken = {source for source in copied_sources(ROOT / dockerfile) if source.startswith("knowledge_base")}
    assert taken and taken <= CATALOGUE_DATA
    assert all(source.endswith(".yml") for source in CATALOGUE_DATA)


def test_the_knowledge_base_image_takes_nothing_of_the_channels_or_the_bot():
    taken = copied_sources(ROOT / "knowledge_base" / "Dockerfile")
    assert "common" in taken
    assert not [source for source in taken if source.split("/")[0] in ("connectors", "bot")]


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
