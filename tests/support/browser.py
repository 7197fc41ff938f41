"""Helpers for the browser tests: where chromium is, screenshots, and poking the stack's Redis."""

from __future__ import annotations

import json
import os
import subprocess
from pathlib import Path

from support.processes import ROOT, stack

CHROMIUM = os.environ.get("CHROMIUM", "/usr/bin/chromium")
CHROMIUM_ARGS = ["--no-sandbox", "--disable-gpu", "--disable-background-networking"]
SCREENSHOTS = ROOT / "var" / "screenshots"
# Quick exit goes to a neutral site; tests answer for it, since nothing here reaches the internet.
EXIT_URL = "https://www.yr.no/"


def screenshot(page, name: str) -> Path:
    SCREENSHOTS.mkdir(parents=True, exist_ok=True)
    path = SCREENSHOTS / f"{name}.png"
    page.screenshot(path=str(path), full_page=False)
    return path


def redis_cli(running_stack, *args: str) -> str:
    settings = running_stack.redis_settings
    cli = stack.find_redis_server().replace("redis-server", "redis-cli")
    result = subprocess.run(
        [cli, "-h", settings.host, "-p", str(settings.port), *args],
        capture_output=True, text=True, timeout=10, check=True,
    )
    return result.stdout.strip()


def push_agent_message(running_stack, session: str, text: str) -> None:
    message = {"role": "agent", "text": text, "buttons": [], "custom": {"kind": "agent", "lang": "nb"}}
    redis_cli(running_stack, "XADD", f"uv:widget:log:{session}", "*", "m", json.dumps(message))
