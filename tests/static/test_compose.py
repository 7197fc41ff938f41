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
    assert SERVICES["rasa"]["image"] == "rasa/rasa:3.6.21-full"
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
