"""Helpers for the browser tests: where chromium is, screenshots, and poking the stack's Redis."""

from __future__ import annotations

import json
import os
import subprocess
from pathlib import Path

from common import redis_keys
from support.processes import ROOT, redis_cli, stack

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


def push_agent_message(running_stack, session: str, text: str) -> None:
    message = {"role": "agent", "text": text, "buttons": [], "custom": {"kind": "agent", "lang": "nb"}}
    redis_cli(running_stack, "XADD", redis_keys.transcript(session), "*", "m", json.dumps(message))


def restart(running_stack, name: str, timeout_seconds: float = 180) -> None:
    import time

    process = running_stack.processes[name]
    process.stop()
    process.start()
    deadline = time.monotonic() + timeout_seconds
    while time.monotonic() < deadline:
        if process.healthy():
            return
        if not process.running:
            break
        time.sleep(0.5)
    raise RuntimeError(f"{name} did not come back:\n{process.log_tail()}")


def add_content_owner(running_stack, username: str, role: str, directorate: str, password: str) -> None:
    """Create a knowledge-base account with the real CLI (service env)."""
    env = stack.base_env({"REDIS_URL": running_stack.redis_settings.url})
    subprocess.run(
        [str(stack.SERVICE_VENV / "bin" / "python"), "-m", "knowledge_base.kb_service.admin_cli", "create-user", username,
         "--role", role, "--directorate", directorate, "--password-stdin"],
        input=password + "\n", text=True, capture_output=True, check=True, cwd=ROOT, env=env, timeout=60,
    )


# Each CSP violation in a page, as the browser reports it to the page (before any script runs).
WATCH_CSP = """
window.__cspViolations = [];
document.addEventListener('securitypolicyviolation', (event) => {
  window.__cspViolations.push(event.violatedDirective + ' ' + event.blockedURI);
});
"""


def watch_page(page) -> list[str]:
    """Collect the page's CSP violations (read them with csp_violations), uncaught errors, and the
    errors and warnings it logs to the console, but for the browser's note on each refused request
    (the page answers those itself)."""
    problems: list[str] = []

    def on_console(message) -> None:
        if message.type in ("error", "warning") and not message.text.startswith("Failed to load resource:"):
            problems.append(f"{message.type}: {message.text} ({message.location.get('url')})")

    page.add_init_script(WATCH_CSP)
    page.on("pageerror", lambda error: problems.append(f"uncaught: {error}"))
    page.on("console", on_console)
    return problems


def csp_violations(page) -> list[str]:
    return page.evaluate("window.__cspViolations")
