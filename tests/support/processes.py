"""Real processes for tests, started with the same launcher code that `make run` uses."""

from __future__ import annotations

import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT / "scripts"))

import stack  # noqa: E402  (the launcher is a script, not a package)

KB_FIXTURE_CONTENT = ROOT / "tests" / "kb" / "fixtures" / "content"


def start_kb(
    log_dir: Path, content_dir: Path = KB_FIXTURE_CONTENT, extra_env: dict[str, str] | None = None
) -> tuple[stack.Process, str]:
    """Start the knowledge-base service on a free port; return the process and its base URL."""
    port = stack.free_port()
    base_url = f"http://127.0.0.1:{port}"
    env = stack.base_env(
        {"KB_PORT": str(port), "KB_HOST": "127.0.0.1", "KB_CONTENT_DIR": str(content_dir), **(extra_env or {})}
    )
    process = stack.Process(
        name="kb",
        argv=[str(stack.SERVICE_VENV / "bin" / "python"), "-m", "knowledge_base.kb_service"],
        cwd=ROOT,
        env=env,
        log_path=log_dir / f"kb-{port}.log",
        health_url=f"{base_url}/healthz",
    )
    process.start()
    deadline = time.monotonic() + 120
    while time.monotonic() < deadline:
        if process.healthy():
            return process, base_url
        if not process.running:
            break
        time.sleep(0.3)
    process.stop()
    raise RuntimeError(f"knowledge base did not start:\n{process.log_tail()}")


def start_redis(data_dir: Path) -> tuple[stack.Process, int]:
    """A throwaway real Redis on a free port (no persistence); return the process and its port."""
    data_dir.mkdir(parents=True, exist_ok=True)
    port = stack.free_port()
    process = stack.Process(
        name="redis",
        argv=[stack.find_redis_server(), "--port", str(port), "--bind", "127.0.0.1",
              "--dir", str(data_dir), "--save", "", "--appendonly", "no"],
        cwd=data_dir,
        env=stack.base_env({}),
        log_path=data_dir / "redis.log",
    )
    process.start()
    deadline = time.monotonic() + 15
    while time.monotonic() < deadline:
        if stack.port_in_use(port):
            return process, port
        if not process.running:
            break
        time.sleep(0.1)
    process.stop()
    raise RuntimeError(f"redis did not start:\n{process.log_tail()}")


def start_test_stack(var_dir: Path) -> stack.Stack:
    """The whole stack as `make run` starts it, on free ports, with conversations kept 10 min."""
    config = stack.StackConfig(
        ports=stack.free_ports(stack.DEFAULT_PORTS),
        var_dir=var_dir,
        tracker_ttl_seconds=600,
    )
    started = stack.Stack(config)
    started.start(timeout_seconds=300)
    return started


def redis_cli(running_stack: stack.Stack, *args: str) -> str:
    """Run redis-cli against a running stack's Redis."""
    import subprocess

    settings = running_stack.redis_settings
    cli = stack.find_redis_server().replace("redis-server", "redis-cli")
    result = subprocess.run(
        [cli, "-h", settings.host, "-p", str(settings.port), *args],
        capture_output=True, text=True, timeout=10, check=True,
    )
    return result.stdout.strip()


def add_caseworker(running_stack: stack.Stack, username: str, team: str, password: str) -> None:
    """Create an account with the real CLI (bot env), as the README tells a first-time user. A
    handoff opens a ticket only for a team with an account (connectors/handoff/service.py)."""
    env = stack.base_env({"REDIS_URL": running_stack.redis_settings.url})
    subprocess.run(
        [str(stack.BOT_VENV / "bin" / "python"), "-m", "connectors.handoff", "add-caseworker", username,
         "--team", team, "--name", username.capitalize(), "--password-stdin"],
        input=password + "\n", text=True, capture_output=True, check=True, cwd=ROOT, env=env, timeout=60,
    )
