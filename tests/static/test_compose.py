"""docker-compose.yml is the production path; no Docker engine runs here, so check it statically
against the launcher that `make run` uses (scripts/stack.py) and against the Makefile."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
import yaml

from support.processes import stack

ROOT = Path(__file__).resolve().parents[2]
COMPOSE = yaml.safe_load((ROOT / "docker-compose.yml").read_text(encoding="utf-8"))
SERVICES = COMPOSE["services"]
COMPOSE_NAMES = {"rasa": "rasa", "actions": "action-server", "kb": "knowledge-base"}


def local_processes() -> dict[str, stack.Process]:
    redis = stack.RedisSettings(host="127.0.0.1", port=6379, db=0, password="")
    return stack.Stack(stack.StackConfig()).build_processes(redis)


def option(argv: list[str], flag: str) -> str:
    return argv[argv.index(flag) + 1]


def test_the_four_services_exist():
    assert set(SERVICES) == {"redis", "knowledge-base", "action-server", "rasa"}


def test_images_are_the_official_ones():
    rasa_dockerfile = (ROOT / SERVICES["rasa"]["build"]["dockerfile"]).read_text()
    assert re.search(r"^FROM rasa/rasa:3\.6\.21-full$", rasa_dockerfile, re.M)
    assert SERVICES["redis"]["image"].startswith("redis:")
    dockerfile = (ROOT / SERVICES["action-server"]["build"]["dockerfile"]).read_text()
    assert re.search(r"^FROM rasa/rasa-sdk:3\.6\.\d+$", dockerfile, re.M)
    assert (ROOT / SERVICES["knowledge-base"]["build"]["dockerfile"]).exists()


def test_redis_keeps_an_append_only_file():
    command = SERVICES["redis"]["command"]
    assert command[command.index("--appendonly") + 1] == "yes"


@pytest.mark.parametrize("name", ["rasa", "actions", "kb"])
def test_ports_match_the_local_defaults(name):
    port = stack.DEFAULT_PORTS[name]
    assert SERVICES[COMPOSE_NAMES[name]]["ports"] == [f"{port}:{port}"]


def test_rasa_command_matches_the_launcher():
    local = local_processes()["rasa"].argv
    compose = SERVICES["rasa"]["command"]
    assert compose[0] == local[1] == "run"
    for flag in ("--endpoints", "--credentials"):
        assert option(compose, flag) == option(local, flag)
    assert option(compose, "--port") == str(stack.DEFAULT_PORTS["rasa"])
    assert (ROOT / option(compose, "--model")) == stack.MODEL_PATH


def test_model_path_matches_the_makefile():
    makefile = (ROOT / "Makefile").read_text()
    assert f"MODEL      := {stack.MODEL_PATH.relative_to(ROOT)}" in makefile


def test_action_server_command_matches_the_launcher():
    local = local_processes()["actions"].argv
    compose = SERVICES["action-server"]["command"]
    assert option(compose, "--actions") == option(local, "--actions")
    assert option(compose, "--port") == str(stack.DEFAULT_PORTS["actions"])


def test_every_endpoint_variable_is_set_for_rasa():
    endpoints = (ROOT / "bot" / "endpoints.yml").read_text()
    needed = set(re.findall(r"\$\{([A-Z_]+)\}", endpoints))
    assert needed, "endpoints.yml reads no variables?"
    compose_env = SERVICES["rasa"]["environment"]
    local_env = local_processes()["rasa"].env
    assert needed <= set(compose_env)
    assert needed <= set(local_env)


def test_service_urls_point_at_the_right_containers():
    rasa_env = SERVICES["rasa"]["environment"]
    actions_port = stack.DEFAULT_PORTS["actions"]
    assert rasa_env["ACTION_ENDPOINT_URL"] == f"http://action-server:{actions_port}/webhook"
    assert rasa_env["REDIS_HOST"] == "redis"
    kb_port = stack.DEFAULT_PORTS["kb"]
    assert SERVICES["action-server"]["environment"]["KB_URL"] == f"http://knowledge-base:{kb_port}"
    assert SERVICES["knowledge-base"]["environment"]["KB_PORT"] == str(kb_port)


def test_variables_the_launcher_sets_are_set_in_compose_too():
    shared = {
        "KB_URL": "action-server",
        "ACTION_ENDPOINT_URL": "rasa",
        "KB_PORT": "knowledge-base",
        "OPENBLAS_NUM_THREADS": "knowledge-base",
    }
    for variable, service in shared.items():
        assert variable in local_processes()["rasa"].env
        assert variable in SERVICES[service]["environment"]


def pins(path: Path) -> dict[str, str]:
    found = {}
    for line in path.read_text().splitlines():
        if "==" in line and not line.startswith("#"):
            name, version = line.split("==", 1)
            found[name.strip().lower()] = version.strip()
    return found


def test_the_rasa_image_adds_what_our_components_import_with_the_local_pins():
    extra = pins(ROOT / "requirements" / "rasa-image.txt")
    local = pins(ROOT / "requirements" / "bot.txt")
    assert extra and all(local.get(name) == version for name, version in extra.items())
    dockerfile = (ROOT / "bot" / "Dockerfile").read_text()
    assert "requirements/rasa-image.txt" in dockerfile
    assert "COPY connectors /app/connectors" in dockerfile
    assert "COPY common /app/common" in dockerfile


def test_everything_connectors_import_is_in_the_rasa_image():
    """A module the Rasa container lacks would only fail in production: check every import of the
    channels and of the shared package they use."""
    import ast
    import importlib.metadata as metadata
    import sys

    def requirement_names(distribution: str, seen: set[str]) -> set[str]:
        name = distribution.lower().replace("_", "-")
        if name in seen:
            return seen
        seen.add(name)
        try:
            requires = metadata.requires(distribution) or []
        except metadata.PackageNotFoundError:
            return seen
        for requirement in requires:
            if "extra ==" in requirement:
                continue
            child = re.split(r"[ ;<>=!~\[(]", requirement, maxsplit=1)[0]
            requirement_names(child, seen)
        return seen

    in_image = requirement_names("rasa", set()) | set(pins(ROOT / "requirements" / "rasa-image.txt"))
    providers: dict[str, set[str]] = {}
    for distribution in metadata.distributions():
        name = distribution.metadata["Name"].lower().replace("_", "-")
        for file in distribution.files or []:
            providers.setdefault(file.parts[0].removesuffix(".py"), set()).add(name)
    missing = set()
    for path in [*(ROOT / "connectors").rglob("*.py"), *(ROOT / "common").rglob("*.py")]:
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            names = []
            if isinstance(node, ast.Import):
                names = [alias.name for alias in node.names]
            elif isinstance(node, ast.ImportFrom) and node.level == 0 and node.module:
                names = [node.module]
            for name in names:
                top = name.split(".")[0]
                if top in sys.stdlib_module_names or top in ("connectors", "common"):
                    continue
                if not providers.get(top, set()) & in_image:
                    missing.add(f"{top} ({path.relative_to(ROOT)})")
    assert not missing, f"imported by connectors/ or common/ but not in the Rasa image: {sorted(missing)}"
